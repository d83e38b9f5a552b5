/**
 * Decompressing streams for every codec containers use, all pulled chunk by chunk so memory
 * stays bounded whatever the expansion: zlib's inflate (deflate, zlib, gzip) from Node.js, zstd
 * from Node.js where it has it, and our own decoders for bzip2, LZMA/LZMA2/xz, LZ4 and zstd
 * elsewhere. A guard counts what comes out against the total-bytes and ratio limits.
 */
import { Readable, type Transform } from 'node:stream';
import { createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { BytesInput } from './bytes-input.js';
import { bzip2 } from './bzip2.js';
import { lz4 } from './lz4.js';
import { lzmaAlone, lzmaRaw, parsePropsByte, xz, type LzmaOptions } from './lzma.js';
import { IterableStream, skipByReading, type ByteStream } from './stream.js';
import { zstd, ZSTD_MAX_WINDOW_LOG } from './zstd.js';

export type Codec =
  'deflate' | 'zlib' | 'gzip' | 'bzip2' | 'lzma' | 'xz' | 'lz4' | 'zip-lzma' | 'zstd';

export interface DecodeOptions extends LzmaOptions {
  /** 'portable' forces our zstd decoder where Node.js has its own (tests compare the two). */
  readonly zstdDecoder?: 'native' | 'portable';
}

/** zstd's frame magic, and the pre-1.0 ones (recognised so they are reported, not ignored). */
function isZstdMagic(m: number): boolean {
  return m === 0xfd2fb528 || (m >= 0xfd2fb51e && m <= 0xfd2fb527);
}

/** Skippable frames (shared by zstd and LZ4) hide what follows: look past those in the head. */
function afterSkippableFrames(head: Buffer): Codec | undefined {
  let p = 0;
  for (let i = 0; i < 16 && p + 8 <= head.length; i++) {
    if (head.readUInt32LE(p) >>> 4 !== 0x184d2a5) break;
    p += 8 + head.readUInt32LE(p + 4);
  }
  if (p === 0) return undefined;
  if (p + 4 > head.length) return 'zstd'; // both decoders skip them; zstd's reports what follows
  const m = head.readUInt32LE(p);
  if (m === 0x184d2204) return 'lz4';
  return isZstdMagic(m) ? 'zstd' : undefined;
}

/** Codec of a compressed stream identified by its first bytes, if any. */
export function sniffCodec(head: Buffer): Codec | undefined {
  if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8) return 'gzip';
  if (
    head.length >= 10 &&
    head.toString('latin1', 0, 3) === 'BZh' &&
    head[3]! >= 0x31 &&
    head[3]! <= 0x39 &&
    ((head.readUInt32BE(4) === 0x31415926 && head.readUInt16BE(8) === 0x5359) ||
      (head.readUInt32BE(4) === 0x17724538 && head.readUInt16BE(8) === 0x5090))
  )
    return 'bzip2';
  if (head.length >= 6 && head.readUInt32BE(0) === 0xfd377a58 && head.readUInt16BE(4) === 0x5a00)
    return 'xz';
  if (head.length >= 4 && head.readUInt32LE(0) === 0x184d2204) return 'lz4';
  if (head.length >= 4 && isZstdMagic(head.readUInt32LE(0))) return 'zstd';
  if (head.length >= 8 && head.readUInt32LE(0) >>> 4 === 0x184d2a5)
    return afterSkippableFrames(head);
  if (looksLikeLzmaAlone(head)) return 'lzma';
  if (looksLikeZlib(head)) return 'zlib';
  return undefined;
}

/** A .lzma header: valid properties, a power-of-two-ish dictionary, a sane or unknown size. */
function looksLikeLzmaAlone(head: Buffer): boolean {
  if (head.length < 14 || head[0]! >= 225) return false;
  const dict = head.readUInt32LE(1);
  if (dict < 4096 || dict > 0x60000000) return false;
  const pow = Math.log2(dict);
  if (!Number.isInteger(pow) && !Number.isInteger(Math.log2(dict / 3))) return false;
  const size = head.readBigUInt64LE(5);
  if (size !== 0xffffffffffffffffn && size > 1n << 48n) return false;
  return head[13] === 0; // the range coder's first byte
}

/** A zlib header (deflate, 32 KiB window or less, check bits right, no preset dictionary). */
function looksLikeZlib(head: Buffer): boolean {
  if (head.length < 2) return false;
  const cmf = head[0]!;
  const flg = head[1]!;
  return (cmf & 0x0f) === 8 && cmf >>> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && !(flg & 0x20);
}

