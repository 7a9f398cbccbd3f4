/**
 * Conformance of our own JSON Schemas (schemas/*.json) with the official Bitol ODCS v3.1.0 / ODPS v1.0.0 schemas:
 * same verdicts on the official examples and on a deterministic corpus of mutations, except for the
 * deliberate divergences listed in conformance/divergences.ts; plus documentation completeness and a
 * guard against copying official prose.
 */
import assert from 'node:assert/strict';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileValidators, createAjv, odcsSchema, odpsSchema, rulesSchema } from '../../server/src/core/schemas';
import { compileOfficialValidator, loadExamples, loadOfficialSchema, referenceDir, type Standard } from './conformance/reference';
import { buildMutationCorpus, type Mutation } from './conformance/mutations';
import { REFERENCE_FORMS } from './conformance/odcs-mutations';
import { ALLOWED_DIVERGENCES, divergentVerdict } from './conformance/divergences';
import {
  allStrings, attachedSnippets, descriptionStrings, documentationIssues, expandSnippetBody,
} from './conformance/schema-walk';
import type { JsonObject } from './conformance/json-tree';

const OURS = { odcs: odcsSchema, odps: odpsSchema, rules: rulesSchema } as const;
const MIN_COPY_LENGTH = 30;

const describeErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');

describe('conformance of our schemas with the official Bitol schemas', function () {
  this.timeout(120_000);

  const standards: Standard[] = ['odcs', 'odps'];
  const ours = (s: Standard): ValidateFunction => compileValidators()[s];

  it('finds the reference material beside the checkout', () => {
    assert.match(referenceDir(), /shared[\\/]reference$/);
  });

  for (const standard of standards) {
    it(`accepts every official ${standard.toUpperCase()} example`, () => {
      const examples = loadExamples(standard);
      assert.ok(examples.length > 0, 'no examples found');
      const official = compileOfficialValidator(standard);
      const rejected = examples
        .filter((e) => !ours(standard)(e.document))
        .map((e) => `${e.file}: ${describeErrors(ours(standard).errors)}`);
      assert.deepEqual(rejected, []);
      // Sanity check on the reference itself: the official schema accepts its own examples too.
      assert.deepEqual(examples.filter((e) => !official(e.document)).map((e) => e.file), []);
      console.log(`      ${examples.length} official ${standard} examples validate clean`);
    });
  }

  it('gives the same verdict as the official schemas on the mutation corpus, apart from listed divergences', () => {
    const examples = [...loadExamples('odcs'), ...loadExamples('odps')];
    const corpus = buildMutationCorpus(examples, loadOfficialSchema('odcs') as JsonObject);
    const official = { odcs: compileOfficialValidator('odcs'), odps: compileOfficialValidator('odps') };
    const unexplained: string[] = [];
    const seen = new Map<string, number>();
    let invalid = 0;
    let diverged = 0;
    for (const m of corpus) {
      const oursValid = ours(m.standard)(m.document);
      const officialValid = official[m.standard](m.document);
      if (!officialValid) invalid++;
      if (oursValid === officialValid) continue;
      diverged++;
      const allowed = ALLOWED_DIVERGENCES.find((d) => d.appliesTo(m) && d.ours === oursValid && d.official === officialValid);
      if (allowed) seen.set(allowed.id, (seen.get(allowed.id) ?? 0) + 1);
      else unexplained.push(explain(m, oursValid, ours(m.standard).errors, official[m.standard].errors));
    }
    console.log(
      `      ${corpus.length} mutations checked (${invalid} invalid / ${corpus.length - invalid} valid per official schema), ` +
        `${diverged} allowed divergences: ${[...seen].map(([id, n]) => `${id} x${n}`).join(', ') || 'none'}`
    );
    assert.ok(corpus.length >= 300, `corpus too small: ${corpus.length}`);
    assert.ok(invalid > corpus.length / 4 && invalid < corpus.length, 'corpus must mix valid and invalid documents');
    assert.deepEqual(unexplained.slice(0, 10), [], `${unexplained.length} unexplained divergences`);
    for (const d of ALLOWED_DIVERGENCES) assert.ok(seen.has(d.id), `allowed divergence "${d.id}" never occurred; remove or fix it`);
  });

  // The mutation corpus tries every form in the official examples' relationships; this states the verdicts per
  // form, so a schema that starts accepting, say, `urn:x.object.property` fails here under that name. Forms our
  // schema accepts on purpose (`contract-id.object.property`, nested names) name their divergence.
  it('gives the official verdict on each way of writing a relationship reference, apart from listed divergences', () => {
    const official = compileOfficialValidator('odcs');
    const contract = (to: string) => ({
      apiVersion: 'v3.1.0', kind: 'DataContract', id: 'c', version: '1.0.0', status: 'active',
      schema: [{ name: 'orders', properties: [{ name: 'receiver_id', relationships: [{ to }] }] }],
    });
    const verdict = (validate: ValidateFunction, reference: string) => (validate(contract(reference)) ? 'accepted' : 'rejected');
    const officialVerdicts = REFERENCE_FORMS.map(({ form, reference }) => [form, verdict(official, reference)]);
    assert.deepEqual(officialVerdicts, REFERENCE_FORMS.map(({ form, official: expected }) => [form, expected]), 'the reference schema changed its verdict on a form');
    const expected = REFERENCE_FORMS.map(({ form, official: officialVerdict, divergence }) => [form, divergence ? divergentVerdict(divergence) : officialVerdict]);
    assert.deepEqual(REFERENCE_FORMS.map(({ form, reference }) => [form, verdict(ours('odcs'), reference)]), expected);
  });

  it('keeps the corpus deterministic', () => {
    const examples = [...loadExamples('odcs'), ...loadExamples('odps')];
    const officialOdcs = loadOfficialSchema('odcs') as JsonObject;
    const first = buildMutationCorpus(examples, officialOdcs).map((m) => m.id);
    const second = buildMutationCorpus(examples, officialOdcs).map((m) => m.id);
    assert.deepEqual(second, first);
  });
});

