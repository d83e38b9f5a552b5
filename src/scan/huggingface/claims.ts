/**
 * What Hugging Face JSON metadata says the model is, reported once as typed claims: configs
 * (config.json, generation_config.json, their language-model sub-configs), PEFT adapter
 * configs, diffusers pipeline indexes (model_index.json, with their components). A config
 * (or generation config), adapter config or pipeline index under its canonical name makes its
 * directory one model; a config, adapter config or index that cannot be read still does, with
 * the problem recorded, so the model's identity is reported incomplete rather than the file
 * silently becoming a loose file.
 */
import { basename } from 'node:path';
import type { ClaimField, ModelMarker, ScanContext, ScanTarget } from '../base.js';

type JsonObject = Record<string, unknown>;

/** Most values kept per list field (architectures, components). */
const MAX_LIST = 32;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys that only Hugging Face (transformers, diffusers, PEFT) configs carry. */
function isHfConfig(c: JsonObject): boolean {
  return [
    '_name_or_path',
    'architectures',
    'model_type',
    '_class_name',
    'transformers_version',
    '_diffusers_version',
  ].some((k) => k in c);
}

function isAdapterConfig(c: JsonObject): boolean {
  return typeof c.base_model_name_or_path === 'string' || 'peft_type' in c;
}

/** The canonical metadata names, and what each makes of its directory. */
const METADATA_NAMES: Readonly<Record<string, ModelMarker | undefined>> = {
  'config.json': 'config',
  'generation_config.json': undefined,
  'adapter_config.json': 'adapter',
  'model_index.json': 'pipeline',
};

/** A file under one of the names loaders read model metadata from. */
export function isModelMetadataName(name: string): boolean {
  return basename(name) in METADATA_NAMES;
}

/** A metadata file under its canonical name that could not be parsed. */
export function unreadableMetadata(target: ScanTarget, ctx: ScanContext, problem: string): void {
  const name = basename(target.name);
  if (!(name in METADATA_NAMES)) return;
  const marks = METADATA_NAMES[name];
  ctx.modelMetadata({ ...(marks ? { marks } : {}), problems: [problem] });
}

/** Claims and the directory marker of a parsed JSON object. */
export function claimJsonMetadata(v: JsonObject, target: ScanTarget, ctx: ScanContext): void {
  const file = target.name;
  const name = basename(file);
  const claim = (field: ClaimField, value: unknown, key: string): void => {
    for (const x of (Array.isArray(value) ? value : [value]).slice(0, MAX_LIST))
      if (typeof x === 'string' && x.trim())
        ctx.claim({ field, value: x, source: `${file}:${key}` });
  };
  const hf = isHfConfig(v);
  if (hf || name === 'generation_config.json') {
    claim('name', v._name_or_path, '_name_or_path');
    // model_type names the code that loads the weights (llama.cpp calls a Mistral "llama"):
    // an architecture, never a name that explains one away.
    claim('architecture', v.model_type, 'model_type');
    claim('architecture', v.architectures, 'architectures');
    claim('architecture', v._class_name, '_class_name');
    claim('license', v.license, 'license');
    // Multimodal models name their language model in a sub-config (LLaVA: text_config llama).
    for (const key of ['text_config', 'llm_config', 'language_config']) {
      const sub = v[key];
      if (!isObject(sub)) continue;
      claim('architecture', sub.model_type, `${key}.model_type`);
      claim('architecture', sub.architectures, `${key}.architectures`);
      claim('name', sub._name_or_path, `${key}._name_or_path`);
    }
  }
  if (isObject(v.quantization_config))
    claim('quantization', v.quantization_config.quant_method, 'quantization_config.quant_method');
  const adapter = isAdapterConfig(v);
  if (adapter) {
    claim('base_model', v.base_model_name_or_path, 'base_model_name_or_path');
    claim('finetune', v.peft_type, 'peft_type');
  }

  if ((name === 'config.json' || name === 'generation_config.json') && hf)
    ctx.modelMetadata({ marks: 'config' });
  else if (name === 'adapter_config.json' && adapter) ctx.modelMetadata({ marks: 'adapter' });
  else if (name === 'model_index.json' && typeof v._class_name === 'string')
    ctx.modelMetadata({ marks: 'pipeline', components: pipelineComponents(v) });
}

/** Sub-folders a diffusers index names as components: `"unet": ["diffusers", "UNet2DConditionModel"]`. */
function pipelineComponents(index: JsonObject): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(index)) {
    if (key.startsWith('_') || !Array.isArray(value) || value.length !== 2) continue;
    if (key === '.' || key === '..' || !/^[\w.-]+$/.test(key)) continue;
    if (typeof value[1] === 'string' && out.length < MAX_LIST) out.push(key);
  }
  return out;
}
