/**
 * The scan options every face shares, declared once: their names in each face, their grammar
 * (src/options/grammar.ts) and what they mean. The CLI's flags, the Action's inputs, the
 * library's options object and the configuration file all parse through `parseScanSettings`,
 * so `10G`, `llama, qwen` or `Warning` mean the same thing everywhere, and a bad value is a
 * usage error that names the flag, input or key it came from.
 */
import { z } from 'zod';
import type { FailOn } from '../findings/verdict.js';
import {
  booleanSchema,
  durationSchema,
  failOnSchema,
  integerSchema,
  lineSchema,
  listSchema,
  sizeSchema,
} from './grammar.js';

/** Where a value came from: names in errors follow the face's spelling. */
export type Face = 'cli' | 'action' | 'library' | 'config';

export const SCAN_OPTION_SPECS = {
  failOn: { name: 'fail-on', schema: failOnSchema },
  maxFileSize: {
    name: 'max-file-size',
    schema: sizeSchema.meta({
      description:
        'Skip (and report) files larger than this. A size: bytes, or a number with K, M, G or T (binary: 1G = 1024³ bytes). Default: 256G.',
    }),
  },
  timeout: {
    name: 'timeout',
    schema: durationSchema.meta({
      description:
        'Time limit per file: seconds, or a number with ms, s, m or h. Default: 120 (seconds).',
    }),
  },
  followSymlinks: {
    name: 'follow-symlinks',
    schema: booleanSchema.meta({
      description: 'Follow symbolic links that stay inside the scanned directories.',
    }),
  },
  blacklist: {
    name: 'blacklist',
    schema: listSchema.meta({
      description:
        'Model names or families that must not be used, matched case-insensitively on word boundaries; globs and /regex/ accepted. One per line or comma-separated.',
    }),
  },
  policy: {
    name: 'policy',
    schema: lineSchema.meta({
      description:
        'Path of a name-policy file (YAML or JSON): allow/deny lists, version and licence rules, exceptions.',
    }),
  },
  concurrency: {
    name: 'concurrency',
    schema: integerSchema(1, 64, 'Files scanned at the same time (1 to 64). Default: 4.'),
  },
} as const;

export type ScanOptionKey = keyof typeof SCAN_OPTION_SPECS;
export const SCAN_OPTION_KEYS = Object.keys(SCAN_OPTION_SPECS) as ScanOptionKey[];

/** Each option's text or typed value, as a face received it (absent: not given). */
export type RawScanOptions = { readonly [K in ScanOptionKey]?: unknown };

/** The shared options, resolved: typed values, defaults applied. */
export interface ScanSettings {
  readonly failOn: FailOn;
  /** Undefined: the default limit. */
  readonly maxFileBytes: number | undefined;
  /** Undefined: the default limit. */
  readonly timeoutMs: number | undefined;
  readonly followSymlinks: boolean;
  readonly blacklist: readonly string[];
  readonly policyFile: string | undefined;
  readonly concurrency: number;
}

export const DEFAULT_FAIL_ON: FailOn = 'error';
export const DEFAULT_CONCURRENCY = 4;

/** One problem with one option, named as its face spells it. */
export interface OptionIssue {
  /** The face's name for it: `--max-file-size`, `max-file-size`, `maxFileSize`, `limits.maxDepth`. */
  readonly name: string;
  readonly message: string;
}

/** Options that cannot be used: a usage error (CLI exit 2, a failed Action step). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Bad option values, each named as its face spells it. */
export class OptionsError extends ConfigError {
  override name = 'OptionsError';
  constructor(readonly issues: readonly OptionIssue[]) {
    super(issues.map((i) => `${i.name} ${i.message}`).join('; '));
  }
}

/** How `key` is spelled in a face: `--fail-on`, `fail-on` (input, config key) or `failOn`. */
export function optionName(key: string, face: Face): string {
  const spec = (SCAN_OPTION_SPECS as Record<string, { name: string } | undefined>)[key];
  if (face === 'library') return key;
  const kebab = spec?.name ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return face === 'cli' ? `--${kebab}` : kebab;
}

const sharedShape = Object.fromEntries(
  SCAN_OPTION_KEYS.map((k) => [k, SCAN_OPTION_SPECS[k].schema.optional()]),
) as { [K in ScanOptionKey]: z.ZodOptional<(typeof SCAN_OPTION_SPECS)[K]['schema']> };

/** The shared options as one object schema (unknown keys are errors). */
export const scanOptionsSchema = z.strictObject(sharedShape);

/**
 * Parses the shared options from any face. Values left undefined take their defaults. Throws
 * OptionsError listing every problem at once.
 */
export function parseScanSettings(raw: RawScanOptions, face: Face): ScanSettings {
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const parsed = scanOptionsSchema.safeParse(given);
  if (!parsed.success) throw new OptionsError(issuesOf(parsed.error, face));
  const v = parsed.data;
  return Object.freeze({
    failOn: v.failOn ?? DEFAULT_FAIL_ON,
    maxFileBytes: v.maxFileSize,
    timeoutMs: v.timeout,
    followSymlinks: v.followSymlinks ?? false,
    blacklist: Object.freeze(v.blacklist ?? []),
    policyFile: v.policy,
    concurrency: v.concurrency ?? DEFAULT_CONCURRENCY,
  });
}

/** Zod's issues as option issues named for the face (unknown keys become one issue each). */
export function issuesOf(error: z.ZodError, face: Face, prefix = ''): OptionIssue[] {
  return error.issues.flatMap((issue): OptionIssue[] => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((k) => ({
        name: [...path, k].map((p, i) => (i === 0 ? optionName(p, face) : p)).join('.'),
        message: 'is not an option',
      }));
    const name = path.map((p, i) => (i === 0 ? optionName(p, face) : p)).join('.');
    return [{ name: name || 'options', message: plainMessage(issue) }];
  });
}

/** Zod's wording for the few built-in checks, reworded as the grammar's own messages read. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' || issue.code === 'invalid_type')
    return `has the wrong type (${'expected' in issue ? String(issue.expected) : 'see the documentation'})`;
  return issue.message;
}

/** The options as a configuration file spells them (kebab-case keys), as JSON Schema. */
export function scanOptionsJsonSchema(): object {
  const shape = Object.fromEntries(
    SCAN_OPTION_KEYS.map((k) => [
      SCAN_OPTION_SPECS[k].name,
      SCAN_OPTION_SPECS[k].schema.optional(),
    ]),
  );
  return {
    ...z.toJSONSchema(z.strictObject(shape), { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/modelaudit/modelaudit/schema/options.schema.json',
    title: 'modelaudit scan options',
    description:
      "The scan options every face shares, keyed as the CLI's long flags and the Action's inputs name them (the configuration file uses the same keys). Generated from src/options/schema.ts; values in text take the grammar of src/options/grammar.ts.",
  };
}
