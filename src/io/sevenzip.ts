/**
 * A bounded 7z reader: the signature header, the (possibly LZMA-packed) header with its
 * folders, coders and file list. Folders with one coder (copy, LZMA, LZMA2, deflate, bzip2) are
 * decoded as streams; members of a solid folder are reached by decoding the folder from its
 * start and skipping, never by holding it whole. AES-encrypted folders and other coders are
 * reported as unreadable.
 */
import { MalformedInput } from './malformed.js';
import { BytesInput } from './bytes-input.js';
import { bzip2 } from './bzip2.js';
import { decompress } from './decompress.js';
import { lzma2, lzma2DictSize, lzmaRaw, parsePropsByte, type LzmaOptions } from './lzma.js';
import { SliceSource, type RandomAccessSource } from './source.js';
import { IterableStream, SourceStream, readAll, type ByteStream } from './stream.js';

export const SEVEN_ZIP_MAGIC = Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
const MAX_HEADER = 64 * 1024 * 1024;

export class SevenZipError extends MalformedInput {
  override name = 'SevenZipError';
}

export interface Coder {
  readonly id: string;
  readonly props: Buffer;
  readonly inStreams: number;
  readonly outStreams: number;
}

export interface Folder {
  readonly coders: readonly Coder[];
  /** Offset of the folder's first packed stream in the source. */
  packOffset: number;
  packSize: number;
  unpackSize: number;
}

export interface SevenZipEntry {
  readonly name: string;
  readonly isDirectory: boolean;
  readonly isSymlink: boolean;
  readonly size: number;
  /** Folder holding the data (undefined for empty files and directories). */
  readonly folder: number | undefined;
  /** Offset of the member in its folder's unpacked output. */
  readonly offset: number;
}

export interface SevenZipArchive {
  readonly entries: readonly SevenZipEntry[];
  readonly folders: readonly Folder[];
}

export const CODERS: Record<string, string> = {
  '00': 'copy',
  '030101': 'LZMA',
  '21': 'LZMA2',
  '040108': 'Deflate',
  '040202': 'BZip2',
  '06f10701': 'AES-256',
  '030103': 'x86 BCJ',
  '0303011b': 'BCJ2',
  '030401': 'PPMd',
  '03': 'delta',
  '04': 'x86 BCJ',
  // 7-Zip ZS (the zstd fork of 7-Zip) and p7zip-zstd.
  '04f71101': 'zstd',
};

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  byte(): number {
    if (this.pos >= this.buf.length) throw new SevenZipError('7z header is truncated');
    return this.buf[this.pos++]!;
  }
  bytes(n: number): Buffer {
    if (n < 0 || this.pos + n > this.buf.length) throw new SevenZipError('7z header is truncated');
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  u32(): number {
    return this.bytes(4).readUInt32LE(0);
  }
  number(): number {
    const first = this.byte();
    let mask = 0x80;
    let value = 0;
    for (let i = 0; i < 8; i++) {
      if ((first & mask) === 0) {
        const high = first & (mask - 1);
        return value + high * 2 ** (8 * i);
      }
      value += this.byte() * 2 ** (8 * i);
      mask >>>= 1;
    }
    if (value > Number.MAX_SAFE_INTEGER) throw new SevenZipError('7z number too large');
    return value;
  }
  count(limit = 10_000_000): number {
    const n = this.number();
    if (n > limit) throw new SevenZipError(`7z count ${n} is beyond reason`);
    return n;
  }
  bits(n: number): boolean[] {
    const out: boolean[] = [];
    let b = 0;
    let mask = 0;
    for (let i = 0; i < n; i++) {
      if (mask === 0) {
        b = this.byte();
        mask = 0x80;
      }
      out.push((b & mask) !== 0);
      mask >>>= 1;
    }
    return out;
  }
  definedBits(n: number): boolean[] {
    const all = this.byte();
    return all ? new Array<boolean>(n).fill(true) : this.bits(n);
  }
}

