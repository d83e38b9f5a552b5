/**
 * The verdict: which findings count, whether the run fails, and why, decided once from a report.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { buildReport } from '../../src/pipeline/engine.js';
import type { FileResult, Finding, ModelResult, Severity } from '../../src/findings/finding.js';
import { buildSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { describeVerdict } from '../../src/report/verdict-text.js';
import { countedFindings, decideVerdict, type Triage } from '../../src/verdict/verdict.js';
import { exitCode } from '../../src/cli/main.js';

function finding(ruleId: string, severity: Severity, path: string): Finding {
  return { ruleId, severity, message: `${ruleId} here`, location: { path }, scanner: 'test' };
}

function file(path: string, findings: Finding[], format = 'pickle'): FileResult {
  return {
    path,
    format,
    size: 1,
    bytesRead: 1,
    durationMs: 1,
    status: findings.length ? 'findings' : 'clean',
    findings,
    details: {},
  };
}

const model: ModelResult = {
  root: 'llama',
  kind: 'directory',
  identity: { determined: true, family: 'llama', families: ['llama'], sources: {} },
  evidence: [],
  files: ['llama/config.json'],
  policy: { decision: 'violation', rules: ['MA6001'] },
};

const report = buildReport(
  [
    file('evil.pkl', [
      finding('MA2001', 'ERROR', 'evil.pkl'),
      finding('MA2005', 'WARNING', 'evil.pkl'),
    ]),
    file('odd.pkl', [finding('MA2005', 'WARNING', 'odd.pkl')]),
    file('blob.bin', [finding('MA1003', 'INFO', 'blob.bin')], 'unknown'),
    file('llama/config.json', [finding('MA6001', 'ERROR', 'llama/config.json')], 'hf-config'),
    file('clean.pkl', []),
  ],
  [],
  new Date(0),
  1,
  [model],
);

describe('decideVerdict', () => {
  test('counts every finding and lists the failing ones by kind, worst files first', () => {
    const v = decideVerdict(report, { failOn: 'warning' });
    expect(v.outcome).toBe('fail');
    expect(v.counted).toEqual({ ERROR: 2, WARNING: 2, INFO: 1 });
    expect(v.failing).toBe(4);
    expect(v.reasons).toEqual([
      {
        kind: 'findings',
        count: 3,
        counts: { ERROR: 1, WARNING: 2, INFO: 0 },
        files: [
          { path: 'evil.pkl', counts: { ERROR: 1, WARNING: 1, INFO: 0 } },
          { path: 'odd.pkl', counts: { ERROR: 0, WARNING: 1, INFO: 0 } },
        ],
      },
      {
        kind: 'name-policy',
        count: 1,
        models: [{ root: 'llama', rules: ['MA6001'] }],
        files: [{ path: 'llama/config.json', counts: { ERROR: 1, WARNING: 0, INFO: 0 } }],
      },
    ]);
    expect(Object.isFrozen(v.reasons)).toBe(true);
  });

  test('a file not identified counts as INFO: it fails info, never warning or error', () => {
    const only = buildReport(
      [file('blob.bin', [finding('MA1003', 'INFO', 'blob.bin')])],
      [],
      new Date(0),
      1,
    );
    expect(decideVerdict(only, { failOn: 'warning' }).outcome).toBe('pass');
    const info = decideVerdict(only, { failOn: 'info' });
    expect(info.outcome).toBe('fail');
    expect(info.reasons).toEqual([{ kind: 'unidentified', count: 1, files: ['blob.bin'] }]);
    expect(exitCode(info)).toBe(1);
  });

  test('fail-on none never fails on findings; an unreadable path fails whatever fail-on says', () => {
    expect(decideVerdict(report, { failOn: 'none' })).toMatchObject({
      outcome: 'pass',
      failing: 0,
      reasons: [],
    });
    const broken = buildReport([], [{ path: 'x.pkl', message: 'EACCES' }], new Date(0), 1);
    for (const failOn of ['none', 'error'] as const) {
      const v = decideVerdict(broken, { failOn });
      expect(v.outcome).toBe('error');
      expect(exitCode(v)).toBe(2);
      expect(v.reasons).toEqual([
        { kind: 'operational-errors', count: 1, paths: [{ path: 'x.pkl', message: 'EACCES' }] },
      ]);
    }
  });

  test('set-aside findings stay in the report, with why, and do not count', () => {
    const suppressMA2001: Triage = (f) =>
      f.ruleId === 'MA2001'
        ? { kind: 'suppression', reason: 'reviewed', source: 'x.yml:3' }
        : undefined;
    const v = decideVerdict(report, { failOn: 'error', triage: [suppressMA2001] });
    expect(v.setAside).toEqual([
      {
        path: 'evil.pkl',
        index: 0,
        ruleId: 'MA2001',
        severity: 'ERROR',
        why: { kind: 'suppression', reason: 'reviewed', source: 'x.yml:3' },
      },
    ]);
    expect(v.counted.ERROR).toBe(1); // the name-policy finding
    expect(v.reasons.map((r) => r.kind)).toEqual(['name-policy']);
    expect(countedFindings(v, report.files[0]!).map((f) => f.ruleId)).toEqual(['MA2005']);
    expect(describeVerdict(v)).toContain('1 finding is set aside');
    // SARIF keeps the finding as a result, marked suppressed.
    const sarif = buildSarif({ ...report, verdict: v });
    const suppressed = sarif.runs[0].results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => r.ruleId)).toEqual(['MA2001']);
    expect(suppressed[0]!.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'suppression (x.yml:3): reviewed' },
    ]);
    expect(sarif.runs[0].properties).toMatchObject({ verdict: 'fail', failOn: 'error' });
  });

  test('the text report ends with the verdict', () => {
    const text = formatText(
      { ...report, verdict: decideVerdict(report, { failOn: 'error' }) },
      {
        color: false,
        verbose: false,
      },
    );
    expect(text.trimEnd().split('\n').pop()).toBe(
      'Verdict: failed. modelaudit found 1 finding at or above ERROR (fail-on: error) in 1 file: evil.pkl (1 ERROR). ' +
        'The name policy fails 1 model with 1 finding at or above ERROR (fail-on: error): llama (MA6001 name-policy-denied).',
    );
  });

  test('the verdict validates against the report schema (1.4)', () => {
    const schema = JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as object;
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const suppress: Triage = () => ({ kind: 'baseline', reason: 'known' });
    for (const v of [
      decideVerdict(report, { failOn: 'info' }),
      decideVerdict(report, { failOn: 'none', triage: [suppress] }),
      decideVerdict(buildReport([], [{ path: 'x', message: 'm' }], new Date(0), 1), {
        failOn: 'error',
      }),
    ]) {
      expect(validate(JSON.parse(JSON.stringify({ ...report, verdict: v })))).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
    }
  });
});
