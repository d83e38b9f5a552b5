/**
 * The GitHub Action end to end: the committed dist/index.js, spawned as the runner spawns it,
 * against temporary git workspaces of fixture models and a local stand-in for the GitHub API.
 * Each case checks the workflow commands printed, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the SARIF
 * received by the upload endpoint (valid against the official SARIF 2.1.0 schema) and the exit
 * status.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  cleanup,
  git,
  makeOrigin,
  makePolicyWorkspace,
  makeWorkspace,
  OWNER,
  PR_FILES,
  REPO,
  ROOT,
  runAction,
  startFakeApi,
  type ActionRun,
  type FakeApi,
  type Origin,
  tempDir,
} from './harness.js';

const ZERO = '0000000000000000000000000000000000000000';
const MARKER = '/tmp/modelaudit-marker-action_evil';

const sarifSchema = JSON.parse(
  readFileSync(join(ROOT, 'schema', 'sarif-schema-2.1.0.json'), 'utf8'),
) as object;
// The official schema uses keywords that Ajv's strict mode rejects (anyOf of bare "required").
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

interface SarifLike {
  runs: {
    automationDetails?: { id: string };
    tool: {
      driver: { rules: { id: string; helpUri: string; properties: Record<string, unknown> }[] };
    };
    results: {
      ruleId: string;
      level: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function expectValidSarif(sarif: unknown): SarifLike {
  const ok = validateSarif(sarif);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  const log = sarif as SarifLike;
  expect(log.runs).toHaveLength(1);
  return log;
}

function resultUris(sarif: SarifLike): string[] {
  return [
    ...new Set(
      sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri),
    ),
  ].sort();
}

function levels(run: ActionRun): Record<string, number> {
  const n: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of run.annotations) n[a.command] = (n[a.command] ?? 0) + 1;
  return n;
}

/** The model files the pull request changes (and that still exist), as scan targets. */
const PR_MODELS = [
  'models/lfs/model.safetensors',
  'models/malicious/evil.pkl',
  'models/renamed.pkl',
  'models/suspicious/custom_class.pkl',
];

let origin: Origin;
const matrix: { event: string; expectation: string; result: string }[] = [];
function record(event: string, expectation: string, run: ActionRun): void {
  matrix.push({
    event,
    expectation,
    result: `exit ${run.code}, status ${run.outputs.status}, ${run.outputs['files-scanned']} files, ${levels(run).error}E/${levels(run).warning}W/${levels(run).notice}N annotations`,
  });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'index.js')))
    throw new Error('dist/index.js is missing: run "npm run build"');
  rmSync(MARKER, { force: true });
  origin = makeOrigin();
});

afterAll(() => {
  cleanup();
  if (process.env.MODELAUDIT_PRINT_MATRIX) {
    for (const m of matrix)
      process.stdout.write(`| ${m.event} | ${m.expectation} | ${m.result} |\n`);
  }
});

function prPayload(changedFiles: number, headRepo = `${OWNER}/${REPO}`): object {
  return {
    pull_request: {
      number: 7,
      changed_files: changedFiles,
      base: { sha: origin.base, ref: 'main' },
      head: { sha: origin.head, ref: 'feature', repo: { full_name: headRepo } },
    },
    repository: { default_branch: 'main', full_name: `${OWNER}/${REPO}` },
  };
}

