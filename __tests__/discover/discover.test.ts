/**
 * discover(): special files never opened, links judged (loops end, links out of the root are
 * kept with their target), model units by name, names that are not plain text, and the work a
 * large tree costs (entries visited, never time).
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discover, findUnit } from '../../src/discover/discover.js';
import { GlobError } from '../../src/discover/globs.js';
import type { Discovery } from '../../src/discover/types.js';
import { scan, scanDiscovery } from '../../src/pipeline/engine.js';
import {
  charDevice,
  cleanupTrees,
  EVIL,
  fifo,
  IS_ROOT,
  link,
  put,
  socket,
  tempDir,
} from './tree.js';

afterAll(cleanupTrees);

const rel = (root: string, d: Discovery): string[] =>
  d.files.map((f) => f.path.slice(root.length + 1));
const skippedOf = (root: string, d: Discovery): [string, string][] =>
  d.skipped.map((s) => [s.path.slice(root.length + 1), s.kind]);

describe('special files', () => {
  test('a FIFO, a socket and a link to a device inside a tree are skipped entries, never opened', async () => {
    const root = put(tempDir(), { 'model.pkl': EVIL });
    fifo(join(root, 'pipe.pkl'));
    await socket(join(root, 'run', 'agent.sock'));
    link(root, 'null.bin', '/dev/null');
    const d = await discover({ roots: [root] });
    expect(rel(root, d)).toEqual(['model.pkl']);
    expect(skippedOf(root, d)).toEqual([
      ['null.bin', 'symlink-outside-root'],
      ['pipe.pkl', 'fifo'],
      ['run/agent.sock', 'socket'],
    ]);
    expect(d.skipped.find((s) => s.kind === 'symlink-outside-root')!.target).toBe('/dev/null');
    expect(d.errors).toEqual([]);
  });

  (IS_ROOT ? test : test.skip)(
    'a character device (made with mknod, which needs root) is a skipped entry, and so is a link to it',
    async () => {
      const root = tempDir();
      charDevice(join(root, 'dev', 'zero.bin'));
      link(root, 'weights.bin', 'dev/zero.bin');
      const d = await discover({ roots: [root], followSymlinks: true });
      expect(rel(root, d)).toEqual([]);
      expect(skippedOf(root, d)).toEqual([
        ['dev/zero.bin', 'character-device'],
        ['weights.bin', 'character-device'],
      ]);
      expect(d.skipped[1]!.reason).toMatch(/^symbolic link to a character device/);
    },
  );

  test('scanning the tree turns them into findings on their own paths (MA1007, MA1008)', async () => {
    const root = put(tempDir(), { 'model.pkl': EVIL });
    fifo(join(root, 'pipe.pkl'));
    link(root, 'null.bin', '/dev/null');
    const report = await scan([root]);
    const byPath = new Map(report.files.map((f) => [f.path.slice(root.length + 1), f]));
    expect(byPath.get('pipe.pkl')).toMatchObject({
      role: 'skipped',
      format: 'fifo',
      bytesRead: 0,
      findings: [expect.objectContaining({ ruleId: 'MA1007', severity: 'WARNING' })],
    });
    expect(byPath.get('null.bin')!.findings).toEqual([
      expect.objectContaining({ ruleId: 'MA1008', severity: 'ERROR', evidence: '-> /dev/null' }),
    ]);
    expect(byPath.get('model.pkl')!.findings.map((f) => f.ruleId)).toContain('MA2001');
    expect(report.errors).toEqual([]);
  });

  test('a FIFO or socket named as a root is an error (exit 2), never "0 files"', async () => {
    const root = tempDir();
    fifo(join(root, 'named.pipe'));
    await socket(join(root, 'named.sock'));
    const d = await discover({ roots: [join(root, 'named.pipe'), join(root, 'named.sock')] });
    expect(d.files).toEqual([]);
    expect(d.errors).toEqual([
      {
        path: join(root, 'named.pipe'),
        message:
          'a FIFO (named pipe), not a file or directory: nothing to scan (it was not opened)',
      },
      {
        path: join(root, 'named.sock'),
        message: 'a socket, not a file or directory: nothing to scan (it was not opened)',
      },
    ]);
  });
});

describe('symbolic links', () => {
  test('loops end: a link to itself, two links to each other, a directory link to its parent', async () => {
    const root = put(tempDir(), { 'sub/model.pkl': EVIL });
    link(root, 'self', 'self');
    link(root, 'a', 'b');
    link(root, 'b', 'a');
    link(root, 'sub/up', '..');
    for (const followSymlinks of [false, true]) {
      const d = await discover({ roots: [root], followSymlinks });
      expect(rel(root, d)).toEqual(['sub/model.pkl']);
      const kinds = Object.fromEntries(skippedOf(root, d));
      expect(kinds).toEqual({
        a: 'symlink-loop',
        b: 'symlink-loop',
        self: 'symlink-loop',
        'sub/up': followSymlinks ? 'symlink-loop' : 'symlink-not-followed',
      });
    }
  });

  test('links out of the root are reported with their target, followed or not; dangling ones too', async () => {
    const outside = put(tempDir('modelaudit-outside-'), { 'secret.pkl': EVIL, 'dir/x.pkl': EVIL });
    const root = put(tempDir(), { 'in.pkl': EVIL });
    link(root, 'leak.pkl', join(outside, 'secret.pkl'));
    link(root, 'leakdir', join(outside, 'dir'));
    link(root, 'gone.pkl', join(outside, 'missing.pkl'));
    link(root, 'inside.pkl', 'in.pkl');
    link(root, 'broken.pkl', 'nothing-here.pkl');
    const plain = await discover({ roots: [root] });
    expect(skippedOf(root, plain)).toEqual([
      ['broken.pkl', 'symlink-broken'],
      ['gone.pkl', 'symlink-outside-root'],
      ['inside.pkl', 'symlink-not-followed'],
      ['leak.pkl', 'symlink-outside-root'],
      ['leakdir', 'symlink-outside-root'],
    ]);
    const byPath = new Map(plain.skipped.map((s) => [s.path.slice(root.length + 1), s]));
    expect(byPath.get('leak.pkl')!.target).toBe(join(outside, 'secret.pkl'));
    expect(byPath.get('leakdir')!.target).toBe(join(outside, 'dir'));
    expect(byPath.get('gone.pkl')).toMatchObject({
      target: join(outside, 'missing.pkl'),
      dangling: true,
    });
    const followed = await discover({ roots: [root], followSymlinks: true });
    expect(rel(root, followed)).toEqual(['in.pkl']); // inside.pkl is the same file
    expect(followed.files[0]!.aliases).toEqual([join(root, 'inside.pkl')]);
    // A dangling link out of the root is a WARNING; one that resolves is an ERROR.
    const report = await scan([root]);
    const sev = (name: string): string =>
      report.files.find((f) => f.path === join(root, name))!.findings[0]!.severity;
    expect([sev('leak.pkl'), sev('leakdir'), sev('gone.pkl')]).toEqual([
      'ERROR',
      'ERROR',
      'WARNING',
    ]);
  });

  test('a root given as a link is followed (named explicitly), its tree is not left', async () => {
    const real = put(tempDir(), { 'm/model.pkl': EVIL });
    const other = tempDir();
    symlinkSync(join(real, 'm'), join(other, 'alias'));
    const d = await discover({ roots: [join(other, 'alias')] });
    expect(d.files.map((f) => f.path)).toEqual([join(other, 'alias', 'model.pkl')]);
  });
});

describe('model units (by file names only)', () => {
  const root = put(tempDir(), {
    'hf/config.json': '{"model_type":"llama"}',
    'hf/model.safetensors': 'x',
    'hf/sub/extra.bin': 'x',
    'pipe/model_index.json': '{}',
    'pipe/unet/config.json': '{}',
    'pipe/unet/diffusion_pytorch_model.safetensors': 'x',
    'carded/README.md': '---\nlicense: mit\n---\n',
    'carded/weights.gguf': 'x',
    'notes/README.md': '# just notes',
    'notes/a.txt': 'x',
    'tf/saved_model.pb': 'x',
    'tf/variables/variables.index': 'x',
    'mlflow/MLmodel': 'flavors: {}',
    'mlflow/code/loader.py': 'print(1)',
    'loose/a.pkl': 'x',
  });

  test('each file gets the nearest unit; a pipeline claims its components', async () => {
    const d = await discover({ roots: [root] });
    const unitOf = Object.fromEntries(
      d.files.map((f) => [f.path.slice(root.length + 1), f.unit?.kind ?? null]),
    );
    expect(unitOf).toEqual({
      'carded/README.md': 'hf-model',
      'carded/weights.gguf': 'hf-model',
      'hf/config.json': 'hf-model',
      'hf/model.safetensors': 'hf-model',
      'hf/sub/extra.bin': 'hf-model',
      'loose/a.pkl': null,
      'mlflow/MLmodel': 'model-dir',
      'mlflow/code/loader.py': 'model-dir',
      'notes/README.md': null, // a README with no weights beside it is no model card
      'notes/a.txt': null,
      'pipe/model_index.json': 'hf-pipeline',
      'pipe/unet/config.json': 'hf-pipeline',
      'pipe/unet/diffusion_pytorch_model.safetensors': 'hf-pipeline',
      'tf/saved_model.pb': 'saved-model',
      'tf/variables/variables.index': 'saved-model',
    });
    const pipe = d.units.find((u) => u.kind === 'hf-pipeline')!;
    expect(pipe).toMatchObject({ root: join(root, 'pipe'), components: ['unet'] });
    expect(d.files.every((f) => f.role === 'target')).toBe(true);
  });

  test("a unit's metadata joins as context when only its weights are selected", async () => {
    const d = await discover({
      roots: [root],
      base: root,
      filter: { include: ['hf/*.safetensors', 'pipe/**/*.safetensors'] },
    });
    expect(d.files.map((f) => [f.relative, f.role])).toEqual([
      ['hf/config.json', 'context'],
      ['hf/model.safetensors', 'target'],
      ['pipe/model_index.json', 'context'],
      ['pipe/unet/config.json', 'context'],
      ['pipe/unet/diffusion_pytorch_model.safetensors', 'target'],
    ]);
  });

  test('a file given alone finds its unit in its directory or the parent, never above', async () => {
    expect(await findUnit(join(root, 'hf', 'sub', 'extra.bin'))).toEqual({
      root: join(root, 'hf'),
      kind: 'hf-model',
    });
    expect(await findUnit(join(root, 'loose', 'a.pkl'))).toBeUndefined();
    const d = await discover({ roots: [join(root, 'hf', 'sub')] });
    expect(d.files.map((f) => f.unit)).toEqual([undefined]); // the root bounds the search
  });

  test('Python code is analysed only inside a unit (ScanContext.unit, no directory reads)', async () => {
    const code = 'import os\nos.system("touch /tmp/modelaudit-marker-unit")\n';
    const tree = put(tempDir(), {
      'repo/config.json': '{}',
      'repo/modeling.py': code,
      'app/x.py': code,
    });
    const report = await scan([tree]);
    const rules = (p: string): string[] =>
      report.files.find((f) => f.path === join(tree, p))!.findings.map((f) => f.ruleId);
    expect(rules('app/x.py')).toEqual(['MA1003']);
    expect(rules('repo/modeling.py')).not.toContain('MA1003');
    expect(rules('repo/modeling.py').length).toBeGreaterThan(0);
  });
});

