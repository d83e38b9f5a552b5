/**
 * Findings as GitHub annotations on their files: ERROR → error, WARNING → warning, INFO →
 * notice. GitHub keeps only 10 annotations of each level per step, so the most severe go first,
 * a few slots stay free for the Action's own messages (the gate, the LFS warning, upload
 * problems), and a final notice says how many findings were not shown. Files not identified as
 * any known format share one notice instead of one each.
 *
 * Messages and titles quote scanned content and file names: each part goes through `printable`
 * (@actions/core escapes line breaks in workflow commands, but not ESC, bidi or invisible
 * characters). The `file` property stays exact, or GitHub could not place the annotation.
 */
import { severityRank, type Finding, type Severity } from '../findings/finding.js';
import { printable } from '../report/escape.js';
import { findRule, ruleHelpUrl } from '../rules/registry.js';
import type { ReportView } from './view.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  readonly level: AnnotationLevel;
  readonly message: string;
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
}

/** GitHub shows this many annotations of each level for one step. */
export const PER_LEVEL_LIMIT = 10;
/** Slots kept for the Action's own messages: the gate's error, LFS and upload warnings, notes. */
export const RESERVED: Readonly<Record<AnnotationLevel, number>> = {
  error: 1,
  warning: 2,
  notice: 2,
};

export const LEVEL_OF: Readonly<Record<Severity, AnnotationLevel>> = {
  ERROR: 'error',
  WARNING: 'warning',
  INFO: 'notice',
};

const MAX_EVIDENCE = 300;

export interface AnnotationPlan {
  readonly annotations: readonly Annotation[];
  /** Findings (and unscannable paths) not annotated because of the per-level limit. */
  readonly hidden: Readonly<Record<Severity, number>>;
  /** The closing notice about hidden findings, when any were hidden. */
  readonly overflow: Annotation | undefined;
}

/**
 * Plans the annotations for a scan. `used` counts annotations of each level already emitted in
 * this step; `annotateFrom` is the lowest severity to annotate.
 */
export function planAnnotations(
  view: ReportView,
  annotateFrom: Severity,
  used: Readonly<Record<AnnotationLevel, number>> = { error: 0, warning: 0, notice: 0 },
): AnnotationPlan {
  const budget: Record<AnnotationLevel, number> = {
    error: Math.max(0, PER_LEVEL_LIMIT - RESERVED.error - used.error),
    warning: Math.max(0, PER_LEVEL_LIMIT - RESERVED.warning - used.warning),
    notice: Math.max(0, PER_LEVEL_LIMIT - RESERVED.notice - used.notice),
  };
  const hidden: Record<Severity, number> = { ERROR: 0, WARNING: 0, INFO: 0 };
  const annotations: Annotation[] = [];
  const take = (severity: Severity, a: Annotation): void => {
    if (budget[a.level] > 0) {
      budget[a.level]--;
      annotations.push(a);
    } else hidden[severity]++;
  };

  for (const e of view.errors)
    take('ERROR', {
      level: 'error',
      title: 'modelaudit: could not scan',
      message: `${printable(e.path)} could not be scanned: ${printable(e.message)}. A file that cannot be read is never reported clean.`,
      file: e.path,
    });

  const threshold = severityRank(annotateFrom);
  const all: { path: string; f: Finding }[] = [];
  for (const file of view.files)
    for (const f of file.findings)
      if (severityRank(f.severity) >= threshold) all.push({ path: file.path, f });
  all.sort(
    (a, b) =>
      severityRank(b.f.severity) - severityRank(a.f.severity) || a.path.localeCompare(b.path),
  );
  for (const { path, f } of all) take(f.severity, findingAnnotation(path, f));
  const unidentified = unidentifiedNotice(view.unidentified);
  if (unidentified && threshold <= severityRank('INFO')) take('INFO', unidentified);

  const total = hidden.ERROR + hidden.WARNING + hidden.INFO;
  const overflow: Annotation | undefined =
    total === 0
      ? undefined
      : {
          level: 'notice',
          title: 'modelaudit: more findings than annotations',
          message:
            `${total} more finding${total === 1 ? ' is' : 's are'} not shown as annotations ` +
            `(GitHub shows ${PER_LEVEL_LIMIT} of each level per step): ` +
            `${hidden.ERROR} ERROR, ${hidden.WARNING} WARNING, ${hidden.INFO} INFO. ` +
            'The job summary lists every finding; so do the SARIF file and code scanning.',
        };
  return { annotations, hidden, overflow };
}

