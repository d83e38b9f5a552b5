/**
 * Identity inference: every sample under fixtures/policy (written by the real tools, see
 * make_fixtures.py) gets the identity listed in expected.json, from the field listed there;
 * and the inference rules on hand-made evidence (scanner claims, conflicts, derivatives).
 */
import { readFileSync } from 'node:fs';
import { scan } from '../../src/pipeline/engine.js';
import { resolveOptions } from '../../src/options/options.js';
import type {
  FileResult,
  IdentityEvidence,
  ModelResult,
  Report,
} from '../../src/findings/finding.js';
import { identifyModels } from '../../src/policy/stage.js';
import { inferIdentity } from '../../src/policy/identity.js';
import { FAMILIES, familyOfArchitecture } from '../../src/policy/families.js';

interface Expected {
  name?: string;
  family?: string;
  familySource?: string;
  families?: string[];
  determined: boolean;
  version?: string;
  license?: string;
  baseModel?: string;
}

const FIXTURES = new URL('../../fixtures/policy/', import.meta.url).pathname;
const expected = (
  JSON.parse(readFileSync(`${FIXTURES}expected.json`, 'utf8')) as {
    models: Record<string, Expected>;
  }
).models;

function key(root: string): string {
  return root.replace(/^.*fixtures\/policy\/(models|malicious)\//, '');
}

let report: Report;
const byRoot = new Map<string, ModelResult>();
beforeAll(async () => {
  report = await scan([`${FIXTURES}models`, `${FIXTURES}malicious`]);
  for (const m of report.models ?? []) byRoot.set(key(m.root), m);
}, 60_000);

describe('fixture samples get the expected identity', () => {
  test('every sample is found as one model, and nothing else is', () => {
    expect([...byRoot.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  test.each(Object.entries(expected))('%s', (root, want) => {
    const m = byRoot.get(root);
    expect(m).toBeDefined();
    const id = m!.identity;
    const got: Expected = {
      determined: id.determined,
      ...(want.name !== undefined ? { name: id.name } : {}),
      ...(want.family !== undefined ? { family: id.family } : {}),
      ...(want.familySource !== undefined ? { familySource: id.sources.family } : {}),
      ...(want.families !== undefined ? { families: [...id.families].sort() } : {}),
      ...(want.version !== undefined ? { version: id.version } : {}),
      ...(want.license !== undefined ? { license: id.license } : {}),
      ...(want.baseModel !== undefined ? { baseModel: id.baseModel } : {}),
    };
    expect(got).toEqual({
      ...want,
      ...(want.families ? { families: [...want.families].sort() } : {}),
    });
    if (!want.family) expect(id.family).toBeUndefined();
  });

  test('each identity field names the evidence it came from, and that evidence is listed', () => {
    for (const m of byRoot.values()) {
      for (const source of Object.values(m.identity.sources))
        expect(m.evidence.some((e) => e.source === source)).toBe(true);
    }
  });

  test('a model directory holds its weights, configs and card; the HF cache entry its blobs', () => {
    const llama = byRoot.get('hf/Llama-2-7b-chat-hf')!;
    expect(llama.kind).toBe('directory');
    expect(llama.files.map((f) => f.split('/').pop()).sort()).toEqual([
      'README.md',
      'config.json',
      'generation_config.json',
      'model-00001-of-00002.safetensors',
      'model-00002-of-00002.safetensors',
      'model.safetensors.index.json',
    ]);
    const sd = byRoot.get('diffusers/stable-diffusion-v1-5')!;
    expect(sd.files.map((f) => f.replace(/^.*stable-diffusion-v1-5\//, ''))).toContain(
      'unet/diffusion_pytorch_model.safetensors',
    );
    // Component metadata is recorded but does not make the pipeline a CLIP model.
    expect(sd.evidence.filter((e) => e.component === 'text_encoder').map((e) => e.value)).toContain(
      'openai/clip-vit-large-patch14',
    );
    expect(sd.identity.families).not.toContain('clip');
    const cache = byRoot.get('cache/models--Qwen--Qwen2.5-0.5B-Instruct')!;
    expect(cache.kind).toBe('hf-cache');
    // Snapshot links stay inside the cache entry, so they are followed by default: each blob
    // is scanned once, under its snapshot name.
    expect(cache.files.filter((f) => f.includes('/blobs/'))).toEqual([]);
    expect(
      cache.files.map((f) => f.replace(/^.*models--Qwen--Qwen2.5-0.5B-Instruct\//, '')).sort(),
    ).toEqual([
      'refs/main',
      'snapshots/7ae557604adf67be50417f59c2c2f167def9a775/config.json',
      'snapshots/7ae557604adf67be50417f59c2c2f167def9a775/model.safetensors',
    ]);
    const thebloke = byRoot.get('thebloke/Llama-2-7B-Chat-GGUF')!;
    expect(thebloke.files.filter((f) => f.endsWith('.gguf'))).toHaveLength(2);
  });

  test('without a policy, the scan adds no finding', () => {
    for (const f of report.files)
      expect(f.findings.filter((x) => x.ruleId.startsWith('MA6'))).toEqual([]);
    for (const m of byRoot.values()) expect(m.policy).toBeUndefined();
  });
});

const ev = (field: string, value: string, source: string): IdentityEvidence => ({
  field,
  value,
  source,
  ...(source.startsWith('path:') ? {} : { path: 'x' }),
});

describe('inference rules', () => {
  test('a Mistral GGUF has the llama architecture: its name explains it (auto mode)', () => {
    const evidence = [
      ev('name', 'Mistral 7B Instruct v0.2', 'gguf:general.name'),
      ev('family', 'Mistral', 'gguf:general.basename'),
      ev('architecture', 'llama', 'gguf:general.architecture'),
      ev('version', 'v0.2', 'gguf:general.version'),
    ];
    const auto = inferIdentity(evidence);
    expect(auto.identity.families).toEqual(['mistral']);
    expect(auto.identity.version).toBe('0.2');
    expect([...inferIdentity(evidence, 'always').identity.families].sort()).toEqual([
      'llama',
      'mistral',
    ]);
  });

  test('a name that contradicts the architecture does not hide it', () => {
    const inf = inferIdentity([
      ev('name', 'acme/bert-helper', 'config.json:_name_or_path'),
      ev('architecture', 'LlamaForCausalLM', 'config.json:architectures'),
    ]);
    expect(inf.identity.family).toBe('llama');
    expect([...inf.identity.families].sort()).toEqual(['bert', 'llama']);
    expect(inferIdentity(inf.evidence, 'never').identity.families).toEqual(['bert']);
  });

  test('derived families count as their parent unless the architecture contradicts it', () => {
    const vicuna = inferIdentity([ev('name', 'vicuna-13b-v1.3', 'path:file')]);
    expect(vicuna.identity.families).toEqual(['vicuna', 'llama']);
    expect(vicuna.identity.determined).toBe(false);
    // A GPT-2 named after the Alpaca data it was tuned on is not a Llama.
    const gpt2 = inferIdentity([
      ev('name', 'someone/gpt2-alpaca', 'config.json:_name_or_path'),
      ev('architecture', 'gpt2', 'config.json:model_type'),
    ]);
    expect([...gpt2.identity.families].sort()).toEqual(['alpaca', 'gpt2']);
    expect(gpt2.identity.family).toBe('gpt2');
    const mixtral = inferIdentity([
      ev('name', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'config.json:_name_or_path'),
      ev('architecture', 'mixtral', 'config.json:model_type'),
    ]);
    expect(mixtral.identity.families).toEqual(['mixtral', 'mistral']);
    expect(mixtral.identity.version).toBe('0.1');
  });

  test('model card tags name a family only when a tag is an alias', () => {
    const fam = (tag: string): string[] => [
      ...inferIdentity([ev('tag', tag, 'README.md:tags')]).identity.families,
    ];
    expect(fam('llama')).toEqual(['llama']);
    expect(fam('llama-2')).toEqual(['llama']);
    expect(fam('llama-factory')).toEqual([]);
    expect(fam('llama-cpp')).toEqual([]);
    expect(fam('text-generation')).toEqual([]);
    expect(fam('stable-diffusion-xl')).toEqual(['sdxl', 'stable-diffusion']);
  });

  test('single-family licences and base models name the family', () => {
    const lic = inferIdentity([ev('license', 'llama3', 'README.md:license')]);
    expect(lic.identity.family).toBe('llama');
    const base = inferIdentity([
      ev(
        'base_model',
        'https://huggingface.co/google/gemma-2-9b',
        'gguf:general.base_model.0.repo_url',
      ),
    ]);
    expect(base.identity).toMatchObject({
      family: 'gemma',
      version: '2',
      baseModel: 'google/gemma-2-9b',
    });
  });

  test('README license "other" defers to license_name', () => {
    const inf = inferIdentity([
      ev('license', 'other', 'README.md:license'),
      ev('license', 'qwen-research', 'README.md:license_name'),
    ]);
    expect(inf.identity.license).toBe('qwen-research');
  });

  test('exporter default names (ONNX main_graph, Keras sequential) identify nothing', () => {
    for (const [name, source] of [
      ['main_graph', 'onnx:graph.name'],
      ['sequential_1', 'keras:config.json:config.name'],
      ['torch-jit-export', 'onnx:graph.name'],
    ]) {
      const inf = inferIdentity([ev('name', name!, source!), ev('name', 'model', 'path:file')]);
      expect(inf.identity.determined).toBe(false);
    }
    expect(
      inferIdentity([ev('name', 'resnet50', 'keras:config.json:config.name')]).identity.determined,
    ).toBe(true);
  });

  test('pipeline components are recorded but never infer the family', () => {
    const inf = inferIdentity([
      {
        ...ev('name', 'openai/clip-vit-large-patch14', 'text_encoder/config.json:_name_or_path'),
        component: 'text_encoder',
      },
      ev('architecture', 'StableDiffusionPipeline', 'model_index.json:_class_name'),
    ]);
    expect(inf.identity.families).toEqual(['stable-diffusion']);
  });

  test('the architecture table knows every family it claims', () => {
    const cases: [string, string][] = [
      ['LlamaForCausalLM', 'llama'],
      ['MllamaForConditionalGeneration', 'llama'],
      ['MistralForCausalLM', 'mistral'],
      ['MixtralForCausalLM', 'mixtral'],
      ['Qwen2MoeForCausalLM', 'qwen'],
      ['qwen3', 'qwen'],
      ['Gemma3ForConditionalGeneration', 'gemma'],
      ['gemma3_text', 'gemma'],
      ['Phi3ForCausalLM', 'phi'],
      ['RWForCausalLM', 'falcon'],
      ['GPT2LMHeadModel', 'gpt2'],
      ['gpt_neox', 'gpt-neox'],
      ['BertForMaskedLM', 'bert'],
      ['XLMRobertaModel', 'roberta'],
      ['DistilBertForSequenceClassification', 'distilbert'],
      ['T5WithLMHeadModel', 't5'],
      ['BloomForCausalLM', 'bloom'],
      ['OPTForCausalLM', 'opt'],
      ['MPTForCausalLM', 'mpt'],
      ['StableLmForCausalLM', 'stablelm'],
      ['GPTBigCodeForCausalLM', 'starcoder'],
      ['Starcoder2ForCausalLM', 'starcoder'],
      ['StableDiffusionPipeline', 'stable-diffusion'],
      ['StableDiffusionXLPipeline', 'sdxl'],
      ['sdxl', 'sdxl'],
      ['FluxPipeline', 'flux'],
      ['WhisperForConditionalGeneration', 'whisper'],
      ['CLIPTextModelWithProjection', 'clip'],
      ['clip_text_model', 'clip'],
      ['ViTForImageClassification', 'vit'],
    ];
    for (const [arch, fam] of cases)
      expect([arch, familyOfArchitecture(arch)?.id]).toEqual([arch, fam]);
    expect(familyOfArchitecture('UNet2DConditionModel')).toBeUndefined();
    const ids = new Set(FAMILIES.map((f) => f.id));
    for (const f of FAMILIES) if (f.parent) expect(ids.has(f.parent)).toBe(true);
    const docs = readFileSync(new URL('../../docs/name-policies.md', import.meta.url), 'utf8');
    const table = docs.slice(docs.indexOf('### Families'), docs.indexOf('## Matching'));
    for (const f of FAMILIES) expect([f.id, table.includes(f.id)]).toEqual([f.id, true]);
  });
});

describe('scanner claims', () => {
  const file = (path: string, claims: unknown[], format = 'gguf'): FileResult => ({
    path,
    format,
    size: 1,
    bytesRead: 1,
    durationMs: 0,
    status: 'clean',
    findings: [],
    details: { identityClaims: claims },
  });

  test('claims are read by their source key: a model_type filed as family is an architecture', async () => {
    const policy = resolveOptions({ namePolicy: { blacklist: ['llama'] } }).namePolicy!;
    const { models, files } = await identifyModels(
      [
        file('/nonexistent/x/mistral.gguf', [
          { field: 'name', value: 'Mistral 7B Instruct v0.2', source: 'gguf:general.name' },
          { field: 'family', value: 'llama', source: 'gguf:general.architecture.model_type' },
          { field: 'name', value: 42, source: 'gguf:general.name' },
          { field: 'Bad Field', value: 'llama', source: 'x' },
          'not a claim',
        ]),
      ],
      { roots: ['/nonexistent/x'], policy },
    );
    expect(models[0]!.identity.families).toEqual(['mistral']);
    expect(models[0]!.evidence.map((e) => e.field)).toEqual(['name', 'architecture', 'name']);
    expect(files[0]!.findings).toEqual([]);
  });

  test('a deny entry can name an architecture the family table does not know', async () => {
    const policy = resolveOptions({ namePolicy: { blacklist: ['olmo'] } }).namePolicy!;
    const { files } = await identifyModels(
      [
        file('/nonexistent/z/model.safetensors', [
          { field: 'architecture', value: 'Olmo2ForCausalLM', source: 'config.json:architectures' },
        ]),
      ],
      { roots: [], policy },
    );
    expect(files[0]!.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['MA6001', expect.stringContaining('its architecture "Olmo2ForCausalLM" matches "olmo"')],
    ]);
  });

  test('a file with claims is a model even when its format is not recognised', async () => {
    const { models } = await identifyModels(
      [
        file(
          '/nonexistent/y/weights.dat',
          [{ field: 'name', value: 'Llama-3-8B', source: 'custom:name' }],
          'unknown',
        ),
      ],
      { roots: [] },
    );
    expect(models[0]).toMatchObject({ kind: 'file', identity: { family: 'llama', version: '3' } });
  });
});
