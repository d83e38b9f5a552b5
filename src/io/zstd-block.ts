/**
 * One zstd frame's block decoder (RFC 8878): literals, sequences and their execution into the
 * frame's history. The history is a flat buffer that keeps the last window of output in front
 * of the write position and slides it down when full, so every byte costs O(1) however the
 * blocks are cut (a decoder that moves the whole window per block is quadratic on a stream of
 * one-byte blocks).
 */
import {
  bitsAt,
  backwardStart,
  buildFse,
  corrupt,
  huffLiterals,
  readFse,
  readHuffman,
  rleFse,
  wideBitsAt,
  type FseTable,
  type HuffTable,
} from './zstd-entropy.js';

export const BLOCK_MAX = 128 * 1024;

const LL_BASE = Uint32Array.of(
  0,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  12,
  13,
  14,
  15,
  16,
  18,
  20,
  22,
  24,
  28,
  32,
  40,
  48,
  64,
  128,
  256,
  512,
  1024,
  2048,
  4096,
  8192,
  16384,
  32768,
  65536,
);
const LL_BITS = Uint8Array.of(
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  6,
  7,
  8,
  9,
  10,
  11,
  12,
  13,
  14,
  15,
  16,
);
const ML_BASE = Uint32Array.of(
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  12,
  13,
  14,
  15,
  16,
  17,
  18,
  19,
  20,
  21,
  22,
  23,
  24,
  25,
  26,
  27,
  28,
  29,
  30,
  31,
  32,
  33,
  34,
  35,
  37,
  39,
  41,
  43,
  47,
  51,
  59,
  67,
  83,
  99,
  131,
  259,
  515,
  1027,
  2051,
  4099,
  8195,
  16387,
  32771,
  65539,
);
const ML_BITS = Uint8Array.of(
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  7,
  8,
  9,
  10,
  11,
  12,
  13,
  14,
  15,
  16,
);
const LL_DEFAULT = Int16Array.of(
  4,
  3,
  2,
  2,
  2,
  2,
  2,
  2,
  2,
  2,
  2,
  2,
  2,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  2,
  2,
  2,
  2,
  2,
  3,
  2,
  1,
  1,
  1,
  1,
  1,
  -1,
  -1,
  -1,
  -1,
);
const OF_DEFAULT = Int16Array.of(
  1,
  1,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  -1,
  -1,
  -1,
  -1,
  -1,
);
const ML_DEFAULT = Int16Array.of(
  1,
  4,
  3,
  2,
  2,
  2,
  2,
  2,
  2,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  -1,
  -1,
  -1,
  -1,
  -1,
  -1,
  -1,
);

/** Literal lengths, offsets, match lengths: largest code, largest accuracy, default table. */
const KINDS = [
  { maxSymbol: 35, maxLog: 9, norm: LL_DEFAULT, log: 6 },
  { maxSymbol: 31, maxLog: 8, norm: OF_DEFAULT, log: 5 },
  { maxSymbol: 52, maxLog: 9, norm: ML_DEFAULT, log: 6 },
] as const;

/** The predefined tables, built on first use (immutable afterwards). */
let defaults: FseTable[] | undefined;
function defaultTable(kind: number): FseTable {
  defaults ??= KINDS.map((k) => buildFse(k.norm, k.norm.length, k.log));
  return defaults[kind]!;
}

/** The output of one frame: its history and the bytes not handed out yet. */
export class FrameOutput {
  buf: Uint8Array;
  /** Write position; buf[0, pos) is history (at most `window` of it is needed). */
  pos = 0;
  /** Bytes of buf[0, pos) already handed out. */
  flushed = 0;
  /** Bytes written by the frame so far. */
  total = 0;
  /** Bytes of history copied when the buffer grew or slid (the cost of keeping the window). */
  moved = 0;

  constructor(
    readonly window: number,
    /** Room kept past the window before sliding, so sliding costs O(1) per byte. */
    private readonly capacity: number,
  ) {
    this.buf = new Uint8Array(Math.min(capacity, 1 << 20));
  }

