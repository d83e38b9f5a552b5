/**
 * Hostile file names (and evidence) through every renderer (issue 19): a name with a line break
 * must not put a workflow command on a line of its own, ESC sequences must not reach the
 * terminal, and bidi overrides or invisible characters must not disguise a name. Human-readable
 * outputs show them as escapes; JSON stays valid and exact.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planAnnotations } from '../../src/action/annotations.js';
import { evaluateGate } from '../../src/action/gate.js';
import { renderSummary } from '../../src/action/summary.js';
import { formatLogReport } from '../../src/action/text-log.js';
import { viewOf, type JudgedReport } from '../../src/action/view.js';
import { main } from '../../src/cli/main.js';
import type { Report } from '../../src/findings/finding.js';
import { scan } from '../../src/pipeline/engine.js';
import { printable } from '../../src/report/escape.js';
import { formatJson } from '../../src/report/json.js';
import { buildSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { p } from '../helpers/pickle-builder.js';

/** Names a pull request or an archive can carry. */
const HOSTILE = [
  'x\n::error::injected\n.pkl',
  'clear\u001b[2J\u001b]0;title\u0007.pkl',
  'over\rwrite.pkl',
  'evil\u202elkp.txt',
  'zero\u200bwidth\ufeff\u2066.pkl',
  'tag\u{e0041}\u{e0042}.pkl',
  'c1\u009b31m\u007f.pkl',
  'sep\u2028line.pkl',
];

/** Any character that must never reach a person raw (line feeds split lines, so are checked apart). */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

function assertSafeLines(text: string): void {
  for (const line of text.split('\n')) {
    expect({ line, unsafe: UNSAFE.test(line) }).toEqual({ line, unsafe: false });
    expect(line.trimStart().startsWith('::')).toBe(false);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'modelaudit-hostile-'));
let report: JudgedReport;

beforeAll(async () => {
  const evil = (name: string) =>
    p()
      .proto(4)
      .stackGlobal('os', 'system')
      .str(`echo ${name}`)
      .op('TUPLE1')
      .reduce()
      .stop()
      .build();
  for (const name of HOSTILE) writeFileSync(join(dir, name), evil(name));
  report = (await scan([dir], { failOn: 'error' })) as JudgedReport;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('printable escapes controls, separators, bidi and invisible characters, nothing else', () => {
  expect(printable('a\n::error::b')).toBe('a\\u000a::error::b');
  expect(printable('\u001b[2J\u0007\r')).toBe('\\u001b[2J\\u0007\\u000d');
  expect(printable('evil\u202elkp.txt')).toBe('evil\\u202elkp.txt');
  expect(printable('\u200b\ufeff\u{e0041}')).toBe('\\u200b\\ufeff\\u{e0041}');
  expect(printable('\ud800x')).toBe('\\ud800x');
  expect(printable('modèle 模型 😀 C:\\models')).toBe('modèle 模型 😀 C:\\models');
});

test('every hostile file was scanned and flagged', () => {
  expect(report.files).toHaveLength(HOSTILE.length);
  for (const f of report.files) expect(f.findings.some((x) => x.ruleId === 'MA2001')).toBe(true);
});

test('text report and the Action log', () => {
  for (const verbose of [false, true])
    assertSafeLines(formatText(report, { color: false, verbose }));
  assertSafeLines(formatLogReport(viewOf(report), { models: true }));
  const text = formatText(report, { color: false, verbose: false });
  expect(text).toContain('x\\u000a::error::injected\\u000a.pkl');
  expect(text).toContain('evil\\u202elkp.txt');
});

test('JSON stays valid and exact', () => {
  const parsed = JSON.parse(formatJson(report)) as Report;
  expect(parsed.files.map((f) => f.path.slice(dir.length + 1)).sort()).toEqual([...HOSTILE].sort());
  for (const line of formatJson(report).split('\n')) expect(line.includes('\u001b')).toBe(false);
});

test('SARIF: valid JSON, messages escaped, URIs percent-encoded, properties exact', () => {
  const log = JSON.parse(JSON.stringify(buildSarif(report))) as ReturnType<typeof buildSarif>;
  for (const r of log.runs[0].results) {
    expect(UNSAFE.test(r.message.text)).toBe(false);
    expect(UNSAFE.test(r.locations[0]!.physicalLocation.artifactLocation.uri)).toBe(false);
  }
  const evidence = log.runs[0].results.map((r) => String(r.properties.evidence));
  expect(evidence.some((e) => e.includes('\u202e'))).toBe(true);
});

test('job summary', () => {
  const view = viewOf(report);
  const { markdown } = renderSummary({
    view,
    gate: evaluateGate(view),
    failOn: 'error',
    scopeText: 'all files',
    notes: [],
    shard: undefined,
    units: [],
    deleted: [...HOSTILE],
    skipped: HOSTILE.map((path) => ({ path, reason: `bad\u001b[31m ${path}` })),
    scanSeconds: 0,
    totalSeconds: 0,
    sarif: { file: 'x.sarif', category: 'c', upload: 'no' },
  });
  assertSafeLines(markdown);
});

test('annotations: titles and messages escaped; the file property stays exact', () => {
  const plan = planAnnotations(viewOf(report), 'INFO');
  expect(plan.annotations.length).toBeGreaterThanOrEqual(HOSTILE.length);
  for (const a of plan.annotations) {
    assertSafeLines(a.message);
    expect(UNSAFE.test(a.title ?? '')).toBe(false);
  }
  expect([...new Set(plan.annotations.map((a) => a.file!.slice(dir.length + 1)))].sort()).toEqual(
    [...HOSTILE].sort(),
  );
  const gate = evaluateGate(viewOf(report));
  assertSafeLines(gate.message);
});

test('CLI: progress lines and the report on a terminal', async () => {
  let out = '';
  let err = '';
  const code = await main(['scan', '--verbose', dir], {
    stdout: { write: (s: string) => (out += s), isTTY: true },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    env: { FORCE_COLOR: '1' },
  });
  expect(code).toBe(1);
  // Colour codes are ours; remove them, and nothing unsafe is left.
  // eslint-disable-next-line no-control-regex -- control characters are what this checks
  assertSafeLines(out.replace(/\u001b\[\d+m/g, ''));
  assertSafeLines(err);
  expect(err).toContain('scanned ');
  let live = '';
  await main(['scan', dir], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (live += s), isTTY: true },
    env: {},
  });
  // The live progress line redraws with CR; nothing else in it is a control character.
  assertSafeLines(live.replace(/\r/g, '\n'));
});
