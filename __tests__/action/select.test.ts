import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ChangeSet } from '../../src/action/changes.js';
import { compileGlob, PathFilter, walkStarts } from '../../src/discover/globs.js';
import { shardOf } from '../../src/discover/shard.js';
import { selectTargets } from '../../src/action/select.js';

describe('globs', () => {
  test.each([
    ['**', 'a/b/c.pkl', true],
    ['models', 'models/a/b.pkl', true],
    ['models/', 'models/a.pkl', true],
    ['models', 'models2/a.pkl', false],
    ['*.pkl', 'a.pkl', true],
    ['*.pkl', 'dir/a.pkl', false],
    ['**/*.pkl', 'dir/sub/a.pkl', true],
    ['**/*.pkl', 'a.pkl', true],
    ['models/**/*.{pt,pth}', 'models/x/y.pth', true],
    ['models/**/*.{pt,pth}', 'models/x/y.pkl', false],
    ['data/file?.bin', 'data/file1.bin', true],
    ['data/file[0-9].bin', 'data/filex.bin', false],
    ['./models/*.pkl', 'models/a.pkl', true],
    ['.', 'anything/at/all', true],
    ['a.b', 'aXb', false],
    ['**', 'x\n::warning::y\n.pkl', true],
    ['*.pkl', 'x\ny.pkl', true],
    ['*.pkl', 'x/\ny.pkl', false],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern, 'paths')(path)).toBe(expected);
  });

  test('the last matching line of paths wins; exclude always wins', () => {
    const f = new PathFilter(['models', '!models/tmp', 'models/tmp/keep.pkl'], ['**/*.md']);
    expect(f.selects('models/a.pkl')).toBe(true);
    expect(f.selects('models/tmp/x.pkl')).toBe(false);
    expect(f.selects('models/tmp/keep.pkl')).toBe(true);
    expect(f.selects('models/README.md')).toBe(false);
    expect(f.selects('other/a.pkl')).toBe(false);
  });
});

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelaudit-select-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

const base = { paths: ['**'], exclude: [], followSymlinks: false, shardIndex: 1, shardCount: 1 };

function changes(files: ChangeSet['files']): ChangeSet {
  return { kind: 'changes', description: 'test', source: 'event', files };
}

