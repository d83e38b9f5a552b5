/**
 * Readers for the metadata files that say what a model directory holds: Hugging Face
 * config.json, generation_config.json, adapter_config.json (PEFT), diffusers model_index.json,
 * the README model card's YAML front matter and the LICENSE file's title. Each returns evidence
 * (field, value, where it was read) and the problems met; nothing here throws on bad content.
 */
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { IdentityEvidence } from '../findings/finding.js';
import { readBounded } from './read.js';

/** Caps on what is read of each metadata file. */
export const METADATA_CAPS = {
  json: 4 * 1024 * 1024,
  readme: 256 * 1024,
  license: 8 * 1024,
} as const;

/** Most values kept per list field (tags, base models, architectures). */
const MAX_LIST = 32;
/** Longest value kept. */
const MAX_VALUE = 512;

export interface DirMetadata {
  readonly dir: string;
  /** The directory holds a model: a Hugging Face-style config, pipeline index or model card. */
  readonly marker: boolean;
  /** The directory is a diffusers pipeline (model_index.json). */
  readonly pipeline: boolean;
  /** Subfolders a pipeline names as its components (unet, vae, text_encoder…). */
  readonly components: readonly string[];
  readonly evidence: IdentityEvidence[];
  readonly problems: string[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clean(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const s = v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return s ? s.slice(0, MAX_VALUE) : undefined;
}

function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list
    .slice(0, MAX_LIST)
    .map(clean)
    .filter((s): s is string => s !== undefined);
}

class Collector {
  readonly evidence: IdentityEvidence[] = [];
  readonly problems: string[] = [];
  constructor(
    private readonly file: string,
    private readonly label: string,
    private readonly component?: string,
  ) {}

  add(field: string, key: string, value: unknown): void {
    for (const v of strings(value)) {
      this.evidence.push({
        field,
        value: v,
        source: `${this.label}:${key}`,
        path: this.file,
        ...(this.component ? { component: this.component } : {}),
      });
    }
  }
}

async function readJson(
  file: string,
  containedIn: string,
  problems: string[],
  label: string,
): Promise<Json | undefined> {
  const r = await readBounded(file, METADATA_CAPS.json, containedIn);
  if (!r.ok) {
    if (!r.missing) problems.push(`${label}: ${r.problem}`);
    return undefined;
  }
  try {
    const v = JSON.parse(r.text) as unknown;
    if (isObject(v)) return v;
    problems.push(`${label}: not a JSON object`);
  } catch (err) {
    problems.push(`${label}: invalid JSON (${(err as Error).message})`);
  }
  return undefined;
}

/** Keys that only Hugging Face (transformers, diffusers, PEFT) configs carry. */
function isHfConfig(c: Json): boolean {
  return [
    '_name_or_path',
    'architectures',
    'model_type',
    '_class_name',
    'transformers_version',
    '_diffusers_version',
  ].some((k) => k in c);
}

function fromConfig(c: Json, out: Collector): void {
  out.add('name', '_name_or_path', c._name_or_path);
  out.add('architecture', 'model_type', c.model_type);
  out.add('architecture', 'architectures', c.architectures);
  out.add('architecture', '_class_name', c._class_name);
  out.add('license', 'license', c.license);
  // Multimodal models name their language model in a sub-config (LLaVA: text_config llama).
  for (const key of ['text_config', 'llm_config', 'language_config']) {
    const sub = c[key];
    if (isObject(sub)) {
      out.add('architecture', `${key}.model_type`, sub.model_type);
      out.add('architecture', `${key}.architectures`, sub.architectures);
      out.add('name', `${key}._name_or_path`, sub._name_or_path);
    }
  }
}

/** Front matter keys the Hub writes in model cards. */
const CARD_KEYS = [
  'base_model',
  'license',
  'license_name',
  'tags',
  'pipeline_tag',
  'library_name',
  'model-index',
  'model_name',
  'model_creator',
  'model_type',
  'datasets',
];

/** The YAML front matter of a README, or undefined when it has none. */
export function frontMatter(text: string): { yaml: string; closed: boolean } | undefined {
  const body = text.replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(body);
  if (!open) return undefined;
  const rest = body.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!close) return { yaml: rest, closed: false };
  return { yaml: rest.slice(0, close.index), closed: true };
}

function fromModelCard(card: Json, out: Collector): void {
  out.add('base_model', 'base_model', card.base_model);
  out.add('name', 'model_name', card.model_name);
  if (Array.isArray(card['model-index'])) {
    for (const entry of card['model-index'].slice(0, MAX_LIST))
      if (isObject(entry)) out.add('name', 'model-index.name', entry.name);
  }
  out.add('license', 'license', card.license);
  out.add('license', 'license_name', card.license_name);
  out.add('tag', 'tags', card.tags);
  out.add('architecture', 'model_type', card.model_type);
  out.add('author', 'model_creator', card.model_creator);
}

