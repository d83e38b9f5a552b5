/**
 * LZMA, LZMA2 and the .xz / .lzma containers, decoded as streams (pure TypeScript, after the
 * LZMA specification's reference decoder). Memory: the dictionary, grown on demand up to its
 * declared size and refused past `maxDictionary`; input is read in bounded steps.
 */
import { BytesInput, DecodeError, OutWindow, Undecodable } from './bytes-input.js';
import type { ByteStream } from './stream.js';

const PROB_INIT = 1024;
const NUM_STATES = 12;
const POS_BITS_MAX = 4;
const LEN_LOW_BITS = 3;
const LEN_MID_BITS = 3;
const LEN_HIGH_BITS = 8;
const END_POS_MODEL_INDEX = 14;
const NUM_FULL_DISTANCES = 1 << (END_POS_MODEL_INDEX >>> 1);
const NUM_ALIGN_BITS = 4;
const MATCH_MIN_LEN = 2;
/** Input kept buffered before each step: more than the most one symbol can consume. */
const STEP_MARGIN = 64;
/** Output handed out per chunk. */
const OUT_CHUNK = 1 << 18;

class RangeDecoder {
  range = 0xffffffff;
  code = 0;
  constructor(private readonly input: BytesInput) {}

  init(): void {
    this.range = 0xffffffff;
    this.code = 0;
    if (this.input.byte() !== 0) throw new DecodeError('LZMA range coder does not start with 0');
    for (let i = 0; i < 4; i++) this.code = ((this.code << 8) | this.input.byte()) >>> 0;
  }

  private normalize(): void {
    if (this.range < 0x1000000) {
      this.range = (this.range << 8) >>> 0;
      this.code = ((this.code << 8) | this.input.byte()) >>> 0;
    }
  }

  directBits(numBits: number): number {
    let res = 0;
    do {
      this.range = this.range >>> 1;
      this.code = (this.code - this.range) >>> 0;
      const t = this.code >>> 31 ? 0xffffffff : 0; // code went "negative"
      this.code = (this.code + (this.range & t)) >>> 0;
      this.normalize();
      res = ((res << 1) + (t === 0 ? 1 : 0)) >>> 0;
    } while (--numBits);
    return res;
  }

  /**
   * Eight bits through the bit tree at probs[base…] (a literal), with `matchByte` steering the
   * first bits after a match (pass -1 for a plain literal). The range coder's state lives in
   * locals for the whole byte: literals are most of what incompressible data decodes to.
   */
  literal(probs: Uint16Array, base: number, matchByte: number): number {
    let range = this.range;
    let code = this.code;
    const input = this.input;
    const buf = input.buf;
    let pos = input.pos;
    let symbol = 1;
    let match = matchByte;
    while (symbol < 0x100) {
      let i: number;
      let matchBit = 0;
      if (match >= 0) {
        matchBit = (match >>> 7) & 1;
        match = (match << 1) & 0xff;
        i = base + ((1 + matchBit) << 8) + symbol;
      } else i = base + symbol;
      const p = probs[i]!;
      const bound = (range >>> 11) * p;
      let bit: number;
      if (code < bound) {
        probs[i] = p + ((2048 - p) >>> 5);
        range = bound;
        bit = 0;
      } else {
        probs[i] = p - (p >>> 5);
        code -= bound;
        range -= bound;
        bit = 1;
      }
      if (range < 0x1000000) {
        range = (range << 8) >>> 0;
        let b = 0;
        if (pos < buf.length) b = buf[pos++]!;
        else input.overrun = true;
        code = ((code << 8) | b) >>> 0;
      }
      symbol = (symbol << 1) | bit;
      if (match >= 0 && matchBit !== bit) match = -1;
    }
    this.range = range;
    this.code = code;
    input.pos = pos;
    return symbol - 0x100;
  }

  bit(probs: Uint16Array, i: number): number {
    const p = probs[i]!;
    const bound = (this.range >>> 11) * p;
    let symbol: number;
    if (this.code < bound) {
      probs[i] = p + ((2048 - p) >>> 5);
      this.range = bound >>> 0;
      symbol = 0;
    } else {
      probs[i] = p - (p >>> 5);
      this.code = (this.code - bound) >>> 0;
      this.range = (this.range - bound) >>> 0;
      symbol = 1;
    }
    this.normalize();
    return symbol;
  }
}

