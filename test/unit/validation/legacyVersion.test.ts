import * as assert from 'node:assert/strict';
import { schemaAnalyzer } from '../../../server/src/core/validation/schemaAnalyzer';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { readReferenceExamples } from '../../support/reference';
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

  it('does not count a 3.0.x value the enum lacks as a problem: the bump replaces it', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`apiVersion: ‹v3.0.9›\n${body}`));
    assert.equal(finding!.severity, 'information');
    assert.match(finding!.message, /It is already valid as v3\.1/);
  });

  it('validates v3.1 contracts in full', () => {
    const run = validateMarked('apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n‹colums›: []\n');
    assert.equal(expectFindingsAtMarkers(run)[0]!.code, 'schema/unknown-key');
  });
});

const productBody = 'kind: DataProduct\nid: p\nversion: 1.0.0\nstatus: active\n';

describe('schema validation: products written for ODPS v0.x', () => {
  it('gives a v0.9.0 product valid as v1.0 one information finding on apiVersion, naming what changed and offering the bump', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`apiVersion: ‹v0.9.0›\n${productBody}team:\n  name: sales\n`));
    assert.equal(finding!.code, 'schema/legacy-api-version');
    assert.equal(finding!.severity, 'information');
    assert.match(finding!.message, /^This product declares ODPS v0\.9\.0; datsis checks products against ODPS v1\.0\.0\. What changed in 1\.0: /);
    for (const change of ['`team` became an object', 'ports can carry `tags`, `customProperties` and `authoritativeDefinitions`', '`type` of an authoritative definition is free text']) {
      assert.ok(finding!.message.includes(change), `message names "${change}": ${finding!.message}`);
    }
    assert.match(finding!.message, /already valid as v1\.0, so setting `apiVersion: v1\.0\.0` is all it takes/);
    assert.deepEqual(fixesOf(finding!)[0]!.actions, [{ kind: 'replaceValue', path: ['apiVersion'], value: 'v1.0.0' }]);
  });

  // Two problems, both typical of a 0.9 product: `team` as a bare list of members, and a port without its version.
  it('replaces the v1.0 errors of a 0.9-shaped product by one warning that counts them and still offers the bump', () => {
    const run = validateMarked(`apiVersion: ‹v0.9.0›\n${productBody}outputPorts:\n  - name: main\n    contractId: c\nteam:\n  - username: jo\n`);
    const [finding] = expectFindingsAtMarkers(run);
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /Checked as v1\.0 this file has 2 schema problems; set `apiVersion: v1\.0\.0` to see and fix them\./);
    assert.equal(fixesOf(finding!).length, 1);
  });

  it('treats the 0.1 draft like 0.9, without counting its version (which the enum does not list) as a problem', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`apiVersion: ‹v0.1.0›\n${productBody}`));
    assert.equal(finding!.severity, 'information');
    assert.match(finding!.message, /declares ODPS v0\.1\.0/);
  });

  it('gives the official examples, which still declare v0.9.0, only the information with the bump', () => {
    for (const example of readReferenceExamples('odps')) {
      const findings = schemaAnalyzer(parseDescriptor(example.text), { uri: 'file:///reference/example.odps.yaml', workspace: undefined });
      assert.deepEqual(findings.map((f) => [f.code, f.severity, example.text.slice(f.span.start, f.span.end)]), [['schema/legacy-api-version', 'information', 'v0.9.0']], example.name);
    }
  });

  it('validates v1.0.0 products in full', () => {
    const run = validateMarked(`apiVersion: v1.0.0\n${productBody}‹outputPort›: []\n`);
    assert.equal(expectFindingsAtMarkers(run)[0]!.code, 'schema/unknown-key');
  });
});

// A release newer than the schemas know (the next one of each standard: ODCS v3.2.0, ODPS v1.1.0) is not "legacy":
// both standards report it with the enum error and a fix to the current release, and check the rest of the file
// in full, so the author still sees everything the schema knows.
describe('schema validation: versions newer than the schemas know', () => {
  const cases = [
    { standard: 'ODCS', newer: 'v3.2.0', current: 'v3.1.0', rest: body },
    { standard: 'ODPS', newer: 'v1.1.0', current: 'v1.0.0', rest: productBody },
  ];
  for (const { standard, newer, current, rest } of cases) {
    it(`${standard} ${newer}: an enum error on apiVersion with a fix to ${current}, and the rest validated`, () => {
      const [onVersion, unknown] = expectFindingsAtMarkers(validateMarked(`apiVersion: ‹${newer}›\n${rest}‹colums›: []\n`));
      assert.equal(onVersion!.code, 'schema/enum');
      assert.equal(onVersion!.severity, 'error');
      assert.deepEqual(fixesOf(onVersion!).map((fix) => fix.actions), [[{ kind: 'replaceValue', path: ['apiVersion'], value: current }]]);
      assert.equal(unknown!.code, 'schema/unknown-key');
    });
  }
});
