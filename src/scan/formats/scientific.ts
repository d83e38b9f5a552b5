/**
 * Data files of scientific software that ML packages ship and read: MATLAB v4 and v5/v7 MAT-files
 * (v7.3 is HDF5 and goes to the HDF5 scanner) and IDL save files. They hold arrays, strings and
 * structs; scipy.io reads MATLAB objects and function handles as opaque records and ignores IDL
 * compiled routines, so nothing in them runs in Python. They are recognised by content and
 * walked element by element, so a file is never "unknown" and a broken one is said to be broken.
 */
import type { Scanner } from '../base.js';
import { FormatError, PagedReader } from '../../io/paged.js';
import { parseStructure } from './common/structure.js';

/** Elements walked before the rest of a file is taken on trust (each is one small read). */
const MAX_ELEMENTS = 100_000;

// ---- MATLAB v5 / v7 -------------------------------------------------------------------------

/** "MATLAB 5.0 MAT-file…" text, then at 124 the version 0x0100 and the endian mark IM or MI. */
export function isMatlabV5(head: Buffer): boolean {
  if (head.length < 136 || head.toString('latin1', 0, 7) !== 'MATLAB ') return false;
  const mark = head.toString('latin1', 126, 128);
  if (mark === 'IM') return head.readUInt16LE(124) === 0x0100;
  if (mark === 'MI') return head.readUInt16BE(124) === 0x0100;
  return false;
}

/** MATLAB data types of top-level elements (miINT8 … miUTF32). */
const MAT_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 9, 12, 13, 14, 15, 16, 17, 18]);
const MI_MATRIX = 14;
const MI_COMPRESSED = 15;

export const matlabV5Scanner: Scanner = {
  id: 'matlab-v5',
  formats: ['matlab-v5'],
  rules: ['MA5614'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    const little = (await r.bytes(126, 2)).toString('latin1') === 'IM';
    const u32 = async (o: number): Promise<number> => {
      const b = await r.bytes(o, 4);
      return little ? b.readUInt32LE(0) : b.readUInt32BE(0);
    };
    const counts = { matrices: 0, compressed: 0 };
    await parseStructure(
      ctx,
      'MATLAB MAT-file',
      async () => {
        let pos = 128;
        for (let n = 0; pos < r.size && n < MAX_ELEMENTS; n++) {
          if (n % 4096 === 0) ctx.checkpoint();
          if (pos + 8 > r.size) throw new FormatError(`element tag at ${pos} is cut off`);
          const tag = await u32(pos);
          if (tag >>> 16 !== 0) {
            pos += 8; // small data element: type and size in one word, data in the next
            continue;
          }
          const size = await u32(pos + 4);
          if (!MAT_TYPES.has(tag))
            throw new FormatError(`element at ${pos} has unknown type ${tag}`);
          if (pos + 8 + size > r.size)
            throw new FormatError(
              `element at ${pos} declares ${size} bytes, past the end of the ${r.size}-byte file`,
            );
          if (tag === MI_COMPRESSED) {
            const z = await r.bytes(pos + 8, Math.min(2, size));
            if (size < 2 || (z[0]! & 0x0f) !== 8 || ((z[0]! << 8) | z[1]!) % 31 !== 0)
              throw new FormatError(`compressed element at ${pos} is not zlib data`);
            counts.compressed++;
          } else if (tag === MI_MATRIX) counts.matrices++;
          // Elements are padded to 8 bytes, except compressed ones.
          pos += 8 + (tag === MI_COMPRESSED ? size : Math.ceil(size / 8) * 8);
        }
      },
      'MA5614',
    );
    ctx.detail('matlab', { version: '5', ...counts });
  },
};

// ---- MATLAB v4 ------------------------------------------------------------------------------

/** Bytes per element of the v4 precision digit P (double, single, int32, int16, uint16, uint8). */
const V4_SIZES = [8, 4, 4, 2, 2, 1];

interface V4Header {
  readonly little: boolean;
  /** Header, name and data: where the next matrix starts. */
  readonly bytes: number;
}

/**
 * One v4 matrix header at `at`: MOPT, rows, columns, imaginary flag, name length. Of the two
 * byte orders, the one whose matrix fits in the `size` bytes from 0 wins; a header that fits in
 * neither is still returned (a truncated file), with the first byte order that reads it.
 */
function v4Header(b: Buffer, at: number, size: number): V4Header | undefined {
  if (at + 20 > b.length) return undefined;
  let first: V4Header | undefined;
  for (const little of [true, false]) {
    const int = (o: number): number => (little ? b.readInt32LE(at + o) : b.readInt32BE(at + o));
    const mopt = int(0);
    if (mopt < 0 || mopt > 4052) continue;
    const m = Math.floor(mopt / 1000);
    const o = Math.floor(mopt / 100) % 10;
    const p = Math.floor(mopt / 10) % 10;
    const t = mopt % 10;
    // M 0 is little-endian IEEE, 1 big-endian (2-4: VAX and Cray, read as written).
    if (o !== 0 || p > 5 || t > 2 || (m === 0 && !little) || (m === 1 && little)) continue;
    const rows = int(4);
    const cols = int(8);
    const imag = int(12);
    const namlen = int(16);
    if (rows < 0 || cols < 0 || (imag !== 0 && imag !== 1) || namlen < 1 || namlen > 256) continue;
    const bytes = 20 + namlen + rows * cols * V4_SIZES[p]! * (imag ? 2 : 1);
    const h = { little, bytes };
    if (at + bytes <= size) return h;
    first ??= h;
  }
  return first;
}

