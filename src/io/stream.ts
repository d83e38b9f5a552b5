/**
 * Sequential byte streams: what the pickle reader and the decompressors consume.
 * A stream over a random-access source skips by moving its position (no I/O);
 * a stream over decompressed data skips by reading and discarding.
 */
import type { RandomAccessSource } from './source.js';

export interface ByteStream {
  /** Bytes consumed so far (read or skipped). */
  readonly position: number;
  /** Total length when known. */
  readonly size: number | undefined;
  /** The next chunk of at most `max` bytes, or null at the end. */
  read(max: number): Promise<Buffer | null>;
  /** Skips up to `n` bytes and returns how many were skipped (fewer only at the end). */
  skip(n: number): Promise<number>;
  /** Releases resources (decompressors); safe to call twice. */
  close(): Promise<void>;
}

export class SourceStream implements ByteStream {
  position: number;

  /**
   * `cached` holds bytes already read from the start of the source (the sniffed head), which
   * are served from memory instead of being read again.
   */
  constructor(
    private readonly source: RandomAccessSource,
    start = 0,
    private readonly cached?: Buffer,
  ) {
    this.position = start;
  }

  get size(): number {
    return this.source.size;
  }

  async read(max: number): Promise<Buffer | null> {
    if (this.position >= this.source.size) return null;
    if (this.cached && this.position < this.cached.length) {
      const chunk = this.cached.subarray(
        this.position,
        Math.min(this.cached.length, this.position + max),
      );
      this.position += chunk.length;
      return chunk;
    }
    const chunk = await this.source.read(
      this.position,
      Math.min(max, this.source.size - this.position),
    );
    if (chunk.length === 0) return null;
    this.position += chunk.length;
    return chunk;
  }

  skip(n: number): Promise<number> {
    const skipped = Math.max(0, Math.min(n, this.source.size - this.position));
    this.position += skipped;
    return Promise.resolve(skipped);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Adapts any async iterable of chunks (a Node stream, a decompressor) to a ByteStream. */
export class IterableStream implements ByteStream {
  position = 0;
  private pending: Buffer | null = null;
  private readonly iterator: AsyncIterator<Buffer | Uint8Array | string>;
  private done = false;

  constructor(
    iterable: AsyncIterable<Buffer | Uint8Array | string>,
    readonly size: number | undefined = undefined,
    private readonly onClose?: () => void,
  ) {
    this.iterator = iterable[Symbol.asyncIterator]();
  }

  private async next(): Promise<Buffer | null> {
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      return p;
    }
    if (this.done) return null;
    for (;;) {
      const r = await this.iterator.next();
      if (r.done) {
        this.done = true;
        return null;
      }
      const v = r.value;
      const buf =
        typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.isBuffer(v) ? v : Buffer.from(v);
      if (buf.length > 0) return buf;
    }
  }

  async read(max: number): Promise<Buffer | null> {
    const chunk = await this.next();
    if (!chunk) return null;
    if (chunk.length > max) {
      this.pending = chunk.subarray(max);
      this.position += max;
      return chunk.subarray(0, max);
    }
    this.position += chunk.length;
    return chunk;
  }

  skip(n: number): Promise<number> {
    return skipByReading(this, n);
  }

  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.iterator.return?.();
    }
    this.onClose?.();
  }
}

/** Skips `n` bytes of a stream that cannot seek, by reading and dropping them. */
export async function skipByReading(stream: Pick<ByteStream, 'read'>, n: number): Promise<number> {
  let skipped = 0;
  while (skipped < n) {
    const chunk = await stream.read(Math.min(n - skipped, 1 << 20));
    if (!chunk) break;
    skipped += chunk.length;
  }
  return skipped;
}

/** Reads a whole (small) stream into memory, failing past `limit` bytes. */
export async function readAll(stream: ByteStream, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = await stream.read(1 << 20);
    if (!chunk) break;
    total += chunk.length;
    if (total > limit) throw new RangeError(`stream longer than ${limit} bytes`);
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}