/** Licence titles worth recognising in a LICENSE file's first lines. */
const LICENSE_TITLES: readonly [RegExp, string][] = [
  [/LLAMA 2 COMMUNITY LICENSE/i, 'llama2'],
  [/META LLAMA 3 COMMUNITY LICENSE/i, 'llama3'],
  [/Llama 3\.1 Community License/i, 'llama3.1'],
  [/Llama 3\.2 Community License/i, 'llama3.2'],
  [/Llama 3\.3 Community License/i, 'llama3.3'],
  [/Llama 4 Community License/i, 'llama4'],
  [/Gemma Terms of Use/i, 'gemma'],
  [/Apache License,?\s+Version 2\.0/i, 'apache-2.0'],
  [/^\s*MIT License/im, 'mit'],
  [/CreativeML Open RAIL-M/i, 'creativeml-openrail-m'],
  [/Tongyi Qianwen LICENSE/i, 'tongyi-qianwen'],
];

/** Reads every metadata file of one directory. */
export async function readDirMetadata(
  dir: string,
  containedIn: string,
  component?: string,
): Promise<DirMetadata> {
  const evidence: IdentityEvidence[] = [];
  const problems: string[] = [];
  let marker = false;
  let pipeline = false;
  const components: string[] = [];
  const prefix = component ? `${component}/` : '';

  const collect = (c: Collector): void => {
    evidence.push(...c.evidence);
    problems.push(...c.problems);
  };

  for (const name of ['config.json', 'generation_config.json', 'adapter_config.json']) {
    const label = prefix + name;
    const before = problems.length;
    const json = await readJson(join(dir, name), containedIn, problems, label);
    // A config that is there but cannot be read still marks a model (whose identity is then
    // incomplete, a problem that is reported), rather than silently making it a loose file.
    if (problems.length > before && name !== 'generation_config.json') marker = true;
    if (!json) continue;
    const c = new Collector(join(dir, name), label, component);
    if (name === 'adapter_config.json') {
      if (typeof json.base_model_name_or_path === 'string' || 'peft_type' in json) {
        marker = true;
        c.add('base_model', 'base_model_name_or_path', json.base_model_name_or_path);
      }
    } else if (isHfConfig(json) || name === 'generation_config.json') {
      marker = marker || isHfConfig(json);
      fromConfig(json, c);
    }
    collect(c);
  }

  const beforeIndex = problems.length;
  const index = await readJson(
    join(dir, 'model_index.json'),
    containedIn,
    problems,
    prefix + 'model_index.json',
  );
  if (problems.length > beforeIndex) marker = true;
  if (index && typeof index._class_name === 'string') {
    marker = true;
    pipeline = true;
    const c = new Collector(join(dir, 'model_index.json'), prefix + 'model_index.json', component);
    c.add('architecture', '_class_name', index._class_name);
    c.add('name', '_name_or_path', index._name_or_path);
    collect(c);
    for (const [key, value] of Object.entries(index)) {
      if (key.startsWith('_') || !Array.isArray(value) || value.length !== 2) continue;
      if (typeof value[1] === 'string' && /^[\w.-]+$/.test(key) && components.length < MAX_LIST)
        components.push(key);
    }
  }

  for (const name of ['README.md', 'README.markdown', 'readme.md']) {
    const r = await readBounded(join(dir, name), METADATA_CAPS.readme, containedIn, true);
    if (!r.ok) {
      if (!r.missing) problems.push(`${prefix}${name}: ${r.problem}`);
      continue;
    }
    const fm = frontMatter(r.text);
    if (!fm) break;
    if (!fm.closed) {
      problems.push(
        `${prefix}${name}: front matter not closed within ${METADATA_CAPS.readme} bytes`,
      );
      break;
    }
    let card: unknown;
    try {
      card = parseYaml(fm.yaml, { maxAliasCount: 50, uniqueKeys: false, prettyErrors: false });
    } catch (err) {
      problems.push(`${prefix}${name}: invalid YAML front matter (${(err as Error).message})`);
      break;
    }
    if (isObject(card) && CARD_KEYS.some((k) => k in card)) {
      marker = true;
      const c = new Collector(join(dir, name), prefix + name, component);
      fromModelCard(card, c);
      collect(c);
    }
    break;
  }

  if (!component) {
    for (const name of ['LICENSE', 'LICENSE.txt', 'LICENSE.md', 'LICENCE']) {
      const r = await readBounded(join(dir, name), METADATA_CAPS.license, containedIn, true);
      if (!r.ok) continue;
      const hit = LICENSE_TITLES.find(([re]) => re.test(r.text.slice(0, 2048)));
      if (hit)
        evidence.push({
          field: 'license',
          value: hit[1],
          source: `${name}:title`,
          path: join(dir, name),
        });
      break;
    }
  }

  return { dir, marker, pipeline, components, evidence, problems };
}
