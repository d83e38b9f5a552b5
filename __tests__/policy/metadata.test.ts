/**
 * Model metadata and grouping on hostile or unusual trees: bounded reads, special files, links
 * out of the model, broken JSON and YAML, and where models start and end. The scanners read
 * the metadata once; the policy stage works from what they claimed.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  symlinkSync,
  writeFileSync,
  writeSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../src/pipeline/engine.js';
import type { ModelResult, Report } from '../../src/findings/finding.js';
import { frontMatter } from '../../src/scan/formats/model-card.js';
import { MAX_JSON_BYTES } from '../../src/scan/huggingface/json-metadata.js';

const pickleBytes = Buffer.from([0x80, 0x04, 0x7d, 0x94, 0x2e]); // {} protocol 4

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'modelaudit-policy-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

function modelAt(report: Report, suffix: string): ModelResult {
  const m = report.models?.find((x) => x.root.endsWith(suffix));
  if (!m)
    throw new Error(`no model ${suffix} in ${JSON.stringify(report.models?.map((x) => x.root))}`);
  return m;
}

const llamaConfig = JSON.stringify({ architectures: ['LlamaForCausalLM'], model_type: 'llama' });

describe('metadata readers fail closed and stay bounded', () => {
  test('invalid JSON is a problem; with a policy it is a WARNING finding', async () => {
    const root = tree({
      'm/config.json': '{"model_type": "llama",',
      'm/README.md': '---\nlicense: apache-2.0\nbase_model: mistralai/Mistral-7B-v0.1\n---\n',
      'm/model.safetensors': pickleBytes,
    });
    const r = await scan([root], { namePolicy: { blacklist: ['qwen'] } });
    const m = modelAt(r, '/m');
    expect(m.problems?.[0]).toMatch(/^config\.json: invalid JSON/);
    expect(m.identity.family).toBe('mistral');
    const f = r.files.flatMap((x) => x.findings).find((x) => x.ruleId === 'MA6007');
    expect(f?.severity).toBe('WARNING');
  });

  test('a config over the JSON limit is not read, and still marks a model', async () => {
    const root = tree({ 'm/model.bin': pickleBytes });
    // A sparse file: over the limit without costing the disk (or the scan) anything.
    const fd = openSync(join(root, 'm', 'config.json'), 'w');
    writeSync(fd, '{"model_type": "llama"' + ' '.repeat(64 * 1024));
    ftruncateSync(fd, MAX_JSON_BYTES + 1);
    closeSync(fd);
    const r = await scan([root]);
    const m = modelAt(r, '/m');
    expect(m.problems?.join()).toMatch(/over the 134217728-byte limit for JSON; not read/);
    expect(m.kind).toBe('directory'); // still a model directory, whose identity may be incomplete
    expect(r.files.find((f) => f.path.endsWith('config.json'))!.bytesRead).toBeLessThan(1 << 20);
  });

  test('a FIFO named config.json neither hangs nor is read, and is a problem of the model', async () => {
    const root = tree({ 'm/model.bin': pickleBytes });
    execFileSync('mkfifo', [join(root, 'm', 'config.json')]);
    const m = modelAt(await scan([root]), '/m');
    expect(m.problems).toEqual(['config.json: not a regular file; not read']);
    expect(m.kind).toBe('directory');
  });

  test('a link out of the model is not followed', async () => {
    const outside = tree({ 'config.json': llamaConfig });
    const root = tree({ 'm/model.bin': pickleBytes });
    symlinkSync(join(outside, 'config.json'), join(root, 'm', 'config.json'));
    for (const followSymlinks of [false, true]) {
      const m = modelAt(await scan([root], { followSymlinks }), '/m');
      expect(m.problems).toEqual(['config.json: symbolic link out of the model; not read']);
      expect(m.evidence.filter((e) => !e.source.startsWith('path:'))).toEqual([]);
    }
  });

  test('a link to metadata inside the model is no problem: the file is scanned under its own name', async () => {
    const root = tree({ 'm/shared/config.json': llamaConfig, 'm/model.bin': pickleBytes });
    symlinkSync('shared/config.json', join(root, 'm', 'config.json'));
    const r = await scan([root]);
    expect(modelAt(r, '/m/shared').identity.family).toBe('llama');
    expect(r.models?.flatMap((m) => m.problems ?? [])).toEqual([]);
  });

  test('YAML alias bombs and unclosed front matter are problems, not hangs', async () => {
    const bomb =
      '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' +
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n' +
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nlicense: mit\n---\n';
    const root = tree({
      'a/README.md': bomb,
      'a/config.json': llamaConfig,
      'b/README.md': '---\nlicense: mit\nbase_model: x\n',
      'b/config.json': llamaConfig,
    });
    const r = await scan([root]);
    expect(modelAt(r, '/a').problems?.join()).toMatch(/README\.md: invalid YAML front matter/);
    expect(modelAt(r, '/b').problems?.join()).toMatch(/README\.md: front matter not closed/);
    expect(frontMatter('# no front matter\n')).toBeUndefined();
  });

  test('a multimodal config names its language model (LLaVA on Llama)', async () => {
    const root = tree({
      'llava/config.json': JSON.stringify({
        architectures: ['LlavaForConditionalGeneration'],
        model_type: 'llava',
        text_config: { model_type: 'llama' },
        vision_config: { model_type: 'clip_vision_model' },
      }),
      'llava/model.safetensors': pickleBytes,
    });
    const m = modelAt(await scan([root]), '/llava');
    expect(m.identity.families).toEqual(['llama']);
    expect(m.identity.sources.family).toBe('config.json:text_config.model_type');
  });
});

describe('grouping files into models', () => {
  const root = tree({
    'repo/config.json': llamaConfig,
    'repo/model.safetensors': pickleBytes,
    'repo/original/consolidated.00.pth': pickleBytes,
    'repo/checkpoint-500/config.json': JSON.stringify({ model_type: 'mistral' }),
    'repo/checkpoint-500/model.safetensors': pickleBytes,
    'loose/a.pkl': pickleBytes,
    'loose/b.pkl': pickleBytes,
    'loose/notes.txt': 'not a model\n',
    'loose/README.md': '# just notes\n',
  });

  test('nearest model directory wins; loose files are one model each; text is no model', async () => {
    const r = await scan([root]);
    const roots = (r.models ?? []).map((m) => m.root.slice(root.length + 1)).sort();
    expect(roots).toEqual(['loose/a.pkl', 'loose/b.pkl', 'repo', 'repo/checkpoint-500']);
    expect(
      modelAt(r, '/repo')
        .files.map((f) => f.slice(root.length + 1))
        .sort(),
    ).toEqual(['repo/config.json', 'repo/model.safetensors', 'repo/original/consolidated.00.pth']);
    expect(modelAt(r, 'checkpoint-500').identity.family).toBe('mistral');
  });

  test('a file given alone still finds the config beside it', async () => {
    const r = await scan([join(root, 'repo', 'original', 'consolidated.00.pth')]);
    expect(r.models).toHaveLength(1);
    expect(r.models![0]!.root).toBe(join(root, 'repo'));
    expect(r.models![0]!.identity.family).toBe('llama');
    // The config beside it is scanned as context (discovery adds it), and its bytes count.
    const config = r.files.find((f) => f.path.endsWith(join('repo', 'config.json')));
    expect(config).toMatchObject({ role: 'context', modelMetadata: { marks: 'config' } });
    expect(r.totals.bytesRead).toBe(r.files.reduce((n, f) => n + f.bytesRead, 0));
  });

  test('metadata above the scanned directory is never read', async () => {
    const r = await scan([join(root, 'repo', 'original')]);
    expect(r.models![0]!.kind).toBe('file');
    expect(r.models![0]!.identity.families).toEqual([]);
  });
});
