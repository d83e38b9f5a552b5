/**
 * Name policy inputs → a compiled, frozen NamePolicy: the blacklist (CLI --blacklist, the
 * Action's `blacklist` input, the library's namePolicy.blacklist) and the policy file (YAML or
 * JSON), validated with messages that say where the mistake is. The format is documented in
 * docs/name-policies.md.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findRule } from '../rules/registry.js';
import type { ArchitectureMode } from './identity.js';
import {
  VIOLATION_RULES,
  type EntryKind,
  type LicenseRules,
  type NamePolicy,
  type PolicyEntry,
  type PolicyException,
} from './name-policy.js';
import { GlobError, globRegExps, normalizePath } from '../discover/globs.js';
import { parseTerm, TermError, type Term } from './terms.js';
import { parseConstraint, VersionError, type VersionConstraint } from './version.js';

/** An invalid blacklist entry or policy file; the message says what and where. */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

export const MAX_POLICY_FILE_BYTES = 1024 * 1024;

const TOP_KEYS = [
  'version',
  'description',
  'blacklist',
  'deny',
  'allow',
  'licenses',
  'requireIdentity',
  'architecture',
  'exceptions',
];
const ENTRY_KEYS = ['name', 'family', 'any', 'version', 'reason'];
const LICENSE_KEYS = ['allow', 'deny', 'requireKnown'];
const EXCEPTION_KEYS = ['path', 'rules', 'reason'];
const ARCH_MODES: readonly ArchitectureMode[] = ['auto', 'always', 'never'];

export interface NamePolicySpec {
  readonly blacklist?: readonly string[];
  readonly policyFile?: string;
}

type Obj = Record<string, unknown>;

class Problems {
  readonly list: string[] = [];
  add(where: string, message: string): void {
    if (this.list.length < 20) this.list.push(`${where}: ${message}`);
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(o: Obj, allowed: readonly string[], where: string, p: Problems): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) p.add(where, `unknown key "${k}" (expected ${allowed.join(', ')})`);
  }
}

function term(raw: unknown, where: string, p: Problems): Term | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    p.add(where, `expected a name, glob or /regex/, got ${describe(raw)}`);
    return undefined;
  }
  try {
    return parseTerm(String(raw));
  } catch (err) {
    if (err instanceof TermError) {
      p.add(where, err.message);
      return undefined;
    }
    throw err;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}

function list(v: unknown, where: string, p: Problems): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [v];
  p.add(where, `expected a list, got ${describe(v)}`);
  return [];
}

/** One entry of a deny or allow list; `family: [a, b]` stands for one entry per name. */
function entry(raw: unknown, where: string, origin: string, p: Problems): PolicyEntry[] {
  if (typeof raw === 'string' || typeof raw === 'number') {
    const t = term(raw, where, p);
    return t ? [{ kind: 'any', term: t, origin }] : [];
  }
  if (!isObj(raw)) {
    p.add(where, `expected a name or a mapping with name, family or any, got ${describe(raw)}`);
    return [];
  }
  checkKeys(raw, ENTRY_KEYS, where, p);
  const kinds = (['name', 'family', 'any'] as EntryKind[]).filter((k) => raw[k] !== undefined);
  if (kinds.length !== 1) {
    p.add(where, 'give exactly one of name, family or any');
    return [];
  }
  const kind = kinds[0]!;
  const values = Array.isArray(raw[kind]) ? (raw[kind] as unknown[]) : [raw[kind]];
  if (values.length === 0) p.add(`${where}.${kind}`, 'empty list');
  const terms = values.map((v, i) =>
    term(v, Array.isArray(raw[kind]) ? `${where}.${kind}[${i}]` : `${where}.${kind}`, p),
  );
  let version: VersionConstraint | undefined;
  if (raw.version !== undefined) {
    try {
      version = parseConstraint(String(raw.version));
    } catch (err) {
      if (!(err instanceof VersionError)) throw err;
      p.add(`${where}.version`, err.message);
    }
  }
  if (raw.reason !== undefined && typeof raw.reason !== 'string')
    p.add(`${where}.reason`, `expected text, got ${describe(raw.reason)}`);
  const reason =
    typeof raw.reason === 'string' && raw.reason.trim() ? raw.reason.trim() : undefined;
  return terms
    .filter((t): t is Term => t !== undefined)
    .map((t) => ({
      kind,
      term: t,
      origin,
      ...(version ? { version } : {}),
      ...(reason ? { reason } : {}),
    }));
}

