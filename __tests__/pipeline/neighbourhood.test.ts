/**
 * The files around a top-level file, as scanners reach them through the scan context: bounded,
 * read-only, every byte counted, links out of the directory reported and never followed,
 * special files never opened; archive members have no neighbourhood.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoStats } from '../../src/io/source.js';
import { LimitExceeded } from '../../src/io/limits.js';
import { DirectoryNeighbourhood } from '../../src/pipeline/neighbourhood.js';
import { scanFile } from '../../src/pipeline/engine.js';
import { resolveLimits, resolveOptions } from '../../src/options/options.js';
import { zip } from '../scan/archive/build.js';

const SAVED_MODEL = new URL(
  '../../fixtures/graph/savedmodel/benign/keras_dense/saved_model.pb',
  import.meta.url,
).pathname;

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'modelaudit-around-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const outside = tree({ 'secret.txt': 'outside the model\n', 'dir/x.bin': 'x' });
const model = tree({
  'model/model.onnx': 'onnx',
  'model/weights.bin': '0123456789',
  'model/sub/part.bin': 'abc',
});
const dir = join(model, 'model');
symlinkSync(join(outside, 'secret.txt'), join(dir, 'link-out.bin'));
symlinkSync(join(outside, 'dir'), join(dir, 'dir-out'));
symlinkSync('weights.bin', join(dir, 'link-in.bin'));
symlinkSync('missing.bin', join(dir, 'dangling.bin'));
execFileSync('mkfifo', [join(dir, 'fifo.bin')]);

function around(limits = {}): { view: DirectoryNeighbourhood; stats: IoStats } {
  const stats = new IoStats();
  return {
    view: new DirectoryNeighbourhood(dir, stats, resolveLimits(limits), () => undefined),
    stats,
  };
}

describe('sibling()', () => {
  test('a file is read whole within the limit, and every byte is counted', async () => {
    const { view, stats } = around();
    const e = await view.sibling('weights.bin');
    expect(e).toMatchObject({ kind: 'file', size: 10, linksOutside: false });
    expect(await e!.read(9)).toBeUndefined(); // larger than the limit: not read
    expect(stats.bytesRead).toBe(0);
    expect((await e!.read(10))!.toString()).toBe('0123456789');
    expect((await (await view.sibling('./sub//part.bin'))!.read(100))!.toString()).toBe('abc');
    expect(stats.bytesRead).toBe(13);
  });

  test('a link leading out of the directory is reported as such and never read', async () => {
    const { view, stats } = around();
    const e = await view.sibling('link-out.bin');
    expect(e).toMatchObject({
      kind: 'other',
      size: 0,
      linksOutside: true,
      linkTarget: join(outside, 'secret.txt'),
    });
    expect(await e!.read(1 << 20)).toBeUndefined();
    // A path through a linked directory is outside too.
    expect(await view.sibling('dir-out/x.bin')).toMatchObject({ linksOutside: true });
    expect(await view.listDir('dir-out')).toBeUndefined();
    expect(stats.bytesRead).toBe(0);
  });

  test('a link inside the directory is followed', async () => {
    const { view } = around();
    const e = await view.sibling('link-in.bin');
    expect(e).toMatchObject({
      kind: 'file',
      size: 10,
      linksOutside: false,
      linkTarget: 'weights.bin',
    });
    expect((await e!.read(10))!.toString()).toBe('0123456789');
  });

  test('a FIFO is never opened (no hang) and a dangling link is nothing', async () => {
    const { view } = around();
    const fifo = await view.sibling('fifo.bin');
    expect(fifo).toMatchObject({ kind: 'other', linksOutside: false });
    expect(await fifo!.read(100)).toBeUndefined();
    expect(await view.sibling('dangling.bin')).toBeUndefined();
    expect(await view.sibling('missing.bin')).toBeUndefined();
  });

  test.each(['../model/weights.bin', '/etc/passwd', 'sub/../../x', 'a\0b', '', '.'])(
    'a path that is not plainly inside the directory is refused: %j',
    async (rel) => {
      expect(await around().view.sibling(rel)).toBeUndefined();
    },
  );

  test('lookups are bounded per file: past the limit the scan stops with a limit', async () => {
    const { view } = around({ maxSiblingLookups: 3 });
    for (let i = 0; i < 3; i++) await view.sibling(`missing-${i}`);
    await expect(view.sibling('weights.bin')).rejects.toBeInstanceOf(LimitExceeded);
  });
});

describe('listDir()', () => {
  test('lists names and kinds, links shown as links, sorted', async () => {
    const listing = await around().view.listDir('');
    expect(listing).toEqual({
      truncated: false,
      entries: [
        { name: 'dangling.bin', kind: 'symlink' },
        { name: 'dir-out', kind: 'symlink' },
        { name: 'fifo.bin', kind: 'other' },
        { name: 'link-in.bin', kind: 'symlink' },
        { name: 'link-out.bin', kind: 'symlink' },
        { name: 'model.onnx', kind: 'file' },
        { name: 'sub', kind: 'directory' },
        { name: 'weights.bin', kind: 'file' },
      ],
    });
  });

  test('listings are bounded', async () => {
    const listing = await around({ maxDirEntries: 2 }).view.listDir('');
    expect(listing!.entries).toHaveLength(2);
    expect(listing!.truncated).toBe(true);
  });

  test('nothing outside the directory is listed', async () => {
    const { view } = around();
    expect((await view.listDir('sub'))!.entries).toEqual([{ name: 'part.bin', kind: 'file' }]);
    expect(await view.listDir('..')).toBeUndefined();
    expect(await view.listDir('sub/../..')).toBeUndefined();
    expect(await view.listDir('weights.bin')).toBeUndefined();
  });
});

describe('through the engine', () => {
  const config = JSON.stringify({ model_type: 'x', auto_map: { AutoModel: 'modeling_x.XModel' } });
  const code = 'import os\nos.system("touch /tmp/modelaudit-marker-neighbourhood")\n';

  test('bytes read around a file count in its bytesRead', async () => {
    const root = tree({ 'config.json': config, 'modeling_x.py': code });
    const r = await scanFile(join(root, 'config.json'), resolveOptions());
    expect(r.findings.map((f) => f.ruleId)).toContain('MA5303');
    // The config itself (at most twice: identification, then the scanner) plus the module.
    expect(r.bytesRead).toBeGreaterThanOrEqual(config.length + code.length);
    expect(r.bytesRead).toBeLessThanOrEqual(2 * config.length + code.length);
  });

  test('an archive member has no neighbourhood: code it names is not taken from the disk', async () => {
    const root = tree({ 'modeling_x.py': code });
    writeFileSync(
      join(root, 'bundle.zip'),
      zip([{ name: 'config.json', data: Buffer.from(config) }]),
    );
    const r = await scanFile(join(root, 'bundle.zip'), resolveOptions());
    const rules = r.findings.map((f) => f.ruleId);
    expect(rules).toContain('MA5301'); // the reference itself is reported
    expect(rules).not.toContain('MA5303'); // the file beside the archive is not its code
    expect(rules).not.toContain('MA5302');
  });

  test('SavedModel: variables/ linked out of the model directory is reported, never listed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'modelaudit-savedmodel-'));
    copyFileSync(SAVED_MODEL, join(root, 'saved_model.pb'));
    symlinkSync(outside, join(root, 'variables'));
    const r = await scanFile(join(root, 'saved_model.pb'), resolveOptions());
    const f = r.findings.find((x) => x.ruleId === 'MA4026');
    expect(f?.message).toMatch(/symbolic link leading out of the model directory/);
    expect(f?.evidence).toBe(`variables -> ${outside}`);
  });
});
