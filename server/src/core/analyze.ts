/**
 * The analysis pipeline: every layer that finds problems in one descriptor, in order. Each layer is a pure
 * function of the parsed descriptor (and, for cross-file rules, a read-only view of the workspace), so the
 * server, the CLI and the tests get identical findings.
 */
import type { ParsedDescriptor } from './yaml/parse';
import type { Finding } from './types';

/** One analysis layer. Layers never throw for bad input; they return findings. */
export type Analyzer = (parsed: ParsedDescriptor) => readonly Finding[];

const analyzers: Analyzer[] = [];

/** Layers register themselves here (schema validation, semantic rules, DATSIS), keeping this file small. */
export function registerAnalyzer(analyzer: Analyzer): void {
  analyzers.push(analyzer);
}

export function analyze(parsed: ParsedDescriptor): Finding[] {
  const findings: Finding[] = [...parsed.syntaxFindings];
  if (!parsed.kind) return findings;
  for (const analyzer of analyzers) findings.push(...analyzer(parsed));
  return findings;
}