  /** Makes room for `n` more bytes at pos (n ≤ BLOCK_MAX); hand out pending bytes first. */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.buf.length < this.capacity) {
      const bigger = new Uint8Array(
        Math.min(this.capacity, Math.max(this.buf.length * 2, this.pos + n)),
      );
      bigger.set(this.buf.subarray(0, this.pos));
      this.moved += this.pos;
      this.buf = bigger;
      if (this.pos + n <= this.buf.length) return;
    }
    // Slide the last window of history to the front.
    if (this.flushed !== this.pos) throw new Error('zstd output must be taken before sliding');
    const keep = Math.min(this.window, this.pos);
    this.buf.copyWithin(0, this.pos - keep, this.pos);
    this.moved += keep;
    this.pos = keep;
    this.flushed = keep;
  }

  /** The bytes written since the last call (a copy). */
  take(): Buffer | undefined {
    if (this.pos === this.flushed) return undefined;
    const out = Buffer.from(this.buf.subarray(this.flushed, this.pos));
    this.flushed = this.pos;
    return out;
  }
}

/** State carried from block to block within a frame. */
export class FrameState {
  huff: HuffTable | undefined;
  tables: (FseTable | undefined)[] = [undefined, undefined, undefined];
  rep = [1, 4, 8];
  readonly literals = new Uint8Array(BLOCK_MAX);

  constructor(readonly out: FrameOutput) {}
}

/** Decodes a compressed block src[start, end) into the frame's output. */
export function compressedBlock(
  src: Uint8Array,
  start: number,
  end: number,
  st: FrameState,
  blockMax: number,
): void {
  let p = start;
  // Literals section header.
  const b0 = src[p]!;
  const type = b0 & 3;
  const sf = (b0 >>> 2) & 3;
  let regen: number;
  let comp = 0;
  let four = false;
  if (type < 2) {
    if (sf === 0 || sf === 2) {
      regen = b0 >>> 3;
      p += 1;
    } else if (sf === 1) {
      regen = (b0 >>> 4) | (src[p + 1]! << 4);
      p += 2;
    } else {
      regen = (b0 >>> 4) | (src[p + 1]! << 4) | (src[p + 2]! << 12);
      p += 3;
    }
  } else {
    const b1 = src[p + 1]!;
    const b2 = src[p + 2]!;
    if (sf < 2) {
      four = sf === 1;
      regen = (b0 >>> 4) | ((b1 & 0x3f) << 4);
      comp = (b1 >>> 6) | (b2 << 2);
      p += 3;
    } else if (sf === 2) {
      four = true;
      const b3 = src[p + 3]!;
      regen = (b0 >>> 4) | (b1 << 4) | ((b2 & 3) << 12);
      comp = (b2 >>> 2) | (b3 << 6);
      p += 4;
    } else {
      four = true;
      const b3 = src[p + 3]!;
      const b4 = src[p + 4]!;
      regen = (b0 >>> 4) | (b1 << 4) | ((b2 & 0x3f) << 12);
      comp = (b2 >>> 6) | (b3 << 2) | (b4 << 10);
      p += 5;
    }
  }
  if (p > end) corrupt('truncated literals header');
  if (regen > blockMax) corrupt('more literals than a block holds');
  const lit = st.literals;
  if (type === 0) {
    if (p + regen > end) corrupt('truncated raw literals');
    lit.set(src.subarray(p, p + regen));
    p += regen;
  } else if (type === 1) {
    if (p >= end) corrupt('truncated RLE literals');
    lit.fill(src[p]!, 0, regen);
    p += 1;
  } else {
    if (p + comp > end) corrupt('truncated compressed literals');
    let hp = p;
    if (type === 2) {
      const h = readHuffman(src, p, p + comp);
      st.huff = h.table;
      hp = h.end;
    } else if (!st.huff) corrupt('repeated Huffman table before any table');
    huffLiterals(src, hp, p + comp, lit, regen, four, st.huff!);
    p += comp;
  }
  sequences(src, p, end, st, regen, blockMax);
}

