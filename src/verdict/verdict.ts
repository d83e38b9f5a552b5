/**
 * The verdict: the one function that decides, from a report, which findings count, whether the
 * run fails and why. The CLI's exit code, the Action's gate, its summary, annotations and
 * outputs, the text report, JSON and SARIF all render what it returns; none decides on its own.
 *
 * How findings count:
 * - Every finding counts at its severity unless a triage step (suppressions and baselines, when
 *   they arrive) sets it aside with a reason. Nothing is set aside by rule.
 * - "Not identified" (MA1003, INFO) counts like any INFO finding: what was not identified was
 *   not checked, so it is never clean. It cannot fail `error` or `warning`; it fails `info`, in
 *   every face alike. Documents and data (README, *.md, *.txt, *.json, *.yaml, *.csv…) are
 *   identified and scanned, so they do not raise it; other source code, images and unknown
 *   binaries do.
 * - A path that could not be scanned at all makes the outcome `error`, whatever fail-on says.
 */
import {
  emptyCounts,
  severityRank,
  type FileResult,
  type Finding,
  type Report,
  type Severity,
  type SeverityCounts,
} from '../findings/finding.js';
import {
  failOnSeverity,
  type FailOn,
  type FileFailing,
  type SetAsideFinding,
  type SetAsideReason,
  type Verdict,
  type VerdictReason,
} from '../findings/verdict.js';
import { findRule } from '../rules/registry.js';

/** Findings that say "this file's format was not identified, so it was not checked". */
export const NOT_IDENTIFIED_RULES: ReadonlySet<string> = new Set(['MA1003']);

/** Decides whether one finding is set aside (suppressed, in a baseline…), and why. */
export type Triage = (finding: Finding, file: FileResult) => SetAsideReason | undefined;

export interface VerdictOptions {
  readonly failOn: FailOn;
  /** Applied in order; the first reason given sets the finding aside. */
  readonly triage?: readonly Triage[];
}

/** Which of the three finding kinds of a verdict reason a finding is. */
export type FindingKind = 'findings' | 'unidentified' | 'name-policy';

export function findingKind(f: Finding): FindingKind {
  if (NOT_IDENTIFIED_RULES.has(f.ruleId)) return 'unidentified';
  if (findRule(f.ruleId)?.family === 'name-policy') return 'name-policy';
  return 'findings';
}

/**
 * Every report entry that carries findings. Today the scanned files; entries that discovery
 * skips join here when they carry findings, and count like any other.
 */
function entries(report: Report): readonly FileResult[] {
  return report.files;
}

export function decideVerdict(report: Report, options: VerdictOptions): Verdict {
  const threshold = failOnSeverity(options.failOn);
  const counted = emptyCounts();
  const setAside: SetAsideFinding[] = [];
  const failing: Record<FindingKind, Map<string, SeverityCounts>> = {
    findings: new Map(),
    unidentified: new Map(),
    'name-policy': new Map(),
  };
  const policyRules = new Map<string, Set<string>>(); // file → failing name-policy rules

  for (const file of entries(report)) {
    file.findings.forEach((finding, index) => {
      const why = triage(options.triage ?? [], finding, file);
      if (why) {
        setAside.push({
          path: file.path,
          index,
          ruleId: finding.ruleId,
          severity: finding.severity,
          why,
        });
        return;
      }
      counted[finding.severity]++;
      if (threshold === undefined || severityRank(finding.severity) < severityRank(threshold))
        return;
      const kind = findingKind(finding);
      const byFile = failing[kind];
      const counts = byFile.get(file.path) ?? emptyCounts();
      counts[finding.severity]++;
      byFile.set(file.path, counts);
      if (kind === 'name-policy') {
        const rules = policyRules.get(file.path) ?? new Set<string>();
        rules.add(finding.ruleId);
        policyRules.set(file.path, rules);
      }
    });
  }

  const reasons: VerdictReason[] = [];
  const security = fileList(failing.findings);
  if (security.length > 0)
    reasons.push({
      kind: 'findings',
      count: total(security),
      counts: sum(security),
      files: security,
    });
  const unidentified = fileList(failing.unidentified);
  if (unidentified.length > 0)
    reasons.push({
      kind: 'unidentified',
      count: total(unidentified),
      files: unidentified.map((f) => f.path),
    });
  const policy = fileList(failing['name-policy']);
  if (policy.length > 0)
    reasons.push({
      kind: 'name-policy',
      count: total(policy),
      models: failingModels(report, policyRules),
      files: policy,
    });
  if (report.errors.length > 0)
    reasons.push({
      kind: 'operational-errors',
      count: report.errors.length,
      paths: report.errors.map((e) => ({ path: e.path, message: e.message })),
    });

  const failingCount = security.length + unidentified.length + policy.length;
  return deepFreeze({
    failOn: options.failOn,
    outcome: report.errors.length > 0 ? 'error' : failingCount > 0 ? 'fail' : 'pass',
    counted,
    failing: total(security) + total(unidentified) + total(policy),
    setAside,
    reasons,
  });
}

