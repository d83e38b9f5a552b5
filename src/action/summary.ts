/**
 * The job summary (Markdown): verdict, totals and time, what was scanned and why, a table of
 * files, the models they make up (identity and name-policy verdict), each file's findings in a
 * collapsible section, files that are not models, and where the SARIF went. GitHub refuses step
 * summaries over 1 MiB, so a short form (totals, the worst files and the models the policy did
 * not pass) replaces the full one when it would not fit, and a minimal one after that.
 *
 * Paths, evidence and messages come from scanned files and pull requests: control, bidi and
 * invisible characters are escaped (`printable`, as in every renderer), then the text is written
 * as code spans or escaped text, never as Markdown or HTML that GitHub would interpret.
 */
import type { Finding } from '../findings/finding.js';
import { printable } from '../report/escape.js';
import { formatBytes } from '../report/text.js';
import { describeCounts } from '../report/verdict-text.js';
import { findRule, ruleHelpUrl } from '../rules/registry.js';
import { describeLocation } from './annotations.js';
import type { GateResult } from './gate.js';
import { describeRules, modelRows, type ModelRow } from './models.js';
import { worstFirst, type FileView, type ReportView } from './view.js';

/** GitHub's limit is 1 MiB per step; stay clear of it. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;
/** Findings detailed per file in the full form; the SARIF file has all of them. */
const MAX_FINDINGS_PER_FILE = 100;
/** Files listed in the short form. */
const SHORT_FORM_FILES = 50;
/** Models listed in the full form (the JSON report has all of them). */
const MAX_MODEL_ROWS = 1000;
/** Models listed in the short form: those the name policy did not pass. */
const SHORT_FORM_MODELS = 50;
const MAX_CELL = 300;
/** The gate's message names up to 5 files, 5 models and 5 paths: room for all of them. */
const MAX_GATE_MESSAGE = 8000;

export interface SummaryInput {
  readonly view: ReportView;
  readonly gate: GateResult;
  readonly failOn: string;
  /** "changed files of pull request #12 (GitHub API)", "all files selected by paths"… */
  readonly scopeText: string;
  readonly notes: readonly string[];
  readonly shard: { readonly index: number; readonly count: number } | undefined;
  readonly units: readonly { readonly path: string; readonly format: string }[];
  readonly deleted: readonly string[];
  readonly skipped: readonly {
    readonly path: string;
    readonly reason: string;
    readonly target?: string;
  }[];
  readonly scanSeconds: number;
  readonly totalSeconds: number;
  readonly sarif: { readonly file: string; readonly category: string; readonly upload: string };
}

export interface RenderedSummary {
  readonly markdown: string;
  readonly form: 'full' | 'short' | 'minimal';
}

export function renderSummary(input: SummaryInput, limit = SUMMARY_LIMIT_BYTES): RenderedSummary {
  const full = render(input, 'full');
  if (Buffer.byteLength(full) <= limit) return { markdown: full, form: 'full' };
  const short = render(input, 'short');
  if (Buffer.byteLength(short) <= limit) return { markdown: short, form: 'short' };
  return { markdown: render(input, 'minimal'), form: 'minimal' };
}

