/**
 * The Hugging Face cache layout (huggingface_hub): `<hub>/models--org--name/` holds `blobs/<sha>`
 * (the content), `snapshots/<revision>/<file>` (symbolic links to ../../blobs/<sha>) and
 * `refs/<branch>`. Datasets and spaces use `datasets--` and `spaces--`.
 */
import { sep } from 'node:path';

const CACHE_ENTRY = /^(models|datasets|spaces)--(.+)$/;
/** Folders of a cache entry: one of them under a `models--…` folder confirms the layout. */
export const CACHE_LAYOUT: ReadonlySet<string> = new Set([
  'snapshots',
  'blobs',
  'refs',
  '.no_exist',
]);

export interface CacheEntry {
  /** Absolute path of the `models--org--name` directory. */
  readonly root: string;
  /** "org/name". */
  readonly repoId: string;
}

/** "models--org--name" → "org/name"; undefined for other names. */
export function cacheRepoId(name: string): string | undefined {
  const m = CACHE_ENTRY.exec(name);
  if (!m) return undefined;
  const [org, ...rest] = m[2]!.split('--');
  return rest.length > 0 ? `${org}/${rest.join('--')}` : org;
}

/**
 * The cache entry an absolute path lies in: the last `models--…` component followed by one of
 * the layout folders (so a lone folder that happens to be named `models--x` is not one).
 */
export function cacheEntryOf(abs: string): CacheEntry | undefined {
  const parts = abs.split(sep);
  for (let i = parts.length - 2; i >= 0; i--) {
    const repoId = cacheRepoId(parts[i]!);
    if (repoId !== undefined && CACHE_LAYOUT.has(parts[i + 1]!))
      return { root: parts.slice(0, i + 1).join(sep) || sep, repoId };
  }
  return undefined;
}
