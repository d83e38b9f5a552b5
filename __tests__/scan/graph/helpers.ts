/**
 * Test helpers for the graph family: a minimal zip reader (stored and deflated members) that
 * builds an in-memory ArchiveView, so the .keras layout is tested without the zip container,
 * and a source that counts what is read.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { BufferSource, type RandomAccessSource } from '../../../src/io/source.js';
import { SourceStream } from '../../../src/io/stream.js';
import { type ScanTarget } from '../../../src/scan/base.js';
import { HEAD_BYTES } from '../../../src/identify/identify.js';
import type { ArchiveEntry, ArchiveView } from '../../../src/scan/base.js';

/** Reads every member of a small zip file into memory (test fixtures only). */
export function readZip(path: string): Map<string, Buffer> {
  const buf = readFileSync(path);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + csize);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function memberTarget(path: string, member: string, data: Buffer): ScanTarget {
  const source = new BufferSource(data);
  return {
    path,
    member,
    name: member.split('/').pop()!,
    size: data.length,
    head: data.subarray(0, HEAD_BYTES),
    openStream: () => new SourceStream(source),
    source,
  };
}

/** An in-memory ArchiveView over zip members; records which members a layout opened. */
export class FakeArchiveView implements ArchiveView {
  readonly kind = 'zip';
  readonly entries: readonly ArchiveEntry[];
  readonly opened: string[] = [];

  constructor(
    private readonly path: string,
    private readonly members: Map<string, Buffer>,
  ) {
    this.entries = [...members.entries()].map(([name, data]) => ({
      name,
      size: data.length,
      isDirectory: name.endsWith('/'),
    }));
  }

  open(name: string): Promise<ScanTarget> {
    const data = this.members.get(name);
    if (!data) return Promise.reject(new Error(`no member ${name}`));
    this.opened.push(name);
    return Promise.resolve(memberTarget(this.path, name, data));
  }

  readText(name: string, limit: number): Promise<string> {
    const data = this.members.get(name);
    if (!data) return Promise.reject(new Error(`no member ${name}`));
    if (data.length > limit) return Promise.reject(new Error('too large'));
    return Promise.resolve(data.toString('utf8'));
  }
}

/** Wraps a source and counts the bytes read through it. */
export class CountingSource implements RandomAccessSource {
  bytes = 0;
  reads = 0;
  constructor(private readonly inner: RandomAccessSource) {}
  get size(): number {
    return this.inner.size;
  }
  async read(position: number, length: number): Promise<Buffer> {
    const b = await this.inner.read(position, length);
    this.bytes += b.length;
    this.reads++;
    return b;
  }
}