describe('pull_request', () => {
  let api: FakeApi;
  let run: ActionRun;
  beforeAll(async () => {
    api = await startFakeApi({ prFiles: PR_FILES, pageSize: 3 });
    run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'pull_request',
      payload: prPayload(PR_FILES.length),
      sha: origin.merge,
      ref: 'refs/pull/7/merge',
      api,
    });
    record(
      'pull_request (API, 3 pages)',
      'changed models only; fails on ERROR; SARIF uploaded as modelaudit/changed',
      run,
    );
  });
  afterAll(() => api.close());

  test('reads the changed files from the REST API, following pagination', () => {
    const pages = api.requests.filter((r) => r.url.includes('/pulls/7/files'));
    expect(pages.map((r) => new URL(r.url, api.url).searchParams.get('page') ?? '1')).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(pages.every((r) => r.authorization === 'token test-token')).toBe(true);
  });

  test('scans only the changed model files, the SavedModel as a whole, never unchanged models', () => {
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')) as {
      files: { path: string }[];
    };
    const scanned = report.files.map((f) => f.path).sort();
    for (const m of PR_MODELS) expect(scanned).toContain(m);
    expect(scanned).toContain('models/saved_model/saved_model.pb');
    expect(scanned).toContain('models/saved_model/variables/variables.index');
    expect(scanned).not.toContain('models/legacy/unchanged_evil.pkl');
    expect(scanned).not.toContain('models/clean/weights.pkl');
    expect(scanned).not.toContain('models/old/legacy.pkl');
  });

  test('annotates findings on their files, most severe first, and warns about LFS pointers', () => {
    const errors = run.annotations.filter((a) => a.command === 'error');
    expect(errors[0]!.properties.file).toBe('models/malicious/evil.pkl');
    expect(errors[0]!.properties.line).toBe('1');
    expect(errors[0]!.properties.title).toBe('modelaudit MA2001 pickle-dangerous-call');
    expect(errors[0]!.message).toContain("os.system('touch /tmp/modelaudit-marker-action_evil')");
    const warnings = run.annotations.filter((a) => a.command === 'warning');
    expect(warnings.map((w) => w.properties.file)).toContain('models/suspicious/custom_class.pkl');
    const lfs = warnings.find((w) => w.properties.title?.includes('Git LFS'));
    expect(lfs?.message).toContain('lfs: true');
    expect(lfs?.message).toContain('models/lfs/model.safetensors');
    // Files that are not models are not annotated.
    expect(run.annotations.some((a) => a.properties.file === 'README.md')).toBe(false);
    // The severities come in order: errors before warnings before notices.
    const order = run.annotations.map((a) => a.command);
    expect(order.indexOf('error')).toBeLessThan(order.indexOf('warning'));
  });

  test('uploads one schema-valid SARIF run to the pull request ref under modelaudit/changed', () => {
    expect(api.uploads).toHaveLength(1);
    const { body, sarif } = api.uploads[0]!;
    expect(body.commit_sha).toBe(origin.merge);
    expect(body.ref).toBe('refs/pull/7/merge');
    expect(body.tool_name).toBe('modelaudit');
    const log = expectValidSarif(sarif);
    const run0 = log.runs[0]!;
    expect(run0.automationDetails?.id).toBe('modelaudit/changed/');
    // Every counted finding, the file that was not identified (MA1003, INFO) included.
    expect(resultUris(log)).toEqual([
      'models/lfs/model.safetensors',
      'models/malicious/evil.pkl',
      'models/saved_model/variables/variables.index',
      'models/suspicious/custom_class.pkl',
    ]);
    for (const r of run0.results) {
      expect(r.locations[0]!.physicalLocation.region.startLine).toBe(1);
      expect(Object.keys(r.partialFingerprints)).toEqual(['modelauditFinding/v1']);
    }
    const rule = run0.tool.driver.rules.find((r) => r.id === 'MA2001')!;
    expect(rule.helpUri).toMatch(/^https:\/\/.+#ma2001-pickle-dangerous-call$/);
    expect(rule.properties['security-severity']).toBe('9.8');
    expect(rule.properties.tags).toContain('external/cwe/cwe-502');
  });

  test('writes the outputs', () => {
    expect(run.outputs.status).toBe('failed');
    // Files land in RUNNER_TEMP (not beside the bundle: ncc must not relocate these paths).
    expect(run.outputs['sarif-file']).toMatch(/\/runner-temp\/modelaudit-changed\.sarif$/);
    expect(run.outputs['report-file']).toMatch(/\/runner-temp\/modelaudit-changed\.json$/);
    expect(run.outputs['report-file']!.startsWith(tmpdir())).toBe(true);
    expect(run.outputs['error-count']).toBe('1');
    expect(run.outputs['warning-count']).toBe('2');
    expect(run.outputs.category).toBe('modelaudit/changed');
    expect(run.outputs['sarif-id']).toBe('sarif-1');
    const sarifFile = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as unknown;
    expectValidSarif(sarifFile);
    const findings = JSON.parse(run.outputs.findings!) as { path: string; severity: string }[];
    expect(findings[0]).toMatchObject({ path: 'models/malicious/evil.pkl', severity: 'ERROR' });
  });

  test('writes the job summary: verdict, table, details, deletions, renames, units', () => {
    const s = run.summary;
    expect(s).toContain('## modelaudit: ❌ failed');
    expect(s).toContain('**1 ERROR · 2 WARNING · 1 INFO**');
    expect(s).toContain('| `models/malicious/evil.pkl` | `pickle` | ❌ ERROR | 1 | 0 | 0 |');
    expect(s).toContain('<details><summary>models/malicious/evil.pkl: 1 ERROR</summary>');
    expect(s).toContain('pull request #7');
    expect(s).toContain('GitHub API');
    expect(s).toContain('1 deleted');
    expect(s).toContain('1 renamed');
    expect(s).toContain('`models/old/legacy.pkl`');
    expect(s).toContain('scanned as a whole');
    expect(s).toContain('Git LFS pointer');
    expect(s).toContain('models identified (no name policy given)');
    expect(s).not.toContain('### Models');
    expect(Buffer.byteLength(s)).toBeLessThan(1024 * 1024);
  });

  test('the log counts what the summary counts, files not identified included', () => {
    expect(run.stdout).toMatch(
      /Scanned 8 files .*: 4 with findings — 1 ERROR, 2 WARNING, 1 INFO\n/,
    );
    expect(run.stdout).toContain('Verdict: failed. modelaudit found 1 finding at or above ERROR');
    expect(run.stdout).not.toContain('--verbose');
    expect(run.summary).toContain('1 file not identified as any known format (MA1003');
    expect(run.outputs['info-count']).toBe('1');
    const notice = run.annotations.find((a) => a.properties.title?.includes('not identified'));
    expect(notice?.command).toBe('notice');
    expect(notice?.message).toContain('models/saved_model/variables/variables.index');
  });

  test('fails last, naming the worst file, and never runs the model', () => {
    expect(run.code).toBe(1);
    const last = run.annotations[run.annotations.length - 1]!;
    expect(last.command).toBe('error');
    expect(last.message).toMatch(/at or above ERROR .* models\/malicious\/evil\.pkl \(1 ERROR\)/);
    expect(existsSync(MARKER)).toBe(false);
  });
});