function entries(v: unknown, where: string, label: string, p: Problems): PolicyEntry[] {
  return list(v, where, p).flatMap((raw, i) =>
    entry(raw, `${where}[${i}]`, `${label} ${where}[${i}]`, p),
  );
}

function licenses(v: unknown, p: Problems): LicenseRules | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) {
    p.add('licenses', `expected a mapping with allow, deny, requireKnown, got ${describe(v)}`);
    return undefined;
  }
  checkKeys(v, LICENSE_KEYS, 'licenses', p);
  const terms = (key: 'allow' | 'deny'): Term[] =>
    list(v[key], `licenses.${key}`, p)
      .map((raw, i) => term(raw, `licenses.${key}[${i}]`, p))
      .filter((t): t is Term => t !== undefined);
  if (v.requireKnown !== undefined && typeof v.requireKnown !== 'boolean')
    p.add('licenses.requireKnown', `expected true or false, got ${describe(v.requireKnown)}`);
  return { allow: terms('allow'), deny: terms('deny'), requireKnown: v.requireKnown === true };
}

function exceptions(v: unknown, label: string, p: Problems): PolicyException[] {
  const out: PolicyException[] = [];
  list(v, 'exceptions', p).forEach((raw, i) => {
    const where = `exceptions[${i}]`;
    if (!isObj(raw)) {
      p.add(where, `expected a mapping with path, rules, reason, got ${describe(raw)}`);
      return;
    }
    checkKeys(raw, EXCEPTION_KEYS, where, p);
    const paths = list(raw.path, `${where}.path`, p);
    if (paths.length === 0) p.add(where, 'path is required');
    const patterns: RegExp[] = [];
    for (const [j, path] of paths.entries()) {
      if (typeof path !== 'string' || !path.trim()) {
        p.add(`${where}.path[${j}]`, `expected a path glob, got ${describe(path)}`);
        continue;
      }
      try {
        patterns.push(...pathPatterns(path.trim()));
      } catch (err) {
        if (!(err instanceof TermError)) throw err;
        p.add(`${where}.path`, err.message);
      }
    }
    let rules: string[] | undefined;
    if (raw.rules !== undefined) {
      rules = [];
      for (const [j, r] of list(raw.rules, `${where}.rules`, p).entries()) {
        const rule = typeof r === 'string' ? findRule(r) : undefined;
        if (!rule || !VIOLATION_RULES.has(rule.id))
          p.add(
            `${where}.rules[${j}]`,
            `${JSON.stringify(r)} is not a name-policy rule that can be waived (${[...VIOLATION_RULES].join(', ')}); security findings are never waived`,
          );
        else rules.push(rule.id);
      }
    }
    if (raw.reason !== undefined && typeof raw.reason !== 'string')
      p.add(`${where}.reason`, `expected text, got ${describe(raw.reason)}`);
    out.push({
      raw: paths.filter((x) => typeof x === 'string').join(', '),
      patterns,
      origin: `${label} ${where}`,
      ...(rules ? { rules } : {}),
      ...(typeof raw.reason === 'string' && raw.reason.trim() ? { reason: raw.reason.trim() } : {}),
    });
  });
  return out;
}

/**
 * A path glob of an exception, as regular expressions over "/"-separated paths: a pattern
 * without "/" matches at any depth (like .gitignore), and a pattern naming a directory covers
 * everything under it.
 */
export function pathPatterns(glob: string): RegExp[] {
  let g = normalizePath(glob);
  if (!g.includes('/')) g = `**/${g}`;
  try {
    return globRegExps(g, 'exceptions path', { nocase: true });
  } catch (err) {
    if (err instanceof GlobError) throw new TermError(`invalid glob "${glob}": ${err.reason}`);
    throw err;
  }
}

