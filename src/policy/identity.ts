/**
 * Identity inference: from the evidence gathered about a model (metadata fields, scanner
 * claims, paths) to its name, families, base model, version and licence, remembering which
 * piece of evidence said what. The rules are documented in docs/name-policies.md:
 *
 * - Names (config `_name_or_path`, model card `model_name` and `base_model`, GGUF
 *   `general.name`…) give families by word-bounded alias matching; model card tags give a
 *   family only when a tag is an alias ("llama", "llama-2", not "llama-factory"); licences
 *   used by one family only (llama3, gemma) give it too.
 * - Architectures (`model_type`, `architectures`, GGUF `general.architecture`, diffusers
 *   `_class_name`) give a family that counts, in the default "auto" mode, unless a name from
 *   the metadata explains it (a Mistral GGUF has the llama architecture). A model whose names
 *   say nothing is therefore still known by its architecture.
 * - File, directory and cache path names are weak evidence: they can add families (a
 *   blacklist errs on the side of flagging) but never explain an architecture away and never
 *   make an identity "determined".
 * - Derived families count as their parents (Vicuna is a Llama) unless the architecture
 *   contradicts the parent.
 */
import type { IdentityEvidence, ModelIdentity } from '../findings/finding.js';
import {
  FAMILIES,
  ancestors,
  family,
  familyNames,
  familyOfArchitecture,
  familyOfLicense,
  lineage,
  normaliseArchitecture,
} from './families.js';
import { compactString, findWord } from './terms.js';
import { normaliseVersion, versionAfter } from './version.js';

export type ArchitectureMode = 'auto' | 'always' | 'never';

export type FamilyVia = 'name' | 'tag' | 'license' | 'architecture' | 'lineage' | 'path';

export interface FamilyHit {
  readonly family: string;
  readonly via: FamilyVia;
  readonly evidence: IdentityEvidence;
  /** For lineage: the derived family that brought this one in. */
  readonly of?: string;
  /** Version written after the family's name in the evidence value. */
  readonly version?: string;
}

export interface Inference {
  readonly identity: ModelIdentity;
  /**
   * Evidence the policy matches terms against: names (strong first, then path names), then
   * architectures unknown to the family table.
   */
  readonly names: readonly IdentityEvidence[];
  /** Every family the model counts as, with the evidence that put it there. */
  readonly families: ReadonlyMap<string, FamilyHit>;
  /** Families found directly (not only as the parent of another). */
  readonly leaves: readonly string[];
  /** The model's own metadata evidence (no path names, no pipeline components). */
  readonly evidence: readonly IdentityEvidence[];
}

const NAME_FIELDS = new Set(['name', 'base_model', 'finetune', 'family']);

const VIA_RANK: Record<FamilyVia, number> = {
  name: 0,
  tag: 1,
  lineage: 2,
  architecture: 3,
  license: 4,
  path: 5,
};

export function isPathEvidence(e: IdentityEvidence): boolean {
  return e.source.startsWith('path:');
}

/** A value that is a local path rather than a Hub repository id. */
export function looksLikeLocalPath(v: string): boolean {
  return (
    /^(?:\/|\.{1,2}(?:\/|$)|~|[A-Za-z]:[\\/])/.test(v) ||
    v.includes('\\') ||
    v.split('/').length > 2
  );
}

