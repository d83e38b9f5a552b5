/**
 * One verdict, every face: the CLI and the Action (run() from source, with a mocked
 * @actions/core) scan the same trees at every fail-on level and must pass or fail alike, and as
 * the verdict in the JSON report says. A file that no detector identifies (MA1003) fails
 * `info` in both: before the verdict existed, the Action set it aside and passed.
 */
import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAIL_ON_LEVELS, type FailOn } from '../../src/findings/verdict.js';
import { main, type CliIO } from '../../src/cli/main.js';
import type { Report } from '../../src/findings/finding.js';
import { p } from '../helpers/pickle-builder.js';
import { makeCore, type CoreRecord } from '../action/core-mock.js';

const inputs: Record<string, string> = {};
const { core, record } = makeCore(inputs);
jest.unstable_mockModule('@actions/core', () => core);
const { run } = await import('../../src/action/run.js');

const root = mkdtempSync(join(tmpdir(), 'modelaudit-faces-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EVIL = p()
  .proto(4)
  .stackGlobal('os', 'system')
  .str('touch /tmp/modelaudit-marker-faces')
  .op('TUPLE1')
  .reduce()
  .stop()
  .build();
const CLEAN = p().proto(4).op('EMPTY_DICT').str('a').op('BININT1', 1).op('SETITEM').stop().build();
const CUSTOM = p().proto(2).global('mylab.models', 'Net').op('EMPTY_TUPLE').reduce().stop().build();
const BLOB = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256));

/** Trees, and the fail-on levels each must fail at. */
const TREES: Record<string, { files: Record<string, Buffer | string>; failsAt: FailOn[] }> = {
  clean: { files: { 'model.pkl': CLEAN, 'README.md': '# a model\n' }, failsAt: [] },
  'not identified': {
    files: { 'weights.bin': BLOB, 'README.md': '# notes\n', 'model.pkl': CLEAN },
    failsAt: ['info'],
  },
  'unknown class (WARNING)': { files: { 'model.pkl': CUSTOM }, failsAt: ['warning', 'info'] },
  'malicious (ERROR)': {
    files: { 'model.pkl': EVIL, 'other.bin': BLOB },
    failsAt: ['error', 'warning', 'info'],
  },
};

function tree(name: string): string {
  const dir = join(root, name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  for (const [file, data] of Object.entries(TREES[name]!.files))
    writeFileSync(join(dir, file), data);
  return dir;
}

class Sink {
  text = '';
  isTTY = false;
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function cli(dir: string, failOn: FailOn): Promise<{ code: number; report: Report }> {
  const stdout = new Sink();
  const io: CliIO = { stdout, stderr: new Sink(), env: {} };
  const code = await main(['scan', '--format', 'json', '--fail-on', failOn, dir], io);
  return { code, report: JSON.parse(stdout.text) as Report };
}

async function action(dir: string, failOn: FailOn): Promise<CoreRecord> {
  Object.assign(record, { failed: [], outputs: {}, annotations: [], info: [] });
  for (const k of Object.keys(inputs)) delete inputs[k];
  Object.assign(inputs, { scan: 'all', 'fail-on': failOn, 'upload-sarif': 'false' });
  const temp = join(dir, '..', `${dir.split('/').pop()}-runner-temp`);
  mkdirSync(temp, { recursive: true });
  const cwd = process.cwd();
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await run({
      GITHUB_WORKSPACE: dir,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REPOSITORY: 'acme/models',
      RUNNER_TEMP: temp,
    });
  } finally {
    write.mockRestore();
    process.chdir(cwd);
  }
  return record;
}

describe.each(Object.keys(TREES))('%s', (name) => {
  const dir = tree(name);
  test.each([...FAIL_ON_LEVELS])('fail-on %s: the CLI and the Action agree', async (failOn) => {
    const fails = TREES[name]!.failsAt.includes(failOn);
    const c = await cli(dir, failOn);
    expect(c.report.verdict).toMatchObject({ failOn, outcome: fails ? 'fail' : 'pass' });
    expect(c.code).toBe(fails ? 1 : 0);

    const a = await action(dir, failOn);
    expect(a.failed.length > 0).toBe(fails);
    const counted = c.report.verdict!.counted;
    const any = counted.ERROR + counted.WARNING + counted.INFO > 0;
    expect(a.outputs.status).toBe(fails ? 'failed' : any ? 'findings' : 'clean');
    // The Action's counts and its JSON report are the CLI's.
    expect(a.outputs['error-count']).toBe(String(c.report.verdict!.counted.ERROR));
    expect(a.outputs['warning-count']).toBe(String(c.report.verdict!.counted.WARNING));
    expect(a.outputs['info-count']).toBe(String(c.report.verdict!.counted.INFO));
    const actionReport = JSON.parse(readFileSync(a.outputs['report-file']!, 'utf8')) as Report;
    // The Action scans workspace-relative paths, the CLI the paths it was given.
    const relative = (r: Report) =>
      JSON.parse(JSON.stringify(r.verdict).replaceAll(`${dir}/`, '')) as unknown;
    expect(relative(actionReport)).toEqual(relative(c.report));
    if (fails) {
      // The step's failure message is the verdict's reasons, as the CLI's text report words them.
      const text = new Sink();
      await main(['scan', '--fail-on', failOn, dir], { stdout: text, stderr: new Sink(), env: {} });
      const line = /^Verdict: failed\. (.*)$/m.exec(text.text)![1]!;
      expect(a.failed[0]).toBe(line.replaceAll(dir + '/', ''));
    }
  });
});
