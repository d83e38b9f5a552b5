/**
 * The verdict's data: which findings count, whether the run fails, and why. Decided once by
 * src/verdict/ from the report; every face renders it (CLI exit code and text, JSON, SARIF, the
 * Action's gate, summary, annotations and outputs). Plain frozen data, serialised as the
 * report's `verdict` (schema 1.4).
 */
import type { Severity, SeverityCounts } from './severity.js';

/** The levels a run can fail at, as users write them; `none`: findings never fail the run. */
export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** The severity a fail-on level starts at, or undefined for `none`. */
export function failOnSeverity(failOn: FailOn): Severity | undefined {
  return failOn === 'none' ? undefined : (failOn.toUpperCase() as Severity);
}

/**
 * - `pass`: no counted finding reached fail-on, and every path was scanned;
 * - `fail`: counted findings reached fail-on (CLI exit 1, failed step);
 * - `error`: a path could not be scanned at all (CLI exit 2, failed step), whatever fail-on
 *   says: a run that could not look is never a pass.
 */
export type VerdictOutcome = 'pass' | 'fail' | 'error';

/** Why a finding does not count. Suppressions and baselines (issue 10) produce these. */
export interface SetAsideReason {
  readonly kind: 'suppression' | 'baseline';
  /** The justification people wrote. */
  readonly reason: string;
  /** Where the decision is recorded ("modelaudit.yml:12", "baseline.json"). */
  readonly source?: string;
}

/** A finding that does not count, and why. It stays in its file's findings, unchanged. */
export interface SetAsideFinding {
  readonly path: string;
  /** Index of the finding in its file's `findings`. */
  readonly index: number;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly why: SetAsideReason;
}

/** Counted findings at or above fail-on in one file, by severity. */
export interface FileFailing {
  readonly path: string;
  readonly counts: SeverityCounts;
}

/** One reason the run does not pass. Files are listed worst first, models by root. */
export type VerdictReason =
  | {
      /** Security findings (every rule but those below) at or above fail-on. */
      readonly kind: 'findings';
      readonly count: number;
      readonly counts: SeverityCounts;
      readonly files: readonly FileFailing[];
    }
  | {
      /** Files whose content no detector identified (MA1003): not identified, not checked. */
      readonly kind: 'unidentified';
      readonly count: number;
      readonly files: readonly string[];
    }
  | {
      /** Name-policy findings (MA6xxx) at or above fail-on, by model. */
      readonly kind: 'name-policy';
      readonly count: number;
      readonly models: readonly { readonly root: string; readonly rules: readonly string[] }[];
      readonly files: readonly FileFailing[];
    }
  | {
      /** Paths that could not be scanned at all. */
      readonly kind: 'operational-errors';
      readonly count: number;
      readonly paths: readonly { readonly path: string; readonly message: string }[];
    };

export type VerdictReasonKind = VerdictReason['kind'];

export interface Verdict {
  readonly failOn: FailOn;
  readonly outcome: VerdictOutcome;
  /** Findings that count (every finding not set aside), by severity. */
  readonly counted: SeverityCounts;
  /** Counted findings at or above fail-on (0 with fail-on none). */
  readonly failing: number;
  /** Findings that do not count, each with why. */
  readonly setAside: readonly SetAsideFinding[];
  /** Why the run does not pass; empty when it passes. */
  readonly reasons: readonly VerdictReason[];
}
