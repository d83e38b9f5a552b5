/**
 * Positioned reads through a small page cache, for formats whose structures point anywhere in
 * the file (flatbuffers, protobuf messages reached by offsets). Every access is bounds-checked
 * against the source size and throws FormatError when it falls outside.
 */
import { MalformedInput } from './malformed.js';
import type { RandomAccessSource } from './source.js';

/** A structural violation of the format being parsed; scanners report it as MA5900. */
export class FormatError extends MalformedInput {
  override name = 'FormatError';
}

const PAGE = 64 * 1024;
const MAX_PAGES = 256;

export class PagedReader {
  private readonly pages = new Map<number, Buffer>();
  readonly size: number;

  constructor(private readonly source: RandomAccessSource) {
    this.size = source.size;
  }

  /** `length` bytes at `offset`; throws FormatError past the end. */
  async bytes(offset: number, length: number): Promise<Buffer> {
    if (
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(length) ||
      offset < 0 ||
      length < 0 ||
      offset + length > this.size
    )
      throw new FormatError(
        `read of ${length} bytes at ${offset} is outside the ${this.size}-byte file`,
      );
    if (length > PAGE) return this.source.read(offset, length);
    const first = Math.floor(offset / PAGE);
    const last = Math.floor((offset + length - 1) / PAGE);
    if (length === 0) return Buffer.alloc(0);
    if (first === last) {
      const page = await this.page(first);
      return page.subarray(offset - first * PAGE, offset - first * PAGE + length);
    }
    const parts: Buffer[] = [];
    for (let p = first; p <= last; p++) parts.push(await this.page(p));
    const joined = Buffer.concat(parts);
    return joined.subarray(offset - first * PAGE, offset - first * PAGE + length);
  }

  private async page(n: number): Promise<Buffer> {
    let p = this.pages.get(n);
    if (p) {
      this.pages.delete(n);
      this.pages.set(n, p); // most recently used last
      return p;
    }
    p = await this.source.read(n * PAGE, Math.min(PAGE, this.size - n * PAGE));
    if (this.pages.size >= MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(n, p);
    return p;
  }

  async u8(o: number): Promise<number> {
    return (await this.bytes(o, 1))[0]!;
  }
  async u16(o: number): Promise<number> {
    return (await this.bytes(o, 2)).readUInt16LE(0);
  }
  async i32(o: number): Promise<number> {
    return (await this.bytes(o, 4)).readInt32LE(0);
  }
  async u32(o: number): Promise<number> {
    return (await this.bytes(o, 4)).readUInt32LE(0);
  }
  async u64(o: number): Promise<number> {
    const v = (await this.bytes(o, 8)).readBigUInt64LE(0);
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
      throw new FormatError(`64-bit value ${v} at ${o} is implausibly large`);
    return Number(v);
  }
}

/**
 * A flatbuffer table, read field by field. Offsets are validated: a vtable or field outside the
 * buffer, or a vector longer than the buffer, is a FormatError.
 */
export class FlatTable {
  private constructor(
    readonly r: PagedReader,
    readonly pos: number,
    private readonly vtable: number,
    private readonly vtableSize: number,
    private readonly objectSize: number,
    private readonly base: number,
    private readonly end: number,
  ) {}

  /** The root table of a flatbuffer starting at `base` (and ending at `end`). */
  static async root(r: PagedReader, base = 0, end = r.size): Promise<FlatTable> {
    const off = await r.u32(base);
    return FlatTable.at(r, base + off, base, end);
  }

  static async at(r: PagedReader, pos: number, base: number, end: number): Promise<FlatTable> {
    if (pos < base || pos + 4 > end) throw new FormatError(`table at ${pos} is outside the buffer`);
    const vt = pos - (await r.i32(pos));
    if (vt < base || vt + 4 > end)
      throw new FormatError(`vtable of the table at ${pos} is outside the buffer`);
    const vtableSize = await r.u16(vt);
    const objectSize = await r.u16(vt + 2);
    if (vtableSize < 4 || vtableSize % 2 !== 0 || vt + vtableSize > end)
      throw new FormatError(`vtable at ${vt} has an impossible size ${vtableSize}`);
    if (pos + objectSize > end) throw new FormatError(`table at ${pos} runs past the buffer`);
    return new FlatTable(r, pos, vt, vtableSize, objectSize, base, end);
  }

  /** Absolute position of field `index`, or undefined when absent. */
  async field(index: number): Promise<number | undefined> {
    const slot = 4 + index * 2;
    if (slot + 2 > this.vtableSize) return undefined;
    const off = await this.r.u16(this.vtable + slot);
    if (off === 0) return undefined;
    if (off >= this.objectSize)
      throw new FormatError(`field ${index} of the table at ${this.pos} lies outside it`);
    return this.pos + off;
  }

  async u8(index: number, def = 0): Promise<number> {
    const p = await this.field(index);
    return p === undefined ? def : this.r.u8(p);
  }
  async i32(index: number, def = 0): Promise<number> {
    const p = await this.field(index);
    return p === undefined ? def : this.r.i32(p);
  }
  async u32(index: number, def = 0): Promise<number> {
    const p = await this.field(index);
    return p === undefined ? def : this.r.u32(p);
  }

  private async indirect(index: number): Promise<number | undefined> {
    const p = await this.field(index);
    if (p === undefined) return undefined;
    const target = p + (await this.r.u32(p));
    if (target < this.base || target + 4 > this.end)
      throw new FormatError(`field ${index} of the table at ${this.pos} points outside the buffer`);
    return target;
  }

  async string(index: number, max = 4096): Promise<string | undefined> {
    const p = await this.indirect(index);
    if (p === undefined) return undefined;
    return readFlatString(this.r, p, this.end, max);
  }

  async table(index: number): Promise<FlatTable | undefined> {
    const p = await this.indirect(index);
    return p === undefined ? undefined : FlatTable.at(this.r, p, this.base, this.end);
  }

  /** A vector field: its element count and the position of element 0. */
  async vector(
    index: number,
    elementSize: number,
  ): Promise<{ length: number; start: number } | undefined> {
    const p = await this.indirect(index);
    if (p === undefined) return undefined;
    const length = await this.r.u32(p);
    if (p + 4 + length * elementSize > this.end)
      throw new FormatError(`vector of ${length} elements at ${p} runs past the buffer`);
    return { length, start: p + 4 };
  }

  async tableAt(vectorStart: number, i: number): Promise<FlatTable> {
    const slot = vectorStart + i * 4;
    return FlatTable.at(this.r, slot + (await this.r.u32(slot)), this.base, this.end);
  }

  async stringAt(vectorStart: number, i: number, max = 4096): Promise<string> {
    const slot = vectorStart + i * 4;
    const p = slot + (await this.r.u32(slot));
    if (p < this.base || p + 4 > this.end)
      throw new FormatError(`string at ${p} is outside the buffer`);
    return readFlatString(this.r, p, this.end, max);
  }
}

async function readFlatString(
  r: PagedReader,
  p: number,
  end: number,
  max: number,
): Promise<string> {
  const len = await r.u32(p);
  if (p + 4 + len > end)
    throw new FormatError(`string of ${len} bytes at ${p} runs past the buffer`);
  return (await r.bytes(p + 4, Math.min(len, max))).toString('utf8');
}
