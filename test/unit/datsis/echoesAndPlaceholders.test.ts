import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { placeholderReason } from '../../../server/src/core/datsis/placeholders';
import { scoreDescriptor } from '../../../server/src/core/datsis/score';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { summarizeText } from '../../../server/src/core/workspace/summarize';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';

const PRODUCT = `apiVersion: v1.0.0
kind: DataProduct
id: 5f0c9a1e-1b7e-4b51-9a4c-0a4c3b8e2d11
status: active
outputPorts:
  - name: sales
    version: 1.0.0
    contractId: ‹urn:acme:contract:nowhere›
`;

describe('one mistake, one diagnostic', () => {
  it('leaves out the DATSIS gap that echoes an unresolved contractId, but still scores it', () => {
    const { text, ranges } = parseMarkers(PRODUCT);
    const uri = 'file:///ws/sales/sales.odps.yaml';
    const workspace = new WorkspaceIndex();
    workspace.update(uri, summarizeText(text, uri));
    const parsed = parseDescriptor(text);
    const findings = analyze(parsed, { uri, workspace });
    const onContractId = findings.filter((finding) => finding.span.start === ranges[0]!.start && finding.span.end === ranges[0]!.end);
    assert.deepEqual(onContractId.map((finding) => finding.code), ['semantic/unknown-contract']);
    const gaps = scoreDescriptor(parsed, { uri, workspace })!.gaps.filter((gap) => gap.rule === 'A-port-contract');
    assert.equal(gaps.length, 1, 'the score still counts the unresolved port');
  });
});

describe('unfilled placeholders', () => {
  it('are placeholders, not descriptions', () => {
    assert.equal(placeholderReason('${what this product is for, which business questions it answers}'), 'placeholder');
    assert.equal(placeholderReason('Daily sales per store, used by ${team} for pricing decisions'), 'placeholder');
    assert.equal(placeholderReason('Daily sales per store and SKU, used by pricing and forecasting.'), undefined);
  });

  it('earn no points: a domain or owner left as ${...} counts as missing', () => {
    const base = 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:acme:c\nversion: 1.0.0\nstatus: active\n';
    const filled = scoreDescriptor(parseDescriptor(`${base}domain: sales\n`), { uri: 'file:///c.odcs.yaml', workspace: undefined })!;
    const unfilled = scoreDescriptor(parseDescriptor(`${base}domain: \${business domain}\n`), { uri: 'file:///c.odcs.yaml', workspace: undefined })!;
    assert.ok(unfilled.dimensions.discoverable < filled.dimensions.discoverable, `${unfilled.dimensions.discoverable} < ${filled.dimensions.discoverable}`);
    assert.ok(unfilled.gaps.some((gap) => gap.rule === 'D-domain'));
  });
});
