/**
 * Byte builders for archive tests: zips that can lie in every header field, tar headers,
 * .npy files and small pickles. Payloads only name `touch /tmp/modelaudit-marker-test`.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../../src/io/crc32.js';

export const PAYLOAD = Buffer.from(
  "cos\nsystem\n(S'touch /tmp/modelaudit-marker-test'\ntR.",
  'latin1',
);
export const PLAIN = Buffer.from('\x80\x02}q\x00X\x01\x00\x00\x00aK\x01s.', 'latin1');

export interface ZipMember {
  name: string;
  data: Buffer;
  method?: number;
  /** Bytes written as the member data instead of compressing `data`. */
  raw?: Buffer;
  crc?: number;
  flags?: number;
  localFlags?: number;
  localName?: string;
  localMethod?: number;
  external?: number;
}

export interface ZipOptions {
  prefix?: Buffer;
  /** Bytes inserted after the named member's data. */
  gapAfter?: Record<string, Buffer>;
  declaredCount?: number;
}

export function zip(members: ZipMember[], opts: ZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer): void => {
    parts.push(b);
    offset += b.length;
  };
  if (opts.prefix) parts.push(opts.prefix);
  for (const m of members) {
    const method = m.method ?? 0;
    const comp = m.raw ?? (method === 8 ? deflateRawSync(m.data) : m.data);
    const crc = m.crc ?? crc32(m.data);
    const name = Buffer.from(m.name, 'utf8');
    const lname = Buffer.from(m.localName ?? m.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(m.localFlags ?? m.flags ?? 0, 6);
    local.writeUInt16LE(m.localMethod ?? method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(m.data.length, 22);
    local.writeUInt16LE(lname.length, 26);
    const at = offset;
    push(Buffer.concat([local, lname, comp]));
    const gap = opts.gapAfter?.[m.name];
    if (gap) push(gap);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(0x031e, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(m.flags ?? 0, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(comp.length, 20);
    c.writeUInt32LE(m.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE((m.external ?? 0o100644 << 16) >>> 0, 38);
    c.writeUInt32LE(at, 42);
    central.push(Buffer.concat([c, name]));
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = opts.declaredCount ?? members.length;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, eocd]);
}

function octal(n: number, len: number): string {
  return n.toString(8).padStart(len - 1, '0') + '\0';
}

export interface TarMember {
  name: string;
  data?: Buffer;
  type?: string;
  linkname?: string;
}

/** A ustar archive with the end-of-archive blocks. */
export function tar(members: TarMember[]): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    const data = m.data ?? Buffer.alloc(0);
    const h = Buffer.alloc(512);
    h.write(m.name, 0, 100, 'utf8');
    h.write(octal(0o644, 8), 100, 'latin1');
    h.write(octal(0, 8), 108, 'latin1');
    h.write(octal(0, 8), 116, 'latin1');
    h.write(octal(data.length, 12), 124, 'latin1');
    h.write(octal(0, 12), 136, 'latin1');
    h.write('        ', 148, 'latin1');
    h.write(m.type ?? '0', 156, 'latin1');
    h.write(m.linkname ?? '', 157, 100, 'utf8');
    h.write('ustar\x0000', 257, 'latin1');
    let sum = 0;
    for (const b of h) sum += b;
    h.write(octal(sum, 7) + ' ', 148, 'latin1');
    parts.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function npy(header: string, body: Buffer, version = 1): Buffer {
  const lenSize = version === 1 ? 2 : 4;
  let h = Buffer.from(header, version === 3 ? 'utf8' : 'latin1');
  const pad = (64 - ((8 + lenSize + h.length + 1) % 64)) % 64;
  h = Buffer.concat([h, Buffer.alloc(pad, 0x20), Buffer.from('\n')]);
  const len = Buffer.alloc(lenSize);
  if (version === 1) len.writeUInt16LE(h.length);
  else len.writeUInt32LE(h.length);
  return Buffer.concat([
    Buffer.from('\x93NUMPY', 'latin1'),
    Buffer.from([version, 0]),
    len,
    h,
    body,
  ]);
}

/** SHORT_BINUNICODE. */
export function sbu(s: string): Buffer {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.from([0x8c, b.length]), b]);
}

export function global4(module: string, name: string): Buffer {
  return Buffer.concat([sbu(module), sbu(name), Buffer.from([0x93])]);
}
