/**
 * The findings model: what every scanner returns and every reporter prints.
 * Values are plain frozen objects so they serialise to JSON unchanged.
 */
import type { ClaimField, IdentityClaim, ModelMetadataClaim } from './claims.js';
import { emptyCounts, severityRank, type Severity, type SeverityCounts } from './severity.js';
import type { Verdict } from './verdict.js';

export { SEVERITIES, severityRank, isSeverity, emptyCounts } from './severity.js';
export type { Severity, SeverityCounts } from './severity.js';

/** Where a finding sits: the file, the archive member chain inside it, and a position. */
export interface Location {
  /** Path of the scanned file, as given or discovered. */
  readonly path: string;
  /** Member inside a container, nested members joined by " > " (e.g. "model.zip > archive/data.pkl"). */
  readonly member?: string;
  /** Byte offset inside the file or member. */
  readonly offset?: number;
  /** Index of the pickle opcode (0-based, counted across the whole stream). */
  readonly opcodeIndex?: number;
  /** Line number for text formats (1-based). */
  readonly line?: number;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: Location;
  /** The concrete thing that triggered the rule, e.g. "os.system('echo pwned')". */
  readonly evidence?: string;
  readonly cwe?: string;
  /** Scanner that produced the finding. */
  readonly scanner: string;
}

export interface FindingInput {
  readonly ruleId: string;
  readonly message: string;
  readonly evidence?: string;
  readonly offset?: number;
  readonly opcodeIndex?: number;
  readonly line?: number;
  /** A sub-part of the target (appended to the member chain), e.g. "data.pkl". */
  readonly member?: string;
  /** Overrides the rule's default severity; reserved for rules documented to vary. */
  readonly severity?: Severity;
}

export type FileStatus = 'clean' | 'findings';

/**
 * Directories that form one model (see src/discover/types.ts): a Hugging Face model directory
 * (config.json, adapter_config.json…), a diffusers pipeline (model_index.json and its component
 * folders), a Hugging Face cache entry (models--org--name), a TensorFlow SavedModel, or another
 * framework's model directory (MLmodel, hubconf.py, TorchServe MANIFEST.json, NeMo config).
 */
export type UnitKind = 'hf-model' | 'hf-pipeline' | 'hf-cache' | 'saved-model' | 'model-dir';

/** The model unit a file belongs to: its root directory (spelled like the file) and kind. */
export interface UnitRef {
  readonly root: string;
  readonly kind: UnitKind;
}

/**
 * Why a file is in the scan: selected by the request (`target`), added because its unit is
 * scanned as a whole (`unit`: a change inside a SavedModel rescans it), or added as a unit's
 * metadata (`context`: config.json, README.md… so the policy stage needs no disk reads).
 */
export type FileRole = 'target' | 'unit' | 'context';

/** What discovery passed over; every kind is listed in the report, some are also findings. */
export type SkipKind =
  | 'fifo'
  | 'socket'
  | 'character-device'
  | 'block-device'
  | 'symlink-not-followed'
  | 'symlink-outside-root'
  | 'symlink-broken'
  | 'symlink-loop'
  | 'unreadable'
  | 'vcs-dir'
  | 'excluded'
  | 'duplicate'
  | 'directory'
  | 'missing'
  | 'outside-base';

/** An entry discovery did not scan, and why (schema 1.2). */
export interface SkippedEntry {
  readonly path: string;
  readonly kind: SkipKind;
  readonly reason: string;
  /** Symbolic links: where the link leads (resolved when possible, else as written). */
  readonly target?: string;
  /** Symbolic links: true when the target does not exist on this machine. */
  readonly dangling?: boolean;
}

