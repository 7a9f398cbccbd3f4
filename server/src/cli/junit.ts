/**
 * `datsis check --format junit`: JUnit XML for CI test reports. One test suite per file. Test cases have stable
 * names so dashboards can track them across runs: one per validation layer (YAML, schema, semantic rules), one
 * per DATSIS rule that applies to the descriptor, and one for the minimum score when a bar is set. A case fails
 * exactly when `datsis check` would fail because of it (an error finding, a score below the bar); gaps of lower
 * severity are listed in the case's output, so the report explains the score without turning red.
 */
import { ruleById } from '../core/datsis/rubric';
import type { Finding, FindingSource } from '../core/types';
import type { FileReport } from './check';

interface TestCase {
  readonly name: string;
  readonly classname: string;
  readonly failure?: { readonly message: string; readonly body: string };
  readonly output: string;
}

const LAYERS: readonly { readonly source: FindingSource; readonly name: string }[] = [
  { source: 'yaml', name: 'YAML syntax' },
  { source: 'schema', name: 'Schema' },
  { source: 'semantic', name: 'Semantic rules' },
  { source: 'ddl', name: 'DDL' },
];

export function formatJunit(reports: readonly FileReport[], minScore: number | undefined): string {
  const casesByReport = reports.map((report) => testCases(report, minScore));
  const suites = reports.map((report, index) => suiteXml(report, casesByReport[index]!));
  const cases = casesByReport.reduce((sum, list) => sum + list.length, 0);
  const failures = casesByReport.reduce((sum, list) => sum + list.filter((test) => test.failure).length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="datsis check" tests="${cases}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testCases(report: FileReport, minScore: number | undefined): TestCase[] {
  const classname = `datsis.${report.path.replace(/[\\/]/g, '.')}`;
  const where = (finding: Finding): string => {
    const { line, character } = report.lines.positionAt(finding.span.start);
    return `${report.path}:${line + 1}:${character + 1}: ${finding.severity} ${finding.message} [${finding.code}]`;
  };
  const cases: TestCase[] = [];
  for (const layer of LAYERS) {
    const findings = report.findings.filter((finding) => finding.source === layer.source);
    if (layer.source === 'ddl' && !findings.length) continue;
    cases.push(caseFor(layer.name, classname, findings, where));
  }
  const datsis = report.findings.filter((finding) => finding.source === 'DATSIS');
  const ruleIds = report.score ? report.score.outcomes.filter((outcome) => outcome.satisfied !== undefined).map((outcome) => outcome.rule) : [];
  for (const id of new Set([...ruleIds, ...datsis.map((finding) => finding.code)])) {
    const title = ruleById(id)?.title;
    cases.push(caseFor(title ? `${id} ${title}` : id, `${classname}.DATSIS`, datsis.filter((finding) => finding.code === id), where));
  }
  if (minScore !== undefined && report.score) {
    const below = report.score.overall < minScore;
    cases.push({
      name: `DATSIS score at least ${minScore}`,
      classname: `${classname}.DATSIS`,
      output: `DATSIS ${report.score.overall} (${report.score.level})`,
      ...(below ? { failure: { message: `DATSIS score ${report.score.overall} is below the minimum of ${minScore}`, body: `${report.path}: DATSIS ${report.score.overall} < ${minScore}` } } : {}),
    });
  }
  return cases;
}

function caseFor(name: string, classname: string, findings: readonly Finding[], where: (finding: Finding) => string): TestCase {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const others = findings.filter((finding) => finding.severity !== 'error');
  return {
    name,
    classname,
    output: others.map(where).join('\n'),
    ...(errors.length ? { failure: { message: errors.length === 1 ? errors[0]!.message : `${errors.length} errors`, body: errors.map(where).join('\n') } } : {}),
  };
}

function suiteXml(report: FileReport, cases: readonly TestCase[]): string {
  const failures = cases.filter((test) => test.failure).length;
  const properties = report.score
    ? [
      '    <properties>',
      `      <property name="datsis.score" value="${report.score.overall}"/>`,
      `      <property name="datsis.level" value="${xmlEscape(report.score.level)}"/>`,
      ...Object.entries(report.score.dimensions).map(([dimension, score]) => `      <property name="datsis.${dimension}" value="${score}"/>`),
      '    </properties>',
    ]
    : [];
  const body = cases.map((test) => {
    const attributes = `name="${xmlEscape(test.name)}" classname="${xmlEscape(test.classname)}" time="0"`;
    const inner = [
      ...(test.failure ? [`      <failure message="${xmlEscape(test.failure.message)}" type="datsis">${xmlEscape(test.failure.body)}</failure>`] : []),
      ...(test.output ? [`      <system-out>${xmlEscape(test.output)}</system-out>`] : []),
    ];
    return inner.length ? [`    <testcase ${attributes}>`, ...inner, '    </testcase>'].join('\n') : `    <testcase ${attributes}/>`;
  });
  return [
    `  <testsuite name="${xmlEscape(report.path)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`,
    ...properties,
    ...body,
    '  </testsuite>',
  ].join('\n');
}

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry at all. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
