/**
 * The `datsis` command: the same core as the language server, for CI pipelines.
 * Exit codes: 0 all good, 1 findings (or below the bar), 2 usage or file errors.
 */
import { parseArgs } from 'node:util';
import { belowMinScore, checkFiles, formatJson, formatText, hasErrors } from './check';
import { DDL_USAGE, runDdl } from './ddl';
import { UsageError } from './files';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { runScaffold } from './scaffold';
import { formatScoreJson, formatScoreText, scoreFile } from './score';
import { loadRules, parseMinScore, rulesSearchStart } from './scoreContext';

const USAGE = `Usage: datsis <command> [options]

Commands:
  check [paths or globs...]   Validate and score every descriptor (default: the current folder)
      --format text|json|sarif|junit
                              Output format (default: text); SARIF 2.1.0 for code scanning, JUnit for CI
      --min-score N           Fail when a descriptor's DATSIS score is below N (default: minScore
                              from .datsis.yaml)
      --rules FILE            Rules file to use instead of the nearest .datsis.yaml
  score FILE                  Show the DATSIS breakdown of one descriptor, every gap and its fix
      --format text|json      Output format (default: text)
      --workspace DIR         Folder whose descriptors the score may use (default: the file's folder)
      --min-score N, --rules FILE   As for check
${DDL_USAGE}
  new product|contract NAME   Create a descriptor (a product comes with the contract of its port)
      --domain D              Business domain
      --out DIR               Folder to write to (default: the current folder)

Options:
  -h, --help                  Show this help
  -v, --version               Show the version`;

export const ExitCode = { ok: 0, findings: 1, usage: 2 } as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? ExitCode.ok : ExitCode.usage;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${DATSIS_VERSION}\n`);
    return ExitCode.ok;
  }
  if (command === 'check') return runCheck(rest);
  if (command === 'score') return runScore(rest);
  if (command === 'new') return runNew(rest);
  if (command === 'ddl') return runDdl(rest, { cwd: process.cwd(), stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
  throw new UsageError(`unknown command "${command}". Known commands: check, score, ddl, new`);
}

const SCORE_OPTIONS = { 'min-score': { type: 'string' }, rules: { type: 'string' } } as const;

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, ...SCORE_OPTIONS } });
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif' && format !== 'junit') throw new UsageError(`unknown format "${format}". Known formats: text, json, sarif, junit`);
  const cwd = process.cwd();
  const rules = await loadRules(values.rules ? cwd : await rulesSearchStart(positionals, cwd), values.rules, parseMinScore(values['min-score']));
  const minScore = rules.config.minScore;
  const reports = await checkFiles(positionals, cwd, { rules });
  const output = format === 'json' ? formatJson(reports)
    : format === 'sarif' ? formatSarif(reports, cwd, DATSIS_VERSION)
      : format === 'junit' ? formatJunit(reports, minScore)
        : formatText(reports, minScore);
  process.stdout.write(`${output}\n`);
  return hasErrors(reports) || belowMinScore(reports, minScore).length ? ExitCode.findings : ExitCode.ok;
}

async function runScore(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, workspace: { type: 'string' }, ...SCORE_OPTIONS } });
  if (positionals.length !== 1) throw new UsageError('datsis score: give exactly one FILE');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}". Known formats: text, json`);
  const cwd = process.cwd();
  const rules = await loadRules(values.rules ? cwd : await rulesSearchStart(positionals, cwd), values.rules, parseMinScore(values['min-score']));
  const scored = await scoreFile(positionals[0]!, cwd, rules, values.workspace);
  process.stdout.write(`${values.format === 'json' ? formatScoreJson(scored) : formatScoreText(scored, rules.config.levels)}\n`);
  const minScore = rules.config.minScore;
  return minScore !== undefined && scored.score.overall < minScore ? ExitCode.findings : ExitCode.ok;
}

async function runNew(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { domain: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length > 2) throw new UsageError('datsis new: quote a NAME with spaces, e.g. datsis new product "Demand forecast"');
  process.stdout.write(`${await runScaffold({ kind: positionals[0], name: positionals[1], domain: values.domain, out: values.out }, process.cwd())}\n`);
  return ExitCode.ok;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    // Usage mistakes and unreadable files both end with exit code 2 and one line naming the problem.
    process.stderr.write(`datsis: ${(error as Error).message}\n`);
    process.exitCode = ExitCode.usage;
  },
);