/** Result of scanning one top-level file (containers report their members' findings here too). */
export interface FileResult {
  readonly path: string;
  /** Format identified from content, e.g. "pickle", "pytorch-zip", "unknown". */
  readonly format: string;
  readonly size: number;
  readonly bytesRead: number;
  readonly durationMs: number;
  readonly status: FileStatus;
  readonly findings: readonly Finding[];
  /** Facts the scanners learned (protocol, members, storage references…), for people and tools. */
  readonly details: Readonly<Record<string, unknown>>;
  /** The model unit the file belongs to (schema 1.2). */
  readonly unit?: UnitRef;
  /**
   * Why the file is in the report when not selected itself (schema 1.2): `unit`, `context`, or
   * `skipped` for an entry that was not read (FIFO, device, link out of the root) and whose
   * findings say why. Absent for files the request selected.
   */
  readonly role?: Exclude<FileRole, 'target'> | 'skipped';
  /** What the file's own metadata says the model is (schema 1.3); the policy works from these. */
  readonly claims?: readonly IdentityClaim[];
  /** What the file, a metadata file, says about its directory (schema 1.3). */
  readonly modelMetadata?: ModelMetadataClaim;
}

/** A path that could not be scanned at all (missing, unreadable): not a finding but a failure. */
export interface OperationalError {
  readonly path: string;
  readonly message: string;
}

/** One fact about what a model is, and where it was read (see docs/name-policies.md). */
export interface IdentityEvidence {
  readonly field: ClaimField;
  readonly value: string;
  /** Where: "config.json:_name_or_path", "gguf:general.name", "path:directory"… */
  readonly source: string;
  /** The file it was read from (absent for evidence taken from paths). */
  readonly path?: string;
  /** Set for a pipeline component's own metadata (unet, text_encoder…): informative only. */
  readonly component?: string;
}

/** What a model is, inferred from its evidence; each field's source is in `sources`. */
export interface ModelIdentity {
  /** True when the model's own metadata (not only file or directory names) names it. */
  readonly determined: boolean;
  readonly name?: string;
  /** The most specific family (see src/name-policies/families.ts). */
  readonly family?: string;
  /** Every family the model counts as, parents of derived families included. */
  readonly families: readonly string[];
  readonly architecture?: string;
  readonly baseModel?: string;
  readonly version?: string;
  readonly license?: string;
  readonly author?: string;
  /** For each field above, the evidence source it was taken from. */
  readonly sources: Readonly<Record<string, string>>;
}

/** Outcome of the name policy for one model (absent when no policy was given). */
export interface ModelPolicyResult {
  readonly decision: 'pass' | 'violation' | 'exempt';
  /** Rule IDs of the policy findings raised for the model. */
  readonly rules: readonly string[];
  /** The reason of the per-path exception that waived its violations. */
  readonly exception?: string;
  /** The evidence the most severe of those findings rests on (schema 1.3). */
  readonly evidence?: IdentityEvidence;
}

/** A model: a directory with config/model card and weights, a Hugging Face cache entry, or a lone file. */
export interface ModelResult {
  /** The model's directory, or the file itself for a lone file. */
  readonly root: string;
  readonly kind: 'directory' | 'file' | 'hf-cache';
  readonly identity: ModelIdentity;
  readonly evidence: readonly IdentityEvidence[];
  /** Scanned files that belong to the model. */
  readonly files: readonly string[];
  /** Metadata that could not be read (over a cap, invalid JSON or YAML…). */
  readonly problems?: readonly string[];
  readonly policy?: ModelPolicyResult;
}

export interface Report {
  readonly schemaVersion: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly files: readonly FileResult[];
  readonly errors: readonly OperationalError[];
  /** Models the files make up, with their inferred identity (schema 1.1). */
  readonly models?: readonly ModelResult[];
  /** Entries discovery passed over, with the reason (schema 1.2). */
  readonly skipped: readonly SkippedEntry[];
  /** Which findings count, whether the run fails and why (schema 1.4; see src/verdict/). */
  readonly verdict?: Verdict;
  readonly totals: {
    readonly files: number;
    readonly filesWithFindings: number;
    readonly bytesRead: number;
    readonly findings: SeverityCounts;
  };
}

export function countBySeverity(findings: Iterable<Finding>): SeverityCounts {
  const counts = emptyCounts();
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The worst severity among findings, or undefined when there are none. */
export function worstSeverity(findings: Iterable<Finding>): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) {
    if (worst === undefined || severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  }
  return worst;
}

/** Orders findings most severe first, then by member, offset and rule for stable output. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.location.member ?? '').localeCompare(b.location.member ?? '') ||
    (a.location.offset ?? -1) - (b.location.offset ?? -1) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
