/**
 * The report as the Action presents it, from the verdict: the counted findings of each file (the
 * verdict's `setAside` are left out), their totals, and two groupings for presentation only:
 * files not identified as any known format (their only counted finding is MA1003), listed
 * together in the summary and in one annotation rather than one each, and Git LFS pointers.
 * Nothing here decides what counts or fails: src/verdict does, once, for every face.
 */
import {
  countBySeverity,
  emptyCounts,
  severityRank,
  worstSeverity,
  type FileResult,
  type Finding,
  type OperationalError,
  type Report,
  type Severity,
  type SeverityCounts,
} from '../findings/finding.js';
import type { Verdict } from '../findings/verdict.js';
import { countedFindings, findingKind } from '../verdict/verdict.js';

export const LFS_POINTER_RULE = 'MA7001';

export interface FileView {
  readonly path: string;
  readonly format: string;
  readonly size: number;
  readonly durationMs: number;
  /** The file's counted findings (most severe first, as the engine sorts them). */
  readonly findings: readonly Finding[];
  readonly counts: SeverityCounts;
  readonly worst: Severity | undefined;
}

/** A report with its verdict, as scan() returns it. */
export type JudgedReport = Report & { readonly verdict: Verdict };

export interface ReportView {
  readonly report: JudgedReport;
  readonly verdict: Verdict;
  /** Every scanned file but those only listed as not identified. */
  readonly files: readonly FileView[];
  /** Files whose only counted findings say their format was not identified (MA1003). */
  readonly unidentified: readonly string[];
  /** Files that are Git LFS pointers (the model itself was not checked out). */
  readonly lfsPointers: readonly string[];
  readonly errors: readonly OperationalError[];
  /** Counted findings by severity: the verdict's counts. */
  readonly counts: SeverityCounts;
}

export function viewOf(report: JudgedReport): ReportView {
  const files: FileView[] = [];
  const unidentified: string[] = [];
  const lfsPointers: string[] = [];
  for (const file of report.files) {
    const counted = countedFindings(report.verdict, file);
    if (counted.length > 0 && counted.every((f) => findingKind(f) === 'unidentified')) {
      unidentified.push(file.path);
      continue;
    }
    if (counted.some((f) => f.ruleId === LFS_POINTER_RULE)) lfsPointers.push(file.path);
    files.push(fileView(file, counted));
  }
  return {
    report,
    verdict: report.verdict,
    files,
    unidentified,
    lfsPointers,
    errors: report.errors,
    counts: { ...emptyCounts(), ...report.verdict.counted },
  };
}

function fileView(file: FileResult, findings: readonly Finding[]): FileView {
  return {
    path: file.path,
    format: file.format,
    size: file.size,
    durationMs: file.durationMs,
    findings,
    counts: countBySeverity(findings),
    worst: worstSeverity(findings),
  };
}

/** Files ordered worst first: by worst severity, then by the number of findings at it, then path. */
export function worstFirst(files: readonly FileView[]): FileView[] {
  return [...files].sort(
    (a, b) =>
      rank(b.worst) - rank(a.worst) ||
      (b.worst ? b.counts[b.worst] : 0) - (a.worst ? a.counts[a.worst] : 0) ||
      a.path.localeCompare(b.path),
  );
}

function rank(s: Severity | undefined): number {
  return s === undefined ? -1 : severityRank(s);
}
