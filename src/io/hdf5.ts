/**
 * A bounded HDF5 reader: just enough of the format (superblock versions 0–3, object headers
 * v1/v2 with continuation blocks, attribute messages v1–v3 in compact and dense storage,
 * symbol-table groups with v1 B-trees and local heaps, link messages and dense link storage,
 * fractal heaps, v2 B-trees and global heaps) to list the attributes of the root group and of
 * its child groups, which is where Keras stores `model_config`, `training_config`,
 * `keras_version` and `backend`.
 *
 * Memory: every structure is read with a positioned read of its own (bounded size); datasets
 * (the weights) are never touched, so a 2 GB weights file costs a few kilobytes of reads.
 * Attribute values are read only up to `maxValueBytes`. Every loop has a bound and every
 * address is checked against the file size, so a crafted file fails with Hdf5Error.
 */
import { MalformedInput } from './malformed.js';
import type { RandomAccessSource } from './source.js';

export class Hdf5Error extends MalformedInput {
  override name = 'Hdf5Error';
  constructor(
    message: string,
    override readonly offset: number,
  ) {
    super(`${message} (at offset ${offset})`);
  }
}

/** A decoded attribute value: strings, numbers, or a description of what was not decoded. */
export type H5Value = string | number | bigint | (string | number | bigint)[] | null;

export interface H5Attribute {
  readonly name: string;
  readonly value: H5Value;
  /** Why the value is null (unsupported type, too large…). */
  readonly note?: string;
}

export interface Hdf5Options {
  /** Largest attribute value read (bytes). */
  readonly maxValueBytes: number;
  /** Called regularly; throws to stop. */
  readonly checkpoint: () => void;
}

const SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
const UNDEFINED_ADDRESS = -1;
/** Bounds on structure sizes and counts: far above what h5py writes, far below harm. */
const MAX_HEADER_MESSAGES = 65536;
const MAX_CONTINUATIONS = 4096;
const MAX_STRUCTURE_BYTES = 16 * 1024 * 1024;
const MAX_BTREE_NODES = 100_000;
const MAX_LINKS = 1_000_000;

/** True when the bytes start with the HDF5 signature (at 0; user blocks are handled by open). */
export function isHdf5(head: Buffer): boolean {
  return head.length >= 8 && head.subarray(0, 8).equals(SIGNATURE);
}

/**
 * Where the HDF5 superblock signature is: at 0, or after a user block of 512, 1024, 2048…
 * bytes (the HDF5 specification; MATLAB v7.3 files use 512, h5py any power of two). The HDF5
 * library looks at every such offset up to the end of the file, so this does too: in `head`,
 * then with one 8-byte read per offset past it.
 */
export async function hdf5SignatureOffset(
  head: Buffer,
  size: number | undefined,
  source: RandomAccessSource | undefined,
): Promise<number | undefined> {
  const end = size ?? head.length;
  for (let at = 0; at + 8 <= end; at = at === 0 ? 512 : at * 2) {
    const sig =
      at + 8 <= head.length
        ? head.subarray(at, at + 8)
        : source
          ? await source.read(at, 8)
          : undefined;
    if (!sig) return undefined;
    if (sig.equals(SIGNATURE)) return at;
  }
  return undefined;
}

interface Message {
  readonly type: number;
  readonly data: Buffer;
  readonly offset: number;
}

interface ObjectHeader {
  readonly messages: readonly Message[];
}

/** A little-endian cursor over one structure read into memory. */
class Bytes {
  pos = 0;
  constructor(
    readonly buf: Buffer,
    readonly base: number,
    private readonly o: number,
    private readonly l: number,
  ) {}

