/**
 * The engine's policy stage for names: after every file is scanned, group the files into
 * models, gather the evidence of what each model is (metadata files beside it, identity claims
 * the scanners made, paths), infer its identity and, when a name policy is in force, evaluate
 * it. Policy findings are added to the model's files; nothing already found is changed, so
 * identity can never lower the severity of a security finding.
 */
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { readdir } from 'node:fs/promises';
import {
  compareFindings,
  type FileResult,
  type Finding,
  type IdentityEvidence,
  type ModelResult,
} from '../findings/finding.js';
import { getRule } from '../rules/registry.js';
import type { ModelUnit } from '../discover/types.js';
import {
  claimsOf,
  groupModels,
  looksLikeModel,
  MetadataCache,
  normalisePath,
  type ModelGroup,
} from './grouping.js';
import { inferIdentity, type Inference } from './identity.js';
import type { DirMetadata } from './dir-metadata.js';
import { evaluatePolicy, type NamePolicy, type PolicyOutcome } from './name-policy.js';

/** Evidence kept per model. */
const MAX_EVIDENCE = 200;
/** Hugging Face cache snapshots read per model. */
const MAX_SNAPSHOTS = 4;
const MAX_VALUE = 512;
/** Claim fields are short identifiers (name, family, size_label…); others are ignored. */
const CLAIM_FIELD = /^[a-z][a-z_]{0,31}$/;

export interface StageOptions {
  /** The paths the user asked to scan (they bound where metadata is looked for). */
  readonly roots: readonly string[];
  /** The model units discovery found (src/discover/types.ts); FileResult.unit points into them. */
  readonly units?: readonly ModelUnit[];
  readonly policy?: NamePolicy;
  readonly signal?: AbortSignal;
}

export interface StageResult {
  readonly files: FileResult[];
  readonly models: ModelResult[];
}

/** Groups, identifies and (with a policy) judges the models the scanned files make up. */
export async function identifyModels(
  files: readonly FileResult[],
  options: StageOptions,
): Promise<StageResult> {
  const cache = new MetadataCache();
  const groups = await groupModels(files, options.roots, cache);
  const added = new Map<string, Finding[]>();
  const models: ModelResult[] = [];
  for (const group of groups) {
    if (options.signal?.aborted) break;
    const { model, findings } = await judgeModel(group, cache, options.policy);
    models.push(model);
    for (const [path, list] of findings) added.set(path, [...(added.get(path) ?? []), ...list]);
  }
  const out = files.map((f) => {
    const extra = added.get(f.path);
    if (!extra?.length) return f;
    return {
      ...f,
      status: 'findings' as const,
      findings: [...f.findings, ...extra].sort(compareFindings),
    };
  });
  return { files: out, models };
}

async function gatherEvidence(
  group: ModelGroup,
  cache: MetadataCache,
): Promise<{ evidence: IdentityEvidence[]; problems: string[] }> {
  const metas: DirMetadata[] = [];
  const path: IdentityEvidence[] = [];
  let components: readonly string[] = [];
  if (group.kind === 'directory') {
    const root = await cache.get(group.root);
    components = root.components;
    metas.push(root);
    for (const c of root.components)
      metas.push(await cache.get(join(group.root, c), group.root, c));
    path.push({ field: 'name', value: basename(resolve(group.root)), source: 'path:directory' });
  } else if (group.kind === 'hf-cache') {
    const snapshots = join(group.root, 'snapshots');
    const revisions = (await readdir(snapshots).catch(() => [] as string[])).sort();
    for (const rev of revisions.slice(-MAX_SNAPSHOTS))
      metas.push(await cache.get(join(snapshots, rev), group.root));
    path.push({ field: 'name', value: group.repoId!, source: 'path:hf-cache' });
  } else {
    const stem = basename(group.root).replace(/(\.[A-Za-z0-9_]{1,12})+$/, (ext) =>
      // "llama-2-7b.Q4_K_M.gguf" keeps its quantisation label, loses the extension.
      ext.replace(/\.[A-Za-z0-9]{1,12}$/, ''),
    );
    path.push({ field: 'name', value: stem || basename(group.root), source: 'path:file' });
  }

  const evidence: IdentityEvidence[] = [];
  const seen = new Set<string>();
  const push = (e: IdentityEvidence): void => {
    const key = `${e.field}\0${e.value.toLowerCase()}\0${e.path ?? e.source}\0${e.component ?? ''}`;
    if (seen.has(key) || evidence.length >= MAX_EVIDENCE) return;
    seen.add(key);
    evidence.push(e);
  };
  for (const m of metas) m.evidence.forEach(push);
  for (const file of group.files) {
    // Claims from a pipeline component's files (text_encoder/config.json) describe the
    // component, not the pipeline.
    const first = relative(group.root, file.path).split(/[\\/]/)[0]!;
    const component = components.includes(first) ? first : undefined;
    for (const c of claimsOf(file)) {
      const e = claimToEvidence(c, file.path, component);
      if (e) push(e);
    }
  }
  path.forEach(push);
  return { evidence, problems: metas.flatMap((m) => m.problems) };
}