/** True when the verdict counts the finding (it was not set aside). */
export function countedFilter(verdict: Verdict): (path: string, index: number) => boolean {
  if (verdict.setAside.length === 0) return () => true;
  const aside = new Set(verdict.setAside.map((s) => `${s.index}\u0000${s.path}`));
  return (path, index) => !aside.has(`${index}\u0000${path}`);
}

/** A file's counted findings (its findings less those set aside), in report order. */
export function countedFindings(verdict: Verdict, file: FileResult): readonly Finding[] {
  const counts = countedFilter(verdict);
  return file.findings.filter((_, i) => counts(file.path, i));
}

function triage(
  steps: readonly Triage[],
  finding: Finding,
  file: FileResult,
): SetAsideReason | undefined {
  for (const step of steps) {
    const why = step(finding, file);
    if (why) return why;
  }
  return undefined;
}

/** Files ordered worst first: worst severity, then its count, then path. */
function fileList(byFile: ReadonlyMap<string, SeverityCounts>): FileFailing[] {
  return [...byFile]
    .map(([path, counts]) => ({ path, counts }))
    .sort(
      (a, b) =>
        worstRank(b.counts) - worstRank(a.counts) ||
        atWorst(b.counts) - atWorst(a.counts) ||
        a.path.localeCompare(b.path),
    );
}

const WORST_FIRST: readonly Severity[] = ['ERROR', 'WARNING', 'INFO'];

function worstRank(c: SeverityCounts): number {
  const worst = WORST_FIRST.find((s) => c[s] > 0);
  return worst === undefined ? -1 : severityRank(worst);
}

function atWorst(c: SeverityCounts): number {
  const worst = WORST_FIRST.find((s) => c[s] > 0);
  return worst === undefined ? 0 : c[worst];
}

function total(files: readonly FileFailing[]): number {
  return files.reduce((n, f) => n + f.counts.ERROR + f.counts.WARNING + f.counts.INFO, 0);
}

function sum(files: readonly FileFailing[]): SeverityCounts {
  const out = emptyCounts();
  for (const f of files) for (const s of WORST_FIRST) out[s] += f.counts[s];
  return out;
}

/** The models whose files carry failing name-policy findings, with those findings' rules. */
function failingModels(
  report: Report,
  rulesByFile: ReadonlyMap<string, ReadonlySet<string>>,
): { root: string; rules: string[] }[] {
  const out: { root: string; rules: string[] }[] = [];
  const claimed = new Set<string>();
  for (const model of report.models ?? []) {
    const rules = new Set<string>();
    for (const path of model.files) {
      const r = rulesByFile.get(path);
      if (!r) continue;
      claimed.add(path);
      for (const id of r) rules.add(id);
    }
    if (rules.size > 0) out.push({ root: model.root, rules: [...rules].sort() });
  }
  // Policy findings on a file no model lists still name the file as the model.
  for (const [path, rules] of rulesByFile)
    if (!claimed.has(path)) out.push({ root: path, rules: [...rules].sort() });
  return out.sort((a, b) => a.root.localeCompare(b.root));
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
