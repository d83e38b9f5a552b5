/**
 * What an entry is, from lstat or a directory listing, without ever opening it: a FIFO is never
 * opened (opening one blocks until a writer appears), nor a device.
 */
import type { Dirent, Stats, BigIntStats } from 'node:fs';
import type { SkipKind } from '../findings/finding.js';

export type EntryType =
  'file' | 'dir' | 'symlink' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'unknown';

type Typed = Pick<
  Dirent | Stats | BigIntStats,
  | 'isFile'
  | 'isDirectory'
  | 'isSymbolicLink'
  | 'isFIFO'
  | 'isSocket'
  | 'isCharacterDevice'
  | 'isBlockDevice'
>;

export function entryType(e: Typed): EntryType {
  if (e.isFile()) return 'file';
  if (e.isDirectory()) return 'dir';
  if (e.isSymbolicLink()) return 'symlink';
  if (e.isFIFO()) return 'fifo';
  if (e.isSocket()) return 'socket';
  if (e.isCharacterDevice()) return 'character-device';
  if (e.isBlockDevice()) return 'block-device';
  return 'unknown';
}

export type SpecialType = 'fifo' | 'socket' | 'character-device' | 'block-device';

export function isSpecial(t: EntryType): t is SpecialType {
  return t === 'fifo' || t === 'socket' || t === 'character-device' || t === 'block-device';
}

/** What each special file is, for messages. */
export const SPECIAL_LABEL: Readonly<Record<SpecialType, string>> = {
  fifo: 'a FIFO (named pipe)',
  socket: 'a socket',
  'character-device': 'a character device',
  'block-device': 'a block device',
};

/** Why a special file found in a tree is not read. */
export function specialReason(t: SpecialType, viaLink = false): string {
  const what = `${viaLink ? 'symbolic link to ' : ''}${SPECIAL_LABEL[t]}`;
  return t === 'fifo'
    ? `${what}: not opened (reading it would block, and a loader would get whatever a writer sends at load time)`
    : `${what}: not a file, not read`;
}

/** Skip kinds that the engine reports as findings. */
export const FINDING_KINDS: ReadonlySet<SkipKind> = new Set<SkipKind>([
  'fifo',
  'socket',
  'character-device',
  'block-device',
  'symlink-outside-root',
]);

/** Version-control internals: not artifacts. */
export const VCS_DIRS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn']);

export function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err) return String(err.code);
  return undefined;
}

export function describeError(err: unknown): string {
  const code = errorCode(err);
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENOTDIR') return 'a component of the path is not a directory';
  return err instanceof Error ? err.message : String(err);
}
