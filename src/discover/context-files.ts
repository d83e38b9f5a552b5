/**
 * The metadata files around the scanned files that the walk did not return: beside a file
 * given by itself (its directory and the one above), in the snapshots of a Hugging Face cache
 * entry (symbolic links into blobs/), and metadata names the walk passed over (links, special
 * files). The engine scans them for their claims only, so that the policy stage can tell which
 * model a file belongs to and what it is without reading the disk itself. A link is followed
 * only while it stays inside the model (the file's directory, or the whole cache entry);
 * entries that cannot be read are returned with the reason, never opened.
 *
 * Interim: once discovery returns model units, a unit's metadata files come from there.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { hfCacheEntry } from './hf-cache.js';
import type { Discovery } from './walk.js';

/** Names loaders and the Hub read model metadata from. */
export const MODEL_METADATA_NAMES: readonly string[] = [
  'config.json',
  'generation_config.json',
  'adapter_config.json',
  'model_index.json',
  'README.md',
  'README.markdown',
  'readme.md',
  'LICENSE',
  'LICENSE.txt',
  'LICENSE.md',
  'LICENCE',
];

/** Hugging Face cache snapshots looked at per entry (the newest by name). */
const MAX_SNAPSHOTS = 4;
/** Context entries looked at per scan. */
const MAX_CANDIDATES = 2000;

export interface UnreadableMetadata {
  readonly path: string;
  readonly problem: string;
}

export interface MetadataContext {
  /** Regular files to scan for their claims (not reported as scanned files). */
  readonly files: string[];
  readonly unreadable: UnreadableMetadata[];
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const NAMES = new Set(MODEL_METADATA_NAMES);

export async function metadataContext(
  paths: readonly string[],
  found: Discovery,
): Promise<MetadataContext> {
  const known = new Set(found.files.map((f) => resolve(f)));
  /** Candidate path → the directory a link may lead into. */
  const candidates = new Map<string, string>();
  const add = (path: string, containedIn: string): void => {
    if (candidates.size < MAX_CANDIDATES && !known.has(resolve(path)))
      candidates.set(path, containedIn);
  };

  // Metadata the walk passed over (links not followed, special files), outside caches.
  for (const s of found.skipped)
    if (NAMES.has(basename(s.path)) && !hfCacheEntry(s.path)) add(s.path, dirname(s.path));

  // Beside a file given by itself: its directory and the one above.
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info?.isFile() || hfCacheEntry(p)) continue;
    for (const dir of [dirname(p), dirname(dirname(p))])
      for (const name of MODEL_METADATA_NAMES) add(join(dir, name), dir);
  }

  // The newest snapshots of every cache entry a scanned file belongs to.
  const entries = new Set(found.files.map((f) => hfCacheEntry(f)?.root).filter((r) => r));
  for (const root of entries as Set<string>) {
    const snapshots = join(root, 'snapshots');
    const revisions = (await readdir(snapshots).catch(() => [] as string[])).sort();
    for (const rev of revisions.slice(-MAX_SNAPSHOTS))
      for (const name of MODEL_METADATA_NAMES) add(join(snapshots, rev, name), root);
  }

  const out: MetadataContext = { files: [], unreadable: [] };
  for (const [path, containedIn] of candidates) {
    const own = await lstat(path).catch(() => undefined);
    if (!own) continue;
    let info = own;
    if (own.isSymbolicLink()) {
      const [real, root] = await Promise.all([
        realpath(path).catch(() => undefined),
        realpath(containedIn).catch(() => undefined),
      ]);
      if (!real || !root) {
        out.unreadable.push({ path, problem: 'dangling symbolic link; not read' });
        continue;
      }
      if (!inside(root, real)) {
        out.unreadable.push({ path, problem: 'symbolic link out of the model; not read' });
        continue;
      }
      const target = await stat(real).catch(() => undefined);
      if (!target) continue;
      info = target;
    }
    if (info.isFile()) out.files.push(path);
    else if (!info.isDirectory())
      out.unreadable.push({ path, problem: 'not a regular file; not read' });
  }
  return out;
}
