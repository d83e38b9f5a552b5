/**
 * A bounds-checked, buffered little/big-endian reader over a RandomAccessSource: headers made
 * of many small fields (GGUF key-values, token lists) are read through a 1 MiB window, and
 * skipping a payload moves the position without reading it.
 */
import { MalformedInput } from './malformed.js';
import type { RandomAccessSource } from './source.js';

const WINDOW = 1 << 20;

/** The source ended before a field did. */
export class Truncated extends MalformedInput {
  override name = 'Truncated';
  constructor(
    override readonly offset: number,
    readonly wanted: number,
  ) {
    super(`needs ${wanted} bytes at offset ${offset}, past the end of the file`);
  }
}

export class SourceCursor {
  pos = 0;
  littleEndian = true;
  private buf: Buffer = Buffer.alloc(0);
  private bufStart = 0;

  constructor(private readonly source: RandomAccessSource) {}

  get size(): number {
    return this.source.size;
  }

  get remaining(): number {
    return this.source.size - this.pos;
  }

  /** Makes bytes [pos, pos + n) available in the window (n ≤ WINDOW unless read directly). */
  private async ensure(n: number): Promise<void> {
    if (this.pos + n > this.source.size) throw new Truncated(this.pos, n);
    if (this.pos >= this.bufStart && this.pos + n <= this.bufStart + this.buf.length) return;
    const len = Math.min(Math.max(n, WINDOW), this.source.size - this.pos);
    this.buf = await this.source.read(this.pos, len);
    this.bufStart = this.pos;
    if (this.buf.length < n) throw new Truncated(this.pos, n);
  }

  private at(): number {
    return this.pos - this.bufStart;
  }

  async u8(): Promise<number> {
    await this.ensure(1);
    const v = this.buf[this.at()]!;
    this.pos += 1;
    return v;
  }

  async u32(): Promise<number> {
    await this.ensure(4);
    const v = this.littleEndian
      ? this.buf.readUInt32LE(this.at())
      : this.buf.readUInt32BE(this.at());
    this.pos += 4;
    return v;
  }

  async u64(): Promise<bigint> {
    await this.ensure(8);
    const v = this.littleEndian
      ? this.buf.readBigUInt64LE(this.at())
      : this.buf.readBigUInt64BE(this.at());
    this.pos += 8;
    return v;
  }

  /** Reads n bytes (a copy-free view when they sit in the window). */
  async bytes(n: number): Promise<Buffer> {
    if (n <= WINDOW) {
      await this.ensure(n);
      const out = this.buf.subarray(this.at(), this.at() + n);
      this.pos += n;
      return out;
    }
    if (this.pos + n > this.source.size) throw new Truncated(this.pos, n);
    const out = await this.source.read(this.pos, n);
    this.pos += n;
    return out;
  }

  /** Moves past n bytes without reading them. */
  skip(n: number): void {
    if (this.pos + n > this.source.size) throw new Truncated(this.pos, n);
    this.pos += n;
  }
}
