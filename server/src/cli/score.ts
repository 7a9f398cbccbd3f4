/**
 * `datsis score FILE`: the breakdown behind one descriptor's DATSIS score, for a person at a terminal: the six
 * dimensions as bars, the level and the distance to the next one, the contracts folded into a product, and
 * every gap with its position and the quick-fix that closes it. The file is scored inside its folder (or
 * `--workspace`), so a product finds its contracts exactly as in the editor.
 */
import { dirname, relative, resolve } from 'node:path';
import { nextLevel } from '../core/datsis/levels';
import { ruleById } from '../core/datsis/rubric';
import { DIMENSIONS, type ScoreReport } from '../core/datsis/types';
import { fixesOf } from '../core/fixes';
import { checkFiles, type FileReport } from './check';
import { UsageError } from './files';
import type { RulesSource } from './scoreContext';

const BAR_WIDTH = 20;

export interface ScoredFile {
  readonly report: FileReport;
  readonly score: ScoreReport;
}

export async function scoreFile(file: string, cwd: string, rules: RulesSource, workspace?: string): Promise<ScoredFile> {
  const path = resolve(cwd, file);
  const folder = workspace === undefined ? dirname(path) : resolve(cwd, workspace);
  const reports = await checkFiles([folder, path], cwd, { rules });
  const wanted = relative(cwd, path) || path;
  const report = reports.find((candidate) => candidate.path === wanted);
  if (!report?.score) throw new UsageError(`${file}: not a data contract or data product (no \`kind: DataContract\` or \`kind: DataProduct\`)`);
  return { report, score: report.score };
}

export function formatScoreText({ report, score }: ScoredFile, levels: RulesSource['config']['levels']): string {
  const lines: string[] = [];
  lines.push(`${report.path} · ${report.kind}`);
  const next = nextLevel(score.overall, levels);
  lines.push(`DATSIS ${score.overall} · ${score.level}${next ? ` · ${next.min - score.overall} point(s) to ${next.name}` : ' · top level'}`);
  lines.push('');
  for (const dimension of DIMENSIONS) {
    const value = score.dimensions[dimension.id];
    const own = score.own[dimension.id];
    const filled = Math.round((value / 100) * BAR_WIDTH);
    const ownNote = score.foldedContracts.length && own !== value ? `  (own ${own})` : '';
    lines.push(`  ${dimension.letter}  ${dimension.title.padEnd(16)} ${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${String(value).padStart(3)}${ownNote}`);
  }
  if (score.foldedContracts.length) {
    lines.push('');
    lines.push(`  Includes the contracts behind its output ports: ${score.foldedContracts.join(', ')}`);
  }
  const gaps = report.findings.filter((finding) => finding.source === 'DATSIS');
  const others = report.findings.filter((finding) => finding.source !== 'DATSIS');
  lines.push('');
  lines.push(gaps.length ? `${gaps.length} gap(s):` : 'No gaps: every applicable rule is met.');
  for (const gap of gaps) {
    const { line, character } = report.lines.positionAt(gap.span.start);
    const dimension = ruleById(gap.code)?.dimension;
    const letter = DIMENSIONS.find((info) => info.id === dimension)?.letter ?? ' ';
    lines.push(`  ${`${line + 1}:${character + 1}`.padEnd(8)} ${letter} ${gap.code.padEnd(24)} ${gap.message}`);
    const fix = fixesOf(gap)[0];
    if (fix) lines.push(`  ${' '.repeat(8)}   ${' '.repeat(24)} fix: ${fix.title}`);
  }
  if (others.length) {
    lines.push('');
    lines.push(`${others.length} other problem(s) (run \`datsis check ${report.path}\` for details).`);
  }
  return lines.join('\n');
}

export function formatScoreJson({ report, score }: ScoredFile): string {
  return JSON.stringify({
    path: report.path,
    kind: report.kind,
    overall: score.overall,
    level: score.level,
    dimensions: score.dimensions,
    own: score.own,
    foldedContracts: score.foldedContracts,
    gaps: report.findings.filter((finding) => finding.source === 'DATSIS').map((finding) => {
      const start = report.lines.positionAt(finding.span.start);
      return {
        rule: finding.code, severity: finding.severity, message: finding.message,
        line: start.line + 1, column: start.character + 1, fixes: fixesOf(finding).map((fix) => fix.title),
      };
    }),
  }, null, 2);
}
