/**
 * The entropy coders of zstd (RFC 8878): bit reading, FSE tables and Huffman literals. Pure
 * functions over byte arrays; every table is bounded by the format (FSE 2^9 cells, Huffman
 * 2^12), so nothing here allocates in proportion to attacker-chosen sizes.
 */
import { DecodeError } from './bytes-input.js';

export class ZstdCorrupt extends DecodeError {
  override name = 'ZstdCorrupt';
}

export function corrupt(why: string): never {
  throw new ZstdCorrupt(`corrupt zstd data: ${why}`);
}

/** Index of the highest set bit (n > 0). */
export function highBit(n: number): number {
  return 31 - Math.clz32(n);
}

/**
 * Bits [off, off + n) of the little-endian bit string starting at src[start] (n ≤ 24). Bits
 * below bit 0 read as zeros, as the backward streams of zstd require at their very start.
 */
export function bitsAt(src: Uint8Array, start: number, off: number, n: number): number {
  if (n === 0) return 0;
  if (off < 0) return off + n <= 0 ? 0 : bitsAt(src, start, 0, off + n) << -off;
  const i = start + (off >>> 3);
  const v =
    (src[i] ?? 0) |
    ((src[i + 1] ?? 0) << 8) |
    ((src[i + 2] ?? 0) << 16) |
    ((src[i + 3] ?? 0) << 24);
  return (v >>> (off & 7)) & ((1 << n) - 1);
}

/** Like bitsAt for up to 31 bits (offset codes). */
export function wideBitsAt(src: Uint8Array, start: number, off: number, n: number): number {
  if (n <= 24) return bitsAt(src, start, off, n);
  return bitsAt(src, start, off, 16) + bitsAt(src, start, off + 16, n - 16) * 65536;
}

/** Bit position just below the end marker of a backward stream src[start, end). */
export function backwardStart(src: Uint8Array, start: number, end: number): number {
  if (end <= start) corrupt('empty bitstream');
  const last = src[end - 1]!;
  if (last === 0) corrupt('bitstream without an end marker');
  return (end - start - 1) * 8 + highBit(last);
}

/** An FSE decoding table: per state, its symbol, the bits to read and the next state's base. */
export interface FseTable {
  readonly log: number;
  readonly symbol: Uint8Array;
  readonly bits: Uint8Array;
  readonly base: Uint16Array;
}

/** Builds a table from normalised counts (-1 = "less than one"), as the format spreads them. */
export function buildFse(norm: Int16Array, symbols: number, log: number): FseTable {
  const size = 1 << log;
  const symbol = new Uint8Array(size);
  const bits = new Uint8Array(size);
  const base = new Uint16Array(size);
  const next = new Uint16Array(256);
  let high = size;
  for (let s = 0; s < symbols; s++) {
    if (norm[s] === -1) {
      symbol[--high] = s;
      next[s] = 1;
    }
  }
  const step = (size >>> 1) + (size >>> 3) + 3;
  const mask = size - 1;
  let pos = 0;
  for (let s = 0; s < symbols; s++) {
    const n = norm[s]!;
    if (n <= 0) continue;
    next[s] = n;
    for (let i = 0; i < n; i++) {
      symbol[pos] = s;
      do pos = (pos + step) & mask;
      while (pos >= high);
    }
  }
  if (pos !== 0) corrupt('FSE distribution does not fill its table');
  for (let i = 0; i < size; i++) {
    const d = next[symbol[i]!]!++;
    const nb = log - highBit(d);
    bits[i] = nb;
    base[i] = (d << nb) - size;
  }
  return { log, symbol, bits, base };
}

/** A table that always yields `sym` and reads no bits (RLE mode). */
export function rleFse(sym: number): FseTable {
  return {
    log: 0,
    symbol: Uint8Array.of(sym),
    bits: new Uint8Array(1),
    base: new Uint16Array(1),
  };
}

