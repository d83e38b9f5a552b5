/**
 * Graph-family fixtures beyond the shared corpus test: suspicious samples (WARNING level, no
 * ERROR), .keras archives run through the Keras layout with an in-memory ArchiveView (the zip
 * container of issue 4 hands real archives the same way), and marker files never appearing.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveOptions } from '../../../src/options/options.js';
import { EngineContext, FileCollector } from '../../../src/pipeline/context.js';
import { scanFile } from '../../../src/pipeline/engine.js';
import { IoStats } from '../../../src/io/source.js';
import { SourceStream } from '../../../src/io/stream.js';
import { type ScanTarget } from '../../../src/scan/base.js';
import { HEAD_BYTES } from '../../../src/identify/identify.js';
import { kerasArchiveLayout } from '../../../src/scan/graph/keras.js';
import { FIXTURES_ROOT, loadFixtures, type FixtureEntry } from '../../helpers/manifest.js';
import { FakeArchiveView, readZip } from './helpers.js';
import { BufferSource } from '../../../src/io/source.js';

const graph = loadFixtures().filter((f) => f.manifest.includes(`${join('fixtures', 'graph')}`));
const suspicious = graph.filter((f) => f.class === 'suspicious');
const archiveManifest = join(FIXTURES_ROOT, 'graph', 'keras', 'manifest.json');
const archives = (
  JSON.parse(readFileSync(archiveManifest, 'utf8')) as { fixtures: FixtureEntry[] }
).fixtures.map((f) => ({
  ...f,
  path: join(dirname(archiveManifest), f.file),
}));
const options = resolveOptions();

test('the graph corpus has malicious and benign samples for every format', () => {
  const by = (cls: string, fmt: string): number =>
    graph.filter((f) => f.class === cls && f.format === fmt).length;
  for (const fmt of ['hdf5', 'onnx', 'tf-savedmodel']) {
    expect(by('malicious', fmt)).toBeGreaterThanOrEqual(8);
    expect(by('benign', fmt)).toBeGreaterThanOrEqual(2);
  }
  expect(archives.filter((a) => a.class === 'malicious').length).toBeGreaterThanOrEqual(5);
  expect(archives.filter((a) => a.class === 'benign').length).toBeGreaterThanOrEqual(3);
});

describe('suspicious graph fixtures are WARNINGs with their rules', () => {
  test.each(suspicious.map((f) => [f.id ?? f.file, f] as const))('%s', async (_id, f) => {
    const r = await scanFile(f.path, options);
    const rules = new Set(r.findings.map((x) => x.ruleId));
    for (const rule of f.expect.rules ?? []) expect(rules).toContain(rule);
    expect(r.findings.some((x) => x.severity === 'WARNING')).toBe(true);
    expect(r.findings.filter((x) => x.severity === 'ERROR')).toEqual([]);
    const text = r.findings.map((x) => `${x.evidence ?? ''} ${x.message}`).join('\n');
    for (const e of f.expect.evidence ?? []) expect(text).toContain(e);
  });
});

/** Runs the .keras layout on an archive through a real engine context and a fake view. */
async function scanArchive(path: string): Promise<{
  findings: { ruleId: string; severity: string; text: string }[];
  view: FakeArchiveView;
  details: Record<string, unknown>;
}> {
  const bytes = readFileSync(path);
  const source = new BufferSource(bytes);
  const target: ScanTarget = {
    path,
    name: path.split('/').pop()!,
    size: bytes.length,
    head: bytes.subarray(0, HEAD_BYTES),
    openStream: () => new SourceStream(source),
    source,
  };
  const collector = new FileCollector(path, new IoStats());
  const ctx = new EngineContext(collector, options.limits, Date.now() + 60_000, 0, target);
  const view = new FakeArchiveView(path, readZip(path));
  expect(kerasArchiveLayout.matches(view.entries, target)).toBe(true);
  expect(await kerasArchiveLayout.scan(view, target, ctx)).toBe('continue');
  return {
    findings: collector.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      text: `${f.evidence ?? ''} ${f.message}`,
    })),
    view,
    details: collector.details,
  };
}

describe('.keras archives through the Keras layout', () => {
  beforeAll(() => {
    for (const a of archives) if (a.marker) rmSync(a.marker, { force: true });
  });

  test.each(archives.map((a) => [a.id ?? a.file, a] as const))('%s', async (_id, a) => {
    const r = await scanArchive(a.path);
    if (a.class === 'benign') {
      expect(r.findings).toEqual([]);
      expect(r.details.keras).toEqual(
        expect.objectContaining({ format: 'keras-v3', kerasVersion: expect.any(String) }),
      );
      expect(r.view.opened).toEqual(expect.arrayContaining(['config.json', 'metadata.json']));
      return;
    }
    expect(r.findings.some((f) => f.severity === 'ERROR')).toBe(true);
    for (const rule of a.expect.rules ?? [])
      expect(r.findings.map((f) => f.ruleId)).toContain(rule);
    const text = r.findings.map((f) => f.text).join('\n');
    for (const e of a.expect.evidence ?? []) expect(text).toContain(e);
  });

  test('layouts only claim archives with a Keras config', () => {
    const none = new FakeArchiveView('x.zip', new Map([['data.pkl', Buffer.alloc(1)]]));
    expect(kerasArchiveLayout.matches(none.entries, {} as ScanTarget)).toBe(false);
  });

  test('no marker file appeared', () => {
    expect(archives.filter((a) => a.marker && existsSync(a.marker))).toEqual([]);
  });
});
