/**
 * bzip2 streams decoded block by block (pure TypeScript). Memory: one block (at most 900 k
 * symbols) and its compressed bits; output is handed out in bounded chunks, so a block that
 * expands a lot is still stopped early by the decompression guard. CRCs are not verified.
 */
import { BytesInput, DecodeError } from './bytes-input.js';
import type { ByteStream } from './stream.js';

const MAX_GROUPS = 6;
const MAX_ALPHA = 258;
const MAX_CODE_LEN = 23;
const GROUP_SIZE = 50;
const MAX_SELECTORS = 18002;
/** Compressed bytes one block can take, with margin (900 k symbols of at most 20 bits). */
const BLOCK_INPUT = 3 * 1024 * 1024;
const OUT_CHUNK = 1 << 20;

class BitReader {
  private acc = 0;
  private count = 0;
  constructor(readonly input: BytesInput) {}

  bits(n: number): number {
    while (this.count < n) {
      this.acc = ((this.acc << 8) | this.input.byte()) >>> 0;
      this.count += 8;
    }
    this.count -= n;
    const v = (this.acc >>> this.count) & ((1 << n) - 1);
    this.acc &= (1 << this.count) - 1;
    return v;
  }

  bit(): number {
    return this.bits(1);
  }

  alignToByte(): void {
    this.count -= this.count % 8;
    this.acc &= (1 << this.count) - 1;
  }

  /** Bytes buffered in the bit accumulator (whole bytes only). */
  get bufferedBytes(): number {
    return this.count >>> 3;
  }
}

interface Table {
  limit: Int32Array;
  base: Int32Array;
  perm: Int32Array;
  minLen: number;
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
  const base = new Int32Array(MAX_CODE_LEN + 2);
  const limit = new Int32Array(MAX_CODE_LEN + 2);
  let pp = 0;
  for (let i = minLen; i <= maxLen; i++)
    for (let j = 0; j < alphaSize; j++) if (lens[j] === i) perm[pp++] = j;
  for (let i = 0; i < alphaSize; i++) base[lens[i]! + 1]!++;
  for (let i = 1; i < base.length; i++) base[i] += base[i - 1]!;
  let vec = 0;
  for (let i = minLen; i <= maxLen; i++) {
    vec += base[i + 1]! - base[i]!;
    limit[i] = vec - 1;
    vec <<= 1;
  }
  for (let i = minLen + 1; i <= maxLen; i++) base[i] = ((limit[i - 1]! + 1) << 1) - base[i]!;
  return { limit, base, perm, minLen, maxLen };
}

function decodeSymbol(br: BitReader, t: Table): number {
  let n = t.minLen;
  let v = br.bits(n);
  while (n <= t.maxLen && v > t.limit[n]!) {
    n++;
    v = (v << 1) | br.bit();
  }
  if (n > t.maxLen) throw new DecodeError('bad bzip2 Huffman code');
  const i = v - t.base[n]!;
  if (i < 0 || i >= MAX_ALPHA) throw new DecodeError('bad bzip2 Huffman code');
  return t.perm[i]!;
}

export async function* bzip2(stream: ByteStream): AsyncGenerator<Buffer> {
  const input = new BytesInput(stream);
  let br = new BitReader(input);
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
    br = new BitReader(input);
    for (;;) {
      await input.ensure(BLOCK_INPUT);
      const m1 = br.bits(24);
      const m2 = br.bits(24);
      br.bits(16);
      br.bits(16); // CRC
      if (m1 === 0x177245 && m2 === 0x385090) {
        br.alignToByte();
        // Hand back whole bytes the bit reader buffered (the next stream starts there).
        input.pos -= br.bufferedBytes;
        break;
      }
      if (m1 !== 0x314159 || m2 !== 0x265359) throw new DecodeError('bad bzip2 block signature');
      if (br.bit()) throw new DecodeError('randomised bzip2 blocks are not supported');
      const origPtr = br.bits(24);
      const n = decodeBlock(br, tt, blockMax);
      if (input.overrun) throw new DecodeError('bzip2 data is truncated');
      if (origPtr >= n) throw new DecodeError('bad bzip2 origin pointer');
      yield* inverse(tt, n, origPtr);
    }
  }
}

