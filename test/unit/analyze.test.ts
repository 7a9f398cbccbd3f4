import * as assert from 'node:assert/strict';
import { analyze, INTERNAL_ERROR_CODE, type Analyzer } from '../../server/src/core/analyze';
import { schemaAnalyzer } from '../../server/src/core/validation/schemaAnalyzer';
import { parseDescriptor } from '../../server/src/core/yaml/parse';

const CONTEXT = { uri: 'file:///orders.odcs.yaml', workspace: undefined };
const CONTRACT = 'apiVersion: v3.1.0\nkind: DataContract\nid: orders\nversion: 1.0.0\nstatus: active\nnmae: orders\n';

describe('the analysis pipeline', () => {
  it('keeps the other layers\' findings when one layer throws, and says which checks did not run', () => {
    const brokenAnalyzer: Analyzer = () => {
      throw new TypeError('r is not a function');
    };
    const parsed = parseDescriptor(CONTRACT);
    const findings = analyze(parsed, CONTEXT, [schemaAnalyzer, brokenAnalyzer]);
    assert.deepEqual(findings.filter((finding) => finding.source === 'schema'), [...schemaAnalyzer(parsed, CONTEXT)]);
    assert.ok(findings.some((finding) => finding.source === 'schema'), 'the misspelt key is still reported');
    const internal = findings.filter((finding) => finding.code === INTERNAL_ERROR_CODE);
    assert.equal(internal.length, 1);
    assert.match(internal[0]!.message, /could not finish its broken checks \(r is not a function\)/);
  });
});
