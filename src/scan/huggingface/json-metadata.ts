/**
 * JSON metadata around models: Hugging Face configs (auto_map, custom pipelines, identity),
 * tokenizer and processor configs (chat templates), sharded-checkpoint indexes, diffusers
 * model_index.json, PEFT adapter configs, sentence-transformers module lists, Orbax
 * checkpoint metadata, and any other JSON (credentials, remote references, Hydra targets).
 * What each file gets is decided by its content, not only its name.
 */
import { basename } from 'node:path';
import { analyzeTemplate } from '../../analysis/jinja/analyze.js';
import type { IdentityClaim, ScanContext, ScanTarget, Scanner } from '../base.js';
import { checkMetadataTree } from '../formats/common/metadata-tree.js';
import { decodeUtf8, readWhole } from '../formats/common/read.js';
import { judgeReference } from '../formats/common/refs.js';
import { findSecrets, lineOf } from '../formats/common/secrets.js';
import { checkXgboostModel } from '../formats/xgboost.js';
import { checkCustomCode, parseClassReference, type CodeRef } from './custom-code.js';
import { checkDiffusersIndex } from './diffusers.js';
import { checkShardIndex } from './shards.js';

/** JSON metadata parsed whole; tokenizer.json files reach tens of MB, never hundreds. */
export const MAX_JSON_BYTES = 128 * 1024 * 1024;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export const JSON_RULES = [
  'MA5301',
  'MA5302',
  'MA5303',
  'MA5304',
  'MA5305',
  'MA5306',
  'MA5307',
  'MA5308',
  'MA5309',
  'MA5311',
  'MA5501',
  'MA5502',
  'MA5503',
  'MA5900',
  'MA1006',
];

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const jsonMetadataScanner: Scanner = {
  id: 'json-metadata',
  formats: ['hf-config', 'hf-shard-index', 'xgboost-json', 'json-metadata'],
  rules: JSON_RULES,
  async scan(target, ctx) {
    const limit = Math.min(MAX_JSON_BYTES, Math.max(ctx.limits.maxInMemoryBytes, 1));
    const buf = await readWhole(target, Math.max(limit, MAX_JSON_BYTES));
    if (!buf) {
      ctx.report({
        ruleId: 'MA1006',
        message: `JSON file larger than ${MAX_JSON_BYTES} bytes: not parsed, metadata checks skipped`,
        evidence: `${target.size ?? 'unknown'} bytes`,
      });
      return;
    }
    const text = decodeUtf8(buf);
    if (text === undefined) {
      ctx.report({
        ruleId: 'MA5307',
        message: 'JSON file is not valid UTF-8',
        evidence: target.name,
      });
      return;
    }
    for (const s of findSecrets(text))
      ctx.report({
        ruleId: 'MA5501',
        message: `${s.kind} in ${target.name}`,
        evidence: s.masked,
        line: lineOf(text, s.index),
      });
    let value: Json;
    try {
      value = JSON.parse(text) as Json;
    } catch (err) {
      ctx.report({
        ruleId: 'MA5307',
        message: `${target.name} is not valid JSON: ${(err as Error).message}`,
        evidence: (err as Error).message.slice(0, 120),
      });
      return;
    }
    await analyzeJson(value, target, ctx);
  },
};

/** All content-driven checks on a parsed JSON value (also used for UBJSON and archive members). */
export async function analyzeJson(
  value: unknown,
  target: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  const name = basename(target.name).toLowerCase();
  await checkMetadataTree(value, ctx, target, { where: target.name });
  if (Array.isArray(value)) {
    if (name === 'modules.json') await checkSentenceTransformerModules(value, target, ctx);
    return;
  }
  if (!isObject(value)) return;
  claimIdentity(value, ctx, target.name);

  const refs: CodeRef[] = [];
  if ('auto_map' in value) collectAutoMap(value.auto_map, refs, ctx, target);
  if (isObject(value.custom_pipelines)) {
    for (const [task, spec] of Object.entries(value.custom_pipelines)) {
      if (isObject(spec) && typeof spec.impl === 'string') {
        const r = parseClassReference(`custom_pipelines.${task}.impl`, spec.impl);
        if (r) refs.push(r);
      }
    }
  }
  await checkCustomCode(
    refs,
    target,
    ctx,
    `${target.name} (auto_map / custom_pipelines, loaded with trust_remote_code)`,
  );

  if ('chat_template' in value) checkChatTemplates(value.chat_template, ctx, target.name);
  if ('weight_map' in value) await checkShardIndex(value, target, ctx);
  if (
    name === 'model_index.json' ||
    (typeof value._diffusers_version === 'string' && hasComponents(value))
  )
    await checkDiffusersIndex(value, target, ctx);
  if (isObject(value.auto_mapping)) checkPeftAutoMapping(value.auto_mapping, ctx, target.name);
  if (isObject(value.learner)) checkXgboostModel(value, ctx);
  if (name === '_checkpoint_metadata') {
    if (isObject(value.item_handlers)) checkOrbaxHandlers(value.item_handlers, ctx);
    else if (typeof value.item_handlers === 'string')
      checkOrbaxHandlers({ default: value.item_handlers }, ctx);
  }
}

function hasComponents(v: JsonObject): boolean {
  return Object.entries(v).some(
    ([k, x]) =>
      !k.startsWith('_') &&
      Array.isArray(x) &&
      x.length === 2 &&
      (x[0] === null || typeof x[0] === 'string'),
  );
}

