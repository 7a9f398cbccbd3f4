/**
 * The quick-fixes against the example workspace: every fix the analysis offers is applied on its own and must
 * improve the descriptor without collateral damage; "fix all" on the poorest example, once the author fills the
 * placeholders, must reach the top band.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import type { AnalysisContext } from '../../../server/src/core/context';
import { DEFAULT_LEVELS } from '../../../server/src/core/datsis/config';
import { scoreDescriptor, descriptorId } from '../../../server/src/core/datsis/score';
import { applyEdits, fixAllEdits, fixesOf, fixToEdits } from '../../../server/src/core/fixes';
import type { Finding } from '../../../server/src/core/types';
import { schemaValidation } from '../../../server/src/core/validation/schemaAnalyzer';
import { summarize } from '../../../server/src/core/workspace/summarize';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';
import { readExamples } from '../../support/examples';
import { commentLines } from './fixHelpers';
import { applySnippetEdits, fillPlaceholders } from './fillPlaceholders';

const TOP_BAND = DEFAULT_LEVELS[DEFAULT_LEVELS.length - 1]!;

interface Example {
  readonly name: string;
  readonly uri: string;
  readonly text: string;
}

/** Scores documents as the CLI does: one workspace of all examples, products folding in their contracts. */
class ExampleWorkspace {
  private readonly index = new WorkspaceIndex();
  private readonly parsed = new Map<string, ParsedDescriptor>();

  constructor(readonly examples: readonly Example[]) {
    for (const example of examples) this.replace(example.uri, example.text);
  }

  replace(uri: string, text: string): ParsedDescriptor {
    const parsed = parseDescriptor(text);
    this.parsed.set(uri, parsed);
    this.index.update(uri, summarize(parsed, uri));
    return parsed;
  }

  context(uri: string): AnalysisContext {
    const contractScores = (id: string) => {
      const entry = [...this.parsed.entries()].find(([, parsed]) => parsed.kind === 'DataContract' && descriptorId(parsed) === id);
      return entry ? scoreDescriptor(entry[1], { uri: entry[0], workspace: this.index })?.dimensions : undefined;
    };
    return { uri, workspace: this.index, contractScores };
  }

  score(uri: string, parsed = this.parsed.get(uri)!): number {
    return scoreDescriptor(parsed, this.context(uri))!.overall;
  }
}

function schemaErrors(parsed: ParsedDescriptor): string[] {
  return schemaValidation(parsed).findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.code} ${finding.message}`);
}

function stillThere(findings: readonly Finding[], finding: Finding): boolean {
  return findings.some((other) => other.code === finding.code && other.message === finding.message);
}

describe('quick-fixes on the example workspace', function () {
  this.timeout(120_000);
  let examples: Example[];

  before(async () => {
    examples = readExamples();
    assert.ok(examples.length >= 10, `expected the example workspace, found ${examples.length} files`);
  });

  it('every offered fix raises the score or closes its gap, keeps the YAML and schema valid, and keeps every comment', () => {
    const workspace = new ExampleWorkspace(examples);
    let applied = 0;
    for (const example of examples) {
      const parsed = parseDescriptor(example.text);
      const context = workspace.context(example.uri);
      const before = workspace.score(example.uri, parsed);
      const beforeSchema = schemaErrors(parsed);
      const beforeComments = commentLines(example.text);
      for (const finding of analyze(parsed, context)) {
        for (const fix of fixesOf(finding)) {
          const where = `${example.name}: ${finding.code} "${fix.title}"`;
          const edits = fixToEdits(parsed, fix);
          assert.ok(edits.length > 0, `${where} offers no edit`);
          const text = applyEdits(example.text, edits);
          const after = parseDescriptor(text);
          assert.deepEqual(after.syntaxFindings, [], `${where} breaks the YAML`);
          assert.deepEqual(schemaErrors(after).filter((error) => !beforeSchema.includes(error)), [], `${where} breaks the schema`);
          assert.deepEqual(commentLines(text), beforeComments, `${where} loses or changes a comment`);
          const score = scoreDescriptor(after, context)!.overall;
          assert.ok(score > before || !stillThere(analyze(after, context), finding), `${where}: score ${before} -> ${score} and the gap is still there`);
          applied++;
        }
      }
    }
    assert.ok(applied > 100, `expected the examples to offer many fixes, applied ${applied}`);
  });

  it('"fix all" on the poorest example (and the contract behind its port) reaches the top band once placeholders are filled', () => {
    const workspace = new ExampleWorkspace(examples);
    const poorest = [...examples].sort((a, b) => workspace.score(a.uri) - workspace.score(b.uri))[0]!;
    const before = workspace.score(poorest.uri);
    // A product's score folds in its contracts: the author fixes both, as the README's "poor" pair.
    const related = examples.filter((example) => example === poorest || (example.name.startsWith(poorest.name.split('.')[0]!) && example !== poorest));
    for (const example of related) {
      const parsed = parseDescriptor(example.text);
      const edits = fixAllEdits(parsed, analyze(parsed, workspace.context(example.uri)), { snippets: true });
      const applied = applySnippetEdits(example.text, edits);
      assert.ok(applied.placeholders.length > 0, `${example.name}: fix all leaves placeholders to fill`);
      const filled = fillPlaceholders(applied.text, applied.placeholders);
      assert.deepEqual(commentLines(filled), commentLines(example.text), `${example.name}: comments survive fix all`);
      workspace.replace(example.uri, filled);
    }
    const after = workspace.score(poorest.uri);
    for (const example of related) {
      const score = workspace.score(example.uri);
      assert.ok(score >= TOP_BAND.min, `${example.name}: ${score} after fix all, below ${TOP_BAND.name} (${TOP_BAND.min})`);
    }
    assert.ok(after > before);
    console.log(`      poorest example ${poorest.name}: DATSIS ${before} -> ${after} after fix all and filling (${related.map((example) => example.name).join(', ')})`);
  });

  it('"fix all" closes every gap it has a fix for, with non-overlapping edits, fast enough for the editor', () => {
    const workspace = new ExampleWorkspace(examples);
    for (const example of examples) {
      const parsed = parseDescriptor(example.text);
      const findings = analyze(parsed, workspace.context(example.uri));
      const started = performance.now();
      const edits = fixAllEdits(parsed, findings);
      const elapsed = performance.now() - started;
      const spans = edits.map((edit) => edit.span);
      for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start > spans[i - 1]!.end, `${example.name}: edits touch or overlap`);
      const result = parseDescriptor(applyEdits(example.text, edits));
      assert.deepEqual(result.syntaxFindings, []);
      const remaining = analyze(result, workspace.context(example.uri)).filter((finding) => fixesOf(finding).some((fix) => fix.fixAll));
      assert.deepEqual(remaining.map((finding) => `${finding.code}: ${finding.message}`), [], `${example.name}: gaps that fix all should have closed`);
      assert.ok(elapsed < 2000, `${example.name}: fix all took ${elapsed.toFixed(0)} ms`);
    }
  });
});
