/**
 * The analysis pipeline: every layer that finds problems in one descriptor, in order. Each layer is a pure
 * function of the parsed descriptor and its context, so the server, the CLI and the tests get identical findings.
 * To add a layer, append it to `ANALYZERS` below.
 */
import type { AnalysisContext } from './context';
import type { ParsedDescriptor } from './yaml/parse';
import type { Finding } from './types';

/** One analysis layer. Layers never throw for bad input; they return findings. */
export type Analyzer = (parsed: ParsedDescriptor, context: AnalysisContext) => readonly Finding[];

const ANALYZERS: readonly Analyzer[] = [
  // schema validation, semantic rules and DATSIS rules are appended here as they land
];

export function analyze(parsed: ParsedDescriptor, context: AnalysisContext): Finding[] {
  const findings: Finding[] = [...parsed.syntaxFindings];
  if (!parsed.kind) return findings;
  for (const analyzer of ANALYZERS) findings.push(...analyzer(parsed, context));
  return findings;
}
