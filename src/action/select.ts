/**
 * From the event's change set (or the whole workspace) to the paths handed to the scanner:
 * glob selection, deletions and renames, links that must not lead out of the workspace, model
 * directories scanned as one unit, and the stable split into shards.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Scope } from './changes.js';
import { normalizePath, PathFilter } from './globs.js';

/**
 * Directory formats whose files only make sense together: a change to any file inside (a
 * variables shard, an asset) rescans the whole directory, its graph included.
 */
export const MODEL_DIRECTORY_MARKERS: readonly { file: string; format: string }[] = [
  { file: 'saved_model.pb', format: 'TensorFlow SavedModel' },
  { file: 'saved_model.pbtxt', format: 'TensorFlow SavedModel' },
];

/** Directories never walked: version-control internals. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);

export interface SelectOptions {
  readonly workspace: string;
  readonly paths: readonly string[];
  readonly exclude: readonly string[];
  readonly followSymlinks: boolean;
  readonly shardIndex: number;
  readonly shardCount: number;
}

export interface Selection {
  /** Workspace-relative files and model directories to scan in this shard, sorted. */
  readonly targets: readonly string[];
  /** Model directories among the targets, with the format that made them one unit. */
  readonly units: readonly { readonly path: string; readonly format: string }[];
  /** Selected paths not scanned, and why (links, missing files, special files). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** Selected files the change set deletes (nothing left to scan). */
  readonly deleted: readonly string[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Changed files (before shard split) that the globs selected; undefined for full scans. */
  readonly changedSelected: number | undefined;
  /** Targets in all shards together. */
  readonly totalTargets: number;
}

export async function selectTargets(scope: Scope, options: SelectOptions): Promise<Selection> {
  const filter = new PathFilter(options.paths, options.exclude);
  const root = await realpath(options.workspace);
  const skipped: { path: string; reason: string }[] = [];
  const deleted: string[] = [];
  const renamed: { from: string; to: string }[] = [];
  const files = new Set<string>();
  const unitCandidates = new Set<string>();
  let changedSelected: number | undefined;

  if (scope.kind === 'all') {
    const seenDirs = new Set([root]);
    for (const start of walkStarts(options.paths)) {
      if (start === '') {
        await walk(root, '', filter, options.followSymlinks, files, skipped, seenDirs);
        continue;
      }
      const info = await lstat(join(root, start)).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!filter.excludes(start))
          await walk(root, start, filter, options.followSymlinks, files, skipped, seenDirs);
      } else if (info && filter.selects(start)) {
        const verdict = await checkFile(root, start, options.followSymlinks);
        if (verdict === 'file') files.add(start);
        else skipped.push({ path: start, reason: verdict });
      }
    }
  } else {
    changedSelected = 0;
    for (const change of scope.files) {
      const path = safeRelative(change.path);
      if (path === undefined) {
        skipped.push({ path: change.path, reason: 'not a path inside the workspace' });
        continue;
      }
      if (!filter.selects(path)) continue;
      changedSelected++;
      if (change.status === 'renamed' && change.previousPath)
        renamed.push({ from: normalizePath(change.previousPath), to: path });
      if (change.status === 'removed') {
        deleted.push(path);
        unitCandidates.add(path); // a deletion inside a model directory changes that model
        continue;
      }
      const verdict = await checkFile(root, path, options.followSymlinks);
      if (verdict === 'file') files.add(path);
      else {
        skipped.push({ path, reason: verdict });
        if (verdict === 'not in the checkout') unitCandidates.add(path);
      }
    }
  }

  // Collapse files of model directories into their directory.
  const units = new Map<string, string>();
  const unitCache = new Map<string, { format: string } | null>();
  const targets = new Set<string>();
  for (const path of [...files, ...unitCandidates]) {
    const unit = await modelDirectoryOf(root, path, unitCache);
    if (unit) {
      units.set(unit.path, unit.format);
      targets.add(unit.path);
    } else if (files.has(path)) targets.add(path);
  }

  const all = [...targets].sort();
  const mine = all.filter((t) => shardOf(t, options.shardCount) === options.shardIndex);
  return {
    targets: mine,
    units: mine.filter((t) => units.has(t)).map((t) => ({ path: t, format: units.get(t)! })),
    skipped,
    deleted: deleted.sort(),
    renamed,
    changedSelected,
    totalTargets: all.length,
  };
}

/**
 * Where a full scan starts walking: the literal directory prefix of each pattern of `paths`
 * (`models/x/*.pt` gives `models/x`), so a scan of `models/` does not walk node_modules.
 * "" (the workspace) when a pattern starts with a wildcard.
 */
