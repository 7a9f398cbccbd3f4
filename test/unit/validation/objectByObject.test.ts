/**
 * Contracts are validated object by object (schemaAnalyzer.ts `contractErrors`): the document without its schema
 * objects, then each object against the schema-object definition, with each object's errors remembered while the
 * object is unchanged. Two things must hold: the errors are exactly those of the whole-document validator, and a
 * remembered object's errors never outlive a change to it.
 */
import * as assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { compileValidators } from '../../../server/src/core/schemas';
import { contractErrors, schemaAnalyzer } from '../../../server/src/core/validation/schemaAnalyzer';
import { typeIntoExampleContracts } from '../../support/typedEdits';
import type { JsonObject } from '../conformance/json-tree';
import { buildMutationCorpus } from '../conformance/mutations';
import { loadExamples, loadOfficialSchema } from '../conformance/reference';

/** Errors as comparable strings, sorted: the two ways may list them in another order, never other errors. */
function normalised(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => JSON.stringify([error.instancePath, error.schemaPath, error.keyword, error.params, error.message])).sort();
}

function wholeDocumentErrors(value: unknown): string[] {
  const { odcs } = compileValidators();
  return odcs(value) ? [] : normalised(odcs.errors);
}

const CONTEXT = { uri: 'file:///contract.odcs.yaml', workspace: undefined };

describe('schema validation of a contract, object by object', () => {
  it('reports exactly the whole-document validator\'s errors on every mutated official contract', function () {
    this.timeout(60_000);
    const examples = [...loadExamples('odcs'), ...loadExamples('odps')];
    const corpus = buildMutationCorpus(examples, loadOfficialSchema('odcs') as JsonObject).filter((mutation) => mutation.standard === 'odcs');
    let withErrors = 0;
    for (const mutation of corpus) {
      const expected = wholeDocumentErrors(mutation.document);
      if (expected.length) withErrors++;
      assert.deepEqual(normalised(contractErrors(mutation.document)), expected, `${mutation.id}: ${mutation.detail}`);
    }
    assert.ok(withErrors > 300, `the corpus exercises errors (${withErrors} mutations with errors)`);
  });

  it('gives the findings of a fresh parse after every edit, remembered objects included', function () {
    this.timeout(120_000);
    let findingsSeen = 0;
    const incremental = typeIntoExampleContracts((parsed) => schemaAnalyzer(parsed, CONTEXT), (parsed, fresh) => {
      const findings = schemaAnalyzer(parsed, CONTEXT);
      findingsSeen += findings.length;
      assert.deepEqual(findings, schemaAnalyzer(fresh, CONTEXT));
    });
    assert.ok(incremental > 0 && findingsSeen > 0, `edits took the incremental path (${incremental}) and broke something (${findingsSeen} findings)`);
  });
});
