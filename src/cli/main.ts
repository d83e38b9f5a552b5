/**
 * `modelaudit` command line: parses argv, runs the library, prints, and returns the exit code.
 * Reports go to stdout (or --output); progress and errors go to stderr.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, type ScanEvent, type ScanOptionsInput } from '../options/options.js';
import { parseScanSettings, type ScanSettings } from '../options/schema.js';
import { scan } from '../pipeline/engine.js';
import type { Verdict } from '../findings/verdict.js';
import { printable } from '../report/escape.js';
import { formatJson } from '../report/json.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { renderRulesMarkdown } from '../rules/docs.js';
import { signingCommand } from './signing.js';
import { ALL_RULES, findRule, ruleHelpUrl, type Rule } from '../rules/registry.js';
import { VERSION } from '../version.js';

export interface CliIO {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export const MAIN_HELP = `modelaudit ${VERSION}: scan model files for code they would run when loaded,
without loading them.

Usage:
  modelaudit scan [options] <path>...   scan files and directories
  modelaudit rules [RULE]               list rules, or explain one (ID or name)
  modelaudit verify [options] <path>    verify a model against its signature (model.sig)
  modelaudit sign --key KEY <path>      sign a model (OpenSSF model signing, key-based)
  modelaudit --version                  print the version
  modelaudit --help                     print this help

Run "modelaudit scan --help" for scan options.
`;

export const SCAN_HELP = `Usage: modelaudit scan [options] <path>...

Scans files and directories (recursively) for code execution, file and network access and
other risks in model files: pickles, PyTorch checkpoints and more. Formats are identified by
content; names are only hints.

Options:
  -f, --format <fmt>          text (default), json, or sarif (SARIF 2.1.0, for code scanning)
  -o, --output <file>         write the report to a file instead of stdout
      --fail-on <level>       exit 1 when a counted finding is at or above: error, warning,
                              info, or none (default: error); files not identified (MA1003)
                              are INFO findings
  -q, --quiet                 no progress output; text reports list findings only
  -v, --verbose               also list clean files, INFO findings, skipped entries, details
      --timeout <duration>    time limit per file: seconds, or 90s, 2m, 500ms (default: 120)
      --max-file-size <size>  skip (and report) files larger than this: bytes, or 512M, 10G,
                              10GiB (binary units: 1G = 1024^3 bytes; default: 256G)
      --follow-symlinks       follow symbolic links inside the given directories
                              (links inside a Hugging Face cache entry always are)
      --blacklist <name>      fail on models whose name or family (from their own metadata)
                              matches, case-insensitively and word-bounded: "llama" matches
                              Llama-2-7b, TinyLlama and Llama fine-tunes, not llamaindex;
                              repeat, or separate with commas or new lines; globs and /regex/
                              accepted
      --policy <file>         name policy file (YAML or JSON): allow/deny lists, version
                              and licence rules, exceptions (docs/name-policies.md)
      --no-color              never colour the text report (also: NO_COLOR=1)
  -h, --help                  print this help

Exit codes:
  0  no counted finding at or above --fail-on
  1  at least one counted finding at or above --fail-on
  2  usage error, or a path that could not be read (takes precedence over 1, whatever
     --fail-on says)
`;

export const RULES_HELP = `Usage: modelaudit rules [options] [RULE]

Lists every rule, or explains one rule given by ID (MA2001) or name (pickle-dangerous-call).

Options:
  -f, --format <fmt>          text (default), json, or markdown (the docs/rules.md page)
  -h, --help                  print this help
`;

class UsageError extends Error {}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(MAIN_HELP);
      return command === undefined ? EXIT_ERROR : EXIT_OK;
    }
    if (command === '-V' || command === '--version' || command === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (command === 'scan') return await scanCommand(rest, io);
    if (command === 'rules') return rulesCommand(rest, io);
    if (command === 'verify' || command === 'sign') return await signingCommand(command, rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || isParseArgsError(err)) {
      io.stderr.write(
        `modelaudit: ${printable((err as Error).message)}\nRun "modelaudit --help" for usage.\n`,
      );
      return EXIT_ERROR;
    }
    io.stderr.write(
      `modelaudit: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT_ERROR;
  }
}

function isParseArgsError(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function parseFormat(value: string | undefined): 'text' | 'json' {
  const v = value ?? 'text';
  if (v !== 'text' && v !== 'json')
    throw new UsageError(`--format must be text or json, not "${v}"`);
  return v;
}

function parseScanFormat(value: string | undefined): 'text' | 'json' | 'sarif' {
  const v = value ?? 'text';
  if (v === 'text' || v === 'json' || v === 'sarif') return v;
  throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
}

function scanArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      verbose: { type: 'boolean', short: 'v' },
      timeout: { type: 'string' },
      'max-file-size': { type: 'string' },
      'follow-symlinks': { type: 'boolean' },
      blacklist: { type: 'string', multiple: true },
      policy: { type: 'string' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/**
 * The scan options every face shares, as `scan`'s flags give them, checked in the shared
 * grammar (errors name the flag). scan() receives the same values and parses them alike.
 */
