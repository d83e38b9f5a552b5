/**
 * Bounded whole reads of small targets (metadata, manifests, source files), and the checks
 * scanners make on paths that metadata names relative to a model's directory. The files around
 * a target are reached through the scan context (`ctx.sibling`, `ctx.listDir`), never here.
 */
import { isAbsolute } from 'node:path';
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

/** Whether the target has files around it: a top-level file does, an archive member does not. */
export function hasNeighbourhood(target: ScanTarget): boolean {
  return target.member === undefined;
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