function sequences(
  src: Uint8Array,
  p: number,
  end: number,
  st: FrameState,
  litSize: number,
  blockMax: number,
): void {
  const out = st.out;
  out.reserve(blockMax);
  const buf = out.buf;
  const blockStart = out.pos;
  const limit = blockStart + blockMax;
  const lit = st.literals;
  if (p >= end) corrupt('truncated sequences header');
  let nbSeq = src[p++]!;
  if (nbSeq === 0) {
    if (p !== end) corrupt('bytes after the last sequence');
    buf.set(lit.subarray(0, litSize), out.pos);
    out.pos += litSize;
    out.total += litSize;
    return;
  }
  if (nbSeq >= 128) {
    if (nbSeq === 255) {
      nbSeq = (src[p]! | (src[p + 1]! << 8)) + 0x7f00;
      p += 2;
    } else {
      nbSeq = ((nbSeq - 128) << 8) + src[p]!;
      p += 1;
    }
  }
  if (p >= end) corrupt('truncated sequences header');
  const modes = src[p++]!;
  if (modes & 3) corrupt('reserved sequence mode bits set');
  // Literal lengths, offsets, match lengths, in that order.
  for (let k = 0; k < 3; k++) {
    const mode = (modes >>> (6 - 2 * k)) & 3;
    const kind = KINDS[k]!;
    if (mode === 0) st.tables[k] = defaultTable(k);
    else if (mode === 1) {
      if (p >= end) corrupt('truncated RLE sequence code');
      const sym = src[p++]!;
      if (sym > kind.maxSymbol) corrupt('sequence code out of range');
      st.tables[k] = rleFse(sym);
    } else if (mode === 2) {
      const r = readFse(src, p, end, kind.maxLog, kind.maxSymbol);
      st.tables[k] = r.table;
      p = r.end;
    } else if (!st.tables[k]) corrupt('repeated sequence table before any table');
  }
  const llT = st.tables[0]!;
  const ofT = st.tables[1]!;
  const mlT = st.tables[2]!;
  let off = backwardStart(src, p, end);
  off -= llT.log;
  let llS = bitsAt(src, p, off, llT.log);
  off -= ofT.log;
  let ofS = bitsAt(src, p, off, ofT.log);
  off -= mlT.log;
  let mlS = bitsAt(src, p, off, mlT.log);
  const rep = st.rep;
  let o = blockStart;
  let litPos = 0;
  const window = out.window;
  // History available before this block: the frame's output so far, at most the window.
  const historyBase = out.total - blockStart; // total output at buf index 0
  for (let i = 0; i < nbSeq; i++) {
    const ofCode = ofT.symbol[ofS]!;
    const llCode = llT.symbol[llS]!;
    const mlCode = mlT.symbol[mlS]!;
    if (ofCode > 31) corrupt('offset code out of range');
    off -= ofCode;
    let offset = 2 ** ofCode + wideBitsAt(src, p, off, ofCode);
    let nb = ML_BITS[mlCode]!;
    off -= nb;
    let ml = ML_BASE[mlCode]! + bitsAt(src, p, off, nb);
    nb = LL_BITS[llCode]!;
    off -= nb;
    const ll = LL_BASE[llCode]! + bitsAt(src, p, off, nb);
    if (i !== nbSeq - 1) {
      nb = llT.bits[llS]!;
      off -= nb;
      llS = llT.base[llS]! + bitsAt(src, p, off, nb);
      nb = mlT.bits[mlS]!;
      off -= nb;
      mlS = mlT.base[mlS]! + bitsAt(src, p, off, nb);
      nb = ofT.bits[ofS]!;
      off -= nb;
      ofS = ofT.base[ofS]! + bitsAt(src, p, off, nb);
    }
    if (off < 0) corrupt('sequence bitstream overrun');
    // Repeat offsets.
    if (offset > 3) {
      offset -= 3;
      rep[2] = rep[1]!;
      rep[1] = rep[0]!;
      rep[0] = offset;
    } else {
      const idx = offset - 1 + (ll === 0 ? 1 : 0);
      if (idx === 0) offset = rep[0]!;
      else {
        offset = idx < 3 ? rep[idx]! : rep[0]! - 1;
        if (offset === 0) corrupt('zero repeat offset');
        if (idx > 1) rep[2] = rep[1]!;
        rep[1] = rep[0]!;
        rep[0] = offset;
      }
    }
    // Literals, then the match.
    if (litPos + ll > litSize) corrupt('sequence takes more literals than there are');
    if (o + ll + ml > limit) corrupt('block output larger than the block maximum');
    if (ll > 0) {
      if (ll < 16) for (let k = 0; k < ll; k++) buf[o + k] = lit[litPos + k]!;
      else buf.set(lit.subarray(litPos, litPos + ll), o);
      o += ll;
      litPos += ll;
    }
    const produced = historyBase + o; // frame output before this match
    if (offset > produced || offset > window) corrupt('match offset beyond the window');
    let from = o - offset;
    if (offset >= ml && ml >= 32) {
      buf.copyWithin(o, from, from + ml);
      o += ml;
    } else {
      while (ml-- > 0) buf[o++] = buf[from++]!;
    }
  }
  if (off !== 0) corrupt('sequence bitstream not fully consumed');
  const rest = litSize - litPos;
  if (o + rest > limit) corrupt('block output larger than the block maximum');
  buf.set(lit.subarray(litPos, litSize), o);
  o += rest;
  out.total += o - blockStart;
  out.pos = o;
}
