/**
 * One place turns reader errors into findings: a MalformedInput (the base every reader's error
 * extends) that a scanner does not name with a rule of its own becomes MA1009 with the offset,
 * anything else unexpected MA1004; neither ever escapes as a crash.
 */
import { IoStats, BufferSource } from '../../src/io/source.js';
import { SourceStream } from '../../src/io/stream.js';
import { MalformedInput } from '../../src/io/malformed.js';
import { FormatError } from '../../src/io/paged.js';
import { JsonSyntaxError } from '../../src/io/strict-json.js';
import { resolveLimits } from '../../src/options/options.js';
import { EngineContext, FileCollector } from '../../src/pipeline/context.js';
import type { Scanner, ScanTarget } from '../../src/scan/base.js';

interface Found {
  ruleId: string;
  offset: number | undefined;
  evidence?: string;
}

async function run(error: Error): Promise<Found[]> {
  const bytes = Buffer.from('not really anything');
  const source = new BufferSource(bytes);
  const target: ScanTarget = {
    path: 'x.bin',
    name: 'x.bin',
    size: bytes.length,
    head: bytes,
    openStream: () => new SourceStream(source),
    source,
  };
  const collector = new FileCollector('x.bin', new IoStats());
  const ctx = new EngineContext(collector, resolveLimits(), Date.now() + 60_000, 0, target);
  const scanner: Scanner = {
    id: 'thrower',
    formats: ['x'],
    rules: [],
    scan: () => Promise.reject(error),
  };
  // runScanner is the engine's one place that maps errors; call it with a scanner that throws.
  const engine = ctx as unknown as { runScanner(s: Scanner, t: ScanTarget): Promise<void> };
  await engine.runScanner(scanner, target);
  return collector.findings.map((f) => ({
    ruleId: f.ruleId,
    offset: f.location.offset,
    ...(f.evidence !== undefined ? { evidence: f.evidence } : {}),
  }));
}

test('every reader error is a MalformedInput', () => {
  expect(new FormatError('x')).toBeInstanceOf(MalformedInput);
  expect(new JsonSyntaxError('x', 3)).toBeInstanceOf(MalformedInput);
  expect(new JsonSyntaxError('x', 3).offset).toBe(3);
});

test('an unnamed malformed input is MA1009 with its offset', async () => {
  const found = await run(new JsonSyntaxError('unexpected byte', 42));
  expect(found).toEqual([
    { ruleId: 'MA1009', offset: 42, evidence: 'unexpected byte at offset 42' },
  ]);
});

test('an unexpected error is a scanner failure, not a crash', async () => {
  const found = await run(new TypeError('boom'));
  expect(found.map((f) => f.ruleId)).toEqual(['MA1004']);
});