describe('selectTargets', () => {
  test('full scan: walks the workspace, skips .git and excluded directories', async () => {
    const ws = workspace({
      'a.pkl': 'x',
      'models/b.pt': 'x',
      'node_modules/pkg/c.pkl': 'x',
      '.git/objects/d': 'x',
    });
    const s = await selectTargets(
      { kind: 'all', reason: 'test', fallback: false },
      { ...base, workspace: ws, exclude: ['node_modules'] },
    );
    expect(s.targets).toEqual(['a.pkl', 'models/b.pt']);
    expect(s.changedSelected).toBeUndefined();
  });

  test('full scan: walks only from the literal prefixes of paths', async () => {
    expect(walkStarts(['models/**/*.pt', 'models/x', 'data/a.pkl', '!models/tmp'])).toEqual([
      'data/a.pkl',
      'models',
    ]);
    expect(walkStarts(['models', '**/*.pkl'])).toEqual(['']);
    expect(walkStarts(['./ckpt/'])).toEqual(['ckpt']);
    const ws = workspace({
      'models/a.pkl': 'x',
      'data/a.pkl': 'x',
      'data/b.pkl': 'x',
      'c.pkl': 'x',
    });
    const s = await selectTargets(
      { kind: 'all', reason: 'test', fallback: false },
      { ...base, workspace: ws, paths: ['models', 'data/a.pkl', 'missing/dir'] },
    );
    expect(s.targets).toEqual(['data/a.pkl', 'models/a.pkl']);
  });

  test('changes: deletions, renames, globs; files missing from the checkout are reported', async () => {
    const ws = workspace({ 'models/new.pkl': 'x', 'models/renamed.pkl': 'x', 'src/a.py': 'x' });
    const s = await selectTargets(
      changes([
        { path: 'models/new.pkl', status: 'added' },
        { path: 'models/gone.pkl', status: 'removed' },
        { path: 'models/renamed.pkl', status: 'renamed', previousPath: 'models/old.pkl' },
        { path: 'models/missing.pkl', status: 'modified' },
        { path: 'src/a.py', status: 'modified' },
      ]),
      { ...base, workspace: ws, paths: ['models'] },
    );
    expect(s.targets).toEqual(['models/new.pkl', 'models/renamed.pkl']);
    expect(s.deleted).toEqual(['models/gone.pkl']);
    expect(s.renamed).toEqual([{ from: 'models/old.pkl', to: 'models/renamed.pkl' }]);
    expect(s.skipped).toEqual([
      { path: 'models/missing.pkl', kind: 'missing', reason: 'not in the checkout' },
    ]);
    expect(s.changedSelected).toBe(4);
  });

  test('paths from the change set cannot leave the workspace', async () => {
    const ws = workspace({ 'a.pkl': 'x' });
    const s = await selectTargets(
      changes([
        { path: '../../etc/passwd', status: 'added' },
        { path: '/etc/passwd', status: 'added' },
      ]),
      { ...base, workspace: ws },
    );
    expect(s.targets).toEqual([]);
    expect(s.skipped.map((x) => x.kind)).toEqual(['outside-base', 'outside-base']);
  });

  test('symbolic links: skipped unless followed, and never followed out of the workspace', async () => {
    const outside = workspace({ 'secret.txt': 'token' });
    const ws = workspace({ 'real.pkl': 'x' });
    symlinkSync(join(outside, 'secret.txt'), join(ws, 'leak.pkl'));
    symlinkSync(join(ws, 'real.pkl'), join(ws, 'alias.pkl'));
    const set = changes([
      { path: 'leak.pkl', status: 'added' },
      { path: 'alias.pkl', status: 'added' },
    ]);
    const plain = await selectTargets(set, { ...base, workspace: ws });
    expect(plain.targets).toEqual([]);
    const followed = await selectTargets(set, { ...base, workspace: ws, followSymlinks: true });
    expect(followed.targets).toEqual(['alias.pkl']);
    expect(followed.skipped).toEqual([
      expect.objectContaining({
        path: 'leak.pkl',
        kind: 'symlink-outside-root',
        target: join(realpathSync(outside), 'secret.txt'),
      }),
    ]);
    const walked = await selectTargets(
      { kind: 'all', reason: 'test', fallback: false },
      { ...base, workspace: ws, followSymlinks: true },
    );
    // The same file under two names is scanned once, under its own name.
    expect(walked.targets).toEqual(['real.pkl']);
    expect(walked.discovery.files[0]!.aliases).toEqual([join(ws, 'alias.pkl')]);
  });

  test('a change inside a SavedModel (even a deletion) scans the whole directory', async () => {
    const ws = workspace({
      'm/sm/saved_model.pb': 'x',
      'm/sm/variables/variables.index': 'x',
      'm/other.pkl': 'x',
    });
    const s = await selectTargets(
      changes([
        { path: 'm/sm/variables/variables.index', status: 'modified' },
        { path: 'm/sm/assets/vocab.txt', status: 'removed' },
      ]),
      { ...base, workspace: ws },
    );
    expect(s.targets).toEqual(['m/sm']);
    expect(s.units).toEqual([{ path: 'm/sm', format: 'TensorFlow SavedModel' }]);
    const all = await selectTargets(
      { kind: 'all', reason: 'test', fallback: false },
      { ...base, workspace: ws },
    );
    expect(all.targets).toEqual(['m/other.pkl', 'm/sm']);
  });

  test('shards split the targets without overlap, stably by path', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`m/f${i}.pkl`] = 'x';
    const ws = workspace(files);
    const full = { kind: 'all', reason: 'test', fallback: false } as const;
    const shards = await Promise.all(
      [1, 2, 3].map((shardIndex) =>
        selectTargets(full, { ...base, workspace: ws, shardIndex, shardCount: 3 }),
      ),
    );
    const all = shards.flatMap((s) => s.targets).sort();
    expect(all).toEqual(Object.keys(files).sort());
    expect(shards.every((s) => s.targets.length > 0 && s.totalTargets === 40)).toBe(true);
    expect(shardOf('m/f1.pkl', 3)).toBe(shardOf('m/f1.pkl', 3));
    expect(shardOf('anything', 1)).toBe(1);
  });
});