/**
 * Reads an FSE distribution (forward bit stream at src[pos…]) and builds its table; returns the
 * table and the position of the first byte after the description.
 */
export function readFse(
  src: Uint8Array,
  pos: number,
  end: number,
  maxLog: number,
  maxSymbol: number,
): { table: FseTable; end: number } {
  if (pos >= end) corrupt('truncated FSE description');
  let off = 0;
  const log = bitsAt(src, pos, 0, 4) + 5;
  off = 4;
  if (log > maxLog) corrupt(`FSE accuracy ${log} above ${maxLog}`);
  let remaining = 1 << log;
  const norm = new Int16Array(256);
  let s = 0;
  while (remaining > 0 && s <= maxSymbol) {
    const nbits = highBit(remaining + 1) + 1;
    let val = bitsAt(src, pos, off, nbits);
    const lowerMask = (1 << (nbits - 1)) - 1;
    const threshold = (1 << nbits) - 1 - (remaining + 1);
    if ((val & lowerMask) < threshold) {
      off += nbits - 1;
      val &= lowerMask;
    } else {
      off += nbits;
      if (val > lowerMask) val -= threshold;
    }
    const proba = val - 1;
    remaining -= proba < 0 ? -proba : proba;
    norm[s++] = proba;
    if (proba === 0) {
      for (;;) {
        const repeat = bitsAt(src, pos, off, 2);
        off += 2;
        for (let i = 0; i < repeat && s <= maxSymbol; i++) norm[s++] = 0;
        if (repeat !== 3) break;
      }
    }
    if (pos + (off >>> 3) > end) corrupt('truncated FSE description');
  }
  if (remaining !== 0 || s > maxSymbol + 1) corrupt('bad FSE distribution');
  const bytes = (off + 7) >>> 3;
  if (pos + bytes > end) corrupt('truncated FSE description');
  return { table: buildFse(norm, s, log), end: pos + bytes };
}

/** A Huffman decoding table indexed by the next `maxBits` bits of the stream. */
export interface HuffTable {
  readonly maxBits: number;
  readonly symbol: Uint8Array;
  readonly bits: Uint8Array;
}

const HUF_MAX_BITS = 12;

/** Reads a Huffman tree description at src[pos…]; returns the table and the next position. */
export function readHuffman(
  src: Uint8Array,
  pos: number,
  end: number,
): { table: HuffTable; end: number } {
  if (pos >= end) corrupt('truncated Huffman description');
  const header = src[pos++]!;
  const weights = new Uint8Array(256);
  let count: number;
  if (header >= 128) {
    count = header - 127;
    const bytes = (count + 1) >>> 1;
    if (pos + bytes > end) corrupt('truncated Huffman weights');
    for (let i = 0; i < count; i++) {
      const b = src[pos + (i >>> 1)]!;
      weights[i] = i & 1 ? b & 15 : b >>> 4;
    }
    pos += bytes;
  } else {
    if (pos + header > end) corrupt('truncated Huffman weights');
    count = fseWeights(src, pos, pos + header, weights);
    pos += header;
  }
  return { table: huffmanFromWeights(weights, count), end: pos };
}

/** Huffman weights compressed with FSE: two interleaved states over one backward stream. */
function fseWeights(src: Uint8Array, start: number, end: number, out: Uint8Array): number {
  const { table, end: dataStart } = readFse(src, start, end, 6, 255);
  let off = backwardStart(src, dataStart, end);
  off -= table.log;
  let s1 = bitsAt(src, dataStart, off, table.log);
  off -= table.log;
  let s2 = bitsAt(src, dataStart, off, table.log);
  let n = 0;
  for (;;) {
    if (n >= 255) corrupt('too many Huffman weights');
    out[n++] = table.symbol[s1]!;
    let nb = table.bits[s1]!;
    off -= nb;
    s1 = table.base[s1]! + bitsAt(src, dataStart, off, nb);
    if (off < 0) {
      if (n >= 255) corrupt('too many Huffman weights');
      out[n++] = table.symbol[s2]!;
      break;
    }
    if (n >= 255) corrupt('too many Huffman weights');
    out[n++] = table.symbol[s2]!;
    nb = table.bits[s2]!;
    off -= nb;
    s2 = table.base[s2]! + bitsAt(src, dataStart, off, nb);
    if (off < 0) {
      if (n >= 255) corrupt('too many Huffman weights');
      out[n++] = table.symbol[s1]!;
      break;
    }
  }
  return n;
}

