/**
 * Random-access byte sources: positioned reads with a bound on every read, so a
 * multi-gigabyte file is never loaded whole.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Non-blocking, so a FIFO swapped in after discovery cannot hang the scan (it is refused). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Raised when the path is not a regular file by the time it is opened. */
export class NotARegularFile extends Error {
  override name = 'NotARegularFile';
}

/** Bytes actually read from disk for one top-level file (shared by its members). */
export class IoStats {
  bytesRead = 0;
}

export interface RandomAccessSource {
  readonly size: number;
  /** Reads up to `length` bytes at `position`; fewer only at the end of the source. */
  read(position: number, length: number): Promise<Buffer>;
}

/** Largest single read; callers asking for more get it in one buffer but it is read in pieces. */
const MAX_READ = 16 * 1024 * 1024;

export class FileSource implements RandomAccessSource {
  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
    private readonly stats: IoStats,
  ) {}

  static async open(path: string | Buffer, stats: IoStats): Promise<FileSource> {
    const handle = await open(path, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new NotARegularFile('not a regular file');
      return new FileSource(handle, info.size, stats);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async read(position: number, length: number): Promise<Buffer> {
    const want = clampLength(position, length, this.size);
    const out = Buffer.allocUnsafe(want);
    let filled = 0;
    while (filled < want) {
      const chunk = Math.min(MAX_READ, want - filled);
      const { bytesRead } = await this.handle.read(out, filled, chunk, position + filled);
      if (bytesRead === 0) break; // file shrank under us
      filled += bytesRead;
    }
    this.stats.bytesRead += filled;
    return filled === want ? out : out.subarray(0, filled);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

export class BufferSource implements RandomAccessSource {
  constructor(private readonly buffer: Buffer) {}

  get size(): number {
    return this.buffer.length;
  }

  read(position: number, length: number): Promise<Buffer> {
    const want = clampLength(position, length, this.buffer.length);
    return Promise.resolve(this.buffer.subarray(position, position + want));
  }
}

/** A window [offset, offset + size) of another source, e.g. a stored archive member. */
export class SliceSource implements RandomAccessSource {
  readonly size: number;

  constructor(
    private readonly parent: RandomAccessSource,
    private readonly offset: number,
    size: number,
  ) {
    this.size = Math.max(0, Math.min(size, parent.size - offset));
  }

  read(position: number, length: number): Promise<Buffer> {
    const want = clampLength(position, length, this.size);
    return this.parent.read(this.offset + position, want);
  }
}

function clampLength(position: number, length: number, size: number): number {
  if (!Number.isSafeInteger(position) || position < 0)
    throw new RangeError(`bad read position ${position}`);
  if (!Number.isSafeInteger(length) || length < 0)
    throw new RangeError(`bad read length ${length}`);
  return Math.max(0, Math.min(length, size - position));
}
