/**
 * zstd: the portable decoder and Node.js's own (where the runtime has one) give the same bytes
 * and refuse the same frames for the same reasons; the history never costs more than O(1) per
 * byte however the blocks are cut; damaged input fails with a decode error, never a crash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DecodeError, Undecodable } from '../../src/io/bytes-input.js';
import { decompress } from '../../src/io/decompress.js';
import { BufferSource } from '../../src/io/source.js';
import { SourceStream, readAll } from '../../src/io/stream.js';
import { hasNativeZstd } from '../../src/io/zstd.js';
import { FrameOutput } from '../../src/io/zstd-block.js';
import { Xxh64 } from '../../src/io/xxhash64.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'archive');
const VECTORS = join(DIR, 'vectors');
const meta = JSON.parse(readFileSync(join(VECTORS, 'vectors.json'), 'utf8')) as {
  plaintext: { sha256: string };
  vectors: Record<string, string>;
  others: Record<string, { codec: string; sha256: string }>;
};
const zstdVectors = [
  ...Object.entries(meta.vectors)
    .filter(([, c]) => c === 'zstd')
    .map(([f]) => [f, meta.plaintext.sha256] as const),
  ...Object.entries(meta.others)
    .filter(([, o]) => o.codec === 'zstd')
    .map(([f, o]) => [f, o.sha256] as const),
];

type Decoder = 'native' | 'portable';
const decoders: Decoder[] = hasNativeZstd() ? ['portable', 'native'] : ['portable'];

async function decode(bytes: Buffer, decoder: Decoder, maxDictionary = 1 << 28): Promise<Buffer> {
  const stream = decompress(new SourceStream(new BufferSource(bytes)), 'zstd', {
    maxDictionary,
    zstdDecoder: decoder,
  });
  try {
    return await readAll(stream, 1 << 28);
  } finally {
    await stream.close();
  }
}

/** What a decoder made of the input: its bytes, or the kind of error and why. */
async function outcome(bytes: Buffer, decoder: Decoder, maxDictionary?: number): Promise<string> {
  try {
    const out = await decode(bytes, decoder, maxDictionary);
    return `ok ${createHash('sha256').update(out).digest('hex')}`;
  } catch (err) {
    if (err instanceof Undecodable) return `undecodable ${err.message}`;
    if (err instanceof DecodeError) return 'corrupt';
    throw err;
  }
}

test('the vectors include zstd in every shape make_vectors.py writes', () => {
  expect(zstdVectors.length).toBeGreaterThanOrEqual(11);
});

describe.each(decoders)('the %s decoder', (decoder) => {
  test.each(zstdVectors)('decodes %s as the zstandard package does', async (file, sha) => {
    const out = await decode(readFileSync(join(VECTORS, file)), decoder);
    expect(createHash('sha256').update(out).digest('hex')).toBe(sha);
  });
});

