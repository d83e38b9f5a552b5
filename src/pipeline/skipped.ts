/**
 * Entries discovery passed over, as the report shows them: special files and links leading out
 * of the root become findings on the entry's own path (MA1007, MA1008), so every format, the
 * Action's annotations and its gate see them; a directory that could not be read is an
 * operational error, as a path that cannot be read always is.
 */
import type { FileResult, Finding, OperationalError, SkippedEntry } from '../findings/finding.js';
import { FINDING_KINDS } from '../discover/entries.js';
import { getRule } from '../rules/registry.js';

/** A report entry (role "skipped") carrying the finding for an entry that was not read. */
export function skippedResult(entry: SkippedEntry): FileResult | undefined {
  if (!FINDING_KINDS.has(entry.kind)) return undefined;
  const link = entry.kind === 'symlink-outside-root';
  const rule = getRule(link ? 'MA1008' : 'MA1007');
  // A link whose target does not exist here cannot load anything on this machine.
  const dangling = link && entry.dangling === true;
  const finding: Finding = Object.freeze({
    ruleId: rule.id,
    severity: dangling ? 'WARNING' : rule.severity,
    message: link
      ? `${entry.reason}: what a loader reads through it was not scanned`
      : entry.reason,
    location: Object.freeze({ path: entry.path }),
    evidence: link ? `-> ${entry.target ?? '?'}` : entry.kind,
    ...(rule.cwe ? { cwe: rule.cwe } : {}),
    scanner: 'discover',
  });
  return {
    path: entry.path,
    format: entry.kind,
    size: 0,
    bytesRead: 0,
    durationMs: 0,
    status: 'findings',
    findings: [finding],
    details: { skipped: entry },
    role: 'skipped',
  };
}

/** Directories inside the tree that could not be listed. */
export function unreadableErrors(skipped: readonly SkippedEntry[]): OperationalError[] {
  return skipped
    .filter((s) => s.kind === 'unreadable')
    .map((s) => ({ path: s.path, message: s.reason }));
}
