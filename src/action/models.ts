/**
 * The models of a report (`report.models`: what each model is, the evidence for it and the name
 * policy's outcome) as the Action shows them: one row per model for the job summary, and the
 * evidence source that decided each model, for the gate's message.
 *
 * The policy's findings (MA6xxx) are attached to a file of the model; the evidence the most
 * severe of them rests on is on the model's policy result (`policy.evidence`). Without one, the
 * row shows where the family (else the name) came from.
 */
import {
  severityRank,
  type Finding,
  type ModelResult,
  type Severity,
} from '../findings/finding.js';
import { findRule } from '../rules/registry.js';
import type { ReportView } from './view.js';

export interface ModelRow {
  readonly root: string;
  readonly kind: ModelResult['kind'];
  readonly name: string | undefined;
  /** The most specific family first, then the others it counts as (parents). */
  readonly families: readonly string[];
  /** True when the model's own metadata (not only its paths) says what it is. */
  readonly determined: boolean;
  /** The evidence source the decision rests on ("config.json:model_type", "gguf:general.name"…). */
  readonly source: string | undefined;
  /** Absent when no name policy was given. */
  readonly policy: ModelResult['policy'];
  /** Name-policy findings raised for the model, most severe first. */
  readonly findings: readonly Finding[];
}

export function isPolicyFinding(f: Finding): boolean {
  return findRule(f.ruleId)?.family === 'name-policy';
}

/** Rows for every model of the report: violations first, then exemptions, then the rest. */
export function modelRows(view: ReportView): ModelRow[] {
  const byPath = new Map(view.files.map((f) => [f.path, f.findings]));
  const rows = (view.report.models ?? []).map((m): ModelRow => {
    const findings = m.files
      .flatMap((p) => byPath.get(p) ?? [])
      .filter(isPolicyFinding)
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    const id = m.identity;
    return {
      root: m.root,
      kind: m.kind,
      name: id.name,
      families: id.family
        ? [id.family, ...id.families.filter((f) => f !== id.family)]
        : [...id.families],
      determined: id.determined,
      source: m.policy?.evidence?.source ?? id.sources.family ?? id.sources.name,
      policy: m.policy,
      findings,
    };
  });
  return rows.sort((a, b) => order(a) - order(b) || a.root.localeCompare(b.root));
}

/** The rule IDs of a row's findings at or above `threshold`, with their names. */
export function describeRules(row: ModelRow, threshold: Severity = 'INFO'): string {
  const rank = severityRank(threshold);
  const ids = [
    ...new Set(row.findings.filter((f) => severityRank(f.severity) >= rank).map((f) => f.ruleId)),
  ];
  return ids.map((id) => `${id} ${findRule(id)?.name ?? ''}`.trim()).join(', ');
}

function order(r: ModelRow): number {
  if (r.policy?.decision === 'violation') return 0;
  if (r.policy?.decision === 'exempt') return 1;
  return 2;
}
