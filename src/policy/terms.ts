/**
 * Terms of name policies and how they match names: word-bounded words, globs and regular
 * expressions, always case-insensitive.
 *
 * A word term ("llama", "code llama", "gpt2") matches a name when its letters and digits
 * (separators dropped) appear in the name's letters and digits (separators dropped) starting
 * and ending on a word boundary of the name. Boundaries are: the ends of the name, separators
 * (anything that is not a letter or digit), changes between letters and digits, camelCase
 * humps (a lower-case letter followed by an upper-case one) and the end of an acronym before a
 * capitalised word ("GPTNeo" → GPT|Neo). So "llama" matches "Llama-2-7b", "llama2",
 * "TinyLlama", "OpenLLaMA" and "CodeLlama", but not "llamaindex-utils" or "codellama"; "gpt2"
 * matches "gpt-2" but not "gpt-20b"; "t5" matches "flan-t5-base" but not "mt5".
 *
 * Globs ("meta-llama/*", "*-uncensored") match the whole value; `*` is any run of characters,
 * `?` one character, `[abc]` a class, `{a,b}` alternatives. Path globs (per-path exceptions) are
 * not terms: they use the one path dialect of src/discover/globs.ts. Regular expressions are
 * written "/…/flags" and searched anywhere in the value.
 */

export type TermKind = 'word' | 'glob' | 'regex';

export interface Term {
  readonly kind: TermKind;
  /** As written by the user (for messages). */
  readonly raw: string;
  /** Word terms: lower-cased letters and digits; empty for the other kinds. */
  readonly compact: string;
  readonly regex?: RegExp;
}

export interface TermMatch {
  /** Start and end (exclusive) of the matched text in the value. */
  readonly start: number;
  readonly end: number;
}

/** Raised for a term that cannot be compiled (message says why). */
export class TermError extends Error {
  override name = 'TermError';
}

/** Values longer than this are cut before matching (names are short; this bounds the work). */
export const MAX_VALUE_LENGTH = 512;

const ALNUM = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** The letters and digits of a value, lower-cased, and where each sits in the value. */
interface Compact {
  readonly chars: string[];
  readonly index: number[];
  /** boundary[i]: a word may start at compact position i (i == chars.length: may end there). */
  readonly boundary: boolean[];
}

/** Names are matched against dozens of aliases each: remember their compact forms. */
const compactCache = new Map<string, Compact>();
const COMPACT_CACHE_SIZE = 4096;

function compactOf(value: string): Compact {
  let c = compactCache.get(value);
  if (!c) {
    if (compactCache.size >= COMPACT_CACHE_SIZE) compactCache.clear();
    c = computeCompact(value);
    compactCache.set(value, c);
  }
  return c;
}

function computeCompact(value: string): Compact {
  const cps = Array.from(value.slice(0, MAX_VALUE_LENGTH));
  const offsets: number[] = [];
  let off = 0;
  for (const cp of cps) {
    offsets.push(off);
    off += cp.length;
  }
  const chars: string[] = [];
  const index: number[] = [];
  const boundary: boolean[] = [];
  let prev: string | undefined; // previous code point kept (alphanumeric)
  let gap = true; // a separator (or the start) since the previous kept code point
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    if (!ALNUM.test(cp)) {
      gap = true;
      continue;
    }
    let b = gap;
    if (!b && prev !== undefined) {
      if (LETTER.test(prev) !== LETTER.test(cp)) b = true;
      else if (LOWER.test(prev) && UPPER.test(cp)) b = true;
      else if (UPPER.test(prev) && UPPER.test(cp)) {
        const next = cps[i + 1];
        if (next !== undefined && LOWER.test(next)) b = true; // "GPTNeo": GPT|Neo
      }
    }
    const lower = cp.toLowerCase();
    chars.push(lower.length === cp.length ? lower : cp);
    index.push(offsets[i]!);
    boundary.push(b);
    prev = cp;
    gap = false;
  }
  boundary.push(true);
  index.push(value.length);
  return { chars, index, boundary };
}

/** Lower-cased letters and digits of a string. */
export function compactString(value: string): string {
  return compactOf(value).chars.join('');
}

/** Finds a word term (given as its compact form) on word boundaries of a value. */
export function findWord(compactTerm: string, value: string, from = 0): TermMatch | undefined {
  if (!compactTerm) return undefined;
  const term = Array.from(compactTerm);
  const c = compactOf(value);
  for (let i = 0; i + term.length <= c.chars.length; i++) {
    if (!c.boundary[i] || !c.boundary[i + term.length]) continue;
    if (c.index[i]! < from) continue;
    let ok = true;
    for (let j = 0; j < term.length; j++) {
      if (c.chars[i + j] !== term[j]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      const lastCp = c.index[i + term.length - 1]!;
      const end = lastCp + (value.codePointAt(lastCp)! > 0xffff ? 2 : 1);
      return { start: c.index[i]!, end };
    }
  }
  return undefined;
}

/**
 * Converts a name glob to an anchored, case-insensitive regular expression (names, not paths:
 * `*` crosses "/", since "meta-llama/*" must match a repository id).
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) throw new TermError(`unclosed "[" in glob "${glob}"`);
      let cls = glob.slice(i + 1, close);
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      out += '[' + cls.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (ch === ',' && braces > 0) out += '|';
    else if (ch === '\\' && i + 1 < glob.length) {
      i++;
      out += escapeRegExp(glob[i]!);
    } else out += escapeRegExp(ch);
  }
  if (braces > 0) throw new TermError(`unclosed "{" in glob "${glob}"`);
  return new RegExp(`^${out}$`, 'iu');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const GLOB_CHARS = /[*?[{]/;

/**
 * Parses a term as written in a blacklist or policy file:
 *   /regex/flags   a regular expression (flags i, m, s, u; always case-insensitive)
 *   with * ? [ {   a glob over the whole value
 *   anything else  a word term
 */
export function parseTerm(raw: string): Term {
  const text = raw.trim();
  if (!text) throw new TermError('empty name');
  if (text.length > 1000) throw new TermError('name longer than 1000 characters');
  const re = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (re) {
    const flags = new Set(re[2]!.split(''));
    for (const f of flags)
      if (!'imsu'.includes(f))
        throw new TermError(
          `regular expression ${text}: flag "${f}" is not allowed (use i, m, s, u)`,
        );
    flags.add('i');
    try {
      return {
        kind: 'regex',
        raw: text,
        compact: '',
        regex: new RegExp(re[1]!, [...flags].join('')),
      };
    } catch (err) {
      throw new TermError(`invalid regular expression ${text}: ${(err as Error).message}`);
    }
  }
  if (GLOB_CHARS.test(text))
    return { kind: 'glob', raw: text, compact: '', regex: globToRegExp(text) };
  const compact = compactString(text);
  if (!compact) throw new TermError(`"${text}" has no letters or digits`);
  return { kind: 'word', raw: text, compact };
}

/** Where a term matches a value, if it does. */
export function matchTerm(term: Term, value: string): TermMatch | undefined {
  const v = value.slice(0, MAX_VALUE_LENGTH);
  if (term.kind === 'word') return findWord(term.compact, v);
  const m = term.regex!.exec(v);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/**
 * Whether a term names a family given by its id and aliases: word terms must equal one of
 * them (letters and digits compared), globs and regular expressions must match one.
 */
export function termNamesFamily(term: Term, names: readonly string[]): boolean {
  if (term.kind === 'word') return names.some((n) => compactString(n) === term.compact);
  return names.some((n) => term.regex!.test(n));
}
