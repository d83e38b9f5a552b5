/**
 * Model versions and version constraints. Model versions are not semver: "2", "3.1", "v0.2",
 * "2.5". They are compared numerically part by part, missing parts counting as 0.
 *
 * Constraints: comparators separated by spaces must all hold, alternatives are separated by
 * "||". A comparator is `>=3`, `>2.5`, `<=3.1`, `<3`, `=3.1` (equal: 3.1 == 3.1.0), `!=2`,
 * `^3` (>=3 <4), `~3.1` (>=3.1 <3.2), or a bare version (`3`, `3.x`, `3.*`: the version starts
 * with it, so 3 matches 3, 3.1 and 3.2.1).
 */

export type Version = readonly number[];

export function parseVersion(text: string): Version | undefined {
  const m = /^\s*v?(\d{1,9}(?:\.\d{1,9}){0,5})\s*$/i.exec(text);
  return m ? m[1]!.split('.').map(Number) : undefined;
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

type Comparator = (v: Version) => boolean;

export interface VersionConstraint {
  readonly raw: string;
  readonly test: (v: Version) => boolean;
}

export class VersionError extends Error {
  override name = 'VersionError';
}

function comparator(text: string): Comparator {
  const m = /^(>=|<=|>|<|==|=|!=|\^|~)?v?(\d{1,9}(?:\.\d{1,9}){0,5})(\.[x*])?$/i.exec(text);
  if (!m) throw new VersionError(`"${text}" is not a version comparator (e.g. >=3, <2.5, ^3, 3.x)`);
  const op = m[1] ?? '';
  const base = m[2]!.split('.').map(Number);
  if (m[3] && op) throw new VersionError(`"${text}": a wildcard cannot follow an operator`);
  switch (op) {
    case '>=':
      return (v) => compareVersions(v, base) >= 0;
    case '<=':
      return (v) => compareVersions(v, base) <= 0;
    case '>':
      return (v) => compareVersions(v, base) > 0;
    case '<':
      return (v) => compareVersions(v, base) < 0;
    case '=':
    case '==':
      return (v) => compareVersions(v, base) === 0;
    case '!=':
      return (v) => compareVersions(v, base) !== 0;
    case '^': {
      const upper = [base[0]! + 1];
      return (v) => compareVersions(v, base) >= 0 && compareVersions(v, upper) < 0;
    }
    case '~': {
      const upper = base.length > 1 ? [base[0]!, base[1]! + 1] : [base[0]! + 1];
      return (v) => compareVersions(v, base) >= 0 && compareVersions(v, upper) < 0;
    }
    default:
      return (v) => base.every((n, i) => v[i] === n);
  }
}

export function parseConstraint(raw: string): VersionConstraint {
  const text = String(raw).trim();
  if (!text) throw new VersionError('empty version constraint');
  const alternatives = text.split('||').map((alt) => {
    // Allow ">= 3" as well as ">=3".
    const parts = alt
      .trim()
      .replace(/(>=|<=|==|!=|[<>=^~])\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    if (parts.length === 0) throw new VersionError(`empty alternative in "${text}"`);
    return parts.map(comparator);
  });
  return {
    raw: text,
    test: (v) => alternatives.some((all) => all.every((c) => c(v))),
  };
}

/** Sizes written after a family name ("7b", "1.5B", "135M", "8x7B") are not versions. */
const SIZE_AFTER = /^(?:[bmkt](?![a-z])|x\d)/i;

/**
 * The version written right after a family name in a model name: "Llama-2-7b" → 2,
 * "Meta-Llama-3.1-8B" → 3.1, "Qwen2.5-7B" → 2.5, "phi-1_5" → 1.5; else a "v" version anywhere
 * after it ("Mistral-7B-Instruct-v0.2" → 0.2, "stable-diffusion-v1-5" → 1.5). Sizes are skipped.
 */
export function versionAfter(value: string, end: number): string | undefined {
  const rest = value.slice(end, end + 200);
  const direct = /^[\s._-]*(\d{1,4}(?:[._]\d{1,4})*)/.exec(rest);
  if (direct && !SIZE_AFTER.test(rest.slice(direct[0].length))) {
    const v = direct[1]!.replace(/_/g, '.');
    if (parseVersion(v)) return v;
  }
  const tagged = /(?:^|[^a-z0-9])v(\d{1,4}(?:[._-]\d{1,4})*)(?![a-z0-9])/i.exec(rest);
  if (tagged) {
    const v = tagged[1]!.replace(/[_-]/g, '.');
    if (parseVersion(v)) return v;
  }
  return undefined;
}

/** "v0.2" → "0.2"; undefined when it is not a version. */
export function normaliseVersion(text: string): string | undefined {
  const v = parseVersion(text);
  return v ? v.join('.') : undefined;
}
