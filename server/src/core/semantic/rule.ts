/**
 * The shape of a semantic rule: a check the JSON Schema cannot express (uniqueness, key positions, references
 * that must resolve, types that must agree). Rules read the plain value and report problems by value path;
 * the semantic analyzer places them in the text. Each rule lives in its own module with its own tests.
 */
import type { Fix } from '../fixes/types';
import type { DescriptorKind, Severity, ValuePath } from '../types';
import type { WorkspaceView } from '../workspace/types';

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
  check(input: RuleInput): RuleProblem[];
}
