/**
 * The report as the Action presents it. One rule is set aside: MA1003 (unknown-format) marks
 * files that are not a model format modelaudit knows. Formats are identified by content, so a
 * pickle named README.md is still a pickle; what remains under MA1003 is source, docs and data
 * in a pull request. Those files are listed in the job summary but do not become annotations,
 * code scanning alerts or gate failures: a changed-files scan of an ordinary pull request would
 * otherwise annotate every source file.
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

export const NOT_A_MODEL_RULE = 'MA1003';
export const LFS_POINTER_RULE = 'MA7001';

export interface FileView {
  readonly path: string;
  readonly format: string;
  readonly size: number;
  readonly durationMs: number;
  /** Findings shown by the Action (most severe first, as the engine sorts them). */
  readonly findings: readonly Finding[];
  readonly counts: SeverityCounts;
  readonly worst: Severity | undefined;
}

export interface ReportView {
  readonly report: Report;
  /** Every scanned file that is a model or has findings. */
  readonly files: readonly FileView[];
  /** Files whose only finding is "not a recognised format". */
  readonly notModels: readonly string[];
  /** Files that are Git LFS pointers (the model itself was not checked out). */
  readonly lfsPointers: readonly string[];
  readonly errors: readonly OperationalError[];
  readonly counts: SeverityCounts;
}

export function isShownFinding(f: Finding): boolean {
  return f.ruleId !== NOT_A_MODEL_RULE;
}

export function viewOf(report: Report): ReportView {
  const files: FileView[] = [];
  const notModels: string[] = [];
  const lfsPointers: string[] = [];
  const counts = emptyCounts();
  for (const file of report.files) {
    const shown = file.findings.filter(isShownFinding);
    if (shown.length === 0 && file.findings.length > 0) {
      notModels.push(file.path);
      continue;
    }
    if (shown.some((f) => f.ruleId === LFS_POINTER_RULE)) lfsPointers.push(file.path);
    const c = countBySeverity(shown);
    for (const s of ['INFO', 'WARNING', 'ERROR'] as const) counts[s] += c[s];
    files.push(fileView(file, shown, c));
  }
  return { report, files, notModels, lfsPointers, errors: report.errors, counts };
}

function fileView(
  file: FileResult,
  findings: readonly Finding[],
  counts: SeverityCounts,
): FileView {
  return {
    path: file.path,
    format: file.format,
    size: file.size,
    durationMs: file.durationMs,
    findings,
    counts,
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