describe('both decoders agree on frames they must refuse or cannot read', () => {
  const frame = (fhd: number, rest: number[]): Buffer =>
    Buffer.from([0x28, 0xb5, 0x2f, 0xfd, fhd, ...rest]);
  const cases: [string, Buffer, number | undefined][] = [
    // Window descriptor 0x90: 2^(10+18) = 256 MiB, above the 128 MiB limit.
    ['a 256 MiB window', frame(0x00, [0x90, 0x01, 0x00, 0x00]), undefined],
    // A 1 MiB window against a 512 KiB limit (the limit follows maxDictionary).
    ['a window above a lower limit', frame(0x00, [0x50, 0x01, 0x00, 0x00]), 1 << 19],
    // Dictionary ID flag 1, ID 7.
    ['a dictionary', frame(0x01, [0x50, 0x07, 0x01, 0x00, 0x00]), undefined],
    ['a legacy v0.7 frame', Buffer.from([0x27, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]), undefined],
    ['a reserved header bit', frame(0x08, [0x50, 0x01, 0x00, 0x00]), undefined],
    ['a reserved block type', frame(0x00, [0x50, 0x07, 0x00, 0x00]), undefined],
    ['a truncated frame', frame(0x00, [0x50]), undefined],
    [
      'bytes after the last frame',
      Buffer.concat([frame(0x00, [0x50, 0x01, 0x00, 0x00]), Buffer.from('junk')]),
      undefined,
    ],
  ];
  test.each(cases)('%s', async (_name, bytes, maxDictionary) => {
    const results = await Promise.all(decoders.map((d) => outcome(bytes, d, maxDictionary)));
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toMatch(/^ok/);
  });

  test('the refusals are undecodable (MA3023), the damage corrupt (MA3012)', async () => {
    const kinds = await Promise.all(cases.map(([, b, m]) => outcome(b, 'portable', m)));
    expect(kinds.map((k) => k.split(' ')[0])).toEqual([
      'undecodable',
      'undecodable',
      'undecodable',
      'undecodable',
      'corrupt',
      'corrupt',
      'corrupt',
      'corrupt',
    ]);
  });

  test('a wrong content checksum is corrupt for both', async () => {
    const bytes = Buffer.from(readFileSync(join(VECTORS, 'level3-checksum.zst')));
    bytes[bytes.length - 1]! ^= 0xff;
    for (const d of decoders) expect(await outcome(bytes, d)).toBe('corrupt');
  });
});

test('damaged zstd fails with a decode error, never a crash or another exception', async () => {
  let state = 12345;
  const rand = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  let failures = 0;
  for (const [file] of zstdVectors) {
    const original = readFileSync(join(VECTORS, file));
    for (let k = 0; k < 25; k++) {
      const bytes = Buffer.from(original);
      for (let j = 0; j < 1 + rand(4); j++) bytes[4 + rand(bytes.length - 4)] = rand(256);
      const r = await outcome(bytes, 'portable');
      if (r !== `ok ${meta.plaintext.sha256}`) failures++;
    }
  }
  // outcome() rethrows anything that is not a DecodeError, which would fail this test.
  expect(failures).toBeGreaterThan(0);
});

describe('the history costs O(1) per byte however the blocks are cut', () => {
  test('many small blocks under a large window move each byte a bounded number of times', () => {
    const window = 1 << 20;
    const out = new FrameOutput(window, window + (1 << 20));
    const block = new Uint8Array(100).fill(7);
    let written = 0;
    for (let i = 0; i < 50_000; i++) {
      out.reserve(block.length);
      out.buf.set(block, out.pos);
      out.pos += block.length;
      out.total += block.length;
      written += block.length;
      out.take();
    }
    expect(written).toBe(5_000_000);
    // A decoder that moves the whole window per block would move 50,000 MiB here.
    expect(out.moved).toBeLessThanOrEqual(2 * written);
  });

  test('a frame declaring a 128 MiB window starts with a small history buffer', () => {
    expect(new FrameOutput(1 << 27, (1 << 27) + (8 << 20)).buf.length).toBeLessThanOrEqual(1 << 20);
  });
});

test('XXH64 matches the xxhash package, fed whole or in pieces', () => {
  // Low 32 bits of XXH64 (seed 0), from the Python xxhash package.
  const bytes = (n: number): Buffer =>
    Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255));
  const expected: [Buffer, string][] = [
    [Buffer.alloc(0), '51d8e999'],
    [Buffer.from('abc'), 'ad770999'],
    [bytes(31), 'a39ad4a1'],
    [bytes(32), '671cc43d'],
    [bytes(33), 'ed857664'],
    [bytes(100), '3e70c151'],
    [bytes(1000), '28043d35'],
  ];
  for (const [data, digest] of expected) {
    for (const cut of [0, 1, 17, data.length >> 1]) {
      const h = new Xxh64();
      h.update(data.subarray(0, Math.min(cut, data.length)));
      h.update(data.subarray(Math.min(cut, data.length)));
      expect(h.digest32().toString(16).padStart(8, '0')).toBe(digest);
    }
  }
});
