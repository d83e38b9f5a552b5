/**
 * modelaudit's library API: scan model files without loading them and get the findings back
 * as data. Nothing here prints or exits.
 *
 *   import { scan } from 'modelaudit';
 *   const report = await scan(['model.pt'], { limits: { timeoutMs: 60_000 } });
 */
export {
  scan,
  scanFile,
  scanDiscovery,
  buildReport,
  REPORT_SCHEMA_VERSION,
} from '../pipeline/engine.js';
export { discover } from '../discover/discover.js';
export type {
  ChangedPath,
  DiscoverRequest,
  DiscoveredFile,
  Discovery,
  ModelUnit,
} from '../discover/types.js';
export { GlobError } from '../discover/globs.js';
export { resolveLimits, resolveOptions, ConfigError, OptionsError } from '../options/options.js';
export { parseSize, parseDuration, splitList } from '../options/grammar.js';
export { decideVerdict, countedFindings, NOT_IDENTIFIED_RULES } from '../verdict/verdict.js';
export type { Triage, VerdictOptions } from '../verdict/verdict.js';
export { FAIL_ON_LEVELS } from '../findings/verdict.js';
export type {
  FailOn,
  Verdict,
  VerdictOutcome,
  VerdictReason,
  SetAsideFinding,
  SetAsideReason,
} from '../findings/verdict.js';
export { printable } from '../report/escape.js';
export { DEFAULT_LIMITS } from '../io/limits.js';
export type { ScanOptions, ScanOptionsInput, ScanEvent } from '../options/options.js';
export type { Limits } from '../io/limits.js';
export {
  SEVERITIES,
  severityRank,
  isSeverity,
  worstSeverity,
  countBySeverity,
  compareFindings,
} from '../findings/finding.js';
export type {
  Severity,
  Finding,
  Location,
  FileResult,
  FileStatus,
  Report,
  OperationalError,
  SeverityCounts,
  SkippedEntry,
  SkipKind,
  UnitKind,
  UnitRef,
  FileRole,
} from '../findings/finding.js';
export { ALL_RULES, findRule, getRule, ruleHelpUrl, RULE_DOCS_URL } from '../rules/registry.js';
export type { Rule, RuleFamily } from '../rules/registry.js';
export { classifyGlobal } from '../knowledge/callables/classify.js';
export type { Classification } from '../knowledge/callables/classify.js';
export type {
  Scanner,
  ScanTarget,
  ScanContext,
  Neighbourhood,
  SiblingEntry,
  SiblingListing,
  SiblingDirEntry,
} from '../scan/base.js';
export type {
  ClaimField,
  IdentityClaim,
  ModelMarker,
  ModelMetadataClaim,
} from '../findings/claims.js';
export { CLAIM_FIELDS } from '../findings/claims.js';
export type { FindingInput } from '../findings/finding.js';
export { SCANNERS } from '../scan/registry.js';
export { buildSarif, formatSarif } from '../report/sarif.js';
export type { SarifLog, SarifOptions } from '../report/sarif.js';
export { VERSION } from '../version.js';
export { verifyModel, verificationFileResults, defaultSignaturePath } from '../signing/verify.js';
export type { VerifyOptions, VerificationResult, VerificationStatus } from '../signing/verify.js';
export { signModel, SigningError } from '../signing/sign.js';
export type { SignOptions, SignResult } from '../signing/sign.js';
export { parseTrustedRoot, TrustedRootError } from '../signing/signature-check.js';
export type { TrustPolicy } from '../signing/signature-check.js';
export { loadPublicKey, loadPrivateKey, UnsupportedKeyError } from '../signing/keys.js';