/** "https://huggingface.co/meta-llama/Llama-2-7b-hf/tree/main" → "meta-llama/Llama-2-7b-hf". */
export function normaliseRepoId(v: string): string {
  const m =
    /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:models\/)?([^/\s]+\/[^/\s?#]+)/i.exec(v);
  return m ? m[1]! : v;
}

/** Names exporters give every model (ONNX "main_graph", Keras "sequential_1"): they identify nothing. */
const GENERIC_NAME =
  /^(?:main_graph|torch[-_]jit(?:[-_]export)?|sequential|functional|model|graph|network|net|module|keras_model|tf_model|saved_model|untitled)(?:[-_]?\d+)?$/i;

/** Building blocks any model may use (a diffusers UNet or VAE): they do not say which model. */
const GENERIC_ARCH =
  /^(unet\w*|autoencoder\w*|vae|vqmodel|transformer\w*|controlnet\w*|functional|sequential)$/;

export function isGenericName(v: string): boolean {
  return GENERIC_NAME.test(v.trim());
}

/** Lower is better: which name to show when several say different things. */
function nameRank(e: IdentityEvidence): number {
  const s = e.source;
  if (isGenericName(e.value)) return 9;
  if (s.endsWith(':model_name') || s.endsWith(':model-index.name')) return 0;
  if (s === 'path:hf-cache') return 4;
  if (s === 'path:directory') return 7;
  if (s === 'path:file') return 8;
  if (s.endsWith(':_name_or_path')) return looksLikeLocalPath(e.value) ? 6 : 2;
  return 1; // scanner claims: GGUF general.name, ONNX metadata, Keras config names…
}

function licenseRank(e: IdentityEvidence): number {
  if (/^README[^:]*:license$/i.test(e.source)) return 0;
  if (/^README[^:]*:license_name$/i.test(e.source)) return 1;
  if (/^LICEN[CS]E/i.test(e.source)) return 4;
  if (e.source.includes('config.json')) return 3;
  return 2;
}

/** The families a name mentions, with where each alias sits in it. */
function familiesInValue(value: string): { id: string; start: number; end: number }[] {
  const found: { id: string; start: number; end: number }[] = [];
  // In "Qwen/Qwen2.5-7B" the repository name, not the organisation, carries the version.
  const slash = value.lastIndexOf('/');
  for (const f of FAMILIES) {
    let best: { start: number; end: number } | undefined;
    for (const alias of familyNames(f)) {
      const term = compactString(alias);
      const m =
        (slash >= 0 ? findWord(term, value, slash + 1) : undefined) ?? findWord(term, value);
      if (m && (!best || m.start < best.start)) best = m;
    }
    if (best) found.push({ id: f.id, ...best });
  }
  const absorbed = new Set(found.flatMap((h) => family(h.id)?.absorbs ?? []));
  return found.filter((h) => !absorbed.has(h.id)).sort((a, b) => a.start - b.start);
}

/** A tag names a family when it is an alias, optionally followed by a version ("llama-2"). */
function familyOfTag(tag: string): string | undefined {
  for (const f of FAMILIES) {
    for (const alias of familyNames(f)) {
      const m = findWord(compactString(alias), tag);
      if (m && m.start === 0 && /^(?:[\s._-]*v?\d+(?:[._-]\d+)*)?$/i.test(tag.slice(m.end)))
        return f.id;
    }
  }
  return undefined;
}

function byNameRank(a: IdentityEvidence, b: IdentityEvidence): number {
  return nameRank(a) - nameRank(b);
}

/** Infers the identity of one model from its evidence. */
export function inferIdentity(
  evidence: readonly IdentityEvidence[],
  mode: ArchitectureMode = 'auto',
): Inference {
  const own = evidence.filter((e) => !e.component);
  const strong = own.filter((e) => !isPathEvidence(e));
  const weak = own.filter(isPathEvidence);

  // Name-type evidence, best first: names, then declared families, base models, fine-tunes.
  const fieldOrder = ['name', 'family', 'base_model', 'finetune'];
  const strongNames = strong
    .filter((e) => NAME_FIELDS.has(e.field))
    .sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field) || byNameRank(a, b));
  const weakNames = weak.filter((e) => NAME_FIELDS.has(e.field)).sort(byNameRank);

  const strongHits: FamilyHit[] = [];
  const claimedUnknown: FamilyHit[] = [];
  for (const e of strongNames) {
    const hits = familiesInValue(e.value);
    for (const h of hits)
      strongHits.push({
        family: h.id,
        via: 'name',
        evidence: e,
        ...optional('version', versionAfter(e.value, h.end)),
      });
    // A declared family the table does not know still counts, if it looks like a family name.
    if (e.field === 'family' && hits.length === 0) {
      const id = e.value.trim().toLowerCase();
      if (/^[a-z0-9][a-z0-9._ -]{0,40}$/.test(id))
        claimedUnknown.push({ family: id, via: 'name', evidence: e });
    }
  }
  for (const e of strong) {
    if (e.field !== 'tag') continue;
    const id = familyOfTag(e.value);
    if (id) strongHits.push({ family: id, via: 'tag', evidence: e });
  }
  for (const e of strong) {
    if (e.field !== 'license') continue;
    const f = familyOfLicense(e.value);
    if (f) strongHits.push({ family: f.id, via: 'license', evidence: e });
  }
  strongHits.push(...claimedUnknown);

  const archHits: FamilyHit[] = [];
  for (const e of strong) {
    if (e.field !== 'architecture') continue;
    const f = familyOfArchitecture(e.value);
    if (f) archHits.push({ family: f.id, via: 'architecture', evidence: e });
  }

  const weakHits: FamilyHit[] = [];
  for (const e of weakNames)
    for (const h of familiesInValue(e.value))
      weakHits.push({
        family: h.id,
        via: 'path',
        evidence: e,
        ...optional('version', versionAfter(e.value, h.end)),
      });

  const strongIds = new Set(strongHits.map((h) => h.family));
  const archIds = new Set(archHits.map((h) => h.family));
  const explains = (n: string, a: string): boolean =>
    lineage(n).some((l) => l === a || (family(l)?.archCompat ?? []).includes(a));
  const explained = (a: string): boolean => [...strongIds].some((n) => explains(n, a));
  const countedArch = archHits.filter(
    (h) => mode === 'always' || (mode === 'auto' && !explained(h.family)),
  );
  // A parent counts when no architecture is known or one is consistent with it.
  const parentConsistent = (p: string): boolean =>
    archIds.size === 0 || [...archIds].some((a) => lineage(a).includes(p) || explains(p, a));

  const found = new Map<string, FamilyHit>();
  const consider = (h: FamilyHit): void => {
    if (!found.has(h.family)) found.set(h.family, h);
  };
  // Order of preference for the primary family: names that agree with the architecture,
  // the architecture itself when unexplained, other names, then paths.
  const agrees = (h: FamilyHit): boolean =>
    archIds.size === 0 || [...archIds].some((a) => explains(h.family, a));
  strongHits.filter(agrees).forEach(consider);
  countedArch.forEach(consider);
  strongHits.forEach(consider);
  weakHits.forEach(consider);

  // A parent reached through a derived family's name explains more than a licence or a path.
  const families = new Map(found);
  for (const h of found.values()) {
    for (const p of ancestors(h.family)) {
      const existing = families.get(p);
      const weaker = existing && VIA_RANK[existing.via] > VIA_RANK.lineage;
      if ((!existing || weaker) && parentConsistent(p))
        families.set(p, { family: p, via: 'lineage', of: h.family, evidence: h.evidence });
    }
  }
  const foundIds = [...found.keys()];
  const leaves = foundIds.filter(
    (id) =>
      !foundIds.some(
        (other) => other !== id && ancestors(other).includes(id) && parentConsistent(id),
      ),
  );
  const primary = leaves.length ? found.get(leaves[0]!) : undefined;

  const sources: Record<string, string> = {};
  const pick = (
    key: string,
    e: IdentityEvidence | undefined,
    value?: string,
  ): string | undefined => {
    if (!e) return undefined;
    sources[key] = e.source;
    return value ?? e.value;
  };

  const nameEvidence = [...strongNames.filter((e) => e.field === 'name'), ...weakNames].sort(
    byNameRank,
  )[0];
  const name = pick(
    'name',
    nameEvidence,
    nameEvidence && looksLikeLocalPath(nameEvidence.value) && !isPathEvidence(nameEvidence)
      ? nameEvidence.value
          .replace(/[\\/]+$/, '')
          .split(/[\\/]/)
          .pop()
      : undefined,
  );
  const familyId = primary ? pick('family', primary.evidence, primary.family) : undefined;

  const archEvidence = strong.find((e) => e.field === 'architecture');
  const architecture = pick('architecture', archEvidence);

  // GGUF has both general.base_model.0.name ("Meta Llama 3.1 8B") and .repo_url: prefer the id.
  const bases = strong.filter((e) => e.field === 'base_model');
  const baseEvidence =
    bases.find((e) => /^[\w.-]+\/[\w.-]+$/.test(normaliseRepoId(e.value))) ?? bases[0];
  const baseModel = pick(
    'baseModel',
    baseEvidence,
    baseEvidence && normaliseRepoId(baseEvidence.value),
  );

  const versionEvidence = strong.find((e) => e.field === 'version' && normaliseVersion(e.value));
  let version = pick(
    'version',
    versionEvidence,
    versionEvidence && normaliseVersion(versionEvidence.value),
  );
  if (!version && primary?.version) version = pick('version', primary.evidence, primary.version);

  const licenses = strong
    .filter((e) => e.field === 'license')
    .sort((a, b) => licenseRank(a) - licenseRank(b));
  const cardOther = licenses.find((e) => licenseRank(e) === 0 && e.value.toLowerCase() === 'other');
  const cardName = licenses.find((e) => licenseRank(e) === 1);
  const licenseEvidence = cardOther && cardName ? cardName : licenses[0];
  const license = pick('license', licenseEvidence, licenseEvidence?.value.toLowerCase());

  const authorEvidence =
    strong.find((e) => e.field === 'author') ??
    [...strongNames, ...weakNames].find(
      (e) =>
        e.field === 'name' && !looksLikeLocalPath(e.value) && /^[\w.-]+\/[\w.-]+$/.test(e.value),
    );
  const author = pick(
    'author',
    authorEvidence,
    authorEvidence && authorEvidence.field !== 'author'
      ? authorEvidence.value.split('/')[0]
      : undefined,
  );

  const determined =
    strongNames.some((e) => !isGenericName(e.value)) ||
    strongIds.size > 0 ||
    strong.some(
      (e) => e.field === 'architecture' && !GENERIC_ARCH.test(normaliseArchitecture(e.value)),
    );

  const identity: ModelIdentity = {
    determined,
    ...optional('name', name),
    ...optional('family', familyId),
    families: [...families.keys()],
    ...optional('architecture', architecture),
    ...optional('baseModel', baseModel),
    ...optional('version', version),
    ...optional('license', license),
    ...optional('author', author),
    sources,
  };
  return {
    identity,
    // Architectures the family table does not know (olmo2, cohere…) can still be named by a
    // deny entry: they are matched like names, unless names alone are to count.
    names: [
      ...strongNames,
      ...weakNames,
      ...(mode === 'never'
        ? []
        : strong.filter((e) => e.field === 'architecture' && !familyOfArchitecture(e.value))),
    ],
    families,
    leaves,
    evidence: strong,
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}