function huffmanFromWeights(weights: Uint8Array, count: number): HuffTable {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i]!;
    if (w > HUF_MAX_BITS) corrupt('Huffman weight too large');
    if (w > 0) sum += 1 << (w - 1);
  }
  if (sum === 0) corrupt('Huffman weights are all zero');
  const maxBits = highBit(sum) + 1;
  if (maxBits > HUF_MAX_BITS) corrupt('Huffman table too deep');
  const left = (1 << maxBits) - sum;
  if (left & (left - 1)) corrupt('Huffman weights do not sum to a power of two');
  weights[count] = highBit(left) + 1;
  const n = count + 1;
  const size = 1 << maxBits;
  const symbol = new Uint8Array(size);
  const bits = new Uint8Array(size);
  // Codes go to the lowest weights first, symbols in natural order within a weight.
  const rankStart = new Uint32Array(HUF_MAX_BITS + 2);
  const rankCount = new Uint32Array(HUF_MAX_BITS + 2);
  for (let i = 0; i < n; i++) if (weights[i]! > 0) rankCount[weights[i]!]!++;
  let next = 0;
  for (let w = 1; w <= maxBits; w++) {
    rankStart[w] = next;
    next += rankCount[w]! << (w - 1);
  }
  if (next !== size) corrupt('bad Huffman weights');
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const len = 1 << (w - 1);
    const at = rankStart[w]!;
    symbol.fill(i, at, at + len);
    bits.fill(maxBits + 1 - w, at, at + len);
    rankStart[w] = at + len;
  }
  return { maxBits, symbol, bits };
}

/** Decodes one Huffman stream src[start, end) into exactly out[o, oEnd). */
function huffStream(
  src: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  o: number,
  oEnd: number,
  t: HuffTable,
): void {
  const maxBits = t.maxBits;
  const mask = (1 << maxBits) - 1;
  const symbol = t.symbol;
  const bits = t.bits;
  let off = backwardStart(src, start, end) - maxBits;
  let state = bitsAt(src, start, off, maxBits);
  while (off > -maxBits) {
    if (o >= oEnd) corrupt('Huffman stream longer than its literals');
    out[o++] = symbol[state]!;
    const nb = bits[state]!;
    off -= nb;
    state = ((state << nb) | bitsAt(src, start, off, nb)) & mask;
  }
  if (off !== -maxBits || o !== oEnd) corrupt('Huffman stream does not end where it should');
}

/** Huffman-coded literals, one stream or four with a jump table. */
export function huffLiterals(
  src: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  size: number,
  fourStreams: boolean,
  t: HuffTable,
): void {
  if (!fourStreams) {
    huffStream(src, start, end, out, 0, size, t);
    return;
  }
  if (start + 6 > end) corrupt('truncated Huffman jump table');
  const s1 = src[start]! | (src[start + 1]! << 8);
  const s2 = src[start + 2]! | (src[start + 3]! << 8);
  const s3 = src[start + 4]! | (src[start + 5]! << 8);
  const seg = (size + 3) >>> 2;
  if (3 * seg > size) corrupt('too few literals for four streams');
  let p = start + 6;
  const ends = [p + s1, p + s1 + s2, p + s1 + s2 + s3, end];
  if (ends[2]! >= end) corrupt('Huffman streams overrun their section');
  for (let k = 0; k < 4; k++) {
    const e = ends[k]!;
    huffStream(src, p, e, out, k * seg, k === 3 ? size : (k + 1) * seg, t);
    p = e;
  }
}
