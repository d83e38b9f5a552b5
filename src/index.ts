/**
 * modelaudit's library API: scan model files without loading them and get the findings back
 * as data. Nothing here prints or exits.
 *
 *   import { scan } from 'modelaudit';
 *   const report = await scan(['model.pt'], { limits: { timeoutMs: 60_000 } });
 */
export { scan, scanFile, buildReport, REPORT_SCHEMA_VERSION } from './core/engine.js';
export { DEFAULT_LIMITS, resolveLimits, resolveOptions, ConfigError } from './config.js';
export type { Limits, ScanOptions, ScanOptionsInput, ScanEvent } from './config.js';
export {
  SEVERITIES,
  severityRank,
  isSeverity,
  worstSeverity,
  countBySeverity,
  compareFindings,
} from './findings.js';
export type {
  Severity,
  Finding,
  Location,
  FileResult,
  FileStatus,
  Report,
  OperationalError,
  SeverityCounts,
} from './findings.js';
export { ALL_RULES, findRule, getRule, ruleHelpUrl, RULE_DOCS_URL } from './rules/registry.js';
export type { Rule, RuleFamily } from './rules/registry.js';
export { classifyGlobal } from './pickle/policy/classify.js';
export type { Classification } from './pickle/policy/classify.js';
export type { Scanner, ScanTarget, ScanContext, FindingInput } from './scanners/base.js';
export { SCANNERS } from './scanners/index.js';
export { buildSarif, formatSarif } from './reporters/sarif.js';
export type { SarifLog, SarifOptions } from './reporters/sarif.js';
export { VERSION } from './version.js';
