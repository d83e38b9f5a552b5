/**
 * The Hugging Face cache as huggingface_hub lays it out: blobs, snapshot links into them, refs.
 * Scanning a snapshot, the cache entry or the whole hub follows the links that stay inside the
 * entry by default, scans each blob once under its snapshot name, and reports a link that
 * leaves it.
 */
import { join } from 'node:path';
import { discover } from '../../src/discover/discover.js';
import { scan } from '../../src/pipeline/engine.js';
import { cleanupTrees, EVIL, link, put, tempDir } from './tree.js';

afterAll(cleanupTrees);

const REV1 = 'a'.repeat(40);
const REV2 = 'b'.repeat(40);
const WEIGHTS = '1'.repeat(64);
const CONFIG = '2'.repeat(40);
const ORPHAN = '3'.repeat(64);

function hub(): { hub: string; entry: string; outside: string } {
  const outside = put(tempDir('modelaudit-outside-'), { 'elsewhere.bin': EVIL });
  const h = tempDir('modelaudit-hub-');
  const entry = join(h, 'models--evil-org--evil-model');
  put(entry, {
    [`blobs/${WEIGHTS}`]: EVIL,
    [`blobs/${CONFIG}`]: JSON.stringify({
      model_type: 'gpt2',
      _name_or_path: 'evil-org/evil-model',
    }),
    [`blobs/${ORPHAN}`]: EVIL,
    'refs/main': REV1,
  });
  link(entry, `snapshots/${REV1}/pytorch_model.bin`, `../../blobs/${WEIGHTS}`);
  link(entry, `snapshots/${REV1}/config.json`, `../../blobs/${CONFIG}`);
  link(entry, `snapshots/${REV2}/pytorch_model.bin`, `../../blobs/${WEIGHTS}`);
  link(entry, `snapshots/${REV2}/leak.bin`, join(outside, 'elsewhere.bin'));
  return { hub: h, entry, outside };
}

describe('Hugging Face cache', () => {
  const { hub: h, entry, outside } = hub();
  const under = (p: string): string => p.slice(entry.length + 1);

  test('scanning a snapshot follows its links into the blobs by default, with real findings', async () => {
    const report = await scan([join(entry, 'snapshots', REV1)]);
    expect(report.errors).toEqual([]);
    const files = report.files.map((f) => under(f.path));
    expect(files).toEqual([`snapshots/${REV1}/config.json`, `snapshots/${REV1}/pytorch_model.bin`]);
    const weights = report.files[1]!;
    expect(weights.findings.map((f) => f.ruleId)).toContain('MA2001');
    expect(weights.unit).toEqual({ root: entry, kind: 'hf-cache' });
    expect(report.models?.map((m) => [m.kind, m.root])).toEqual([['hf-cache', entry]]);
  });

  test('scanning the entry or the hub: each blob once, under its snapshot name; links out reported', async () => {
    for (const root of [entry, h]) {
      const d = await discover({ roots: [root] });
      expect(d.files.map((f) => under(f.path))).toEqual([
        `blobs/${ORPHAN}`, // no snapshot names it: scanned under its own name
        'refs/main',
        `snapshots/${REV1}/config.json`,
        `snapshots/${REV1}/pytorch_model.bin`,
      ]);
      expect(d.units.map((u) => [u.kind, u.root, u.repoId])).toEqual([
        ['hf-cache', entry, 'evil-org/evil-model'],
      ]);
      const skipped = d.skipped.map((s) => [under(s.path), s.kind]);
      expect(skipped).toEqual([
        [`blobs/${WEIGHTS}`, 'duplicate'],
        [`blobs/${CONFIG}`, 'duplicate'],
        [`snapshots/${REV2}/leak.bin`, 'symlink-outside-root'],
        [`snapshots/${REV2}/pytorch_model.bin`, 'duplicate'],
      ]);
      expect(d.skipped[2]!.target).toBe(join(outside, 'elsewhere.bin'));
    }
    const report = await scan([entry]);
    const dangerous = report.files.filter((f) => f.findings.some((x) => x.ruleId === 'MA2001'));
    expect(dangerous.map((f) => under(f.path))).toEqual([
      `blobs/${ORPHAN}`,
      `snapshots/${REV1}/pytorch_model.bin`,
    ]);
    const leak = report.files.find((f) => f.path.endsWith('leak.bin'))!;
    expect(leak.findings.map((f) => [f.ruleId, f.evidence])).toEqual([
      ['MA1008', `-> ${join(outside, 'elsewhere.bin')}`],
    ]);
  });

  test('a snapshot file given alone brings its config as context', async () => {
    const d = await discover({ roots: [join(entry, 'snapshots', REV1, 'pytorch_model.bin')] });
    expect(d.files.map((f) => [under(f.path), f.role])).toEqual([
      [`snapshots/${REV1}/config.json`, 'context'],
      [`snapshots/${REV1}/pytorch_model.bin`, 'target'],
    ]);
  });

  test('only a real cache layout gets links followed by default', async () => {
    const root = put(tempDir(), { 'models--not--cache/real.pkl': EVIL });
    link(root, 'models--not--cache/alias.pkl', 'real.pkl');
    const d = await discover({ roots: [root] });
    expect(d.skipped.map((s) => s.kind)).toEqual(['symlink-not-followed']);
  });
});