function render(input: SummaryInput, form: 'full' | 'short' | 'minimal'): string {
  const { view, gate } = input;
  const out: string[] = [];
  const c = view.counts;
  const withFindings = view.files.filter((f) => f.findings.length > 0);
  const verdict =
    view.verdict.outcome !== 'pass'
      ? '❌ failed'
      : c.ERROR + c.WARNING + c.INFO > 0
        ? '⚠️ findings below the gate'
        : '✅ no findings';
  out.push(`## modelaudit: ${verdict}`, '');
  out.push(
    `**${c.ERROR} ERROR · ${c.WARNING} WARNING · ${c.INFO} INFO** in ${withFindings.length} of ` +
      `${view.report.totals.files} file${view.report.totals.files === 1 ? '' : 's'} ` +
      `(${formatBytes(view.report.totals.bytesRead)} read) · scan ${input.scanSeconds.toFixed(2)} s, ` +
      `step ${input.totalSeconds.toFixed(2)} s · fail-on \`${input.failOn}\``,
    '',
  );
  const scope = [`Scope: ${text(input.scopeText)}`];
  if (input.shard && input.shard.count > 1)
    scope.push(`shard ${input.shard.index} of ${input.shard.count}`);
  out.push(scope.join(' · '), '');
  for (const n of input.notes) out.push(`> ${text(n)}`, '');
  if (gate.failed) out.push(`> ❌ ${text(gate.message, MAX_GATE_MESSAGE)}`, '');

  if (view.lfsPointers.length > 0) {
    const n = view.lfsPointers.length;
    out.push(
      `> ⚠️ **${n} Git LFS pointer${n === 1 ? '' : 's'}: the model${n === 1 ? ' was' : 's were'} not checked out, so ${n === 1 ? 'it was' : 'they were'} not scanned.** ` +
        'Add `lfs: true` to the `actions/checkout` step, or run `git lfs pull` before modelaudit. ' +
        `Pointers: ${view.lfsPointers.slice(0, 10).map(code).join(', ')}${n > 10 ? `, and ${n - 10} more` : ''}`,
      '',
    );
  }

  if (form !== 'minimal') {
    const files = worstFirst(view.files);
    const listed = form === 'full' ? files : worstFirst(withFindings).slice(0, SHORT_FORM_FILES);
    if (listed.length > 0) {
      out.push('| File | Format | Verdict | ERROR | WARNING | INFO |', '|---|---|---|--:|--:|--:|');
      for (const f of listed)
        out.push(
          `| ${code(f.path)} | ${code(f.format)} | ${fileVerdict(f)} | ${f.counts.ERROR} | ${f.counts.WARNING} | ${f.counts.INFO} |`,
        );
      out.push('');
    } else if (view.report.totals.files === 0) {
      out.push('No file was selected for scanning.', '');
    }
    if (form === 'short') {
      const omitted = files.length - listed.length;
      out.push(
        `_The full summary would exceed GitHub's 1 MiB limit: ${listed.length} of ${withFindings.length} files with findings are listed${omitted > 0 ? `, ${omitted} files omitted` : ''}. ` +
          'Every finding is in the annotations, the SARIF file and the `report-file` output._',
        '',
      );
    }
    out.push(...modelsSection(modelRows(view), form));
    if (form === 'full') {
      for (const f of worstFirst(withFindings)) out.push(...fileDetails(f));
      if (input.units.length > 0)
        out.push(
          details(
            `${input.units.length} model director${input.units.length === 1 ? 'y' : 'ies'} scanned as a whole`,
            input.units.map((u) => `- ${code(u.path)}: ${text(u.format)}`),
          ),
        );
      if (view.unidentified.length > 0)
        out.push(
          details(
            `${view.unidentified.length} file${view.unidentified.length === 1 ? '' : 's'} not identified as any known format (MA1003: not scanned for code, counted as INFO)`,
            view.unidentified.map((p) => `- ${code(p)}`),
          ),
        );
      if (input.deleted.length > 0)
        out.push(
          details(
            `${input.deleted.length} deleted file${input.deleted.length === 1 ? '' : 's'} (nothing to scan)`,
            input.deleted.map((p) => `- ${code(p)}`),
          ),
        );
      if (input.skipped.length > 0)
        out.push(
          details(
            `${input.skipped.length} selected path${input.skipped.length === 1 ? '' : 's'} not scanned`,
            input.skipped.map(
              (s) =>
                `- ${code(s.path)}: ${text(s.reason)}${s.target !== undefined ? ` → ${code(s.target)}` : ''}`,
            ),
          ),
        );
    }
  }
  if (form === 'minimal') out.push(...modelsSection(modelRows(view), form));
  if (view.errors.length > 0) {
    out.push('**Could not be scanned:**', '');
    for (const e of view.errors.slice(0, 50)) out.push(`- ${code(e.path)}: ${text(e.message)}`);
    out.push('');
  }
  out.push(
    `<sub>modelaudit ${text(view.report.tool.version)} · SARIF ${code(input.sarif.file)} · category ${code(input.sarif.category)} · ${text(input.sarif.upload)}</sub>`,
    '',
  );
  return out.join('\n');
}

/**
 * The models the files make up. With a name policy: a heading, the verdicts counted and a table
 * (full form: every model; short form: those the policy did not pass; minimal: the counts).
 * Without one: the identities in a collapsed section of the full form.
 */