function bitTree(rc: RangeDecoder, probs: Uint16Array, base: number, numBits: number): number {
  let m = 1;
  for (let i = 0; i < numBits; i++) m = (m << 1) + rc.bit(probs, base + m);
  return m - (1 << numBits);
}

function bitTreeReverse(
  rc: RangeDecoder,
  probs: Uint16Array,
  base: number,
  numBits: number,
): number {
  let m = 1;
  let symbol = 0;
  for (let i = 0; i < numBits; i++) {
    const bit = rc.bit(probs, base + m);
    m = (m << 1) + bit;
    symbol |= bit << i;
  }
  return symbol;
}

class LenDecoder {
  choice = new Uint16Array(2);
  low = new Uint16Array((1 << POS_BITS_MAX) << LEN_LOW_BITS);
  mid = new Uint16Array((1 << POS_BITS_MAX) << LEN_MID_BITS);
  high = new Uint16Array(1 << LEN_HIGH_BITS);

  reset(): void {
    this.choice.fill(PROB_INIT);
    this.low.fill(PROB_INIT);
    this.mid.fill(PROB_INIT);
    this.high.fill(PROB_INIT);
  }

  decode(rc: RangeDecoder, posState: number): number {
    if (rc.bit(this.choice, 0) === 0)
      return bitTree(rc, this.low, posState << LEN_LOW_BITS, LEN_LOW_BITS);
    if (rc.bit(this.choice, 1) === 0)
      return 8 + bitTree(rc, this.mid, posState << LEN_MID_BITS, LEN_MID_BITS);
    return 16 + bitTree(rc, this.high, 0, LEN_HIGH_BITS);
  }
}

export interface LzmaProps {
  lc: number;
  lp: number;
  pb: number;
}

export function parsePropsByte(d: number): LzmaProps {
  if (d >= 9 * 5 * 5) throw new DecodeError(`bad LZMA properties byte ${d}`);
  const lc = d % 9;
  d = (d / 9) | 0;
  return { lc, lp: d % 5, pb: (d / 5) | 0 };
}

/** The LZMA decoder proper: probabilities, state and dictionary. */
export class LzmaDecoder {
  private props: LzmaProps = { lc: 3, lp: 0, pb: 2 };
  private literal = new Uint16Array(0x300 << 3);
  private posSlot = new Uint16Array(4 << 6);
  private posDecoders = new Uint16Array(1 + NUM_FULL_DISTANCES - END_POS_MODEL_INDEX);
  private align = new Uint16Array(1 << NUM_ALIGN_BITS);
  private isMatch = new Uint16Array(NUM_STATES << POS_BITS_MAX);
  private isRep = new Uint16Array(NUM_STATES);
  private isRepG0 = new Uint16Array(NUM_STATES);
  private isRepG1 = new Uint16Array(NUM_STATES);
  private isRepG2 = new Uint16Array(NUM_STATES);
  private isRep0Long = new Uint16Array(NUM_STATES << POS_BITS_MAX);
  private lenDecoder = new LenDecoder();
  private repLenDecoder = new LenDecoder();
  private state = 0;
  private rep0 = 0;
  private rep1 = 0;
  private rep2 = 0;
  private rep3 = 0;
  /** A match cut by the end of an output step or an LZMA2 chunk, still to be copied. */
  private pendingLen = 0;
  readonly window: OutWindow;

  constructor(dictSize: number) {
    this.window = new OutWindow(Math.max(dictSize, 4096));
  }

  setProps(p: LzmaProps): void {
    if (p.lc + p.lp > 12) throw new DecodeError('LZMA lc + lp too large');
    this.props = p;
    const size = 0x300 << (p.lc + p.lp);
    if (this.literal.length !== size) this.literal = new Uint16Array(size);
  }

  resetState(): void {
    this.literal.fill(PROB_INIT);
    this.posSlot.fill(PROB_INIT);
    this.posDecoders.fill(PROB_INIT);
    this.align.fill(PROB_INIT);
    this.isMatch.fill(PROB_INIT);
    this.isRep.fill(PROB_INIT);
    this.isRepG0.fill(PROB_INIT);
    this.isRepG1.fill(PROB_INIT);
    this.isRepG2.fill(PROB_INIT);
    this.isRep0Long.fill(PROB_INIT);
    this.lenDecoder.reset();
    this.repLenDecoder.reset();
    this.state = 0;
    this.rep0 = this.rep1 = this.rep2 = this.rep3 = 0;
    this.pendingLen = 0;
  }

