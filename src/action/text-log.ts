/**
 * The text report printed to the workflow log, consistent with the job summary: files whose only
 * finding is MA1003 (not a model format) are set aside as in the summary, so the totals count
 * the same findings and files, and a line says how many there were. With a name policy, the
 * models and their verdicts follow.
 */
import type { Report } from '../findings/finding.js';
import { formatModels, formatText } from '../report/text.js';
import type { ReportView } from './view.js';

export function formatLogReport(view: ReportView, options: { readonly models: boolean }): string {
  const byPath = new Map(view.report.files.map((f) => [f.path, f]));
  const shown: Report = {
    ...view.report,
    // Files with MA1003 among other findings keep the others; MA1003-only files are left out.
    files: view.files.map((f) => ({ ...byPath.get(f.path)!, findings: f.findings })),
    totals: {
      ...view.report.totals,
      filesWithFindings: view.files.filter((f) => f.findings.length > 0).length,
      findings: view.counts,
    },
  };
  // INFO findings are listed in the job summary; the Action has no --verbose to show them here.
  const lines = formatText(shown, { color: false, verbose: false })
    .replace(/\(use --verbose\)$/m, '(listed in the job summary)')
    .trimEnd()
    .split('\n');
  const n = view.notModels.length;
  if (n > 0)
    lines.push(
      `${n} file${n === 1 ? ' is' : 's are'} not a model format modelaudit knows (MA1003: source, docs, data): ` +
        'not counted as findings; the job summary lists them.',
    );
  if (options.models && view.report.models?.length)
    lines.push('', ...formatModels(view.report.models, false));
  return lines.join('\n') + '\n';
}
