/**
 * Groups scanned files into models, from their paths and what their metadata claims (never
 * from the disk):
 * - a Hugging Face cache entry (`…/models--org--name/{blobs,snapshots}/…`) is one model;
 * - a directory holding a Hugging Face config, adapter config, diffusers model_index.json or a
 *   model card with Hub front matter (the scanners mark such files) is one model with every
 *   scanned file under it (the nearest such directory wins, except that the components of a
 *   diffusers pipeline belong to it);
 * - any other file that looks like a model (a recognised format, identity claims or a weights
 *   extension) is a model on its own.
 *
 * Marker files are looked for from each file's directory upwards, never above the directory
 * that was given to scan (for a file given by itself: its own directory and the parent).
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ModelMarker } from '../findings/claims.js';
import type { FileResult, SkippedEntry } from '../findings/finding.js';
import { CACHE_LAYOUT, cacheRepoId } from '../discover/hf-cache.js';
import type { ModelUnit } from '../discover/types.js';

export type ModelKind = 'directory' | 'file' | 'hf-cache';

export interface ModelGroup {
  /** As the user's paths spell it (the model directory, or the file). */
  readonly root: string;
  readonly kind: ModelKind;
  readonly files: FileResult[];
  /** Hugging Face cache: the repository id encoded in the folder name. */
  readonly repoId?: string;
}

/** A metadata file, as far as grouping and identity are concerned. */
export interface MetadataSource {
  readonly path: string;
  /** Absent for an entry that could not be read at all (a FIFO, a link out of the model). */
  readonly file?: FileResult;
  readonly marks?: ModelMarker;
  readonly components: readonly string[];
  readonly problems: readonly string[];
}

/** What the metadata files of one directory say about it. */
export interface DirectoryFacts {
  readonly marker: boolean;
  readonly pipeline: boolean;
  readonly components: readonly string[];
  readonly sources: readonly MetadataSource[];
}

const WEIGHTS =
  /\.(bin|pt|pth|ckpt|safetensors|gguf|ggml|onnx|h5|hdf5|keras|pb|tflite|pkl|pickle|joblib|npz|npy|msgpack|mlmodel|llamafile|pdparams|nemo|mar|pte|lite)$/i;
const NOT_A_MODEL =
  /(?:\.(json|md|markdown|txt|ya?ml|py|cfg|ini|toml|jinja2?|csv|tsv|html?|model|tiktoken|spm|vocab|merges|gitattributes|gitignore|lock)|^(LICEN[CS]E|NOTICE|README|USE_POLICY)[^/]*)$/i;

/** Formats the JSON metadata scanner reads. */
const JSON_FORMATS = new Set(['hf-config', 'hf-shard-index', 'json-metadata', 'xgboost-json']);

/** What each canonical metadata name makes of its directory, also when it cannot be read. */
const MARKER_BY_NAME: Readonly<Record<string, ModelMarker | undefined>> = {
  'config.json': 'config',
  'adapter_config.json': 'adapter',
  'model_index.json': 'pipeline',
};

/** A file that is a model by itself when no model directory holds it. */
export function looksLikeModel(file: FileResult): boolean {
  const name = basename(file.path);
  if (NOT_A_MODEL.test(name)) return false;
  return file.format !== 'unknown' || (file.claims?.length ?? 0) > 0 || WEIGHTS.test(name);
}

/** What a scanned file says about its directory, when it says anything. */
export function metadataOf(file: FileResult): MetadataSource | undefined {
  const m = file.modelMetadata;
  if (m) {
    return {
      path: file.path,
      file,
      ...(m.marks ? { marks: m.marks } : {}),
      components: m.components ?? [],
      problems: m.problems ?? [],
    };
  }
  const name = basename(file.path);
  // Under a metadata name, content that is not JSON at all (identified as something else,
  // or never read) still marks the model, whose identity is then incomplete.
  if (name in MARKER_BY_NAME && !JSON_FORMATS.has(file.format)) {
    const marks = MARKER_BY_NAME[name];
    return {
      path: file.path,
      file,
      ...(marks ? { marks } : {}),
      components: [],
      problems: [`not read as JSON (its content is ${file.format})`],
    };
  }
  return undefined;
}

/** Names a model's metadata is read from (a special file or a link under one is a problem). */
const METADATA_NAME =
  /^(config|generation_config|adapter_config|model_index)\.json$|^readme\.(md|markdown)$|^licen[cs]e(\.(txt|md))?$/i;

/** Why discovery passed over an entry, as a problem of the model whose metadata it is. */
const SKIP_PROBLEMS: Partial<Record<SkippedEntry['kind'], string>> = {
  fifo: 'not a regular file; not read',
  socket: 'not a regular file; not read',
  'character-device': 'not a regular file; not read',
  'block-device': 'not a regular file; not read',
  'symlink-not-followed': 'symbolic link out of the model; not read',
  'symlink-outside-root': 'symbolic link out of the model; not read',
  'symlink-broken': 'dangling symbolic link; not read',
  'symlink-loop': 'symbolic link loop; not read',
  unreadable: 'unreadable; not read',
};

