/**
 * A bounded tar reader on positioned reads: ustar, GNU (long names, base-256 sizes) and pax
 * headers. Member data stays where it is (each member is a window of the source), so skipping a
 * large member costs nothing. Like Python's tarfile, reading stops at the end-of-archive blocks
 * or at the first invalid header after the first member; what lies beyond is reported.
 */
import type { RandomAccessSource } from './source.js';

const BLOCK = 512;

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'device' | 'other';

export interface TarEntry {
  readonly name: string;
  readonly type: TarEntryType;
  readonly typeflag: string;
  readonly linkname: string;
  readonly size: number;
  /** Absolute offset of the member data in the source. */
  readonly dataOffset: number;
  readonly headerOffset: number;
}

export interface TarListing {
  readonly entries: TarEntry[];
  /** Offset where the archive proper ends (after the end-of-archive marker or last member). */
  readonly end: number;
  /** Why reading stopped early, if it did. */
  readonly problem?: { readonly message: string; readonly offset: number };
  readonly truncated: boolean;
}

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

function cstr(buf: Buffer, start: number, len: number): string {
  const slice = buf.subarray(start, start + len);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul < 0 ? slice.length : nul).toString('utf8');
}

function parseNumber(buf: Buffer, start: number, len: number): number | undefined {
  const field = buf.subarray(start, start + len);
  if (field[0]! & 0x80) {
    // GNU base-256: big-endian two's complement in the remaining bits.
    if (field[0] === 0xff) return undefined; // negative
    let v = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) v = v * 256 + field[i]!;
    return Number.isSafeInteger(v) ? v : undefined;
  }
  const text = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return undefined;
  return parseInt(text, 8);
}

function checksumOk(h: Buffer): boolean {
  const stored = parseNumber(h, 148, 8);
  if (stored === undefined) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : h[i]!;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

/** True when the block is a tar header with a valid checksum (for identification). */
export function isTarHeader(h: Buffer): boolean {
  if (h.length < BLOCK) return false;
  if (h.subarray(0, BLOCK).every((b) => b === 0)) return false;
  return checksumOk(h) && parseNumber(h, 124, 12) !== undefined;
}

function parsePax(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  const bytes = Buffer.from(text, 'utf8');
  while (pos < bytes.length) {
    const sp = bytes.indexOf(0x20, pos);
    if (sp < 0) break;
    const len = parseInt(bytes.toString('latin1', pos, sp), 10);
    if (!Number.isFinite(len) || len <= 0 || pos + len > bytes.length) break;
    const record = bytes.toString('utf8', sp + 1, pos + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    pos += len;
  }
  return out;
}

const MAX_META = 1024 * 1024;

export async function readTar(src: RandomAccessSource, maxMembers: number): Promise<TarListing> {
  const entries: TarEntry[] = [];
  let pos = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax = new Map<string, string>();
  let globalPax = new Map<string, string>();
  for (;;) {
    if (entries.length >= maxMembers) return { entries, end: pos, truncated: true };
    const h = await src.read(pos, BLOCK);
    if (h.length < BLOCK) {
      if (h.length === 0 && entries.length > 0) return { entries, end: pos, truncated: false };
      return {
        entries,
        end: pos,
        truncated: false,
        problem: {
          message: 'the archive ends inside a header (no end-of-archive marker)',
          offset: pos,
        },
      };
    }
    if (h.every((b) => b === 0)) return { entries, end: pos + BLOCK, truncated: false };
    if (!checksumOk(h)) {
      if (pos === 0) throw new TarFormatError('not a tar archive (bad header checksum)');
      return {
        entries,
        end: pos,
        truncated: false,
        problem: { message: 'invalid header checksum; tar readers stop here', offset: pos },
      };
    }
    const typeflag = String.fromCharCode(h[156]!) === '\0' ? '0' : String.fromCharCode(h[156]!);
    let size = parseNumber(h, 124, 12);
    if (size === undefined)
      return {
        entries,
        end: pos,
        truncated: false,
        problem: { message: 'unreadable size field', offset: pos },
      };
    const magic = h.toString('latin1', 257, 263);
    let name = cstr(h, 0, 100);
    if (magic === 'ustar\0') {
      const prefix = cstr(h, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    let linkname = cstr(h, 157, 100);
    const dataOffset = pos + BLOCK;
    const next = dataOffset + Math.ceil(size / BLOCK) * BLOCK;

    if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
      if (size > MAX_META)
        return {
          entries,
          end: pos,
          truncated: false,
          problem: {
            message: `metadata header of ${size} bytes is larger than supported`,
            offset: pos,
          },
        };
      const body = await src.read(dataOffset, size);
      if (typeflag === 'L') longName = cstr(body, 0, body.length);
      else if (typeflag === 'K') longLink = cstr(body, 0, body.length);
      else if (typeflag === 'x') pax = parsePax(body.toString('utf8'));
      else globalPax = new Map([...globalPax, ...parsePax(body.toString('utf8'))]);
      pos = next;
      continue;
    }
    const meta = new Map([...globalPax, ...pax]);
    name = meta.get('path') ?? longName ?? name;
    linkname = meta.get('linkpath') ?? longLink ?? linkname;
    const paxSize = meta.get('size');
    if (paxSize !== undefined && /^\d+$/.test(paxSize)) size = Number(paxSize);
    longName = longLink = undefined;
    pax = new Map();
    const type: TarEntryType =
      typeflag === '0' || typeflag === '7'
        ? 'file'
        : typeflag === '5'
          ? 'directory'
          : typeflag === '2'
            ? 'symlink'
            : typeflag === '1'
              ? 'hardlink'
              : typeflag === '3' || typeflag === '4' || typeflag === '6'
                ? 'device'
                : 'other';
    // Links and directories carry no data (their size field is ignored by readers).
    const dataSize = type === 'file' || type === 'other' ? size : 0;
    entries.push({ name, type, typeflag, linkname, size: dataSize, dataOffset, headerOffset: pos });
    pos = dataOffset + Math.ceil(dataSize / BLOCK) * BLOCK;
    if (dataOffset + dataSize > src.size)
      return {
        entries,
        end: src.size,
        truncated: false,
        problem: {
          message: `member ${JSON.stringify(name)} runs past the end of the archive`,
          offset: dataOffset,
        },
      };
  }
}
