/**
 * tar, single compressed streams, 7z, and the layout contract every container follows:
 * the first matching layout scans the archive and every member it did not take is still
 * identified and scanned.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, gzipSync } from 'node:zlib';
import { resolveLimits } from '../../../src/options/options.js';
import { BufferSource } from '../../../src/io/source.js';
import { readSevenZip } from '../../../src/io/sevenzip.js';
import type { MemberResult, ScanContext, ScanTarget } from '../../../src/scan/base.js';
import { storedMember } from '../../../src/scan/archive/members.js';
import {
  ContainerView,
  scanContainer,
  type ContainerMember,
} from '../../../src/scan/archive/view.js';
import type { ArchiveLayout } from '../../../src/scan/base.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';
import { PAYLOAD, PLAIN, tar } from './build.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'archive');

describe('tar', () => {
  test.each([
    ['a pickle member', [{ name: 'm/weights.dat', data: PAYLOAD }], ['MA2001']],
    ['a benign pickle', [{ name: 'm/state.pkl', data: PLAIN }], []],
    ['a name climbing out', [{ name: '../x', data: Buffer.from('x') }], ['MA3001']],
    ['an absolute symlink', [{ name: 'm/l', type: '2', linkname: '/etc/passwd' }], ['MA3001']],
    ['a symlink climbing out', [{ name: 'm/l', type: '2', linkname: '../../x' }], ['MA3001']],
    [
      'a symlink inside',
      [
        { name: 'm/l', type: '2', linkname: 'state.pkl' },
        { name: 'm/state.pkl', data: PLAIN },
      ],
      [],
    ],
    ['a hard link climbing out', [{ name: 'm/h', type: '1', linkname: '../x' }], ['MA3001']],
    [
      'a hard link inside',
      [
        { name: 'm/a.pkl', data: PLAIN },
        { name: 'm/h', type: '1', linkname: 'm/a.pkl' },
      ],
      [],
    ],
  ])('%s', async (_n, members, rules) => {
    const r = await scanBytes(tar(members), 'a.tar');
    expect(r.format).toBe('tar');
    expect(rulesOf(r)).toEqual(expect.arrayContaining(rules));
    if (rules.length === 0) expect(r.findings).toEqual([]);
  });

  test('content after the end-of-archive marker is reported and scanned', async () => {
    const r = await scanBytes(
      Buffer.concat([tar([{ name: 'a.txt', data: Buffer.from('{}') }]), PAYLOAD]),
      'a.tar',
    );
    expect(rulesOf(r)).toEqual(expect.arrayContaining(['MA3011', 'MA2001']));
  });

  test('a member running past the end is malformed', async () => {
    const t = tar([{ name: 'a.pkl', data: Buffer.alloc(4096, 0x41) }]);
    const r = await scanBytes(t.subarray(0, 1024), 'a.tar');
    expect(rulesOf(r)).toContain('MA3012');
  });
});

describe('single compressed streams', () => {
  test.each([
    ['gzip', gzipSync(PAYLOAD), ['MA2001']],
    ['zlib', deflateSync(PAYLOAD), ['MA2001']],
    ['gzip of a tar', gzipSync(tar([{ name: 'x.pkl', data: PAYLOAD }])), ['MA2001']],
    ['gzip of a benign pickle', gzipSync(PLAIN), []],
  ])('%s', async (_n, bytes, rules) => {
    const r = await scanBytes(bytes, 'a.gz');
    expect(rulesOf(r)).toEqual(expect.arrayContaining(rules));
    if (rules.length === 0) expect(r.findings).toEqual([]);
  });

  test('corrupt data after a valid start is malformed', async () => {
    const g = gzipSync(Buffer.concat([PLAIN, Buffer.alloc(100_000, 7)]));
    g.fill(0x55, 40, g.length - 8);
    const r = await scanBytes(g, 'a.gz');
    expect(r.findings.some((f) => f.severity === 'ERROR')).toBe(true);
  });

  test('a bomb is found even when its content is not a known format', async () => {
    const r = await scanBytes(gzipSync(Buffer.alloc(16 << 20)), 'zeros.gz');
    expect(rulesOf(r)).toContain('MA3002');
  });

  test('the total decompressed bytes of a file are limited', async () => {
    const r = await scanBytes(gzipSync(Buffer.alloc(300_000, 1)), 'ones.gz', {
      maxDecompressedBytes: 100_000,
    });
    expect(rulesOf(r)).toContain('MA3002');
  });
});

describe('7z', () => {
  test('the reader lists members of a solid LZMA2 archive', async () => {
    const bytes = readFileSync(join(FIX, 'malicious', 'sevenzip_solid_many.7z'));
    const a = await readSevenZip(new BufferSource(bytes), { maxDictionary: 1 << 28 }, 1000);
    expect(
      a.entries
        .filter((e) => !e.isDirectory)
        .map((e) => e.name)
        .sort(),
    ).toEqual([
      'model/part0.bin',
      'model/part1.bin',
      'model/part2.bin',
      'model/part3.bin',
      'model/part4.bin',
      'model/z.pkl',
    ]);
  });

  test('a truncated archive is malformed, not clean', async () => {
    const bytes = readFileSync(join(FIX, 'benign', 'models_lzma2.7z'));
    const r = await scanBytes(bytes.subarray(0, bytes.length - 40), 'a.7z');
    expect(rulesOf(r)).toContain('MA3012');
  });
});

describe('the layout contract', () => {
  const parent: ScanTarget = {
    path: '/x/a.zip',
    name: 'a.zip',
    size: 0,
    head: Buffer.alloc(0),
    openStream: () => {
      throw new Error('unused');
    },
  };
  const limits = resolveLimits();
  function view(): ContainerView {
    const members: ContainerMember[] = ['one.pkl', 'two.pkl', 'dir/'].map((name, index) => ({
      index,
      name,
      size: 1,
      isDirectory: name.endsWith('/'),
      open: () => storedMember(parent, name, new BufferSource(PLAIN), limits),
    }));
    return new ContainerView('zip', members);
  }
  function ctx(layout: ArchiveLayout, scanned: string[]): ScanContext {
    return {
      limits,
      depth: 0,
      report: () => undefined,
      detail: () => undefined,
      claim: () => undefined,
      checkpoint: () => undefined,
      fileState: <T>(_key: symbol, create: () => T): T => create(),
      scanMember: (t: ScanTarget): Promise<MemberResult> => {
        scanned.push(t.name);
        return Promise.resolve({ format: 'pickle', findings: 0, worst: undefined });
      },
      randomAccess: () => Promise.reject(new Error('unused')),
      layouts: () => [layout],
    };
  }

  test('members a layout opened are not scanned again; the rest are', async () => {
    const scanned: string[] = [];
    const layout: ArchiveLayout = {
      format: 'test',
      matches: (entries) => entries.some((e) => e.name === 'one.pkl'),
      async scan(archive, _t, c) {
        await c.scanMember(await archive.open('one.pkl'));
        expect(await archive.readText('two.pkl', 100)).toBe(PLAIN.toString('utf8'));
        return 'continue';
      },
    };
    expect(await scanContainer(view(), parent, ctx(layout, scanned))).toBe('test');
    expect(scanned).toEqual(['one.pkl', 'two.pkl']);
  });

  test('a layout that returns handled takes the whole archive', async () => {
    const scanned: string[] = [];
    const layout: ArchiveLayout = {
      format: 'test',
      matches: () => true,
      scan: () => Promise.resolve('handled'),
    };
    await scanContainer(view(), parent, ctx(layout, scanned));
    expect(scanned).toEqual([]);
  });

  test('a layout that does not match leaves every member to the generic pass', async () => {
    const scanned: string[] = [];
    const layout: ArchiveLayout = {
      format: 'test',
      matches: () => false,
      scan: () => Promise.resolve('handled'),
    };
    expect(await scanContainer(view(), parent, ctx(layout, scanned))).toBeUndefined();
    expect(scanned).toEqual(['one.pkl', 'two.pkl']);
  });
});
