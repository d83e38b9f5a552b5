/**
 * The table of model families: how their names are written, which architectures (config.json
 * `model_type` and `architectures`, GGUF `general.architecture`, diffusers `_class_name`) and
 * licences belong to them, and their lineage.
 *
 * Lineage (`parent`) means "made from the parent's weights": Code Llama, Vicuna and Alpaca are
 * Llama fine-tunes, DistilBERT is distilled from BERT, Flan-T5 fine-tunes T5, SDXL continues
 * Stable Diffusion, Mixtral is Mistral AI's mixture of Mistral experts. A model of a derived
 * family also counts as its parent family (a blacklist of "llama" catches Vicuna), unless its
 * architecture contradicts the parent (a GPT-2 fine-tuned on the Alpaca data set and named
 * "gpt2-alpaca" is an alpaca-named GPT-2, not a Llama).
 *
 * `archCompat` lists other families' architectures a family's models are published with:
 * llama.cpp converts Mistral and Mixtral checkpoints to its "llama" architecture, Yi, SmolLM
 * and DeepSeek-LLM ship LlamaForCausalLM configs. Such an architecture is explained by the name
 * and does not make the model a Llama.
 */

export interface FamilyDef {
  readonly id: string;
  readonly title: string;
  /** Word terms naming the family (the id is one too). */
  readonly aliases: readonly string[];
  readonly parent?: string;
  /** Matches normalised architecture keys (see normaliseArchitecture). */
  readonly arch?: RegExp;
  /** Architectures of other families its models are published with. */
  readonly archCompat?: readonly string[];
  /** Hub licence identifiers that only this family uses (lower case). */
  readonly licenses?: readonly string[];
  /** Families its names mention without belonging to them ("clip-vit-large" is CLIP, not ViT). */
  readonly absorbs?: readonly string[];
}

export const FAMILIES: readonly FamilyDef[] = Object.freeze([
  {
    id: 'llama',
    title: 'Meta Llama (and same-named reproductions such as TinyLlama, OpenLLaMA)',
    aliases: ['llama', 'tinyllama', 'openllama'],
    arch: /^m?llama\d*(text)?$/,
    licenses: ['llama2', 'llama3', 'llama3.1', 'llama3.2', 'llama3.3', 'llama4'],
  },
  {
    id: 'codellama',
    title: 'Code Llama (Llama 2 fine-tune)',
    aliases: ['codellama', 'code llama'],
    parent: 'llama',
  },
  { id: 'vicuna', title: 'Vicuna (Llama fine-tune)', aliases: ['vicuna'], parent: 'llama' },
  {
    id: 'alpaca',
    title: 'Stanford Alpaca (Llama fine-tune)',
    aliases: ['alpaca'],
    parent: 'llama',
  },
  {
    id: 'mistral',
    title: 'Mistral AI Mistral / Ministral',
    aliases: ['mistral', 'ministral'],
    arch: /^(mistral|ministral)\d*$/,
    archCompat: ['llama'],
  },
  {
    id: 'mixtral',
    title: 'Mistral AI Mixtral (mixture of experts)',
    aliases: ['mixtral'],
    parent: 'mistral',
    arch: /^mixtral$/,
    archCompat: ['llama'],
  },
  {
    id: 'qwen',
    title: 'Alibaba Qwen',
    aliases: ['qwen', 'qwq'],
    arch: /^qwen/,
    licenses: ['qwen', 'tongyi-qianwen'],
  },
  {
    id: 'gemma',
    title: 'Google Gemma',
    aliases: ['gemma', 'codegemma', 'recurrentgemma'],
    arch: /^(gemma\d*(text)?|recurrentgemma)$/,
    licenses: ['gemma'],
  },
  { id: 'phi', title: 'Microsoft Phi', aliases: ['phi'], arch: /^phi\d*(moe|small|mini)?$/ },
  {
    id: 'falcon',
    title: 'TII Falcon',
    aliases: ['falcon'],
    arch: /^(falcon\w*|rw|refinedweb(model)?)$/,
    licenses: ['falcon-llm-license'],
  },
  { id: 'gpt2', title: 'OpenAI GPT-2', aliases: ['gpt2', 'distilgpt2'], arch: /^gpt2$/ },
  { id: 'gpt-neo', title: 'EleutherAI GPT-Neo', aliases: ['gpt neo', 'gptneo'], arch: /^gptneo$/ },
  { id: 'gpt-j', title: 'EleutherAI GPT-J', aliases: ['gpt j', 'gptj'], arch: /^gptj$/ },
  {
    id: 'gpt-neox',
    title: 'EleutherAI GPT-NeoX (Pythia)',
    aliases: ['gpt neox', 'gptneox', 'pythia'],
    arch: /^gptneox/,
  },
  { id: 'bert', title: 'Google BERT', aliases: ['bert'], arch: /^bert$/ },
  {
    id: 'roberta',
    title: 'Meta RoBERTa (and XLM-RoBERTa)',
    aliases: ['roberta', 'xlm roberta'],
    arch: /^(xlm)?roberta$/,
  },
  {
    id: 'distilbert',
    title: 'DistilBERT (distilled from BERT)',
    aliases: ['distilbert'],
    parent: 'bert',
    arch: /^distilbert$/,
  },
  { id: 't5', title: 'Google T5 (and mT5)', aliases: ['t5', 'mt5', 'umt5'], arch: /^u?m?t5$/ },
  { id: 'flan-t5', title: 'Google Flan-T5', aliases: ['flan t5'], parent: 't5' },
  {
    id: 'bloom',
    title: 'BigScience BLOOM',
    aliases: ['bloom', 'bloomz'],
    arch: /^bloom$/,
    licenses: ['bigscience-bloom-rail-1.0'],
  },
  { id: 'opt', title: 'Meta OPT', aliases: ['opt'], arch: /^opt$/ },
  { id: 'mpt', title: 'MosaicML MPT', aliases: ['mpt'], arch: /^mpt$/ },
  {
    id: 'stablelm',
    title: 'Stability AI StableLM',
    aliases: ['stablelm', 'stable lm'],
    arch: /^stablelm/,
  },
  {
    id: 'starcoder',
    title: 'BigCode StarCoder',
    aliases: ['starcoder', 'starcoderbase', 'santacoder'],
    arch: /^(starcoder\d*|gptbigcode)$/,
    licenses: ['bigcode-openrail-m'],
  },
  {
    id: 'stable-diffusion',
    title: 'Stable Diffusion pipelines',
    aliases: ['stable diffusion', 'sd turbo', 'sd 1', 'sd 2', 'sd 3', 'sd v1', 'sd v2', 'sd v3'],
    arch: /^(stablediffusion(\d|img2img|inpaint|upscale|depth2img)?|sd[123])$/,
    licenses: ['creativeml-openrail-m'],
  },
  {
    id: 'sdxl',
    title: 'Stable Diffusion XL',
    aliases: ['sdxl', 'sd xl', 'stable diffusion xl'],
    parent: 'stable-diffusion',
    arch: /^(stablediffusionxl\w*|sdxl)$/,
  },
  { id: 'flux', title: 'Black Forest Labs FLUX', aliases: ['flux'], arch: /^flux/ },
  { id: 'whisper', title: 'OpenAI Whisper', aliases: ['whisper'], arch: /^whisper$/ },
  { id: 'clip', title: 'OpenAI CLIP', aliases: ['clip'], arch: /^clip/, absorbs: ['vit'] },
  { id: 'vit', title: 'Vision Transformer (ViT)', aliases: ['vit'], arch: /^vit$/ },
  { id: 'yi', title: '01.AI Yi', aliases: ['yi'], archCompat: ['llama'] },
  {
    id: 'deepseek',
    title: 'DeepSeek',
    aliases: ['deepseek'],
    arch: /^deepseek/,
    archCompat: ['llama', 'qwen'],
  },
  { id: 'smollm', title: 'Hugging Face SmolLM', aliases: ['smollm'], archCompat: ['llama'] },
  { id: 'granite', title: 'IBM Granite', aliases: ['granite'], arch: /^granite/ },
] satisfies FamilyDef[]);

