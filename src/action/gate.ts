/**
 * The quality gate: does this scan fail the step? Findings at or above `fail-on` fail it, and so
 * does a path that could not be scanned at all (fail closed), unless `fail-on` is `none`.
 */
import { severityRank, type Severity } from '../findings.js';
import { worstFirst, type FileView, type ReportView } from './view.js';

/** Files named in the failure message; the rest are counted. */
const NAMED_FILES = 5;

export interface GateResult {
  readonly failed: boolean;
  /** Files with findings at or above the threshold, worst first. */
  readonly offending: readonly FileView[];
  /** The failure message (empty when the gate passes). */
  readonly message: string;
}

export function evaluateGate(view: ReportView, failOn: Severity | 'none'): GateResult {
  if (failOn === 'none') return { failed: false, offending: [], message: '' };
  const threshold = severityRank(failOn);
  const offending = worstFirst(
    view.files.filter((f) => f.findings.some((x) => severityRank(x.severity) >= threshold)),
  );
  const parts: string[] = [];
  if (offending.length > 0) {
    const hits = offending.reduce(
      (n, f) => n + f.findings.filter((x) => severityRank(x.severity) >= threshold).length,
      0,
    );
    const named = offending.slice(0, NAMED_FILES).map((f) => `${f.path} (${describeCounts(f)})`);
    const more = offending.length - named.length;
    parts.push(
      `modelaudit found ${hits} finding${hits === 1 ? '' : 's'} at or above ${failOn} (fail-on: ${failOn.toLowerCase()}) in ${offending.length} file${offending.length === 1 ? '' : 's'}: ${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}.`,
    );
  }
  if (view.errors.length > 0) {
    const named = view.errors.slice(0, NAMED_FILES).map((e) => `${e.path} (${e.message})`);
    const more = view.errors.length - named.length;
    parts.push(
      `${view.errors.length} path${view.errors.length === 1 ? '' : 's'} could not be scanned: ${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}.`,
    );
  }
  return { failed: parts.length > 0, offending, message: parts.join(' ') };
}

export function describeCounts(f: Pick<FileView, 'counts'>): string {
  return (['ERROR', 'WARNING', 'INFO'] as const)
    .filter((s) => f.counts[s] > 0)
    .map((s) => `${f.counts[s]} ${s}`)
    .join(', ');
}
