/**
 * The quality gate, as the Action renders the verdict: the step fails exactly when the verdict's
 * outcome is not `pass` (counted findings at or above fail-on, or a path that could not be
 * scanned), with the verdict's reasons as the message. The name policy's models are named with
 * the evidence source that decided them.
 */
import { describeVerdict } from '../report/verdict-text.js';
import { modelRows } from './models.js';
import type { ReportView } from './view.js';

export interface GateResult {
  readonly failed: boolean;
  /** Why the step fails, or why it passes. */
  readonly message: string;
}

export function evaluateGate(view: ReportView): GateResult {
  const sources = new Map(modelRows(view).map((r) => [r.root, r.source]));
  const message = describeVerdict(view.verdict, {
    modelDetail: (root) => {
      const source = sources.get(root);
      return source ? `by ${source}` : undefined;
    },
  });
  return { failed: view.verdict.outcome !== 'pass', message };
}
