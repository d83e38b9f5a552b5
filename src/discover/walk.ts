/**
 * Turns the paths a user gave into the regular files to scan: directories are walked
 * recursively; symbolic links are not followed unless asked, and never out of the roots.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { OperationalError } from '../findings/finding.js';

export interface Discovery {
  readonly files: string[];
  readonly errors: OperationalError[];
  /** Entries passed over on purpose (special files, links out of the roots), for --verbose. */
  readonly skipped: { path: string; reason: string }[];
}

/** Directory names never descended into: version-control internals, not artifacts. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);

export async function discover(
  paths: readonly string[],
  followSymlinks: boolean,
): Promise<Discovery> {
  const out: Discovery = { files: [], errors: [], skipped: [] };
  const seen = new Set<string>();
  for (const given of paths) {
    let info;
    try {
      info = await stat(given); // a path given explicitly is followed even if it is a link
    } catch (err) {
      out.errors.push({ path: given, message: describeError(err) });
      continue;
    }
    if (info.isDirectory()) {
      const root = await realpath(given);
      await walk(given, root, followSymlinks, out, seen);
    } else if (info.isFile()) {
      const real = await realpath(given);
      if (!seen.has(real)) {
        seen.add(real);
        out.files.push(given);
      }
    } else {
      out.skipped.push({ path: given, reason: 'not a regular file' });
    }
  }
  return out;
}

async function walk(
  dir: string,
  root: string,
  follow: boolean,
  out: Discovery,
  seen: Set<string>,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.errors.push({ path: dir, message: describeError(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name)) {
        out.skipped.push({ path, reason: 'version-control directory' });
        continue;
      }
      await walk(path, root, follow, out, seen);
    } else if (e.isFile()) {
      const real = resolve(path);
      if (!seen.has(real)) {
        seen.add(real);
        out.files.push(path);
      }
    } else if (e.isSymbolicLink()) {
      if (!follow) {
        out.skipped.push({ path, reason: 'symbolic link (use --follow-symlinks)' });
        continue;
      }
      let real: string;
      try {
        real = await realpath(path);
      } catch {
        out.skipped.push({ path, reason: 'broken symbolic link' });
        continue;
      }
      if (!isInside(real, root)) {
        out.skipped.push({ path, reason: `symbolic link leads outside ${root}` });
        continue;
      }
      const target = await lstat(real);
      if (target.isDirectory()) {
        if (!seen.has(real + sep)) {
          seen.add(real + sep);
          await walk(path, root, follow, out, seen);
        }
      } else if (target.isFile() && !seen.has(real)) {
        seen.add(real);
        out.files.push(path);
      }
    } else {
      out.skipped.push({ path, reason: 'not a regular file' });
    }
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

export function describeError(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = String((err as { code: unknown }).code);
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
  }
  return err instanceof Error ? err.message : String(err);
}
