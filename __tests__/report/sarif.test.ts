/**
 * The SARIF reporter: valid against the official SARIF 2.1.0 schema (schema/
 * sarif-schema-2.1.0.json, from the OASIS sarif-spec repository), shaped for GitHub code
 * scanning, and stable across runs.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../src/cli/main.js';
import { buildReport } from '../../src/pipeline/engine.js';
import type { FileResult, Finding } from '../../src/findings/finding.js';
import {
  artifactLocation,
  buildSarif,
  FINGERPRINT_KEY,
  formatSarif,
  securitySeverity,
} from '../../src/report/sarif.js';
import { ALL_RULES, ruleHelpUrl } from '../../src/rules/registry.js';

const schema = JSON.parse(
  readFileSync(new URL('../../schema/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function f(ruleId: string, path: string, extra: Partial<Finding> = {}): Finding {
  const rule = ALL_RULES.find((r) => r.id === ruleId)!;
  return {
    ruleId,
    severity: rule.severity,
    message: `${rule.title}.`,
    location: { path, ...(extra.location ?? {}) },
    ...(rule.cwe ? { cwe: rule.cwe } : {}),
    scanner: 'test',
    ...extra,
  } as Finding;
}

function file(path: string, findings: Finding[]): FileResult {
  return {
    path,
    format: 'pickle',
    size: 10,
    bytesRead: 10,
    durationMs: 1,
    status: findings.length ? 'findings' : 'clean',
    findings,
    details: {},
  };
}

const report = buildReport(
  [
    file('models/evil.pkl', [
      f('MA2001', 'models/evil.pkl', {
        evidence: "os.system('id')",
        location: { path: 'models/evil.pkl', offset: 30, opcodeIndex: 7 },
      }),
      f('MA2001', 'models/evil.pkl', { evidence: "os.system('id')" }),
    ]),
    file('models/a model #1.pt', [
      f('MA2002', 'models/a model #1.pt', { location: { path: 'x', member: 'archive/data.pkl' } }),
    ]),
    file('template.jinja', [f('MA2005', 'template.jinja', { location: { path: 't', line: 12 } })]),
    file('README.md', [f('MA1003', 'README.md')]),
    file('clean.pkl', []),
  ],
  [{ path: 'unreadable.pkl', message: 'permission denied' }],
  new Date('2026-01-01T00:00:00Z'),
  1500,
);

describe('buildSarif', () => {
  const log = buildSarif(report, {
    category: 'modelaudit/all',
    srcRoot: '/work/repo',
    versionControl: {
      repositoryUri: 'https://github.com/o/r',
      revisionId: 'abc',
      branch: 'refs/heads/main',
    },
  });
  const run = log.runs[0];

  test('is valid against the official SARIF 2.1.0 schema, with one run', () => {
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(log.runs).toHaveLength(1);
    expect(validate(JSON.parse(formatSarif(buildReport([], [], new Date(), 0))))).toBe(true);
  });

  test('rules come from the registry: help, helpUri, security-severity, CWE tags', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(['MA2001', 'MA2002', 'MA2005', 'MA1003']);
    const rule = run.tool.driver.rules[0]!;
    const registry = ALL_RULES.find((r) => r.id === 'MA2001')!;
    expect(rule.name).toBe('pickle-dangerous-call');
    expect(rule.helpUri).toBe(ruleHelpUrl(registry));
    expect(rule.help.text).toContain(registry.remediation);
    expect(rule.help.markdown).toContain('### What to do');
    expect(rule.properties['security-severity']).toBe('9.8');
    expect(rule.properties.tags).toEqual([
      'security',
      'model-file',
      'pickle',
      'external/cwe/cwe-502',
    ]);
    expect(rule.defaultConfiguration.level).toBe('error');
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  test('results: levels, repo-relative URIs, line 1 for binary files, the member in the message', () => {
    const byUri = (uri: string) =>
      run.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === uri);
    const evil = byUri('models/evil.pkl');
    expect(evil).toHaveLength(2);
    expect(evil[0]!.level).toBe('error');
    expect(evil[0]!.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(evil[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
    expect(evil[0]!.message.text).toContain("Evidence: os.system('id')");
    expect(evil[0]!.properties).toMatchObject({ offset: 30, opcodeIndex: 7, cwe: 'CWE-502' });
    const spaced = byUri('models/a%20model%20%231.pt');
    expect(spaced[0]!.message.text).toContain('in archive/data.pkl');
    expect(byUri('template.jinja')[0]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 12,
    });
    expect(byUri('template.jinja')[0]!.level).toBe('warning');
    expect(byUri('README.md')[0]!.level).toBe('note');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(run.automationDetails).toEqual({ id: 'modelaudit/all/' });
  });

  test('fingerprints are ours, distinct per result, and stable across runs', () => {
    const prints = run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
    const later = buildReport(
      [...report.files].reverse(),
      [],
      new Date('2027-06-01T00:00:00Z'),
      99,
    );
    const again = buildSarif(later).runs[0].results.map(
      (r) => r.partialFingerprints[FINGERPRINT_KEY],
    );
    expect(new Set(again)).toEqual(new Set(prints));
  });

  test('unscannable paths become error notifications; the run is marked unsuccessful', () => {
    const inv = run.invocations[0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0]!.message.text).toContain('permission denied');
    expect(inv.startTimeUtc).toBe('2026-01-01T00:00:00.000Z');
    expect(inv.endTimeUtc).toBe('2026-01-01T00:00:01.500Z');
  });

  test('include filters findings (the Action leaves out non-models)', () => {
    const filtered = buildSarif(report, { include: (x) => x.ruleId !== 'MA1003' }).runs[0];
    expect(filtered.results.some((r) => r.ruleId === 'MA1003')).toBe(false);
    expect(filtered.artifacts.map((a) => a.location.uri)).not.toContain('README.md');
  });
});

test('artifactLocation: relative paths are encoded URI references, absolute ones file: URIs', () => {
  expect(artifactLocation('./a/b c.pkl')).toEqual({ uri: 'a/b%20c.pkl', uriBaseId: '%SRCROOT%' });
  expect(artifactLocation('a:b.pkl').uri).toBe('a%3Ab.pkl');
  expect(artifactLocation('/abs/x.pkl')).toEqual({ uri: 'file:///abs/x.pkl' });
});

test('security-severity follows GitHub’s scale', () => {
  expect(securitySeverity({ severity: 'ERROR', cwe: 'CWE-502' })).toBe('9.8');
  expect(Number(securitySeverity({ severity: 'ERROR', cwe: 'CWE-400' }))).toBeGreaterThanOrEqual(7);
  expect(Number(securitySeverity({ severity: 'WARNING' }))).toBeLessThan(7);
  expect(Number(securitySeverity({ severity: 'INFO' }))).toBeLessThan(4);
});

describe('modelaudit scan --format sarif', () => {
  class Sink {
    text = '';
    write(s: string): boolean {
      this.text += s;
      return true;
    }
  }
  const evil = new URL('../../fixtures/action/models/malicious/evil.pkl', import.meta.url).pathname;

  test('prints a valid SARIF log and keeps the exit code', async () => {
    const stdout = new Sink();
    const stderr = new Sink();
    const code = await main(['scan', '--format', 'sarif', '--quiet', evil], {
      stdout,
      stderr,
      env: {},
    });
    expect(code).toBe(1);
    const log = JSON.parse(stdout.text) as ReturnType<typeof buildSarif>;
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results[0]!.ruleId).toBe('MA2001');
    expect(log.runs[0].results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(
      /^file:\/\/\/.+evil\.pkl$/,
    );
  });

  test('an unknown format names the three formats', async () => {
    const stderr = new Sink();
    const code = await main(['scan', '--format', 'xml', evil], {
      stdout: new Sink(),
      stderr,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr.text).toContain('--format must be text, json or sarif');
  });
});
