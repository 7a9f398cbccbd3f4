import * as assert from 'node:assert/strict';
import { checkRule } from '../../../server/src/core/semantic/rule';
import { logicalTypeOptionsRule } from '../../../server/src/core/semantic/logicalTypeOptions';
import { semanticAnalyzer } from '../../../server/src/core/semantic/semanticAnalyzer';
import { schemaAnalyzer } from '../../../server/src/core/validation/schemaAnalyzer';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';
import { checkMarked, CONTRACT_HEADER, expectFindingsAtMarkers } from './harness';

const property = (lines: string): string => `${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: p\n${lines}`;

describe('semantic rule: logicalTypeOptions fit the logicalType', () => {
  it('accepts options that suit the type', () => {
    expectFindingsAtMarkers(checkMarked(property('        logicalType: string\n        logicalTypeOptions:\n          minLength: 1\n          maxLength: 10\n'), 'semantic/'));
  });

  it('warns about options on a property without a logicalType, when the schema has not already objected', () => {
    const value = { schema: [{ name: 'orders', properties: [{ name: 'p', logicalTypeOptions: { maxLength: 10 } }] }] };
    const problems = checkRule(logicalTypeOptionsRule, { value, kind: 'DataContract', uri: 'file:///x', workspace: undefined, schemaFlagged: () => false });
    assert.deepEqual(problems.map((p) => [p.path, p.on]), [[['schema', 0, 'properties', 0, 'logicalTypeOptions'], 'key']]);
  });

  it('gives options without a logicalType one diagnostic in all (our schema reports it, naming the missing type)', () => {
    const { text, ranges } = parseMarkers(property('        logicalTypeOptions:\n          ‹maxLength›: 10\n'));
    const parsed = parseDescriptor(text);
    const context = { uri: 'file:///x', workspace: undefined };
    const findings = [...schemaAnalyzer(parsed, context), ...semanticAnalyzer(parsed, context)];
    assert.deepEqual(findings.map((f) => f.span), ranges);
    assert.match(findings[0]!.message, /depends on `logicalType`, which is not set/);
  });

  it('reports a lower bound above the upper bound', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(property('        logicalType: integer\n        logicalTypeOptions:\n          minimum: ‹10›\n          maximum: 5\n'), 'semantic/'));
    assert.equal(finding!.severity, 'error');
  });

  it('reports options of a type the schema leaves open (boolean)', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(property('        logicalType: boolean\n        logicalTypeOptions:\n          ‹maxLength›: 1\n'), 'semantic/'));
    assert.match(finding!.message, /takes no options/);
  });

  it('leaves option keys the schema already rejects to the schema (one diagnostic per mistake)', () => {
    expectFindingsAtMarkers(checkMarked(property('        logicalType: number\n        logicalTypeOptions:\n          minLength: 3\n'), 'semantic/'));
  });

  it('reports required names that are not nested properties of an object', () => {
    expectFindingsAtMarkers(checkMarked(property('        logicalType: object\n        logicalTypeOptions:\n          required: [street, ‹zip›]\n        properties:\n          - name: street\n'), 'semantic/'));
  });
});
