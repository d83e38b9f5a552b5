/**
 * zstd streams (RFC 8878): Node.js's own decoder where the runtime has one (node ≥ 22.15 /
 * 23.8: zlib.createZstdDecompress), our decoder otherwise. Both sit behind the same frame
 * walker, which checks every frame header before any of its data is decoded, so both paths
 * refuse the same frames for the same reasons: a window above the limit (the memory a decoder
 * must commit), a dictionary, or a pre-1.0 format. Content checksums are verified by both.
 *
 * Why not fzstd (the usual pure-JS choice)? Its streaming decoder allocates the declared window
 * up front, ignores dictionary IDs (decoding such frames to garbage), and copies the whole
 * window after every block: a 200 KB stream of 64-byte blocks with a 128 MiB window took
 * 258 s to decode (0.05 s with the zstd tool). Our decoder slides its history only when full.
 */
import * as zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { BytesInput, DecodeError, Undecodable } from './bytes-input.js';
import { IterableStream, skipByReading, type ByteStream } from './stream.js';
import { Xxh64 } from './xxhash64.js';
import { BLOCK_MAX, FrameOutput, FrameState, compressedBlock } from './zstd-block.js';
import { ZstdCorrupt, corrupt } from './zstd-entropy.js';

const MAGIC = 0xfd2fb528;
/** zstd's own default limit (ZSTD_WINDOWLOG_LIMIT_DEFAULT): larger windows need --long. */
export const ZSTD_MAX_WINDOW_LOG = 27;
/** Room kept past the window before the history slides (bounds memory to window + this). */
const SLIDE_ROOM = 8 << 20;

export interface ZstdOptions {
  /** Largest window accepted, as a power of two (clamped to ZSTD_MAX_WINDOW_LOG). */
  readonly maxWindowLog: number;
  /** 'native' when the runtime has a zstd decoder (the default), 'portable' to force ours. */
  readonly decoder?: 'native' | 'portable';
}

/** True when Node.js has its own zstd decoder. */
export function hasNativeZstd(): boolean {
  return typeof (zlib as unknown as Record<string, unknown>).createZstdDecompress === 'function';
}

function isSkippable(magic: number): boolean {
  return magic >>> 4 === 0x184d2a5;
}

/** Pre-1.0 zstd frames (v0.1–v0.7), which current decoders read only when built to. */
function isLegacy(magic: number): boolean {
  return magic >= 0xfd2fb51e && magic <= 0xfd2fb527;
}

/** Bytes of a frame header after the magic, from its descriptor byte. */
function headerSize(fhd: number): number {
  const single = (fhd >>> 5) & 1;
  const fcsFlag = fhd >>> 6;
  return 1 + (single ? 0 : 1) + [0, 1, 2, 4][fhd & 3]! + [single, 2, 4, 8][fcsFlag]!;
}

interface FrameHeader {
  readonly windowSize: number;
  readonly contentSize: number | undefined;
  readonly checksum: boolean;
}

/** Parses and vets a frame header h[0…] (descriptor first); throws what the frame cannot be. */
function parseHeader(h: Uint8Array, maxWindowLog: number): FrameHeader {
  const fhd = h[0]!;
  if (fhd & 0x08) corrupt('reserved frame header bit set');
  const single = (fhd >>> 5) & 1;
  let p = 1;
  let windowSize = 0;
  if (!single) {
    const wd = h[p++]!;
    const base = 2 ** (10 + (wd >>> 3));
    windowSize = base + (base / 8) * (wd & 7);
  }
  const dictBytes = [0, 1, 2, 4][fhd & 3]!;
  let dictId = 0;
  for (let i = 0; i < dictBytes; i++) dictId += h[p++]! * 2 ** (8 * i);
  const fcsBytes = [single, 2, 4, 8][fhd >>> 6]!;
  let contentSize: number | undefined;
  if (fcsBytes > 0) {
    let v = 0;
    for (let i = 0; i < fcsBytes; i++) v += h[p++]! * 2 ** (8 * i);
    contentSize = fcsBytes === 2 ? v + 256 : v;
  }
  if (single) windowSize = contentSize!;
  windowSize = Math.max(windowSize, 1 << 10);
  if (dictId !== 0)
    throw new Undecodable('zstd', `the frame needs dictionary ${dictId}, which is not in the file`);
  if (windowSize > 2 ** maxWindowLog)
    throw new Undecodable(
      'zstd',
      `the frame needs a ${windowSize}-byte window, more than the ${2 ** maxWindowLog} allowed (zstd --long / --memory would decode it)`,
    );
  return { windowSize, contentSize, checksum: Boolean(fhd & 0x04) };
}

function clampLog(opts: ZstdOptions): number {
  return Math.max(10, Math.min(ZSTD_MAX_WINDOW_LOG, Math.floor(opts.maxWindowLog)));
}