export function walkStarts(paths: readonly string[]): string[] {
  const starts = new Set<string>();
  for (const line of paths) {
    if (line.startsWith('!')) continue;
    const pattern = normalizePath(line).replace(/^\/+/, '');
    const literal: string[] = [];
    for (const segment of pattern.split('/')) {
      if (segment === '' || segment === '.' || /[*?[{\\]/.test(segment)) break;
      literal.push(segment);
    }
    if (literal.length === 0) return [''];
    starts.add(literal.join('/'));
  }
  const sorted = [...starts].sort();
  return sorted.filter((s) => !sorted.some((o) => o !== s && s.startsWith(`${o}/`)));
}

/** 1-based shard of a path: a stable hash, so a file stays in its shard as others come and go. */
export function shardOf(path: string, shardCount: number): number {
  if (shardCount <= 1) return 1;
  const h = createHash('sha256').update(path).digest();
  return (h.readUInt32BE(0) % shardCount) + 1;
}

/** A normalized workspace-relative path, or undefined for absolute paths and "..". */
function safeRelative(path: string): string | undefined {
  const p = normalizePath(path);
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p)) return undefined;
  if (p.split('/').some((s) => s === '..' || s === '.')) return undefined;
  return p;
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

type FileVerdict =
  | 'file'
  | 'not in the checkout'
  | 'symbolic link (set follow-symlinks to follow links inside the workspace)'
  | 'symbolic link leading outside the workspace'
  | 'broken symbolic link'
  | 'not a regular file';

async function checkFile(root: string, path: string, follow: boolean): Promise<FileVerdict> {
  const abs = join(root, path);
  let info;
  try {
    info = await lstat(abs);
  } catch {
    return 'not in the checkout';
  }
  // A parent directory that is a link could lead out of the workspace too.
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    return 'broken symbolic link';
  }
  if (info.isSymbolicLink() || real !== abs) {
    if (!isInside(real, root)) return 'symbolic link leading outside the workspace';
    if (!follow) return 'symbolic link (set follow-symlinks to follow links inside the workspace)';
    try {
      info = await stat(real);
    } catch {
      return 'broken symbolic link';
    }
  }
  return info.isFile() ? 'file' : 'not a regular file';
}

async function walk(
  root: string,
  dir: string,
  filter: PathFilter,
  follow: boolean,
  out: Set<string>,
  skipped: { path: string; reason: string }[],
  seenDirs: Set<string>,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, dir), { withFileTypes: true });
  } catch (err) {
    skipped.push({ path: dir || '.', reason: `cannot be read (${(err as Error).message})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name) || filter.excludes(path)) continue;
      await walk(root, path, filter, follow, out, skipped, seenDirs);
    } else if (e.isFile()) {
      if (filter.selects(path)) out.add(path);
    } else if (e.isSymbolicLink()) {
      if (filter.excludes(path)) continue;
      let real: string;
      try {
        real = await realpath(join(root, path));
      } catch {
        if (filter.selects(path)) skipped.push({ path, reason: 'broken symbolic link' });
        continue;
      }
      const target = await stat(real).catch(() => undefined);
      if (!target) continue;
      if (!isInside(real, root)) {
        if (target.isDirectory() || filter.selects(path))
          skipped.push({ path, reason: 'symbolic link leading outside the workspace' });
      } else if (!follow) {
        if (target.isDirectory() || filter.selects(path))
          skipped.push({
            path,
            reason: 'symbolic link (set follow-symlinks to follow links inside the workspace)',
          });
      } else if (target.isDirectory()) {
        if (!seenDirs.has(real)) {
          seenDirs.add(real);
          await walk(root, path, filter, follow, out, skipped, seenDirs);
        }
      } else if (target.isFile() && filter.selects(path)) out.add(path);
    }
  }
}

/** The nearest enclosing model directory of a workspace-relative path, if any. */
async function modelDirectoryOf(
  root: string,
  path: string,
  cache: Map<string, { format: string } | null>,
): Promise<{ path: string; format: string } | undefined> {
  let dir = dirname(path);
  for (;;) {
    const key = dir === '.' ? '' : dir;
    let marker = cache.get(key);
    if (marker === undefined) {
      marker = await markerIn(root, key);
      cache.set(key, marker);
    }
    if (marker) return { path: key === '' ? '.' : key, format: marker.format };
    if (key === '') return undefined;
    dir = dirname(dir);
  }
}

async function markerIn(root: string, dir: string): Promise<{ format: string } | null> {
  for (const m of MODEL_DIRECTORY_MARKERS) {
    const info = await lstat(resolve(root, dir, m.file)).catch(() => undefined);
    if (info?.isFile()) return { format: m.format };
  }
  return null;
}