function modelsSection(rows: readonly ModelRow[], form: 'full' | 'short' | 'minimal'): string[] {
  if (rows.length === 0) return [];
  const policy = rows.some((r) => r.policy);
  if (!policy) {
    if (form !== 'full') return [];
    return [
      details(
        `${rows.length} model${rows.length === 1 ? '' : 's'} identified (no name policy given)`,
        modelTable(rows.slice(0, MAX_MODEL_ROWS), false, rows.length),
      ),
    ];
  }
  const n = (d: string) => rows.filter((r) => r.policy?.decision === d).length;
  const counts = [`${rows.length} model${rows.length === 1 ? '' : 's'}`];
  if (n('violation')) counts.push(`❌ ${n('violation')} violating the name policy`);
  if (n('exempt')) counts.push(`➖ ${n('exempt')} exempt`);
  if (n('pass')) counts.push(`✅ ${n('pass')} passing`);
  const out = ['### Models', '', counts.join(' · '), ''];
  if (form === 'minimal') return out;
  const candidates = form === 'full' ? rows : rows.filter((r) => r.policy?.decision !== 'pass');
  const listed = candidates.slice(0, form === 'full' ? MAX_MODEL_ROWS : SHORT_FORM_MODELS);
  if (listed.length > 0) out.push(...modelTable(listed, true, candidates.length));
  if (form === 'short' && n('pass') > 0)
    out.push(`_${n('pass')} passing models are not listed._`, '');
  return out;
}

function modelTable(rows: readonly ModelRow[], policy: boolean, total: number): string[] {
  const headers = ['Model', 'Name', 'Family', 'Source', ...(policy ? ['Name policy'] : [])];
  const out = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---|').join('')}`];
  for (const r of rows) {
    const cells = [
      code(r.root),
      r.name !== undefined ? code(r.name) : '—',
      r.families.length ? code(r.families.join(', ')) : '—',
      r.source !== undefined ? code(r.source) : '—',
    ];
    if (policy) cells.push(policyVerdict(r));
    out.push(`| ${cells.join(' | ')} |`);
  }
  if (total > rows.length)
    out.push('', `_and ${total - rows.length} more models (see the \`report-file\` output)_`);
  out.push('');
  return out;
}

function policyVerdict(r: ModelRow): string {
  const rules = r.findings.length ? text(describeRules(r)) : '';
  switch (r.policy?.decision) {
    case 'violation':
      return `❌ ${rules || 'violation'}`;
    case 'exempt':
      return `➖ exempt${r.policy.exception ? `: ${text(r.policy.exception)}` : ''}${rules ? ` (${rules})` : ''}`;
    case 'pass':
      return `✅ pass${rules ? ` (${rules})` : ''}`;
    default:
      return '—';
  }
}

function fileVerdict(f: FileView): string {
  if (f.worst === 'ERROR') return '❌ ERROR';
  if (f.worst === 'WARNING') return '⚠️ WARNING';
  if (f.worst === 'INFO') return 'ℹ️ INFO';
  return '✅ clean';
}

function fileDetails(f: FileView): string[] {
  const rows = f.findings.slice(0, MAX_FINDINGS_PER_FILE).map(findingRow);
  const more = f.findings.length - rows.length;
  return [
    `<details><summary>${escapeHtml(f.path)}: ${describeCounts(f.counts)}</summary>`,
    '',
    '| Severity | Rule | Finding | Where | Evidence |',
    '|---|---|---|---|---|',
    ...rows,
    ...(more > 0 ? ['', `_and ${more} more findings (see the SARIF file)_`] : []),
    '',
    '</details>',
    '',
  ];
}

function findingRow(f: Finding): string {
  const rule = findRule(f.ruleId);
  const ruleCell = rule ? `[${f.ruleId} ${rule.name}](${ruleHelpUrl(rule)})` : code(f.ruleId);
  return `| ${f.severity} | ${ruleCell} | ${text(f.message)} | ${text(describeLocation(f))} | ${f.evidence ? code(f.evidence) : ''} |`;
}

function details(summary: string, lines: readonly string[]): string {
  return [`<details><summary>${summary}</summary>`, '', ...lines, '', '</details>', ''].join('\n');
}

/**
 * Untrusted text as a code span inside a table cell: nothing inside is interpreted, the fence is
 * longer than any backtick run inside, pipes are escaped (GitHub splits cells on them even in
 * code), and line breaks and other unsafe characters are shown as escapes.
 */
export function code(s: string): string {
  const flat = printable(clipCell(s)).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Untrusted text as plain Markdown text: the characters that start emphasis, code, links, HTML,
 * entities, strike-through or table cells are backslash-escaped.
 */
export function text(s: string, max = MAX_CELL): string {
  return printable(clipCell(s, max)).replace(/[\\`*_[\]<>|~&]/g, (ch) => `\\${ch}`);
}

function escapeHtml(s: string): string {
  return printable(clipCell(s)).replace(/[&<>"'`|*_[\]\\~#!()]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function clipCell(s: string, max = MAX_CELL): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
