/**
 * The official Bitol examples and our own example workspace must be clean: no schema or semantic errors.
 * Official examples are checked one by one (they reuse placeholder ids, so together they would collide);
 * ours are checked as one workspace, so the cross-file rules are exercised too.
 */
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { AnalysisContext } from '../../../server/src/core/context';
import { semanticAnalyzer } from '../../../server/src/core/semantic/semanticAnalyzer';
import type { Finding } from '../../../server/src/core/types';
import { schemaAnalyzer } from '../../../server/src/core/validation/schemaAnalyzer';
import { summarize } from '../../../server/src/core/workspace/summarize';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';
import { EXAMPLES_DIR, readExamples } from '../../support/examples';
import { readReferenceExamples } from '../../support/reference';

function errorsOf(parsed: ParsedDescriptor, context: AnalysisContext): Finding[] {
  return [...parsed.syntaxFindings, ...schemaAnalyzer(parsed, context), ...semanticAnalyzer(parsed, context)].filter((f) => f.severity === 'error');
}

function describeErrors(text: string, errors: readonly Finding[]): string {
  return errors.map((f) => `${f.code} at "${text.slice(f.span.start, f.span.end)}": ${f.message}`).join('\n');
}

describe('official examples and the example workspace are clean', () => {
  for (const kind of ['odcs', 'odps'] as const) {
    for (const example of readReferenceExamples(kind)) {
      it(`official ${kind} example ${example.name} has no schema or semantic errors`, () => {
        const parsed = parseDescriptor(example.text);
        assert.ok(parsed.kind, 'is recognised as a descriptor');
        const errors = errorsOf(parsed, { uri: pathToFileURL(example.path).href, workspace: undefined });
        assert.deepEqual(errors, [], describeErrors(example.text, errors));
      });
    }
  }

  const examples = readExamples();

  it('the example workspace holds descriptors', () => {
    assert.ok(examples.length > 0, `no examples found in ${EXAMPLES_DIR}`);
  });

  const index = new WorkspaceIndex();
  const parsedFiles = examples.map(({ name, uri, text }) => {
    const parsed = parseDescriptor(text);
    index.update(uri, summarize(parsed, uri));
    return { name, uri, text, parsed };
  });
  for (const { name, uri, text, parsed } of parsedFiles) {
    it(`example ${name} has no schema or semantic errors within the workspace`, () => {
      const errors = errorsOf(parsed, { uri, workspace: index });
      assert.deepEqual(errors, [], describeErrors(text, errors));
    });
  }
});
