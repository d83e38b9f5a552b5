/**
 * Bounded whole reads of small targets (metadata, manifests, source files) and sibling files
 * of a top-level file on disk (the directory layout around a model).
 */
import { open, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { readAll } from '../../../io/stream.js';
import type { ScanTarget } from '../../base.js';

/** Reads the whole target, or returns undefined when it is larger than `limit`. */
export async function readWhole(target: ScanTarget, limit: number): Promise<Buffer | undefined> {
  if (target.size !== undefined && target.size > limit) return undefined;
  if (target.size !== undefined && target.head.length >= target.size)
    return target.head.subarray(0, target.size);
  if (target.source) {
    if (target.source.size > limit) return undefined;
    return target.source.read(0, target.source.size);
  }
  const stream = target.openStream();
  try {
    return await readAll(stream, limit);
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  } finally {
    await stream.close();
  }
}

/** Decodes UTF-8 text (a BOM is dropped); undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(buf: Buffer): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** The directory of a top-level file on disk; undefined for archive members. */
export function directoryOf(target: ScanTarget): string | undefined {
  return target.member === undefined ? dirname(target.path) : undefined;
}

/** Why a relative reference leaves its directory, or undefined when it stays inside. */
export function escapeReason(ref: string): string | undefined {
  if (ref.includes('\0')) return 'contains a NUL byte';
  if (isAbsolute(ref) || /^[\\/]/.test(ref)) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(ref)) return 'names a drive';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return 'is a URL';
  if (/^~/.test(ref)) return 'starts in a home directory';
  const parts = ref.split(/[\\/]+/);
  let depth = 0;
  for (const p of parts) {
    if (p === '..') depth--;
    else if (p !== '.' && p !== '') depth++;
    if (depth < 0) return 'climbs out of the directory with ..';
  }
  return undefined;
}

export type EntryKind = 'file' | 'dir' | undefined;

/** What `rel` names inside `dir` (never following it out of `dir`). */
export async function entryKind(dir: string, rel: string): Promise<EntryKind> {
  if (escapeReason(rel)) return undefined;
  const path = normalize(join(dir, rel));
  if (!path.startsWith(normalize(dir) + sep) && path !== normalize(dir)) return undefined;
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a small file inside `dir`; undefined when missing, not a file or larger than `limit`. */
export async function readSibling(
  dir: string,
  rel: string,
  limit: number,
): Promise<Buffer | undefined> {
  if ((await entryKind(dir, rel)) !== 'file') return undefined;
  const handle = await open(join(dir, rel), 'r');
  try {
    const s = await handle.stat();
    if (s.size > limit) return undefined;
    const buf = Buffer.alloc(s.size);
    const { bytesRead } = await handle.read(buf, 0, s.size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
