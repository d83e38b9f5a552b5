/**
 * The formats family end to end on small inline samples, the Core ML scanner on its unit
 * fixtures, the helpers (secrets, requirements, path escapes), and the "suspicious" fixtures
 * (WARNING, never ERROR).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveOptions } from '../../../src/options/options.js';
import { scanFile } from '../../../src/pipeline/engine.js';
import { coremlScanner } from '../../../src/scan/formats/coreml.js';
import { escapeReason } from '../../../src/scan/formats/common/read.js';
import { findSecrets, isSecretKeyValue } from '../../../src/scan/formats/common/secrets.js';
import { judgeReference } from '../../../src/scan/formats/common/refs.js';
import { requirementRisk } from '../../../src/scan/formats/requirements.js';
import { FIXTURES_ROOT } from '../../helpers/manifest.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';
import { FakeContext, bufferTarget } from './fake.js';

describe('JSON metadata', () => {
  test.each([
    [
      'auto_map to another repository',
      'config.json',
      { model_type: 'x', auto_map: { AutoModel: 'org/repo--modeling.M' } },
      ['MA5301', 'MA5302'],
    ],
    [
      'auto_map climbing out',
      'config.json',
      { auto_map: { AutoModel: '../../x/evil.M' } },
      ['MA5301', 'MA5304'],
    ],
    [
      'shard index escaping',
      'model.safetensors.index.json',
      { weight_map: { a: '/etc/passwd' } },
      ['MA5304'],
    ],
    [
      'pickle shard in a safetensors index',
      'model.safetensors.index.json',
      { weight_map: { a: 'x.pt' } },
      ['MA5305', 'MA5306'],
    ],
    ['hydra target', 'cfg.json', { model: { _target_: 'subprocess.Popen' } }, ['MA5308']],
    [
      'PEFT auto_mapping',
      'adapter_config.json',
      { peft_type: 'LORA', auto_mapping: { parent_library: 'builtins', base_model_class: 'exec' } },
      ['MA5308'],
    ],
    [
      'URL in a loader key',
      'config.json',
      { model_type: 'x', tokenizer_file: 'https://127.0.0.1/t.json' },
      ['MA5503'],
    ],
    [
      'secret-named key',
      'config.json',
      { model_type: 'x', wandb_api_key: 'a8f3k29dk3l20fk3l2k' },
      ['MA5502'],
    ],
    [
      'diffusers library outside the known ones',
      'model_index.json',
      { _class_name: 'P', _diffusers_version: '0.1', unet: ['evilpkg', 'UNet'] },
      ['MA5309'],
    ],
    ['chat_template of the wrong type', 'tokenizer_config.json', { chat_template: 42 }, ['MA5307']],
  ])('%s', async (_n, name, value, rules) => {
    const r = await scanBytes(Buffer.from(JSON.stringify(value)), name);
    expect(rulesOf(r)).toEqual(rules);
  });
  test('invalid JSON is reported, not crashed on', async () => {
    expect(rulesOf(await scanBytes(Buffer.from('{"model_type": '), 'config.json'))).toEqual([
      'MA5307',
    ]);
  });
  test('identity claims are read from config.json', async () => {
    const r = await scanBytes(
      Buffer.from(
        JSON.stringify({
          _name_or_path: 'org/model',
          model_type: 'llama',
          architectures: ['LlamaForCausalLM'],
        }),
      ),
      'config.json',
    );
    expect(r.claims).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', value: 'org/model' }),
        expect.objectContaining({ field: 'architecture', value: 'llama' }),
      ]),
    );
    expect(r.findings).toEqual([]);
  });
});

describe('YAML and text', () => {
  test.each([
    ['python tag', 'h.yaml', 'x: !!python/object/apply:os.system ["id"]\n', 'MA5310'],
    ['hydra target', 'config.yaml', 'm:\n  _target_: builtins.eval\n', 'MA5308'],
    ['eval resolver', 'config.yaml', 'x: ${eval:1+1}\n', 'MA5311'],
    [
      'billion laughs aliases',
      'a.yaml',
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      'MA5307',
    ],
    [
      'conda pip index',
      'conda.yaml',
      'dependencies:\n- pip:\n  - --extra-index-url http://x/simple\n',
      'MA5504',
    ],
    ['requirements VCS', 'requirements.txt', 'git+https://x/y.git\n', 'MA5504'],
    ['.env secret', '.env', 'OPENAI_API_KEY=q8fk39d0s9fk2l3k4j5h6g7f8d9s\n', 'MA5502'],
  ])('%s', async (_n, name, text, rule) => {
    expect(rulesOf(await scanBytes(Buffer.from(text), name))).toContain(rule);
  });
  test('model card front matter gives claims and no findings', async () => {
    const r = await scanBytes(
      Buffer.from(
        '---\nlicense: mit\nbase_model: org/base\n---\n# Card\nexample key: sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n',
      ),
      'README.md',
    );
    expect(r.findings).toEqual([]);
    expect(r.claims).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'base_model', value: 'org/base' })]),
    );
  });
});

describe('binary formats', () => {
  test('truncated msgpack is malformed', async () => {
    expect(
      rulesOf(await scanBytes(Buffer.from([0x81, 0xa1, 0x61, 0xc6, 0, 0, 1, 0]), 'x.msgpack')),
    ).toEqual(['MA5900']);
  });
  test('0xc1 is never valid msgpack', async () => {
    expect(rulesOf(await scanBytes(Buffer.from([0x81, 0xa1, 0x61, 0xc1]), 'x.msgpack'))).toEqual([
      'MA5900',
    ]);
  });
  test('an ELF file is a native executable', async () => {
    const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(60)]);
    expect(rulesOf(await scanBytes(elf, 'libx.so'))).toEqual(['MA5605']);
  });
  test('PMML with a DOCTYPE but no entities is a warning', async () => {
    const r = await scanBytes(
      Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE PMML>\n<PMML version="4.4"></PMML>\n'),
      'm.pmml',
    );
    expect(rulesOf(r)).toEqual(['MA5604']);
  });
  test('torch7 truncated mid-object is malformed', async () => {
    const b = Buffer.alloc(20);
    b.writeInt32LE(4, 0);
    b.writeInt32LE(1, 4);
    b.writeInt32LE(3, 8);
    b.write('V 1', 12, 'latin1');
    expect(rulesOf(await scanBytes(b, 'x.t7'))).toEqual(['MA5900']);
  });
});

describe('Core ML (.mlmodel)', () => {
  const unit = join(FIXTURES_ROOT, 'formats', 'benign', 'coreml', 'unit');
  test.each([
    ['glm.mlmodel', []],
    ['coreml_linked_escape.mlmodel', ['MA5304']],
    ['coreml_custom_model.mlmodel', ['MA5601']],
  ])('%s', async (file, rules) => {
    const ctx = new FakeContext();
    await coremlScanner.scan(bufferTarget(readFileSync(join(unit, file)), file), ctx);
    expect(ctx.rules()).toEqual(rules);
  });
  test('metadata becomes identity claims', async () => {
    const ctx = new FakeContext();
    await coremlScanner.scan(
      bufferTarget(readFileSync(join(unit, 'glm.mlmodel')), 'glm.mlmodel'),
      ctx,
    );
    expect(ctx.claims).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'license', value: 'MIT' })]),
    );
  });
});

describe('helpers', () => {
  test('secrets: real shapes found, placeholders ignored', () => {
    expect(findSecrets('token = ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5')).toHaveLength(1);
    expect(
      findSecrets('AKIAIOSFODNN7EXAMPLE and hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'),
    ).toHaveLength(0);
    expect(isSecretKeyValue('pad_token', '[PAD]')).toBe(false);
    expect(isSecretKeyValue('api_key', '${API_KEY}')).toBe(false);
  });
  test.each([
    ['/etc/passwd', true],
    ['../x', true],
    ['a/../../x', true],
    ['C:\\x', true],
    ['https://x/y', true],
    ['a/b/../c.bin', false],
    ['model-00001-of-00002.safetensors', false],
  ])('escape %s', (ref, escapes) => {
    expect(escapeReason(ref) !== undefined).toBe(escapes);
  });
  test('requirement lines', () => {
    expect(requirementRisk('numpy==2.0')).toBeUndefined();
    expect(requirementRisk('-r other.txt')).toBeUndefined();
    expect(requirementRisk('pkg @ https://x/pkg.whl')).toBeDefined();
    expect(requirementRisk('-e .')).toBeDefined();
  });
  test('config references', () => {
    expect(judgeReference('os.system').level).toBe('dangerous');
    expect(judgeReference('hydra.utils.get_method').level).toBe('dangerous');
    expect(judgeReference('nemo.collections.asr.modules.ConformerEncoder').level).toBe('known');
    expect(judgeReference('torch.optim.AdamW').level).toBe('known');
    expect(judgeReference('evilpkg.build').level).toBe('unknown');
  });
});

describe('suspicious fixtures give warnings, never errors', () => {
  const manifest = join(FIXTURES_ROOT, 'formats', 'suspicious', 'manifest.json');
  const entries = (
    JSON.parse(readFileSync(manifest, 'utf8')) as {
      fixtures: { file: string; expect: { rules: string[] } }[];
    }
  ).fixtures;
  test.each(entries.map((e) => [e.file, e] as const))('%s', async (_f, e) => {
    const r = await scanFile(join(dirname(manifest), e.file), resolveOptions());
    expect(r.findings.filter((f) => f.severity === 'ERROR')).toEqual([]);
    for (const rule of e.expect.rules) expect(rulesOf(r)).toContain(rule);
  });
});