  /**
   * Decodes until `limit` more bytes are written, the input runs low, or the end marker.
   * Returns 'end' at the end marker, 'more' otherwise.
   */
  step(rc: RangeDecoder, input: BytesInput, limit: number, allowEnd: boolean): 'end' | 'more' {
    const w = this.window;
    const stopAt = w.total + limit;
    // Positions count from the last dictionary reset (LZMA2), as the reference decoders do.
    const base = w.resetAt;
    const pbMask = (1 << this.props.pb) - 1;
    const lpMask = (1 << this.props.lp) - 1;
    const lc = this.props.lc;
    if (this.pendingLen > 0) {
      const n = Math.min(this.pendingLen, limit);
      w.copyMatch(this.rep0 + 1, n);
      this.pendingLen -= n;
    }
    while (w.total < stopAt && (input.available >= STEP_MARGIN || input.eof)) {
      if (input.overrun) throw new DecodeError('LZMA data is truncated');
      const pos = w.total - base;
      const posState = pos & pbMask;
      const s2 = (this.state << POS_BITS_MAX) + posState;
      if (rc.bit(this.isMatch, s2) === 0) {
        const prev = w.has(1) ? w.get(1) : 0;
        const litState = ((pos & lpMask) << lc) + (prev >>> (8 - lc));
        const lit = 0x300 * litState;
        w.put(rc.literal(this.literal, lit, this.state >= 7 ? w.get(this.rep0 + 1) : -1));
        this.state = this.state < 4 ? 0 : this.state < 10 ? this.state - 3 : this.state - 6;
        continue;
      }
      let len: number;
      if (rc.bit(this.isRep, this.state) !== 0) {
        if (!w.has(1)) throw new DecodeError('LZMA repeat match before any data');
        if (rc.bit(this.isRepG0, this.state) === 0) {
          if (rc.bit(this.isRep0Long, s2) === 0) {
            this.state = this.state < 7 ? 9 : 11;
            w.put(w.get(this.rep0 + 1));
            continue;
          }
        } else {
          let dist: number;
          if (rc.bit(this.isRepG1, this.state) === 0) dist = this.rep1;
          else {
            if (rc.bit(this.isRepG2, this.state) === 0) dist = this.rep2;
            else {
              dist = this.rep3;
              this.rep3 = this.rep2;
            }
            this.rep2 = this.rep1;
          }
          this.rep1 = this.rep0;
          this.rep0 = dist;
        }
        len = this.repLenDecoder.decode(rc, posState);
        this.state = this.state < 7 ? 8 : 11;
      } else {
        this.rep3 = this.rep2;
        this.rep2 = this.rep1;
        this.rep1 = this.rep0;
        len = this.lenDecoder.decode(rc, posState);
        this.state = this.state < 7 ? 7 : 10;
        this.rep0 = this.decodeDistance(rc, len);
        if (this.rep0 === 0xffffffff) {
          if (!allowEnd) throw new DecodeError('unexpected LZMA end marker');
          return 'end';
        }
      }
      len += MATCH_MIN_LEN;
      if (!w.has(this.rep0 + 1)) throw new DecodeError('LZMA match distance beyond the data');
      const n = Math.min(len, stopAt - w.total);
      w.copyMatch(this.rep0 + 1, n);
      this.pendingLen = len - n;
    }
    return 'more';
  }

  get hasPendingMatch(): boolean {
    return this.pendingLen > 0;
  }

  private decodeDistance(rc: RangeDecoder, len: number): number {
    const lenState = Math.min(len, 3);
    const posSlot = bitTree(rc, this.posSlot, lenState << 6, 6);
    if (posSlot < 4) return posSlot;
    const numDirect = (posSlot >>> 1) - 1;
    let dist = ((2 | (posSlot & 1)) << numDirect) >>> 0;
    if (posSlot < END_POS_MODEL_INDEX) {
      dist += bitTreeReverse(rc, this.posDecoders, dist - posSlot, numDirect);
    } else {
      dist = (dist + ((rc.directBits(numDirect - NUM_ALIGN_BITS) << NUM_ALIGN_BITS) >>> 0)) >>> 0;
      dist = (dist + bitTreeReverse(rc, this.align, 0, NUM_ALIGN_BITS)) >>> 0;
    }
    return dist >>> 0;
  }
}

export interface LzmaOptions {
  /** Largest dictionary allocated; a larger declared one is refused. */
  readonly maxDictionary: number;
}