/** A metadata entry discovery could not or would not read. */
export function skippedSource(entry: SkippedEntry): MetadataSource | undefined {
  const name = basename(entry.path);
  const problem = SKIP_PROBLEMS[entry.kind];
  if (!problem || !METADATA_NAME.test(name)) return undefined;
  // A link inside its directory names a file that is scanned under its own name (discovery
  // reads a file once): nothing is missing.
  if (entry.kind === 'symlink-not-followed' && entry.target !== undefined) {
    const dir = resolve(dirname(entry.path));
    if (inside(dir, resolve(dir, entry.target))) return undefined;
  }
  const marks = MARKER_BY_NAME[name];
  return { path: entry.path, ...(marks ? { marks } : {}), components: [], problems: [problem] };
}

/**
 * The Hugging Face cache entry a file lies in: its unit when discovery found one, else (for
 * callers without discovery) the last `models--…` folder of its path followed by a cache folder.
 */
function cacheEntry(
  file: FileResult,
  units: readonly ModelUnit[] | undefined,
): { root: string; repoId: string } | undefined {
  if (file.unit) {
    if (file.unit.kind !== 'hf-cache') return undefined;
    const unit = units?.find((u) => u.root === file.unit!.root && u.kind === 'hf-cache');
    const repoId = unit?.repoId ?? cacheRepoId(basename(file.unit.root));
    return repoId ? { root: file.unit.root, repoId } : undefined;
  }
  const parts = file.path.split(/[\\/]/);
  for (let i = parts.length - 2; i >= 0; i--) {
    const repoId = cacheRepoId(parts[i]!);
    if (repoId !== undefined && CACHE_LAYOUT.has(parts[i + 1]!))
      return { root: file.path.slice(0, parts.slice(0, i + 1).join('/').length) || sep, repoId };
  }
  return undefined;
}

/** The facts of every directory holding metadata, keyed by its resolved path. */
export function directoryFacts(sources: readonly MetadataSource[]): Map<string, DirectoryFacts> {
  const out = new Map<string, DirectoryFacts>();
  for (const s of sources) {
    const key = resolve(dirname(s.path));
    const d = out.get(key) ?? { marker: false, pipeline: false, components: [], sources: [] };
    out.set(key, {
      marker: d.marker || s.marks !== undefined,
      pipeline: d.pipeline || s.marks === 'pipeline',
      components: [...d.components, ...s.components.filter((c) => !d.components.includes(c))],
      sources: [...d.sources, s],
    });
  }
  return out;
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The given roots that are directories: those holding a scanned file below them. */
function directoryRoots(files: readonly FileResult[], roots: readonly string[]): string[] {
  const abs = files.map((f) => resolve(f.path));
  return roots.map((r) => resolve(r)).filter((r) => abs.some((f) => f !== r && inside(r, f)));
}

export function groupModels(
  files: readonly FileResult[],
  scanRoots: readonly string[],
  facts: ReadonlyMap<string, DirectoryFacts>,
  units?: readonly ModelUnit[],
): ModelGroup[] {
  const rootDirs = directoryRoots(files, scanRoots);
  const at = (dir: string): DirectoryFacts | undefined => facts.get(resolve(dir));
  const groups = new Map<string, ModelGroup>();
  const add = (key: string, make: () => ModelGroup, file: FileResult): void => {
    let g = groups.get(key);
    if (!g) {
      g = make();
      groups.set(key, g);
    }
    g.files.push(file);
  };

  for (const file of files) {
    const hf = cacheEntry(file, units);
    if (hf) {
      add(
        `hf\0${resolve(hf.root)}`,
        () => ({ root: hf.root, kind: 'hf-cache', files: [], repoId: hf.repoId }),
        file,
      );
      continue;
    }
    const abs = resolve(file.path);
    const bound = rootDirs.filter((d) => inside(d, abs)).sort((a, b) => b.length - a.length)[0];
    const dirs: string[] = [];
    for (let d = dirname(file.path); ;) {
      dirs.push(d);
      if (bound ? resolve(d) === bound || !inside(bound, resolve(d)) : dirs.length >= 2) break;
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
    const nearest = dirs.findIndex((d) => at(d)?.marker);
    if (nearest >= 0) {
      const root = dirs.slice(nearest).find((d) => at(d)?.pipeline) ?? dirs[nearest]!;
      add(`dir\0${resolve(root)}`, () => ({ root, kind: 'directory', files: [] }), file);
    } else if (looksLikeModel(file)) {
      add(`file\0${abs}`, () => ({ root: file.path, kind: 'file', files: [] }), file);
    }
  }
  return [...groups.values()];
}

/** Path separators normalised, "./" dropped; used to show and match paths. */
export function normalisePath(p: string): string {
  return p
    .split(sep)
    .join('/')
    .replace(/^(\.\/)+/, '');
}
