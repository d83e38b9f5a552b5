/**
 * A compiled name policy and its evaluation on one model's inferred identity.
 *
 * - deny: a model matching any entry is denied (MA6001). Entries match names (every
 *   name-type piece of evidence: names, base models, fine-tunes, declared families, path
 *   names) and families (the inferred families, parents of derived families included).
 * - allow: when present, a model must be allowed (MA6002 otherwise): a `name:` entry matching
 *   one of its names, or every family found for it (leaves, not parents) covered by a
 *   `family:` or plain entry. Deny wins over allow.
 * - version constraints narrow an entry; a deny entry whose version is unknown still matches
 *   (fail closed), an allow entry whose version is unknown does not.
 * - licences: denied licences (MA6005), an allow list of licences (MA6005 for others), and an
 *   unknown licence when one is required or an allow list exists (MA6006).
 * - requireIdentity turns "identity unknown" (MA6003, INFO) into MA6004 (ERROR).
 * - exceptions waive name-policy rules (never security rules) for models under given paths;
 *   each waived violation is still reported as MA6009 (INFO) with the exception's reason.
 */
import type { IdentityEvidence, ModelIdentity } from '../findings/finding.js';
import { ancestors, family, familyNames } from './families.js';
import type { ArchitectureMode, FamilyHit, Inference } from './identity.js';
import { isPathEvidence } from './identity.js';
import { compactString, matchTerm, termNamesFamily, type Term } from './terms.js';
import { parseVersion, versionAfter, type VersionConstraint } from './version.js';

export type EntryKind = 'any' | 'name' | 'family';

export interface PolicyEntry {
  readonly kind: EntryKind;
  readonly term: Term;
  readonly version?: VersionConstraint;
  readonly reason?: string;
  /** Where the entry came from: "--blacklist", "policy.yaml: deny[2]". */
  readonly origin: string;
}

export interface LicenseRules {
  readonly allow: readonly Term[];
  readonly deny: readonly Term[];
  readonly requireKnown: boolean;
}

export interface PolicyException {
  readonly raw: string;
  readonly patterns: readonly RegExp[];
  /** Rule IDs waived; undefined: every name-policy rule. */
  readonly rules?: readonly string[];
  readonly reason?: string;
  readonly origin: string;
}

export interface NamePolicy {
  readonly deny: readonly PolicyEntry[];
  readonly allow: readonly PolicyEntry[];
  readonly licenses?: LicenseRules;
  readonly requireIdentity: boolean;
  readonly architecture: ArchitectureMode;
  readonly exceptions: readonly PolicyException[];
}

export interface PolicyViolation {
  readonly ruleId: string;
  readonly message: string;
  readonly evidence: string;
  /** The file holding the evidence, when it is a file of the model. */
  readonly path?: string;
  /** The identity evidence the finding rests on, when it rests on one. */
  readonly subject?: IdentityEvidence;
}

export interface PolicyOutcome {
  readonly decision: 'pass' | 'violation' | 'exempt';
  readonly findings: readonly PolicyViolation[];
  readonly exception?: string;
}

/** Rules that are violations (ERROR) rather than information. */
export const VIOLATION_RULES = new Set(['MA6001', 'MA6002', 'MA6004', 'MA6005', 'MA6006']);

interface EntryMatch {
  readonly entry: PolicyEntry;
  readonly what: string;
  readonly evidence: IdentityEvidence;
  readonly version?: string;
  readonly versionUnknown?: boolean;
}

export function describeEvidence(e: IdentityEvidence): string {
  return `${e.source} = ${JSON.stringify(e.value)}${e.path && !isPathEvidence(e) ? ` (${e.path})` : ''}`;
}

function evidenceOf(e: IdentityEvidence): {
  evidence: string;
  path?: string;
  subject: IdentityEvidence;
} {
  return {
    evidence: describeEvidence(e),
    ...(e.path && !isPathEvidence(e) ? { path: e.path } : {}),
    subject: e,
  };
}

const PATH_LABELS: Record<string, string> = {
  'path:directory': 'directory name',
  'path:file': 'file name',
  'path:hf-cache': 'Hugging Face cache path',
};

function subjectLabel(e: IdentityEvidence): string {
  return PATH_LABELS[e.source] ?? e.field.replace('_', ' ');
}

function familyLabel(id: string, hit: FamilyHit): string {
  if (hit.via === 'lineage' && hit.of) return `family ${id} (${hit.of} is a ${id} derivative)`;
  if (hit.via === 'architecture') return `family ${id} (from its architecture)`;
  if (hit.via === 'license') return `family ${id} (from its licence)`;
  return `family ${id}`;
}

/**
 * The version of a family as written after its name. A parent reached through a derived
 * family has no version of its own (Vicuna 1.5 says nothing about which Llama it is).
 */
