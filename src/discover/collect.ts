/**
 * What a discovery gathers while it walks: files keyed by device and inode (so a file reached
 * under several names is scanned once), skipped entries, errors, listings and work counts.
 */
import type { BigIntStats } from 'node:fs';
import type { FileRole, OperationalError, SkipKind, SkippedEntry } from '../findings/finding.js';
import type { FsPath } from './fs-path.js';
import { Listings, type UnitScope } from './units.js';
import type { DiscoverStats, ModelUnit } from './types.js';

export interface FileRecord {
  path: string;
  fsPath: FsPath;
  relative: string;
  readonly size: number;
  readonly role: FileRole;
  /** device:inode */
  readonly key: string;
  /** Where its unit is looked for. */
  readonly scope: UnitScope;
  /** Reached through a symbolic link (a plain name for the same file is preferred). */
  viaLink?: boolean;
  readonly aliases: string[];
  unit?: ModelUnit;
}

export function fileKey(info: BigIntStats): string {
  return `${info.dev}:${info.ino}`;
}

export class Collector {
  readonly files = new Map<string, FileRecord>();
  readonly skipped: SkippedEntry[] = [];
  readonly errors: OperationalError[] = [];
  readonly stats: DiscoverStats = {
    entriesVisited: 0,
    directoriesRead: 0,
    linksResolved: 0,
    notSelected: 0,
    shardKeys: 0,
  };
  readonly listings = new Listings(this.stats);
  /** device:inode of every directory walked. */
  readonly seenDirs = new Set<string>();

  /** Adds a file, or records its name as another name of a file already found. */
  addFile(file: Omit<FileRecord, 'aliases'>): FileRecord {
    const known = this.files.get(file.key);
    if (known) {
      if (known.viaLink && !file.viaLink) {
        known.aliases.push(known.path);
        known.path = file.path;
        known.fsPath = file.fsPath;
        known.relative = file.relative;
        known.viaLink = false;
      } else if (known.path !== file.path && !known.aliases.includes(file.path))
        known.aliases.push(file.path);
      return known;
    }
    const rec: FileRecord = { ...file, aliases: [] };
    this.files.set(file.key, rec);
    return rec;
  }

  skip(path: string, kind: SkipKind, reason: string, target?: string, dangling?: boolean): void {
    this.skipped.push({
      path,
      kind,
      reason,
      ...(target !== undefined ? { target } : {}),
      ...(dangling ? { dangling } : {}),
    });
  }
}
