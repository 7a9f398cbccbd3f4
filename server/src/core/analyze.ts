/**
 * The analysis pipeline: every layer that finds problems in one descriptor, in order. Each layer is a pure
 * function of the parsed descriptor and its context, so the server, the CLI and the tests get identical findings.
 * To add a layer, append it to `ANALYZERS` below.
 */
import type { AnalysisContext } from './context';
import { datsisAnalyzer } from './datsis/analyzer';
import { ddlAnalyzer } from './ddl/analyzer';
import { analyzeRulesFile, isRulesFileUri } from './datsis/rulesFile';
import { semanticAnalyzer } from './semantic/semanticAnalyzer';
import { schemaAnalyzer } from './validation/schemaAnalyzer';
import type { ParsedDescriptor } from './yaml/parse';
import type { Finding } from './types';

/** One analysis layer. Layers never throw for bad input; they return findings. */
export type Analyzer = (parsed: ParsedDescriptor, context: AnalysisContext) => readonly Finding[];

const ANALYZERS: readonly Analyzer[] = [
  // schema validation, semantic rules and DATSIS rules are appended here as they land
  schemaAnalyzer,
  semanticAnalyzer,
  datsisAnalyzer,
  ddlAnalyzer,
];

/** `analyzers` is for tests; the server, the CLI and the editor features use the default list. */
export function analyze(parsed: ParsedDescriptor, context: AnalysisContext, analyzers: readonly Analyzer[] = ANALYZERS): Finding[] {
  const findings: Finding[] = [...parsed.syntaxFindings];
  // The workspace rules file is recognised by its name: it has no `kind`, and its own schema.
  if (isRulesFileUri(context.uri)) return [...findings, ...analyzeRulesFile(parsed)];
  // Not a descriptor, or a document too broken to read (alias bomb, refused size): the syntax findings say it all.
  if (!parsed.kind || parsed.value === undefined) return findings;
  // One push per finding: spreading a layer's result into push() overflows the call stack on huge contracts.
  for (const analyzer of analyzers) for (const finding of runLayer(analyzer, parsed, context)) findings.push(finding);
  return withoutEchoedGaps(findings);
}

export const INTERNAL_ERROR_CODE = 'internal-error';

/**
 * A bug in one layer must not take the others down with it: the author still gets every other diagnostic, and one
 * finding at the top of the file says which checks did not run and why, so the bug can be reported.
 */
function runLayer(analyzer: Analyzer, parsed: ParsedDescriptor, context: AnalysisContext): readonly Finding[] {
  try {
    return analyzer(parsed, context);
  } catch (error) {
    const layer = analyzer.name.replace(/Analyzer$/, '') || 'one layer of';
    return [{
      span: { start: 0, end: 0 },
      message: `datsis could not finish its ${layer} checks (${error instanceof Error ? error.message : String(error)}); the other checks ran. Please report this.`,
      severity: 'error', code: INTERNAL_ERROR_CODE, source: 'internal',
    }];
  }
}

/**
 * DATSIS rules whose gap can be the very mistake a validation rule reports, by the codes that report it: a
 * `contractId` that resolves to nothing is both a broken link and a lost Addressable point.
 */
const ECHOED_BY: Readonly<Record<string, readonly string[]>> = {
  'A-port-contract': ['semantic/unknown-contract', 'semantic/contract-version-mismatch'],
};

/**
 * One mistake, one diagnostic: a DATSIS gap echoing a validation finding on the same node is left out of the
 * diagnostics. The score still counts it; only the second squiggle goes.
 */
function withoutEchoedGaps(findings: Finding[]): Finding[] {
  const reported = new Set<string>();
  for (const finding of findings) if (finding.source !== 'DATSIS') reported.add(`${finding.code}@${finding.span.start}:${finding.span.end}`);
  return findings.filter((finding) => {
    const echoes = finding.source === 'DATSIS' ? ECHOED_BY[finding.code] : undefined;
    return !echoes?.some((code) => reported.has(`${code}@${finding.span.start}:${finding.span.end}`));
  });
}
