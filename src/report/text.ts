/**
 * The report for people: one block per file with findings, a summary line, then the verdict.
 * Every string that comes from a scanned file or a file name goes through `printable`: a name
 * with a line break must not start a line of its own (a workflow command, in a CI log), and
 * escape sequences must not reach the terminal.
 */
import type { Finding, ModelResult, Report, Severity } from '../findings/finding.js';
import { findRule } from '../rules/registry.js';
import { printable } from './escape.js';
import { verdictLine } from './verdict-text.js';

export interface TextOptions {
  readonly color: boolean;
  /** Also list clean files, INFO findings and file details. */
  readonly verbose: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;

function paint(on: boolean, code: keyof typeof CODES, s: string): string {
  return on ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s;
}

const SEVERITY_COLOR: Record<Severity, keyof typeof CODES> = {
  ERROR: 'red',
  WARNING: 'yellow',
  INFO: 'cyan',
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

function formatLocation(f: Finding): string {
  const parts: string[] = [];
  if (f.location.member) parts.push(printable(f.location.member));
  if (f.location.offset !== undefined) parts.push(`offset ${f.location.offset}`);
  if (f.location.opcodeIndex !== undefined) parts.push(`opcode #${f.location.opcodeIndex}`);
  if (f.location.line !== undefined) parts.push(`line ${f.location.line}`);
  return parts.join(', ');
}

export function formatText(report: Report, options: TextOptions): string {
  const c = options.color;
  const lines: string[] = [];
  let hiddenInfo = 0;
  for (const file of report.files) {
    const shown = file.findings.filter((f) => options.verbose || f.severity !== 'INFO');
    hiddenInfo += file.findings.length - shown.length;
    if (shown.length === 0 && !options.verbose) continue;
    const header = `${paint(c, 'bold', printable(file.path))}  ${paint(c, 'dim', `(${printable(file.format)}, ${formatBytes(file.size)}, ${file.durationMs} ms)`)}`;
    lines.push(header);
    if (shown.length === 0) lines.push(`  ${paint(c, 'green', 'clean')}`);
    for (const f of shown) {
      const rule = findRule(f.ruleId);
      const sev = paint(c, SEVERITY_COLOR[f.severity], f.severity.padEnd(7));
      lines.push(`  ${sev}  ${f.ruleId}  ${rule?.name ?? ''}`);
      lines.push(`           ${printable(f.message)}`);
      const where = formatLocation(f);
      if (where) lines.push(`           ${paint(c, 'dim', 'at')} ${where}`);
      if (f.evidence)
        lines.push(`           ${paint(c, 'dim', 'evidence:')} ${printable(f.evidence)}`);
    }
    if (options.verbose && Object.keys(file.details).length > 0) {
      lines.push(
        `  ${paint(c, 'dim', 'details: ' + printable(JSON.stringify(file.details).slice(0, 2000)))}`,
      );
    }
    lines.push('');
  }
  if (options.verbose && report.models?.length) lines.push(...formatModels(report.models, c), '');
  if (options.verbose && report.skipped.length) lines.push(...formatSkipped(report, c), '');
  for (const e of report.errors)
    lines.push(`${paint(c, 'red', 'error')}: ${printable(e.path)}: ${printable(e.message)}`);
  if (report.errors.length) lines.push('');

  const t = report.totals;
  const notRead = report.files.filter((f) => f.role === 'skipped').length;
  const read = t.files - notRead;
  const counts = (['ERROR', 'WARNING', 'INFO'] as const)
    .map((s) => paint(c && t.findings[s] > 0, SEVERITY_COLOR[s], `${t.findings[s]} ${s}`))
    .join(', ');
  const worst = (['ERROR', 'WARNING', 'INFO'] as const).find((s) => t.findings[s] > 0);
  const verdict =
    worst === undefined ? paint(c, 'green', 'no findings') : `${t.filesWithFindings} with findings`;
  lines.push(
    `Scanned ${read} file${read === 1 ? '' : 's'}${notRead ? ` and ${notRead} entr${notRead === 1 ? 'y' : 'ies'} not read` : ''} (${formatBytes(t.bytesRead)} read) in ${(report.durationMs / 1000).toFixed(2)} s: ${verdict} — ${counts}`,
  );
  if (hiddenInfo > 0)
    lines.push(
      paint(
        c,
        'dim',
        `${hiddenInfo} INFO finding${hiddenInfo === 1 ? '' : 's'} not shown (use --verbose)`,
      ),
    );
  if (report.verdict) {
    const color = report.verdict.outcome === 'pass' ? 'green' : 'red';
    lines.push(paint(c, color, verdictLine(report.verdict)));
  }
  return lines.join('\n') + '\n';
}

/** Entries discovery passed over, one line each (the JSON report has them all too). */
export function formatSkipped(report: Report, c: boolean): string[] {
  const lines = [paint(c, 'bold', 'Skipped')];
  for (const s of report.skipped)
    lines.push(
      `  ${printable(s.path)}  ${paint(c, 'dim', printable(`${s.kind}: ${s.reason}${s.target !== undefined ? ` -> ${s.target}` : ''}`))}`,
    );
  return lines;
}

/** Evidence lines shown per model in verbose mode. */
const MAX_EVIDENCE_LINES = 12;

/** The models section of a verbose report: identity, the evidence for it, the policy outcome. */
export function formatModels(models: readonly ModelResult[], c: boolean): string[] {
  const lines = [paint(c, 'bold', 'Models')];
  for (const m of models) {
    const n = m.files.length;
    lines.push(
      `  ${paint(c, 'bold', printable(m.root))}  ${paint(c, 'dim', `(${m.kind}, ${n} file${n === 1 ? '' : 's'})`)}`,
    );
    const id = m.identity;
    const parts = [
      id.name && `name ${id.name}`,
      id.family &&
        `family ${id.family}${id.families.length > 1 ? ` (${id.families.join(', ')})` : ''}`,
      id.architecture && `architecture ${id.architecture}`,
      id.baseModel && `base model ${id.baseModel}`,
      id.version && `version ${id.version}`,
      id.license && `licence ${id.license}`,
    ].filter(Boolean);
    lines.push(
      `    identity: ${parts.length ? printable(parts.join(', ')) : 'unknown'}${id.determined ? '' : paint(c, 'dim', ' (not determined from metadata)')}`,
    );
    const shown = m.evidence.filter((e) => !e.component);
    for (const e of shown.slice(0, MAX_EVIDENCE_LINES))
      lines.push(`    ${paint(c, 'dim', 'evidence:')} ${printable(`${e.source} = ${e.value}`)}`);
    if (shown.length > MAX_EVIDENCE_LINES)
      lines.push(
        paint(c, 'dim', `    … ${shown.length - MAX_EVIDENCE_LINES} more (see --format json)`),
      );
    for (const p of m.problems ?? [])
      lines.push(`    ${paint(c, 'yellow', 'problem:')} ${printable(p)}`);
    if (m.policy) {
      const color =
        m.policy.decision === 'violation'
          ? 'red'
          : m.policy.decision === 'pass'
            ? 'green'
            : 'yellow';
      const rules = m.policy.rules.length ? ` (${m.policy.rules.join(', ')})` : '';
      lines.push(
        `    policy: ${paint(c, color, m.policy.decision)}${rules}${m.policy.exception ? ` — exception: ${printable(m.policy.exception)}` : ''}`,
      );
    }
  }
  return lines;
}
