/**
 * Checks every metadata tree (parsed JSON or YAML) gets, whatever file it came from:
 * credentials in keys named like secrets, URLs in fields loaders fetch, Hydra `_target_`
 * instantiation of callables, and interpolation resolvers that evaluate code.
 */
import { mayHidePayload } from '../../../analysis/encoded/sniff.js';
import { MIN_ENCODED_LENGTH } from '../../../analysis/encoded/text-encodings.js';
import type { ScanContext, ScanTarget } from '../../base.js';
import { scanHiddenPayload } from '../../shared/hidden-payloads.js';
import { judgeReference } from './refs.js';
import { isLoaderKey, isSecretKeyValue, isUrl, mask } from './secrets.js';

const MAX_NODES = 2_000_000;
const MAX_DEPTH = 256;
const MAX_REPORTS = 50;
const EVAL_RESOLVER = /\$\{\s*(eval|python|exec|py|shell|sh|call|import)\s*:/i;

export interface MetadataOptions {
  /** Label for messages, e.g. "config.json". */
  readonly where: string;
  /** Whether URLs in loader keys are reported (not for model cards). */
  readonly remoteReferences?: boolean;
}

export async function checkMetadataTree(
  root: unknown,
  ctx: ScanContext,
  target: ScanTarget,
  opts: MetadataOptions,
): Promise<void> {
  let nodes = 0;
  const encoded: { path: string; value: string }[] = [];
  let reports = 0;
  const report = (f: Parameters<ScanContext['report']>[0]): void => {
    if (reports++ < MAX_REPORTS) ctx.report(f);
  };
  const visit = (value: unknown, path: string, key: string, depth: number): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      if (value.length >= MIN_ENCODED_LENGTH && mayHidePayload(value))
        encoded.push({ path, value });
      if (isSecretKeyValue(key, value))
        report({
          ruleId: 'MA5502',
          message: `${opts.where}: ${path} holds a value that looks like a credential`,
          evidence: `${path} = ${mask(value, 3)}`,
        });
      if (opts.remoteReferences !== false && isUrl(value) && isLoaderKey(key))
        report({
          ruleId: 'MA5503',
          message: `${opts.where}: ${path} points the loader at ${value.slice(0, 200)}`,
          evidence: value.slice(0, 200),
        });
      if (EVAL_RESOLVER.test(value))
        report({
          ruleId: 'MA5311',
          message: `${opts.where}: ${path} uses an interpolation resolver that evaluates code`,
          evidence: value.slice(0, 200),
        });
      if (key === '_target_' || key === '__target__' || key === '_target') {
        const v = judgeReference(value);
        if (v.level === 'dangerous')
          report({
            ruleId: 'MA5308',
            message: `${opts.where}: ${path} makes hydra.utils.instantiate call ${value}: ${v.reason}`,
            evidence: value,
          });
        else if (v.level === 'unknown')
          report({
            ruleId: 'MA5309',
            message: `${opts.where}: ${path} instantiates ${value}: ${v.reason}`,
            evidence: value,
          });
      }
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], `${path}[${i}]`, key, depth + 1);
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        visit(v, path ? `${path}.${k}` : k, k, depth + 1);
    }
  };
  visit(root, '', '', 0);
  // Values hiding a payload behind encodings are decoded and scanned as members.
  for (const { path, value } of encoded)
    await scanHiddenPayload(ctx, target, value, { label: `${opts.where}:${path || '$'}` });
}

/** Secrets found in raw text, reported with their line. */
export { findSecrets, lineOf } from './secrets.js';