interface StreamsInfo {
  packPos: number;
  packSizes: number[];
  folders: Folder[];
  /** Per folder: number of member streams and their sizes. */
  subStreams: number[][];
}

function readDigests(r: Reader, n: number): void {
  const defined = r.definedBits(n);
  for (const d of defined) if (d) r.u32();
}

function readFolder(r: Reader): { coders: Coder[]; outTotal: number; packedStreams: number } {
  const numCoders = r.count(64);
  const coders: Coder[] = [];
  let inTotal = 0;
  let outTotal = 0;
  for (let i = 0; i < numCoders; i++) {
    const flag = r.byte();
    const id = r.bytes(flag & 0x0f).toString('hex');
    let inStreams = 1;
    let outStreams = 1;
    if (flag & 0x10) {
      inStreams = r.count(64);
      outStreams = r.count(64);
    }
    const props = flag & 0x20 ? Buffer.from(r.bytes(r.count(1 << 16))) : Buffer.alloc(0);
    if (flag & 0x80) throw new SevenZipError('alternative 7z coder methods are not supported');
    coders.push({ id, props, inStreams, outStreams });
    inTotal += inStreams;
    outTotal += outStreams;
  }
  const bindPairs = outTotal - 1;
  for (let i = 0; i < bindPairs; i++) {
    r.number();
    r.number();
  }
  const packedStreams = inTotal - bindPairs;
  if (packedStreams > 1) for (let i = 0; i < packedStreams; i++) r.number();
  return { coders, outTotal, packedStreams };
}

function readStreamsInfo(r: Reader, base: number): StreamsInfo {
  const info: StreamsInfo = { packPos: 0, packSizes: [], folders: [], subStreams: [] };
  const folderOut: number[] = [];
  const folderPacked: number[] = [];
  let folderCrc: boolean[] = [];
  for (;;) {
    const id = r.number();
    if (id === 0x00) break;
    if (id === 0x06) {
      info.packPos = r.number();
      const n = r.count();
      for (;;) {
        const t = r.number();
        if (t === 0x00) break;
        if (t === 0x09) for (let i = 0; i < n; i++) info.packSizes.push(r.number());
        else if (t === 0x0a) readDigests(r, n);
        else throw new SevenZipError(`unexpected 7z pack property ${t}`);
      }
    } else if (id === 0x07) {
      if (r.number() !== 0x0b) throw new SevenZipError('7z folder list expected');
      const n = r.count();
      if (r.byte() !== 0) throw new SevenZipError('external 7z folder lists are not supported');
      const raw = [];
      for (let i = 0; i < n; i++) raw.push(readFolder(r));
      if (r.number() !== 0x0c) throw new SevenZipError('7z unpack sizes expected');
      for (const f of raw) {
        const sizes: number[] = [];
        for (let i = 0; i < f.outTotal; i++) sizes.push(r.number());
        info.folders.push({
          coders: f.coders,
          packOffset: 0,
          packSize: 0,
          // The folder's final output is the one no bind pair consumes; for one coder, its only output.
          unpackSize: sizes[sizes.length - 1] ?? 0,
        });
        folderOut.push(f.outTotal);
        folderPacked.push(f.packedStreams);
      }
      for (;;) {
        const t = r.number();
        if (t === 0x00) break;
        if (t === 0x0a) {
          folderCrc = r.definedBits(n);
          for (const d of folderCrc) if (d) r.u32();
        } else throw new SevenZipError(`unexpected 7z unpack property ${t}`);
      }
    } else if (id === 0x08) {
      const counts = info.folders.map(() => 1);
      let t = r.number();
      if (t === 0x0d) {
        for (let i = 0; i < counts.length; i++) counts[i] = r.count();
        t = r.number();
      }
      const sizes: number[][] = info.folders.map(() => []);
      const hasSizes = t === 0x09;
      info.folders.forEach((f, i) => {
        let sum = 0;
        for (let k = 0; k < counts[i]! - 1 && hasSizes; k++) {
          const s = r.number();
          sizes[i]!.push(s);
          sum += s;
        }
        if (counts[i]! > 0) sizes[i]!.push(f.unpackSize - sum);
      });
      if (hasSizes) t = r.number();
      while (t !== 0x00) {
        if (t === 0x0a) {
          // Streams whose CRC the folder already gives need none.
          const n = counts.reduce((a, c, i) => a + (c === 1 && folderCrc[i] ? 0 : c), 0);
          readDigests(r, n);
        } else throw new SevenZipError(`unexpected 7z substream property ${t}`);
        t = r.number();
      }
      info.subStreams = sizes;
    } else throw new SevenZipError(`unexpected 7z streams property ${id}`);
  }
  // Packed streams follow each other from packPos, folder by folder.
  let off = base + info.packPos;
  let p = 0;
  info.folders.forEach((f, i) => {
    f.packOffset = off;
    let size = 0;
    for (let k = 0; k < (folderPacked[i] ?? 1); k++) size += info.packSizes[p++] ?? 0;
    f.packSize = size;
    off += size;
  });
  if (info.subStreams.length === 0) info.subStreams = info.folders.map((f) => [f.unpackSize]);
  void folderOut;
  return info;
}