test('pull_request with more than 3,000 files: falls back to git diff', async () => {
  const api = await startFakeApi({ prFiles: PR_FILES });
  try {
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'pull_request',
      payload: prPayload(3500),
      sha: origin.merge,
      ref: 'refs/pull/7/merge',
      api,
    });
    record('pull_request (3,500 files)', 'git diff fallback, same models, no API listing', run);
    expect(api.requests.some((r) => r.url.includes('/files'))).toBe(false);
    expect(run.summary).toContain('git diff');
    expect(run.outputs['files-scanned']).toBe('8'); // 4 models, 2 SavedModel files, 2 non-models
    expect(resultUris(expectValidSarif(api.uploads[0]!.sarif))).toContain(
      'models/malicious/evil.pkl',
    );
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('push to a shallow checkout: fetches the before commit, scans before..after, does not upload', async () => {
  const api = await startFakeApi();
  try {
    const workspace = makeWorkspace(origin, origin.head, { shallowBranch: 'feature' });
    const run = await runAction({
      workspace,
      event: 'push',
      payload: { before: origin.base, after: origin.head, repository: { default_branch: 'main' } },
      sha: origin.head,
      ref: 'refs/heads/feature',
      api,
    });
    record(
      'push (shallow checkout)',
      'fetches before, scans before..after; no upload (notice)',
      run,
    );
    expect(run.summary).toContain(`push ${origin.base.slice(0, 7)}..${origin.head.slice(0, 7)}`);
    expect(run.outputs['files-scanned']).toBe('8');
    expect(api.uploads).toHaveLength(0);
    const notice = run.annotations.find(
      (a) => a.properties.title === 'modelaudit: SARIF not uploaded',
    );
    expect(notice?.command).toBe('notice');
    expect(notice?.message).toContain('close the alerts');
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('push creating a branch: compares it with the default branch', async () => {
  const api = await startFakeApi();
  try {
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.head, { shallowBranch: 'feature' }),
      event: 'push',
      payload: {
        before: ZERO,
        after: origin.head,
        created: true,
        repository: { default_branch: 'main' },
      },
      sha: origin.head,
      ref: 'refs/heads/feature',
      api,
    });
    record('push (new branch)', 'compared with main: the same changed models', run);
    expect(run.summary).toContain('new branch feature (compared with main)');
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')) as {
      files: { path: string }[];
    };
    const scanned = report.files.map((f) => f.path);
    expect(scanned).toContain('models/malicious/evil.pkl');
    expect(scanned).not.toContain('models/legacy/unchanged_evil.pkl');
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('merge_group: scans base_sha..head_sha and uploads to the queue ref', async () => {
  const api = await startFakeApi();
  try {
    const ref = 'refs/heads/gh-readonly-queue/main/pr-7-' + origin.base;
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'merge_group',
      payload: {
        merge_group: {
          head_sha: origin.merge,
          base_sha: origin.base,
          head_ref: ref,
          base_ref: 'refs/heads/main',
        },
      },
      sha: origin.merge,
      ref,
      api,
    });
    record('merge_group', 'base..head; SARIF uploaded to the queue ref', run);
    expect(run.summary).toContain('merge group');
    expect(api.uploads[0]!.body.ref).toBe(ref);
    const log = expectValidSarif(api.uploads[0]!.sarif);
    expect(resultUris(log)).not.toContain('models/legacy/unchanged_evil.pkl');
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('schedule: scans everything under modelaudit/all, unchanged models included', async () => {
  const api = await startFakeApi();
  try {
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'schedule',
      payload: {},
      sha: origin.merge,
      ref: 'refs/heads/main',
      api,
      inputs: { paths: 'models' },
    });
    record('schedule', 'full scan of paths; SARIF uploaded as modelaudit/all', run);
    expect(run.outputs.category).toBe('modelaudit/all');
    const log = expectValidSarif(api.uploads[0]!.sarif);
    expect(log.runs[0]!.automationDetails?.id).toBe('modelaudit/all/');
    expect(resultUris(log)).toContain('models/legacy/unchanged_evil.pkl');
    expect(run.annotations.filter((a) => a.command === 'error').length).toBe(3); // 2 models + gate
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('fork pull request, fail-on none: a 403 upload is a warning saying what to change; exit 0', async () => {
  const api = await startFakeApi({
    prFiles: PR_FILES,
    uploadStatus: 403,
    uploadMessage: 'Resource not accessible by integration',
  });
  try {
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'pull_request',
      payload: prPayload(PR_FILES.length, 'someone/models'),
      sha: origin.merge,
      ref: 'refs/pull/7/merge',
      api,
      inputs: { 'fail-on': 'none' },
    });
    record(
      'pull_request from a fork, fail-on none, upload 403',
      'warning with the fix; exit 0',
      run,
    );
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('findings');
    const w = run.annotations.find((a) => a.properties.title === 'modelaudit: SARIF not uploaded');
    expect(w?.command).toBe('warning');
    expect(w?.message).toContain('fork');
    expect(w?.message).toContain('security-events: write');
    expect(w?.message).toContain('Resource not accessible by integration');
    expect(run.summary).toContain('upload failed (HTTP 403)');
  } finally {
    await api.close();
  }
});

test('a clean pull request passes with no error annotation', async () => {
  const api = await startFakeApi({
    prFiles: [{ filename: 'models/clean/weights.pkl', status: 'modified' }],
  });
  try {
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'pull_request',
      payload: prPayload(1),
      sha: origin.merge,
      ref: 'refs/pull/7/merge',
      api,
    });
    record(
      'pull_request (clean model only)',
      'passes; empty SARIF uploaded (closes PR alerts)',
      run,
    );
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('clean');
    expect(run.annotations.filter((a) => a.command === 'error')).toEqual([]);
    expect(run.summary).toContain('## modelaudit: ✅ no findings');
    expect(expectValidSarif(api.uploads[0]!.sarif).runs[0]!.results).toEqual([]);
  } finally {
    await api.close();
  }
});

test('sharded full scan: two shards cover every file once, each under its own category', async () => {
  const api = await startFakeApi();
  try {
    const workspace = makeWorkspace(origin, origin.merge);
    const runs = [];
    for (const index of ['1', '2']) {
      runs.push(
        await runAction({
          workspace,
          event: 'workflow_dispatch',
          payload: {},
          sha: origin.merge,
          ref: 'refs/heads/main',
          api,
          inputs: { scan: 'all', paths: 'models', 'shard-index': index, 'shard-count': '2' },
        }),
      );
    }
    record(
      'workflow_dispatch, scan all, 2 shards',
      'disjoint shards covering all files; 2 categories',
      runs[0]!,
    );
    const scanned = runs.map((r) =>
      (
        JSON.parse(readFileSync(r.outputs['report-file']!, 'utf8')) as { files: { path: string }[] }
      ).files.map((f) => f.path),
    );
    const all = [...scanned[0]!, ...scanned[1]!].sort();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('models/legacy/unchanged_evil.pkl');
    expect(all).toContain('models/clean/weights.pkl');
    expect(runs.map((r) => r.outputs.category)).toEqual([
      'modelaudit/all/shard-1-of-2',
      'modelaudit/all/shard-2-of-2',
    ]);
    expect(api.uploads.map((u) => (u.sarif as SarifLike).runs[0]!.automationDetails?.id)).toEqual([
      'modelaudit/all/shard-1-of-2/',
      'modelaudit/all/shard-2-of-2/',
    ]);
  } finally {
    await api.close();
  }
});

test('more findings than GitHub shows: the most severe are annotated, a notice counts the rest', async () => {
  const api = await startFakeApi();
  try {
    const dir = tempDir('modelaudit-action-many-');
    git(dir, 'init', '-q', '-b', 'main');
    const evil = readFileSync(join(ROOT, 'fixtures', 'action', 'models', 'malicious', 'evil.pkl'));
    const odd = readFileSync(
      join(ROOT, 'fixtures', 'action', 'models', 'suspicious', 'custom_class.pkl'),
    );
    mkdirSync(join(dir, 'm'));
    for (let i = 0; i < 14; i++)
      writeFileSync(join(dir, 'm', `evil${String(i).padStart(2, '0')}.pkl`), evil);
    for (let i = 0; i < 12; i++)
      writeFileSync(join(dir, 'm', `odd${String(i).padStart(2, '0')}.pkl`), odd);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'many');
    const run = await runAction({
      workspace: dir,
      event: 'workflow_dispatch',
      payload: {},
      sha: git(dir, 'rev-parse', 'HEAD'),
      ref: 'refs/heads/main',
      api,
      inputs: { scan: 'all', 'upload-sarif': 'false' },
    });
    record(
      'workflow_dispatch, 26 findings',
      '≤10 per level, errors first, notice with the rest',
      run,
    );
    const n = levels(run);
    expect(n.error).toBe(10); // 9 findings + the gate
    expect(n.warning).toBe(8);
    const overflow = run.annotations.find(
      (a) => a.properties.title === 'modelaudit: more findings than annotations',
    );
    expect(overflow?.message).toContain('9 more findings are not shown');
    expect(overflow?.message).toContain('5 ERROR, 4 WARNING, 0 INFO');
    expect(run.outputs['error-count']).toBe('14');
    expect(run.summary.match(/<details><summary>m\/evil/g)?.length).toBe(14);
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('a job summary that cannot be written never fails the step', async () => {
  const api = await startFakeApi({
    prFiles: [{ filename: 'models/clean/weights.pkl', status: 'modified' }],
  });
  try {
    const dirAsFile = tempDir('modelaudit-action-summary-');
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'pull_request',
      payload: prPayload(1),
      sha: origin.merge,
      ref: 'refs/pull/7/merge',
      api,
      summaryPath: dirAsFile,
    });
    record('pull_request, unwritable summary', 'step still passes', run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('could not write the job summary');
    expect(run.outputs.status).toBe('clean');
  } finally {
    await api.close();
  }
});

test('invalid inputs: every problem in one message, exit 1, nothing scanned', async () => {
  const api = await startFakeApi();
  try {
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'pull_request',
      payload: prPayload(1),
      sha: origin.merge,
      ref: 'refs/pull/7/merge',
      api,
      inputs: { 'fail-on': 'critical', scan: 'some', 'shard-index': '3', 'shard-count': '2' },
    });
    record('any event, invalid inputs', 'one error listing every problem; exit 1', run);
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('fail-on must be error, warning, info or none');
    expect(errors[0]!.message).toContain('scan must be changed or all');
    expect(errors[0]!.message).toContain('shard-index (3)');
    expect(api.requests).toEqual([]);
  } finally {
    await api.close();
  }
});