/**
 * Keys that name an architecture, whatever field a scanner files them under: a config's
 * model_type says which code loads the weights, not whose weights they are (llama.cpp calls a
 * Mistral "llama"), so it must not count as a name that explains an architecture away.
 */
const ARCHITECTURE_KEY = /(?:^|[.:_])(model_type|architectures?|_class_name|class_name)$/i;

/** A scanner's identity claim as evidence, interpreted by its source key; malformed claims are ignored. */
function claimToEvidence(
  c: unknown,
  path: string,
  component: string | undefined,
): IdentityEvidence | undefined {
  if (typeof c !== 'object' || c === null) return undefined;
  const { field, value, source } = c as Record<string, unknown>;
  if (typeof field !== 'string' || !CLAIM_FIELD.test(field)) return undefined;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const src = typeof source === 'string' && source ? source.slice(0, 200) : 'claim';
  const interpreted =
    (field === 'family' || field === 'name') && ARCHITECTURE_KEY.test(src) ? 'architecture' : field;
  return {
    field: interpreted,
    value: value.trim().slice(0, MAX_VALUE),
    source: src,
    path,
    ...(component ? { component } : {}),
  };
}

/** Every spelling of a path an exception glob may be written against. */
function pathVariants(p: string): string[] {
  const out = new Set([normalisePath(p)]);
  const abs = resolve(p);
  out.add(normalisePath(abs));
  const rel = relative(process.cwd(), abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) out.add(normalisePath(rel));
  return [...out];
}

/** The file a model's policy findings are attached to. */
function anchorFile(group: ModelGroup, evidencePath: string | undefined): FileResult {
  const byEvidence = evidencePath ? group.files.find((f) => f.path === evidencePath) : undefined;
  return byEvidence ?? group.files.find(looksLikeModel) ?? group.files[0]!;
}

function makeFinding(ruleId: string, message: string, evidence: string, path: string): Finding {
  const rule = getRule(ruleId);
  return Object.freeze({
    ruleId: rule.id,
    severity: rule.severity,
    message,
    location: Object.freeze({ path }),
    evidence,
    ...(rule.cwe ? { cwe: rule.cwe } : {}),
    scanner: 'name-policy',
  });
}

async function judgeModel(
  group: ModelGroup,
  cache: MetadataCache,
  policy: NamePolicy | undefined,
): Promise<{ model: ModelResult; findings: Map<string, Finding[]> }> {
  const findings = new Map<string, Finding[]>();
  const files = group.files.map((f) => f.path);
  let evidence: IdentityEvidence[] = [];
  let problems: string[] = [];
  let inf: Inference | undefined;
  let outcome: PolicyOutcome | undefined;
  try {
    ({ evidence, problems } = await gatherEvidence(group, cache));
    inf = inferIdentity(evidence, policy?.architecture ?? 'auto');
    if (policy) {
      const paths = [group.root, ...files].flatMap(pathVariants);
      outcome = evaluatePolicy(policy, inf, normalisePath(group.root), paths, problems);
      for (const v of outcome.findings) {
        const anchor = anchorFile(group, v.path);
        const list = findings.get(anchor.path) ?? [];
        list.push(makeFinding(v.ruleId, v.message, v.evidence, anchor.path));
        findings.set(anchor.path, list);
      }
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    problems.push(`internal error: ${message}`);
    if (policy) {
      const anchor = anchorFile(group, undefined);
      findings.set(anchor.path, [
        makeFinding(
          'MA6008',
          `the name policy could not be evaluated for model ${normalisePath(group.root)}: ${message}`,
          message,
          anchor.path,
        ),
      ]);
      outcome = {
        decision: 'violation',
        findings: [{ ruleId: 'MA6008', message, evidence: message }],
      };
    }
  }
  const identity = inf?.identity ?? { determined: false, families: [], sources: {} };
  const model: ModelResult = {
    root: group.root,
    kind: group.kind,
    identity,
    evidence,
    files,
    ...(problems.length ? { problems } : {}),
    ...(outcome
      ? {
          policy: {
            decision: outcome.decision,
            rules: [...new Set(outcome.findings.map((f) => f.ruleId))],
            ...(outcome.exception ? { exception: outcome.exception } : {}),
          },
        }
      : {}),
  };
  return { model, findings };
}
