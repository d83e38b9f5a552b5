/**
 * Groups scanned files into models:
 * - a Hugging Face cache entry (`…/models--org--name/{blobs,snapshots}/…`) is one model;
 * - a directory holding a Hugging Face config, adapter config, diffusers model_index.json or a
 *   model card with front matter is one model with every scanned file under it (the nearest
 *   such directory wins, except that the components of a diffusers pipeline belong to it);
 * - any other file that looks like a model (a recognised format, identity claims or a weights
 *   extension) is a model on its own.
 *
 * Marker files are looked for from each file's directory upwards, never above the directory
 * that was given to scan (for a file given by itself: its own directory and the parent).
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileResult } from '../findings/finding.js';
import { readDirMetadata, type DirMetadata } from './dir-metadata.js';

export type ModelKind = 'directory' | 'file' | 'hf-cache';

export interface ModelGroup {
  /** As the user's paths spell it (the model directory, or the file). */
  readonly root: string;
  readonly kind: ModelKind;
  readonly files: FileResult[];
  /** Hugging Face cache: the repository id encoded in the folder name. */
  readonly repoId?: string;
}

const WEIGHTS =
  /\.(bin|pt|pth|ckpt|safetensors|gguf|ggml|onnx|h5|hdf5|keras|pb|tflite|pkl|pickle|joblib|npz|npy|msgpack|mlmodel|llamafile|pdparams|nemo|mar|pte|lite)$/i;
const NOT_A_MODEL =
  /(?:\.(json|md|markdown|txt|ya?ml|py|cfg|ini|toml|jinja2?|csv|tsv|html?|model|tiktoken|spm|vocab|merges|gitattributes|gitignore|lock)|^(LICEN[CS]E|NOTICE|README|USE_POLICY)[^/]*)$/i;

export function claimsOf(file: FileResult): unknown[] {
  const c = file.details.identityClaims;
  return Array.isArray(c) ? c : [];
}

/** A file that is a model by itself when no model directory holds it. */
export function looksLikeModel(file: FileResult): boolean {
  const name = basename(file.path);
  if (NOT_A_MODEL.test(name)) return false;
  return file.format !== 'unknown' || claimsOf(file).length > 0 || WEIGHTS.test(name);
}

/** `…/models--org--name/…` → the cache entry's directory and repository id. */
export function hfCacheEntry(path: string): { root: string; repoId: string } | undefined {
  const re = /(^|[\\/])models--([^\\/]+)(?=[\\/])/g;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(path); m; m = re.exec(path)) last = m;
  if (!last) return undefined;
  const [org, ...rest] = last[2]!.split('--');
  const repoId = rest.length > 0 ? `${org}/${rest.join('--')}` : org!;
  return { root: path.slice(0, last.index + last[0].length), repoId };
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Reads each directory's metadata once. */
export class MetadataCache {
  private readonly cache = new Map<string, Promise<DirMetadata>>();

  get(dir: string, containedIn = dir, component?: string): Promise<DirMetadata> {
    const key = `${resolve(dir)}\0${resolve(containedIn)}\0${component ?? ''}`;
    let p = this.cache.get(key);
    if (!p) {
      p = readDirMetadata(dir, containedIn, component);
      this.cache.set(key, p);
    }
    return p;
  }
}

export async function groupModels(
  files: readonly FileResult[],
  scanRoots: readonly string[],
  cache: MetadataCache,
): Promise<ModelGroup[]> {
  const rootDirs: string[] = [];
  for (const r of scanRoots) {
    const info = await stat(r).catch(() => undefined);
    if (info?.isDirectory()) rootDirs.push(resolve(r));
  }
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
    const hf = hfCacheEntry(file.path);
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
    let nearest = -1;
    for (let i = 0; i < dirs.length; i++) {
      if ((await cache.get(dirs[i]!)).marker) {
        nearest = i;
        break;
      }
    }
    if (nearest >= 0) {
      let root = dirs[nearest]!;
      for (let i = nearest; i < dirs.length; i++) {
        if ((await cache.get(dirs[i]!)).pipeline) {
          root = dirs[i]!;
          break;
        }
      }
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
