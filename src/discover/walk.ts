/**
 * The tree walk: every entry under a directory, in byte order of names, depth first, with an
 * explicit stack (no recursion limit on deep trees). Entries are typed from the listing and
 * lstat, never opened; links are judged by links.ts; directories are walked once each (by
 * device and inode), which ends every loop.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileRole } from '../findings/finding.js';
import { fileKey, type Collector } from './collect.js';
import {
  describeError,
  entryType,
  isSpecial,
  specialReason,
  VCS_DIRS,
  type EntryType,
} from './entries.js';
import { childOf, decodeName, display, type FsPath } from './fs-path.js';
import type { PathFilter } from './globs.js';
import { judgeLink, type LinkRules } from './links.js';
import type { UnitScope } from './units.js';

export interface WalkScope {
  readonly links: LinkRules;
  readonly unitScope: UnitScope;
  readonly filter?: PathFilter;
  /** The path filters and shards see, from the path as spelled. */
  readonly relativeOf: (path: string) => string;
  readonly role: FileRole;
  /** device:inode of the directories walked so far (shared by the walks of one discovery). */
  readonly seen: Set<string>;
}

export interface WalkStart {
  /** As spelled (reported paths start with it). */
  readonly path: string;
  readonly fsPath: FsPath;
  /** Resolved. */
  readonly real: FsPath;
}

/** Walks a directory whose own device:inode the caller has already checked and recorded. */
export async function walkDirectory(
  start: WalkStart,
  scope: WalkScope,
  c: Collector,
): Promise<void> {
  const stack: WalkStart[] = [start];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const subdirs = await walkOne(dir, scope, c);
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
}

/** Lists one directory; returns its subdirectories to walk, in order. */
async function walkOne(dir: WalkStart, scope: WalkScope, c: Collector): Promise<WalkStart[]> {
  let entries;
  try {
    entries = await readdir(dir.fsPath, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    c.skip(dir.path, 'unreadable', `directory cannot be read: ${describeError(err)}`);
    return [];
  }
  c.stats.directoriesRead++;
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  const listing = new Map<string, EntryType>();
  const subdirs: WalkStart[] = [];
  const { filter } = scope;
  for (const e of entries) {
    c.stats.entriesVisited++;
    const fsPath = childOf(dir.fsPath, e.name);
    const path = display(fsPath);
    const real = childOf(dir.real, e.name);
    const name = decodeName(e.name);
    let type = entryType(e);
    if (type === 'unknown') type = await lstat(fsPath).then(entryType, () => 'unknown' as const);
    if (name !== undefined) listing.set(name, type);
    const rel = scope.relativeOf(path);

    if (type === 'dir') {
      if (name !== undefined && VCS_DIRS.has(name)) {
        c.skip(path, 'vcs-dir', 'version-control directory: not model artifacts');
      } else if (filter?.excludes(rel)) {
        c.skip(path, 'excluded', 'directory excluded by the filter');
      } else {
        const info = await stat(fsPath, { bigint: true }).catch(() => undefined);
        if (info && scope.seen.has(fileKey(info))) {
          c.skip(path, 'duplicate', 'directory already walked under another name');
        } else {
          if (info) scope.seen.add(fileKey(info));
          subdirs.push({ path, fsPath, real });
        }
      }
      continue;
    }
    const selected = !filter || filter.selects(rel);
    if (!selected) {
      if (filter?.excludes(rel)) c.skip(path, 'excluded', 'excluded by the filter');
      else if (type === 'file') c.stats.notSelected++;
      if (type !== 'symlink') continue;
    }
    if (type === 'file') {
      const info = await lstat(fsPath, { bigint: true }).catch(() => undefined);
      if (!info) {
        c.skip(path, 'unreadable', 'file vanished or cannot be examined');
        continue;
      }
      c.addFile({
        path,
        fsPath,
        relative: rel,
        size: Number(info.size),
        role: scope.role,
        key: fileKey(info),
        scope: scope.unitScope,
      });
    } else if (type === 'symlink') {
      if (filter?.excludes(rel)) continue; // reported above
      await walkLink({ path, fsPath, real }, dir.real, rel, selected, scope, c, subdirs);
    } else if (isSpecial(type)) {
      c.skip(path, type, specialReason(type));
    } else {
      c.skip(path, 'unreadable', 'entry of an unknown type: not read');
    }
  }
  if (typeof dir.real === 'string') c.listings.record(dir.real, listing);
  if (typeof dir.fsPath === 'string') c.listings.record(resolve(dir.fsPath), listing);
  return subdirs;
}

async function walkLink(
  link: WalkStart,
  dirReal: FsPath,
  rel: string,
  selected: boolean,
  scope: WalkScope,
  c: Collector,
  subdirs: WalkStart[],
): Promise<void> {
  c.stats.linksResolved++;
  const v = await judgeLink(link.fsPath, dirReal, scope.links);
  if (!v.follow) {
    // A link to a directory is reported even when the include list names no file under it.
    if (selected || v.type === 'dir') c.skip(link.path, v.kind, v.reason, v.target, v.dangling);
    return;
  }
  if (v.type === 'dir') {
    const key = fileKey(v.info);
    if (scope.seen.has(key)) {
      c.skip(
        link.path,
        'symlink-loop',
        'symbolic link to a directory already walked (a loop, or a second name for it)',
        display(v.real),
      );
      return;
    }
    scope.seen.add(key);
    subdirs.push({ path: link.path, fsPath: link.fsPath, real: v.real });
    return;
  }
  if (!selected) return;
  if (v.type === 'file') {
    c.addFile({
      path: link.path,
      fsPath: link.fsPath,
      relative: rel,
      size: Number(v.info.size),
      role: scope.role,
      key: fileKey(v.info),
      scope: scope.unitScope,
      viaLink: true,
    });
  } else if (isSpecial(v.type)) {
    c.skip(link.path, v.type, specialReason(v.type, true), display(v.real));
  } else {
    c.skip(
      link.path,
      'unreadable',
      'symbolic link to an entry of an unknown type',
      display(v.real),
    );
  }
}
