/**
 * bzip2 streams decoded block by block (pure TypeScript). Memory: one block (at most 900 k
 * symbols) and its compressed bits; output is handed out in bounded chunks, so a block that
 * expands a lot is still stopped early by the decompression guard. CRCs are not verified.
 *
 * Speed matters here: compressed weights are incompressible, and every one of their bytes goes
 * through Huffman decoding, move-to-front and the inverse BWT. Symbols are decoded through a
 * 10-bit lookup table (longer codes walk the canonical limits), bits are peeked from the buffer
 * 32 at a time, and move-to-front works on a typed array.
 */
import { BytesInput, DecodeError, Undecodable } from './bytes-input.js';
import type { ByteStream } from './stream.js';

const MAX_GROUPS = 6;
const MAX_ALPHA = 258;
const MAX_CODE_LEN = 20;
const GROUP_SIZE = 50;
const MAX_SELECTORS = 18002;
/** Compressed bytes one block can take, with margin (900 k symbols of at most 20 bits). */
const BLOCK_INPUT = 3 * 1024 * 1024;
const OUT_CHUNK = 1 << 20;
const LUT_BITS = 10;

/** A bit reader over the buffered input, MSB first; bits past the end read as zeros. */
class BitReader {
  buf: Buffer;
  /** Absolute bit position in buf. */
  pos: number;

  constructor(private readonly input: BytesInput) {
    this.buf = input.buf;
    this.pos = input.pos * 8;
  }

  /** Hands whole consumed bytes back to the input (before it refills); keeps the bit offset. */
  private sync(): number {
    const bit = this.pos & 7;
    this.input.pos = this.pos >>> 3;
    return bit;
  }

  async ensure(n: number): Promise<void> {
    const bit = this.sync();
    await this.input.ensure(n);
    this.buf = this.input.buf;
    this.pos = this.input.pos * 8 + bit;
  }

