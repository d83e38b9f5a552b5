/**
 * What the Action makes of a report and its verdict: the view (counted findings; files not
 * identified grouped), annotations within GitHub's per-level limits, the gate, the job summary
 * (escaping, 1 MiB fallback), the findings output and the code scanning category.
 */
import { planAnnotations, lfsWarning } from '../../src/action/annotations.js';
import { evaluateGate } from '../../src/action/gate.js';
import { categoryOf, uploadDecision, uploadRef } from '../../src/action/code-scanning.js';
import type { ActionContext } from '../../src/action/context.js';
import { findingsJson } from '../../src/action/run.js';
import { parseInputs } from '../../src/action/inputs.js';
import { code, renderSummary, text, type SummaryInput } from '../../src/action/summary.js';
import { formatLogReport } from '../../src/action/text-log.js';
import { viewOf } from '../../src/action/view.js';
import { buildReport } from '../../src/pipeline/engine.js';
import type { FileResult, Finding, ModelResult, Severity } from '../../src/findings/finding.js';
import type { FailOn } from '../../src/findings/verdict.js';
import { decideVerdict } from '../../src/verdict/verdict.js';

function finding(ruleId: string, severity: Severity, path: string, evidence?: string): Finding {
  return {
    ruleId,
    severity,
    message: `${ruleId} message`,
    location: { path, offset: 10 },
    ...(evidence !== undefined ? { evidence } : {}),
    scanner: 'test',
  };
}

function file(path: string, findings: Finding[], format = 'pickle'): FileResult {
  return {
    path,
    format,
    size: 100,
    bytesRead: 100,
    durationMs: 1,
    status: findings.length ? 'findings' : 'clean',
    findings,
    details: {},
  };
}

function report(
  files: FileResult[],
  errors: { path: string; message: string }[] = [],
  models: ModelResult[] = [],
  failOn: FailOn = 'error',
) {
  const r = buildReport(files, errors, new Date('2026-01-01T00:00:00Z'), 1234, models);
  return { ...r, verdict: decideVerdict(r, { failOn }) };
}

const sample = report([
  file('evil.pkl', [finding('MA2001', 'ERROR', 'evil.pkl', "os.system('id')")]),
  file('odd.pkl', [finding('MA2005', 'WARNING', 'odd.pkl')]),
  file('README.md', [finding('MA1003', 'INFO', 'README.md')], 'unknown'),
  file('model.safetensors', [finding('MA7001', 'WARNING', 'model.safetensors')], 'git-lfs-pointer'),
  file('clean.pkl', []),
]);

describe('viewOf', () => {
  test('groups files not identified (still counted) and finds LFS pointers', () => {
    const v = viewOf(sample);
    expect(v.unidentified).toEqual(['README.md']);
    expect(v.lfsPointers).toEqual(['model.safetensors']);
    expect(v.counts).toEqual({ ERROR: 1, WARNING: 2, INFO: 1 });
    expect(v.files.map((f) => f.path)).toEqual([
      'evil.pkl',
      'odd.pkl',
      'model.safetensors',
      'clean.pkl',
    ]);
  });
});

