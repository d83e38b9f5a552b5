/**
 * Discover's typed request and result. Discovery is the only stage that walks the disk: what
 * it returns is all the later stages learn about directories.
 *
 * The shape the later stages build on (policy, Action summary, scanners through ScanContext):
 *
 * - `Discovery.units`: the model units the selected files belong to. A unit is a directory that
 *   forms one model, recognised by the NAMES of the files in it (never their content):
 *     hf-model     config.json, adapter_config.json, generation_config.json,
 *                  tokenizer_config.json, modules.json, config_sentence_transformers.json, or a
 *                  README.md beside a file named like weights (a model card);
 *     hf-pipeline  model_index.json (diffusers); every folder under it (unet/, vae/,
 *                  text_encoder/…) belongs to it, `components` lists the first-level folders;
 *     hf-cache     a Hugging Face cache entry `models--org--name/` (also datasets--, spaces--)
 *                  with its blobs/ and snapshots/; `repoId` is "org/name";
 *     saved-model  saved_model.pb or saved_model.pbtxt: scanned as a whole (a change anywhere
 *                  inside rescans every file of the directory, role `unit`);
 *     model-dir    MLmodel (MLflow), hubconf.py (torch.hub), MANIFEST.json (TorchServe),
 *                  model_config.yaml (NeMo).
 *   The nearest such directory above a file is its unit, except that a pipeline claims the
 *   units inside it and a cache entry claims everything under it. Units are looked for up to
 *   the given root (for a file given alone: its directory and the parent; never above `base`).
 *   `root` is spelled like the files under it (a file's path starts with `root` + "/"), or is
 *   absolute when the unit lies above the given path.
 *
 * - Every `DiscoveredFile` has `unit` ({ root, kind }, absent for a file in no unit) and `role`:
 *     target   selected by the request (roots, filter, change set);
 *     unit     added because its unit is scanned as a whole (SavedModel);
 *     context  a unit's metadata added because a file of the unit was selected and it was
 *              not: config.json, generation_config.json, adapter_config.json,
 *              tokenizer_config.json, model_index.json, modules.json,
 *              config_sentence_transformers.json, README.md, LICENSE…, MLmodel, at the unit root,
 *              in each pipeline component folder, and for a cache entry in the snapshot(s) the
 *              selected files come from (else the newest four).
 *   The engine copies `unit` and `role` (when not `target`) onto each FileResult, so the policy
 *   stage groups results by `unit.root` and reads identity from the claims the scanners made
 *   on the unit's files, context files included, without opening anything itself.
 *
 * - Hugging Face cache: links that stay inside their cache entry are followed by default, and
 *   a blob is scanned once under its snapshot name (other names are `duplicate` entries).
 *
 * - `skipped`: every entry passed over, with a kind (findings.ts SkipKind) and a reason; the
 *   engine turns the special files and links leaving the root into findings (MA1007, MA1008).
 */
import type {
  FileRole,
  OperationalError,
  SkippedEntry,
  UnitKind,
  UnitRef,
} from '../findings/finding.js';
import type { FsPath } from './fs-path.js';

/** A changed path of a change set, relative to the request's base. */
export interface ChangedPath {
  readonly path: string;
  /** Only "removed" and "renamed" change what is scanned; anything else is scanned if present. */
  readonly status: string;
  /** The path before a rename. */
  readonly previousPath?: string;
}

export interface DiscoverRequest {
  /** Files and directories to walk, as the user spelled them (unused with `only`). */
  readonly roots: readonly string[];
  /** Follow symbolic links inside the boundary (links inside a cache entry always are). */
  readonly followSymlinks?: boolean;
  /** Directory that filter globs and `only` paths are relative to (default: the roots). */
  readonly base?: string;
  /** Directory links may lead into (default: each root). */
  readonly boundary?: string;
  /** Globs over paths relative to `base` (src/discover/globs.ts); include defaults to all. */
  readonly filter?: {
    readonly include?: readonly string[];
    readonly exclude?: readonly string[];
    /** Input names for error messages ("paths", "exclude"). */
    readonly inputs?: { readonly include: string; readonly exclude: string };
  };
  /** A change set: only these paths (and the units they touch) are looked at, not the roots. */
  readonly only?: readonly ChangedPath[];
  /** 1-based shard of `count`: a stable hash of each file's (or SavedModel's) relative path. */
  readonly shard?: { readonly index: number; readonly count: number };
}

export interface DiscoveredFile {
  /** The path as reported (as spelled from the root; invalid UTF-8 bytes shown as \xNN). */
  readonly path: string;
  /** The exact path for the filesystem. */
  readonly fsPath: FsPath;
  /** '/'-separated path relative to the base (or the root), for filters and shards. */
  readonly relative: string;
  readonly size: number;
  readonly role: FileRole;
  readonly unit?: UnitRef;
  /** Other names of the same file (hard links, links, cache snapshots sharing a blob). */
  readonly aliases?: readonly string[];
}

export interface ModelUnit extends UnitRef {
  /** Root relative to the base, '/'-separated ("." for the base itself). */
  readonly relative: string;
  /** The marker names that made the directory a unit. */
  readonly markers: readonly string[];
  /** Pipelines: the first-level component folders. */
  readonly components?: readonly string[];
  /** Cache entries: "org/name". */
  readonly repoId?: string;
}

/** Work counts (tests assert these, never time). */
export interface DiscoverStats {
  /** Directory entries and roots looked at. */
  entriesVisited: number;
  directoriesRead: number;
  linksResolved: number;
  /** Files left out because the include list does not select them. */
  notSelected: number;
  /** Files (SavedModels counted once) selected in all shards together. */
  shardKeys: number;
  /** Change sets: changed paths the filter selected (before the shard split). */
  changedSelected?: number;
}

export interface Discovery {
  readonly roots: readonly string[];
  /** What to scan in this shard, sorted by path. */
  readonly files: readonly DiscoveredFile[];
  readonly units: readonly ModelUnit[];
  readonly skipped: readonly SkippedEntry[];
  /** Change sets: selected paths the change set removes (relative to the base). */
  readonly deleted: readonly string[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Roots that do not exist or cannot be read, and special files named as roots. */
  readonly errors: readonly OperationalError[];
  readonly stats: Readonly<DiscoverStats>;
}

export type { UnitKind };