export function scanOptionsFromArgs(args: readonly string[]): {
  options: ScanOptionsInput;
  settings: ScanSettings;
} {
  const { values } = scanArgs(args);
  const options: ScanOptionsInput = {
    failOn: values['fail-on'],
    maxFileSize: values['max-file-size'],
    timeout: values.timeout,
    followSymlinks: values['follow-symlinks'],
    blacklist: values.blacklist,
    policy: values.policy,
  };
  return { options, settings: parseScanSettings(options, 'cli') };
}

async function scanCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = scanArgs(args);
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return EXIT_OK;
  }
  const format = parseScanFormat(values.format);
  if (values.quiet && values.verbose)
    throw new UsageError('--quiet and --verbose cannot be used together');
  if (positionals.length === 0) throw new UsageError('scan needs at least one path');
  const { options } = scanOptionsFromArgs(args);

  const progress = makeProgress(io, Boolean(values.quiet), Boolean(values.verbose));
  const report = await scan(positionals, { ...options, onEvent: progress.onEvent });
  progress.done();

  const toFile = values.output !== undefined;
  const color =
    !toFile &&
    format === 'text' &&
    !values['no-color'] &&
    !io.env.NO_COLOR &&
    (Boolean(io.stdout.isTTY) || Boolean(io.env.FORCE_COLOR));
  const output =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report, { srcRoot: process.cwd() })
        : formatText(report, { color, verbose: Boolean(values.verbose) });
  if (toFile) await writeFile(values.output!, output);
  else io.stdout.write(output);
  return exitCode(report.verdict!);
}

/** The exit code that renders the verdict: 0 pass, 1 fail, 2 a path could not be scanned. */
export function exitCode(verdict: Verdict): number {
  return { pass: EXIT_OK, fail: EXIT_FINDINGS, error: EXIT_ERROR }[verdict.outcome];
}

function makeProgress(
  io: CliIO,
  quiet: boolean,
  verbose: boolean,
): { onEvent: (e: ScanEvent) => void; done: () => void } {
  const live = !quiet && Boolean(io.stderr.isTTY);
  let scanned = 0;
  let lastLen = 0;
  const clear = (): void => {
    if (live && lastLen > 0) io.stderr.write('\r' + ' '.repeat(lastLen) + '\r');
    lastLen = 0;
  };
  return {
    onEvent(e) {
      if (e.type === 'operational-error') {
        clear();
        if (!quiet) io.stderr.write(`modelaudit: ${printable(e.path)}: ${printable(e.message)}\n`);
        return;
      }
      if (e.type === 'file-done') {
        scanned++;
        if (verbose && !live)
          io.stderr.write(
            `scanned ${printable(e.path)} (${e.findings} findings, ${e.durationMs} ms)\n`,
          );
        return;
      }
      if (live) {
        const line = `scanning [${scanned + 1}] ${printable(e.path)}`.slice(0, 120);
        clear();
        io.stderr.write(line);
        lastLen = line.length;
      }
    },
    done: clear,
  };
}

function rulesCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(RULES_HELP);
    return EXIT_OK;
  }
  if (values.format === 'markdown') {
    io.stdout.write(renderRulesMarkdown(ALL_RULES));
    return EXIT_OK;
  }
  const format = parseFormat(values.format);
  if (positionals.length > 1) throw new UsageError('rules takes at most one rule ID');
  if (positionals.length === 1) {
    const rule = findRule(positionals[0]!);
    if (!rule)
      throw new UsageError(`no rule "${positionals[0]}" (run "modelaudit rules" for the list)`);
    io.stdout.write(
      format === 'json'
        ? JSON.stringify({ ...rule, helpUri: ruleHelpUrl(rule) }, null, 2) + '\n'
        : explainRule(rule),
    );
    return EXIT_OK;
  }
  if (format === 'json') {
    io.stdout.write(
      JSON.stringify(
        ALL_RULES.map((r) => ({ ...r, helpUri: ruleHelpUrl(r) })),
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  const lines = ALL_RULES.map(
    (r) => `${r.id}  ${r.severity.padEnd(7)}  ${r.name.padEnd(32)}  ${r.title}`,
  );
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}

export function explainRule(rule: Rule): string {
  const lines = [
    `${rule.id} ${rule.name}`,
    rule.title,
    '',
    `Severity: ${rule.severity}${rule.cwe ? `    CWE: ${rule.cwe}` : ''}    Family: ${rule.family}`,
    ...(rule.retired ? ['', `Retired: ${rule.retired}.`] : []),
    '',
    wrap(rule.description),
    '',
    `What to do: ${wrap(rule.remediation)}`,
  ];
  if (rule.references?.length)
    lines.push('', 'References:', ...rule.references.map((r) => `  ${r}`));
  lines.push('', `Documentation: ${ruleHelpUrl(rule)}`);
  return lines.join('\n') + '\n';
}

function wrap(text: string, width = 92): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}
