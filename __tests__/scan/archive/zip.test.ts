/**
 * The zip container: every lie a header can tell is reported and the content is scanned anyway,
 * plus prefixes, unlisted local headers, duplicates, encryption, bombs, limits and nesting.
 * Regressions for published scanner bypasses:
 * - https://nvd.nist.gov/vuln/detail/CVE-2025-10156 (wrong CRC hides a pickle from zipfile)
 * - https://nvd.nist.gov/vuln/detail/CVE-2025-1945 (flag bits)
 * - https://nvd.nist.gov/vuln/detail/CVE-2025-1944 (local header names)
 * - https://nvd.nist.gov/vuln/detail/CVE-2025-1889 (pickles under non-pickle member names)
 */
import { basename } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Limits } from '../../../src/io/limits.js';
import type { FileResult } from '../../../src/findings/finding.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';
import { PAYLOAD, PLAIN, zip } from './build.js';

/** A zstd frame holding `data` in one raw block (single segment), optionally naming a dictionary. */
function zstdRaw(data: Buffer, dictId?: number): Buffer {
  if (data.length > 255) throw new Error('zstdRaw: one-byte content size only');
  const dict = dictId === undefined ? [] : [dictId & 0xff, dictId >>> 8];
  const fhd = 0x20 | (dictId === undefined ? 0 : 2);
  const block = (data.length << 3) | 1;
  return Buffer.concat([
    Buffer.from([0x28, 0xb5, 0x2f, 0xfd, fhd, ...dict, data.length]),
    Buffer.from([block & 0xff, (block >>> 8) & 0xff, block >>> 16]),
    data,
  ]);
}

function hasError(r: FileResult): boolean {
  return r.findings.some((f) => f.severity === 'ERROR');
}

interface Case {
  readonly name: string;
  readonly bytes: () => Buffer;
  readonly rules: readonly string[];
  readonly error: boolean;
  readonly limits?: Partial<Limits>;
}

const hiddenLocal = (): Buffer => {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt32LE(PAYLOAD.length, 18);
  h.writeUInt32LE(PAYLOAD.length, 22);
  h.writeUInt16LE(10, 26);
  return Buffer.concat([h, Buffer.from('hidden.pkl'), PAYLOAD]);
};