export function findingAnnotation(path: string, f: Finding): Annotation {
  const rule = findRule(f.ruleId);
  const lines = [printable(f.message)];
  if (f.evidence) lines.push(`Evidence: ${printable(clip(f.evidence))}`);
  const where = describeLocation(f);
  if (where) lines.push(`Where: ${where}`);
  if (rule) {
    lines.push(`What to do: ${rule.remediation}`);
    lines.push(`Rule: ${ruleHelpUrl(rule)}`);
  }
  return {
    level: LEVEL_OF[f.severity],
    title: `modelaudit ${f.ruleId}${rule ? ` ${rule.name}` : ''}`,
    message: lines.join('\n'),
    file: path,
    startLine: f.location.line ?? 1,
  };
}

/** Member, offset, opcode and line of a finding, for people. */
export function describeLocation(f: Finding): string {
  const parts: string[] = [];
  if (f.location.member) parts.push(printable(f.location.member));
  if (f.location.offset !== undefined) parts.push(`offset ${f.location.offset}`);
  if (f.location.opcodeIndex !== undefined) parts.push(`opcode #${f.location.opcodeIndex}`);
  if (f.location.line !== undefined) parts.push(`line ${f.location.line}`);
  return parts.join(', ');
}

/** The warning for Git LFS pointers: the checkout, not the model, needs fixing. */
export function lfsWarning(pointers: readonly string[]): Annotation | undefined {
  if (pointers.length === 0) return undefined;
  const n = pointers.length;
  const named =
    pointers.slice(0, 5).map(printable).join(', ') + (n > 5 ? `, and ${n - 5} more` : '');
  return {
    level: 'warning',
    title: 'modelaudit: Git LFS models were not checked out',
    message:
      `${n} file${n === 1 ? ' is a Git LFS pointer' : 's are Git LFS pointers'}, not ${n === 1 ? 'the model' : 'the models'} ` +
      `(${named}): the checkout did not fetch LFS objects, so ${n === 1 ? 'the real model was' : 'the real models were'} not scanned. ` +
      'Fix the checkout: add `lfs: true` to the actions/checkout step (with: lfs: true), ' +
      'or run `git lfs pull` before modelaudit.',
  };
}

/** One notice for the files not identified as any format: they count as INFO findings. */
export function unidentifiedNotice(paths: readonly string[]): Annotation | undefined {
  if (paths.length === 0) return undefined;
  const n = paths.length;
  const named =
    paths.slice(0, 10).map(printable).join(', ') + (n > 10 ? `, and ${n - 10} more` : '');
  return {
    level: 'notice',
    title: `modelaudit: ${n} file${n === 1 ? '' : 's'} not identified`,
    message:
      `${n === 1 ? 'This file was' : `${n} files were`} not identified as any format modelaudit knows, so ${n === 1 ? 'it was' : 'they were'} not scanned for code (MA1003, counted as INFO: \`fail-on: info\` fails on ${n === 1 ? 'it' : 'them'}): ${named}. ` +
      'If one is a model, please report its format; otherwise narrow `paths` or add it to `exclude`.',
  };
}

function clip(s: string): string {
  return s.length > MAX_EVIDENCE ? `${s.slice(0, MAX_EVIDENCE)}…` : s;
}