  need(n: number): void {
    if (this.pos + n > this.buf.length)
      throw new Hdf5Error('structure truncated', this.base + this.pos);
  }
  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }
  u16(): number {
    this.need(2);
    const v = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  uN(n: number): number {
    this.need(n);
    let v = 0;
    let allOnes = true;
    for (let i = 0; i < n; i++) {
      const b = this.buf[this.pos + i]!;
      if (b !== 0xff) allOnes = false;
      v += b * 2 ** (8 * i);
    }
    this.pos += n;
    if (allOnes) return UNDEFINED_ADDRESS;
    if (!Number.isSafeInteger(v)) throw new Hdf5Error('value too large', this.base + this.pos - n);
    return v;
  }
  addr(): number {
    return this.uN(this.o);
  }
  len(): number {
    return this.uN(this.l);
  }
  take(n: number): Buffer {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
  align8(start: number): void {
    const rel = this.pos - start;
    const pad = (8 - (rel % 8)) % 8;
    this.pos = Math.min(this.buf.length, this.pos + pad);
  }
  get remaining(): number {
    return this.buf.length - this.pos;
  }
}

interface FractalHeap {
  readonly idLength: number;
  readonly maxManaged: number;
  readonly hugeBtree: number;
  readonly tableWidth: number;
  readonly startBlock: number;
  readonly maxDirectBlock: number;
  readonly maxHeapBits: number;
  readonly rootBlock: number;
  readonly rootRows: number;
  readonly checksummedDirect: boolean;
  readonly filtered: boolean;
  /** Managed direct blocks: heap offset → file address and size. */
  blocks?: { readonly offset: number; readonly address: number; readonly size: number }[];
  huge?: Map<number, { address: number; length: number }>;
}

export class Hdf5File {
  private o = 8;
  private l = 8;
  private base = 0;
  private rootHeader = UNDEFINED_ADDRESS;
  /** The version of the superblock, for the report. */
  superblockVersion = -1;
  private steps = 0;

  private constructor(
    private readonly source: RandomAccessSource,
    private readonly options: Hdf5Options,
  ) {}

  static async open(source: RandomAccessSource, options: Hdf5Options): Promise<Hdf5File> {
    const f = new Hdf5File(source, options);
    await guard(() => f.readSuperblock());
    return f;
  }

  get rootAddress(): number {
    return this.rootHeader;
  }

  private tick(): void {
    if (++this.steps % 256 === 0) this.options.checkpoint();
  }

  private async read(address: number, length: number, what: string): Promise<Bytes> {
    if (address === UNDEFINED_ADDRESS || address < 0)
      throw new Hdf5Error(`undefined address for ${what}`, address);
    const at = this.base + address;
    if (length > MAX_STRUCTURE_BYTES) throw new Hdf5Error(`${what} claims ${length} bytes`, at);
    if (at + length > this.source.size)
      throw new Hdf5Error(`${what} lies past the end of the file`, at);
    const buf = await this.source.read(at, length);
    return new Bytes(buf, at, this.o, this.l);
  }

  /** Reads up to `max` bytes at an address, fewer near the end of the file. */
  private async readUpTo(address: number, max: number, what: string): Promise<Bytes> {
    const at = this.base + address;
    if (address < 0 || at >= this.source.size)
      throw new Hdf5Error(`${what} lies past the end of the file`, at);
    return this.read(address, Math.min(max, this.source.size - at), what);
  }

  private async readSuperblock(): Promise<void> {
    let at = 0;
    for (;;) {
      if (at + 8 > this.source.size) throw new Hdf5Error('no HDF5 signature', 0);
      const sig = await this.source.read(at, 8);
      if (sig.equals(SIGNATURE)) break;
      at = at === 0 ? 512 : at * 2;
    }
    const head = await this.source.read(at, Math.min(256, this.source.size - at));
    const b = new Bytes(head, at, 8, 8);
    b.skip(8);
    const version = b.u8();
    this.superblockVersion = version;
    if (version === 0 || version === 1) {
      b.skip(4); // free-space, root symbol table, reserved, shared header versions
      this.o = b.u8();
      this.l = b.u8();
      b.skip(1);
      b.skip(4); // leaf K, internal K
      b.skip(4); // consistency flags
      if (version === 1) b.skip(4);
      checkSizes(this.o, this.l, at);
      const rb = new Bytes(head, at, this.o, this.l);
      rb.pos = b.pos;
      this.base = rb.addr();
      if (this.base === UNDEFINED_ADDRESS) this.base = at;
      rb.addr(); // free-space info
      rb.addr(); // end of file
      rb.addr(); // driver info
      rb.addr(); // root link name offset
      this.rootHeader = rb.addr();
    } else if (version === 2 || version === 3) {
      this.o = b.u8();
      this.l = b.u8();
      checkSizes(this.o, this.l, at);
      b.skip(1); // consistency flags
      const rb = new Bytes(head, at, this.o, this.l);
      rb.pos = b.pos;
      this.base = rb.addr();
      if (this.base === UNDEFINED_ADDRESS) this.base = at;
      rb.addr(); // superblock extension
      rb.addr(); // end of file
      this.rootHeader = rb.addr();
    } else throw new Hdf5Error(`superblock version ${version} is not supported`, at + 8);
    if (this.rootHeader === UNDEFINED_ADDRESS) throw new Hdf5Error('no root group', at);
  }

  /** Reads an object header (v1 or v2) with all its continuation blocks. */
  async objectHeader(address: number): Promise<ObjectHeader> {
    const first = await this.readUpTo(address, 16, 'object header');
    const messages: Message[] = [];
    const pending: { address: number; length: number }[] = [];
    if (first.buf.subarray(0, 4).toString('latin1') === 'OHDR') {
      const b = await this.readUpTo(address, 64, 'object header');
      b.skip(4);
      const version = b.u8();
      if (version !== 2) throw new Hdf5Error(`object header version ${version}`, b.base + 4);
      const flags = b.u8();
      if (flags & 0x20) b.skip(16);
      if (flags & 0x10) b.skip(4);
      const sizeBytes = 1 << (flags & 3);
      const chunkSize = b.uN(sizeBytes);
      const chunk = await this.read(address + b.pos, chunkSize + 4, 'object header chunk');
      this.parseV2Messages(chunk, chunkSize + 4, flags, messages, pending);
      for (let n = 0; pending.length > 0; n++) {
        if (n > MAX_CONTINUATIONS) throw new Hdf5Error('too many continuation blocks', address);
        const c = pending.shift()!;
        const block = await this.read(c.address, c.length, 'continuation block');
        if (block.buf.subarray(0, 4).toString('latin1') !== 'OCHK')
          throw new Hdf5Error('continuation block without OCHK signature', block.base);
        block.skip(4);
        this.parseV2Messages(block, c.length - 4, flags, messages, pending);
      }
    } else {
      const b = first;
      const version = b.u8();
      if (version !== 1) throw new Hdf5Error(`object header version ${version}`, b.base);
      b.skip(1);
      const count = b.u16();
      b.skip(4); // reference count
      const size = b.u32();
      if (count > MAX_HEADER_MESSAGES) throw new Hdf5Error('too many header messages', b.base);
      pending.push({ address: address + 16, length: size });
      for (let n = 0; pending.length > 0; n++) {
        if (n > MAX_CONTINUATIONS) throw new Hdf5Error('too many continuation blocks', address);
        const c = pending.shift()!;
        const block = await this.read(c.address, c.length, 'object header messages');
        this.parseV1Messages(block, messages, pending);
        if (messages.length > MAX_HEADER_MESSAGES)
          throw new Hdf5Error('too many header messages', block.base);
      }
    }
    return { messages };
  }

  private parseV1Messages(
    b: Bytes,
    out: Message[],
    pending: { address: number; length: number }[],
  ): void {
    while (b.remaining >= 8) {
      this.tick();
      const type = b.u16();
      const size = b.u16();
      b.skip(4); // flags, reserved
      const offset = b.base + b.pos;
      const data = b.take(Math.min(size, b.remaining));
      if (data.length < size) throw new Hdf5Error('header message truncated', offset);
      b.align8(0);
      this.collect(type, data, offset, out, pending);
    }
  }

  private parseV2Messages(
    b: Bytes,
    end: number,
    flags: number,
    out: Message[],
    pending: { address: number; length: number }[],
  ): void {
    const headerSize = flags & 0x04 ? 6 : 4;
    const stop = Math.min(b.buf.length, b.pos + end) - 4; // checksum
    while (stop - b.pos >= headerSize) {
      this.tick();
      const type = b.u8();
      const size = b.u16();
      b.skip(1);
      if (flags & 0x04) b.skip(2);
      const offset = b.base + b.pos;
      if (b.pos + size > stop) throw new Hdf5Error('header message truncated', offset);
      const data = b.take(size);
      this.collect(type, data, offset, out, pending);
      if (out.length > MAX_HEADER_MESSAGES) throw new Hdf5Error('too many header messages', offset);
    }
  }

  private collect(
    type: number,
    data: Buffer,
    offset: number,
    out: Message[],
    pending: { address: number; length: number }[],
  ): void {
    if (type === 0x10) {
      const c = new Bytes(data, offset, this.o, this.l);
      pending.push({ address: c.addr(), length: c.len() });
    } else out.push({ type, data, offset });
  }

  /** Every attribute of the object at `address`, compact and dense. */
  attributes(address: number): Promise<H5Attribute[]> {
    return guard(() => this.readAttributes(address));
  }

  /** The hard links of the group at `address`: name → object header address. */
  links(address: number): Promise<Map<string, number>> {
    return guard(() => this.readLinks(address));
  }

  private async readAttributes(address: number): Promise<H5Attribute[]> {
    const header = await this.objectHeader(address);
    const out: H5Attribute[] = [];
    for (const m of header.messages) {
      if (m.type === 0x0c) out.push(await this.parseAttribute(m.data, m.offset));
      else if (m.type === 0x15) {
        for (const raw of await this.denseObjects(m.data, m.offset, 'attribute'))
          out.push(await this.parseAttribute(raw.data, raw.offset));
      }
    }
    return out;
  }

  private async readLinks(address: number): Promise<Map<string, number>> {
    const header = await this.objectHeader(address);
    const out = new Map<string, number>();
    for (const m of header.messages) {
      if (m.type === 0x11) await this.symbolTableLinks(m.data, m.offset, out);
      else if (m.type === 0x06) this.parseLink(m.data, m.offset, out);
      else if (m.type === 0x02)
        for (const raw of await this.denseObjects(m.data, m.offset, 'link'))
          this.parseLink(raw.data, raw.offset, out);
      if (out.size > MAX_LINKS) throw new Hdf5Error('too many links', m.offset);
    }
    return out;
  }

  private parseLink(data: Buffer, offset: number, out: Map<string, number>): void {
    const b = new Bytes(data, offset, this.o, this.l);
    const version = b.u8();
    if (version !== 1) throw new Hdf5Error(`link message version ${version}`, offset);
    const flags = b.u8();
    const type = flags & 0x08 ? b.u8() : 0;
    if (flags & 0x04) b.skip(8);
    if (flags & 0x10) b.skip(1);
    const nameLength = b.uN(1 << (flags & 3));
    const name = b.take(nameLength).toString('utf8');
    if (type === 0) out.set(name, b.addr());
  }

  private async symbolTableLinks(
    data: Buffer,
    offset: number,
    out: Map<string, number>,
  ): Promise<void> {
    const m = new Bytes(data, offset, this.o, this.l);
    const btree = m.addr();
    const heapAddress = m.addr();
    const heap = await this.read(heapAddress, 8 + 2 * this.l + this.o, 'local heap');
    if (heap.take(4).toString('latin1') !== 'HEAP')
      throw new Hdf5Error('local heap signature', heap.base);
    heap.skip(4);
    const dataSize = heap.len();
    heap.len();
    const dataAddress = heap.addr();
    const names = await this.read(dataAddress, dataSize, 'local heap data');
    const stack = [btree];
    let visited = 0;
    while (stack.length > 0) {
      this.tick();
      if (++visited > MAX_BTREE_NODES) throw new Hdf5Error('group B-tree too large', offset);
      const node = stack.pop()!;
      const head = await this.readUpTo(node, 8, 'group node');
      const sig = head.buf.subarray(0, 4).toString('latin1');
      if (sig === 'TREE') {
        const h = await this.read(node, 8 + 2 * this.o, 'B-tree node');
        h.skip(4);
        if (h.u8() !== 0) throw new Hdf5Error('group B-tree of the wrong type', h.base);
        h.u8(); // level
        const entries = h.u16();
        const n = await this.read(
          node,
          8 + 2 * this.o + (entries + 1) * this.l + entries * this.o,
          'B-tree node',
        );
        n.skip(8 + 2 * this.o);
        for (let i = 0; i < entries; i++) {
          n.len(); // key
          stack.push(n.addr());
        }
      } else if (sig === 'SNOD') {
        head.skip(6);
        const count = head.u16();
        const entrySize = 2 * this.o + 24;
        const s = await this.read(node, 8 + count * entrySize, 'symbol table node');
        s.skip(8);
        for (let i = 0; i < count; i++) {
          const nameOffset = s.len();
          const target = s.addr();
          s.skip(24);
          if (nameOffset >= names.buf.length)
            throw new Hdf5Error('link name outside the local heap', s.base);
          const end = names.buf.indexOf(0, nameOffset);
          out.set(names.buf.toString('utf8', nameOffset, end < 0 ? names.buf.length : end), target);
        }
      } else throw new Hdf5Error(`unknown group node signature ${JSON.stringify(sig)}`, head.base);
    }
  }

  /** The raw messages kept in a fractal heap (dense attribute or link storage). */
  private async denseObjects(
    data: Buffer,
    offset: number,
    kind: 'attribute' | 'link',
  ): Promise<{ data: Buffer; offset: number }[]> {
    const b = new Bytes(data, offset, this.o, this.l);
    b.u8(); // version
    const flags = b.u8();
    if (flags & 1) b.skip(kind === 'attribute' ? 2 : 8);
    const heapAddress = b.addr();
    const nameIndex = b.addr();
    if (heapAddress === UNDEFINED_ADDRESS || nameIndex === UNDEFINED_ADDRESS) return [];
    const heap = await this.fractalHeap(heapAddress);
    const records = await this.btree2Records(nameIndex);
    const out: { data: Buffer; offset: number }[] = [];
    for (const r of records) {
      // Attribute name index records start with the heap ID; link ones with a 4-byte hash.
      const id =
        kind === 'attribute'
          ? r.data.subarray(0, heap.idLength)
          : r.data.subarray(4, 4 + heap.idLength);
      out.push(await this.heapObject(heap, id, r.offset));
    }
    return out;
  }

  private async fractalHeap(address: number): Promise<FractalHeap> {
    const b = await this.readUpTo(
      address,
      22 + 12 * this.l + 3 * this.o + 6 + 16,
      'fractal heap header',
    );
    if (b.take(4).toString('latin1') !== 'FRHP')
      throw new Hdf5Error('fractal heap signature', b.base);
    b.u8();
    const idLength = b.u16();
    const filterLength = b.u16();
    const flags = b.u8();
    const maxManaged = b.u32();
    b.len(); // next huge id
    const hugeBtree = b.addr();
    b.len();
    b.addr();
    b.len();
    b.len();
    b.len();
    b.len();
    b.len();
    b.len();
    b.len();
    b.len();
    const tableWidth = b.u16();
    const startBlock = b.len();
    const maxDirectBlock = b.len();
    const maxHeapBits = b.u16();
    b.u16(); // starting rows
    const rootBlock = b.addr();
    const rootRows = b.u16();
    if (tableWidth === 0 || startBlock === 0 || maxHeapBits > 64 || tableWidth > 65536)
      throw new Hdf5Error('implausible fractal heap header', b.base);
    return {
      idLength,
      maxManaged,
      hugeBtree,
      tableWidth,
      startBlock,
      maxDirectBlock,
      maxHeapBits,
      rootBlock,
      rootRows,
      checksummedDirect: (flags & 2) !== 0,
      filtered: filterLength > 0,
    };
  }

  private async heapObject(
    heap: FractalHeap,
    id: Buffer,
    at: number,
  ): Promise<{ data: Buffer; offset: number }> {
    if (id.length < 1) throw new Hdf5Error('empty heap ID', at);
    const type = (id[0]! >> 4) & 3;
    const offsetBytes = Math.ceil(heap.maxHeapBits / 8);
    if (type === 0) {
      if (heap.filtered) throw new Hdf5Error('filtered fractal heaps are not supported', at);
      const lengthBytes = Math.min(
        encSize(heap.maxDirectBlock),
        Math.floor(Math.log2(heap.maxManaged || 1) / 8) + 1,
      );
      const r = new Bytes(id, at, this.o, this.l);
      r.skip(1);
      const off = r.uN(offsetBytes);
      const length = r.uN(lengthBytes);
      const blocks = await this.heapBlocks(heap);
      const block = blocks.find((x) => off >= x.offset && off < x.offset + x.size);
      if (!block || off + length > block.offset + block.size)
        throw new Hdf5Error('heap ID points outside the managed blocks', at);
      const rel = off - block.offset;
      const bytes = await this.read(block.address + rel, length, 'heap object');
      return { data: bytes.buf, offset: bytes.base };
    }
    if (type === 2) {
      const extended = heap.idLength > 17;
      const length = extended ? (((id[0]! & 0x0f) << 8) | id[1]!) + 1 : (id[0]! & 0x0f) + 1;
      const start = extended ? 2 : 1;
      return { data: id.subarray(start, start + length), offset: at };
    }
    if (type === 1) {
      if (id.length >= 1 + this.o + this.l && !heap.filtered) {
        const r = new Bytes(id, at, this.o, this.l);
        r.skip(1);
        const address = r.addr();
        const length = r.len();
        const bytes = await this.read(address, length, 'huge heap object');
        return { data: bytes.buf, offset: bytes.base };
      }
      heap.huge ??= await this.hugeObjects(heap);
      const r = new Bytes(id, at, this.o, this.l);
      r.skip(1);
      const key = r.uN(Math.min(this.l, id.length - 1));
      const found = heap.huge.get(key);
      if (!found) throw new Hdf5Error('huge heap object not in its B-tree', at);
      const bytes = await this.read(found.address, found.length, 'huge heap object');
      return { data: bytes.buf, offset: bytes.base };
    }
    throw new Hdf5Error(`heap ID of unknown type ${type}`, at);
  }

  private async hugeObjects(
    heap: FractalHeap,
  ): Promise<Map<number, { address: number; length: number }>> {
    const out = new Map<number, { address: number; length: number }>();
    if (heap.hugeBtree === UNDEFINED_ADDRESS) return out;
    for (const r of await this.btree2Records(heap.hugeBtree)) {
      const b = new Bytes(r.data, r.offset, this.o, this.l);
      if (r.type === 1) {
        const address = b.addr();
        const length = b.len();
        out.set(b.len(), { address, length });
      } else throw new Hdf5Error('filtered huge heap objects are not supported', r.offset);
    }
    return out;
  }

  /** The managed direct blocks of a fractal heap, walking indirect blocks. */
  private async heapBlocks(heap: FractalHeap): Promise<NonNullable<FractalHeap['blocks']>> {
    if (heap.blocks) return heap.blocks;
    const blocks: NonNullable<FractalHeap['blocks']> = [];
    heap.blocks = blocks;
    if (heap.rootBlock === UNDEFINED_ADDRESS) return blocks;
    const offsetBytes = Math.ceil(heap.maxHeapBits / 8);
    const rowSize = (row: number): number =>
      row < 2 ? heap.startBlock : heap.startBlock * 2 ** (row - 1);
    const maxDirectRows = Math.log2(heap.maxDirectBlock) - Math.log2(heap.startBlock) + 2;
    if (heap.rootRows === 0) {
      blocks.push({ offset: 0, address: heap.rootBlock, size: heap.startBlock });
      return blocks;
    }
    const walk = async (
      address: number,
      rows: number,
      heapOffset: number,
      depth: number,
    ): Promise<void> => {
      if (depth > 32 || blocks.length > MAX_BTREE_NODES)
        throw new Hdf5Error('fractal heap too deep', address);
      const directRows = Math.min(rows, maxDirectRows);
      const entries = rows * heap.tableWidth;
      const b = await this.read(
        address,
        5 + this.o + offsetBytes + entries * this.o,
        'fractal heap indirect block',
      );
      if (b.take(4).toString('latin1') !== 'FHIB')
        throw new Hdf5Error('indirect block signature', b.base);
      b.skip(1 + this.o + offsetBytes);
      let off = heapOffset;
      for (let row = 0; row < rows; row++) {
        const size = rowSize(row);
        for (let col = 0; col < heap.tableWidth; col++) {
          this.tick();
          const child = b.addr();
          if (row < directRows) {
            if (child !== UNDEFINED_ADDRESS) blocks.push({ offset: off, address: child, size });
          } else if (child !== UNDEFINED_ADDRESS) {
            const childRows = Math.log2(size) - Math.log2(heap.startBlock * heap.tableWidth) + 1;
            if (!Number.isInteger(childRows) || childRows < 1)
              throw new Hdf5Error('bad indirect block size', b.base);
            await walk(child, childRows, off, depth + 1);
          }
          off += size;
        }
      }
    };
    await walk(heap.rootBlock, heap.rootRows, 0, 0);
    return blocks;
  }

  /** Every record of a version 2 B-tree, with its type. */
  private async btree2Records(
    address: number,
  ): Promise<{ type: number; data: Buffer; offset: number }[]> {
    const h = await this.read(address, 16 + this.o + this.l + 2, 'v2 B-tree header');
    if (h.take(4).toString('latin1') !== 'BTHD') throw new Hdf5Error('v2 B-tree signature', h.base);
    h.u8();
    const type = h.u8();
    const nodeSize = h.u32();
    const recordSize = h.u16();
    const depth = h.u16();
    h.skip(2);
    const root = h.addr();
    const rootRecords = h.u16();
    if (recordSize === 0 || nodeSize < 16 || depth > 32)
      throw new Hdf5Error('implausible v2 B-tree', h.base);
    // Field widths of child pointers, as the library computes them (H5B2__hdr_init).
    const maxNrec: number[] = [];
    const cumMax: number[] = [];
    const cumMaxSize: number[] = [];
    maxNrec[0] = Math.floor((nodeSize - 10) / recordSize);
    cumMax[0] = maxNrec[0];
    cumMaxSize[0] = 0;
    const nrecSize = encSize(maxNrec[0]);
    for (let u = 1; u <= depth; u++) {
      const ptr = this.o + nrecSize + cumMaxSize[u - 1]!;
      maxNrec[u] = Math.floor((nodeSize - 10 - ptr) / (recordSize + ptr));
      cumMax[u] = (maxNrec[u]! + 1) * cumMax[u - 1]! + maxNrec[u]!;
      cumMaxSize[u] = encSize(cumMax[u]!);
    }
    const out: { type: number; data: Buffer; offset: number }[] = [];
    let visited = 0;
    const visit = async (node: number, records: number, level: number): Promise<void> => {
      this.tick();
      if (++visited > MAX_BTREE_NODES) throw new Hdf5Error('v2 B-tree too large', node);
      if (records === 0 || node === UNDEFINED_ADDRESS) return;
      const b = await this.read(
        node,
        Math.min(nodeSize, this.source.size - this.base - node),
        'v2 B-tree node',
      );
      const sig = b.take(4).toString('latin1');
      b.skip(2);
      if ((level === 0 && sig !== 'BTLF') || (level > 0 && sig !== 'BTIN'))
        throw new Hdf5Error(`v2 B-tree node signature ${JSON.stringify(sig)}`, b.base);
      const recs: { data: Buffer; offset: number }[] = [];
      for (let i = 0; i < records; i++)
        recs.push({ offset: b.base + b.pos, data: b.take(recordSize) });
      if (level === 0) {
        for (const r of recs) out.push({ type, ...r });
        return;
      }
      const children: { address: number; records: number }[] = [];
      for (let i = 0; i <= records; i++) {
        const child = b.addr();
        const n = b.uN(nrecSize);
        if (level > 1) b.uN(cumMaxSize[level - 1]!);
        children.push({ address: child, records: n });
      }
      for (let i = 0; i <= records; i++) {
        await visit(children[i]!.address, children[i]!.records, level - 1);
        if (i < records) out.push({ type, ...recs[i]! });
      }
    };
    await visit(root, rootRecords, depth);
    return out;
  }

  /** Decodes an attribute message (versions 1–3). */
  private async parseAttribute(data: Buffer, offset: number): Promise<H5Attribute> {
    const b = new Bytes(data, offset, this.o, this.l);
    const version = b.u8();
    if (version < 1 || version > 3)
      throw new Hdf5Error(`attribute message version ${version}`, offset);
    const flags = b.u8();
    const nameSize = b.u16();
    const typeSize = b.u16();
    const spaceSize = b.u16();
    if (version === 3) b.skip(1);
    const rawName = b.take(nameSize);
    const nul = rawName.indexOf(0);
    const name = rawName.toString('utf8', 0, nul < 0 ? rawName.length : nul);
    if (version === 1) b.pos = align(b.pos, 8);
    const typeBytes = b.take(typeSize);
    if (version === 1) b.pos = Math.min(data.length, align(b.pos, 8));
    const spaceBytes = b.take(spaceSize);
    if (version === 1) b.pos = Math.min(data.length, align(b.pos, 8));
    if (flags & 3) return { name, value: null, note: 'shared datatype or dataspace (not decoded)' };
    const count = dataspaceCount(new Bytes(spaceBytes, offset, this.o, this.l));
    const payload = data.subarray(b.pos);
    return { name, ...(await this.decodeValue(typeBytes, count, payload, offset + b.pos)) };
  }

  private async decodeValue(
    typeBytes: Buffer,
    count: number,
    payload: Buffer,
    at: number,
  ): Promise<{ value: H5Value; note?: string }> {
    if (typeBytes.length < 8) throw new Hdf5Error('datatype truncated', at);
    const cls = typeBytes[0]! & 0x0f;
    const bits = typeBytes[1]! | (typeBytes[2]! << 8);
    const size = typeBytes.readUInt32LE(4);
    if (count > 1_000_000) return { value: null, note: `${count} elements (not decoded)` };
    if (count * size > this.options.maxValueBytes)
      return { value: null, note: `value of ${count * size} bytes (over the read limit)` };
    const values: (string | number | bigint)[] = [];
    if (cls === 3) {
      for (let i = 0; i < count; i++) {
        const raw = payload.subarray(i * size, (i + 1) * size);
        if (raw.length < size) throw new Hdf5Error('attribute data truncated', at);
        const nul = raw.indexOf(0);
        values.push(raw.toString('utf8', 0, nul < 0 ? raw.length : nul));
      }
    } else if (cls === 9 && (bits & 0x0f) === 1) {
      const elem = 4 + this.o + 4;
      let total = 0;
      for (let i = 0; i < count; i++) {
        const e = new Bytes(
          payload.subarray(i * elem, (i + 1) * elem),
          at + i * elem,
          this.o,
          this.l,
        );
        const length = e.u32();
        const collection = e.addr();
        const index = e.u32();
        total += length;
        if (total > this.options.maxValueBytes)
          return { value: null, note: 'variable-length strings over the read limit' };
        values.push(length === 0 ? '' : await this.globalHeapObject(collection, index, length));
      }
    } else if ((cls === 0 || cls === 1) && (size === 1 || size === 2 || size === 4 || size === 8)) {
      const signed = (bits & 0x08) !== 0;
      for (let i = 0; i < count; i++) {
        const p = i * size;
        if (p + size > payload.length) throw new Hdf5Error('attribute data truncated', at);
        if (cls === 1)
          values.push(
            size === 8 ? payload.readDoubleLE(p) : size === 4 ? payload.readFloatLE(p) : NaN,
          );
        else if (size === 8)
          values.push(signed ? payload.readBigInt64LE(p) : payload.readBigUInt64LE(p));
        else values.push(signed ? payload.readIntLE(p, size) : payload.readUIntLE(p, size));
      }
    } else return { value: null, note: `datatype class ${cls} (not decoded)` };
    return { value: count === 1 ? values[0]! : values };
  }

  private readonly collections = new Map<number, Bytes>();

  private async globalHeapObject(
    collection: number,
    index: number,
    length: number,
  ): Promise<string> {
    let c = this.collections.get(collection);
    if (!c) {
      const head = await this.read(collection, 8 + this.l, 'global heap');
      if (head.take(4).toString('latin1') !== 'GCOL')
        throw new Hdf5Error('global heap signature', head.base);
      head.skip(4);
      const size = head.len();
      c = await this.read(collection, size, 'global heap collection');
      this.collections.set(collection, c);
      if (this.collections.size > 64)
        this.collections.delete(this.collections.keys().next().value!);
    }
    const b = new Bytes(c.buf, c.base, this.o, this.l);
    b.skip(8 + this.l);
    while (b.remaining >= 8 + this.l) {
      const i = b.u16();
      b.skip(6);
      const size = b.len();
      if (i === 0) break;
      if (i === index) {
        if (size < length)
          throw new Hdf5Error('global heap object shorter than its reference', b.base + b.pos);
        return b.take(length).toString('utf8');
      }
      b.skip(Math.min(b.remaining, align(size, 8)));
    }
    throw new Hdf5Error(`global heap object ${index} not found`, c.base);
  }
}

/** Any slip past a buffer end in crafted structures is a malformed file, not a crash. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RangeError) throw new Hdf5Error(`malformed structure: ${err.message}`, -1);
    throw err;
  }
}

function checkSizes(o: number, l: number, at: number): void {
  if (![2, 4, 8].includes(o) || ![2, 4, 8].includes(l))
    throw new Hdf5Error(`unsupported offset/length sizes ${o}/${l}`, at);
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/** Bytes needed to encode values up to `limit` (H5VM_limit_enc_size). */
function encSize(limit: number): number {
  return Math.floor(Math.log2(Math.max(1, limit)) / 8) + 1;
}

/** Number of elements a dataspace message describes (scalar: 1, null: 0). */
function dataspaceCount(b: Bytes): number {
  const version = b.u8();
  const rank = b.u8();
  const flags = b.u8();
  if (version === 1) b.skip(5);
  else if (version === 2) {
    const type = b.u8();
    if (type === 2) return 0;
  } else throw new Hdf5Error(`dataspace version ${version}`, b.base);
  if (rank > 32) throw new Hdf5Error('dataspace rank over 32', b.base);
  let n = 1;
  for (let i = 0; i < rank; i++) n *= b.len();
  void flags;
  return n;
}
