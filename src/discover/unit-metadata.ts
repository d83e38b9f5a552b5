/**
 * A unit's metadata files (config.json, README.md, LICENSE…), added to the scan as `context`
 * when a file of the unit is selected and they are not, so that the policy stage learns what
 * the model is from the scanners' claims alone. Links are taken only when they stay inside the
 * unit (a cache snapshot's links into its blobs).
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileKey, type Collector, type FileRecord } from './collect.js';
import { isInside } from './fs-path.js';
import { CONTEXT_NAMES, type UnitScope } from './units.js';
import type { ModelUnit } from './types.js';

/** Cache snapshots whose metadata is read when no selected file names a snapshot. */
const NEWEST_SNAPSHOTS = 4;

export async function addContextFiles(
  unit: ModelUnit,
  members: readonly FileRecord[],
  kept: Map<string, FileRecord>,
  c: Collector,
  relativeOf: (path: string) => string,
  scope: UnitScope,
): Promise<void> {
  const unitAbs = resolve(unit.root);
  const unitReal = await realpath(unitAbs).catch(() => unitAbs);
  for (const dir of await metadataDirs(unit, unitAbs, members, c)) {
    const listing = await c.listings.get(resolve(unit.root, dir));
    if (!listing) continue;
    for (const name of CONTEXT_NAMES) {
      const type = listing.get(name);
      if (type !== 'file' && type !== 'symlink') continue;
      const path = join(unit.root, dir, name);
      const info = await lstat(path, { bigint: true }).catch(() => undefined);
      if (!info) continue;
      let target = info;
      if (info.isSymbolicLink()) {
        const real = await realpath(path).catch(() => undefined);
        if (real === undefined || !isInside(real, unitReal)) continue;
        const s = await stat(real, { bigint: true }).catch(() => undefined);
        if (!s) continue;
        target = s;
      }
      if (!target.isFile()) continue;
      const key = fileKey(target);
      if (kept.has(key)) continue;
      kept.set(key, {
        path,
        fsPath: path,
        relative: relativeOf(path),
        size: Number(target.size),
        role: 'context',
        key,
        scope,
        aliases: [],
        unit,
      });
    }
  }
}

/** Directories (relative to the unit root) whose metadata describes the unit. */
async function metadataDirs(
  unit: ModelUnit,
  unitAbs: string,
  members: readonly FileRecord[],
  c: Collector,
): Promise<string[]> {
  switch (unit.kind) {
    case 'saved-model':
      return []; // scanned as a whole already
    case 'hf-model':
    case 'model-dir':
      return ['.'];
    case 'hf-pipeline':
      return ['.', ...(unit.components ?? [])];
    case 'hf-cache': {
      const revisions = new Set<string>();
      for (const m of members) {
        const parts = relative(unitAbs, resolve(m.path)).split(sep);
        if (parts[0] === 'snapshots' && parts.length > 2) revisions.add(parts[1]!);
      }
      if (revisions.size === 0) {
        const listing = await c.listings.get(join(unitAbs, 'snapshots'));
        const all = [...(listing ?? new Map())]
          .filter(([, t]) => t === 'dir')
          .map(([n]) => n as string)
          .sort();
        for (const r of all.slice(-NEWEST_SNAPSHOTS)) revisions.add(r);
      }
      const dirs: string[] = [];
      for (const r of [...revisions].sort()) {
        const rev = join('snapshots', r);
        dirs.push(rev);
        const listing = await c.listings.get(join(unitAbs, rev));
        if (listing?.has('model_index.json'))
          for (const [name, t] of listing) if (t === 'dir') dirs.push(join(rev, name));
      }
      return dirs;
    }
  }
}