function collectAutoMap(
  autoMap: Json | undefined,
  refs: CodeRef[],
  ctx: ScanContext,
  target: ScanTarget,
): void {
  if (!isObject(autoMap)) {
    ctx.report({
      ruleId: 'MA5307',
      message: `${target.name}: auto_map is not an object`,
      evidence: typeof autoMap,
    });
    return;
  }
  for (const [auto, ref] of Object.entries(autoMap)) {
    // Tokenizers map to [slow, fast] pairs; either may be null.
    const list = Array.isArray(ref) ? ref : [ref];
    for (const item of list) {
      if (item === null) continue;
      if (typeof item !== 'string') {
        ctx.report({
          ruleId: 'MA5307',
          message: `${target.name}: auto_map.${auto} is not a class reference`,
          evidence: JSON.stringify(item).slice(0, 80),
        });
        continue;
      }
      const r = parseClassReference(`auto_map.${auto}`, item);
      if (r) refs.push(r);
    }
  }
}

function checkChatTemplates(templates: Json | undefined, ctx: ScanContext, where: string): void {
  const list: { name: string; template: string }[] = [];
  if (typeof templates === 'string') list.push({ name: 'default', template: templates });
  else if (Array.isArray(templates)) {
    for (const t of templates) {
      if (isObject(t) && typeof t.template === 'string')
        list.push({ name: typeof t.name === 'string' ? t.name : '?', template: t.template });
      else
        ctx.report({
          ruleId: 'MA5307',
          message: `${where}: a chat_template entry is not {name, template}`,
          evidence: JSON.stringify(t).slice(0, 80),
        });
    }
  } else if (isObject(templates)) {
    for (const [name, t] of Object.entries(templates))
      if (typeof t === 'string') list.push({ name, template: t });
  } else if (templates !== null) {
    ctx.report({
      ruleId: 'MA5307',
      message: `${where}: chat_template is neither a string nor a list`,
      evidence: typeof templates,
    });
  }
  for (const { name, template } of list) {
    for (const issue of analyzeTemplate(template)) {
      ctx.report({
        ruleId: issue.ruleId,
        message: `chat template ${JSON.stringify(name)} in ${where}: ${issue.message}`,
        evidence: issue.evidence,
        ...(issue.line !== undefined ? { line: issue.line } : {}),
      });
    }
  }
  ctx.detail(
    'chatTemplates',
    list.map((t) => t.name),
  );
}

function checkPeftAutoMapping(m: JsonObject, ctx: ScanContext, where: string): void {
  const lib = typeof m.parent_library === 'string' ? m.parent_library : undefined;
  const cls = typeof m.base_model_class === 'string' ? m.base_model_class : undefined;
  if (!lib) return;
  const ref = cls ? `${lib}.${cls}` : lib;
  const v = judgeReference(ref);
  if (v.level === 'dangerous')
    ctx.report({
      ruleId: 'MA5308',
      message: `${where}: auto_mapping makes PEFT import ${ref}: ${v.reason}`,
      evidence: ref,
    });
  else if (v.level === 'unknown')
    ctx.report({
      ruleId: 'MA5309',
      message: `${where}: auto_mapping makes PEFT import ${ref}: ${v.reason}`,
      evidence: ref,
    });
}

async function checkSentenceTransformerModules(
  list: Json[],
  target: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  const refs: CodeRef[] = [];
  for (const m of list) {
    if (!isObject(m) || typeof m.type !== 'string') continue;
    const type = m.type;
    if (type.startsWith('sentence_transformers.')) continue;
    const v = judgeReference(type);
    if (v.level === 'dangerous') {
      ctx.report({
        ruleId: 'MA5308',
        message: `modules.json makes sentence-transformers import ${type}: ${v.reason}`,
        evidence: type,
      });
      continue;
    }
    const r = parseClassReference(
      `modules[${String(m.idx ?? '?')}].type`,
      type,
      typeof m.path === 'string' && m.path ? m.path : undefined,
    );
    if (r) refs.push(r);
  }
  await checkCustomCode(refs, target, ctx, 'modules.json (custom sentence-transformers modules)');
}

function checkOrbaxHandlers(handlers: JsonObject, ctx: ScanContext): void {
  for (const [item, typestr] of Object.entries(handlers)) {
    if (typeof typestr !== 'string' || typestr.startsWith('orbax.')) continue;
    const v = judgeReference(typestr);
    ctx.report({
      ruleId: v.level === 'dangerous' ? 'MA5308' : 'MA5309',
      message: `Orbax checkpoint names handler ${typestr} for item ${item}${v.level !== 'known' ? `: ${v.reason}` : ''}`,
      evidence: typestr,
    });
  }
}

function claimIdentity(v: JsonObject, ctx: ScanContext, file: string): void {
  const claim = (field: IdentityClaim['field'], value: Json | undefined, key: string): void => {
    if (typeof value === 'string' && value.trim() && value.length <= 300)
      ctx.claim({ field, value: value.trim(), source: `${file}:${key}` });
  };
  claim('name', v._name_or_path, '_name_or_path');
  claim('family', v.model_type, 'model_type');
  if (Array.isArray(v.architectures))
    for (const a of v.architectures.slice(0, 8)) claim('architecture', a, 'architectures');
  claim('base_model', v.base_model_name_or_path, 'base_model_name_or_path');
  if (typeof v._class_name === 'string') claim('architecture', v._class_name, '_class_name');
  if (isObject(v.quantization_config))
    claim('quantization', v.quantization_config.quant_method, 'quantization_config.quant_method');
  if (typeof v.peft_type === 'string') claim('finetune', v.peft_type, 'peft_type');
}