/** A stream of a folder's unpacked output (single-coder folders). */
export function folderStream(src: RandomAccessSource, f: Folder, opts: LzmaOptions): ByteStream {
  if (f.coders.length !== 1) {
    const names = f.coders.map((c) => CODERS[c.id] ?? c.id).join(' + ');
    throw new SevenZipError(`7z coder chain ${names} is not supported`);
  }
  const c = f.coders[0]!;
  const packed = new SliceSource(src, f.packOffset, f.packSize);
  const raw = new SourceStream(packed);
  switch (CODERS[c.id]) {
    case 'copy':
      return raw;
    case 'Deflate':
      return decompress(raw, 'deflate', opts);
    case 'BZip2':
      return new IterableStream(bzip2(raw), undefined, () => void raw.close());
    case 'LZMA': {
      if (c.props.length < 5) throw new SevenZipError('bad 7z LZMA properties');
      const input = new BytesInput(raw);
      return new IterableStream(
        lzmaRaw(input, parsePropsByte(c.props[0]!), c.props.readUInt32LE(1), f.unpackSize, opts),
      );
    }
    case 'LZMA2': {
      if (c.props.length < 1) throw new SevenZipError('bad 7z LZMA2 properties');
      return new IterableStream(lzma2(new BytesInput(raw), lzma2DictSize(c.props[0]!), opts));
    }
    case 'zstd':
      return decompress(raw, 'zstd', opts);
    case 'AES-256':
      throw new SevenZipError('encrypted');
    default:
      throw new SevenZipError(`7z coder ${CODERS[c.id] ?? c.id} is not supported`);
  }
}

function utf16Names(buf: Buffer, n: number): string[] {
  const names: string[] = [];
  let start = 0;
  for (let i = 0; i + 1 < buf.length && names.length < n; i += 2) {
    if (buf[i] === 0 && buf[i + 1] === 0) {
      names.push(buf.toString('utf16le', start, i));
      start = i + 2;
    }
  }
  return names;
}

