/**
 * The report as a SARIF 2.1.0 log: one run, rules from the registry, one result per finding.
 * A pure function of the report (no clock, no file system), so the same report always gives the
 * same log. Shaped for GitHub code scanning: repo-relative artifact URIs under %SRCROOT%,
 * `region.startLine` 1 for binary files (GitHub needs a line; model files have none),
 * `security-severity` and CWE tags on rules, and our own `partialFingerprints` (GitHub computes
 * line-based fingerprints only for text files it can read).
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Report, Severity } from '../findings/finding.js';
import type { SetAsideFinding } from '../findings/verdict.js';
import { findRule, ruleHelpUrl, type Rule } from '../rules/registry.js';
import { printable } from './escape.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Key of our fingerprint in `partialFingerprints`; bump the suffix if its recipe changes. */
export const FINGERPRINT_KEY = 'modelauditFinding/v1';
const INFORMATION_URI = 'https://github.com/modelaudit/modelaudit';
/** Skipped entries listed as notifications (the JSON report has all of them). */
const MAX_SKIPPED_NOTIFICATIONS = 1000;
/** Evidence beyond this is cut in messages and properties (the report keeps all of it). */
const MAX_EVIDENCE = 1000;

export type SarifLevel = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  ERROR: 'error',
  WARNING: 'warning',
  INFO: 'note',
};

export interface SarifOptions {
  /**
   * Code scanning category. Written as `automationDetails.id` = category + "/" (GitHub reads the
   * part before the last "/" as the category), the convention of github/codeql-action.
   */
  readonly category?: string;
  /**
   * Absolute directory that relative report paths are relative to; it becomes the %SRCROOT%
   * base URI. Without it relative paths still get `uriBaseId: %SRCROOT%`, left unresolved.
   */
  readonly srcRoot?: string;
  /** Repository, commit and ref the files came from. */
  readonly versionControl?: {
    readonly repositoryUri: string;
    readonly revisionId?: string;
    readonly branch?: string;
  };
  /** Keeps only the findings for which it returns true (default: all). */
  readonly include?: (finding: Finding, path: string) => boolean;
}

// Only the parts of the SARIF object model this reporter writes.
export interface SarifMessage {
  text: string;
  markdown?: string;
}
export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}
export interface SarifLocation {
  physicalLocation: {
    artifactLocation: SarifArtifactLocation;
    region?: { startLine: number };
  };
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity': string; precision: string };
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, string | number>;
  /** Present when the verdict set the finding aside (suppressed, in a baseline). */
  suppressions?: { kind: 'external'; status: 'accepted'; justification: string }[];
}
export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion: string;
      informationUri: string;
      rules: SarifRule[];
    };
  };
  automationDetails?: { id: string };
  versionControlProvenance?: { repositoryUri: string; revisionId?: string; branch?: string }[];
  originalUriBaseIds?: Record<string, { uri: string }>;
  invocations: {
    executionSuccessful: boolean;
    startTimeUtc: string;
    endTimeUtc: string;
    toolExecutionNotifications: {
      level: SarifLevel;
      message: SarifMessage;
      locations: SarifLocation[];
    }[];
  }[];
  artifacts: { location: SarifArtifactLocation; length: number; properties: { format: string } }[];
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
  properties: Record<string, number | string>;
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}

/** Builds the SARIF log of a report. */
export function buildSarif(report: Report, options: SarifOptions = {}): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const artifacts: SarifRun['artifacts'] = [];
  const artifactIndex = new Map<string, number>();
  const results: SarifResult[] = [];
  const occurrences = new Map<string, number>();
  const setAside = new Map(
    (report.verdict?.setAside ?? []).map((s) => [`${s.index}\u0000${s.path}`, s]),
  );

  const indexOfRule = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.length;
      rules.push(sarifRule(findRule(id), id));
      ruleIndex.set(id, i);
    }
    return i;
  };

  for (const file of report.files) {
    const findings = file.findings
      .map((f, index) => ({ f, index }))
      .filter(({ f }) => options.include?.(f, file.path) ?? true);
    if (findings.length === 0) continue;
    const location = artifactLocation(file.path);
    const index = artifacts.length;
    artifacts.push({ location, length: file.size, properties: { format: file.format } });
    artifactIndex.set(file.path, index);
    for (const { f, index: findingIndex } of findings) {
      const aside = setAside.get(`${findingIndex}\u0000${file.path}`);
      const fingerprintInput = [
        f.ruleId,
        location.uri,
        f.location.member ?? '',
        f.evidence ?? f.message,
      ];
      const key = fingerprintInput.join('\u0000');
      const n = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, n);
      results.push({
        ruleId: f.ruleId,
        ruleIndex: indexOfRule(f.ruleId),
        level: SARIF_LEVEL[f.severity],
        message: { text: resultText(f) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...location, index },
              region: { startLine: f.location.line ?? 1 },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint([...fingerprintInput, String(n)]) },
        properties: resultProperties(f),
        ...(aside ? { suppressions: [suppression(aside)] } : {}),
      });
    }
  }

  const start = new Date(report.startedAt);
  const end = new Date(start.getTime() + Math.round(report.durationMs));
  const run: SarifRun = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    ...(options.category !== undefined
      ? {
          automationDetails: {
            id: options.category.endsWith('/') ? options.category : `${options.category}/`,
          },
        }
      : {}),
    ...(options.versionControl
      ? { versionControlProvenance: [{ ...options.versionControl }] }
      : {}),
    ...(options.srcRoot !== undefined
      ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.srcRoot) } } }
      : {}),
    invocations: [
      {
        executionSuccessful: report.errors.length === 0,
        startTimeUtc: start.toISOString(),
        endTimeUtc: end.toISOString(),
        toolExecutionNotifications: [
          ...report.errors.map((e) => ({
            level: 'error' as const,
            message: { text: `could not be scanned: ${printable(e.message)}` },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.path) } }],
          })),
          // Entries discovery passed over (FIFOs and links out of the root are results too).
          ...report.skipped.slice(0, MAX_SKIPPED_NOTIFICATIONS).map((s) => ({
            level: 'note' as const,
            message: {
              text: printable(
                `not scanned (${s.kind}): ${s.reason}${s.target !== undefined ? ` -> ${s.target}` : ''}`,
              ),
            },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.path) } }],
          })),
        ],
      },
    ],
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
    properties: {
      filesScanned: report.totals.files,
      filesWithResults: artifacts.length,
      bytesRead: report.totals.bytesRead,
      ...(report.verdict
        ? {
            verdict: report.verdict.outcome,
            failOn: report.verdict.failOn,
            failingFindings: report.verdict.failing,
          }
        : {}),
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** The SARIF log as JSON text. */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return JSON.stringify(buildSarif(report, options), null, 2) + '\n';
}

