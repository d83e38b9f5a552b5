/**
 * Scan options and limits: validated once, frozen, and handed read-only to every scanner.
 */
import { DEFAULT_LIMITS, type Limits } from '../io/limits.js';
import { compileNamePolicy, PolicyError } from '../policy/policy-file.js';
import type { NamePolicy } from '../policy/name-policy.js';

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
  /** Progress callback; the library never prints. */
  readonly onEvent?: (event: ScanEvent) => void;
  /** Aborts the whole scan. */
  readonly signal?: AbortSignal;
  /** The compiled name policy (blacklist and policy file); undefined when none was given. */
  readonly namePolicy?: NamePolicy;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function checkPositive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`limit ${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

/** Merges user limits over the defaults and validates every value. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const merged: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_LIMITS)) throw new ConfigError(`unknown limit ${key}`);
    merged[key] = checkPositive(key, value);
  }
  return Object.freeze(merged as unknown as Limits);
}

/** Name policy inputs (see src/name-policies): which model names and families are allowed. */
export interface NamePolicyInput {
  /** Names or families that must not be used, matched case-insensitively on word boundaries. */
  readonly blacklist?: readonly string[];
  /** Path of a policy file (allow/deny lists, licences, exceptions). */
  readonly policyFile?: string;
}

export interface ScanOptionsInput {
  readonly namePolicy?: NamePolicyInput;
  readonly limits?: Partial<Limits>;
  readonly concurrency?: number;
  readonly followSymlinks?: boolean;
  readonly onEvent?: (event: ScanEvent) => void;
  readonly signal?: AbortSignal;
}

export function resolveOptions(input: ScanOptionsInput = {}): ScanOptions {
  const concurrency = input.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new ConfigError(
      `concurrency must be an integer from 1 to 64, got ${String(concurrency)}`,
    );
  }
  let namePolicy: NamePolicy | undefined;
  try {
    namePolicy = compileNamePolicy(input.namePolicy);
  } catch (err) {
    if (err instanceof PolicyError) throw new ConfigError(err.message);
    throw err;
  }
  return Object.freeze({
    limits: resolveLimits(input.limits),
    concurrency,
    followSymlinks: input.followSymlinks ?? false,
    onEvent: input.onEvent,
    signal: input.signal,
    ...(namePolicy ? { namePolicy } : {}),
  });
}
