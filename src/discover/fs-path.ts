/**
 * File names are bytes. A name that is not valid UTF-8 cannot round-trip through a JavaScript
 * string, so such paths are kept as Buffers for the filesystem and shown with the invalid
 * bytes written as \xNN. Valid names (newlines included) stay plain strings.
 */
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/** A path as the filesystem takes it. */
export type FsPath = string | Buffer;

const strict = new TextDecoder('utf-8', { fatal: true });

/** The name as a string when it is valid UTF-8, else undefined. */
export function decodeName(name: Buffer): string | undefined {
  try {
    return strict.decode(name);
  } catch {
    return undefined;
  }
}

/** A printable stand-in for a name that is not valid UTF-8: invalid bytes become \xNN. */
export function escapeInvalidUtf8(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    const n =
      c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c <= 0xf4 ? 4 : 0;
    if (c >= 0x80 && c < 0xc2) {
      out += hex(c);
      i++;
      continue;
    }
    if (n > 0 && i + n <= bytes.length) {
      const s = decodeName(bytes.subarray(i, i + n));
      if (s !== undefined) {
        out += s;
        i += n;
        continue;
      }
    }
    out += hex(c);
    i++;
  }
  return out;
}

function hex(c: number): string {
  return `\\x${c.toString(16).padStart(2, '0')}`;
}

/** Shows any FsPath as text. */
export function display(p: FsPath): string {
  if (typeof p === 'string') return p;
  const s = decodeName(p);
  return s ?? escapeInvalidUtf8(p);
}

/** `dir/name`, staying a string while every part is valid UTF-8. */
export function childOf(dir: FsPath, name: Buffer): FsPath {
  const text = decodeName(name);
  if (typeof dir === 'string' && text !== undefined) return join(dir, text);
  const base = typeof dir === 'string' ? Buffer.from(normalize(dir)) : dir;
  const slash = base.length > 0 && base[base.length - 1] === sep.charCodeAt(0);
  return Buffer.concat([base, slash ? Buffer.alloc(0) : Buffer.from(sep), name]);
}

/** A path the filesystem returned (realpath, readlink), as a string when it is valid UTF-8. */
export function fromFs(p: string | Buffer): FsPath {
  if (typeof p === 'string') return p;
  return decodeName(p) ?? p;
}

/** Whether `path` is `dir` or lies under it (both absolute and resolved). */
export function isInside(path: FsPath, dir: FsPath): boolean {
  if (typeof path === 'string' && typeof dir === 'string') {
    const rel = relative(dir, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }
  const p = typeof path === 'string' ? Buffer.from(path) : path;
  const d = typeof dir === 'string' ? Buffer.from(dir) : dir;
  if (p.equals(d)) return true;
  const prefix = d[d.length - 1] === sep.charCodeAt(0) ? d : Buffer.concat([d, Buffer.from(sep)]);
  return p.length > prefix.length && p.subarray(0, prefix.length).equals(prefix);
}