test('pull_request whose file list the token cannot read: falls back to git diff', async () => {
  const api = await startFakeApi({ prFiles: PR_FILES, filesStatus: 403 });
  try {
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'pull_request',
      payload: prPayload(PR_FILES.length),
      sha: origin.merge,
      ref: 'refs/pull/7/merge',
      api,
    });
    record('pull_request, file list 403', 'git diff fallback, same models', run);
    expect(run.stdout).toContain('the pull request file list could not be read');
    expect(run.summary).toContain('the changed files came from git diff');
    expect(run.outputs['files-scanned']).toBe('8');
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('push outside a git checkout: warns and scans every selected file', async () => {
  const api = await startFakeApi();
  try {
    const dir = tempDir('modelaudit-action-nogit-');
    mkdirSync(join(dir, 'models'));
    writeFileSync(
      join(dir, 'models', 'evil.pkl'),
      readFileSync(join(ROOT, 'fixtures', 'action', 'models', 'malicious', 'evil.pkl')),
    );
    const run = await runAction({
      workspace: dir,
      event: 'push',
      payload: { before: origin.base, after: origin.head },
      sha: origin.head,
      ref: 'refs/heads/main',
      api,
    });
    record('push, workspace without git', 'warning, full scan of paths (fail-safe)', run);
    const w = run.annotations.find((a) => a.properties.title === 'modelaudit: scanning all files');
    expect(w?.command).toBe('warning');
    expect(run.outputs.category).toBe('modelaudit/all');
    expect(run.outputs['error-count']).toBe('1');
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('a crafted file name cannot inject workflow commands', async () => {
  const api = await startFakeApi();
  try {
    const dir = tempDir('modelaudit-action-inject-');
    const evil = readFileSync(join(ROOT, 'fixtures', 'action', 'models', 'malicious', 'evil.pkl'));
    writeFileSync(join(dir, 'x\n::set-output name=status::clean\n::warning::injected\n.pkl'), evil);
    writeFileSync(join(dir, 'clear\u001b[2J\u0007\r\u202elkp.pkl'), evil);
    const run = await runAction({
      workspace: dir,
      event: 'workflow_dispatch',
      payload: {},
      sha: '',
      ref: 'refs/heads/main',
      api,
      inputs: { scan: 'all', 'upload-sarif': 'false' },
    });
    record(
      'workflow_dispatch, file name with "::" commands',
      'no injected command; still fails',
      run,
    );
    expect(run.commands.some((c) => c.command === 'set-output')).toBe(false);
    expect(run.annotations.some((a) => a.message === 'injected')).toBe(false);
    expect(run.outputs.status).toBe('failed');
    const error = run.annotations.find((a) => a.command === 'error' && a.properties.file);
    expect(
      run.annotations
        .filter((a) => a.command === 'error' && a.properties.file)
        .map((a) => a.properties.file)
        .sort(),
    ).toEqual([
      'clear\u001b[2J\u0007\r\u202elkp.pkl',
      'x\n::set-output name=status::clean\n::warning::injected\n.pkl',
    ]);
    // eslint-disable-next-line no-control-regex -- control characters are what this checks
    expect(error?.message).not.toMatch(/[\u001b\u0007\u202e]/);
    // ESC, BEL and bidi overrides reach the log only inside a workflow command's file property
    // (GitHub needs the exact path to place the annotation), never as text.
    for (const line of run.stdout.split(/\r?\n|\r/)) {
      // eslint-disable-next-line no-control-regex -- control characters are what this checks
      const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
      if (!unsafe.test(line)) continue;
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect({ line, command: Boolean(m) }).toEqual({ line, command: true });
      const others = m![2]!.split(',').filter((p) => !p.startsWith('file='));
      expect(others.some((p) => unsafe.test(p))).toBe(false);
      expect(unsafe.test(m![3]!)).toBe(false);
    }
    // eslint-disable-next-line no-control-regex -- control characters are what this checks
    expect(run.summary).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(run.code).toBe(1);
  } finally {
    await api.close();
  }
});

test('a file not identified fails fail-on: info in the Action as in the CLI (the bundles)', async () => {
  const api = await startFakeApi();
  try {
    const dir = tempDir('modelaudit-action-blob-');
    writeFileSync(
      join(dir, 'weights.bin'),
      Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37 + 11) % 256)),
    );
    writeFileSync(join(dir, 'README.md'), '# not a model\n');
    for (const [failOn, code] of [
      ['info', 1],
      ['warning', 0],
    ] as const) {
      const run = await runAction({
        workspace: dir,
        event: 'workflow_dispatch',
        payload: {},
        sha: '',
        ref: 'refs/heads/main',
        api,
        inputs: { scan: 'all', 'upload-sarif': 'false', 'fail-on': failOn },
      });
      record(`workflow_dispatch, random blob, fail-on ${failOn}`, `exit ${code}, as the CLI`, run);
      const cli = spawnSync(
        process.execPath,
        [join(ROOT, 'dist', 'cli.js'), 'scan', '--fail-on', failOn, dir],
        {
          encoding: 'utf8',
        },
      );
      expect({ failOn, action: run.code, cli: cli.status }).toEqual({
        failOn,
        action: code,
        cli: code,
      });
      expect(run.outputs['info-count']).toBe('1');
      if (code === 1) {
        expect(run.annotations[run.annotations.length - 1]!.message).toContain(
          '1 file was not identified as any format modelaudit knows',
        );
        expect(cli.stdout).toContain('1 file was not identified as any format modelaudit knows');
      }
    }
  } finally {
    await api.close();
  }
});

test('a policy file that does not exist is an input error', async () => {
  const api = await startFakeApi();
  try {
    const run = await runAction({
      workspace: makeWorkspace(origin, origin.merge),
      event: 'workflow_dispatch',
      payload: {},
      sha: origin.merge,
      ref: 'refs/heads/main',
      api,
      inputs: { policy: '.github/model-policy.yml', blacklist: 'llama' },
    });
    record('any event, missing policy file', 'input error; exit 1', run);
    expect(run.code).toBe(1);
    expect(run.annotations.map((a) => a.message)).toEqual([
      'modelaudit: invalid input: policy file .github/model-policy.yml does not exist in the workspace',
    ]);
  } finally {
    await api.close();
  }
});

/**
 * Name policies through the Action's inputs, on fixtures/action/policy: models whose names do
 * not say "llama" but whose metadata does (a config.json with model_type llama, a GGUF named
 * "Meta Llama 3.1 8B Instruct"), BERT and Qwen models, and two documented false matches.
 */
describe('name policy inputs', () => {
  interface ModelJson {
    root: string;
    identity: { family?: string; sources: Record<string, string> };
    policy?: { decision: string; rules: string[] };
  }
  const models = (run: ActionRun): ModelJson[] =>
    (JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')) as { models: ModelJson[] })
      .models;
  const decisions = (run: ActionRun): Record<string, string> =>
    Object.fromEntries(
      models(run).map((m) => [m.root, `${m.policy?.decision} ${m.policy?.rules.join(' ')}`.trim()]),
    );
  const findingErrors = (run: ActionRun) =>
    run.annotations.filter((a) => a.command === 'error' && a.properties.file);

  async function runPolicy(inputs: Record<string, string>, api: FakeApi): Promise<ActionRun> {
    const ws = makePolicyWorkspace();
    return runAction({
      workspace: ws.dir,
      event: 'workflow_dispatch',
      payload: {},
      sha: ws.sha,
      ref: 'refs/heads/main',
      api,
      inputs: { scan: 'all', paths: 'models', ...inputs },
    });
  }

  describe('blacklist: llama fails on models whose metadata says Llama', () => {
    let api: FakeApi;
    let run: ActionRun;
    beforeAll(async () => {
      api = await startFakeApi();
      run = await runPolicy({ blacklist: 'llama\nalpaca\n' }, api);
      record(
        'workflow_dispatch, blacklist llama (multi-line)',
        'fails on the config.json and GGUF Llamas; 4 other models pass',
        run,
      );
    });
    afterAll(() => api.close());

    test('fails the step on the two Llama models only', () => {
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('failed');
      expect(run.outputs['error-count']).toBe('2');
      expect(decisions(run)).toEqual({
        'models/bert-base-uncased': 'pass',
        'models/chat-assistant': 'violation MA6001',
        'models/gguf/assistant-q4_k_m.gguf': 'violation MA6001',
        'models/gguf/mistral-7b-instruct-v0.2.Q4_K_M.gguf': 'pass',
        'models/gguf/qwen2.5-7b-instruct-q4_k_m.gguf': 'pass',
        'models/llamaindex-utils': 'pass',
      });
    });

    test('annotates the file holding the evidence, naming the rule and the evidence', () => {
      const errors = findingErrors(run);
      expect(errors.map((a) => [a.properties.file, a.properties.title])).toEqual([
        ['models/chat-assistant/config.json', 'modelaudit MA6001 name-policy-denied'],
        ['models/gguf/assistant-q4_k_m.gguf', 'modelaudit MA6001 name-policy-denied'],
      ]);
      expect(errors[0]!.message).toContain(
        'its family llama (from its architecture) matches "llama" (blacklist)',
      );
      expect(errors[0]!.message).toContain(
        'Evidence: config.json:model_type = "llama" (models/chat-assistant/config.json)',
      );
      expect(errors[1]!.message).toContain(
        'Evidence: gguf:general.name = "Meta Llama 3.1 8B Instruct" (models/gguf/assistant-q4_k_m.gguf)',
      );
      expect(errors[1]!.message).toContain('#ma6001-name-policy-denied');
    });

    test('the summary has a Models table and the findings with their evidence', () => {
      const s = run.summary;
      expect(s).toContain('### Models');
      expect(s).toContain('6 models · ❌ 2 violating the name policy · ✅ 4 passing');
      expect(s).toContain('| Model | Name | Family | Source | Name policy |');
      expect(s).toContain(
        '| `models/chat-assistant` | `chat-assistant` | `llama` | `config.json:model_type` | ❌ MA6001 name-policy-denied |',
      );
      expect(s).toContain(
        '| `models/gguf/assistant-q4_k_m.gguf` | `Meta Llama 3.1 8B Instruct` | `llama` | `gguf:general.name` | ❌ MA6001 name-policy-denied |',
      );
      expect(s).toContain(
        '| `models/llamaindex-utils` | `llamaindex-utils` | `bert` | `config.json:model_type` | ✅ pass |',
      );
      // Violations come first in the table.
      expect(s.indexOf('`models/chat-assistant` |')).toBeLessThan(
        s.indexOf('`models/bert-base-uncased` |'),
      );
      expect(s).toContain('<details><summary>models/chat-assistant/config.json: 1 ERROR</summary>');
      expect(s).toMatch(
        /\| ERROR \| \[MA6001 name-policy-denied\]\([^)]+#ma6001-name-policy-denied\) \|.*\| `config\.json:model_type = "llama" \(models\/chat-assistant\/config\.json\)` \|/,
      );
    });

    test('the gate message says the name policy fails the step, naming models, rules and evidence', () => {
      const gate = run.annotations[run.annotations.length - 1]!;
      expect(gate.command).toBe('error');
      expect(gate.properties.file).toBeUndefined();
      expect(gate.message).toContain(
        'The name policy fails 2 models with 2 findings at or above ERROR (fail-on: error): ' +
          'models/chat-assistant (MA6001 name-policy-denied, by config.json:model_type), ' +
          'models/gguf/assistant-q4_k_m.gguf (MA6001 name-policy-denied, by gguf:general.name). ' +
          'No security finding reached fail-on: the name policy alone fails the run.',
      );
      // The summary shows the whole message (escaped), not a clipped cell.
      expect(run.summary).toContain(
        'models/gguf/assistant-q4\\_k\\_m.gguf (MA6001 name-policy-denied, by gguf:general.name).',
      );
    });

    test('the log lists the models and their verdicts; SARIF carries the violations', () => {
      expect(run.stdout).toContain('policy: violation (MA6001)');
      expect(run.stdout).toMatch(
        /Scanned 12 files .*: 2 with findings — 2 ERROR, 0 WARNING, 0 INFO/,
      );
      const log = expectValidSarif(api.uploads[0]!.sarif);
      expect(
        log.runs[0]!.results.map(
          (r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}`,
        ),
      ).toEqual([
        'MA6001 models/chat-assistant/config.json',
        'MA6001 models/gguf/assistant-q4_k_m.gguf',
      ]);
    });
  });

  describe('policy: an allow list in .github/model-policy.yml', () => {
    let api: FakeApi;
    beforeAll(async () => {
      api = await startFakeApi();
    });
    afterAll(() => api.close());

    test('passes BERT and Qwen models', async () => {
      const run = await runPolicy(
        {
          policy: '.github/model-policy.yml',
          paths: 'models/bert-base-uncased\nmodels/gguf/qwen2.5-7b-instruct-q4_k_m.gguf',
          'upload-sarif': 'false',
        },
        api,
      );
      record('workflow_dispatch, policy allow list, BERT + Qwen', 'passes; Models table', run);
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('clean');
      expect(run.annotations.filter((a) => a.command === 'error')).toEqual([]);
      expect(decisions(run)).toEqual({
        'models/bert-base-uncased': 'pass',
        'models/gguf/qwen2.5-7b-instruct-q4_k_m.gguf': 'pass',
      });
      expect(run.summary).toContain('## modelaudit: ✅ no findings');
      expect(run.summary).toContain('2 models · ✅ 2 passing');
      expect(run.summary).toContain(
        '| `models/gguf/qwen2.5-7b-instruct-q4_k_m.gguf` | `Qwen2.5 7B Instruct` | `qwen` | `gguf:general.name` | ✅ pass |',
      );
      expect(run.summary).toContain(
        '| `models/bert-base-uncased` | `bert-base-uncased` | `bert` | `config.json:model_type` | ✅ pass |',
      );
    });

    test('fails Llama models that are not on it', async () => {
      const run = await runPolicy(
        { policy: '.github/model-policy.yml', 'upload-sarif': 'false' },
        api,
      );
      record('workflow_dispatch, policy allow list, all models', 'fails on the 2 Llamas', run);
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('failed');
      expect(decisions(run)).toEqual({
        'models/bert-base-uncased': 'pass',
        'models/chat-assistant': 'violation MA6002',
        'models/gguf/assistant-q4_k_m.gguf': 'violation MA6002',
        'models/gguf/mistral-7b-instruct-v0.2.Q4_K_M.gguf': 'pass',
        'models/gguf/qwen2.5-7b-instruct-q4_k_m.gguf': 'pass',
        'models/llamaindex-utils': 'pass',
      });
      const errors = findingErrors(run);
      expect(errors.map((a) => [a.properties.file, a.properties.title])).toEqual([
        ['models/chat-assistant/config.json', 'modelaudit MA6002 name-policy-not-allowed'],
        ['models/gguf/assistant-q4_k_m.gguf', 'modelaudit MA6002 name-policy-not-allowed'],
      ]);
      expect(errors[0]!.message).toContain('family llama is not on the allow list');
      expect(errors[0]!.message).toContain('Evidence: config.json:model_type = "llama"');
      expect(run.summary).toContain(
        '| `models/chat-assistant` | `chat-assistant` | `llama` | `config.json:model_type` | ❌ MA6002 name-policy-not-allowed |',
      );
      expect(run.summary).toContain('6 models · ❌ 2 violating the name policy · ✅ 4 passing');
      const gate = run.annotations[run.annotations.length - 1]!;
      expect(gate.message).toContain(
        'The name policy fails 2 models with 2 findings at or above ERROR (fail-on: error): models/chat-assistant (MA6002 name-policy-not-allowed, by config.json:model_type), ' +
          'models/gguf/assistant-q4_k_m.gguf (MA6002 name-policy-not-allowed, by gguf:general.name).',
      );
    });
  });

  test('blacklist: llama passes "llama" inside llamaindex and a Mistral GGUF whose llama.cpp architecture is llama', async () => {
    const api = await startFakeApi();
    try {
      const run = await runPolicy(
        {
          blacklist: 'llama',
          paths: 'models/llamaindex-utils\nmodels/gguf/mistral-7b-instruct-v0.2.Q4_K_M.gguf',
          'upload-sarif': 'false',
        },
        api,
      );
      record(
        'workflow_dispatch, blacklist llama, llamaindex-utils + Mistral GGUF',
        'passes (documented false matches)',
        run,
      );
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('clean');
      expect(run.annotations.filter((a) => a.command === 'error')).toEqual([]);
      expect(decisions(run)).toEqual({
        'models/gguf/mistral-7b-instruct-v0.2.Q4_K_M.gguf': 'pass',
        'models/llamaindex-utils': 'pass',
      });
      const mistral = models(run).find((m) => m.root.includes('mistral'))!;
      expect(mistral.identity.family).toBe('mistral');
      expect(run.summary).toContain(
        '| `models/gguf/mistral-7b-instruct-v0.2.Q4_K_M.gguf` | `Mistral 7B Instruct v0.2` | `mistral` | `gguf:general.name` | ✅ pass |',
      );
      expect(run.summary).toContain(
        '| `models/llamaindex-utils` | `llamaindex-utils` | `bert` | `config.json:model_type` | ✅ pass |',
      );
    } finally {
      await api.close();
    }
  });
});