  /** The next 24 bits (not consumed). */
  peek24(): number {
    const b = this.buf;
    const i = this.pos >>> 3;
    const w =
      ((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    return (w << (this.pos & 7)) >>> 8;
  }

  bits(n: number): number {
    const v = this.peek24() >>> (24 - n);
    this.pos += n;
    return v;
  }

  bit(): number {
    return this.bits(1);
  }

  alignToByte(): void {
    this.pos = (this.pos + 7) & ~7;
  }

  /** True when more bits were consumed than the buffer holds (truncated data). */
  get overrun(): boolean {
    return this.pos > this.buf.length * 8;
  }

  /** Stores the byte position back into the input (the next stream starts there). */
  finish(): void {
    this.input.pos = Math.min(this.buf.length, this.pos >>> 3);
  }
}

interface Table {
  /** Code of LUT_BITS bits → symbol << 5 | length, or -1 when the code is longer. */
  lut: Int32Array;
  limit: Int32Array;
  base: Int32Array;
  perm: Int32Array;
  maxLen: number;
}

function buildTable(lens: Uint8Array, alphaSize: number): Table {
  let minLen = 32;
  let maxLen = 0;
  for (let i = 0; i < alphaSize; i++) {
    minLen = Math.min(minLen, lens[i]!);
    maxLen = Math.max(maxLen, lens[i]!);
  }
  const perm = new Int32Array(MAX_ALPHA);
  const count = new Int32Array(MAX_CODE_LEN + 2);
  const base = new Int32Array(MAX_CODE_LEN + 2);
  const limit = new Int32Array(MAX_CODE_LEN + 2).fill(-1);
  let pp = 0;
  for (let i = minLen; i <= maxLen; i++)
    for (let j = 0; j < alphaSize; j++) if (lens[j] === i) perm[pp++] = j;
  for (let i = 0; i < alphaSize; i++) count[lens[i]!]!++;
  // Canonical codes: codes of length n run from first[n] to limit[n]; perm index = code - base[n].
  const lut = new Int32Array(1 << LUT_BITS).fill(-1);
  let code = 0;
  let index = 0;
  for (let n = minLen; n <= maxLen; n++) {
    const c = count[n]!;
    base[n] = code - index;
    limit[n] = code + c - 1;
    if (n <= LUT_BITS) {
      for (let k = 0; k < c; k++) {
        const sym = perm[index + k]!;
        const from = (code + k) << (LUT_BITS - n);
        const to = (code + k + 1) << (LUT_BITS - n);
        // An over-full code (corrupt lengths) would run past the table: those codes stay unset.
        lut.fill((sym << 5) | n, Math.min(from, lut.length), Math.min(to, lut.length));
      }
    }
    index += c;
    code = (code + c) << 1;
  }
  return { lut, limit, base, perm, maxLen };
}

export async function* bzip2(stream: ByteStream): AsyncGenerator<Buffer> {
  const input = new BytesInput(stream);
  let streams = 0;
  for (;;) {
    await input.ensure(4);
    if (streams > 0 && input.available < 4) return;
    const sig = input.take(4);
    if (sig.toString('latin1', 0, 3) !== 'BZh' || sig[3]! < 0x31 || sig[3]! > 0x39) {
      if (streams > 0) return; // trailing bytes after the last stream are ignored, as bzip2 does
      throw new DecodeError('not a bzip2 stream');
    }
    streams++;
    const blockMax = (sig[3]! - 0x30) * 100000;
    const tt = new Uint32Array(blockMax);
    const br = new BitReader(input);
    for (;;) {
      await br.ensure(BLOCK_INPUT);
      const m1 = br.bits(24);
      const m2 = br.bits(24);
      br.bits(16);
      br.bits(16); // CRC
      if (m1 === 0x177245 && m2 === 0x385090) {
        br.alignToByte();
        if (br.overrun) throw new DecodeError('bzip2 data is truncated');
        br.finish();
        break;
      }
      if (m1 !== 0x314159 || m2 !== 0x265359) throw new DecodeError('bad bzip2 block signature');
      if (br.bit())
        throw new Undecodable('bzip2', 'randomised blocks (bzip2 0.9.0) are not supported');
      const origPtr = br.bits(24);
      const n = decodeBlock(br, tt, blockMax);
      if (br.overrun) throw new DecodeError('bzip2 data is truncated');
      if (origPtr >= n) throw new DecodeError('bad bzip2 origin pointer');
      yield* inverse(tt, n, origPtr);
    }
  }
}

/** Reads one block's symbols into tt (bytes in the low 8 bits); returns the block length. */
function decodeBlock(br: BitReader, tt: Uint32Array, blockMax: number): number {
  const seqToUnseq = new Uint8Array(256);
  let inUse = 0;
  const inUse16 = br.bits(16);
  for (let i = 0; i < 16; i++) {
    if (!(inUse16 & (0x8000 >>> i))) continue;
    const bits = br.bits(16);
    for (let j = 0; j < 16; j++) if (bits & (0x8000 >>> j)) seqToUnseq[inUse++] = i * 16 + j;
  }
  if (inUse === 0) throw new DecodeError('bzip2 block uses no symbols');
  const alphaSize = inUse + 2;
  const nGroups = br.bits(3);
  if (nGroups < 2 || nGroups > MAX_GROUPS) throw new DecodeError('bad bzip2 table count');
  const nSelectors = br.bits(15);
  if (nSelectors < 1) throw new DecodeError('bad bzip2 selector count');
  const mtfGroups = Uint8Array.of(0, 1, 2, 3, 4, 5);
  const selectors = new Uint8Array(Math.min(nSelectors, MAX_SELECTORS));
  for (let i = 0; i < nSelectors; i++) {
    let j = 0;
    while (br.bit()) {
      j++;
      if (j >= nGroups) throw new DecodeError('bad bzip2 selector');
    }
    const v = mtfGroups[j]!;
    for (; j > 0; j--) mtfGroups[j] = mtfGroups[j - 1]!;
    mtfGroups[0] = v;
    if (i < MAX_SELECTORS) selectors[i] = v;
    if (br.overrun) throw new DecodeError('bzip2 data is truncated');
  }
  const tables: Table[] = [];
  for (let t = 0; t < nGroups; t++) {
    const lens = new Uint8Array(MAX_ALPHA);
    let curr = br.bits(5);
    for (let i = 0; i < alphaSize; i++) {
      for (;;) {
        if (curr < 1 || curr > MAX_CODE_LEN) throw new DecodeError('bad bzip2 code length');
        if (!br.bit()) break;
        curr += br.bit() ? -1 : 1;
      }
      lens[i] = curr;
    }
    tables.push(buildTable(lens, alphaSize));
  }

  const eob = inUse + 1;
  // Move-to-front over the byte values themselves.
  const mtf = new Uint8Array(256);
  for (let i = 0; i < inUse; i++) mtf[i] = seqToUnseq[i]!;
  let n = 0;
  let groupNo = -1;
  let groupPos = 0;
  let table = tables[0]!;
  let runLength = 0;
  let runWeight = 1;
  const buf = br.buf;
  let pos = br.pos;
  const endBit = buf.length * 8 + 32; // past this the data is surely truncated
  for (;;) {
    if (groupPos === 0) {
      groupNo++;
      if (groupNo >= selectors.length) throw new DecodeError('bzip2 block runs out of selectors');
      groupPos = GROUP_SIZE;
      table = tables[selectors[groupNo]!]!;
    }
    groupPos--;
    // Peek 24 bits (MSB first) and decode one symbol.
    const i = pos >>> 3;
    const w =
      ((((buf[i] ?? 0) << 24) |
        ((buf[i + 1] ?? 0) << 16) |
        ((buf[i + 2] ?? 0) << 8) |
        (buf[i + 3] ?? 0)) <<
        (pos & 7)) >>>
      8;
    let sym: number;
    const e = table.lut[w >>> (24 - LUT_BITS)]!;
    if (e >= 0) {
      sym = e >>> 5;
      pos += e & 31;
    } else {
      let len = LUT_BITS + 1;
      let v = w >>> (24 - len);
      while (len <= table.maxLen && v > table.limit[len]!) {
        len++;
        v = w >>> (24 - len);
      }
      if (len > table.maxLen) throw new DecodeError('bad bzip2 Huffman code');
      const k = v - table.base[len]!;
      if (k < 0 || k >= MAX_ALPHA) throw new DecodeError('bad bzip2 Huffman code');
      sym = table.perm[k]!;
      pos += len;
    }
    if (pos > endBit) throw new DecodeError('bzip2 data is truncated');
    if (sym <= 1) {
      runLength += (sym + 1) * runWeight;
      runWeight <<= 1;
      if (runLength > blockMax) throw new DecodeError('bzip2 run overflows the block');
      continue;
    }
    if (runLength > 0) {
      if (n + runLength > blockMax) throw new DecodeError('bzip2 block overflows');
      tt.fill(mtf[0]!, n, n + runLength);
      n += runLength;
      runLength = 0;
      runWeight = 1;
    }
    if (sym === eob) break;
    const idx = sym - 1;
    if (idx >= inUse) throw new DecodeError('bad bzip2 symbol');
    const v = mtf[idx]!;
    if (idx < 16) for (let k = idx; k > 0; k--) mtf[k] = mtf[k - 1]!;
    else mtf.copyWithin(1, 0, idx);
    mtf[0] = v;
    if (n >= blockMax) throw new DecodeError('bzip2 block overflows');
    tt[n++] = v;
  }
  br.pos = pos;
  return n;
}

/** Inverse BWT and the final run-length decoding, in bounded chunks. */
function* inverse(tt: Uint32Array, n: number, origPtr: number): Generator<Buffer> {
  const cftab = new Uint32Array(257);
  for (let i = 0; i < n; i++) cftab[(tt[i]! & 0xff) + 1]!++;
  for (let i = 1; i < 257; i++) cftab[i] += cftab[i - 1]!;
  for (let i = 0; i < n; i++) {
    const uc = tt[i]! & 0xff;
    const at = cftab[uc]!++;
    tt[at] = (tt[at]! | (i << 8)) >>> 0;
  }
  let pos = tt[origPtr]! >>> 8;
  let out = Buffer.allocUnsafe(OUT_CHUNK);
  let o = 0;
  let last = -1;
  let run = 0;
  for (let i = 0; i < n; i++) {
    const entry = tt[pos]!;
    const ch = entry & 0xff;
    pos = entry >>> 8;
    if (run === 4) {
      // The byte after four equal bytes is a repeat count.
      let k = ch;
      while (k > 0) {
        if (o === OUT_CHUNK) {
          yield out;
          out = Buffer.allocUnsafe(OUT_CHUNK);
          o = 0;
        }
        const m = Math.min(k, OUT_CHUNK - o);
        out.fill(last, o, o + m);
        o += m;
        k -= m;
      }
      run = 0;
      last = -1;
      continue;
    }
    if (ch === last) run++;
    else {
      last = ch;
      run = 1;
    }
    if (o === OUT_CHUNK) {
      yield out;
      out = Buffer.allocUnsafe(OUT_CHUNK);
      o = 0;
    }
    out[o++] = ch;
  }
  if (o > 0) yield out.subarray(0, o);
}
