import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BufferSource, FileSource, IoStats } from '../../src/io/source.js';
import { Hdf5Error, Hdf5File, hdf5SignatureOffset } from '../../src/io/hdf5.js';
import { FIXTURES_ROOT } from '../helpers/manifest.js';
import { CountingSource } from '../scan/graph/helpers.js';

const BENIGN = join(FIXTURES_ROOT, 'graph', 'keras', 'benign');
const options = { maxValueBytes: 64 * 1024 * 1024, checkpoint: () => undefined };

async function rootAttributes(path: string): Promise<Map<string, unknown>> {
  const source = await FileSource.open(path, new IoStats());
  try {
    const f = await Hdf5File.open(source, options);
    return new Map((await f.attributes(f.rootAddress)).map((a) => [a.name, a.value]));
  } finally {
    await source.close();
  }
}

describe('HDF5 reader', () => {
  test.each([
    [
      'superblock v0, symbol-table groups (keras save)',
      'functional.h5',
      ['model_config', 'training_config', 'keras_version', 'backend'],
    ],
    [
      'superblock v3, dense attribute storage (fractal heap + v2 B-tree)',
      'functional_latest_dense.h5',
      ['model_config', 'note_11', 'keras_version'],
    ],
    ['config over 64 KiB as a huge heap object', 'deep_mlp_latest.h5', ['model_config']],
    ['weights-only file', 'sequential.weights.h5', []],
  ])('%s', async (_name, file, names) => {
    const attrs = await rootAttributes(join(BENIGN, file));
    for (const n of names) expect(attrs.has(n)).toBe(true);
    const config = attrs.get('model_config');
    if (config !== undefined) expect(JSON.parse(config as string)).toHaveProperty('class_name');
  });

  test('links of the root group (symbol table and link messages)', async () => {
    for (const file of ['functional.h5', 'functional_latest_dense.h5']) {
      const source = await FileSource.open(join(BENIGN, file), new IoStats());
      const f = await Hdf5File.open(source, options);
      const links = await f.links(f.rootAddress);
      expect(links.has('model_weights')).toBe(true);
      const mw = await f.attributes(links.get('model_weights')!);
      expect(mw.some((a) => a.name === 'keras_version')).toBe(true);
      await source.close();
    }
  });

  test('the weights are never read: a few kilobytes of structures only', async () => {
    const bytes = readFileSync(join(BENIGN, 'deep_mlp.h5'));
    const source = new CountingSource(new BufferSource(bytes));
    const f = await Hdf5File.open(source, options);
    const attrs = await f.attributes(f.rootAddress);
    const config = attrs.find((a) => a.name === 'model_config')!.value as string;
    expect(source.bytes).toBeLessThan(config.length + 64 * 1024);
    expect(source.bytes).toBeLessThan(bytes.length / 2);
  });

  test('every truncation of real files fails with Hdf5Error, never anything else', async () => {
    for (const file of ['sequential.h5', 'functional_latest_dense.h5']) {
      const bytes = readFileSync(join(BENIGN, file));
      for (let n = 0; n < Math.min(bytes.length, 24 * 1024); n += 97) {
        try {
          const f = await Hdf5File.open(new BufferSource(bytes.subarray(0, n)), options);
          await f.attributes(f.rootAddress);
          await f.links(f.rootAddress);
        } catch (err) {
          expect(err).toBeInstanceOf(Hdf5Error);
        }
      }
    }
  });

  test('corrupted bytes fail with Hdf5Error or decode, never anything else', async () => {
    const bytes = readFileSync(join(BENIGN, 'sequential.h5'));
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      const copy = Buffer.from(bytes);
      for (let j = 0; j < 4; j++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        copy[seed % 4096] = seed & 0xff;
      }
      try {
        const f = await Hdf5File.open(new BufferSource(copy), options);
        await f.attributes(f.rootAddress);
      } catch (err) {
        expect(err).toBeInstanceOf(Hdf5Error);
      }
    }
  });
});

describe('HDF5 signature behind a user block', () => {
  const SIG = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
  const at = (offset: number, size = offset + 4096): Buffer => {
    const b = Buffer.alloc(size);
    SIG.copy(b, offset);
    return b;
  };
  test.each([0, 512, 1024, 2048, 32768])('found at %i in the first bytes', async (offset) => {
    const b = at(offset);
    expect(await hdf5SignatureOffset(b, b.length, undefined)).toBe(offset);
  });
  test('found past the first bytes with one positioned read per power of two', async () => {
    const b = at(1 << 20);
    const source = new CountingSource(new BufferSource(b));
    expect(await hdf5SignatureOffset(b.subarray(0, 64 * 1024), b.length, source)).toBe(1 << 20);
    expect(source.reads).toBeLessThanOrEqual(5); // 64K, 128K, 256K, 512K, 1M
  });
  test.each([
    ['at an offset that is no power of two', at(700)],
    ['nowhere', Buffer.alloc(8192)],
  ])('not found %s', async (_n, b) => {
    expect(await hdf5SignatureOffset(b, b.length, new BufferSource(b))).toBeUndefined();
  });
});
