/**
 * Scan options and limits: validated once through the shared schema (src/options/schema.ts),
 * frozen, and handed read-only to every scanner.
 */
import { z } from 'zod';
import { DEFAULT_LIMITS, type Limits } from '../io/limits.js';
import type { FailOn } from '../findings/verdict.js';
import { compileNamePolicy, PolicyError } from '../policy/policy-file.js';
import type { NamePolicy } from '../policy/name-policy.js';
import { listSchema, sizeSchema } from './grammar.js';
import {
  ConfigError,
  issuesOf,
  OptionsError,
  parseScanSettings,
  SCAN_OPTION_KEYS,
  type RawScanOptions,
} from './schema.js';

export { ConfigError, OptionsError } from './schema.js';

export type ScanEvent =
  | { readonly type: 'file-start'; readonly path: string; readonly size: number }
  | {
      readonly type: 'file-done';
      readonly path: string;
      readonly findings: number;
      readonly durationMs: number;
    }
  | { readonly type: 'operational-error'; readonly path: string; readonly message: string };

export interface ScanOptions {
  readonly limits: Limits;
  /** Files scanned at the same time. */
  readonly concurrency: number;
  /** Follow symbolic links found while walking directories (never out of the given roots). */
  readonly followSymlinks: boolean;
  /** The threshold the verdict fails at. */
  readonly failOn: FailOn;
  /** Progress callback; the library never prints. */
  readonly onEvent?: (event: ScanEvent) => void;
  /** Aborts the whole scan. */
  readonly signal?: AbortSignal;
  /** The compiled name policy (blacklist and policy file); undefined when none was given. */
  readonly namePolicy?: NamePolicy;
}

/** Name policy inputs (see src/policy): which model names and families are allowed. */
export interface NamePolicyInput {
  /** Names or families that must not be used, matched case-insensitively on word boundaries. */
  readonly blacklist?: string | readonly string[];
  /** Path of a policy file (allow/deny lists, licences, exceptions). */
  readonly policyFile?: string;
}

/**
 * The library's options. The shared keys take the same values as the CLI's flags and the
 * Action's inputs (`failOn: 'warning'`, `maxFileSize: '10G'`, `timeout: '2m'`,
 * `blacklist: 'llama, qwen'`); `limits` sets any limit in its own unit (bytes, ms, counts).
 */
export interface ScanOptionsInput {
  readonly failOn?: FailOn | string;
  readonly maxFileSize?: number | string;
  /** Seconds, or a duration such as "2m". */
  readonly timeout?: number | string;
  readonly followSymlinks?: boolean | string;
  readonly blacklist?: string | readonly string[];
  /** Path of a name-policy file. */
  readonly policy?: string;
  readonly concurrency?: number | string;
  readonly limits?: { readonly [K in keyof Limits]?: number | string };
  /** The name policy as one object (same grammar as `blacklist` and `policy`). */
  readonly namePolicy?: NamePolicyInput;
  readonly onEvent?: (event: ScanEvent) => void;
  readonly signal?: AbortSignal;
}

/** Limits measured in bytes also take sizes ("16G"); the rest are positive numbers. */
const BYTE_LIMITS: ReadonlySet<string> = new Set([
  'maxFileBytes',
  'maxConstantBytes',
  'maxDecompressedBytes',
  'maxInMemoryBytes',
]);

const limitsSchema = z.strictObject(
  Object.fromEntries(
    Object.keys(DEFAULT_LIMITS).map((k) => [
      k,
      (BYTE_LIMITS.has(k) ? sizeSchema : z.number().positive().finite()).optional(),
    ]),
  ) as unknown as { [K in keyof Limits]: z.ZodOptional<z.ZodType<number, unknown>> },
);

const namePolicySchema = z.strictObject({
  blacklist: listSchema.optional(),
  policyFile: z.string().optional(),
});

/** Merges user limits over the defaults and validates every value. */
export function resolveLimits(overrides: ScanOptionsInput['limits'] = {}): Limits {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const parsed = limitsSchema.safeParse(given);
  if (!parsed.success) throw new OptionsError(issuesOf(parsed.error, 'library', 'limits'));
  return Object.freeze({ ...DEFAULT_LIMITS, ...parsed.data } as Limits);
}

const LIBRARY_ONLY = new Set(['limits', 'namePolicy', 'onEvent', 'signal']);

export function resolveOptions(input: ScanOptionsInput = {}): ScanOptions {
  const raw: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if ((SCAN_OPTION_KEYS as readonly string[]).includes(key)) raw[key] = value;
    else if (!LIBRARY_ONLY.has(key)) unknown.push(key);
  }
  if (unknown.length > 0)
    throw new OptionsError(unknown.map((k) => ({ name: k, message: 'is not an option' })));
  const settings = parseScanSettings(raw as RawScanOptions, 'library');

  const alias = namePolicySchema.safeParse(input.namePolicy ?? {});
  if (!alias.success) throw new OptionsError(issuesOf(alias.error, 'library', 'namePolicy'));
  if (input.namePolicy && (input.blacklist !== undefined || input.policy !== undefined))
    throw new OptionsError([
      { name: 'namePolicy', message: 'and blacklist/policy say the same thing: give one of them' },
    ]);
  const blacklist = [...settings.blacklist, ...(alias.data.blacklist ?? [])];
  const policyFile = settings.policyFile ?? alias.data.policyFile;

  const limits = resolveLimits({
    ...input.limits,
    ...(settings.maxFileBytes !== undefined ? { maxFileBytes: settings.maxFileBytes } : {}),
    ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
  });
  let namePolicy: NamePolicy | undefined;
  try {
    namePolicy = compileNamePolicy({ blacklist, ...(policyFile ? { policyFile } : {}) });
  } catch (err) {
    if (err instanceof PolicyError) throw new ConfigError(err.message);
    throw err;
  }
  return Object.freeze({
    limits,
    concurrency: settings.concurrency,
    followSymlinks: settings.followSymlinks,
    failOn: settings.failOn,
    onEvent: input.onEvent,
    signal: input.signal,
    ...(namePolicy ? { namePolicy } : {}),
  });
}