/** GitHub's scale: 9.0+ critical, 7.0–8.9 high, 4.0–6.9 medium, below low. */
export function securitySeverity(rule: Pick<Rule, 'severity' | 'cwe'>): string {
  if (rule.severity === 'ERROR') return CODE_EXECUTION_CWES.has(rule.cwe ?? '') ? '9.8' : '8.0';
  if (rule.severity === 'WARNING') return '5.5';
  return '2.0';
}

/** How sure a result of the rule is: ERROR rules name concrete code paths, INFO rules facts. */
const PRECISION: Readonly<Record<Severity, string>> = {
  ERROR: 'high',
  WARNING: 'medium',
  INFO: 'low',
};

/** Weaknesses that mean "loading this file runs the author's code". */
const CODE_EXECUTION_CWES = new Set(['CWE-502', 'CWE-94', 'CWE-78', 'CWE-95']);

function sarifRule(rule: Rule | undefined, id: string): SarifRule {
  if (!rule) {
    // A finding with an ID the registry does not know is a bug, but the log must stay valid.
    return {
      id,
      name: id,
      shortDescription: { text: id },
      fullDescription: { text: id },
      help: { text: id },
      helpUri: INFORMATION_URI,
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['security'], 'security-severity': '5.5', precision: 'medium' },
    };
  }
  const helpUri = ruleHelpUrl(rule);
  const references = rule.references ?? [];
  const helpText = [
    rule.description,
    '',
    `What to do: ${rule.remediation}`,
    ...(references.length ? ['', 'References:', ...references.map((r) => `- ${r}`)] : []),
    '',
    `Documentation: ${helpUri}`,
  ].join('\n');
  const helpMarkdown = [
    `**${rule.title}**`,
    '',
    rule.description,
    '',
    '### What to do',
    '',
    rule.remediation,
    ...(references.length ? ['', '### References', '', ...references.map((r) => `- <${r}>`)] : []),
    '',
    `[${rule.id} ${rule.name} in the rule reference](${helpUri})`,
  ].join('\n');
  const tags = ['security', 'model-file', rule.family];
  if (rule.cwe) tags.push(`external/cwe/${rule.cwe.toLowerCase()}`);
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText, markdown: helpMarkdown },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags,
      'security-severity': securitySeverity(rule),
      precision: PRECISION[rule.severity],
    },
  };
}

/** The result's message for people: scanned content escaped (properties keep it exact). */
function resultText(f: Finding): string {
  const parts = [printable(f.message).replace(/\.$/, '')];
  if (f.location.member) parts.push(`in ${printable(f.location.member)}`);
  let text = parts.join(' ') + '.';
  if (f.evidence) text += ` Evidence: ${printable(clip(f.evidence))}`;
  return text;
}

function suppression(s: SetAsideFinding): NonNullable<SarifResult['suppressions']>[number] {
  const where = s.why.source ? ` (${s.why.source})` : '';
  return {
    kind: 'external',
    status: 'accepted',
    justification: `${s.why.kind}${where}: ${s.why.reason}`,
  };
}

function resultProperties(f: Finding): Record<string, string | number> {
  const p: Record<string, string | number> = { scanner: f.scanner, severity: f.severity };
  if (f.evidence !== undefined) p.evidence = clip(f.evidence);
  if (f.location.member !== undefined) p.member = f.location.member;
  if (f.location.offset !== undefined) p.offset = f.location.offset;
  if (f.location.opcodeIndex !== undefined) p.opcodeIndex = f.location.opcodeIndex;
  if (f.cwe !== undefined) p.cwe = f.cwe;
  return p;
}

function clip(s: string): string {
  return s.length > MAX_EVIDENCE ? `${s.slice(0, MAX_EVIDENCE)}…` : s;
}

function fingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * A report path as an artifact location: relative paths become percent-encoded URI references
 * under %SRCROOT%; absolute paths become file: URIs.
 */
export function artifactLocation(path: string): SarifArtifactLocation {
  const posix = path.replace(/\\/g, '/');
  if (isAbsolute(path) || posix.startsWith('/')) return { uri: pathToFileURL(path).href };
  const segments = posix.split('/').filter((s, i) => s !== '.' && !(s === '' && i > 0));
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
