import type { Report } from '../findings/finding.js';

/** The report as JSON, in the shape described by schema/report.schema.json. */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
