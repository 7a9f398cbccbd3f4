import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { DATSIS_DOCS_URL, ruleDocUrl } from '../../../server/src/core/datsis/analyzer';
import { fixesOf } from '../../../server/src/core/fixes/types';
import type { Finding } from '../../../server/src/core/types';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';

/**
 * Each fixture marks where the findings of ONE rule must land; the test compares the DATSIS findings of that
 * rule (through the full `analyze` pipeline, so the analyzer's registration is tested too).
 */
function datsisFindings(marked: string, code: string): { findings: Finding[]; ranges: { start: number; end: number }[]; text: string } {
  const { text, ranges } = parseMarkers(marked);
  const findings = analyze(parseDescriptor(text), { uri: 'file:///ws/sales/orders.odcs.yaml', workspace: undefined })
    .filter((finding) => finding.source === 'DATSIS' && finding.code === code);
  return { findings, ranges, text };
}

/** The fixture with `[name]` slots; `marked(...names)` turns the named slots into markers and drops the others. */
const CONTRACT = `# header comment
apiVersion: v3.1.0
[kind:kind]: DataContract
id: urn:acme:orders
[description:description]:
  usage: Join on order_id.
schema:
  - name: orders # the header table
    physicalName: orders
    properties:
      - name: order_id
        description: Unique order number from the web shop.
      - name: [email:"customer_email"]
        classification: restricted
      - [amount:physicalName]: amount
`;

function marked(...slots: string[]): string {
  return CONTRACT.replace(/\[(\w+):([^\]]+)\]/g, (_, slot: string, text: string) => (slots.includes(slot) ? `‹${text}›` : text));
}

describe('DATSIS findings: placement', () => {
  it('puts a missing top-level key on `kind`', () => {
    const { findings, ranges } = datsisFindings(marked('kind'), 'D-domain');
    assert.deepEqual(findings.map((f) => f.span), ranges);
  });

  it('puts a missing nested key on its parent key', () => {
    const { findings, ranges } = datsisFindings(marked('description'), 'D-purpose');
    assert.deepEqual(findings.map((f) => f.span), ranges);
  });

  it('puts a property without a description on its name value (quoted names included), or on its first key', () => {
    const { findings, ranges } = datsisFindings(marked('email', 'amount'), 'S-property-description');
    assert.deepEqual(findings.map((f) => f.span), ranges);
  });

  it('carries source, code, a docs link to the rule section and fixes as data', () => {
    const { findings } = datsisFindings(marked(), 'S-property-description');
    for (const finding of findings) {
      assert.equal(finding.source, 'DATSIS');
      assert.equal(finding.docUrl, `${DATSIS_DOCS_URL}#s-property-description`);
      assert.equal(finding.docUrl, ruleDocUrl('S-property-description'));
      assert.ok(fixesOf(finding).length > 0);
      assert.ok(fixesOf(finding).every((fix) => fix.actions.length > 0));
    }
  });

  it('uses each rule\'s default severity', () => {
    const text = marked();
    const all = analyze(parseDescriptor(text), { uri: 'file:///x.odcs.yaml', workspace: undefined }).filter((f) => f.source === 'DATSIS');
    assert.equal(all.find((f) => f.code === 'D-purpose')?.severity, 'warning');
    assert.equal(all.find((f) => f.code === 'S-examples')?.severity, 'hint');
  });
});
