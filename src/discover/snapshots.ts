/**
 * Names of a Hugging Face cache entry's files in its snapshots: each blob is reported under the
 * first snapshot name that leads to it (revisions and names in byte order), whichever way the
 * walk reached it first.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileKey, type Collector } from './collect.js';
import { isInside } from './fs-path.js';

/** Entries looked at per cache entry's snapshots. */
const MAX_ENTRIES = 100_000;

/** device:inode → the snapshot path (spelled under `spelled`) that first names it. */
export async function snapshotNames(
  entryAbs: string,
  spelled: string,
  c: Collector,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const entryReal = await realpath(entryAbs).catch(() => entryAbs);
  let budget = MAX_ENTRIES;
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(entryAbs, rel), { withFileTypes: true });
    } catch {
      return;
    }
    c.stats.directoriesRead++;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (--budget < 0) return;
      c.stats.entriesVisited++;
      const child = join(rel, e.name);
      if (e.isDirectory()) {
        await walk(child);
        continue;
      }
      if (!e.isFile() && !e.isSymbolicLink()) continue;
      const abs = join(entryAbs, child);
      const real = await realpath(abs).catch(() => undefined);
      if (real === undefined || !isInside(real, entryReal)) continue;
      const info = await stat(real, { bigint: true }).catch(() => undefined);
      if (!info?.isFile()) continue;
      const key = fileKey(info);
      if (!names.has(key)) names.set(key, join(spelled, child));
    }
  };
  await walk('snapshots');
  return names;
}
