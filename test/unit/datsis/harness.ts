/**
 * Table-driven rule tests: every rubric rule is exercised through `scoreDescriptor` with at least one fixture
 * it accepts and one it rejects, and each rejected fixture marks (with `‹ ›`) exactly where the gaps must be
 * reported. `rubricCoverage.test.ts` checks that no rule of the table is left without both kinds of case.
 */
import * as assert from 'node:assert/strict';
import type { AnalysisContext } from '../../../server/src/core/context';
import { DEFAULT_RULES_CONFIG, mergeRulesConfig, type RulesConfig, type RulesFileContent } from '../../../server/src/core/datsis/config';
import { scoreDescriptor, type ContractScoreLookup } from '../../../server/src/core/datsis/score';
import type { RuleOutcome, ScoreGap } from '../../../server/src/core/datsis/types';
import type { Fix } from '../../../server/src/core/fixes/types';
import type { WorkspaceView } from '../../../server/src/core/workspace/types';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';

export const CONTRACT = 'apiVersion: v3.1.0\nkind: DataContract\n';
export const PRODUCT = 'apiVersion: v1.0.0\nkind: DataProduct\n';
export const TOP = '‹kind›';

export interface CaseOptions {
  readonly uri?: string;
  readonly rules?: RulesFileContent;
  readonly workspace?: WorkspaceView;
  readonly contractScores?: ContractScoreLookup;
}

export interface RuleCase extends CaseOptions {
  readonly name: string;
  /** The fixture; in rejected cases, `‹ ›` marks every expected gap span. */
  readonly yaml: string;
  /** Expected satisfied fraction; accepted cases default to 1, `'n/a'` means the rule does not apply. */
  readonly satisfied?: number | 'n/a';
  /** Rejected cases: check the first gap's first fix (title is not compared). */
  readonly fix?: Partial<Pick<Fix, 'fixAll'>> & { readonly actions?: Fix['actions'] } | 'none';
}

export interface Evaluation {
  readonly outcome: RuleOutcome | undefined;
  readonly gaps: readonly ScoreGap[];
  readonly text: string;
  readonly ranges: readonly { start: number; end: number }[];
}

export function contextFor(options: CaseOptions): AnalysisContext {
  const rules: RulesConfig = mergeRulesConfig(DEFAULT_RULES_CONFIG, options.rules);
  return { uri: options.uri ?? 'file:///ws/sales/orders.odcs.yaml', workspace: options.workspace, rules, contractScores: options.contractScores };
}

export function evaluateRule(ruleId: string, marked: string, options: CaseOptions = {}): Evaluation {
  const { text, ranges } = parseMarkers(marked);
  const report = scoreDescriptor(parseDescriptor(text), contextFor(options));
  assert.ok(report, 'the fixture must be a descriptor');
  return {
    outcome: report.outcomes.find((outcome) => outcome.rule === ruleId),
    gaps: report.gaps.filter((gap) => gap.rule === ruleId),
    text, ranges,
  };
}

const registered = new Map<string, { accepted: number; rejected: number }>();

export function registeredRuleCases(): ReadonlyMap<string, { accepted: number; rejected: number }> {
  return registered;
}

export function describeRule(ruleId: string, cases: { accepted: readonly RuleCase[]; rejected: readonly RuleCase[] }): void {
  registered.set(ruleId, { accepted: cases.accepted.length, rejected: cases.rejected.length });
  describe(ruleId, () => {
    for (const testCase of cases.accepted) {
      it(`accepts: ${testCase.name}`, () => {
        const { outcome, gaps } = evaluateRule(ruleId, testCase.yaml, testCase);
        assert.ok(outcome, `${ruleId} did not run`);
        assert.equal(outcome.satisfied, testCase.satisfied === 'n/a' ? undefined : testCase.satisfied ?? 1);
        assert.deepEqual(gaps.map((gap) => gap.message), []);
      });
    }
    for (const testCase of cases.rejected) {
      it(`rejects: ${testCase.name}`, () => {
        const { outcome, gaps, ranges, text } = evaluateRule(ruleId, testCase.yaml, testCase);
        assert.ok(outcome, `${ruleId} did not run`);
        assert.equal(outcome.satisfied, testCase.satisfied ?? 0);
        assert.ok(ranges.length > 0, 'a rejected fixture marks where its gaps go');
        assert.deepEqual(
          gaps.map((gap) => text.slice(gap.span.start, gap.span.end)),
          ranges.map((range) => text.slice(range.start, range.end)),
          'gap texts',
        );
        assert.deepEqual(gaps.map((gap) => gap.span), ranges, 'gap spans');
        if (testCase.fix === 'none') assert.deepEqual(gaps[0]!.fixes, []);
        else if (testCase.fix) {
          const fix = gaps[0]!.fixes[0];
          assert.ok(fix, 'expected a fix');
          if (testCase.fix.fixAll !== undefined) assert.equal(fix.fixAll, testCase.fix.fixAll);
          if (testCase.fix.actions) assert.deepEqual(fix.actions, testCase.fix.actions);
        }
      });
    }
  });
}

/** A workspace holding the given descriptor summaries (only what the DATSIS rules ask of it). */
export function fakeWorkspace(entries: readonly { uri: string; id: string; kind: 'DataContract' | 'DataProduct'; version?: string }[]): WorkspaceView {
  const summaries = entries.map((entry) => ({
    uri: entry.uri, kind: entry.kind, id: entry.id, idSpan: undefined, name: undefined, version: entry.version, status: undefined,
    domain: undefined, owner: undefined, tags: [], objects: [], inputPorts: [], outputPorts: [],
  }));
  return {
    byId: (id) => summaries.filter((summary) => summary.id === id),
    byUri: (uri) => summaries.find((summary) => summary.uri === uri),
    all: () => summaries,
    portsUsingContract: () => [],
  };
}
