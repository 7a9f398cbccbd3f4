import * as assert from 'node:assert/strict';
import { documentLinks } from '../../../server/src/core/language/links';
import { foldingRanges } from '../../../server/src/core/language/folding';
import { documentSymbols } from '../../../server/src/core/language/symbols';
import type { OutlineSymbol } from '../../../server/src/core/language/types';
import { fixture } from './helpers';

function child(symbols: readonly OutlineSymbol[], name: string): OutlineSymbol {
  const found = symbols.find((symbol) => symbol.name === name);
  if (!found) throw new Error(`no symbol ${name} among ${symbols.map((s) => s.name).join(', ')}`);
  return found;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

describe('document symbols', () => {
  it('outlines a contract: schema -> objects -> properties with logicalType, quality, servers, team, roles, SLA', () => {
    const { parsed, ranges } = fixture([
      'apiVersion: v3.1.0', 'kind: DataContract', 'id: c1',
      '‹schema:', '  - name: ‹orders›', '    physicalType: table', '    properties:', '      - name: ‹order_id›', '        logicalType: string',
      '      - name: address', '        logicalType: object', '        properties:', '          - name: city', '            logicalType: string',
      '    quality:', '      - metric: rowCount', '        mustBeGreaterThan: 0›',
      'servers:', '  - server: prod', '    type: postgres', '    environment: prod',
      'team:', '  name: Sales', '  members:', '    - username: ann', '      name: Ann', '      role: owner',
      'roles:', '  - role: reader', '    access: read',
      'slaProperties:', '  - property: latency', '    value: 4', '    unit: h', '',
    ].join('\n'));
    const symbols = documentSymbols(parsed);
    assert.deepEqual(symbols.map((s) => s.name), ['apiVersion', 'kind', 'id', 'schema', 'servers', 'team', 'roles', 'slaProperties']);
    const schema = child(symbols, 'schema');
    assert.deepEqual(schema.span, ranges[0]);
    const orders = child(schema.children, 'orders');
    assert.deepEqual(orders.selectionSpan, ranges[1]);
    assert.equal(orders.detail, 'table');
    const orderId = child(orders.children, 'order_id');
    assert.equal(orderId.detail, 'string');
    assert.deepEqual(orderId.selectionSpan, ranges[2]);
    assert.equal(child(child(orders.children, 'address').children, 'city').detail, 'string');
    assert.equal(child(child(orders.children, 'quality').children, 'rowCount').kind, 'event');
    assert.equal(child(child(symbols, 'servers').children, 'prod').detail, 'postgres · prod');
    assert.equal(child(child(child(symbols, 'team').children, 'members').children, 'Ann').detail, 'owner');
    assert.equal(child(child(symbols, 'roles').children, 'reader').detail, 'read');
    assert.equal(child(child(symbols, 'slaProperties').children, 'latency').detail, '4 · h');
    assert.equal(child(symbols, 'id').detail, 'c1');
  });

  it('outlines a product: ports with their contractId as detail', () => {
    const { parsed } = fixture('apiVersion: v1.0.0\nkind: DataProduct\nid: p\ninputPorts:\n  - name: sales\n    version: 1.0.0\n    contractId: urn:c:sales\noutputPorts:\n  - name: out\n    version: 2.0.0\n');
    const symbols = documentSymbols(parsed);
    assert.equal(child(child(symbols, 'inputPorts').children, 'sales').detail, 'urn:c:sales · 1.0.0');
    assert.equal(child(child(symbols, 'outputPorts').children, 'out').kind, 'interface');
  });

  it('keeps every child span inside its parent', () => {
    const { parsed } = fixture('kind: DataContract\nschema:\n  - name: a\n    properties:\n      - name: b\n\n\nstatus: x\n');
    const check = (symbol: OutlineSymbol): void => {
      assert.ok(symbol.selectionSpan.start >= symbol.span.start && symbol.selectionSpan.end <= symbol.span.end, symbol.name);
      for (const nested of symbol.children) {
        assert.ok(nested.span.start >= symbol.span.start && nested.span.end <= symbol.span.end, `${nested.name} in ${symbol.name}`);
        check(nested);
      }
    };
    documentSymbols(parsed).forEach(check);
  });
});

describe('folding ranges', () => {
  it('folds block mappings and sequences from their key or dash, block scalars and comment runs', () => {
    const { parsed, text, positions } = fixture([
      '‸# Header comment', '# second line‸', 'kind: DataContract',
      '‸schema:', '  ‸- name: orders', '    ‸properties:', '      - name: a', '      - name: b‸',
      '    ‸description: |', '      line one', '      line two‸',
      'tags: [a, b]', 'status: active', '',
    ].join('\n'));
    const lines = foldingRanges(parsed).map((range) => [lineOf(text, range.start), lineOf(text, range.end), range.kind]);
    const expected = [
      [positions[0], positions[1], 'comment'], [positions[2], positions[7], 'region'], [positions[3], positions[7], 'region'],
      [positions[4], positions[5], 'region'], [positions[6], positions[7], 'region'],
    ].map(([start, end, kind]) => [lineOf(text, start as number), lineOf(text, end as number), kind]);
    assert.deepEqual(lines.sort(), expected.sort());
  });
});

describe('document links', () => {
  it('links http(s) and mailto URLs under url keys, without quotes, and nothing else', () => {
    const { parsed, ranges } = fixture([
      'kind: DataContract', 'authoritativeDefinitions:', '  - type: businessDefinition', '    url: ‹https://wiki.example.com/orders›',
      'support:', '  - channel: mail', '    url: "‹mailto:team@example.com›"', '  - channel: db', '    url: jdbc:postgresql://host/db',
      'description:', '  purpose: see https://not-a-url-key.example.com', '',
    ].join('\n'));
    const links = documentLinks(parsed);
    assert.deepEqual(links.map((link) => link.span), ranges);
    assert.deepEqual(links.map((link) => link.target), ['https://wiki.example.com/orders', 'mailto:team@example.com']);
  });
});
