/**
 * YAML metadata: NeMo and Hydra configs (`_target_` instantiation, the model `target`),
 * MLflow `MLmodel` files and their environment files, Lightning hparams and any other YAML.
 * Python object tags are flagged from the raw text; the document is parsed with alias
 * expansion bounded, never with custom tags resolved.
 */
import { basename } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ScanContext, ScanTarget, Scanner } from '../base.js';
import { checkMetadataTree } from './common/metadata-tree.js';
import { decodeUtf8, readWhole } from './common/read.js';
import { judgeReference } from './common/refs.js';
import { findSecrets, lineOf } from './common/secrets.js';
import { checkMlflowModel } from './mlflow.js';
import { checkRequirementLines } from './requirements.js';

const MAX_YAML_BYTES = 16 * 1024 * 1024;
const PYTHON_TAG =
  /!!python\/[A-Za-z_/:.]+|!<tag:yaml\.org,2002:python\/[^>]*>|tag:yaml\.org,2002:python\//g;

export const YAML_RULES = [
  'MA5301',
  'MA5302',
  'MA5303',
  'MA5304',
  'MA5307',
  'MA5308',
  'MA5309',
  'MA5310',
  'MA5311',
  'MA5501',
  'MA5502',
  'MA5503',
  'MA5504',
  'MA1006',
];

export const yamlScanner: Scanner = {
  id: 'yaml-metadata',
  formats: ['yaml-metadata', 'mlflow-mlmodel'],
  rules: YAML_RULES,
  async scan(target, ctx) {
    const buf = await readWhole(target, MAX_YAML_BYTES);
    if (!buf) {
      ctx.report({
        ruleId: 'MA1006',
        message: `YAML file over ${MAX_YAML_BYTES} bytes was not parsed`,
        evidence: `${target.size ?? '?'} bytes`,
      });
      return;
    }
    const text = decodeUtf8(buf) ?? buf.toString('latin1');
    await analyzeYamlText(text, target, ctx);
  },
};

export async function analyzeYamlText(
  text: string,
  target: ScanTarget,
  ctx: ScanContext,
  where = target.name,
): Promise<unknown> {
  PYTHON_TAG.lastIndex = 0;
  let tags = 0;
  for (let m = PYTHON_TAG.exec(text); m && tags < 10; m = PYTHON_TAG.exec(text), tags++)
    ctx.report({
      ruleId: 'MA5310',
      message: `${where} uses the YAML tag ${m[0]}: unsafe loaders import and call it`,
      evidence: m[0],
      line: lineOf(text, m.index),
    });
  for (const s of findSecrets(text))
    ctx.report({
      ruleId: 'MA5501',
      message: `${s.kind} in ${where}`,
      evidence: s.masked,
      line: lineOf(text, s.index),
    });
  let docs: unknown[];
  try {
    const parsed = parseAllDocuments(text, {
      uniqueKeys: false,
      strict: false,
      prettyErrors: false,
    });
    const list = Array.isArray(parsed) ? parsed : [parsed];
    docs = [];
    for (const d of list) {
      if (d.errors.length) throw new Error(d.errors[0]!.message);
      docs.push(d.toJS({ maxAliasCount: 1000 }));
    }
  } catch (err) {
    ctx.report({
      ruleId: 'MA5307',
      message: `${where} is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
      evidence: (err as Error).message.slice(0, 120),
    });
    return undefined;
  }
  const name = basename(target.name);
  for (const doc of docs) {
    await checkMetadataTree(doc, ctx, target, { where });
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) continue;
    const obj = doc as Record<string, unknown>;
    if (name === 'MLmodel' || name.toLowerCase() === 'mlmodel')
      await checkMlflowModel(obj, target, ctx);
    // NeMo restores the model class named by the top-level `target`.
    if (typeof obj.target === 'string' && /\./.test(obj.target)) {
      const v = judgeReference(obj.target);
      if (v.level === 'dangerous')
        ctx.report({
          ruleId: 'MA5308',
          message: `${where}: target ${obj.target} is the class the loader imports: ${v.reason}`,
          evidence: obj.target,
        });
      else if (v.level === 'unknown')
        ctx.report({
          ruleId: 'MA5309',
          message: `${where}: target ${obj.target} is imported by the loader: ${v.reason}`,
          evidence: obj.target,
        });
      else ctx.claim({ field: 'architecture', value: obj.target, source: `${where}:target` });
    }
    if (
      typeof obj.name === 'string' &&
      obj.name.length < 200 &&
      (name === 'model_config.yaml' || name === 'MLmodel')
    )
      ctx.claim({ field: 'name', value: obj.name, source: `${where}:name` });
    // conda.yaml / python_env.yaml: pip requirements installed by serving tools.
    const deps = obj.dependencies;
    if (Array.isArray(deps)) {
      const pipLines: string[] = [];
      for (const d of deps) {
        if (typeof d === 'object' && d !== null && Array.isArray((d as { pip?: unknown }).pip))
          for (const p of (d as { pip: unknown[] }).pip)
            if (typeof p === 'string') pipLines.push(p);
        if (typeof d === 'string' && /python_env/i.test(name)) pipLines.push(d);
      }
      if (pipLines.length) checkRequirementLines(pipLines, ctx, where);
    }
  }
  return docs[0];
}