function familyVersion(hit: FamilyHit): string | undefined {
  return hit.via === 'lineage' ? undefined : hit.version;
}

/** Tests an entry's version constraint: true, false, or undefined when the version is unknown. */
function versionOk(entry: PolicyEntry, version: string | undefined): boolean | undefined {
  if (!entry.version) return true;
  const v = version === undefined ? undefined : parseVersion(version);
  if (!v) return undefined;
  return entry.version.test(v);
}

function matchEntry(
  entry: PolicyEntry,
  inf: Inference,
  unknownVersionMatches: boolean,
  only?: 'names' | 'families',
): EntryMatch | undefined {
  const accept = (version: string | undefined): { ok: boolean; unknown: boolean } => {
    const ok = versionOk(entry, version);
    if (ok === undefined) return { ok: unknownVersionMatches, unknown: true };
    return { ok, unknown: false };
  };
  if (entry.kind !== 'family' && only !== 'families') {
    for (const e of inf.names) {
      const m = matchTerm(entry.term, e.value);
      if (!m) continue;
      const version =
        (entry.term.kind === 'word' ? versionAfter(e.value, m.end) : undefined) ??
        inf.identity.version;
      const a = accept(version);
      if (a.ok)
        return {
          entry,
          what: `${subjectLabel(e)} ${JSON.stringify(e.value)}`,
          evidence: e,
          ...(version ? { version } : {}),
          ...(a.unknown ? { versionUnknown: true } : {}),
        };
    }
  }
  if (entry.kind !== 'name' && only !== 'names') {
    for (const [id, hit] of inf.families) {
      const def = family(id);
      if (!termNamesFamily(entry.term, def ? familyNames(def) : [id])) continue;
      const version =
        hit.via === 'lineage' ? undefined : (familyVersion(hit) ?? inf.identity.version);
      const a = accept(version);
      if (a.ok)
        return {
          entry,
          what: familyLabel(id, hit),
          evidence: hit.evidence,
          ...(version ? { version } : {}),
          ...(a.unknown ? { versionUnknown: true } : {}),
        };
    }
  }
  return undefined;
}

function modelLabel(identity: ModelIdentity, root: string): string {
  const name = identity.name ? JSON.stringify(identity.name) : root;
  return identity.family ? `${name} (family ${identity.family})` : name;
}

function entryLabel(m: EntryMatch): string {
  const e = m.entry;
  const v = e.version ? ` version ${e.version.raw}` : '';
  return `${e.kind === 'any' ? '' : `${e.kind} `}${JSON.stringify(e.term.raw)}${v} (${e.origin})`;
}

function versionNote(m: EntryMatch): string {
  if (!m.entry.version) return '';
  return m.versionUnknown ? '; version unknown, so the entry applies' : `; version ${m.version}`;
}

function licenseMatches(term: Term, value: string): boolean {
  if (term.kind === 'word') return compactString(value) === term.compact;
  return term.regex!.test(value);
}

