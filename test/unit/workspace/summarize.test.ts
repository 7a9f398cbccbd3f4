import * as assert from 'node:assert/strict';
import { summarize } from '../../../server/src/core/workspace/summarize';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';
import { typeIntoExampleContracts } from '../../support/typedEdits';

const URI = 'file:///workspace/orders.odcs.yaml';

describe('workspace summary of one descriptor', () => {
  it('summarises a contract: identity, owner, tags and the objects with their properties and name spans', () => {
    const { text, ranges } = parseMarkers(`apiVersion: v3.1.0
kind: DataContract
id: ‹urn:orders›
name: orders
version: 1.10
status: active
domain: sales
tags: [finance, daily]
team:
  name: order-team
  members:
    - username: jo
      name: Jo Smith
      role: Data Product Owner
schema:
  - name: ‹orders›
    id: orders_tbl
    physicalName: orders_v1
    description: One row per order.
    properties:
      - name: ‹order_id›
        logicalType: integer
      - logicalType: string
`);
    const summary = summarize(parseDescriptor(text), URI)!;
    assert.equal(summary.kind, 'DataContract');
    assert.equal(summary.id, 'urn:orders');
    assert.deepEqual(summary.idSpan, ranges[0]);
    assert.equal(summary.version, '1.10', 'keeps the version as written, not the number 1.1');
    assert.equal(summary.owner, 'Jo Smith');
    assert.deepEqual(summary.tags, ['finance', 'daily']);
    assert.equal(summary.objects.length, 1);
    const [object] = summary.objects;
    assert.deepEqual([object!.name, object!.id, object!.physicalName, object!.description], ['orders', 'orders_tbl', 'orders_v1', 'One row per order.']);
    assert.deepEqual(object!.nameSpan, ranges[1]);
    assert.deepEqual(object!.properties.map((p) => [p.name, p.logicalType, p.nameSpan]), [['order_id', 'integer', ranges[2]]], 'skips properties without a name');
    assert.deepEqual([summary.inputPorts, summary.outputPorts], [[], []]);
  });

  it('summarises a product: its ports with contract ids and where they are', () => {
    const { text, ranges } = parseMarkers(`apiVersion: v1.0.0
kind: DataProduct
id: p-1
status: draft
team:
  - username: ann
    role: owner
inputPorts:
  - name: payments
    version: 1.0.0
    contractId: ‹urn:payments›
outputPorts:
  - ‹name: orders
    version: 2.0.0›
`);
    const summary = summarize(parseDescriptor(text), URI)!;
    assert.equal(summary.owner, 'ann', 'reads the older list-of-members team too');
    assert.deepEqual(summary.inputPorts.map((p) => [p.name, p.contractId, p.version, p.contractIdSpan]), [['payments', 'urn:payments', '1.0.0', ranges[0]]]);
    const [output] = summary.outputPorts;
    assert.equal(output!.contractId, undefined);
    assert.deepEqual(output!.span, ranges[1]);
    assert.deepEqual(output!.contractIdSpan, ranges[1], 'without a contractId, points at the port');
  });

  it('returns nothing for YAML that is not a descriptor', () => {
    assert.equal(summarize(parseDescriptor('name: x\n'), URI), undefined);
    assert.equal(summarize(parseDescriptor('- 1\n- 2\n'), URI), undefined);
  });

  it('survives broken shapes without throwing', () => {
    const summary = summarize(parseDescriptor('kind: DataContract\nschema: {a: 1}\ntags: plain\nteam: 5\nid: [1]\n'), URI)!;
    assert.deepEqual([summary.objects, summary.tags, summary.owner, summary.id], [[], [], undefined, undefined]);
  });

  it('summarises an incrementally reparsed document exactly as a fresh parse of its text', function () {
    this.timeout(120_000);
    // Object summaries are remembered by value and shifted when text before them changes: typing anywhere must
    // give what summarising the text from scratch gives, spans included.
    const incremental = typeIntoExampleContracts((parsed) => summarize(parsed, URI), (parsed, fresh) => {
      assert.deepEqual(summarize(parsed, URI), summarize(fresh, URI));
    });
    assert.ok(incremental > 0, 'some edits took the incremental path');
  });
});