/** Reads a frame's magic number, or undefined at the clean end of the input. */
async function nextMagic(input: BytesInput, frames: number): Promise<number | undefined> {
  await input.ensure(4);
  if (input.available === 0 && frames > 0) return undefined;
  if (input.available < 4) corrupt('truncated frame');
  const m = input.take(4).readUInt32LE(0);
  if (m === MAGIC || isSkippable(m)) return m;
  if (isLegacy(m))
    throw new Undecodable('zstd', `a legacy (pre-1.0) frame, magic 0x${m.toString(16)}`);
  return corrupt(frames === 0 ? 'not a zstd frame' : 'unknown data after a frame');
}

async function skipFrame(input: BytesInput): Promise<void> {
  await input.ensure(4);
  if (input.available < 4) corrupt('truncated skippable frame');
  let left = input.take(4).readUInt32LE(0);
  while (left > 0) {
    await input.ensure(Math.min(left, 1 << 20));
    const part = input.take(Math.min(left, input.available));
    if (part.length === 0) corrupt('truncated skippable frame');
    left -= part.length;
  }
}

/** The portable decoder: frames decoded block by block, output handed out as it is made. */
export async function* zstdPortable(stream: ByteStream, opts: ZstdOptions): AsyncGenerator<Buffer> {
  const maxLog = clampLog(opts);
  const input = new BytesInput(stream);
  for (let frames = 0; ; frames++) {
    const magic = await nextMagic(input, frames);
    if (magic === undefined) return;
    if (magic !== MAGIC) {
      await skipFrame(input);
      continue;
    }
    await input.ensure(14);
    if (input.available < 1) corrupt('truncated frame header');
    const hsize = headerSize(input.buf[input.pos]!);
    if (input.available < hsize) corrupt('truncated frame header');
    const header = parseHeader(input.take(hsize), maxLog);
    yield* frame(input, header);
  }
}

async function* frame(input: BytesInput, header: FrameHeader): AsyncGenerator<Buffer> {
  const window = header.windowSize;
  const blockMax = Math.min(window, BLOCK_MAX);
  const out = new FrameOutput(
    window,
    window + Math.max(2 * BLOCK_MAX, Math.min(window, SLIDE_ROOM)),
  );
  const st = new FrameState(out);
  const hash = header.checksum ? new Xxh64() : undefined;
  const emit = (): Buffer | undefined => {
    const chunk = out.take();
    if (chunk && hash) hash.update(chunk);
    return chunk;
  };
  for (;;) {
    await input.ensure(3);
    if (input.available < 3) corrupt('truncated block header');
    const b = input.take(3);
    const bh = b[0]! | (b[1]! << 8) | (b[2]! << 16);
    const last = bh & 1;
    const type = (bh >>> 1) & 3;
    const size = bh >>> 3;
    if (type === 3) corrupt('reserved block type');
    if (size > blockMax) corrupt('block larger than the frame allows');
    const inSize = type === 1 ? 1 : size;
    await input.ensure(inSize);
    if (input.available < inSize) corrupt('truncated block');
    out.reserve(blockMax);
    if (type === 0) {
      out.buf.set(input.take(size), out.pos);
      out.pos += size;
      out.total += size;
    } else if (type === 1) {
      out.buf.fill(input.take(1)[0]!, out.pos, out.pos + size);
      out.pos += size;
      out.total += size;
    } else {
      compressedBlock(input.buf, input.pos, input.pos + size, st, blockMax);
      input.pos += size;
    }
    if (header.contentSize !== undefined && out.total > header.contentSize)
      corrupt('more content than the frame declares');
    // Hand out what is pending before the history may slide (at most one block's worth).
    const chunk = emit();
    if (chunk) yield chunk;
    if (last) break;
  }
  if (header.contentSize !== undefined && out.total !== header.contentSize)
    corrupt('less content than the frame declares');
  if (header.checksum) {
    await input.ensure(4);
    if (input.available < 4) corrupt('truncated content checksum');
    const stored = input.take(4).readUInt32LE(0);
    if (stored !== hash!.digest32()) corrupt('content checksum does not match');
  }
}

/**
 * Checks every frame header of a zstd stream as its bytes pass by, without decoding: block
 * headers give each block's size, so frame boundaries are found in O(blocks).
 */
class FrameWalker {
  private readonly hdr: number[] = [];
  private want = 4;
  private state: 'magic' | 'skip-size' | 'descriptor' | 'header' | 'block' = 'magic';
  private skip = 0;
  private checksum = false;
  private blockMax = BLOCK_MAX;
  private frames = 0;
  /** Bytes of the stream that are inside a frame, not between frames. */
  private inFrame = false;

  constructor(private readonly maxLog: number) {}

