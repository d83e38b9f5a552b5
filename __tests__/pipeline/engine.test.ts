import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../src/pipeline/engine.js';
import type { FileResult } from '../../src/findings/finding.js';
import { p } from '../helpers/pickle-builder.js';
import { rulesOf, scanBytes } from '../helpers/scan.js';

const evilBytes = p()
  .proto(4)
  .stackGlobal('os', 'system')
  .str('touch /tmp/modelaudit-marker-engine')
  .op('TUPLE1')
  .reduce()
  .stop()
  .build();

describe('discovery', () => {
  const root = mkdtempSync(join(tmpdir(), 'modelaudit-discover-'));
  const outside = mkdtempSync(join(tmpdir(), 'modelaudit-outside-'));
  mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, 'sub', 'deeper', 'model.bin'), evilBytes);
  writeFileSync(join(root, '.git', 'packed.pkl'), evilBytes);
  writeFileSync(join(outside, 'secret.pkl'), evilBytes);
  writeFileSync(join(root, 'inside.pkl'), evilBytes);
  symlinkSync(join(outside, 'secret.pkl'), join(root, 'link-out.pkl'));
  symlinkSync(join(root, 'inside.pkl'), join(root, 'link-in.pkl'));

  const read = (files: readonly FileResult[]): string[] =>
    files
      .filter((f) => f.role !== 'skipped')
      .map((f) => f.path.slice(root.length + 1))
      .sort();

  test('walks directories recursively, skips .git, does not follow links by default', async () => {
    const report = await scan([root]);
    expect(read(report.files)).toEqual(['inside.pkl', 'sub/deeper/model.bin']);
    const scanned = report.files.filter((f) => f.role !== 'skipped');
    expect(scanned.every((f) => f.findings.some((x) => x.ruleId === 'MA2001'))).toBe(true);
    expect(report.skipped.map((s) => [s.path.slice(root.length + 1), s.kind])).toEqual([
      ['.git', 'vcs-dir'],
      ['link-in.pkl', 'symlink-not-followed'],
      ['link-out.pkl', 'symlink-outside-root'],
    ]);
  });

  test('with --follow-symlinks, links inside the root are followed and links out of it are not', async () => {
    const report = await scan([root], { followSymlinks: true });
    expect(read(report.files)).toEqual(['inside.pkl', 'sub/deeper/model.bin']);
    // The link out of the root is a finding on its own path, with its target, never read.
    const out = report.files.find((f) => f.path === join(root, 'link-out.pkl'))!;
    expect(out.role).toBe('skipped');
    expect(out.bytesRead).toBe(0);
    expect(out.findings.map((f) => [f.ruleId, f.severity, f.evidence])).toEqual([
      ['MA1008', 'ERROR', `-> ${realpathSync(join(outside, 'secret.pkl'))}`],
    ]);
    // link-in.pkl is the same file as inside.pkl: scanned once, under the first name.
    expect(report.skipped).toContainEqual(
      expect.objectContaining({ path: join(root, 'link-in.pkl'), kind: 'duplicate' }),
    );
  });

  test('a missing path is an operational error, the rest is still scanned', async () => {
    const report = await scan([join(root, 'missing.pkl'), join(root, 'inside.pkl')]);
    expect(report.errors).toEqual([
      { path: join(root, 'missing.pkl'), message: 'no such file or directory' },
    ]);
    expect(report.files).toHaveLength(1);
  });
});

describe('limits and fail-closed behaviour', () => {
  test('a file over the size limit is reported, not read', async () => {
    const r = await scanBytes(evilBytes, 'big.pkl', { maxFileBytes: 10 });
    expect(rulesOf(r)).toEqual(['MA1002']);
    expect(r.bytesRead).toBe(0);
    expect(r.status).toBe('findings');
  });

  test('the time limit stops a long scan with an ERROR', async () => {
    const b = p().proto(4);
    for (let i = 0; i < 400_000; i++) b.op('NONE').op('POP');
    const r = await scanBytes(b.op('NONE').stop().build(), 'slow.pkl', { timeoutMs: 1 });
    expect(rulesOf(r)).toContain('MA1001');
    expect(r.findings.find((f) => f.ruleId === 'MA1001')!.severity).toBe('ERROR');
  });

  test('an unrecognised file is an INFO finding, never silently clean', async () => {
    const r = await scanBytes(Buffer.from('hello world, not a model\n'), 'notes.dat');
    expect(r.format).toBe('unknown');
    expect(rulesOf(r)).toEqual(['MA1003']);
    expect(r.findings[0]!.severity).toBe('INFO');
  });

  test('an empty file is unknown, not clean', async () => {
    const r = await scanBytes(Buffer.alloc(0), 'empty.bin');
    expect(rulesOf(r)).toEqual(['MA1003']);
  });

  test('a .pkl that is not a pickle is scanned as one and reported malformed', async () => {
    const r = await scanBytes(Buffer.from('this is not a pickle at all'), 'model.pkl');
    expect(r.format).toBe('pickle');
    expect(rulesOf(r)).toContain('MA2013');
  });
});

describe('Git LFS pointers', () => {
  test('a pointer file is a WARNING that says the model was not fetched', async () => {
    const pointer =
      'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';
    const r = await scanBytes(Buffer.from(pointer), 'pytorch_model.bin');
    expect(r.format).toBe('git-lfs-pointer');
    expect(rulesOf(r)).toEqual(['MA7001']);
    expect(r.findings[0]!.message).toContain('12345-byte');
  });
});