describe('planAnnotations', () => {
  test('maps severities to levels, most severe first, and keeps clear of the limits', () => {
    const many = report(
      Array.from({ length: 30 }, (_, i) =>
        file(`f${String(i).padStart(2, '0')}.pkl`, [
          finding(
            i < 12 ? 'MA2001' : i < 24 ? 'MA2005' : 'MA2016',
            i < 12 ? 'ERROR' : i < 24 ? 'WARNING' : 'INFO',
            'x',
          ),
        ]),
      ),
    );
    const plan = planAnnotations(viewOf(many), 'INFO');
    const count = (level: string) => plan.annotations.filter((a) => a.level === level).length;
    expect(count('error')).toBe(9);
    expect(count('warning')).toBe(8);
    expect(count('notice')).toBe(6);
    expect(plan.hidden).toEqual({ ERROR: 3, WARNING: 4, INFO: 0 });
    expect(plan.overflow?.message).toContain('7 more findings are not shown');
    expect(plan.annotations[0]!.file).toBe('f00.pkl');
    expect(plan.annotations.map((a) => a.level).join(',')).toMatch(
      /^(error,)+(warning,)+(notice,?)+$/,
    );
  });

  test('honours the lowest severity asked for, and what was already emitted', () => {
    const plan = planAnnotations(viewOf(sample), 'ERROR', { error: 0, warning: 0, notice: 0 });
    expect(plan.annotations.map((a) => a.file)).toEqual(['evil.pkl']);
    const full = planAnnotations(viewOf(sample), 'INFO', { error: 9, warning: 0, notice: 0 });
    expect(full.annotations.some((a) => a.level === 'error')).toBe(false);
    expect(full.hidden.ERROR).toBe(1);
  });

  test('a finding annotation says what, where, what to do and links the rule', () => {
    const [a] = planAnnotations(viewOf(sample), 'ERROR').annotations;
    expect(a).toMatchObject({
      level: 'error',
      title: 'modelaudit MA2001 pickle-dangerous-call',
      file: 'evil.pkl',
      startLine: 1,
    });
    expect(a!.message).toContain("Evidence: os.system('id')");
    expect(a!.message).toContain('Where: offset 10');
    expect(a!.message).toContain('What to do:');
    expect(a!.message).toContain('#ma2001-pickle-dangerous-call');
  });

  test('files not identified share one notice, listed by name, and only from INFO', () => {
    const plan = planAnnotations(viewOf(sample), 'INFO');
    const notice = plan.annotations.find((a) => a.title?.includes('not identified'));
    expect(notice).toMatchObject({ level: 'notice', title: 'modelaudit: 1 file not identified' });
    expect(notice?.message).toContain('README.md');
    expect(notice?.message).toContain('fail-on: info');
    expect(plan.annotations.some((a) => a.file === 'README.md')).toBe(false);
    const fromWarning = planAnnotations(viewOf(sample), 'WARNING');
    expect(fromWarning.annotations.some((a) => a.title?.includes('not identified'))).toBe(false);
  });

  test('unscannable paths are errors on their file', () => {
    const r = report([], [{ path: 'gone.pkl', message: 'permission denied' }]);
    const [a] = planAnnotations(viewOf(r), 'INFO').annotations;
    expect(a).toMatchObject({ level: 'error', file: 'gone.pkl' });
  });

  test('the LFS warning says how to fix the checkout', () => {
    expect(lfsWarning([])).toBeUndefined();
    const w = lfsWarning(['a.bin', 'b.bin'])!;
    expect(w.level).toBe('warning');
    expect(w.message).toContain('2 files are Git LFS pointers');
    expect(w.message).toContain('lfs: true');
    expect(w.message).toContain('git lfs pull');
  });
});

describe('evaluateGate', () => {
  const at = (failOn: FailOn, r = sample) =>
    evaluateGate(viewOf(report([...r.files], [...r.errors], [...(r.models ?? [])], failOn)));

  test('renders the verdict: fails at or above fail-on, naming the worst files first', () => {
    const error = at('error');
    expect(error.failed).toBe(true);
    expect(error.message).toContain('1 finding at or above ERROR (fail-on: error) in 1 file');
    expect(error.message).toContain('evil.pkl (1 ERROR)');
    expect(at('warning').message).toContain(
      'evil.pkl (1 ERROR), model.safetensors (1 WARNING), odd.pkl (1 WARNING)',
    );
    expect(at('none')).toEqual({
      failed: false,
      message: 'fail-on is none: findings never fail the run.',
    });
  });

  test('files not identified fail info (as in the CLI); unscannable paths always fail', () => {
    const unknown = report([file('blob.bin', [finding('MA1003', 'INFO', 'blob.bin')], 'unknown')]);
    expect(at('warning', unknown).failed).toBe(false);
    const info = at('info', unknown);
    expect(info.failed).toBe(true);
    expect(info.message).toContain('1 file was not identified as any format modelaudit knows');
    expect(info.message).toContain('blob.bin');
    const broken = report([], [{ path: 'x.pkl', message: 'permission denied' }]);
    expect(at('error', broken).message).toContain(
      '1 path could not be scanned: x.pkl (permission denied)',
    );
    expect(at('none', broken).failed).toBe(true);
  });
});

function summaryInput(r = sample): SummaryInput {
  const view = viewOf(r);
  return {
    view,
    gate: evaluateGate(view),
    failOn: 'error',
    scopeText: 'changed files of pull request #1',
    notes: [],
    shard: { index: 1, count: 1 },
    units: [],
    deleted: ['gone.pkl'],
    skipped: [],
    scanSeconds: 0.5,
    totalSeconds: 1,
    sarif: { file: '/tmp/x.sarif', category: 'modelaudit/changed', upload: 'uploaded' },
  };
}