  feed(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const k = Math.min(this.skip, chunk.length - i);
        i += k;
        this.skip -= k;
        continue;
      }
      this.hdr.push(chunk[i++]!);
      if (this.hdr.length === this.want) this.step();
    }
  }

  /** Called at the end of the input. */
  end(): void {
    if (this.skip > 0 || this.hdr.length > 0 || this.inFrame || this.frames === 0)
      corrupt('truncated frame');
  }

  private step(): void {
    const h = Uint8Array.from(this.hdr);
    this.hdr.length = 0;
    switch (this.state) {
      case 'magic': {
        const m = (h[0]! | (h[1]! << 8) | (h[2]! << 16) | (h[3]! << 24)) >>> 0;
        this.inFrame = true;
        if (isSkippable(m)) {
          this.state = 'skip-size';
          this.want = 4;
        } else if (m === MAGIC) {
          this.state = 'descriptor';
          this.want = 1;
        } else if (isLegacy(m))
          throw new Undecodable('zstd', `a legacy (pre-1.0) frame, magic 0x${m.toString(16)}`);
        else corrupt(this.frames === 0 ? 'not a zstd frame' : 'unknown data after a frame');
        return;
      }
      case 'skip-size':
        this.skip = (h[0]! | (h[1]! << 8) | (h[2]! << 16) | (h[3]! << 24)) >>> 0;
        this.endFrame();
        return;
      case 'descriptor':
        this.want = headerSize(h[0]!);
        this.hdr.push(h[0]!);
        this.state = 'header';
        return;
      case 'header': {
        const header = parseHeader(h, this.maxLog);
        this.checksum = header.checksum;
        this.blockMax = Math.min(header.windowSize, BLOCK_MAX);
        this.state = 'block';
        this.want = 3;
        return;
      }
      case 'block': {
        const bh = h[0]! | (h[1]! << 8) | (h[2]! << 16);
        const type = (bh >>> 1) & 3;
        const size = bh >>> 3;
        if (type === 3) corrupt('reserved block type');
        if (size > this.blockMax) corrupt('block larger than the frame allows');
        this.skip = type === 1 ? 1 : size;
        if (bh & 1) {
          this.skip += this.checksum ? 4 : 0;
          this.endFrame();
        }
        return;
      }
    }
  }

  private endFrame(): void {
    this.frames++;
    this.state = 'magic';
    this.want = 4;
    // The frame's remaining bytes are in `skip`; the stream may end right after them.
    this.inFrame = false;
  }
}

/** Maps the native decoder's errors to ours (corrupt data; limits were checked beforehand). */
function nativeError(err: unknown): Error {
  if (err instanceof DecodeError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new ZstdCorrupt(`corrupt zstd data: ${msg}`);
}

/** The compressed input, checked by the frame walker as it goes (for the native decoder). */
async function* walked(input: ByteStream, walker: FrameWalker): AsyncGenerator<Buffer> {
  for (;;) {
    const chunk = await input.read(1 << 20);
    if (!chunk) {
      walker.end();
      return;
    }
    walker.feed(chunk);
    yield chunk;
  }
}

/** Node.js's decoder behind the frame walker. */
function zstdNative(input: ByteStream, opts: ZstdOptions): ByteStream {
  const maxLog = clampLog(opts);
  const create = (zlib as unknown as Record<string, (o: object) => Transform>)
    .createZstdDecompress!;
  const params = {
    [(zlib.constants as unknown as Record<string, number>).ZSTD_d_windowLogMax!]: maxLog,
  };
  const transform = create({ params, chunkSize: 1 << 18 });
  const gen = walked(input, new FrameWalker(maxLog));
  let failed: Error | undefined;
  void (async () => {
    try {
      for await (const chunk of gen) {
        if (transform.destroyed) return;
        if (!transform.write(chunk))
          await new Promise((r) => {
            transform.once('drain', r);
            transform.once('close', r);
          });
      }
      transform.end();
    } catch (err) {
      failed = nativeError(err);
      transform.destroy(failed);
    }
  })();
  const inner = new IterableStream(transform, undefined, () => {
    transform.destroy();
    void gen.return(undefined);
    void input.close();
  });
  return {
    get position() {
      return inner.position;
    },
    size: undefined,
    async read(max: number) {
      try {
        return await inner.read(max);
      } catch (err) {
        throw failed ?? nativeError(err);
      }
    },
    skip(n: number) {
      return skipByReading(this, n);
    },
    close: () => inner.close(),
  };
}

/** A stream of the decompressed content of a zstd stream. */
export function zstd(input: ByteStream, opts: ZstdOptions): ByteStream {
  if (opts.decoder !== 'portable' && hasNativeZstd()) return zstdNative(input, opts);
  return new IterableStream(zstdPortable(input, opts), undefined, () => void input.close());
}
