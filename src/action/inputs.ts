/**
 * The Action's inputs: declared once (names, defaults, descriptions: a test keeps action.yml
 * equal to this table), parsed and validated in one place. Every problem is collected, so a
 * workflow with three bad inputs learns about all three in one run.
 */
import { compileGlob, GlobError } from '../discover/globs.js';
import { SEVERITIES, type Severity } from '../findings/finding.js';
import {
  parseSignatureInputs,
  SIGNATURE_INPUT_SPECS,
  type SignatureInputs,
} from './signature-inputs.js';

export interface InputSpec {
  readonly name: string;
  readonly description: string;
  /** The default as action.yml writes it; the parser applies the same value when unset. */
  readonly default: string;
}

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'paths',
    description:
      'Files, directories or globs to scan, one per line, relative to the workspace (`**` matches any depth; a directory selects everything under it; a line starting with `!` takes paths back out).',
    default: '**',
  },
  {
    name: 'exclude',
    description: 'Globs to leave out, one per line (e.g. `tests/fixtures/**`).',
    default: '',
  },
  {
    name: 'scan',
    description:
      '`changed`: only the files changed by the pull request, push or merge group (every selected file on other events); `all`: every file selected by `paths`.',
    default: 'changed',
  },
  {
    name: 'fail-on',
    description:
      'Fail the step when a finding is at or above this severity: `error`, `warning`, `info` or `none`.',
    default: 'error',
  },
  {
    name: 'upload-sarif',
    description: 'Upload the results to GitHub code scanning (needs `security-events: write`).',
    default: 'true',
  },
  {
    name: 'sarif-file',
    description: 'Where to write the SARIF file (default: a file in `$RUNNER_TEMP`).',
    default: '',
  },
  {
    name: 'category',
    description:
      'Code scanning category. Default: `modelaudit/all` for full scans, `modelaudit/changed` for changed-file scans; shards add `/shard-<i>-of-<n>`.',
    default: '',
  },
  {
    name: 'max-file-size',
    description:
      'Skip (and report) files larger than this: bytes, or a number with K, M, G or T (1024-based). Default: 256G.',
    default: '',
  },
  {
    name: 'follow-symlinks',
    description: 'Follow symbolic links that stay inside the workspace.',
    default: 'false',
  },
  {
    name: 'annotations',
    description:
      'Annotate findings on their files: `true` (all), `false`, or the lowest severity to annotate (`error`, `warning`, `info`).',
    default: 'true',
  },
  {
    name: 'token',
    description: 'Token for the pull request file list and the SARIF upload.',
    default: '${{ github.token }}',
  },
  {
    name: 'shard-index',
    description: 'Which shard this job scans, from 1 to `shard-count` (use with a job matrix).',
    default: '1',
  },
  {
    name: 'shard-count',
    description: 'How many shards the selected files are split into (stably, by path).',
    default: '1',
  },
  {
    name: 'blacklist',
    description: 'Model names or families that must not be used, one per line.',
    default: '',
  },
  {
    name: 'policy',
    description: 'Path of a name-policy file (allowed and denied models, licences, exceptions).',
    default: '',
  },
  ...SIGNATURE_INPUT_SPECS,
];

export type ScanMode = 'changed' | 'all';

export interface ActionInputs {
  readonly paths: readonly string[];
  readonly exclude: readonly string[];
  readonly scan: ScanMode;
  readonly failOn: Severity | 'none';
  readonly uploadSarif: boolean;
  readonly sarifFile: string | undefined;
  readonly category: string | undefined;
  readonly maxFileBytes: number | undefined;
  readonly followSymlinks: boolean;
  /** Lowest severity annotated, or undefined for no annotations. */
  readonly annotateFrom: Severity | undefined;
  readonly token: string;
  readonly shardIndex: number;
  readonly shardCount: number;
  readonly blacklist: readonly string[];
  readonly policyFile: string | undefined;
  readonly signatures: SignatureInputs;
}