function checkDict(dictSize: number, opts: LzmaOptions): void {
  if (dictSize > opts.maxDictionary)
    throw new Undecodable(
      'lzma',
      `a dictionary of ${dictSize} bytes is larger than the ${opts.maxDictionary} allowed`,
    );
}

/**
 * Raw LZMA data with known properties (.lzma header, zip method 14, 7z coder). `unpackSize`
 * undefined means "until the end marker".
 */
export async function* lzmaRaw(
  input: BytesInput,
  props: LzmaProps,
  dictSize: number,
  unpackSize: number | undefined,
  opts: LzmaOptions,
): AsyncGenerator<Buffer> {
  checkDict(dictSize, opts);
  const dec = new LzmaDecoder(dictSize);
  dec.setProps(props);
  dec.resetState();
  const rc = new RangeDecoder(input);
  await input.ensure(STEP_MARGIN);
  rc.init();
  const out: Buffer[] = [];
  for (;;) {
    await input.ensure(STEP_MARGIN * 4);
    const left = unpackSize === undefined ? OUT_CHUNK : unpackSize - dec.window.total;
    const r = left > 0 ? dec.step(rc, input, Math.min(OUT_CHUNK, left), true) : 'end';
    if (input.overrun) throw new DecodeError('LZMA data is truncated');
    dec.window.takeNew(out);
    yield* out.splice(0);
    if (r === 'end') {
      if (unpackSize !== undefined && dec.window.total < unpackSize)
        throw new DecodeError('LZMA data ends before its declared size');
      return;
    }
    if (unpackSize !== undefined && dec.window.total >= unpackSize) return;
  }
}

/** The .lzma ("alone") container: 13-byte header, then LZMA data. */
export async function* lzmaAlone(stream: ByteStream, opts: LzmaOptions): AsyncGenerator<Buffer> {
  const input = new BytesInput(stream);
  await input.ensure(13);
  const h = input.take(13);
  if (h.length < 13) throw new DecodeError('truncated .lzma header');
  const props = parsePropsByte(h[0]!);
  const dictSize = h.readUInt32LE(1);
  const size = h.readBigUInt64LE(5);
  const unpackSize = size === 0xffffffffffffffffn ? undefined : Number(size);
  yield* lzmaRaw(input, props, dictSize, unpackSize, opts);
}

export function lzma2DictSize(b: number): number {
  if (b > 40) throw new DecodeError(`bad LZMA2 dictionary size byte ${b}`);
  if (b === 40) return 0xffffffff;
  return (2 | (b & 1)) * 2 ** ((b >>> 1) + 11);
}

/** LZMA2 chunks (xz blocks, 7z coder), until the end chunk. */
export async function* lzma2(
  input: BytesInput,
  dictSize: number,
  opts: LzmaOptions,
): AsyncGenerator<Buffer> {
  checkDict(dictSize, opts);
  const dec = new LzmaDecoder(dictSize);
  const rc = new RangeDecoder(input);
  const out: Buffer[] = [];
  let needProps = true;
  let needDictReset = true;
  for (;;) {
    await input.ensure(6);
    const control = input.byte();
    if (input.overrun) throw new DecodeError('LZMA2 data is truncated');
    if (control === 0) {
      dec.window.takeNew(out);
      yield* out.splice(0);
      return;
    }
    if (control === 1 || control === 2) {
      if (control === 1) {
        dec.window.reset();
        needDictReset = false;
      } else if (needDictReset) throw new DecodeError('LZMA2 chunk needs a dictionary reset');
      let size = ((input.byte() << 8) | input.byte()) + 1;
      while (size > 0) {
        await input.ensure(Math.min(size, 1 << 16));
        const part = input.take(Math.min(size, input.available));
        if (part.length === 0) throw new DecodeError('LZMA2 data is truncated');
        dec.window.putBytes(part);
        size -= part.length;
        if (dec.window.pending >= OUT_CHUNK) {
          dec.window.takeNew(out);
          yield* out.splice(0);
        }
      }
      continue;
    }
    if (control < 0x80) throw new DecodeError(`bad LZMA2 control byte 0x${control.toString(16)}`);
    const unpacked = ((control & 0x1f) << 16) + ((input.byte() << 8) | input.byte()) + 1;
    const packed = ((input.byte() << 8) | input.byte()) + 1;
    const reset = (control >>> 5) & 3;
    if (reset === 3) {
      dec.window.reset();
      needDictReset = false;
    } else if (needDictReset) throw new DecodeError('LZMA2 chunk needs a dictionary reset');
    if (reset >= 2) {
      dec.setProps(parsePropsByte(input.byte()));
      needProps = false;
    } else if (needProps) throw new DecodeError('LZMA2 chunk needs properties');
    if (reset >= 1) dec.resetState();
    const startIn = input.consumed;
    const target = dec.window.total + unpacked;
    await input.ensure(STEP_MARGIN);
    rc.init();
    while (dec.window.total < target) {
      await input.ensure(STEP_MARGIN * 4);
      dec.step(rc, input, Math.min(OUT_CHUNK, target - dec.window.total), false);
      if (input.overrun) throw new DecodeError('LZMA2 data is truncated');
      dec.window.takeNew(out);
      yield* out.splice(0);
    }
    if (dec.hasPendingMatch) throw new DecodeError('LZMA2 match crosses a chunk boundary');
    const used = input.consumed - startIn;
    if (used > packed) throw new DecodeError('LZMA2 chunk uses more data than it declares');
    if (used < packed) {
      await input.ensure(packed - used);
      input.take(packed - used);
    }
  }
}