/** Evaluates the policy for one model. */
export function evaluatePolicy(
  policy: NamePolicy,
  inf: Inference,
  root: string,
  /** The model's root and files, as given and normalised (see stage.ts), for exceptions. */
  paths: readonly string[],
  problems: readonly string[],
): PolicyOutcome {
  const out: PolicyViolation[] = [];
  const id = inf.identity;
  const label = modelLabel(id, root);

  // Deny.
  const denied = policy.deny
    .map((entry) => matchEntry(entry, inf, true))
    .filter((m): m is EntryMatch => m !== undefined);
  if (denied.length > 0) {
    const first = denied[0]!;
    const more =
      denied.length > 1 ? `; also matches ${denied.slice(1).map(entryLabel).join(', ')}` : '';
    const reason = first.entry.reason ? ` — ${first.entry.reason}` : '';
    out.push({
      ruleId: 'MA6001',
      message: `model ${label} is denied: its ${first.what} matches ${entryLabel(first)}${versionNote(first)}${more}${reason}`,
      ...evidenceOf(first.evidence),
    });
  }

  // Allow.
  if (policy.allow.length > 0 && denied.length === 0) {
    const byName = policy.allow
      .filter((e) => e.kind === 'name')
      .map((e) => matchEntry(e, inf, false, 'names'))
      .find((m) => m !== undefined);
    let allowed = byName !== undefined;
    let missing: string[] = [];
    if (!allowed) {
      const strongLeaves = inf.leaves.filter((l) => inf.families.get(l)?.via !== 'path');
      const leaves = strongLeaves.length > 0 ? strongLeaves : inf.leaves;
      if (leaves.length > 0) {
        const familyEntries = policy.allow.filter((e) => e.kind !== 'name');
        // A derived family is covered by an entry for it or for one of its parents (allowing
        // t5 allows flan-t5, as denying llama denies vicuna).
        missing = leaves.filter((leaf) => {
          const lineageHits = [leaf, ...ancestors(leaf)]
            .map((id) => [id, inf.families.get(id)] as const)
            .filter((x): x is readonly [string, FamilyHit] => x[1] !== undefined);
          const one: Inference = { ...inf, families: new Map(lineageHits) };
          return !familyEntries.some((e) => matchEntry(e, one, false, 'families'));
        });
        allowed = missing.length === 0;
      } else {
        allowed = policy.allow
          .filter((e) => e.kind === 'any')
          .some((e) => matchEntry(e, inf, false, 'names') !== undefined);
      }
    }
    if (!allowed) {
      const ev =
        missing.length > 0 ? inf.families.get(missing[0]!)!.evidence : (inf.names[0] ?? undefined);
      const what =
        missing.length > 0
          ? `famil${missing.length === 1 ? 'y' : 'ies'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not on the allow list`
          : 'none of its names or families is on the allow list';
      out.push({
        ruleId: 'MA6002',
        message: `model ${label} is not allowed: ${what}`,
        ...(ev ? evidenceOf(ev) : { evidence: 'no name or family found' }),
      });
    }
  }

  // Licences.
  if (policy.licenses) {
    const rules = policy.licenses;
    const cardOther = id.license !== undefined && id.sources.license?.endsWith(':license_name');
    const values = new Map<string, IdentityEvidence>();
    for (const e of inf.evidence.filter((x) => x.field === 'license')) {
      const v = e.value.toLowerCase();
      if (v === 'other' && cardOther) continue;
      if (!values.has(v)) values.set(v, e);
    }
    if (values.size === 0) {
      if (rules.requireKnown || rules.allow.length > 0)
        out.push({
          ruleId: 'MA6006',
          message: `model ${label} has no licence in its metadata; the policy ${rules.allow.length > 0 ? 'allows only listed licences' : 'requires a known licence'}`,
          evidence: 'no licence found (model card, GGUF general.license, LICENSE file)',
        });
    } else {
      for (const [value, e] of values) {
        const deny = rules.deny.find((t) => licenseMatches(t, value));
        if (deny) {
          out.push({
            ruleId: 'MA6005',
            message: `model ${label} has licence ${JSON.stringify(value)}, denied by licence rule ${JSON.stringify(deny.raw)}`,
            ...evidenceOf(e),
          });
          break;
        }
        if (rules.allow.length > 0 && !rules.allow.some((t) => licenseMatches(t, value))) {
          out.push({
            ruleId: 'MA6005',
            message: `model ${label} has licence ${JSON.stringify(value)}, which is not on the licence allow list`,
            ...evidenceOf(e),
          });
          break;
        }
      }
    }
  }

  // Identity.
  if (!id.determined) {
    const names = inf.names.filter(isPathEvidence);
    const hint = names.length
      ? `; only its path names it (${names.map((e) => e.value).join(', ')})`
      : '';
    out.push({
      ruleId: policy.requireIdentity ? 'MA6004' : 'MA6003',
      message: `the identity of model ${root} could not be determined from its metadata${hint}${policy.requireIdentity ? '; the policy requires one' : ''}`,
      evidence: problems.length
        ? problems.join('; ')
        : 'no name, family or architecture in its metadata',
    });
  }

  // Unreadable metadata (identity may be incomplete).
  if (problems.length > 0 && id.determined) {
    out.push({
      ruleId: 'MA6007',
      message: `metadata of model ${root} could not be read; its identity may be incomplete`,
      evidence: problems.slice(0, 5).join('; '),
    });
  }

  // Exceptions.
  const exception = policy.exceptions.find((x) =>
    paths.some((p) => x.patterns.some((re) => re.test(p))),
  );
  if (exception) {
    const waived = out.filter(
      (f) =>
        VIOLATION_RULES.has(f.ruleId) && (!exception.rules || exception.rules.includes(f.ruleId)),
    );
    if (waived.length > 0) {
      const kept = out.filter((f) => !waived.includes(f));
      for (const f of waived)
        kept.push({
          ruleId: 'MA6009',
          message: `${f.ruleId} waived by exception ${JSON.stringify(exception.raw)} (${exception.origin})${exception.reason ? `: ${exception.reason}` : ''} — ${f.message}`,
          evidence: f.evidence,
          ...(f.subject ? { subject: f.subject } : {}),
        });
      const violation = kept.some((f) => VIOLATION_RULES.has(f.ruleId));
      return {
        decision: violation ? 'violation' : 'exempt',
        findings: kept,
        exception: exception.reason ?? exception.raw,
      };
    }
  }
  return {
    decision: out.some((f) => VIOLATION_RULES.has(f.ruleId)) ? 'violation' : 'pass',
    findings: out,
  };
}
