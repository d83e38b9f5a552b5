/**
 * The verdict in words: one sentence per reason, the same in the CLI's text report, the Action's
 * gate message, its job summary and its log. Paths, messages and model names are escaped with
 * `printable`; Markdown renderers escape on top.
 */
import type { SeverityCounts } from '../findings/finding.js';
import { failOnSeverity, type Verdict, type VerdictReason } from '../findings/verdict.js';
import { findRule } from '../rules/registry.js';
import { printable } from './escape.js';

/** Files, models and paths named per reason; the rest are counted. */
export const NAMED = 5;

export interface VerdictTextOptions {
  /** Extra words for a model ("by config.json:model_type"), from the face that knows them. */
  readonly modelDetail?: (root: string) => string | undefined;
}

/** "passed", "failed", "failed: a path could not be scanned". */
export function verdictHeadline(v: Verdict): string {
  if (v.outcome === 'pass') return 'passed';
  const n = v.reasons.find((r) => r.kind === 'operational-errors')?.count ?? 0;
  return v.outcome === 'error'
    ? `failed: ${n} path${n === 1 ? '' : 's'} could not be scanned`
    : 'failed';
}

/** Why the run passed or failed, in sentences. */
export function describeVerdict(v: Verdict, options: VerdictTextOptions = {}): string {
  const parts = v.reasons.map((r) => describeReason(v, r, options));
  if (v.outcome === 'pass') {
    parts.push(
      v.failOn === 'none'
        ? 'fail-on is none: findings never fail the run.'
        : `No counted finding at or above ${failOnSeverity(v.failOn)} (fail-on: ${v.failOn}).`,
    );
  }
  if (v.reasons.some((r) => r.kind === 'name-policy') && !v.reasons.some(isContentReason))
    parts.push('No security finding reached fail-on: the name policy alone fails the run.');
  const aside = v.setAside.length;
  if (aside > 0)
    parts.push(
      `${aside} finding${aside === 1 ? ' is' : 's are'} set aside (suppressed or in a baseline) and ${aside === 1 ? 'does' : 'do'} not count.`,
    );
  return parts.join(' ');
}

/** The closing line of the text report: "Verdict: failed. modelaudit found …". */
export function verdictLine(v: Verdict): string {
  return `Verdict: ${verdictHeadline(v)}. ${describeVerdict(v)}`;
}

function isContentReason(r: VerdictReason): boolean {
  return r.kind === 'findings' || r.kind === 'unidentified';
}

function describeReason(v: Verdict, r: VerdictReason, options: VerdictTextOptions): string {
  const at = `at or above ${failOnSeverity(v.failOn) ?? 'NONE'} (fail-on: ${v.failOn})`;
  switch (r.kind) {
    case 'findings':
      return (
        `modelaudit found ${plural(r.count, 'finding')} ${at} in ${plural(r.files.length, 'file')}: ` +
        `${named(r.files.map((f) => `${printable(f.path)} (${describeCounts(f.counts)})`))}.`
      );
    case 'unidentified':
      return (
        `${plural(r.files.length, 'file')} ${r.files.length === 1 ? 'was' : 'were'} not identified as any format modelaudit knows ` +
        `(MA1003 unknown-format, INFO: not identified means not checked): ${named(r.files.map(printable))}.`
      );
    case 'name-policy':
      return (
        `The name policy fails ${plural(r.models.length, 'model')} with ${plural(r.count, 'finding')} ${at}: ` +
        `${named(
          r.models.map((m) => {
            const detail = options.modelDetail?.(m.root);
            const rules = m.rules.map((id) => `${id} ${findRule(id)?.name ?? ''}`.trim());
            return `${printable(m.root)} (${[...rules, ...(detail ? [printable(detail)] : [])].join(', ')})`;
          }),
        )}.`
      );
    case 'operational-errors':
      return (
        `${plural(r.count, 'path')} could not be scanned: ` +
        `${named(r.paths.map((p) => `${printable(p.path)} (${printable(p.message)})`))}; ` +
        'a run that could not look is never a pass.'
      );
  }
}

/** "1 ERROR, 2 WARNING". */
export function describeCounts(c: SeverityCounts): string {
  return (['ERROR', 'WARNING', 'INFO'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s}`)
    .join(', ');
}

function named(items: readonly string[]): string {
  const shown = items.slice(0, NAMED);
  const more = items.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
