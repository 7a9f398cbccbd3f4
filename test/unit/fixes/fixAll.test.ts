import * as assert from 'node:assert/strict';
import { applyEdits, fixAllEdits, type Fix } from '../../../server/src/core/fixes';
import type { Finding } from '../../../server/src/core/types';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';

function finding(...fixes: Fix[]): Finding {
  return { span: { start: 0, end: 0 }, message: 'gap', severity: 'warning', code: 'T-test', source: 'DATSIS', data: { fixes } };
}

function fix(title: string, actions: Fix['actions'], fixAll = true): Fix {
  return { title, actions, fixAll };
}

describe('edit engine: fix all', () => {
  const contract = '# header\napiVersion: v3.1.0\nkind: DataContract\nid: abc\n‸version: 1.0.0 # semver\nstatus: draft\n‸\ndescription:\n  purpose: x\n‸\nschema:\n  - name: a\n‸';

  it('combines every fix-all fix into one set of non-overlapping edits on the original text', () => {
    const { text, positions } = parseMarkers(contract);
    const findings = [
      finding(fix('name', [{ kind: 'insertKey', parentPath: [], key: 'name', value: 'orders' }])),
      finding(fix('domain', [{ kind: 'insertKey', parentPath: [], key: 'domain', value: 'sales' }])),
      finding(fix('usage', [{ kind: 'insertKey', parentPath: ['description'], key: 'usage', value: 'Join on id' }])),
      finding(fix('object description', [{ kind: 'insertKey', parentPath: ['schema', 0], key: 'description', value: 'One row per order' }])),
    ];
    const edits = fixAllEdits(parseDescriptor(text), findings);
    assert.deepEqual(edits.map((edit) => edit.span), positions.map((offset) => ({ start: offset, end: offset })));
    assert.equal(applyEdits(text, edits),
      '# header\napiVersion: v3.1.0\nkind: DataContract\nid: abc\nname: orders\nversion: 1.0.0 # semver\nstatus: draft\ndomain: sales\n\ndescription:\n  purpose: x\n  usage: Join on id\n\nschema:\n  - name: a\n    description: One row per order\n');
  });

  it('merges two fixes that create and then fill the same missing mapping', () => {
    const { text } = parseMarkers(contract);
    const findings = [
      finding(fix('team name', [{ kind: 'insertKey', parentPath: ['team'], key: 'name', value: 'Orders' }])),
      finding(fix('team owner', [{ kind: 'appendItem', path: ['team', 'members'], value: { username: 'ana', role: 'owner' } }])),
    ];
    const edits = fixAllEdits(parseDescriptor(text), findings);
    assert.equal(edits.length, 1, 'one insertion for the whole team block');
    assert.ok(applyEdits(text, edits).endsWith('  - name: a\n\nteam:\n  name: Orders\n  members:\n    - username: ana\n      role: owner\n'));
  });

  it('applies the first fix-all fix of a finding only, skips fixes not meant for fix all, and applies a repeated fix once', () => {
    const { text } = parseMarkers(contract);
    const tags = fix('tags', [{ kind: 'appendItem', path: ['tags'], value: 'orders' }]);
    const findings = [
      finding(fix('ask first', [{ kind: 'insertKey', parentPath: [], key: 'tenant', value: 'x' }], false), tags, fix('other tags', [{ kind: 'appendItem', path: ['tags'], value: 'other' }])),
      finding(tags),
      { span: { start: 0, end: 0 }, message: 'no data', severity: 'error', code: 'x', source: 'schema' } satisfies Finding,
    ];
    const result = applyEdits(text, fixAllEdits(parseDescriptor(text), findings));
    assert.ok(!result.includes('tenant:'));
    assert.ok(!result.includes('other'));
    assert.equal(result.split('- orders').length - 1, 1);
  });

  it('returns no edits when nothing applies', () => {
    const { text } = parseMarkers(contract);
    assert.deepEqual(fixAllEdits(parseDescriptor(text), [finding(fix('present', [{ kind: 'insertKey', parentPath: [], key: 'id', value: 'x' }]))]), []);
  });
});
