/**
 * Model units: directories that form one model, recognised by the names of the files they hold
 * (never by content; see types.ts for the kinds). Listings of the directories walked are reused;
 * a directory above the walk is listed once, up to MAX_LISTED names.
 */
import { opendir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { UnitKind } from '../findings/finding.js';
import { entryType, type EntryType } from './entries.js';
import { isInside } from './fs-path.js';
import { cacheEntryOf, cacheRepoId } from './hf-cache.js';
import type { DiscoverStats, ModelUnit } from './types.js';

/** Names read from a directory that the walk did not list itself. */
const MAX_LISTED = 10_000;

const SAVED_MODEL = ['saved_model.pb', 'saved_model.pbtxt'];
const PIPELINE = ['model_index.json'];
const HF_MODEL = [
  'config.json',
  'adapter_config.json',
  'generation_config.json',
  'tokenizer_config.json',
  'modules.json',
  'config_sentence_transformers.json',
];
const MODEL_DIR = ['MLmodel', 'hubconf.py', 'MANIFEST.json', 'model_config.yaml'];
const MODEL_CARDS = ['README.md', 'README.markdown', 'readme.md'];

/** Names of weights files: a model card beside one makes a model directory. */
export const WEIGHTS_NAME =
  /\.(safetensors|bin|pt|pth|ckpt|gguf|ggml|onnx|h5|hdf5|keras|pb|tflite|pkl|pickle|joblib|npz|npy|msgpack|mlmodel|llamafile|pdparams|nemo|mar|pte)$/i;

/** A unit's metadata files, added to the scan as context (see types.ts). */
export const CONTEXT_NAMES: readonly string[] = [
  'config.json',
  'generation_config.json',
  'adapter_config.json',
  'tokenizer_config.json',
  'model_index.json',
  'modules.json',
  'config_sentence_transformers.json',
  'MLmodel',
  ...MODEL_CARDS,
  'LICENSE',
  'LICENSE.txt',
  'LICENSE.md',
  'LICENCE',
];

export type Listing = ReadonlyMap<string, EntryType>;

/** What a directory's names make it, if anything. */
export function markersIn(
  names: Listing,
): { readonly kind: UnitKind; readonly markers: string[] } | undefined {
  const has = (list: readonly string[]): string[] => list.filter((n) => names.has(n));
  const saved = has(SAVED_MODEL);
  if (saved.length) return { kind: 'saved-model', markers: saved };
  const pipeline = has(PIPELINE);
  if (pipeline.length) return { kind: 'hf-pipeline', markers: pipeline };
  const hf = has(HF_MODEL);
  const cards = has(MODEL_CARDS);
  if (cards.length && [...names.keys()].some((n) => WEIGHTS_NAME.test(n))) hf.push(...cards);
  if (hf.length) return { kind: 'hf-model', markers: hf };
  const other = has(MODEL_DIR);
  if (other.length) return { kind: 'model-dir', markers: other };
  return undefined;
}

/** Directory listings (names and types), from the walk or read once on demand. */
export class Listings {
  private readonly cache = new Map<string, Listing | null>();

  constructor(private readonly stats: DiscoverStats) {}

  record(dir: string, listing: Listing): void {
    this.cache.set(dir, listing);
  }

  async get(dir: string): Promise<Listing | null> {
    let l = this.cache.get(dir);
    if (l === undefined) {
      l = await this.read(dir);
      this.cache.set(dir, l);
    }
    return l;
  }

  private async read(dir: string): Promise<Listing | null> {
    const out = new Map<string, EntryType>();
    try {
      const d = await opendir(dir);
      this.stats.directoriesRead++;
      for await (const e of d) {
        out.set(e.name, entryType(e));
        if (out.size >= MAX_LISTED) break; // for await closes the directory on break
      }
    } catch {
      return null;
    }
    return out;
  }
}

/** Where unit markers are looked for, for the files of one root. */
export interface UnitScope {
  /** The root (or a file root's directory) as spelled, and resolved. */
  readonly spelled: string;
  readonly abs: string;
  /** Never above this directory (the request's base), when set. */
  readonly bound?: string;
  /** The root is a file: look at its directory and the parent. */
  readonly fileRoot?: boolean;
}

/**
 * Directories looked at for a file given alone: its own and its parent (as the policy stage
 * always has); for a file found in a walk, its directory up to the root, never above.
 */
const FILE_ROOT_CHAIN = 2;

export class UnitFinder {
  private readonly byDir = new Map<string, ModelUnit | null>();

  constructor(
    private readonly listings: Listings,
    private readonly cwd: string,
    private readonly base: string | undefined,
  ) {}

  /** The unit of a file, given its resolved (lexical) absolute path. */
  async unitOf(fileAbs: string, scope: UnitScope): Promise<ModelUnit | undefined> {
    const dir = dirname(fileAbs);
    const key = `${dir}\0${scope.abs}`;
    let u = this.byDir.get(key);
    if (u === undefined) {
      u = (await this.find(dir, scope)) ?? null;
      this.byDir.set(key, u);
    }
    return u ?? undefined;
  }

  private async find(dir: string, scope: UnitScope): Promise<ModelUnit | undefined> {
    const cache = cacheEntryOf(join(dir, '_'));
    if (cache) return this.unit(cache.root, 'hf-cache', [], scope, undefined, cache.repoId);
    let found: { dir: string; kind: UnitKind; markers: string[] } | undefined;
    for (const d of this.chain(dir, scope)) {
      const listing = await this.listings.get(d);
      if (!listing) continue;
      if (cacheRepoId(d.split(sep).pop() ?? '') !== undefined && hasCacheLayout(listing))
        return this.unit(d, 'hf-cache', [], scope, undefined, cacheRepoId(d.split(sep).pop()!));
      const m = markersIn(listing);
      if (!m) continue;
      if (!found) {
        found = { dir: d, ...m };
        if (m.kind === 'saved-model' || m.kind === 'hf-pipeline') break;
      } else if (m.kind === 'hf-pipeline') {
        found = { dir: d, ...m }; // a pipeline claims its components' units
        break;
      }
    }
    if (!found) return undefined;
    const components =
      found.kind === 'hf-pipeline'
        ? [...((await this.listings.get(found.dir)) ?? new Map<string, EntryType>())]
            .filter(([, t]) => t === 'dir')
            .map(([n]) => n)
            .sort()
        : undefined;
    return this.unit(found.dir, found.kind, found.markers, scope, components);
  }

  /** The file's directory upwards: to the root (a file root: and its parent), never above the bound. */
  private chain(dir: string, scope: UnitScope): string[] {
    const out: string[] = [];
    for (let d = dir; ;) {
      if (scope.bound !== undefined && !isInside(d, scope.bound)) break;
      if (scope.fileRoot ? out.length >= FILE_ROOT_CHAIN : !isInside(d, scope.abs)) break;
      out.push(d);
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
    return out;
  }

  private unit(
    abs: string,
    kind: UnitKind,
    markers: string[],
    scope: UnitScope,
    components?: string[],
    repoId?: string,
  ): ModelUnit {
    const root = isInside(abs, scope.abs)
      ? join(scope.spelled, relative(scope.abs, abs))
      : isAbsolute(scope.spelled)
        ? abs
        : relative(this.cwd, abs) || '.';
    const rel =
      relative(this.base ?? this.cwd, abs)
        .split(sep)
        .join('/') || '.';
    return {
      root,
      kind,
      relative: rel,
      markers,
      ...(components?.length ? { components } : {}),
      ...(repoId !== undefined ? { repoId } : {}),
    };
  }
}

function hasCacheLayout(listing: Listing): boolean {
  return listing.get('snapshots') === 'dir' || listing.get('blobs') === 'dir';
}