/** The name of a v4 matrix: printable, NUL-terminated. */
function v4Name(b: Buffer, at: number, little: boolean): boolean {
  const namlen = little ? b.readInt32LE(at + 16) : b.readInt32BE(at + 16);
  if (at + 20 + namlen > b.length) return true; // beyond the sniffed bytes: taken on trust
  const name = b.subarray(at + 20, at + 20 + namlen);
  return name[namlen - 1] === 0 && /^[\x21-\x7e]+$/.test(name.toString('latin1', 0, namlen - 1));
}

/**
 * A MAT-file v4 has no magic: a run of matrix headers that are plausible, with printable names
 * and sizes that add up to the file. The headers within the first bytes are checked here (a
 * matrix running past the end is a truncated file, still MATLAB), the rest by the scanner.
 * Whatever matches starts with a small integer, so it cannot also start a pickle.
 */
export function isMatlabV4(head: Buffer, size: number | undefined): boolean {
  if (size === undefined || size < 21) return false;
  let at = 0;
  for (let n = 0; at < size; n++) {
    if (at + 20 > head.length) return n > 0;
    const h = v4Header(head, at, size);
    if (!h || !v4Name(head, at, h.little)) return false;
    at += h.bytes;
  }
  return true;
}

export const matlabV4Scanner: Scanner = {
  id: 'matlab-v4',
  formats: ['matlab-v4'],
  rules: ['MA5614'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    let matrices = 0;
    await parseStructure(
      ctx,
      'MATLAB v4 MAT-file',
      async () => {
        let at = 0;
        while (at < r.size) {
          if (++matrices % 4096 === 0) ctx.checkpoint();
          if (matrices > MAX_ELEMENTS) return;
          const head = await r.bytes(at, Math.min(20 + 256, r.size - at));
          const h = v4Header(head, 0, r.size - at);
          if (!h) throw new FormatError(`no valid matrix header at ${at}`);
          if (at + h.bytes > r.size)
            throw new FormatError(
              `matrix at ${at} needs ${h.bytes} bytes, past the end of the ${r.size}-byte file`,
            );
          at += h.bytes;
        }
      },
      'MA5614',
    );
    ctx.detail('matlab', { version: '4', matrices });
  },
};

// ---- IDL save files -------------------------------------------------------------------------

/** Record types scipy.io.readsav knows (RECTYPE_DICT). */
const IDL_RECORDS: ReadonlyMap<number, string> = new Map([
  [0, 'START_MARKER'],
  [1, 'COMMON_VARIABLE'],
  [2, 'VARIABLE'],
  [3, 'SYSTEM_VARIABLE'],
  [6, 'END_MARKER'],
  [10, 'TIMESTAMP'],
  [12, 'COMPILED'],
  [13, 'IDENTIFICATION'],
  [14, 'VERSION'],
  [15, 'HEAP_HEADER'],
  [16, 'HEAP_DATA'],
  [17, 'PROMOTE64'],
  [19, 'NOTICE'],
  [20, 'DESCRIPTION'],
]);
const END_MARKER = 6;

/** "SR", then record format 0x0004 (0x0006 compressed), then a known first record. */
export function isIdlSave(head: Buffer): boolean {
  if (head.length < 20 || head.toString('latin1', 0, 2) !== 'SR' || head[2] !== 0) return false;
  return (head[3] === 4 || head[3] === 6) && IDL_RECORDS.has(head.readInt32BE(4));
}

export const idlSaveScanner: Scanner = {
  id: 'idl-save',
  formats: ['idl-sav'],
  rules: ['MA5613', 'MA5614'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    const kinds = new Map<string, number>();
    await parseStructure(
      ctx,
      'IDL save file',
      async () => {
        // Each record: type, the offset of the next record (low and high word), 4 bytes unused.
        let pos = 4;
        for (let n = 0; n < MAX_ELEMENTS; n++) {
          if (n % 4096 === 0) ctx.checkpoint();
          const head = await r.bytes(pos, 12);
          const type = head.readInt32BE(0);
          const kind = IDL_RECORDS.get(type);
          if (!kind) throw new FormatError(`record at ${pos} has unknown type ${type}`);
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          if (type === END_MARKER) return;
          const next = head.readUInt32BE(4) + head.readUInt32BE(8) * 2 ** 32;
          if (next <= pos || next > r.size)
            throw new FormatError(
              `record at ${pos} points to ${next}, outside the rest of the file`,
            );
          pos = next;
        }
      },
      'MA5614',
    );
    const compiled = kinds.get('COMPILED') ?? 0;
    if (compiled > 0)
      ctx.report({
        ruleId: 'MA5613',
        message: `IDL save file holds ${compiled} compiled routine${compiled > 1 ? 's' : ''}, which IDL's RESTORE loads`,
        evidence: `${compiled} COMPILED record${compiled > 1 ? 's' : ''}`,
      });
    ctx.detail('idl', { compressed: target.head[3] === 6, records: Object.fromEntries(kinds) });
  },
};