/** Reads one block's symbols into tt (bytes in the low 8 bits); returns the block length. */
function decodeBlock(br: BitReader, tt: Uint32Array, blockMax: number): number {
  const seqToUnseq: number[] = [];
  const inUse16 = br.bits(16);
  for (let i = 0; i < 16; i++) {
    if (!(inUse16 & (0x8000 >>> i))) continue;
    const bits = br.bits(16);
    for (let j = 0; j < 16; j++) if (bits & (0x8000 >>> j)) seqToUnseq.push(i * 16 + j);
  }
  if (seqToUnseq.length === 0) throw new DecodeError('bzip2 block uses no symbols');
  const alphaSize = seqToUnseq.length + 2;
  const nGroups = br.bits(3);
  if (nGroups < 2 || nGroups > MAX_GROUPS) throw new DecodeError('bad bzip2 table count');
  const nSelectors = br.bits(15);
  if (nSelectors < 1) throw new DecodeError('bad bzip2 selector count');
  const mtfGroups = Array.from({ length: nGroups }, (_, i) => i);
  const selectors = new Uint8Array(Math.min(nSelectors, MAX_SELECTORS));
  for (let i = 0; i < nSelectors; i++) {
    let j = 0;
    while (br.bit()) {
      j++;
      if (j >= nGroups) throw new DecodeError('bad bzip2 selector');
    }
    const v = mtfGroups[j]!;
    mtfGroups.splice(j, 1);
    mtfGroups.unshift(v);
    if (i < MAX_SELECTORS) selectors[i] = v;
  }
  const tables: Table[] = [];
  for (let t = 0; t < nGroups; t++) {
    const lens = new Uint8Array(MAX_ALPHA);
    let curr = br.bits(5);
    for (let i = 0; i < alphaSize; i++) {
      for (;;) {
        if (curr < 1 || curr > 20) throw new DecodeError('bad bzip2 code length');
        if (!br.bit()) break;
        curr += br.bit() ? -1 : 1;
      }
      lens[i] = curr;
    }
    tables.push(buildTable(lens, alphaSize));
  }

  const eob = seqToUnseq.length + 1;
  const mtf = Array.from({ length: 256 }, (_, i) => i);
  let n = 0;
  let groupNo = -1;
  let groupPos = 0;
  let table = tables[0]!;
  let runLength = 0;
  let runWeight = 1;
  const flushRun = (): void => {
    if (runLength === 0) return;
    if (n + runLength > blockMax) throw new DecodeError('bzip2 block overflows');
    const uc = seqToUnseq[mtf[0]!]!;
    tt.fill(uc, n, n + runLength);
    n += runLength;
    runLength = 0;
    runWeight = 1;
  };
  for (;;) {
    if (groupPos === 0) {
      groupNo++;
      if (groupNo >= selectors.length) throw new DecodeError('bzip2 block runs out of selectors');
      groupPos = GROUP_SIZE;
      table = tables[selectors[groupNo]!]!;
    }
    groupPos--;
    const sym = decodeSymbol(br, table);
    if (br.input.overrun) throw new DecodeError('bzip2 data is truncated');
    if (sym <= 1) {
      runLength += (sym + 1) * runWeight;
      runWeight <<= 1;
      if (runLength > blockMax) throw new DecodeError('bzip2 run overflows the block');
      continue;
    }
    flushRun();
    if (sym === eob) break;
    const idx = sym - 1;
    if (idx >= seqToUnseq.length) throw new DecodeError('bad bzip2 symbol');
    const v = mtf[idx]!;
    mtf.copyWithin(1, 0, idx);
    mtf[0] = v;
    if (n >= blockMax) throw new DecodeError('bzip2 block overflows');
    tt[n++] = seqToUnseq[v]!;
  }
  return n;
}

/** Inverse BWT and the final run-length decoding, in bounded chunks. */
function* inverse(tt: Uint32Array, n: number, origPtr: number): Generator<Buffer> {
  const cftab = new Uint32Array(257);
  for (let i = 0; i < n; i++) cftab[(tt[i]! & 0xff) + 1]!++;
  for (let i = 1; i < 257; i++) cftab[i] += cftab[i - 1]!;
  for (let i = 0; i < n; i++) {
    const uc = tt[i]! & 0xff;
    tt[cftab[uc]!] = (tt[cftab[uc]!]! | (i << 8)) >>> 0;
    cftab[uc]!++;
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
      for (let k = 0; k < ch; k++) {
        if (o === OUT_CHUNK) {
          yield out;
          out = Buffer.allocUnsafe(OUT_CHUNK);
          o = 0;
        }
        out[o++] = last;
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
