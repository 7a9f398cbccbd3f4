import * as assert from 'node:assert/strict';
import { buildWorkspaceSummary, collectClassifications, descriptorPurpose, MAX_PURPOSE_CHARS } from '../../../server/src/core/marketplace/summary';
import { missingNodeKey } from '../../../server/src/core/marketplace/types';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { fact, meshSummary, port, uriOf } from './fixtures';

describe('workspace summary', () => {
  const summary = meshSummary();
  const entry = (file: string) => summary.entries.find((candidate) => candidate.uri === uriOf(file))!;

  it('resolves each port to the contract behind it, or to nothing', () => {
    const pricing = entry('pricing/prices.odps.yaml');
    assert.deepEqual(pricing.inputPorts.map((p) => [p.name, p.contractUris]), [
      ['receipts', [uriOf('sales/receipts.odcs.yaml')]],
      ['daily', [uriOf('sales/daily.odcs.yaml')]],
      ['stock', []],
    ]);
  });

  it('draws product -> contract -> consumer edges and marks the unresolved one broken', () => {
    const edges = summary.edges.map((edge) => `${edge.from} -> ${edge.to}${edge.broken ? ' (broken)' : ''}`);
    assert.deepEqual(edges.sort(), [
      `${missingNodeKey('urn:missing:stock')} -> ${uriOf('pricing/prices.odps.yaml')} (broken)`,
      `${uriOf('pricing/prices.odps.yaml')} -> ${uriOf('pricing/prices.odcs.yaml')}`,
      `${uriOf('sales/daily.odcs.yaml')} -> ${uriOf('pricing/prices.odps.yaml')}`,
      `${uriOf('sales/pos.odps.yaml')} -> ${uriOf('sales/daily.odcs.yaml')}`,
      `${uriOf('sales/pos.odps.yaml')} -> ${uriOf('sales/receipts.odcs.yaml')}`,
      `${uriOf('sales/receipts.odcs.yaml')} -> ${uriOf('pricing/prices.odps.yaml')}`,
    ].sort());
  });

  it('gives a product the classifications of the contracts it exposes', () => {
    assert.deepEqual(entry('sales/pos.odps.yaml').classifications, ['internal', 'public', 'restricted']);
    assert.deepEqual(entry('pricing/prices.odps.yaml').classifications, []);
    assert.deepEqual(entry('sales/receipts.odcs.yaml').classifications, ['public', 'restricted']);
  });

  it('prefers the contract whose version matches the port when an id has several', () => {
    const result = buildWorkspaceSummary([
      fact({ file: 'p.odps.yaml', kind: 'product', outputs: [port('out', 'c', '2.0.0')] }),
      fact({ file: 'c-v1.odcs.yaml', kind: 'contract', id: 'c', version: '1.0.0' }),
      fact({ file: 'c-v2.odcs.yaml', kind: 'contract', id: 'c', version: '2.0.0' }),
    ]);
    const product = result.entries.find((candidate) => candidate.kind === 'DataProduct')!;
    assert.deepEqual(product.outputPorts[0]!.contractUris, [uriOf('c-v2.odcs.yaml')]);
  });

  it('shortens long purposes to one line', () => {
    const long = `First line\n${'word '.repeat(200)}`;
    const [only] = buildWorkspaceSummary([fact({ file: 'c.odcs.yaml', kind: 'contract', purpose: long })]).entries;
    assert.equal(only!.purpose!.length, MAX_PURPOSE_CHARS);
    assert.ok(only!.purpose!.startsWith('First line word'));
    assert.ok(only!.purpose!.endsWith('…'));
  });

  it('collects classifications from objects, properties and nested items', () => {
    const { value } = parseDescriptor([
      'kind: DataContract',
      'schema:',
      '  - name: customers',
      '    classification: internal',
      '    properties:',
      '      - name: email',
      '        classification: restricted',
      '      - name: address',
      '        logicalType: object',
      '        properties:',
      '          - name: street',
      '            classification: confidential',
      '      - name: phones',
      '        logicalType: array',
      '        items:',
      '          classification: restricted',
      '      - name: id',
    ].join('\n'));
    assert.deepEqual(collectClassifications(value), ['confidential', 'internal', 'restricted']);
    assert.deepEqual(collectClassifications({ schema: 'not a list' }), []);
    assert.deepEqual(collectClassifications(undefined), []);
  });

  it('reads description.purpose only when it is text', () => {
    assert.equal(descriptorPurpose({ description: { purpose: '  Sell more.  ' } }), 'Sell more.');
    assert.equal(descriptorPurpose({ description: 'flat text' }), undefined);
    assert.equal(descriptorPurpose({ description: { purpose: 42 } }), undefined);
  });
});
