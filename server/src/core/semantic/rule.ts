/**
 * The shape of a semantic rule: a check the JSON Schema cannot express (uniqueness, key positions, references
 * that must resolve, types that must agree). Rules read the plain value and report problems by value path;
 * the semantic analyzer places them in the text. Each rule lives in its own module with its own tests.
 *
 * A rule comes in up to two parts, because the server runs the rules on every keystroke and a large contract
 * has a thousand schema objects of which an edit changes one: `checkObject` finds what lies inside one schema
 * object, and the analyzer remembers its answer for as long as that object is unchanged; `check` finds what
 * involves several objects or none (names unique across objects, servers, ports, the workspace) and runs
 * every time, so it must stay cheap, i.e. never walk every property of the contract.
 */
import type { Fix } from '../fixes/types';
import type { DescriptorKind, Severity, ValuePath } from '../types';
import type { WorkspaceView } from '../workspace/types';
import { records, type Json } from './model';

export interface RuleInput {
  readonly value: Readonly<Record<string, unknown>>;
  readonly kind: DescriptorKind;
  readonly uri: string;
  /** Undefined when a lone file is analysed: cross-file rules then stay silent. */
  readonly workspace: WorkspaceView | undefined;
  /**
   * True when the schema layer already reported a problem at `path` or below it. Rules that overlap the
   * schema (option keys, server types, reference shapes) check this so one mistake gets one diagnostic.
   */
  schemaFlagged(path: ValuePath): boolean;
}

export interface RuleProblem {
  readonly path: ValuePath;
  /** Underline the key of the entry at `path` (default: its value). */
  readonly on?: 'key' | 'value';
  readonly message: string;
  readonly severity: Severity;
  /** `semantic/<rule>` */
  readonly code: string;
  readonly fixes?: readonly Fix[];
}

export interface SemanticRule {
  /** Stable id, the suffix of the codes it reports (`semantic/<id>`). */
  readonly id: string;
  readonly appliesTo: readonly DescriptorKind[];
  /** The document-wide part: problems that are not inside one schema object, or that involve several. */
  check?(input: RuleInput): RuleProblem[];
  /**
   * The part inside schema object `objectIndex` (`schema[objectIndex]`, a mapping), with absolute paths. Runs
   * for data contracts only (products have no schema objects). Its answer is reused while the object is the
   * same JS object at the same index and the schema flags under it are the same, so it may read nothing else:
   * not `input.value`, `uri` or `workspace`, and `schemaFlagged` only for paths under `['schema', objectIndex]`.
   */
  checkObject?(object: Json, objectIndex: number, input: RuleInput): RuleProblem[];
}

/**
 * Every problem `rule` finds in the descriptor, both parts: for callers that run one rule once (tests, tools).
 * The analyzer runs the parts itself, so that it can reuse each object's results across keystrokes.
 */
export function checkRule(rule: SemanticRule, input: RuleInput): RuleProblem[] {
  const problems = rule.check?.(input) ?? [];
  if (rule.checkObject && input.kind === 'DataContract') {
    for (const [object, index] of records(input.value.schema)) problems.push(...rule.checkObject(object, index, input));
  }
  return problems;
}
