/**
 * The `datsis` command: the same core as the language server, for CI pipelines.
 * Exit codes: 0 all good, 1 findings (or below the bar), 2 usage or file errors.
 */
import { parseArgs } from 'node:util';
import { checkFiles, formatJson, formatText, hasErrors } from './check';
import { UsageError } from './files';

const USAGE = `Usage: datsis <command> [options]

Commands:
  check [paths or globs...]   Validate every descriptor (default: the current folder)
      --format text|json      Output format (default: text)

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
  throw new UsageError(`unknown command "${command}". Known commands: check`);
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}". Known formats: text, json`);
  const reports = await checkFiles(positionals, process.cwd());
  process.stdout.write(`${format === 'json' ? formatJson(reports) : formatText(reports)}\n`);
  return hasErrors(reports) ? ExitCode.findings : ExitCode.ok;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    // Usage mistakes and unreadable files both end with exit code 2 and one line naming the problem.
    process.stderr.write(`datsis: ${(error as Error).message}\n`);
    process.exitCode = ExitCode.usage;
  },
);
