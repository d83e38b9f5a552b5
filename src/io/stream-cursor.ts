/**
 * A sequential cursor over a ByteStream with exact reads and skips, for formats parsed front
 * to back (msgpack, UBJSON, Torch7, R serialization). Running out of bytes is a FormatError.
 */
import type { ByteStream } from './stream.js';
import { FormatError } from './paged.js';

export class StreamCursor {
  private buf = Buffer.alloc(0);
  private at = 0;
  /** Absolute offset of buf[0]. */
  private base = 0;

  constructor(private readonly stream: ByteStream) {}

  get offset(): number {
    return this.base + this.at;
  }

  private async fill(n: number): Promise<boolean> {
    while (this.buf.length - this.at < n) {
      const chunk = await this.stream.read(Math.max(1 << 16, n - (this.buf.length - this.at)));
      if (!chunk) return false;
      const rest = this.buf.subarray(this.at);
      this.base += this.at;
      this.buf = rest.length ? Buffer.concat([rest, chunk]) : Buffer.from(chunk);
      this.at = 0;
    }
    return true;
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }

  async take(n: number): Promise<Buffer> {
    if (n < 0 || !Number.isSafeInteger(n))
      throw new FormatError(`bad length ${n} at offset ${this.offset}`);
    if (!(await this.fill(n)))
      throw new FormatError(`truncated: ${n} bytes needed at offset ${this.offset}`);
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  async skip(n: number): Promise<void> {
    if (n < 0 || !Number.isSafeInteger(n))
      throw new FormatError(`bad length ${n} at offset ${this.offset}`);
    const inBuf = Math.min(n, this.buf.length - this.at);
    this.at += inBuf;
    let rest = n - inBuf;
    while (rest > 0) {
      const skipped = await this.stream.skip(rest);
      if (skipped === 0)
        throw new FormatError(`truncated: ${rest} bytes to skip at offset ${this.offset}`);
      this.base += skipped;
      rest -= skipped;
    }
  }

  async u8(): Promise<number> {
    return (await this.take(1))[0]!;
  }
}
