/**
 * What a check may consult besides the descriptor: the effective configuration (compiled once: regular
 * expressions, naming convention) and the workspace. Built per scoring call from the analysis context.
 */
import type { AnalysisContext } from '../context';
import type { WorkspaceView } from '../workspace/types';
import { effectiveConfig, type RulesConfig } from './config';
import { createPersonalDataMatcher, type PersonalDataMatcher } from './personalData';

export interface CheckEnvironment {
  readonly uri: string;
  readonly config: RulesConfig;
  readonly workspace: WorkspaceView | undefined;
  readonly isPersonal: PersonalDataMatcher;
}

const matchers = new WeakMap<readonly string[], PersonalDataMatcher>();

/** Compiling the patterns once per configuration keeps regex construction off the keystroke path. */
function personalMatcherFor(patterns: readonly string[]): PersonalDataMatcher {
  let matcher = matchers.get(patterns);
  if (!matcher) {
    matcher = createPersonalDataMatcher(patterns);
    matchers.set(patterns, matcher);
  }
  return matcher;
}

export function environmentFor(context: AnalysisContext): CheckEnvironment {
  const config = effectiveConfig(context.rules);
  return { uri: context.uri, config, workspace: context.workspace, isPersonal: personalMatcherFor(config.personalDataPatterns) };
}
