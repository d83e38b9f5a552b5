/**
 * A refillable input buffer over a ByteStream for the decoders of our own (LZMA, bzip2, LZ4):
 * they decode synchronously from memory and ask for more input between bounded steps, so the
 * compressed data is never held whole.
 */
import { MalformedInput } from './malformed.js';
import type { ByteStream } from './stream.js';

export class DecodeError extends MalformedInput {
  override name = 'DecodeError';
}

/**
 * Well-formed compressed data that this decoder cannot decode (a feature or a size it does not
 * support): the content exists and a loader may read it, so it is reported as unchecked rather
 * than as corrupt.
 */
export class Undecodable extends DecodeError {
  override name = 'Undecodable';
  constructor(
    /** The compression format, as users name it ("zstd", "xz"…). */
    readonly format: string,
    /** Why it cannot be decoded. */
    readonly reason: string,
  ) {
    super(`${format}: ${reason}`);
  }
}

export class BytesInput {
  buf: Buffer = Buffer.alloc(0);
  pos = 0;
  eof = false;
  /** Set when a decoder read past the end of the input (the data is truncated or corrupt). */
  overrun = false;
  /** Stream position of buf[0]. */
  private base = 0;

  constructor(private readonly stream: ByteStream) {
    this.base = stream.position;
  }

  get available(): number {
    return this.buf.length - this.pos;
  }

  /** Bytes consumed from the stream so far. */
  get consumed(): number {
    return this.base + this.pos;
  }

  /** Buffers at least `n` bytes unless the stream ends first. */
  async ensure(n: number): Promise<void> {
    if (this.available >= n || this.eof) return;
    const parts: Buffer[] = [this.buf.subarray(this.pos)];
    this.base += this.pos;
    let have = parts[0]!.length;
    while (have < n) {
      const chunk = await this.stream.read(Math.max(1 << 16, n - have));
      if (!chunk) {
        this.eof = true;
        break;
      }
      parts.push(chunk);
      have += chunk.length;
    }
    this.buf = Buffer.concat(parts, have);
    this.pos = 0;
  }

  byte(): number {
    if (this.pos < this.buf.length) return this.buf[this.pos++]!;
    this.overrun = true;
    return 0;
  }

  /** Takes `n` bytes (fewer at the end of the input). */
  take(n: number): Buffer {
    const out = this.buf.subarray(this.pos, Math.min(this.buf.length, this.pos + n));
    this.pos += out.length;
    if (out.length < n) this.overrun = true;
    return out;
  }
}

/**
 * A circular output window (the dictionary of LZ-family decoders) that grows on demand up to
 * its declared size, so a small stream with a large declared dictionary costs little memory.
 */
export class OutWindow {
  buf: Uint8Array;
  pos = 0;
  full = false;
  /** Total bytes written. */
  total = 0;
  /** `total` at the last reset. */
  resetAt = 0;
  /** Start of the bytes not yet handed out (index into buf). */
  private flushed = 0;
  /** Bytes handed out when the window wrapped, waiting for takeNew. */
  private ready: Buffer[] = [];
  private readyBytes = 0;

  constructor(readonly size: number) {
    this.buf = new Uint8Array(Math.max(1, Math.min(size, 1 << 20)));
  }

  /** Forgets the history (LZMA2 dictionary reset); pending output is kept. */
  reset(): void {
    this.save();
    this.pos = 0;
    this.full = false;
    this.flushed = 0;
    this.resetAt = this.total;
  }

  private save(): void {
    if (this.pos > this.flushed) {
      this.ready.push(Buffer.from(this.buf.subarray(this.flushed, this.pos)));
      this.readyBytes += this.pos - this.flushed;
    }
    this.flushed = this.pos;
  }

  put(b: number): void {
    if (this.pos === this.buf.length) {
      if (this.buf.length < this.size) {
        // Grow only while the window has not wrapped: its content is buf[0, pos).
        const next = new Uint8Array(Math.min(this.size, this.buf.length * 2));
        next.set(this.buf.subarray(0, this.pos));
        this.buf = next;
      } else {
        this.save();
        this.pos = 0;
        this.flushed = 0;
        this.full = true;
      }
    }
    this.buf[this.pos++] = b;
    this.total++;
  }

  /** The byte `dist` positions back (1 = the last byte written). */
  get(dist: number): number {
    let i = this.pos - dist;
    if (i < 0) i += this.buf.length;
    return this.buf[i]!;
  }

  /** True when `dist` bytes of history exist. */
  has(dist: number): boolean {
    return dist > 0 && (this.full ? dist <= this.buf.length : dist <= this.pos);
  }

  copyMatch(dist: number, len: number): void {
    while (len > 0) {
      // Copy in place up to the end of the buffer; put() grows or wraps it.
      const buf = this.buf;
      let pos = this.pos;
      let from = pos - dist;
      if (from < 0) from += buf.length;
      const n = Math.min(len, buf.length - pos);
      if (n === 0) {
        this.put(this.get(dist));
        len--;
        continue;
      }
      for (let i = 0; i < n; i++) {
        buf[pos++] = buf[from++]!;
        if (from === buf.length) from = 0;
      }
      this.pos = pos;
      this.total += n;
      len -= n;
    }
  }

  /** Appends bytes (uncompressed chunks). */
  putBytes(data: Uint8Array): void {
    let i = 0;
    while (i < data.length) {
      if (this.pos === this.buf.length) {
        this.put(data[i++]!);
        continue;
      }
      const n = Math.min(data.length - i, this.buf.length - this.pos);
      this.buf.set(data.subarray(i, i + n), this.pos);
      this.pos += n;
      this.total += n;
      i += n;
    }
  }

  /** Appends the bytes written since the last call to `out`; returns how many. */
  takeNew(out: Buffer[]): number {
    this.save();
    const n = this.readyBytes;
    for (const r of this.ready) out.push(r);
    this.ready = [];
    this.readyBytes = 0;
    return n;
  }

  /** Bytes written and not yet taken. */
  get pending(): number {
    return this.readyBytes + this.pos - this.flushed;
  }
}
