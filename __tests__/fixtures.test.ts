/**
 * Every committed fixture, table-driven from its manifest: malicious samples must be flagged
 * ERROR with the rules and evidence listed; benign samples saved by real frameworks must scan
 * clean; and scanning never executes anything (no marker file appears).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveOptions } from '../src/options/options.js';
import { scanFile } from '../src/pipeline/engine.js';
import type { FileResult } from '../src/findings/finding.js';
import { scannerFor } from '../src/scan/registry.js';
import { FIXTURES_ROOT, loadFixtures, type LoadedFixture } from './helpers/manifest.js';

const fixtures = loadFixtures();
const malicious = fixtures.filter((f) => f.class === 'malicious');
const benign = fixtures.filter((f) => f.class === 'benign');
// Benign samples whose container format has no scanner yet are checked once it exists.
const benignScannable = benign.filter((f) => scannerFor(f.format ?? 'pickle') !== undefined);
const results = new Map<string, FileResult>();
const options = resolveOptions();

async function result(f: LoadedFixture): Promise<FileResult> {
  let r = results.get(f.path);
  if (!r) {
    r = await scanFile(f.path, options);
    results.set(f.path, r);
  }
  return r;
}

function describeFindings(r: FileResult): string {
  return r.findings
    .map((x) => `${x.severity} ${x.ruleId} ${x.evidence ?? ''} :: ${x.message}`)
    .join('\n');
}

beforeAll(() => {
  for (const f of malicious) if (f.marker) rmSync(f.marker, { force: true });
});

test('the fixture corpus is present', () => {
  expect(malicious.length).toBeGreaterThanOrEqual(480);
  expect(benign.length).toBeGreaterThanOrEqual(250);
  for (const f of fixtures) expect(existsSync(f.path)).toBe(true);
});

test('every fixture generator has its manifests (a generator that failed halfway is caught)', () => {
  const generators = readdirSync(FIXTURES_ROOT, { recursive: true, encoding: 'utf8' })
    .filter((p) => /(^|\/)make_[a-z_]+\.py$/.test(p) && !/make_vectors|gen_/.test(p))
    .map((p) => join(FIXTURES_ROOT, p));
  expect(generators.length).toBeGreaterThanOrEqual(8);
  const manifests = [...new Set(fixtures.map((f) => f.manifest))];
  for (const g of generators) {
    const dir = dirname(g);
    const found = manifests.filter((m) => m.startsWith(dir)).length;
    expect({ generator: g, manifests: found > 0 }).toEqual({ generator: g, manifests: true });
  }
});

describe('malicious fixtures are flagged ERROR', () => {
  test.each(malicious.map((f) => [f.id ?? f.file, f] as const))('%s', async (_id, f) => {
    const r = await result(f);
    const detail = `${f.file}\n${describeFindings(r)}`;
    expect({ detail, error: r.findings.some((x) => x.severity === 'ERROR') }).toEqual({
      detail,
      error: true,
    });
    const rules = new Set(r.findings.map((x) => x.ruleId));
    for (const rule of f.expect.rules ?? [])
      expect({ detail, rule, found: rules.has(rule) }).toEqual({ detail, rule, found: true });
    const text = r.findings.map((x) => `${x.evidence ?? ''} ${x.message}`).join('\n');
    for (const e of f.expect.evidence ?? [])
      expect({ detail, e, found: text.includes(e) }).toEqual({ detail, e, found: true });
  });
});

describe('benign fixtures saved by real frameworks scan clean', () => {
  test.each(benignScannable.map((f) => [f.file, f] as const))('%s', async (_id, f) => {
    const r = await result(f);
    expect({ file: f.file, findings: describeFindings(r) }).toEqual({ file: f.file, findings: '' });
  });
});

test('scanning the malicious fixtures created none of their marker files', async () => {
  for (const f of malicious) await result(f);
  const markers = malicious.map((f) => f.marker).filter((m): m is string => Boolean(m));
  expect(markers.length).toBeGreaterThan(0);
  expect(markers.filter((m) => existsSync(m))).toEqual([]);
});