export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? `invalid input: ${problems[0]}`
        : `invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** Reads a raw input value ("" when unset), like @actions/core's getInput without trimming. */
export type InputReader = (name: string) => string;

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);
const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

export function parseInputs(read: InputReader): ActionInputs {
  const problems: string[] = [];
  const defaults = new Map(INPUT_SPECS.map((s) => [s.name, s.default]));
  const raw = (name: string): string => {
    const v = read(name).trim();
    if (v !== '') return v;
    const d = defaults.get(name) ?? '';
    return d.startsWith('${{') ? '' : d;
  };
  const lines = (name: string): string[] =>
    raw(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  const bool = (name: string): boolean => {
    const v = raw(name).toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    problems.push(`${name} must be true or false, not "${raw(name)}"`);
    return false;
  };
  const int = (name: string, min: number): number => {
    const v = raw(name);
    if (!/^\d+$/.test(v) || Number(v) < min) {
      problems.push(`${name} must be a whole number of at least ${min}, not "${v}"`);
      return min;
    }
    return Number(v);
  };

  const paths = lines('paths');
  if (paths.length === 0) problems.push('paths must name at least one file, directory or glob');
  for (const [input, list] of [
    ['paths', paths],
    ['exclude', lines('exclude')],
  ] as const) {
    for (const p of list) {
      const pattern = p.replace(/^!/, '');
      if (pattern.split(/[\\/]/).includes('..'))
        problems.push(`paths and exclude stay inside the workspace: "${p}" uses ".."`);
      try {
        compileGlob(pattern, input);
      } catch (err) {
        if (!(err instanceof GlobError)) throw err;
        problems.push(err.message);
      }
    }
  }

  const scanValue = raw('scan').toLowerCase();
  let scan: ScanMode = 'changed';
  if (scanValue === 'changed' || scanValue === 'all') scan = scanValue;
  else problems.push(`scan must be changed or all, not "${raw('scan')}"`);

  const failValue = raw('fail-on').toUpperCase();
  let failOn: Severity | 'none' = 'ERROR';
  if (failValue === 'NONE') failOn = 'none';
  else if ((SEVERITIES as readonly string[]).includes(failValue)) failOn = failValue as Severity;
  else problems.push(`fail-on must be error, warning, info or none, not "${raw('fail-on')}"`);

  let maxFileBytes: number | undefined;
  const sizeValue = raw('max-file-size');
  if (sizeValue !== '') {
    const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(sizeValue);
    if (!m || Number(m[1]) <= 0) {
      problems.push(
        `max-file-size must be a positive size such as 500000000, 512M or 10G, not "${sizeValue}"`,
      );
    } else {
      maxFileBytes = Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
    }
  }

  const annotationsValue = raw('annotations').toLowerCase();
  let annotateFrom: Severity | undefined = 'INFO';
  if (TRUE.has(annotationsValue)) annotateFrom = 'INFO';
  else if (FALSE.has(annotationsValue) || annotationsValue === 'none') annotateFrom = undefined;
  else if (['error', 'warning', 'info'].includes(annotationsValue))
    annotateFrom = annotationsValue.toUpperCase() as Severity;
  else
    problems.push(
      `annotations must be true, false, error, warning or info, not "${raw('annotations')}"`,
    );

  const shardCount = int('shard-count', 1);
  const shardIndex = int('shard-index', 1);
  if (shardIndex > shardCount)
    problems.push(`shard-index (${shardIndex}) must be between 1 and shard-count (${shardCount})`);

  const category = raw('category') || undefined;
  if (category !== undefined && /[\r\n]/.test(category))
    problems.push('category must be a single line');

  const signatures = parseSignatureInputs(raw, lines);
  problems.push(...signatures.problems);

  const inputs: ActionInputs = {
    paths,
    exclude: lines('exclude'),
    scan,
    failOn,
    uploadSarif: bool('upload-sarif'),
    sarifFile: raw('sarif-file') || undefined,
    category,
    maxFileBytes,
    followSymlinks: bool('follow-symlinks'),
    annotateFrom,
    token: raw('token'),
    shardIndex,
    shardCount,
    blacklist: lines('blacklist'),
    policyFile: raw('policy') || undefined,
    signatures: signatures.value,
  };
  if (problems.length > 0) throw new InputError(problems);
  return Object.freeze(inputs);
}