async function readVarint(input: BytesInput): Promise<number> {
  await input.ensure(9);
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const b = input.byte();
    v += (b & 0x7f) * 2 ** (7 * i);
    if (!(b & 0x80)) return v;
  }
  throw new DecodeError('bad xz variable-length integer');
}

const CHECK_SIZES = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64];

/** The .xz container: streams of blocks whose only filter is LZMA2 (checks are not verified). */
export async function* xz(stream: ByteStream, opts: LzmaOptions): AsyncGenerator<Buffer> {
  const input = new BytesInput(stream);
  let streams = 0;
  for (;;) {
    // Stream padding (multiples of four zero bytes) may separate concatenated streams.
    await input.ensure(12);
    while (streams > 0 && input.available >= 4 && input.buf.readUInt32LE(input.pos) === 0) {
      input.pos += 4;
      await input.ensure(12);
    }
    if (streams > 0 && input.available === 0) return;
    const header = input.take(12);
    if (header.length < 12 || header.readUInt32BE(0) !== 0xfd377a58 || header[4] !== 0x5a)
      throw new DecodeError('not an xz stream');
    const checkSize = CHECK_SIZES[header[7]! & 0x0f]!;
    streams++;
    let blocks = 0;
    for (;;) {
      await input.ensure(1024);
      const sizeByte = input.byte();
      if (sizeByte === 0) break; // the index follows
      const headerSize = (sizeByte + 1) * 4;
      const bh = input.take(headerSize - 1);
      if (bh.length < headerSize - 1) throw new DecodeError('truncated xz block header');
      const flags = bh[0]!;
      let p = 1;
      const varint = (): number => {
        let v = 0;
        for (let i = 0; i < 9; i++) {
          const b = bh[p++] ?? 0;
          v += (b & 0x7f) * 2 ** (7 * i);
          if (!(b & 0x80)) return v;
        }
        throw new DecodeError('bad xz block header integer');
      };
      if (flags & 0x40) varint();
      if (flags & 0x80) varint();
      const filters = (flags & 3) + 1;
      let dictSize = 0;
      for (let f = 0; f < filters; f++) {
        const id = varint();
        const propSize = varint();
        if (f !== filters - 1 || id !== 0x21 || propSize !== 1)
          throw new Undecodable('xz', `filter 0x${id.toString(16)} is not supported`);
        dictSize = lzma2DictSize(bh[p++] ?? 0xff);
      }
      const start = input.consumed;
      yield* lzma2(input, Math.min(dictSize, opts.maxDictionary + 1), opts);
      blocks++;
      const used = input.consumed - start;
      const pad = (4 - (used % 4)) % 4;
      await input.ensure(pad + checkSize);
      input.take(pad + checkSize);
    }
    // Index: records, padding and CRC; then the 12-byte footer.
    const records = await readVarint(input);
    if (records !== blocks) throw new DecodeError('xz index does not match the blocks');
    let indexBytes = 1 + varintLength(records);
    for (let i = 0; i < records * 2; i++) {
      const before = input.consumed;
      await readVarint(input);
      indexBytes += input.consumed - before;
    }
    const pad = (4 - (indexBytes % 4)) % 4;
    await input.ensure(pad + 4 + 12);
    input.take(pad + 4);
    const footer = input.take(12);
    if (footer.length < 12 || footer[10] !== 0x59 || footer[11] !== 0x5a)
      throw new DecodeError('bad xz stream footer');
  }
}

function varintLength(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}
