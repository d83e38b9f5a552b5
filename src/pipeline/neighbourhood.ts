/**
 * The files around a top-level file on disk, as scanners see them through the scan context
 * (`ScanContext.sibling` / `listDir`). Read-only and bounded: every byte read is counted in the
 * file's IoStats, lookups and listing sizes are capped by the limits, a symbolic link is
 * followed only while it stays inside the file's directory (one leading out is reported as such
 * and never opened), special files (FIFOs, devices, sockets) are never opened, and state lives
 * on the instance, which serves one top-level file.
 */
import { constants } from 'node:fs';
import { lstat, open, opendir, readlink, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { LimitExceeded, type Limits } from '../io/limits.js';
import type { IoStats } from '../io/source.js';
import type { Neighbourhood, SiblingDirEntry, SiblingEntry, SiblingListing } from '../scan/base.js';

/**
 * Non-blocking, so that a FIFO swapped in after the type check cannot hang the scan; no link
 * is followed at open time (the path opened is already resolved).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * The parts of a relative path, ".." resolved lexically; undefined when it is not a plain
 * relative path or climbs out of the directory.
 */
function parts(rel: string): string[] | undefined {
  if (rel.includes('\0') || isAbsolute(rel) || rel.startsWith('/')) return undefined;
  const out: string[] = [];
  for (const p of rel.split(sep === '\\' ? /[\\/]/ : '/')) {
    if (p === '' || p === '.') continue;
    if (p !== '..') out.push(p);
    else if (out.pop() === undefined) return undefined;
  }
  return out;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function kindOf(e: Dirent): SiblingDirEntry['kind'] {
  if (e.isSymbolicLink()) return 'symlink';
  if (e.isFile()) return 'file';
  if (e.isDirectory()) return 'directory';
  return 'other';
}

const OUTSIDE_READ = (): Promise<undefined> => Promise.resolve(undefined);

export class DirectoryNeighbourhood implements Neighbourhood {
  private lookups = 0;
  private realRoot: Promise<string | undefined> | undefined;

  constructor(
    /** The directory of the top-level file. */
    private readonly root: string,
    private readonly stats: IoStats,
    private readonly limits: Limits,
    /** Throws once the file's time budget is spent. */
    private readonly checkpoint: () => void,
  ) {}

  async sibling(rel: string): Promise<SiblingEntry | undefined> {
    const list = parts(rel);
    if (!list?.length) return undefined;
    this.spend();
    const path = join(this.root, ...list);
    const own = await lstat(path).catch(() => undefined);
    if (!own) return undefined;
    const linkTarget = own.isSymbolicLink()
      ? await readlink(path).catch(() => undefined)
      : undefined;
    const withLink = linkTarget !== undefined ? { linkTarget } : {};
    const [root, real] = await Promise.all([this.resolvedRoot(), realpath(path).catch(() => '')]);
    if (!root || !real) return undefined; // a broken link: nothing is there
    if (!inside(root, real)) {
      return { kind: 'other', size: 0, linksOutside: true, ...withLink, read: OUTSIDE_READ };
    }
    const info = await stat(real).catch(() => undefined);
    if (!info) return undefined;
    const kind = info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
    return {
      kind,
      size: kind === 'file' ? info.size : 0,
      linksOutside: false,
      ...withLink,
      read: kind === 'file' ? (limit) => this.read(real, limit) : OUTSIDE_READ,
    };
  }

  async listDir(rel: string): Promise<SiblingListing | undefined> {
    const list = parts(rel);
    if (!list) return undefined;
    this.spend();
    // A listed directory must not lie behind a link leading out.
    const [root, real] = await Promise.all([
      this.resolvedRoot(),
      realpath(join(this.root, ...list)).catch(() => ''),
    ]);
    if (!root || !real || !inside(root, real)) return undefined;
    const dir = await opendir(real, { bufferSize: 128 }).catch(() => undefined);
    if (!dir) return undefined;
    const entries: SiblingDirEntry[] = [];
    let truncated = false;
    try {
      for (let e = await dir.read(); e; e = await dir.read()) {
        if (entries.length >= this.limits.maxDirEntries) {
          truncated = true;
          break;
        }
        entries.push({ name: e.name, kind: kindOf(e) });
      }
    } catch {
      // A directory that fails part way is listed as far as it was read.
      truncated = true;
    } finally {
      await dir.close().catch(() => undefined);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { entries, truncated };
  }

  private spend(): void {
    this.checkpoint();
    if (++this.lookups > this.limits.maxSiblingLookups)
      throw new LimitExceeded(
        'maxSiblingLookups',
        this.limits.maxSiblingLookups,
        'too many files looked up around this file',
      );
  }

  private resolvedRoot(): Promise<string | undefined> {
    return (this.realRoot ??= realpath(this.root).catch(() => undefined));
  }

  private async read(real: string, limit: number): Promise<Buffer | undefined> {
    this.checkpoint();
    const cap = Math.min(limit, this.limits.maxInMemoryBytes);
    const handle = await open(real, OPEN_FLAGS).catch(() => undefined);
    if (!handle) return undefined;
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > cap) return undefined;
      const buf = Buffer.alloc(info.size);
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
        if (bytesRead === 0) break; // the file shrank under us
        got += bytesRead;
      }
      this.stats.bytesRead += got;
      return buf.subarray(0, got);
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
}

/** The answer for archive members, which have no files around them. */
export const NO_NEIGHBOURHOOD: Neighbourhood = {
  sibling: () => Promise.resolve(undefined),
  listDir: () => Promise.resolve(undefined),
};
