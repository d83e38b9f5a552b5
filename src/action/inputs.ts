/**
 * The Action's inputs: declared once (names, defaults, descriptions: a test keeps action.yml
 * equal to this table), parsed and validated in one place with the grammar every face shares
 * (src/options): the scan options through the shared schema, the Action's own inputs through
 * the same value schemas. Every problem is collected, so a workflow with three bad inputs learns
 * about all three in one run.
 */
import type { z } from 'zod';
import type { FailOn } from '../findings/verdict.js';
import {
  booleanSchema,
  enumSchema,
  integerSchema,
  lineSchema,
  listSchema,
} from '../options/grammar.js';
import type { ScanOptionsInput } from '../options/options.js';
import {
  OptionsError,
  parseScanSettings,
  type RawScanOptions,
  type ScanSettings,
} from '../options/schema.js';
import { compileGlob, GlobError } from '../discover/globs.js';
import type { Severity } from '../findings/finding.js';
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
      'Files, directories or globs to scan, one per line or comma-separated, relative to the workspace (`**` matches any depth; a directory selects everything under it; a line starting with `!` takes paths back out).',
    default: '**',
  },
  {
    name: 'exclude',
    description: 'Globs to leave out, one per line or comma-separated (e.g. `tests/fixtures/**`).',
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
      'Fail the step when a counted finding is at or above this severity: `error`, `warning`, `info` or `none`. Files not identified as any known format (MA1003) are INFO findings; a path that cannot be read fails the step whatever this says.',
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
      'Skip (and report) files larger than this: bytes, or a number with K, M, G or T (binary: 1G = 1024³ bytes; G, GB and GiB mean the same). Default: 256G.',
    default: '',
  },
  {
    name: 'timeout',
    description:
      'Time limit per file: seconds, or a number with ms, s, m or h (`90s`, `2m`). Default: 120.',
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
    name: 'wait-for-processing',
    description:
      'After uploading SARIF, wait (up to 2 minutes) for code scanning to process it and report its errors.',
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
    description:
      'Model names or families that must not be used, one per line or comma-separated (globs and `/regex/` accepted).',
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
  readonly uploadSarif: boolean;
  readonly waitForProcessing: boolean;
  readonly sarifFile: string | undefined;
  readonly category: string | undefined;
  /** Lowest severity annotated, or undefined for no annotations. */
  readonly annotateFrom: Severity | undefined;
  readonly token: string;
  readonly shardIndex: number;
  readonly shardCount: number;
  /** The scan options every face shares, resolved (fail-on, limits, name policy…). */
  readonly settings: ScanSettings;
  /** The same options as given, for scan() (which parses them with the same schema). */
  readonly scanOptions: ScanOptionsInput;
  readonly failOn: FailOn;
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

const annotationsSchema = enumSchema(
  ['true', 'false', 'none', 'error', 'warning', 'info', 'yes', 'no', 'on', 'off', '1', '0'],
  'true, false, or the lowest severity to annotate',
);

export function parseInputs(read: InputReader): ActionInputs {
  const problems: string[] = [];
  const defaults = new Map(INPUT_SPECS.map((s) => [s.name, s.default]));
  /** The input's text; an empty input takes its default, and "" means unset. */
  const raw = (name: string): string => {
    const v = read(name).trim();
    if (v !== '') return v;
    const d = defaults.get(name) ?? '';
    return d.startsWith('${{') ? '' : d;
  };
  const given = (name: string): string | undefined => raw(name) || undefined;
  function value<T>(name: string, schema: z.ZodType<T, unknown>, fallback: T): T {
    const text = raw(name);
    if (text === '') return fallback;
    const r = schema.safeParse(text);
    if (r.success) return r.data;
    problems.push(...r.error.issues.map((i) => `${name} ${i.message}`));
    return fallback;
  }

  const paths = value('paths', listSchema, []);
  const exclude = value('exclude', listSchema, []);
  if (paths.length === 0) problems.push('paths must name at least one file, directory or glob');
  for (const [input, list] of [
    ['paths', paths],
    ['exclude', exclude],
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

  const scan = value('scan', enumSchema(['changed', 'all'] as const, 'scan mode'), 'changed');
  const annotations = value('annotations', annotationsSchema, 'true');
  const annotateFrom: Severity | undefined = ['error', 'warning', 'info'].includes(annotations)
    ? (annotations.toUpperCase() as Severity)
    : ['false', 'none', 'no', 'off', '0'].includes(annotations)
      ? undefined
      : 'INFO';
  const shardCount = value('shard-count', integerSchema(1, 10_000, 'shards'), 1);
  const shardIndex = value('shard-index', integerSchema(1, 10_000, 'shard'), 1);
  if (shardIndex > shardCount)
    problems.push(`shard-index (${shardIndex}) must be between 1 and shard-count (${shardCount})`);

  // The options every face shares, in their grammar; problems are named as inputs.
  const scanOptions: RawScanOptions & ScanOptionsInput = {
    failOn: given('fail-on'),
    maxFileSize: given('max-file-size'),
    timeout: given('timeout'),
    followSymlinks: given('follow-symlinks'),
    blacklist: given('blacklist'),
    policy: given('policy'),
  };
  let settings: ScanSettings | undefined;
  try {
    settings = parseScanSettings(scanOptions, 'action');
  } catch (err) {
    if (!(err instanceof OptionsError)) throw err;
    problems.push(...err.issues.map((i) => `${i.name} ${i.message}`));
  }

  const lines = (name: string): string[] => value(name, listSchema, []);
  const signatures = parseSignatureInputs(raw, lines);
  problems.push(...signatures.problems);

  const inputs = {
    paths,
    exclude,
    scan,
    uploadSarif: value('upload-sarif', booleanSchema, true),
    waitForProcessing: value('wait-for-processing', booleanSchema, true),
    sarifFile: given('sarif-file'),
    category: value('category', lineSchema.optional(), undefined),
    annotateFrom,
    token: raw('token'),
    shardIndex,
    shardCount,
    signatures: signatures.value,
  };
  if (problems.length > 0 || settings === undefined) throw new InputError(problems);
  return Object.freeze({
    ...inputs,
    settings,
    scanOptions,
    failOn: settings.failOn,
    policyFile: settings.policyFile,
  });
}
