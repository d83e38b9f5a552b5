/**
 * joblib < 0.10 layouts: NDArrayWrapper / ZNDArrayWrapper pickles whose arrays live in files
 * beside them (scanned as members through ScanContext.sibling), and ZFiles as joblib's
 * read_zfile reads them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOptions } from '../../../src/options/options.js';
import { scanFile } from '../../../src/pipeline/engine.js';
import { codecOf } from '../../../src/scan/archive/compressed.js';
import { deflateSync } from 'node:zlib';
import { rulesOf } from '../../helpers/scan.js';
import { global4, sbu } from './build.js';

const CMD = 'touch /tmp/modelaudit-marker-old-joblib';
const b = (...parts: (Buffer | string | number[])[]): Buffer =>
  Buffer.concat(
    parts.map((p) =>
      typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p),
    ),
  );

/** NDArrayWrapper() + BUILD {filename, subclass: numpy.ndarray, allow_mmap: True}. */
function wrapper(filename: string, subclass = global4('numpy', 'ndarray')): Buffer {
  return b(
    [0x80, 0x04],
    global4('joblib.numpy_pickle', 'NDArrayWrapper'),
    [0x29, 0x81], // EMPTY_TUPLE NEWOBJ
    [0x7d, 0x28], // EMPTY_DICT MARK
    sbu('filename'),
    sbu(filename),
    sbu('subclass'),
    subclass,
    sbu('allow_mmap'),
    [0x88, 0x75, 0x62, 0x2e], // NEWTRUE SETITEMS BUILD STOP
  );
}

/** A .npy of one object holding `pickle`. */
function objectNpy(pickle: Buffer): Buffer {
  let header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }";
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const len = Buffer.alloc(2);
  len.writeUInt16LE(header.length);
  return b('\x93NUMPY\x01\x00', len, header, pickle);
}

function numericNpy(): Buffer {
  let header = "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }";
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const len = Buffer.alloc(2);
  len.writeUInt16LE(header.length);
  return b('\x93NUMPY\x01\x00', len, header, Buffer.alloc(16));
}

async function scanDir(files: Record<string, Buffer>, target: string) {
  const dir = mkdtempSync(join(tmpdir(), 'modelaudit-old-joblib-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return scanFile(join(dir, target), resolveOptions());
}

describe('NDArrayWrapper array files', () => {
  test('a numeric array file beside the pickle is scanned as a member: clean', async () => {
    const r = await scanDir(
      { 'm.pkl': wrapper('m.pkl_01.npy'), 'm.pkl_01.npy': numericNpy() },
      'm.pkl',
    );
    expect(r.findings).toEqual([]);
    const members = r.details.members as { member: string; format: string }[];
    expect(members).toContainEqual(
      expect.objectContaining({ member: 'm.pkl > m.pkl_01.npy', format: 'numpy' }),
    );
  });

  test('an object array whose pickle calls os.system is found through the pickle', async () => {
    const payload = b([0x80, 0x02], 'cos\nsystem\n', sbu(CMD), [0x85, 0x52, 0x2e]);
    const r = await scanDir(
      { 'm.pkl': wrapper('m.pkl_01.npy'), 'm.pkl_01.npy': objectNpy(payload) },
      'm.pkl',
    );
    const call = r.findings.find((f) => f.ruleId === 'MA2001');
    expect(call?.location.member).toContain('m.pkl_01.npy');
  });

  test('a missing array file is a WARNING of its own', async () => {
    const r = await scanDir({ 'm.pkl': wrapper('m.pkl_01.npy') }, 'm.pkl');
    expect(rulesOf(r)).toEqual(['MA3025']);
  });

  test('an array file outside the directory is never read', async () => {
    const r = await scanDir({ 'm.pkl': wrapper('../m.pkl_01.npy') }, 'm.pkl');
    expect(rulesOf(r)).toContain('MA3001');
  });

  test('an array class that is not known-safe is a finding (joblib instantiates it)', async () => {
    const r = await scanDir(
      { 'm.pkl': wrapper('m.npy', global4('os', 'system')), 'm.npy': numericNpy() },
      'm.pkl',
    );
    expect(rulesOf(r)).toEqual(expect.arrayContaining(['MA2003']));
  });
});

describe('ZFile headers as read_zfile reads them', () => {
  const data = deflateSync(Buffer.from('x'));
  test.each([
    ['joblib 0.9 (0x, padded to 19)', 'ZF' + '0x1'.padEnd(19), 21],
    ['joblib <= 0.8.4 (one space wider)', 'ZF' + '0x1'.padEnd(20), 22],
    ['no 0x prefix (int(x, 16) accepts it)', 'ZF' + '1'.padEnd(19), 21],
    ['upper-case digits', 'ZF' + '0X1F'.padEnd(19), 21],
  ])('%s', (_n, header, offset) => {
    expect(codecOf(b(header, data))).toEqual({ codec: 'zlib', offset });
  });
  test.each([
    ['a length that is not hexadecimal', 'ZF' + 'zz'.padEnd(19)],
    ['no zlib data after the header', 'ZF' + '0x1'.padEnd(19) + 'plain'],
  ])('%s is not a ZFile', (_n, header) => {
    expect(codecOf(b(header, header.endsWith('plain') ? Buffer.alloc(4) : data))?.offset ?? 0).toBe(
      0,
    );
  });
});
