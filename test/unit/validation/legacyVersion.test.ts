import * as assert from 'node:assert/strict';
import { expectFindingsAtMarkers, fixesOf, validateMarked } from './harness';

const body = 'kind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n';

describe('schema validation: contracts written for ODCS v3.0 and v2', () => {
  it('gives a valid v3.0 contract one information finding on apiVersion, naming what changed and offering the bump', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`apiVersion: ‹v3.0.2›\n${body}team:\n  - username: jo\n`));
    assert.equal(finding!.code, 'schema/legacy-api-version');
    assert.equal(finding!.severity, 'information');
    for (const change of ['`team` became an object', '`slaDefaultElement` is deprecated', '`relationships`', 'stable `id`']) {
      assert.ok(finding!.message.includes(change), `message names "${change}": ${finding!.message}`);
    }
    assert.deepEqual(fixesOf(finding!)[0]!.actions, [{ kind: 'replaceValue', path: ['apiVersion'], value: 'v3.1.0' }]);
  });

  // Four problems: the unknown `colums`, two properties without `name`, and the logicalType `text`.
  it('replaces a wall of v3.1 errors in a v3.0 contract by one warning that counts them', () => {
    const run = validateMarked(`apiVersion: ‹v3.0.1›\n${body}schema:\n  - name: t\n    colums: []\n    properties:\n      - physicalType: int\n      - logicalType: text\n`);
    const [finding] = expectFindingsAtMarkers(run);
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /Checked as v3\.1 this file has 4 schema problems/);
  });

  it('tells a v2 contract that its layout differs, without a version-bump fix', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`apiVersion: ‹v2.2.2›\nkind: DataContract\nuuid: c\ndataset:\n  - table: t\n`));
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /layout differs from v2/);
    assert.deepEqual(fixesOf(finding!), []);
  });

  it('validates v3.1 contracts in full', () => {
    const run = validateMarked('apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n‹colums›: []\n');
    assert.equal(expectFindingsAtMarkers(run)[0]!.code, 'schema/unknown-key');
  });
});
