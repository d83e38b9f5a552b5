/**
 * The report for people: one block per file with findings, then a summary line.
 */
import type { Finding, Report, Severity } from '../findings.js';
import { severityRank } from '../findings.js';
import { findRule } from '../rules/registry.js';

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
  if (f.location.member) parts.push(f.location.member);
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
    const header = `${paint(c, 'bold', file.path)}  ${paint(c, 'dim', `(${file.format}, ${formatBytes(file.size)}, ${file.durationMs} ms)`)}`;
    lines.push(header);
    if (shown.length === 0) lines.push(`  ${paint(c, 'green', 'clean')}`);
    for (const f of shown) {
      const rule = findRule(f.ruleId);
      const sev = paint(c, SEVERITY_COLOR[f.severity], f.severity.padEnd(7));
      lines.push(`  ${sev}  ${f.ruleId}  ${rule?.name ?? ''}`);
      lines.push(`           ${f.message}`);
      const where = formatLocation(f);
      if (where) lines.push(`           ${paint(c, 'dim', 'at')} ${where}`);
      if (f.evidence) lines.push(`           ${paint(c, 'dim', 'evidence:')} ${f.evidence}`);
    }
    if (options.verbose && Object.keys(file.details).length > 0) {
      lines.push(`  ${paint(c, 'dim', 'details: ' + JSON.stringify(file.details).slice(0, 2000))}`);
    }
    lines.push('');
  }
  for (const e of report.errors) lines.push(`${paint(c, 'red', 'error')}: ${e.path}: ${e.message}`);
  if (report.errors.length) lines.push('');

  const t = report.totals;
  const counts = (['ERROR', 'WARNING', 'INFO'] as const)
    .map((s) => paint(c && t.findings[s] > 0, SEVERITY_COLOR[s], `${t.findings[s]} ${s}`))
    .join(', ');
  const worst = (['ERROR', 'WARNING', 'INFO'] as const).find((s) => t.findings[s] > 0);
  const verdict =
    worst === undefined ? paint(c, 'green', 'no findings') : `${t.filesWithFindings} with findings`;
  lines.push(
    `Scanned ${t.files} file${t.files === 1 ? '' : 's'} (${formatBytes(t.bytesRead)} read) in ${(report.durationMs / 1000).toFixed(2)} s: ${verdict} — ${counts}`,
  );
  if (hiddenInfo > 0)
    lines.push(
      paint(
        c,
        'dim',
        `${hiddenInfo} INFO finding${hiddenInfo === 1 ? '' : 's'} not shown (use --verbose)`,
      ),
    );
  return lines.join('\n') + '\n';
}

/** Severity order helper for callers that sort or filter by threshold. */
export function atLeast(f: Finding, threshold: Severity): boolean {
  return severityRank(f.severity) >= severityRank(threshold);
}
