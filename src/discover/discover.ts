/**
 * discover(request) → Discovery: the files to scan, the model units they belong to and every
 * entry passed over, as a function of the filesystem and the request alone (types.ts).
 *
 * Steps: walk the roots (or look at the change set) → the unit of each file → cache blobs named
 * after their snapshots → SavedModels completed → the shard split → each unit's metadata added
 * as context → sorted.
 */
import type { BigIntStats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { SkippedEntry, UnitRef } from '../findings/finding.js';
import { Collector, fileKey, type FileRecord } from './collect.js';
import { resolveChanges, type ChangeOutcome } from './change-set.js';
import { describeError, entryType, isSpecial, SPECIAL_LABEL } from './entries.js';
import { PathFilter } from './globs.js';
import { shardOf } from './shard.js';
import { snapshotNames } from './snapshots.js';
import type { DiscoveredFile, Discovery, DiscoverRequest, ModelUnit } from './types.js';
import { addContextFiles } from './unit-metadata.js';
import { UnitFinder, type UnitScope } from './units.js';
import { walkDirectory, type WalkScope } from './walk.js';
import { judgeLink, type LinkRules } from './links.js';

export async function discover(request: DiscoverRequest): Promise<Discovery> {
  const c = new Collector();
  const cwd = process.cwd();
  const filter = request.filter
    ? new PathFilter(request.filter.include, request.filter.exclude, request.filter.inputs)
    : undefined;
  const base = request.base !== undefined ? resolve(request.base) : undefined;
  const boundary =
    request.boundary !== undefined
      ? await realpath(request.boundary).catch(() => resolve(request.boundary!))
      : undefined;
  const follow = request.followSymlinks ?? false;
  const relativeOf = (path: string): string =>
    relative(base ?? cwd, resolve(path))
      .split(sep)
      .join('/') || '.';
  const finder = new UnitFinder(c.listings, cwd, base);

  let changes: ChangeOutcome | undefined;
  const baseScope: UnitScope | undefined = base
    ? { spelled: request.base!, abs: base, bound: base }
    : undefined;
  if (request.only) {
    const baseReal = await realpath(base ?? cwd).catch(() => base ?? cwd);
    changes = await resolveChanges(
      request.only,
      {
        base: request.base ?? '.',
        baseReal,
        links: { boundary: boundary ?? baseReal, boundaryLabel: 'the base directory', follow },
        ...(filter ? { filter } : {}),
        unitScope: baseScope ?? { spelled: '.', abs: cwd },
      },
      c,
    );
    c.stats.changedSelected = changes.selected;
  } else {
    for (const root of request.roots) await discoverRoot(root);
  }

  async function discoverRoot(root: string): Promise<void> {
    c.stats.entriesVisited++;
    const abs = resolve(root);
    let info;
    try {
      // A path given explicitly is followed; with a boundary, only as far as a link may lead.
      info = boundary
        ? await boundedRoot(root, abs, boundary, request.boundary!, follow, c)
        : await stat(root, { bigint: true });
    } catch (err) {
      c.errors.push({ path: root, message: describeError(err) });
      return;
    }
    if (!info) return;
    const type = entryType(info);
    if (type === 'dir') {
      const key = fileKey(info);
      if (c.seenDirs.has(key)) return;
      c.seenDirs.add(key);
      const real = await realpath(root);
      const links: LinkRules = {
        boundary: boundary ?? real,
        boundaryLabel: boundary ? request.boundary! : root,
        follow,
      };
      const scope: WalkScope = {
        links,
        unitScope: { spelled: root, abs, ...(base ? { bound: base } : {}) },
        ...(filter ? { filter } : {}),
        relativeOf,
        role: 'target',
        seen: c.seenDirs,
      };
      await walkDirectory({ path: root, fsPath: root, real }, scope, c);
    } else if (type === 'file') {
      const rel = relativeOf(root);
      if (filter && !filter.selects(rel)) {
        if (filter.excludes(rel)) c.skip(root, 'excluded', 'excluded by the filter');
        else c.stats.notSelected++;
        return;
      }
      c.addFile({
        path: root,
        fsPath: root,
        relative: rel,
        size: Number(info.size),
        role: 'target',
        key: fileKey(info),
        scope: {
          spelled: dirname(root),
          abs: dirname(abs),
          fileRoot: true,
          ...(base ? { bound: base } : {}),
        },
      });
    } else {
      const what = isSpecial(type) ? SPECIAL_LABEL[type] : 'not a regular file';
      c.errors.push({
        path: root,
        message: `${what}, not a file or directory: nothing to scan (it was not opened)`,
      });
    }
  }

  // The unit of each file.
  const assigned = new Set<string>();
  const assignUnits = async (): Promise<void> => {
    for (const rec of c.files.values()) {
      if (assigned.has(rec.key)) continue;
      assigned.add(rec.key);
      const unit = await finder.unitOf(resolve(rec.path), rec.scope);
      if (unit) rec.unit = unit;
    }
  };
  await assignUnits();

  // Cache blobs under their snapshot names.
  const caches = uniqueUnits([...c.files.values()], 'hf-cache');
  for (const unit of caches) {
    const names = await snapshotNames(resolve(unit.root), unit.root, c);
    for (const rec of c.files.values()) {
      if (rec.unit?.root !== unit.root) continue;
      const name = names.get(rec.key);
      if (name === undefined || name === rec.path) continue;
      const others = [rec.path, ...rec.aliases].filter((a) => a !== name);
      rec.aliases.splice(0, rec.aliases.length, ...others);
      rec.path = name;
      rec.relative = relativeOf(name);
    }
  }

  // SavedModels are scanned whole: a change (even a deletion) anywhere inside rescans them.
  const savedModels = uniqueUnits([...c.files.values()], 'saved-model');
  for (const probe of changes?.probes ?? []) {
    const scope = baseScope ?? { spelled: '.', abs: cwd };
    const unit = await finder.unitOf(join(scope.abs, probe), scope);
    if (unit?.kind === 'saved-model' && !savedModels.some((u) => u.root === unit.root))
      savedModels.push(unit);
  }
  for (const unit of savedModels) {
    const info = await stat(unit.root, { bigint: true }).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    const real = await realpath(unit.root);
    const unitAbs = resolve(unit.root);
    await walkDirectory(
      { path: unit.root, fsPath: unit.root, real },
      {
        links: {
          boundary: boundary ?? real,
          boundaryLabel: boundary ? request.boundary! : unit.root,
          follow,
        },
        unitScope: { spelled: unit.root, abs: unitAbs, ...(base ? { bound: base } : {}) },
        relativeOf,
        role: 'unit',
        seen: new Set([fileKey(info)]),
      },
      c,
    );
  }
  await assignUnits();

  // The shard split: by file, a SavedModel as one.
  const shardKey = (rec: FileRecord): string =>
    rec.unit?.kind === 'saved-model' ? rec.unit.relative : rec.relative;
  const all = [...c.files.values()];
  c.stats.shardKeys = new Set(all.map(shardKey)).size;
  const shard = request.shard;
  const kept = new Map<string, FileRecord>();
  for (const rec of all)
    if (!shard || shardOf(shardKey(rec), shard.count) === shard.index) kept.set(rec.key, rec);

  // Each unit's metadata as context.
  const units = new Map<string, ModelUnit>();
  for (const rec of kept.values()) if (rec.unit) units.set(rec.unit.root, rec.unit);
  for (const unit of units.values()) {
    const members = [...kept.values()].filter((r) => r.unit?.root === unit.root);
    const scope = members[0]!.scope;
    await addContextFiles(unit, members, kept, c, relativeOf, scope);
  }

  const files = [...kept.values()].sort((a, b) => compare(a.path, b.path));
  const skipped: SkippedEntry[] = [...c.skipped];
  for (const rec of files)
    for (const alias of rec.aliases)
      skipped.push({
        path: alias,
        kind: 'duplicate',
        reason: `same file as ${rec.path}, scanned once under that name`,
      });
  return {
    roots: request.only ? [request.base ?? '.'] : request.roots,
    files: files.map(toDiscovered),
    units: [...units.values()].sort((a, b) => compare(a.root, b.root)),
    skipped: dedupeSkipped(skipped),
    deleted: (changes?.deleted ?? []).sort(),
    renamed: changes?.renamed ?? [],
    errors: c.errors,
    stats: c.stats,
  };
}

/**
 * A root under a boundary (the Action's workspace): a root that is a link, or lies under one,
 * is judged like any link found in a walk. Undefined when it was skipped.
 */
async function boundedRoot(
  root: string,
  abs: string,
  boundary: string,
  label: string,
  follow: boolean,
  c: Collector,
): Promise<BigIntStats | undefined> {
  const own = await lstat(root, { bigint: true });
  const real = await realpath(root).catch(() => undefined);
  // Where the root would be if no link were involved below the boundary.
  const plain = join(boundary, relative(resolve(label), abs));
  if (!own.isSymbolicLink() && real === plain) return stat(root, { bigint: true });
  c.stats.linksResolved++;
  const v = await judgeLink(root, dirname(abs), { boundary, boundaryLabel: label, follow });
  if (v.follow) return v.info;
  c.skip(root, v.kind, v.reason, v.target, v.dangling);
  return undefined;
}

function toDiscovered(rec: FileRecord): DiscoveredFile {
  return {
    path: rec.path,
    fsPath: rec.fsPath,
    relative: rec.relative,
    size: rec.size,
    role: rec.role,
    ...(rec.unit ? { unit: { root: rec.unit.root, kind: rec.unit.kind } } : {}),
    ...(rec.aliases.length ? { aliases: [...rec.aliases] } : {}),
  };
}

function uniqueUnits(files: readonly FileRecord[], kind: ModelUnit['kind']): ModelUnit[] {
  const out = new Map<string, ModelUnit>();
  for (const f of files) if (f.unit?.kind === kind) out.set(f.unit.root, f.unit);
  return [...out.values()];
}

/** The same entry met twice (a SavedModel walked again whole) is listed once. */
function dedupeSkipped(list: readonly SkippedEntry[]): SkippedEntry[] {
  const seen = new Set<string>();
  const out: SkippedEntry[] = [];
  for (const s of list) {
    const key = `${s.kind}\0${s.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out.sort((a, b) => compare(a.path, b.path));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The model unit of one file scanned on its own (its directory and two above). */
export async function findUnit(path: string): Promise<UnitRef | undefined> {
  const finder = new UnitFinder(new Collector().listings, process.cwd(), undefined);
  const abs = resolve(path);
  const unit = await finder.unitOf(abs, {
    spelled: dirname(path),
    abs: dirname(abs),
    fileRoot: true,
  });
  return unit ? { root: unit.root, kind: unit.kind } : undefined;
}
