/** NumPy .npy headers (versions 1-3) and what follows them: raw data or a pickle. */
import { parseNpyHeader } from '../../../src/scan/archive/numpy.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';
import { PAYLOAD, PLAIN, npy, zip } from './build.js';

describe('header parsing', () => {
  test.each([
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }", 1, 8, false, [3n, 4n]],
    ["{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", 1, 8, true, [2n]],
    ["{'descr': '<U5', 'fortran_order': True, 'shape': (), }", 2, 20, false, []],
    [
      "{'descr': [('a', '<f8'), ('b', '<i4', (2,))], 'fortran_order': False, 'shape': (1,), }",
      2,
      16,
      false,
      [1n],
    ],
    ["{'descr': [('größe', '|O')], 'fortran_order': False, 'shape': (5L,), }", 3, 8, true, [5n]],
    ['{"descr": "<M8[ns]", "fortran_order": False, "shape": (7,)}', 1, 8, false, [7n]],
  ])('%s (v%d)', (header, version, itemsize, hasobject, shape) => {
    const h = parseNpyHeader(npy(header as string, Buffer.alloc(0), version as number));
    expect(h.dtype).toEqual({ itemsize, hasobject });
    expect(h.shape).toEqual(shape);
  });

  test.each([
    "{'descr': '<f8', 'shape': (3,), }",
    "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}",
    "{'descr': '<f8', 'fortran_order': 0, 'shape': (3,), }",
    "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }",
    "{'descr': __import__('os'), 'fortran_order': False, 'shape': (3,), }",
  ])('rejects %s', (header) => {
    expect(() => parseNpyHeader(npy(header, Buffer.alloc(0)))).toThrow();
  });
});

describe('.npy files', () => {
  test('an object array carries a pickle, which is scanned', async () => {
    const r = await scanBytes(
      npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", PAYLOAD),
      'a.npy',
    );
    expect(rulesOf(r)).toContain('MA2001');
  });

  test('a benign object array is clean', async () => {
    const r = await scanBytes(
      npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", PLAIN),
      'a.npy',
    );
    expect(r.findings).toEqual([]);
  });

  test('raw data of the declared size is clean; short or long data is reported', async () => {
    const h = "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }";
    expect((await scanBytes(npy(h, Buffer.alloc(8)), 'a.npy')).findings).toEqual([]);
    expect(rulesOf(await scanBytes(npy(h, Buffer.alloc(4)), 'b.npy'))).toEqual(['MA3021']);
    const long = await scanBytes(npy(h, Buffer.concat([Buffer.alloc(8), PAYLOAD])), 'c.npy');
    expect(rulesOf(long)).toEqual(expect.arrayContaining(['MA3021', 'MA2001']));
  });

  test('an unparseable header is an ERROR and the rest is still judged', async () => {
    const r = await scanBytes(npy("{'descr': '|O', 'shape': (1,), 'evil': 1}", PAYLOAD), 'a.npy');
    expect(rulesOf(r)).toEqual(expect.arrayContaining(['MA3020', 'MA2001']));
  });

  test('an npz is scanned member by member', async () => {
    const member = npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", PAYLOAD);
    const r = await scanBytes(zip([{ name: 'a.npy', data: member, method: 8 }]), 'a.npz');
    expect(r.format).toBe('npz');
    expect(rulesOf(r)).toContain('MA2001');
  });
});