function viaZlib(input: ByteStream, transform: Transform): ByteStream {
  async function* feed(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = await input.read(1 << 20);
      if (!chunk) return;
      yield chunk;
    }
  }
  const source = Readable.from(feed(), { objectMode: false });
  source.on('error', (err) => transform.destroy(err));
  source.pipe(transform);
  return new IterableStream(transform, undefined, () => {
    source.destroy();
    transform.destroy();
    void input.close();
  });
}

function viaGenerator(input: ByteStream, gen: AsyncGenerator<Buffer>): ByteStream {
  return new IterableStream(gen, undefined, () => void input.close());
}

/** A stream of the decompressed content of `input`. */
export function decompress(input: ByteStream, codec: Codec, opts: DecodeOptions): ByteStream {
  const zopts = { chunkSize: 1 << 18 };
  switch (codec) {
    case 'deflate':
      return viaZlib(input, createInflateRaw(zopts));
    case 'zlib':
      return viaZlib(input, createInflate(zopts));
    case 'gzip':
      return viaZlib(input, createGunzip(zopts));
    case 'bzip2':
      return viaGenerator(input, bzip2(input));
    case 'lzma':
      return viaGenerator(input, lzmaAlone(input, opts));
    case 'xz':
      return viaGenerator(input, xz(input, opts));
    case 'lz4':
      return viaGenerator(input, lz4(input));
    case 'zip-lzma':
      return viaGenerator(input, zipLzma(input, opts));
    case 'zstd':
      return zstd(input, {
        maxWindowLog: Math.min(ZSTD_MAX_WINDOW_LOG, Math.floor(Math.log2(opts.maxDictionary))),
        ...(opts.zstdDecoder ? { decoder: opts.zstdDecoder } : {}),
      });
  }
}

/** Zip method 14: version (2), properties size (2), properties, then LZMA data with an end marker. */
async function* zipLzma(stream: ByteStream, opts: LzmaOptions): AsyncGenerator<Buffer> {
  const input = new BytesInput(stream);
  await input.ensure(9);
  const h = input.take(4);
  const propSize = h.readUInt16LE(2);
  const props = input.take(propSize);
  if (props.length < 5) throw new Error('truncated zip LZMA properties');
  yield* lzmaRaw(input, parsePropsByte(props[0]!), props.readUInt32LE(1), undefined, opts);
}

/** Where a decompression limit was reached. */
export interface BombReport {
  readonly limit: 'maxDecompressedBytes' | 'maxCompressionRatio';
  readonly produced: number;
  readonly consumed: number;
}

/** Bytes decompressed for one top-level file, across all its members and re-reads. */
export class DecompressionBudget {
  used = 0;
  constructor(readonly maxBytes: number) {}
}

/** Ratios are only judged past this much output: tiny members compress as they please. */
const RATIO_FLOOR = 1 << 20;

/**
 * Counts the output of a decompressing stream against the file's budget and the ratio limit;
 * `onLimit` is told once, then LimitExceeded-like errors stop the reader.
 */
export class GuardedStream implements ByteStream {
  position = 0;

  constructor(
    private readonly inner: ByteStream,
    private readonly consumed: () => number,
    private readonly budget: DecompressionBudget,
    private readonly maxRatio: number,
    private readonly onLimit: (r: BombReport) => Error,
    private readonly onCorrupt: (err: unknown) => Error,
    readonly size: number | undefined = undefined,
  ) {}

  async read(max: number): Promise<Buffer | null> {
    let chunk: Buffer | null;
    try {
      chunk = await this.inner.read(max);
    } catch (err) {
      throw this.onCorrupt(err);
    }
    if (!chunk) return null;
    this.position += chunk.length;
    this.budget.used += chunk.length;
    if (this.budget.used > this.budget.maxBytes) {
      throw this.onLimit({
        limit: 'maxDecompressedBytes',
        produced: this.position,
        consumed: this.consumed(),
      });
    }
    if (this.position > RATIO_FLOOR && this.position > this.maxRatio * this.consumed()) {
      throw this.onLimit({
        limit: 'maxCompressionRatio',
        produced: this.position,
        consumed: this.consumed(),
      });
    }
    return chunk;
  }

  skip(n: number): Promise<number> {
    return skipByReading(this, n);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