function explain(m: Mutation, oursValid: boolean, oursErrors: ValidateFunction['errors'], officialErrors: ValidateFunction['errors']): string {
  return `${m.id}: ours=${oursValid ? 'valid' : 'invalid'} official=${oursValid ? 'invalid' : 'valid'} | ours: ${describeErrors(oursErrors)} | official: ${describeErrors(officialErrors)}`;
}

describe('quality of our schemas', () => {
  for (const [name, schema] of Object.entries(OURS)) {
    describe(name, () => {
      it('compiles under Ajv strict mode with our editor keywords', () => {
        assert.doesNotThrow(() => createAjv().compile(schema));
      });

      it('rejects a typo in an editor keyword (strict mode really is on)', () => {
        assert.throws(() => createAjv().compile({ ...schema, $id: undefined, markdownDescripton: 'typo' }), /unknown keyword/);
      });

      it('documents every property and every enum value', () => {
        assert.deepEqual(documentationIssues(schema as JsonObject), []);
      });

      it('has default snippets whose expanded bodies validate against the schema they are attached to', () => {
        const ajv = createAjv();
        ajv.addSchema(schema);
        const problems: string[] = [];
        for (const snippet of attachedSnippets(schema as JsonObject)) {
          const validate = ajv.getSchema(`${String(schema.$id)}#${snippet.pointer}`);
          assert.ok(validate, `cannot resolve ${snippet.pointer}`);
          if (!validate(expandSnippetBody(snippet.body))) problems.push(`${snippet.label} @${snippet.pointer}: ${describeErrors(validate.errors)}`);
        }
        assert.deepEqual(problems, []);
      });
    });
  }

  it('offers snippets for the common building blocks', () => {
    const labels = (schema: unknown) => attachedSnippets(schema as JsonObject).map((s) => s.label);
    const odcs = labels(odcsSchema).join('\n');
    for (const expected of [
      'Schema object', 'Property', 'Quality rule: library', 'Quality rule: text', 'Quality rule: SQL', 'Quality rule: custom',
      'Server: PostgreSQL', 'Server: Snowflake', 'Server: Google BigQuery', 'Server: Databricks', 'Server: DuckDB', 'Server: Exasol',
      'Server: Apache Kafka', 'Server: Amazon S3', 'Team member', 'SLA property', 'Support channel', 'Access role', 'Authoritative definition',
    ]) assert.ok(odcs.includes(expected), `ODCS snippet missing: ${expected}`);
    const odps = labels(odpsSchema).join('\n');
    for (const expected of ['Input port', 'Output port', 'Authoritative definition', 'Team member', 'Support channel']) {
      assert.ok(odps.includes(expected), `ODPS snippet missing: ${expected}`);
    }
  });

  it('copies no description from the official schemas', () => {
    const officialDescriptions = [...new Set([...descriptionStrings(loadOfficialSchema('odcs') as JsonObject), ...descriptionStrings(loadOfficialSchema('odps') as JsonObject)])]
      .filter((d) => d.length > MIN_COPY_LENGTH);
    assert.ok(officialDescriptions.length > 100, 'expected to compare against the official descriptions');
    const ourStrings = Object.values(OURS).flatMap((s) => allStrings(s as JsonObject));
    const copied = officialDescriptions.filter((d) => ourStrings.some((s) => s.includes(d)));
    assert.deepEqual(copied, []);
  });
});
