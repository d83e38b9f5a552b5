/**
 * Model cards: the YAML front matter the Hugging Face Hub reads from README.md (base model,
 * licence, tags, model name…), parsed once, bounded, and reported as typed claims; a README
 * whose front matter carries Hub keys makes its directory a model. Licence files: the licence
 * named in their title. Nothing here reads anything but the text it is given.
 */
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ClaimField, ScanContext } from '../base.js';

/** Front matter must close within this much of the card (the Hub keeps it at the top). */
export const CARD_FRONT_MATTER_CHARS = 256 * 1024;
/** Most values kept per list field (tags, base models, model-index entries). */
const MAX_LIST = 32;
/** Aliases expanded while parsing: enough for real cards, too few for an alias bomb. */
const MAX_ALIASES = 50;

/** Front matter keys the Hub writes in model cards: one of them makes a README a model card. */
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

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The YAML front matter of a Markdown text, or undefined when it has none. */
export function frontMatter(text: string): { yaml: string; closed: boolean } | undefined {
  const body = text.replace(/^\uFEFF/, '').slice(0, CARD_FRONT_MATTER_CHARS);
  const open = /^---[ \t]*\r?\n/.exec(body);
  if (!open) return undefined;
  const rest = body.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!close) return { yaml: rest, closed: false };
  return { yaml: rest.slice(0, close.index), closed: true };
}

/** A README the Hub shows as the model card (README.md, README.markdown, any case). */
export function isReadme(name: string): boolean {
  return /^readme\.(md|markdown)$/i.test(basename(name));
}

/** Reports what a Markdown file's front matter says the model is. */
export function claimModelCard(text: string, name: string, ctx: ScanContext): void {
  const fm = frontMatter(text);
  if (!fm) return;
  const problem = (p: string): void => ctx.modelMetadata({ problems: [p] });
  if (!fm.closed) {
    problem(`front matter not closed within ${CARD_FRONT_MATTER_CHARS} characters`);
    return;
  }
  let card: unknown;
  try {
    card = parseYaml(fm.yaml, {
      maxAliasCount: MAX_ALIASES,
      uniqueKeys: false,
      prettyErrors: false,
    });
  } catch (err) {
    problem(`invalid YAML front matter (${(err as Error).message.split('\n')[0]})`);
    return;
  }
  if (!isObject(card)) return;
  const claim = (field: ClaimField, value: unknown, key: string): void => {
    for (const v of (Array.isArray(value) ? value : [value]).slice(0, MAX_LIST))
      if (typeof v === 'string' && v.trim())
        ctx.claim({ field, value: v, source: `${name}:${key}` });
  };
  claim('base_model', card.base_model, 'base_model');
  claim('name', card.model_name, 'model_name');
  if (Array.isArray(card['model-index']))
    for (const entry of card['model-index'].slice(0, MAX_LIST))
      if (isObject(entry)) claim('name', entry.name, 'model-index.name');
  claim('license', card.license, 'license');
  claim('license', card.license_name, 'license_name');
  claim('tag', card.tags, 'tags');
  claim('architecture', card.model_type, 'model_type');
  claim('author', card.model_creator, 'model_creator');
  if (isReadme(name) && CARD_KEYS.some((k) => k in card))
    ctx.modelMetadata({ marks: 'model-card' });
}

/** Licence titles worth recognising in a licence file's first lines. */
const LICENSE_TITLES: readonly (readonly [RegExp, string])[] = [
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

/** LICENSE, LICENSE.txt, LICENSE.md, LICENCE. */
export function isLicenseFile(name: string): boolean {
  return /^LICEN[CS]E(\.(txt|md))?$/i.test(basename(name));
}

/** Reports the licence a licence file's title names. */
export function claimLicenseTitle(text: string, name: string, ctx: ScanContext): void {
  const head = text.slice(0, 2048);
  const hit = LICENSE_TITLES.find(([re]) => re.test(head));
  if (hit) ctx.claim({ field: 'license', value: hit[1], source: `${name}:title` });
}
