/**
 * Our own decoders (LZMA/LZMA2/xz, bzip2, LZ4, zstd) against vectors written by Python's lzma and
 * bz2 modules and the lz4 and zstandard packages (fixtures/archive/make_vectors.py), plus
 * truncated and corrupt inputs, which must fail with an error rather than hang or return short
 * data silently.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decompress, sniffCodec, type Codec } from '../../../src/io/decompress.js';
import { BufferSource } from '../../../src/io/source.js';
import { SourceStream, readAll } from '../../../src/io/stream.js';
import { Undecodable } from '../../../src/io/bytes-input.js';

const DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'fixtures',
  'archive',
  'vectors',
);
const meta = JSON.parse(readFileSync(join(DIR, 'vectors.json'), 'utf8')) as {
  plaintext: { sha256: string; length: number };
  vectors: Record<string, Codec>;
  others: Record<string, { codec: Codec; sha256: string; length: number }>;
};

async function decode(bytes: Buffer, codec: Codec): Promise<Buffer> {
  const stream = decompress(new SourceStream(new BufferSource(bytes)), codec, {
    maxDictionary: 1 << 28,
  });
  try {
    return await readAll(stream, 1 << 28);
  } finally {
    await stream.close();
  }
}

describe('decoders reproduce what the reference compressors wrote', () => {
  test.each(Object.entries(meta.vectors))('%s (%s)', async (file, codec) => {
    const bytes = readFileSync(join(DIR, file));
    expect(sniffCodec(bytes)).toBe(codec);
    const out = await decode(bytes, codec);
    expect(out.length).toBe(meta.plaintext.length);
    expect(createHash('sha256').update(out).digest('hex')).toBe(meta.plaintext.sha256);
  });
});

describe('incompressible input decodes to what the reference decoder returns', () => {
  test.each(Object.entries(meta.others))('%s', async (file, expected) => {
    const bytes = readFileSync(join(DIR, file));
    expect(sniffCodec(bytes)).toBe(expected.codec);
    const out = await decode(bytes, expected.codec);
    expect(out.length).toBe(expected.length);
    expect(createHash('sha256').update(out).digest('hex')).toBe(expected.sha256);
  });
});

describe('truncated or corrupt input fails', () => {
  test.each(Object.entries(meta.vectors))('%s cut in half', async (file, codec) => {
    const bytes = readFileSync(join(DIR, file));
    await expect(decode(bytes.subarray(0, bytes.length >> 1), codec)).rejects.toThrow();
  });

  test.each(Object.entries(meta.vectors))('%s with its middle overwritten', async (file, codec) => {
    const bytes = Buffer.from(readFileSync(join(DIR, file)));
    bytes.fill(0xa5, bytes.length >> 2, (bytes.length >> 2) + 64);
    // Corrupt data either fails or decodes to something else: never the plaintext, never a hang.
    const out = await decode(bytes, codec).catch(() => undefined);
    if (out) expect(createHash('sha256').update(out).digest('hex')).not.toBe(meta.plaintext.sha256);
  });
});

test('an LZMA dictionary larger than allowed is refused before any allocation', async () => {
  const header = Buffer.alloc(13);
  header[0] = 0x5d;
  header.writeUInt32LE(0xfff00000, 1);
  header.fill(0xff, 5, 13);
  const stream = decompress(
    new SourceStream(new BufferSource(Buffer.concat([header, Buffer.alloc(32)]))),
    'lzma',
    {
      maxDictionary: 1 << 20,
    },
  );
  await expect(readAll(stream, 1 << 20)).rejects.toThrow(Undecodable);
});

test('an xz filter other than LZMA2 is undecodable, not corrupt', async () => {
  const bytes = readFileSync(join(DIR, 'xz-6.xz'));
  const patched = Buffer.from(bytes);
  // Block header: size byte, flags (one filter), filter ID 0x21 → rewrite the ID to 0x04 (x86).
  const blockStart = 12;
  expect(patched[blockStart + 2]).toBe(0x21);
  patched[blockStart + 2] = 0x04;
  await expect(decode(patched, 'xz')).rejects.toThrow(Undecodable);
});
