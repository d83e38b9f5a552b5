/**
 * Data files of scientific software: MATLAB v4/v5 MAT-files, IDL save files, protobuf descriptor
 * sets. Recognised by content, walked element by element; a broken one is the INFO MA5614, never
 * "unknown" and never a gate failure; IDL compiled routines are a WARNING.
 */
import { isDescriptorSet } from '../../../src/scan/formats/data-only.js';
import { isIdlSave, isMatlabV4, isMatlabV5 } from '../../../src/scan/formats/scientific.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';

/** A MATLAB v5 header (little-endian) followed by `elements`. */
function matV5(...elements: Buffer[]): Buffer {
  const head = Buffer.alloc(128, 0x20);
  head.write('MATLAB 5.0 MAT-file, Platform: test', 0, 'latin1');
  head.fill(0, 116, 124);
  head.writeUInt16LE(0x0100, 124);
  head.write('IM', 126, 'latin1');
  return Buffer.concat([head, ...elements]);
}

function element(type: number, data: Buffer): Buffer {
  const tag = Buffer.alloc(8);
  tag.writeUInt32LE(type, 0);
  tag.writeUInt32LE(data.length, 4);
  const pad = type === 15 ? 0 : (8 - (data.length % 8)) % 8;
  return Buffer.concat([tag, data, Buffer.alloc(pad)]);
}

/** One MATLAB v4 matrix, little-endian doubles. */
function matV4(name: string, rows: number, cols: number, data = rows * cols * 8): Buffer {
  const h = Buffer.alloc(20);
  h.writeInt32LE(0, 0);
  h.writeInt32LE(rows, 4);
  h.writeInt32LE(cols, 8);
  h.writeInt32LE(0, 12);
  h.writeInt32LE(name.length + 1, 16);
  return Buffer.concat([h, Buffer.from(name + '\0', 'latin1'), Buffer.alloc(data)]);
}

function idl(records: [number, Buffer][]): Buffer {
  let out = Buffer.from('SR\x00\x04', 'latin1');
  for (const [type, body] of records) {
    const next = out.length + 16 + body.length;
    const h = Buffer.alloc(16);
    h.writeInt32BE(type, 0);
    h.writeUInt32BE(next, 4);
    out = Buffer.concat([out, h, body]);
  }
  return out;
}

describe('MATLAB v5', () => {
  test('a file of matrix and compressed elements is recognised and clean', async () => {
    const bytes = matV5(
      element(14, Buffer.alloc(40)),
      element(15, Buffer.from('789c0300000000', 'hex')),
    );
    expect(isMatlabV5(bytes)).toBe(true);
    const r = await scanBytes(bytes, 'x.mat');
    expect([r.format, r.findings]).toEqual(['matlab-v5', []]);
  });
  test.each([
    ['an element past the end', matV5(element(14, Buffer.alloc(16)).subarray(0, 20))],
    ['an unknown element type', matV5(element(99, Buffer.alloc(8)))],
    ['a compressed element that is not zlib', matV5(element(15, Buffer.from('not zlib')))],
  ])('%s is the malformed-data INFO', async (_n, bytes) => {
    const r = await scanBytes(bytes, 'x.mat');
    expect(rulesOf(r)).toEqual(['MA5614']);
    expect(r.findings[0]!.severity).toBe('INFO');
  });
});

describe('MATLAB v4 (no magic number)', () => {
  test('matrices whose sizes add up to the file', async () => {
    const bytes = Buffer.concat([matV4('a', 2, 3), matV4('bb', 1, 1)]);
    expect(isMatlabV4(bytes, bytes.length)).toBe(true);
    const r = await scanBytes(bytes, 'x.mat');
    expect([r.format, r.findings]).toEqual(['matlab-v4', []]);
  });
  test('a truncated file is still MATLAB, and said to be truncated', async () => {
    const bytes = matV4('a', 1 << 20, 3, 64);
    expect(isMatlabV4(bytes, bytes.length)).toBe(true);
    expect(rulesOf(await scanBytes(bytes, 'x.mat'))).toEqual(['MA5614']);
  });
  test.each([
    [
      'an unprintable name',
      Buffer.concat([matV4('a', 1, 1).subarray(0, 20), Buffer.from([1, 0]), Buffer.alloc(8)]),
    ],
    ['a pickle', Buffer.from('80025d71002e', 'hex')],
    ['text', Buffer.from('hello world, this is not a matrix at all\n')],
  ])('%s is not MATLAB v4', (_n, bytes) => {
    expect(isMatlabV4(bytes, bytes.length)).toBe(false);
  });
});

describe('IDL save files', () => {
  test('variables only: clean', async () => {
    const bytes = idl([
      [10, Buffer.alloc(8)],
      [2, Buffer.alloc(8)],
      [6, Buffer.alloc(0)],
    ]);
    expect(isIdlSave(bytes)).toBe(true);
    const r = await scanBytes(bytes, 'x.sav');
    expect([r.format, r.findings]).toEqual(['idl-sav', []]);
  });
  test('compiled routines are a WARNING', async () => {
    const r = await scanBytes(
      idl([
        [12, Buffer.alloc(8)],
        [6, Buffer.alloc(0)],
      ]),
      'x.sav',
    );
    expect(rulesOf(r)).toEqual(['MA5613']);
  });
  test('a record pointing backwards is the malformed-data INFO', async () => {
    const bytes = idl([
      [10, Buffer.alloc(8)],
      [2, Buffer.alloc(8)],
    ]);
    bytes.writeUInt32BE(4, 4 + 24 + 4); // the second record points at the first
    expect(rulesOf(await scanBytes(bytes, 'x.sav'))).toEqual(['MA5614']);
  });
});

describe('protobuf descriptor sets', () => {
  const file = (name: string): Buffer => {
    const inner = Buffer.concat([Buffer.from([0x0a, name.length]), Buffer.from(name)]);
    return Buffer.concat([Buffer.from([0x0a, inner.length]), inner]);
  };
  test('recognised by a first file named .proto', () => {
    expect(isDescriptorSet(Buffer.concat([file('a/b.proto'), file('c.proto')]))).toBe(true);
    expect(isDescriptorSet(file('not-a-schema.txt'))).toBe(false);
  });
  test('under a weights name: the mismatch WARNING, and nothing else', async () => {
    const r = await scanBytes(Buffer.concat([file('a/b.proto'), file('c.proto')]), 'x.proto.bin');
    expect(r.format).toBe('protobuf-descriptor-set');
    expect(rulesOf(r)).toEqual(['MA1005']);
  });
});