const BY_ID = new Map(FAMILIES.map((f) => [f.id, f]));

export function family(id: string): FamilyDef | undefined {
  return BY_ID.get(id);
}

/** A family's names: its id and aliases. */
export function familyNames(f: FamilyDef): readonly string[] {
  return [f.id, ...f.aliases];
}

/** The family's ancestors, nearest first. */
export function ancestors(id: string): string[] {
  const out: string[] = [];
  let f = BY_ID.get(id);
  while (f?.parent && !out.includes(f.parent)) {
    out.push(f.parent);
    f = BY_ID.get(f.parent);
  }
  return out;
}

/** The family and its ancestors. */
export function lineage(id: string): string[] {
  return [id, ...ancestors(id)];
}

/**
 * Architecture names as they are written (LlamaForCausalLM, GPT2LMHeadModel,
 * StableDiffusionXLPipeline, gpt_neox, qwen2_moe) reduced to a comparable key
 * (llama, gpt2, stablediffusionxl, gptneox, qwen2moe).
 */
export function normaliseArchitecture(value: string): string {
  let v = value.trim();
  const suffix =
    /(?:For[A-Z]\w*|WithLMHeadModel|LMHeadModel|PreTrainedModel|WithProjection|Model|Pipeline)$/;
  for (let i = 0; i < 4 && /[A-Z]/.test(v); i++) {
    const next = v.replace(suffix, '');
    if (next === v || next === '') break;
    v = next;
  }
  return v.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The family an architecture value belongs to, if the table knows it. */
export function familyOfArchitecture(value: string): FamilyDef | undefined {
  const key = normaliseArchitecture(value);
  if (!key) return undefined;
  // The most specific match wins (stablediffusionxl is SDXL before it is Stable Diffusion).
  let best: FamilyDef | undefined;
  for (const f of FAMILIES) {
    if (f.arch?.test(key) && (!best || ancestors(f.id).includes(best.id))) best = f;
  }
  return best;
}

/** The family a licence identifier implies, if any (llama3 → llama). */
export function familyOfLicense(value: string): FamilyDef | undefined {
  const key = value.trim().toLowerCase();
  return FAMILIES.find((f) => f.licenses?.includes(key));
}