export async function readSevenZip(
  src: RandomAccessSource,
  opts: LzmaOptions,
  maxMembers: number,
): Promise<SevenZipArchive> {
  const sig = await src.read(0, 32);
  if (sig.length < 32 || !sig.subarray(0, 6).equals(SEVEN_ZIP_MAGIC))
    throw new SevenZipError('no 7z signature');
  const nextOffset = Number(sig.readBigUInt64LE(12));
  const nextSize = Number(sig.readBigUInt64LE(20));
  if (nextSize > MAX_HEADER)
    throw new SevenZipError(`7z header of ${nextSize} bytes is larger than supported`);
  if (32 + nextOffset + nextSize > src.size)
    throw new SevenZipError('7z header lies beyond the end of the file');
  let header = await src.read(32 + nextOffset, nextSize);
  let r = new Reader(header);
  let id = r.number();
  for (let round = 0; id === 0x17 && round < 4; round++) {
    // An encoded header: a streams-info whose only folder unpacks to the real header.
    const info = readStreamsInfo(r, 32);
    const f = info.folders[0];
    if (!f) throw new SevenZipError('encoded 7z header has no folder');
    if (f.unpackSize > MAX_HEADER) throw new SevenZipError('7z header is larger than supported');
    let stream: ByteStream;
    try {
      stream = folderStream(src, f, opts);
    } catch (err) {
      if (err instanceof SevenZipError && err.message === 'encrypted')
        throw new SevenZipError('the 7z header is encrypted');
      throw err;
    }
    try {
      header = await readAll(stream, MAX_HEADER);
    } finally {
      await stream.close();
    }
    r = new Reader(header);
    id = r.number();
  }
  if (id !== 0x01) throw new SevenZipError('7z header expected');
  let streams: StreamsInfo = { packPos: 0, packSizes: [], folders: [], subStreams: [] };
  const entries: SevenZipEntry[] = [];
  for (;;) {
    const t = r.number();
    if (t === 0x00) break;
    if (t === 0x02) {
      for (;;) {
        const p = r.number();
        if (p === 0) break;
        r.bytes(r.count(MAX_HEADER));
      }
    } else if (t === 0x03) readStreamsInfo(r, 32);
    else if (t === 0x04) streams = readStreamsInfo(r, 32);
    else if (t === 0x05) {
      const n = r.count(maxMembers + 1);
      let emptyStream: boolean[] = new Array<boolean>(n).fill(false);
      let emptyFile: boolean[] = [];
      let names: string[] = [];
      let attrs: (number | undefined)[] = [];
      for (;;) {
        const p = r.number();
        if (p === 0) break;
        const size = r.count(MAX_HEADER);
        const body = new Reader(r.bytes(size));
        if (p === 0x0e) emptyStream = body.bits(n);
        else if (p === 0x0f) emptyFile = body.bits(emptyStream.filter(Boolean).length);
        else if (p === 0x11) {
          if (body.byte() !== 0) throw new SevenZipError('external 7z names are not supported');
          names = utf16Names(body.buf.subarray(1), n);
        } else if (p === 0x15) {
          const defined = body.definedBits(n);
          if (body.byte() !== 0)
            throw new SevenZipError('external 7z attributes are not supported');
          attrs = defined.map((d) => (d ? body.u32() : undefined));
        }
      }
      // Files with a stream take the folders' substreams in order.
      let folder = 0;
      let sub = 0;
      let offset = 0;
      let emptyIndex = 0;
      for (let i = 0; i < Math.min(n, maxMembers); i++) {
        const name = names[i] ?? `(unnamed ${i})`;
        const attr = attrs[i];
        const unixMode = attr !== undefined && attr & 0x8000 ? attr >>> 16 : 0;
        const isSymlink = (unixMode & 0o170000) === 0o120000;
        if (emptyStream[i]) {
          const isFile = emptyFile[emptyIndex++] ?? false;
          const isDirectory = !isFile || (attr !== undefined && (attr & 0x10) !== 0);
          entries.push({ name, isDirectory, isSymlink, size: 0, folder: undefined, offset: 0 });
          continue;
        }
        while (folder < streams.subStreams.length && sub >= streams.subStreams[folder]!.length) {
          folder++;
          sub = 0;
          offset = 0;
        }
        const size = streams.subStreams[folder]?.[sub];
        if (size === undefined)
          throw new SevenZipError('7z file list has more streams than the archive');
        entries.push({ name, isDirectory: false, isSymlink, size, folder, offset });
        offset += size;
        sub++;
      }
    } else throw new SevenZipError(`unexpected 7z header property ${t}`);
  }
  for (const f of streams.folders) {
    if (f.packOffset + f.packSize > src.size)
      throw new SevenZipError('a 7z folder lies beyond the end of the file');
  }
  return { entries, folders: streams.folders };
}
