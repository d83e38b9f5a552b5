/**
 * The quality gate: does this scan fail the step? Findings at or above `fail-on` fail it, and so
 * does a path that could not be scanned at all (fail closed), unless `fail-on` is `none`. When
 * name-policy findings are among them, the message names the models and rules, and says when
 * the policy alone fails the step.
 */
import { severityRank, type Severity } from '../findings/finding.js';
import { describeRules, failingModels, isPolicyFinding } from './models.js';
import { worstFirst, type FileView, type ReportView } from './view.js';

/** Files (and models) named in the failure message; the rest are counted. */
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
    const policyHits = offending.reduce(
      (n, f) =>
        n +
        f.findings.filter((x) => isPolicyFinding(x) && severityRank(x.severity) >= threshold)
          .length,
      0,
    );
    if (policyHits > 0) parts.push(policyMessage(view, failOn, policyHits, hits));
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

/**
 * "All of them are name-policy findings (no security finding reached fail-on); the name policy
 * fails 2 models: models/a (MA6001 name-policy-denied, by config.json:model_type), …"
 */
function policyMessage(
  view: ReportView,
  failOn: Severity,
  policyHits: number,
  hits: number,
): string {
  const models = failingModels(view, failOn);
  const named = models
    .slice(0, NAMED_FILES)
    .map((m) => `${m.root} (${describeRules(m, failOn)}${m.source ? `, by ${m.source}` : ''})`);
  const more = models.length - named.length;
  const list = `${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
  const fails = models.length
    ? `; the name policy fails ${models.length} model${models.length === 1 ? '' : 's'}: ${list}`
    : '';
  if (policyHits === hits)
    return `${hits === 1 ? 'It is a name-policy finding' : 'All of them are name-policy findings'} (no security finding reached fail-on)${fails}.`;
  return `${policyHits} of them ${policyHits === 1 ? 'is a name-policy finding' : 'are name-policy findings'}${fails}.`;
}

export function describeCounts(f: Pick<FileView, 'counts'>): string {
  return (['ERROR', 'WARNING', 'INFO'] as const)
    .filter((s) => f.counts[s] > 0)
    .map((s) => `${f.counts[s]} ${s}`)
    .join(', ');
}
