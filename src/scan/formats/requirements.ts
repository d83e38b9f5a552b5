/**
 * Environment files that serving tools install from (requirements.txt, MLflow conda.yaml and
 * python_env.yaml, TorchServe requirements): named packages from the default index are
 * ordinary; extra indexes, URLs, VCS checkouts, local paths and pip options are not.
 */
import type { ScanContext } from '../base.js';

const MAX_REPORTS = 20;

/** Why one requirement line installs from somewhere other than the default index. */
export function requirementRisk(line: string): string | undefined {
  const l = line.trim();
  if (!l || l.startsWith('#')) return undefined;
  if (/^(-i|--index-url|--extra-index-url)\b/.test(l)) return 'adds a package index';
  if (/^(-f|--find-links)\b/.test(l)) return 'adds a download location';
  if (/^--trusted-host\b/.test(l)) return 'disables TLS checks for a host';
  if (/^(-e|--editable)\b/.test(l)) return 'installs an editable checkout';
  if (/^(-r|--requirement|-c|--constraint)\b/.test(l)) return undefined;
  if (/^--(pre|no-binary|only-binary|prefer-binary|require-hashes|hash)\b/.test(l))
    return undefined;
  if (/^-/.test(l)) return 'passes an option to pip';
  if (/(^|\s|@\s*)(git\+|hg\+|svn\+|bzr\+)/.test(l))
    return 'installs from a version-control repository';
  if (/[a-z][a-z0-9+.-]*:\/\//i.test(l)) return 'installs from a URL';
  if (/^(\.{1,2}[\\/]|[\\/]|~)/.test(l) || /\.(whl|tar\.gz|zip)(\s|$|#)/.test(l))
    return 'installs a local file';
  return undefined;
}

export function checkRequirementLines(
  lines: readonly string[],
  ctx: ScanContext,
  where: string,
  firstLine = 1,
): void {
  let reports = 0;
  lines.forEach((line, i) => {
    const risk = requirementRisk(line.replace(/\s+#.*$/, ''));
    if (risk && reports++ < MAX_REPORTS)
      ctx.report({
        ruleId: 'MA5504',
        message: `${where}: ${JSON.stringify(line.trim().slice(0, 160))} ${risk}`,
        evidence: line.trim().slice(0, 160),
        line: firstLine + i,
      });
  });
}
