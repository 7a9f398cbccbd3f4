/**
 * `datsis ddl FILE [--dialect D] [--out FILE] [--with samples,checks]`: the SQL a contract generates, for scripts and
 * CI. The dialect defaults to the contract's first database server. Problems that changed the SQL (an unknown type,
 * a physicalType the dialect lacks) go to stderr in the `file:line:col` form of `datsis check`.
 * Exit codes as in `datsis check`: 0 clean, 1 problems found (the SQL is still written), 2 usage or file errors.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ddlAnalyzer } from '../core/ddl/analyzer';
import { contractDialect, generateDdl, renderSqlDocument, type DdlSection } from '../core/ddl/generate';
import { DDL_DIALECTS, isDialectId } from '../core/ddl/types';
import { LineIndex } from '../core/yaml/lineIndex';
import { parseDescriptor } from '../core/yaml/parse';
import { readDescriptorText, UsageError } from './files';

export const DDL_USAGE = `  ddl FILE                    Print the SQL a data contract generates
      --dialect D             ${DDL_DIALECTS.join(', ')} (default: the contract's first database server)
      --out FILE              Write the SQL to FILE instead of standard output
      --with samples,checks   Add sample queries and the quality rules as SQL checks`;

const EXTRA_SECTIONS: readonly DdlSection[] = ['samples', 'checks'];

export interface DdlIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export async function runDdl(args: readonly string[], io: DdlIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args], allowPositionals: true,
    options: { dialect: { type: 'string' }, out: { type: 'string' }, with: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('datsis ddl: give exactly one contract FILE');
  const sections: DdlSection[] = ['ddl'];
  for (const part of (values.with ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    if (!(EXTRA_SECTIONS as readonly string[]).includes(part)) throw new UsageError(`unknown --with "${part}". Known: ${EXTRA_SECTIONS.join(', ')}`);
    if (!sections.includes(part as DdlSection)) sections.push(part as DdlSection);
  }
  if (values.dialect !== undefined && !isDialectId(values.dialect)) {
    throw new UsageError(`unknown dialect "${values.dialect}". Known dialects: ${DDL_DIALECTS.join(', ')}`);
  }

  const path = resolve(io.cwd, positionals[0]!);
  const text = await readDescriptorText(path).catch(() => {
    throw new UsageError(`${positionals[0]}: no such file`);
  });
  const parsed = parseDescriptor(text);
  if (parsed.kind !== 'DataContract' || parsed.value === undefined) {
    throw new UsageError(`${positionals[0]}: not an ODCS data contract (no "kind: DataContract" at the top level)`);
  }
  const dialect = values.dialect ?? contractDialect(parsed.value);
  if (!isDialectId(dialect)) {
    throw new UsageError(`${positionals[0]}: the contract names no database server; pass --dialect (${DDL_DIALECTS.join(', ')})`);
  }

  const output = generateDdl(parsed.value, dialect);
  const sql = sections.length === 1 ? output.ddl : renderSqlDocument(output, sections);
  const findings = [...parsed.syntaxFindings, ...ddlAnalyzer(parsed, { uri: pathToFileURL(path).href, workspace: undefined, ddlDialect: dialect })];
  const lines = new LineIndex(text);
  const shown = relative(io.cwd, path) || path;
  for (const finding of findings) {
    const { line, character } = lines.positionAt(finding.span.start);
    io.stderr(`${shown}:${line + 1}:${character + 1}: ${finding.severity} ${finding.message} [${finding.code}]\n`);
  }
  if (values.out !== undefined) {
    const target = resolve(io.cwd, values.out);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, sql, 'utf8');
    io.stderr(`datsis: wrote ${dialect} SQL to ${relative(io.cwd, target) || target}\n`);
  } else {
    io.stdout(sql);
  }
  return findings.length ? 1 : 0;
}
