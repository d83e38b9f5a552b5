/**
 * The engine's policy stage for names, a pure function of the scanned files' results and of
 * discovery's output: group the files into models, gather the evidence of what each model is
 * (the claims its files' metadata made, context files that discovery added included, paths),
 * infer its identity and, when a name policy is in force, evaluate it. It never reads the disk.
 * Policy findings are added to the model's files; nothing already found is changed, so
 * identity can never lower the severity of a security finding.
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  compareFindings,
  severityRank,
  type FileResult,
  type Finding,
  type IdentityEvidence,
  type ModelResult,
  type SkippedEntry,
} from '../findings/finding.js';
import { getRule } from '../rules/registry.js';
import type { ModelUnit } from '../discover/types.js';
import {
  directoryFacts,
  groupModels,
  looksLikeModel,
  metadataOf,
  normalisePath,
  skippedSource,
  type DirectoryFacts,
  type MetadataSource,
  type ModelGroup,
} from './grouping.js';
import { inferIdentity, type Inference } from './identity.js';
import {
  evaluatePolicy,
  type NamePolicy,
  type PolicyOutcome,
  type PolicyViolation,
} from './name-policy.js';

/** Evidence kept per model. */
const MAX_EVIDENCE = 200;

export interface StageOptions {
  /** The paths the user asked to scan (they bound where metadata is looked for). */
  readonly roots: readonly string[];
  /** The model units discovery found (src/discover/types.ts); FileResult.unit points into them. */
  readonly units?: readonly ModelUnit[];
  /** Entries discovery passed over: a metadata file among them is a problem of its model. */
  readonly skipped?: readonly SkippedEntry[];
  readonly policy?: NamePolicy;
  readonly signal?: AbortSignal;
}

export interface StageResult {
  readonly files: FileResult[];
  readonly models: ModelResult[];
}

/** Groups, identifies and (with a policy) judges the models the scanned files make up. */
export function identifyModels(files: readonly FileResult[], options: StageOptions): StageResult {
  const scanned = new Set(files.map((f) => resolve(f.path)));
  const sources = [
    ...files.map(metadataOf).filter((m): m is MetadataSource => m !== undefined),
    ...(options.skipped ?? []).flatMap((s) =>
      scanned.has(resolve(s.path)) ? [] : (skippedSource(s) ?? []),
    ),
  ];
  const facts = directoryFacts(sources);
  const groups = groupModels(files, options.roots, facts, options.units);
  const added = new Map<string, Finding[]>();
  const models: ModelResult[] = [];
  for (const group of groups) {
    if (options.signal?.aborted) break;
    const { model, findings } = judgeModel(group, facts, options.policy);
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

/** Metadata files first (as loaders read them), then the rest in scan order. */
const METADATA_ORDER = [
  /^config\.json$/,
  /^generation_config\.json$/,
  /^adapter_config\.json$/,
  /^model_index\.json$/,
  /^readme\.(md|markdown)$/i,
  /^licen[cs]e(\.(txt|md))?$/i,
];

function metadataRank(path: string): number {
  const name = basename(path);
  const i = METADATA_ORDER.findIndex((re) => re.test(name));
  return i < 0 ? METADATA_ORDER.length : i;
}

/** Where a model's metadata lives, and which component a file belongs to. */
interface ModelLayout {
  /** Directories whose metadata speaks for the model, in reading order (root, components). */
  readonly dirs: readonly string[];
  readonly components: readonly string[];
}

function layoutOf(group: ModelGroup, facts: ReadonlyMap<string, DirectoryFacts>): ModelLayout {
  if (group.kind === 'directory') {
    const components = facts.get(resolve(group.root))?.components ?? [];
    return {
      dirs: [resolve(group.root), ...components.map((c) => resolve(group.root, c))],
      components,
    };
  }
  if (group.kind === 'hf-cache') {
    // The cache entry's snapshots, oldest first (discovery took at most a few of them).
    const root = resolve(group.root);
    const all = [...facts.keys(), ...group.files.map((f) => resolve(dirname(f.path)))];
    const dirs = [...new Set(all.filter((d) => d.startsWith(root + sep)))].sort();
    return { dirs, components: [] };
  }
  return { dirs: [], components: [] };
}

function gatherEvidence(
  group: ModelGroup,
  facts: ReadonlyMap<string, DirectoryFacts>,
): { evidence: IdentityEvidence[]; problems: string[] } {
  const layout = layoutOf(group, facts);
  const componentOf = (p: string): string | undefined => {
    const first = relative(group.root, p).split(/[\\/]/)[0]!;
    return layout.components.includes(first) ? first : undefined;
  };
  const dirIndex = (p: string): number => layout.dirs.indexOf(resolve(dirname(p)));

  // Claims of the metadata files (as loaders read them: the root's, then each component's;
  // the ones discovery added as context count among them), then of every file of the model
  // in scan order.
  const speakers = group.files.map((file, order) => {
    const rank = metadataRank(file.path);
    const dir = dirIndex(file.path);
    const meta = rank < METADATA_ORDER.length && dir >= 0;
    return { file, key: meta ? [0, dir, rank, order] : [1, 0, 0, order] };
  });
  speakers.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return 0;
  });

  const evidence: IdentityEvidence[] = [];
  const seen = new Set<string>();
  const push = (e: IdentityEvidence): void => {
    const key = `${e.field}\0${e.value.toLowerCase()}\0${e.path ?? e.source}\0${e.component ?? ''}`;
    if (seen.has(key) || evidence.length >= MAX_EVIDENCE) return;
    seen.add(key);
    evidence.push(e);
  };
  for (const { file } of speakers) {
    const component = componentOf(file.path);
    const name = basename(file.path);
    for (const c of file.claims ?? []) {
      // A component's config reads "text_encoder/config.json:_name_or_path".
      const source =
        component && c.source.startsWith(`${name}:`) ? `${component}/${c.source}` : c.source;
      push({
        field: c.field,
        value: c.value,
        source,
        path: file.path,
        ...(component ? { component } : {}),
      });
    }
  }
  for (const e of pathEvidence(group)) push(e);

  // Metadata that could not be read: the model's own directories', and its files'.
  const sources = [
    ...layout.dirs.flatMap((d) => facts.get(d)?.sources ?? []),
    ...group.files.map(metadataOf).filter((m): m is MetadataSource => m !== undefined),
  ];
  const problems: string[] = [];
  for (const s of sources) {
    const component = componentOf(s.path);
    const label = `${component ? `${component}/` : ''}${basename(s.path)}`;
    for (const p of s.problems)
      if (!problems.includes(`${label}: ${p}`)) problems.push(`${label}: ${p}`);
  }
  return { evidence, problems };
}

