/**
 * A change set instead of a walk: each changed path (relative to the base) that the filter
 * selects is looked at on its own. Removals and renames are recorded; a path missing from the
 * disk, a link, a special file or a directory is a skipped entry. Paths that cannot be inside
 * the base (absolute, "..") are refused.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileKey, type Collector } from './collect.js';
import { entryType, isSpecial, specialReason } from './entries.js';
import { display, fromFs, isInside } from './fs-path.js';
import { normalizePath, type PathFilter } from './globs.js';
import { judgeLink, type LinkRules } from './links.js';
import type { ChangedPath } from './types.js';
import type { UnitScope } from './units.js';

export interface ChangeScope {
  /** The base as spelled (reported paths are base + relative path) and resolved. */
  readonly base: string;
  readonly baseReal: string;
  readonly links: LinkRules;
  readonly filter?: PathFilter;
  readonly unitScope: UnitScope;
}

export interface ChangeOutcome {
  readonly deleted: string[];
  readonly renamed: { from: string; to: string }[];
  /** Relative paths whose unit must be checked although nothing is scanned for them. */
  readonly probes: string[];
  readonly selected: number;
}

export async function resolveChanges(
  changes: readonly ChangedPath[],
  scope: ChangeScope,
  c: Collector,
): Promise<ChangeOutcome> {
  const out = {
    deleted: [] as string[],
    renamed: [] as { from: string; to: string }[],
    probes: [] as string[],
    selected: 0,
  };
  for (const change of changes) {
    c.stats.entriesVisited++;
    const rel = safeRelative(change.path);
    if (rel === undefined) {
      c.skip(change.path, 'outside-base', 'not a path inside the base directory');
      continue;
    }
    if (scope.filter && !scope.filter.selects(rel)) continue;
    out.selected++;
    if (change.status === 'renamed' && change.previousPath)
      out.renamed.push({ from: normalizePath(change.previousPath), to: rel });
    const path = join(scope.base, rel);
    if (change.status === 'removed') {
      out.deleted.push(rel);
      out.probes.push(rel); // a deletion inside a SavedModel changes that model
      continue;
    }
    const abs = join(scope.baseReal, rel);
    const info = await lstat(abs).catch(() => undefined);
    if (!info) {
      c.skip(path, 'missing', 'not in the checkout');
      out.probes.push(rel);
      continue;
    }
    // A parent directory that is a link could lead out of the base too.
    const real = await realpath(abs, { encoding: 'buffer' }).then(fromFs, () => undefined);
    let type = entryType(info);
    let key: string | undefined;
    let size = Number(info.size);
    if (type === 'symlink' || real === undefined || display(real) !== abs) {
      c.stats.linksResolved++;
      const v = await judgeLink(abs, realDirOf(abs, scope.baseReal), scope.links);
      if (!v.follow) {
        c.skip(path, v.kind, v.reason, v.target, v.dangling);
        continue;
      }
      type = v.type;
      key = fileKey(v.info);
      size = Number(v.info.size);
    }
    if (isSpecial(type)) {
      c.skip(path, type, specialReason(type));
    } else if (type === 'dir') {
      c.skip(path, 'directory', 'a directory in the change set (a submodule?): not walked');
    } else if (type === 'file') {
      key ??= fileKey(await stat(abs, { bigint: true }));
      c.addFile({
        path,
        fsPath: path,
        relative: rel,
        size,
        role: 'target',
        key,
        scope: scope.unitScope,
        viaLink: info.isSymbolicLink(),
      });
    } else {
      c.skip(path, 'unreadable', 'entry of an unknown type: not read');
    }
  }
  return out;
}

/** The directory holding `abs`, resolved as far as it exists inside the base. */
function realDirOf(abs: string, baseReal: string): string {
  const dir = dirname(abs);
  return isInside(dir, baseReal) ? dir : baseReal;
}

/** A normalized base-relative path, or undefined for absolute paths and "..". */
function safeRelative(path: string): string | undefined {
  const p = normalizePath(path);
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p)) return undefined;
  if (p.split('/').some((s) => s === '..' || s === '.')) return undefined;
  return p;
}