/** Validates a parsed policy document (the content of a policy file). */
export function parsePolicyDocument(doc: unknown, label: string): NamePolicy {
  const p = new Problems();
  if (!isObj(doc))
    throw new PolicyError(`${label}: expected a mapping at the top, got ${describe(doc)}`);
  checkKeys(doc, TOP_KEYS, label, p);
  if (doc.version !== undefined && doc.version !== 1 && doc.version !== '1')
    p.add('version', `only version 1 is understood, got ${describe(doc.version)}`);
  const deny = [
    ...entries(doc.blacklist, 'blacklist', label, p),
    ...entries(doc.deny, 'deny', label, p),
  ];
  const allow = entries(doc.allow, 'allow', label, p);
  const lic = licenses(doc.licenses, p);
  if (doc.requireIdentity !== undefined && typeof doc.requireIdentity !== 'boolean')
    p.add('requireIdentity', `expected true or false, got ${describe(doc.requireIdentity)}`);
  let architecture: ArchitectureMode = 'auto';
  if (doc.architecture !== undefined) {
    if (ARCH_MODES.includes(doc.architecture as ArchitectureMode))
      architecture = doc.architecture as ArchitectureMode;
    else p.add('architecture', `expected auto, always or never, got ${describe(doc.architecture)}`);
  }
  const exc = exceptions(doc.exceptions, label, p);
  if (p.list.length > 0) {
    throw new PolicyError(
      `${label} is not a valid policy:\n  ${p.list.join('\n  ')}\nSee docs/name-policies.md for the format.`,
    );
  }
  return {
    deny,
    allow,
    ...(lic ? { licenses: lic } : {}),
    requireIdentity: doc.requireIdentity === true,
    architecture,
    exceptions: exc,
  };
}

/** Reads and validates a policy file (YAML or JSON, at most 1 MiB). */
export function loadPolicyFile(path: string): NamePolicy {
  const label = basename(path);
  let text: string;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new PolicyError(`policy file ${path} is not a regular file`);
    if (info.size > MAX_POLICY_FILE_BYTES)
      throw new PolicyError(`policy file ${path} is over ${MAX_POLICY_FILE_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof PolicyError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new PolicyError(
      `cannot read policy file ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
  let doc: unknown;
  if (/\.json$/i.test(path)) {
    try {
      doc = JSON.parse(text) as unknown;
    } catch (err) {
      throw new PolicyError(`policy file ${path}: invalid JSON: ${(err as Error).message}`);
    }
  } else {
    try {
      doc = parseYaml(text, { maxAliasCount: 100, prettyErrors: true });
    } catch (err) {
      throw new PolicyError(`policy file ${path}: invalid YAML: ${(err as Error).message}`);
    }
  }
  return parsePolicyDocument(doc, label);
}

/**
 * Compiles the name policy from its inputs, or returns undefined when none is given. The
 * blacklist's entries are deny entries matching names or families.
 */
export function compileNamePolicy(spec: NamePolicySpec | undefined): NamePolicy | undefined {
  if (!spec) return undefined;
  const blacklist = (spec.blacklist ?? []).filter((s) => typeof s === 'string' && s.trim());
  if (spec.blacklist && !Array.isArray(spec.blacklist))
    throw new PolicyError('namePolicy.blacklist must be a list of names');
  if (blacklist.length === 0 && !spec.policyFile) return undefined;
  const deny: PolicyEntry[] = blacklist.map((raw) => {
    try {
      return { kind: 'any', term: parseTerm(raw), origin: 'blacklist' };
    } catch (err) {
      if (err instanceof TermError)
        throw new PolicyError(`blacklist entry "${raw}": ${err.message}`);
      throw err;
    }
  });
  const file = spec.policyFile ? loadPolicyFile(spec.policyFile) : undefined;
  const policy: NamePolicy = {
    deny: [...deny, ...(file?.deny ?? [])],
    allow: file?.allow ?? [],
    ...(file?.licenses ? { licenses: file.licenses } : {}),
    requireIdentity: file?.requireIdentity ?? false,
    architecture: file?.architecture ?? 'auto',
    exceptions: file?.exceptions ?? [],
  };
  return deepFreeze(policy);
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !(o instanceof RegExp) && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