const CASES: readonly Case[] = [
  {
    name: 'plain pickle member',
    bytes: () => zip([{ name: 'a/x.pkl', data: PLAIN }]),
    rules: [],
    error: false,
  },
  {
    name: 'deflated plain pickle',
    bytes: () => zip([{ name: 'x.pkl', data: PLAIN, method: 8 }]),
    rules: [],
    error: false,
  },
  {
    name: 'pickle under a .bin name',
    bytes: () => zip([{ name: 'weights.bin', data: PAYLOAD }]),
    rules: ['MA2001'],
    error: true,
  },
  {
    name: 'wrong CRC (CVE-2025-10156)',
    bytes: () => zip([{ name: 'x.pkl', data: PAYLOAD, crc: 1 }]),
    rules: ['MA2001', 'MA3004'],
    error: true,
  },
  {
    name: 'wrong CRC on a benign member',
    bytes: () => zip([{ name: 'x.pkl', data: PLAIN, crc: 1 }]),
    rules: ['MA3004'],
    error: false,
  },
  {
    name: 'encryption flag on a stored member (CVE-2025-1945)',
    bytes: () => zip([{ name: 'x.pkl', data: PAYLOAD, flags: 1 }]),
    rules: ['MA2001', 'MA3006'],
    error: true,
  },
  {
    name: 'local name differs (CVE-2025-1944)',
    bytes: () => zip([{ name: 'x.pkl', data: PAYLOAD, localName: 'y.txt' }]),
    rules: ['MA2001', 'MA3005'],
    error: true,
  },
  {
    name: 'local method differs',
    bytes: () => zip([{ name: 'x.pkl', data: PLAIN, localMethod: 8 }]),
    rules: ['MA3007'],
    error: false,
  },
  {
    name: 'declared count differs',
    bytes: () =>
      zip(
        [
          { name: 'a.pkl', data: PLAIN },
          { name: 'b.pkl', data: PAYLOAD },
        ],
        { declaredCount: 1 },
      ),
    rules: ['MA2001', 'MA3007'],
    error: true,
  },
  {
    name: 'pickle before the archive',
    bytes: () => zip([{ name: 'x.pkl', data: PLAIN }], { prefix: PAYLOAD }),
    rules: ['MA2001', 'MA3008'],
    error: true,
  },
  {
    name: 'local header the directory does not list',
    bytes: () =>
      zip(
        [
          { name: 'a.pkl', data: PLAIN },
          { name: 'b.pkl', data: PLAIN },
        ],
        { gapAfter: { 'a.pkl': hiddenLocal() } },
      ),
    rules: ['MA2001', 'MA3011'],
    error: true,
  },
  {
    name: 'duplicate names',
    bytes: () =>
      zip([
        { name: 'x.pkl', data: PLAIN },
        { name: 'x.pkl', data: PAYLOAD },
      ]),
    rules: ['MA2001', 'MA3009'],
    error: true,
  },
  {
    name: 'member path climbs out',
    bytes: () => zip([{ name: '../../x.pkl', data: PLAIN }]),
    rules: ['MA3001'],
    error: true,
  },
  {
    name: 'absolute member path',
    bytes: () => zip([{ name: '/etc/x', data: Buffer.from('x') }]),
    rules: ['MA3001'],
    error: true,
  },
  {
    name: 'backslash path climbs out',
    bytes: () => zip([{ name: 'a\\..\\..\\x', data: Buffer.from('x') }]),
    rules: ['MA3001'],
    error: true,
  },
  {
    name: 'symlink out of the archive',
    bytes: () =>
      zip([
        { name: 'a/link', data: Buffer.from('../../etc/passwd'), external: (0o120777 << 16) >>> 0 },
      ]),
    rules: ['MA3001'],
    error: true,
  },
  {
    name: 'symlink inside the archive',
    bytes: () =>
      zip([
        { name: 'a/link', data: Buffer.from('x.pkl'), external: (0o120777 << 16) >>> 0 },
        { name: 'a/x.pkl', data: PLAIN },
      ]),
    rules: [],
    error: false,
  },
  {
    name: 'encrypted deflated member',
    bytes: () =>
      zip([
        {
          name: 'x.pkl',
          data: PAYLOAD,
          method: 8,
          flags: 1,
          raw: Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 255)),
        },
      ]),
    rules: ['MA3003'],
    error: true,
  },
  {
    name: 'AES member',
    bytes: () =>
      zip([{ name: 'x.pkl', data: PAYLOAD, method: 99, flags: 1, raw: Buffer.alloc(40, 7) }]),
    rules: ['MA3003'],
    error: true,
  },
  {
    name: 'Deflate64 member',
    bytes: () => zip([{ name: 'x.pkl', data: PAYLOAD, method: 9, raw: Buffer.alloc(40, 7) }]),
    rules: ['MA3013'],
    error: true,
  },
  {
    name: 'zstd member (method 93)',
    bytes: () => zip([{ name: 'x.pkl', data: PAYLOAD, method: 93, raw: zstdRaw(PAYLOAD) }]),
    rules: ['MA2001'],
    error: true,
  },
  {
    name: 'zstd member that needs a dictionary',
    bytes: () => zip([{ name: 'x.pkl', data: PAYLOAD, method: 93, raw: zstdRaw(PAYLOAD, 0x1234) }]),
    rules: ['MA3023'],
    error: true,
  },
  {
    name: 'corrupt zstd member',
    bytes: () => zip([{ name: 'x.pkl', data: PAYLOAD, method: 93, raw: Buffer.alloc(40, 7) }]),
    rules: ['MA3012'],
    error: true,
  },
  {
    name: 'corrupt deflate data',
    bytes: () =>
      zip([
        { name: 'x.pkl', data: PAYLOAD, method: 8, raw: Buffer.from([0xff, 0xff, 0xff, 0xff]) },
      ]),
    rules: ['MA3012'],
    error: true,
  },
  {
    name: 'ratio bomb',
    bytes: () => zip([{ name: 'zeros.bin', data: Buffer.alloc(8 << 20), method: 8 }]),
    rules: ['MA3002'],
    error: true,
  },
  {
    name: 'total-bytes limit',
    bytes: () =>
      zip([
        { name: 'a.pkl', data: Buffer.concat([PLAIN.subarray(0, -1), Buffer.alloc(0)]), method: 8 },
        { name: 'zeros.bin', data: Buffer.alloc(200_000, 1), method: 8 },
      ]),
    rules: ['MA3002'],
    error: true,
    limits: { maxDecompressedBytes: 100_000 },
  },
  {
    name: 'member-count limit',
    bytes: () => zip([1, 2, 3, 4].map((i) => ({ name: `${i}.pkl`, data: PLAIN }))),
    rules: ['MA1002'],
    error: true,
    limits: { maxMembers: 2 },
  },
  {
    name: 'nested zip',
    bytes: () =>
      zip([
        { name: 'inner.zip', data: zip([{ name: 'x.pkl', data: PAYLOAD, method: 8 }]), method: 8 },
      ]),
    rules: ['MA2001'],
    error: true,
  },
  {
    name: 'nesting past the depth limit',
    bytes: () =>
      zip([
        {
          name: 'i.zip',
          data: zip([{ name: 'j.zip', data: zip([{ name: 'x.pkl', data: PAYLOAD }]) }]),
        },
      ]),
    rules: ['MA1002'],
    error: true,
    limits: { maxDepth: 2 },
  },
  {
    name: 'truncated central directory',
    bytes: () => {
      const b = zip([{ name: 'x.pkl', data: PLAIN }]);
      b.writeUInt32LE(0xffff, b.length - 10);
      return b;
    },
    rules: ['MA3012'],
    error: true,
  },
];

describe('zip container', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const r = await scanBytes(c.bytes(), 'sample.zip', c.limits);
    const rules = rulesOf(r);
    for (const rule of c.rules)
      expect({ rule, rules }).toEqual({ rule, rules: expect.arrayContaining([rule]) });
    if (c.rules.length === 0) expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
    expect(hasError(r)).toBe(c.error);
  });

  test('findings inside members name the member chain from the file', async () => {
    const inner = zip([{ name: 'model/x.pkl', data: PAYLOAD }]);
    const r = await scanBytes(zip([{ name: 'outer/inner.zip', data: inner }]), 'chain.zip');
    const f = r.findings.find((x) => x.ruleId === 'MA2001');
    expect(f?.location.member).toBe(`${basename(r.path)} > outer/inner.zip > model/x.pkl`);
  });

  test('a stored member is read by position: skipping a large one costs no I/O', async () => {
    const big = Buffer.alloc(32 << 20, 0x00); // binary: a text member would be read for secrets
    const r = await scanBytes(
      zip([
        { name: 'x.pkl', data: PLAIN },
        { name: 'big.bin', data: big },
      ]),
      'big.zip',
    );
    expect(r.bytesRead).toBeLessThan(2 << 20);
  });

  test('deflate streams of real size decode', async () => {
    const data = Buffer.concat([PLAIN.subarray(0, 2), Buffer.alloc(0)]);
    expect(deflateRawSync(data).length).toBeGreaterThan(0);
  });
});
