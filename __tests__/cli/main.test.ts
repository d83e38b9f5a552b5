import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { main, SCAN_HELP, type CliIO } from '../../src/cli/main.js';
import type { Report } from '../../src/findings/finding.js';
import { p } from '../helpers/pickle-builder.js';

class Sink {
  text = '';
  constructor(readonly isTTY = false) {}
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const io: CliIO = { stdout, stderr, env };
  const code = await main(args, io);
  return { code, out: stdout.text, err: stderr.text };
}

const dir = mkdtempSync(join(tmpdir(), 'modelaudit-cli-'));
const evil = join(dir, 'evil.pkl');
const clean = join(dir, 'clean.pkl');
const unclassified = join(dir, 'custom.pkl');
const notes = join(dir, 'notes.dat');
writeFileSync(
  evil,
  p()
    .proto(4)
    .stackGlobal('os', 'system')
    .str('touch /tmp/modelaudit-marker-cli')
    .op('TUPLE1')
    .reduce()
    .stop()
    .build(),
);
writeFileSync(
  clean,
  p().proto(4).op('EMPTY_DICT').str('a').op('BININT1', 1).op('SETITEM').stop().build(),
);
writeFileSync(
  unclassified,
  p().proto(2).global('mylab.models', 'Net').op('EMPTY_TUPLE').reduce().stop().build(),
);
writeFileSync(notes, '# a model card\n');

const schema = JSON.parse(
  readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe('modelaudit scan', () => {
  test('exit 1 and a text block for a malicious file; colour only when asked', async () => {
    const r = await run(['scan', evil]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('ERROR');
    expect(r.out).toContain('MA2001');
    expect(r.out).toContain("os.system('touch /tmp/modelaudit-marker-cli')");
    expect(r.out).toMatch(/Scanned 1 file .* 1 ERROR/);
    expect(r.out).not.toContain('\u001b[');
    const colored = await run(['scan', evil], { FORCE_COLOR: '1' });
    expect(colored.out).toContain('\u001b[31m');
  });

  test('exit 0 for a clean file, and for findings below --fail-on', async () => {
    expect((await run(['scan', clean])).code).toBe(0);
    expect((await run(['scan', unclassified])).code).toBe(0);
    expect((await run(['scan', '--fail-on', 'warning', unclassified])).code).toBe(1);
    expect((await run(['scan', '--fail-on', 'none', evil])).code).toBe(0);
  });

  test('JSON output is valid against the published schema and pipes cleanly', async () => {
    const r = await run(['scan', '--format', 'json', dir]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as Report;
    expect(validate(report)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.totals.files).toBe(4);
    const byName = Object.fromEntries(report.files.map((f) => [f.path.split('/').pop(), f]));
    expect(byName['evil.pkl']!.format).toBe('pickle');
    expect(byName['clean.pkl']!.status).toBe('clean');
    expect(byName['notes.dat']!.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'MA1003',
    ]);
    expect(r.err).toBe('');
  });

  test('--output writes the report to a file', async () => {
    const out = join(dir, 'report.json');
    const r = await run(['scan', '-f', 'json', '-o', out, '--quiet', evil]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Report).totals.findings.ERROR).toBeGreaterThan(
      0,
    );
  });

  test('exit 2 for a missing path, bad options and no path', async () => {
    const missing = await run(['scan', join(dir, 'nope.pkl')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or directory');
    expect((await run(['scan', '--format', 'xml', evil])).code).toBe(2);
    expect((await run(['scan', '--fail-on', 'critical', evil])).code).toBe(2);
    expect((await run(['scan', '--bogus', evil])).code).toBe(2);
    expect((await run(['scan'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  test('unparseable content is a finding, not an operational error', async () => {
    const broken = join(dir, 'broken.pkl');
    writeFileSync(broken, Buffer.from([0x80, 0x04, 0x95, 0xff]));
    const r = await run(['scan', '--format', 'json', broken]);
    expect(r.code).toBe(1);
    expect(
      (JSON.parse(r.out) as Report).files[0]!.findings.some((f) => f.ruleId === 'MA2013'),
    ).toBe(true);
  });

  test('--verbose lists clean files and INFO findings', async () => {
    const quiet = await run(['scan', dir]);
    expect(quiet.out).not.toContain('clean.pkl');
    expect(quiet.out).toContain('INFO finding');
    const verbose = await run(['scan', '--verbose', dir]);
    expect(verbose.out).toContain('clean.pkl');
    expect(verbose.out).toContain('MA1003');
  });

  test('--help, --version', async () => {
    const help = await run(['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--fail-on');
    const version = await run(['--version']);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('modelaudit rules', () => {
  test('lists every rule and explains one', async () => {
    const list = await run(['rules']);
    expect(list.code).toBe(0);
    expect(list.out).toContain('MA2001');
    const one = await run(['rules', 'pickle-dangerous-call']);
    expect(one.out).toContain('CWE-502');
    expect(one.out).toContain('What to do');
    expect((await run(['rules', 'MA9999'])).code).toBe(2);
    const json = JSON.parse((await run(['rules', '--format', 'json'])).out) as {
      id: string;
      helpUri: string;
    }[];
    expect(json.every((r) => r.helpUri.startsWith('https://'))).toBe(true);
  });
});

describe('the committed bundle', () => {
  const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
  test('dist/cli.js scans from a bare checkout, with reports on stdout and exit codes', () => {
    const r = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', evil], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Report).totals.findings.ERROR).toBeGreaterThan(0);
    const ok = spawnSync(process.execPath, [cli, 'scan', clean], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
  });
});

describe('documentation', () => {
  test("the README's usage block is the real scan --help text", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('```\n' + SCAN_HELP + '```');
  });
});
