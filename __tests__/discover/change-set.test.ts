/**
 * discover() with a change set, a filter and a shard: what the Action hands it.
 */
import { join } from 'node:path';
import { discover } from '../../src/discover/discover.js';
import { shardOf } from '../../src/discover/shard.js';
import type { ChangedPath, DiscoverRequest } from '../../src/discover/types.js';
import { cleanupTrees, EVIL, fifo, link, put, tempDir } from './tree.js';

afterAll(cleanupTrees);

function request(
  base: string,
  only: ChangedPath[],
  extra: Partial<DiscoverRequest> = {},
): DiscoverRequest {
  return { roots: [], base, boundary: base, only, ...extra };
}

describe('change sets', () => {
  const outside = put(tempDir('modelaudit-outside-'), { 'secret.pkl': EVIL });
  const ws = put(tempDir(), {
    'models/new.pkl': EVIL,
    'models/renamed.pkl': EVIL,
    'models/hf/config.json': '{}',
    'models/hf/model.safetensors': 'x',
    'models/tf/saved_model.pb': 'x',
    'models/tf/variables/variables.index': 'x',
    'models/tf/variables/variables.data-00000-of-00001': 'x',
    'docs/readme.md': 'x',
    'sub/module/file': 'x',
  });
  link(ws, 'models/leak.pkl', join(outside, 'secret.pkl'));
  fifo(join(ws, 'models/pipe.pkl'));

  test('added, renamed, removed, missing, refused and filtered paths', async () => {
    const d = await discover(
      request(
        ws,
        [
          { path: 'models/new.pkl', status: 'added' },
          { path: 'models/renamed.pkl', status: 'renamed', previousPath: 'models/old.pkl' },
          { path: 'models/gone.pkl', status: 'removed' },
          { path: 'models/missing.pkl', status: 'modified' },
          { path: '../escape.pkl', status: 'added' },
          { path: 'models/leak.pkl', status: 'added' },
          { path: 'models/pipe.pkl', status: 'added' },
          { path: 'sub/module', status: 'modified' },
          { path: 'docs/readme.md', status: 'modified' },
        ],
        { filter: { include: ['models', 'sub'], exclude: ['**/*.md'] } },
      ),
    );
    expect(d.files.map((f) => f.relative)).toEqual(['models/new.pkl', 'models/renamed.pkl']);
    expect(d.deleted).toEqual(['models/gone.pkl']);
    expect(d.renamed).toEqual([{ from: 'models/old.pkl', to: 'models/renamed.pkl' }]);
    expect(d.skipped.map((s) => [s.path.replace(`${ws}/`, ''), s.kind])).toEqual([
      ['../escape.pkl', 'outside-base'],
      ['models/leak.pkl', 'symlink-outside-root'],
      ['models/missing.pkl', 'missing'],
      ['models/pipe.pkl', 'fifo'],
      ['sub/module', 'directory'],
    ]);
    expect(d.stats.changedSelected).toBe(7); // not the refused path, not docs/readme.md
  });

  test('a change (even a deletion) inside a SavedModel brings the whole directory', async () => {
    for (const change of [
      { path: 'models/tf/variables/variables.index', status: 'modified' },
      { path: 'models/tf/assets/vocab.txt', status: 'removed' },
    ]) {
      const d = await discover(request(ws, [change]));
      expect(d.files.map((f) => [f.relative, f.role])).toEqual([
        ['models/tf/saved_model.pb', 'unit'],
        ['models/tf/variables/variables.data-00000-of-00001', 'unit'],
        ['models/tf/variables/variables.index', change.status === 'removed' ? 'unit' : 'target'],
      ]);
      expect(d.units.map((u) => [u.relative, u.kind])).toEqual([['models/tf', 'saved-model']]);
    }
  });

  test("a changed weights file brings its unit's config as context", async () => {
    const d = await discover(
      request(ws, [{ path: 'models/hf/model.safetensors', status: 'modified' }]),
    );
    expect(d.files.map((f) => [f.relative, f.role])).toEqual([
      ['models/hf/config.json', 'context'],
      ['models/hf/model.safetensors', 'target'],
    ]);
  });
});

describe('shards', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`m/f${i}.pkl`] = 'x';
  files['m/sm/saved_model.pb'] = 'x';
  for (let i = 0; i < 5; i++) files[`m/sm/variables/v${i}`] = 'x';
  const ws = put(tempDir(), files);

  test('shards split the files without overlap, stably, a SavedModel kept whole', async () => {
    const full = { roots: [ws], base: ws, boundary: ws };
    const shards = await Promise.all(
      [1, 2, 3].map((index) => discover({ ...full, shard: { index, count: 3 } })),
    );
    const all = shards.flatMap((s) => s.files.map((f) => f.relative)).sort();
    expect(all).toEqual(Object.keys(files).sort());
    expect(shards.every((s) => s.files.length > 0 && s.stats.shardKeys === 41)).toBe(true);
    const holding = shards.filter((s) => s.files.some((f) => f.relative.startsWith('m/sm/')));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.files.filter((f) => f.relative.startsWith('m/sm/'))).toHaveLength(6);
    // The same request gives the same split.
    const again = await discover({ ...full, shard: { index: 2, count: 3 } });
    expect(again.files.map((f) => f.relative)).toEqual(shards[1]!.files.map((f) => f.relative));
    expect(shardOf('m/f1.pkl', 3)).toBe(shardOf('m/f1.pkl', 3));
    expect(shardOf('anything', 1)).toBe(1);
  });
});
