/**
 * What Hugging Face JSON metadata claims, read once by the JSON scanner: identity claims with
 * their source keys, and the mark a config, adapter config or pipeline index puts on its
 * directory (also when it cannot be read).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanFile } from '../../../src/pipeline/engine.js';
import { resolveOptions } from '../../../src/options/options.js';
import type { FileResult } from '../../../src/findings/finding.js';
import { zip } from '../archive/build.js';

async function scanNamed(name: string, content: string | Buffer): Promise<FileResult> {
  const dir = mkdtempSync(join(tmpdir(), 'modelaudit-hf-claims-'));
  writeFileSync(join(dir, name), content);
  return scanFile(join(dir, name), resolveOptions());
}

const claimsOf = (r: FileResult): string[] =>
  (r.claims ?? []).map((c) => `${c.field}=${c.value} (${c.source})`);

describe('Hugging Face JSON claims', () => {
  test('config.json: names, architectures (model_type included), licence, language sub-config', async () => {
    const r = await scanNamed(
      'config.json',
      JSON.stringify({
        _name_or_path: 'llava-hf/llava-1.5-7b-hf',
        model_type: 'llava',
        architectures: ['LlavaForConditionalGeneration'],
        license: 'llama2',
        text_config: { model_type: 'llama', _name_or_path: 'lmsys/vicuna-7b-v1.5' },
        quantization_config: { quant_method: 'gptq' },
      }),
    );
    expect(claimsOf(r)).toEqual([
      'name=llava-hf/llava-1.5-7b-hf (config.json:_name_or_path)',
      'architecture=llava (config.json:model_type)',
      'architecture=LlavaForConditionalGeneration (config.json:architectures)',
      'license=llama2 (config.json:license)',
      'architecture=llama (config.json:text_config.model_type)',
      'name=lmsys/vicuna-7b-v1.5 (config.json:text_config._name_or_path)',
      'quantization=gptq (config.json:quantization_config.quant_method)',
    ]);
    expect(r.modelMetadata).toEqual({ marks: 'config' });
  });

  test('a JSON that is not a Hugging Face config claims nothing and marks nothing', async () => {
    const r = await scanNamed('config.json', JSON.stringify({ learning_rate: 0.1, name: 'x' }));
    expect(r.claims).toBeUndefined();
    expect(r.modelMetadata).toBeUndefined();
  });

  test('adapter_config.json names the base model and marks an adapter', async () => {
    const r = await scanNamed(
      'adapter_config.json',
      JSON.stringify({ base_model_name_or_path: 'meta-llama/Meta-Llama-3-8B', peft_type: 'LORA' }),
    );
    expect(claimsOf(r)).toEqual([
      'base_model=meta-llama/Meta-Llama-3-8B (adapter_config.json:base_model_name_or_path)',
      'finetune=LORA (adapter_config.json:peft_type)',
    ]);
    expect(r.modelMetadata).toEqual({ marks: 'adapter' });
  });

  test('model_index.json marks a pipeline and names its components', async () => {
    const r = await scanNamed(
      'model_index.json',
      JSON.stringify({
        _class_name: 'StableDiffusionPipeline',
        _diffusers_version: '0.30.0',
        unet: ['diffusers', 'UNet2DConditionModel'],
        text_encoder: ['transformers', 'CLIPTextModel'],
        safety_checker: [null, null],
        '..': ['diffusers', 'X'],
      }),
    );
    expect(claimsOf(r)).toEqual([
      'architecture=StableDiffusionPipeline (model_index.json:_class_name)',
    ]);
    expect(r.modelMetadata).toEqual({ marks: 'pipeline', components: ['unet', 'text_encoder'] });
  });

  test.each([
    ['invalid JSON', '{"model_type": "llama",', /^invalid JSON \(/],
    ['not an object', '["llama"]', /^not a JSON object$/],
    [
      'not UTF-8',
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      /^not valid UTF-8$/,
    ],
  ])('a config.json that cannot be read still marks its directory: %s', async (_n, content, re) => {
    const r = await scanNamed('config.json', content);
    expect(r.modelMetadata?.marks).toBe('config');
    expect(r.modelMetadata?.problems).toEqual([expect.stringMatching(re)]);
  });

  test('generation_config.json written by transformers marks its directory too', async () => {
    const r = await scanNamed(
      'generation_config.json',
      JSON.stringify({ transformers_version: '4.44.0', max_length: 20 }),
    );
    expect(r.modelMetadata).toEqual({ marks: 'config' });
  });

  test('generation_config.json that cannot be read is a problem but no mark', async () => {
    const r = await scanNamed('generation_config.json', '{');
    expect(r.modelMetadata).toEqual({ problems: [expect.stringMatching(/^invalid JSON/)] });
  });

  test('a config.json inside an archive claims, but says nothing about a directory', async () => {
    const config = JSON.stringify({ model_type: 'llama', _name_or_path: 'x/y' });
    const r = await scanNamed(
      'bundle.zip',
      zip([{ name: 'config.json', data: Buffer.from(config) }]),
    );
    expect(claimsOf(r)).toContain(
      'architecture=llama (bundle.zip > config.json: config.json:model_type)',
    );
    expect(r.modelMetadata).toBeUndefined();
  });
});
