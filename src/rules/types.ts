import type { Severity } from '../findings/finding.js';

export type RuleFamily =
  | 'general'
  | 'pickle'
  | 'archive'
  | 'keras-tensorflow-onnx'
  | 'formats'
  | 'name-policy'
  | 'repository'
  | 'signatures';

/** One rule: a stable ID and everything a user needs to understand a finding of it. */
export interface Rule {
  /** Stable identifier, never reused: "MA" + family digit + three digits. */
  readonly id: string;
  /** Short kebab-case name, also accepted wherever an ID is. */
  readonly name: string;
  readonly title: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  /** CWE identifier such as "CWE-502". */
  readonly cwe?: string;
  /** What the rule detects and why it matters. */
  readonly description: string;
  /** What to do about a finding. */
  readonly remediation: string;
  /** Advisories, papers and specifications behind the rule. */
  readonly references?: readonly string[];
  /** Set when no scanner reports the rule any more; the ID stays reserved and documented. */
  readonly retired?: string;
}