describe('renderSummary', () => {
  test('full form: verdict, totals, table, details, non-models, deletions', () => {
    const { markdown, form } = renderSummary(summaryInput());
    expect(form).toBe('full');
    expect(markdown).toContain('## modelaudit: ❌ failed');
    expect(markdown).toContain('| `evil.pkl` | `pickle` | ❌ ERROR | 1 | 0 | 0 |');
    expect(markdown).toContain('<details><summary>evil.pkl: 1 ERROR</summary>');
    expect(markdown).toContain("`os.system('id')`");
    expect(markdown).toContain('1 file not identified as any known format (MA1003');
    expect(markdown).toContain('1 deleted file');
    expect(markdown).toContain('Git LFS pointer');
  });

  test('untrusted text cannot become Markdown or HTML', () => {
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('x `y` z')).toBe('``x `y` z``');
    expect(code('`')).toBe('`` ` ``');
    expect(code('line\nbreak')).toBe('`line\\u000abreak`');
    expect(text('<img src=x onerror=alert(1)> *bold* [link](http://x)')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\*bold\\* \\[link\\](http://x)',
    );
    const evil = report([
      file('<script>|x`.pkl', [
        finding('MA2001', 'ERROR', 'x', '</details><img src=x>\n# heading'),
      ]),
    ]);
    const md = renderSummary(summaryInput(evil)).markdown;
    // Raw HTML only ever appears inside code spans, where GitHub shows it as text.
    expect(md).toContain('| ``<script>\\|x`.pkl`` |');
    expect(md).toContain('| `</details><img src=x>\\u000a# heading` |');
    expect(md).toContain('<details><summary>&#60;script&#62;&#124;x&#96;.pkl: 1 ERROR</summary>');
    expect(md.split('\n').some((l) => l.startsWith('# heading'))).toBe(false);
  });

  test('falls back to a short form under the size limit, then to a minimal one', () => {
    const big = report(
      Array.from({ length: 400 }, (_, i) =>
        file(
          `models/${'d'.repeat(40)}/${i}.pkl`,
          Array.from({ length: 20 }, () => finding('MA2001', 'ERROR', 'x', 'e'.repeat(200))),
        ),
      ),
    );
    const full = renderSummary(summaryInput(big), 10_000_000);
    expect(full.form).toBe('full');
    expect(Buffer.byteLength(full.markdown)).toBeGreaterThan(1_000_000);
    const short = renderSummary(summaryInput(big));
    expect(short.form).toBe('short');
    expect(Buffer.byteLength(short.markdown)).toBeLessThan(1_000_000);
    expect(short.markdown).toContain("would exceed GitHub's 1 MiB limit");
    expect(short.markdown.match(/^\| `models/gm)?.length).toBe(50);
    const minimal = renderSummary(summaryInput(big), 2_000);
    expect(minimal.form).toBe('minimal');
    expect(minimal.markdown).toContain('8000 ERROR');
  });
});

describe('outputs and categories', () => {
  test('the findings output is JSON, most severe first, and cut to size', () => {
    const { json, truncated } = findingsJson(viewOf(sample));
    const rows = JSON.parse(json) as { path: string; severity: string; rule: string }[];
    expect(truncated).toBe(false);
    expect(rows.map((r) => r.severity)).toEqual(['ERROR', 'WARNING', 'WARNING', 'INFO']);
    expect(rows[0]).toMatchObject({ path: 'evil.pkl', rule: 'pickle-dangerous-call' });
    const huge = report(
      Array.from({ length: 2000 }, (_, i) =>
        file(`f${i}.pkl`, [finding('MA2001', 'ERROR', 'x', 'y'.repeat(400))]),
      ),
    );
    const cut = findingsJson(viewOf(huge));
    expect(cut.truncated).toBe(true);
    expect(cut.json.length).toBeLessThanOrEqual(256 * 1024);
    expect(() => JSON.parse(cut.json) as unknown).not.toThrow();
  });

  test('full scans own modelaudit/all; changed scans modelaudit/changed; shards their own', () => {
    const all = { kind: 'all', reason: '', fallback: false } as const;
    const changed = { kind: 'changes', description: '', source: 'event', files: [] } as const;
    const inputs = (v: Record<string, string>) => parseInputs((n) => v[n] ?? '');
    expect(categoryOf(all, inputs({}))).toBe('modelaudit/all');
    expect(categoryOf(changed, inputs({}))).toBe('modelaudit/changed');
    expect(categoryOf(all, inputs({ 'shard-index': '2', 'shard-count': '4' }))).toBe(
      'modelaudit/all/shard-2-of-4',
    );
    expect(categoryOf(changed, inputs({ category: 'models-nightly/' }))).toBe('models-nightly');
  });
});

describe('uploads', () => {
  const ctx = (over: Partial<ActionContext>): ActionContext => ({
    eventName: 'pull_request',
    payload: { pull_request: { number: 5, head: { sha: 'h'.repeat(40) } } },
    sha: 'm'.repeat(40),
    ref: 'refs/pull/5/merge',
    owner: 'o',
    repo: 'r',
    workspace: '/w',
    apiUrl: 'https://api.github.com',
    serverUrl: 'https://github.com',
    runnerTemp: '/tmp',
    ...over,
  });
  const changed = { kind: 'changes', description: '', source: 'git-diff', files: [] } as const;
  const all = { kind: 'all', reason: '', fallback: false } as const;
  const inputs = { uploadSarif: true, category: undefined, token: 't' };

  test('pull requests upload to their merge ref, or their head ref when the head is checked out', () => {
    expect(uploadRef(ctx({}), 'm'.repeat(40))).toBe('refs/pull/5/merge');
    expect(uploadRef(ctx({}), 'h'.repeat(40))).toBe('refs/pull/5/head');
    expect(uploadRef(ctx({ eventName: 'push', payload: {}, ref: 'refs/heads/main' }), 'x')).toBe(
      'refs/heads/main',
    );
  });

  test('changed-file scans of pushes are not uploaded unless a category is given', () => {
    const push = ctx({ eventName: 'push', payload: {}, ref: 'refs/heads/main' });
    const d = uploadDecision(changed, push, inputs, 'refs/heads/main', 'x');
    expect(d).toMatchObject({ upload: false, annotation: { level: 'notice' } });
    expect(uploadDecision(all, push, inputs, 'refs/heads/main', 'x')).toEqual({ upload: true });
    expect(
      uploadDecision(changed, push, { ...inputs, category: 'mine' }, 'refs/heads/main', 'x'),
    ).toEqual({ upload: true });
    expect(uploadDecision(changed, ctx({}), inputs, 'refs/pull/5/merge', 'x')).toEqual({
      upload: true,
    });
  });

  test('no upload without a token or outside Actions; none when switched off', () => {
    expect(uploadDecision(all, ctx({}), { ...inputs, token: '' }, 'r', 'x')).toMatchObject({
      upload: false,
      annotation: { level: 'warning' },
    });
    expect(uploadDecision(all, ctx({ owner: '' }), inputs, 'r', 'x')).toMatchObject({
      upload: false,
    });
    expect(uploadDecision(all, ctx({}), { ...inputs, uploadSarif: false }, 'r', 'x')).toEqual({
      upload: false,
      text: 'not uploaded (upload-sarif: false)',
    });
  });
});

describe('models and the name policy', () => {
  const denied = finding(
    'MA6001',
    'ERROR',
    'llama/config.json',
    'config.json:model_type = "llama" (llama/config.json)',
  );
  function model(
    root: string,
    family: string | undefined,
    files: string[],
    policy?: ModelResult['policy'],
  ): ModelResult {
    return {
      root,
      kind: 'directory',
      identity: {
        determined: family !== undefined,
        name: root,
        families: family ? [family] : [],
        ...(family ? { family } : {}),
        sources: family
          ? { name: 'path:directory', family: 'config.json:model_type' }
          : { name: 'path:directory' },
      },
      evidence: [],
      files,
      ...(policy ? { policy } : {}),
    };
  }
  const withPolicy = report(
    [
      file('llama/config.json', [denied], 'hf-config'),
      file('llama/model.safetensors', [], 'safetensors'),
      file('bert/config.json', [], 'hf-config'),
      file('evil.pkl', [finding('MA2001', 'ERROR', 'evil.pkl', "os.system('id')")]),
    ],
    [],
    [
      model('bert', 'bert', ['bert/config.json'], { decision: 'pass', rules: [] }),
      model('llama', 'llama', ['llama/config.json', 'llama/model.safetensors'], {
        decision: 'violation',
        rules: ['MA6001'],
      }),
      model('evil.pkl', undefined, ['evil.pkl'], { decision: 'pass', rules: [] }),
    ],
  );

  test('the summary has a Models table: violations first, with the source of the decision', () => {
    const md = renderSummary(summaryInput(withPolicy)).markdown;
    expect(md).toContain('### Models');
    expect(md).toContain('3 models · ❌ 1 violating the name policy · ✅ 2 passing');
    const rows = md.split('\n').filter((l) => l.startsWith('| `') && l.endsWith('|'));
    const models = rows.filter((l) => l.split('|').length === 7);
    expect(models).toEqual([
      '| `llama` | `llama` | `llama` | `config.json:model_type` | ❌ MA6001 name-policy-denied |',
      '| `bert` | `bert` | `bert` | `config.json:model_type` | ✅ pass |',
      '| `evil.pkl` | `evil.pkl` | — | `path:directory` | ✅ pass |',
    ]);
  });

  test("the source of a decision is the policy result's typed evidence, never parsed from text", () => {
    const licensed = report(
      [
        file(
          'gemma/config.json',
          [finding('MA6005', 'ERROR', 'gemma/config.json', 'x = y')],
          'hf-config',
        ),
      ],
      [],
      [
        model('gemma', 'gemma', ['gemma/config.json'], {
          decision: 'violation',
          rules: ['MA6005'],
          evidence: {
            field: 'license',
            value: 'gemma',
            source: 'README.md:license',
            path: 'gemma/README.md',
          },
        }),
      ],
    );
    const md = renderSummary(summaryInput(licensed)).markdown;
    expect(md).toContain('| `gemma` | `gemma` | `gemma` | `README.md:license` | ❌ MA6005');
  });

  test('the short form lists the models the policy did not pass; the minimal form counts them', () => {
    const short = renderSummary(summaryInput(withPolicy), 1_600);
    expect(short.form).toBe('short');
    expect(short.markdown).toContain('| `llama` | `llama` | `llama` |');
    expect(short.markdown).not.toContain('| `bert` | `bert` |');
    expect(short.markdown).toContain('_2 passing models are not listed._');
    const minimal = renderSummary(summaryInput(withPolicy), 100);
    expect(minimal.form).toBe('minimal');
    expect(minimal.markdown).toContain('3 models · ❌ 1 violating the name policy · ✅ 2 passing');
    expect(minimal.markdown).not.toContain('| Model |');
  });

  test('without a policy the identities are in a collapsed section, without a verdict column', () => {
    const plain = report(
      [file('bert/config.json', [], 'hf-config')],
      [],
      [model('bert', 'bert', ['bert/config.json'])],
    );
    const md = renderSummary(summaryInput(plain)).markdown;
    expect(md).not.toContain('### Models');
    expect(md).toContain('<details><summary>1 model identified (no name policy given)</summary>');
    expect(md).toContain('| Model | Name | Family | Source |\n|---|---|---|---|\n');
    expect(md).toContain('| `bert` | `bert` | `bert` | `config.json:model_type` |');
  });

  test('the gate names the models the policy fails, and says when it alone fails the step', () => {
    const mixed = evaluateGate(viewOf(withPolicy));
    expect(mixed.message).toContain(
      'The name policy fails 1 model with 1 finding at or above ERROR (fail-on: error): llama (MA6001 name-policy-denied, by config.json:model_type).',
    );
    expect(mixed.message).toContain('evil.pkl (1 ERROR)');
    expect(mixed.message).not.toContain('the name policy alone');
    const policyOnly = report(
      [file('llama/config.json', [denied], 'hf-config')],
      [],
      [
        model('llama', 'llama', ['llama/config.json'], {
          decision: 'violation',
          rules: ['MA6001'],
        }),
      ],
    );
    const gate = evaluateGate(viewOf(policyOnly));
    expect(gate.message).toContain('The name policy fails 1 model');
    expect(gate.message).toContain(
      'No security finding reached fail-on: the name policy alone fails the run.',
    );
    expect(evaluateGate(viewOf(sample)).message).not.toContain('name policy');
    // The whole message reaches the summary, not a 300-character cell.
    const md = renderSummary({ ...summaryInput(policyOnly), gate }).markdown;
    expect(md).toContain('by config.json:model\\_type).');
  });

  test('the log is the text report of the same verdict: it counts what the summary counts', () => {
    const log = formatLogReport(viewOf(sample), { models: false });
    expect(log).toContain('Scanned 5 files');
    expect(log).toContain('4 with findings — 1 ERROR, 2 WARNING, 1 INFO');
    expect(log).toContain('1 INFO finding not shown (listed in the job summary)');
    expect(log).toContain('Verdict: failed. modelaudit found 1 finding at or above ERROR');
    expect(log).not.toContain('--verbose');
    expect(log).not.toContain('Models');
    const info = report([file('a.pkl', [finding('MA2016', 'INFO', 'a.pkl')])]);
    expect(formatLogReport(viewOf(info), { models: false })).toContain(
      '1 INFO finding not shown (listed in the job summary)',
    );
    const models = formatLogReport(viewOf(withPolicy), { models: true });
    expect(models).toContain('Models\n  bert  (directory, 1 file)');
    expect(models).toContain('policy: violation (MA6001)');
  });
});
