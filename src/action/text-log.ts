/**
 * The text report printed to the workflow log: the CLI's text report of the same report and
 * verdict (so the log, the summary and the gate count the same findings), with the models and
 * their name-policy verdicts when a policy was given. The Action has no --verbose: INFO findings
 * are listed in the job summary instead.
 */
import { formatModels, formatText } from '../report/text.js';
import type { ReportView } from './view.js';

export function formatLogReport(view: ReportView, options: { readonly models: boolean }): string {
  const lines = formatText(view.report, { color: false, verbose: false })
    .replace(/\(use --verbose\)$/m, '(listed in the job summary)')
    .trimEnd()
    .split('\n');
  if (options.models && view.report.models?.length)
    lines.push('', ...formatModels(view.report.models, false));
  return lines.join('\n') + '\n';
}