describe('names that are not plain text', () => {
  test('newlines and invalid UTF-8 in names: found, shown escaped, and scanned by their bytes', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'line\nbreak.pkl'), EVIL);
    const bad = Buffer.concat([
      Buffer.from(`${root}/bad`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('.pkl'),
    ]);
    writeFileSync(bad, EVIL);
    const badDir = Buffer.concat([Buffer.from(`${root}/dir`), Buffer.from([0xc3, 0x28])]);
    mkdirSync(badDir);
    writeFileSync(Buffer.concat([badDir, Buffer.from('/inner.pkl')]), EVIL);
    const d = await discover({ roots: [root] });
    expect(rel(root, d)).toEqual(['bad\\xff\\xfe.pkl', 'dir\\xc3(/inner.pkl', 'line\nbreak.pkl']);
    expect(Buffer.isBuffer(d.files[0]!.fsPath)).toBe(true);
    expect(readFileSync(d.files[0]!.fsPath)).toEqual(EVIL);
    const report = await scanDiscovery(d);
    expect(report.errors).toEqual([]);
    for (const f of report.files) expect(f.findings.map((x) => x.ruleId)).toContain('MA2001');
  });
});

test('a tree of 10,000 files: every entry visited once, every file found once', async () => {
  const root = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) files[`d${i}/f${j}.bin`] = '';
  put(root, files);
  const d = await discover({ roots: [root] });
  expect(d.files).toHaveLength(10_000);
  expect(new Set(d.files.map((f) => f.path)).size).toBe(10_000);
  // 1 root + 100 directories + 10,000 files; 101 directories listed.
  expect(d.stats.entriesVisited).toBe(10_101);
  expect(d.stats.directoriesRead).toBe(101);
  expect(d.stats.linksResolved).toBe(0);
});

describe('filters', () => {
  test('an invalid glob is a GlobError naming its input, never an internal error', async () => {
    const root = tempDir();
    await expect(
      discover({ roots: [root], base: root, filter: { exclude: ['[z-a]'] } }),
    ).rejects.toThrow(new GlobError('exclude', '[z-a]', 'Range out of order in character class'));
    await expect(
      discover({ roots: [root], base: root, filter: { include: ['{a,b'] } }),
    ).rejects.toThrow(/^invalid glob "\{a,b" in include: /);
  });

  test('excluded directories are pruned and listed; unselected files are only counted', async () => {
    const root = put(tempDir(), {
      'models/a.pkl': EVIL,
      'models/notes.md': 'x',
      'node_modules/pkg/b.pkl': EVIL,
      '.git/HEAD': 'ref',
    });
    const d = await discover({
      roots: [root],
      base: root,
      filter: { include: ['**/*.pkl'], exclude: ['node_modules'] },
    });
    expect(d.files.map((f) => f.relative)).toEqual(['models/a.pkl']);
    expect(skippedOf(root, d)).toEqual([
      ['.git', 'vcs-dir'],
      ['node_modules', 'excluded'],
    ]);
    expect(d.stats.notSelected).toBe(1);
  });
});
