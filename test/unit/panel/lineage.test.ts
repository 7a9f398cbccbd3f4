import * as assert from 'node:assert/strict';
import { buildLineage, NODE_HEIGHT, NODE_WIDTH } from '../../../server/src/core/marketplace/lineage';
import { buildWorkspaceSummary } from '../../../server/src/core/marketplace/summary';
import { missingNodeKey } from '../../../server/src/core/marketplace/types';
import { fact, meshSummary, port, uriOf } from './fixtures';

describe('lineage graph', () => {
  const graph = buildLineage(meshSummary());
  const node = (key: string) => graph.nodes.find((candidate) => candidate.key === key)!;

  it('puts producers left of their contracts and consumers right of them', () => {
    const columns = Object.fromEntries(graph.nodes.map((candidate) => [candidate.label, candidate.column]));
    assert.ok(columns['POS Transactions']! < columns.pos_receipts!);
    assert.ok(columns.pos_receipts! < columns['Price Recommendations']!);
    assert.ok(columns['Price Recommendations']! < columns.prices!);
    assert.equal(node(missingNodeKey('urn:missing:stock')).column, 0);
  });

  it('draws the unresolved contract id as a missing node with a broken link, and opens nothing there', () => {
    const missing = node(missingNodeKey('urn:missing:stock'));
    assert.equal(missing.kind, 'missing');
    assert.equal(missing.label, 'urn:missing:stock');
    assert.equal(missing.uri, undefined);
    assert.equal(graph.brokenCount, 1);
    const broken = graph.links.filter((link) => link.broken);
    assert.equal(broken.length, 1);
    assert.equal(broken[0]!.label, 'urn:missing:stock is consumed by Price Recommendations (broken link: contract not found)');
  });

  it('places nodes on a grid without overlaps and links edge to edge', () => {
    const boxes = graph.nodes.map((candidate) => `${candidate.x},${candidate.y}`);
    assert.equal(new Set(boxes).size, boxes.length);
    for (const candidate of graph.nodes) {
      assert.ok(candidate.x + NODE_WIDTH <= graph.width && candidate.y + NODE_HEIGHT <= graph.height);
    }
    const link = graph.links.find((candidate) => candidate.from === uriOf('sales/pos.odps.yaml') && candidate.to === uriOf('sales/receipts.odcs.yaml'))!;
    const from = node(uriOf('sales/pos.odps.yaml'));
    const to = node(uriOf('sales/receipts.odcs.yaml'));
    assert.ok(link.path.startsWith(`M${from.x + NODE_WIDTH} ${from.y + NODE_HEIGHT / 2} `));
    assert.ok(link.path.endsWith(` ${to.x} ${to.y + NODE_HEIGHT / 2}`));
  });

  it('survives a cycle (a product consuming its own contract)', () => {
    const cyclic = buildLineage(buildWorkspaceSummary([
      fact({ file: 'loop.odps.yaml', kind: 'product', name: 'Loop', inputs: [port('in', 'c')], outputs: [port('out', 'c')] }),
      fact({ file: 'c.odcs.yaml', kind: 'contract', id: 'c' }),
    ]));
    assert.equal(cyclic.nodes.length, 2);
    assert.equal(cyclic.links.length, 2);
  });

  it('is empty for an empty workspace', () => {
    const empty = buildLineage({ entries: [], edges: [] });
    assert.deepEqual([empty.nodes.length, empty.width, empty.height], [0, 0, 0]);
  });
});