/** What the model's paths say: weak evidence, never enough to determine an identity. */
function pathEvidence(group: ModelGroup): IdentityEvidence[] {
  if (group.kind === 'directory')
    return [{ field: 'name', value: basename(resolve(group.root)), source: 'path:directory' }];
  if (group.kind === 'hf-cache')
    return [{ field: 'name', value: group.repoId!, source: 'path:hf-cache' }];
  const stem = basename(group.root).replace(/(\.[A-Za-z0-9_]{1,12})+$/, (ext) =>
    // "llama-2-7b.Q4_K_M.gguf" keeps its quantisation label, loses the extension.
    ext.replace(/\.[A-Za-z0-9]{1,12}$/, ''),
  );
  return [{ field: 'name', value: stem || basename(group.root), source: 'path:file' }];
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

function judgeModel(
  group: ModelGroup,
  facts: ReadonlyMap<string, DirectoryFacts>,
  policy: NamePolicy | undefined,
): { model: ModelResult; findings: Map<string, Finding[]> } {
  const findings = new Map<string, Finding[]>();
  const files = group.files.map((f) => f.path);
  let evidence: IdentityEvidence[] = [];
  let problems: string[] = [];
  let inf: Inference | undefined;
  let outcome: PolicyOutcome | undefined;
  try {
    ({ evidence, problems } = gatherEvidence(group, facts));
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
            ...optionalEvidence(decisiveEvidence(outcome.findings)),
          },
        }
      : {}),
  };
  return { model, findings };
}

/** The evidence the most severe policy finding rests on (the first of equals). */
function decisiveEvidence(findings: readonly PolicyViolation[]): IdentityEvidence | undefined {
  let best: PolicyViolation | undefined;
  for (const f of findings) {
    if (!f.subject) continue;
    if (
      !best ||
      severityRank(getRule(f.ruleId).severity) > severityRank(getRule(best.ruleId).severity)
    )
      best = f;
  }
  return best?.subject;
}

function optionalEvidence(e: IdentityEvidence | undefined): { evidence?: IdentityEvidence } {
  return e ? { evidence: e } : {};
}
