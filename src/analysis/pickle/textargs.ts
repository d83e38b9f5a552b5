/**
 * Protocol-0 text arguments read the way Modules/_pickle.c reads them.
 *
 * The C unpickler parses INT with strtol(base 0) and falls back to PyLong_FromString(base 0),
 * parses LONG with PyLong_FromString(base 0), FLOAT with PyOS_string_to_double, and GET/PUT
 * with PyLong_FromString(base 10); all of them stop at a NUL byte. pickletools and most
 * Python scanners use int(s)/float(s) instead, so non-decimal bases, leading zeros and NUL
 * bytes are read differently (python/cpython#126992, #126996). Picklers only ever write the
 * canonical forms, so anything else that the C unpickler accepts is a parser-differential trick.
 */

export type TextArg =
  | { readonly ok: true; readonly value: bigint; readonly canonical: boolean }
  | { readonly ok: false; readonly why: string };

export type FloatArg =
  | { readonly ok: true; readonly text: string; readonly canonical: boolean }
  | { readonly ok: false; readonly why: string };

const CANONICAL_INT = /^-?(?:0|[1-9][0-9]*)$/;
const CANONICAL_LONG = /^-?(?:0|[1-9][0-9]*)L?$/;
const CANONICAL_FLOAT = /^-?(?:[0-9]+\.[0-9]+(?:e[+-][0-9]+)?|[0-9]+e[+-][0-9]+|inf|nan)$/;
const CANONICAL_INDEX = /^(?:0|[1-9][0-9]*)$/;

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

/** The part of a line a C string function sees: up to the first NUL. */
function cString(line: string): string {
  const nul = line.indexOf('\0');
  return nul < 0 ? line : line.slice(0, nul);
}

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

/** C strtol(s, &end, 0): value, index where parsing stopped, and overflow. */
function strtol0(s: string): { value: bigint; end: number; overflow: boolean } {
  let i = 0;
  while (i < s.length && isSpace(s[i]!)) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') {
    negative = s[i] === '-';
    i++;
  }
  let base = 10;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s[i + 2] ?? '') < 16) {
    base = 16;
    i += 2;
  } else if (s[i] === '0') base = 8;
  const start = i;
  let value = 0n;
  while (i < s.length && digitValue(s[i]!) < base) {
    value = value * BigInt(base) + BigInt(digitValue(s[i]!));
    i++;
  }
  if (i === start) return { value: 0n, end: 0, overflow: false };
  if (negative) value = -value;
  return { value, end: i, overflow: value < LONG_MIN || value > LONG_MAX };
}

/** CPython's PyLong_FromString(s, NULL, base) on a C string; undefined when it raises. */
export function pyLongFromString(s: string, base: 0 | 10): bigint | undefined {
  let i = 0;
  while (i < s.length && isSpace(s[i]!)) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') {
    negative = s[i] === '-';
    i++;
  }
  let radix: number = base === 0 ? 10 : base;
  let allZeros = false;
  if (base === 0 && s[i] === '0') {
    const p = s[i + 1]?.toLowerCase();
    if (p === 'x' || p === 'o' || p === 'b') {
      radix = p === 'x' ? 16 : p === 'o' ? 8 : 2;
      i += 2;
      if (s[i] === '_') i++; // one underscore may follow the prefix
    } else allZeros = true; // base 0 forbids leading zeros in non-zero decimals
  }
  const start = i;
  let value = 0n;
  let prevUnderscore = false;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '_') {
      if (prevUnderscore || i === start) return undefined;
      prevUnderscore = true;
      i++;
      continue;
    }
    const d = digitValue(c);
    if (d >= radix) break;
    if (allZeros && d !== 0) return undefined;
    value = value * BigInt(radix) + BigInt(d);
    prevUnderscore = false;
    i++;
  }
  if (i === start || prevUnderscore) return undefined;
  while (i < s.length && isSpace(s[i]!)) i++;
  if (i !== s.length) return undefined;
  return negative ? -value : value;
}

/** INT: strtol(base 0), falling back to PyLong_FromString(base 0). `line` excludes the newline. */
export function parseIntArg(line: string): TextArg {
  if (line.length === 0) return { ok: false, why: 'empty INT argument' };
  const canonical = CANONICAL_INT.test(line) || line === '00' || line === '01';
  const s = cString(line);
  const r = strtol0(s);
  if (!r.overflow && r.end > 0 && r.end === s.length)
    return { ok: true, value: r.value, canonical };
  const v = pyLongFromString(s, 0);
  if (v === undefined)
    return { ok: false, why: `invalid literal for INT: ${JSON.stringify(line.slice(0, 40))}` };
  return { ok: true, value: v, canonical };
}

/** LONG: a trailing "L" is dropped, then PyLong_FromString(base 0). */
export function parseLongArg(line: string): TextArg {
  const canonical = CANONICAL_LONG.test(line);
  let s = line;
  if (s.length > 0 && s.endsWith('L')) s = s.slice(0, -1);
  const v = pyLongFromString(cString(s), 0);
  if (v === undefined)
    return { ok: false, why: `invalid literal for LONG: ${JSON.stringify(line.slice(0, 40))}` };
  return { ok: true, value: v, canonical };
}

/** GET/PUT: PyLong_FromString(base 10); negative PUT indices are rejected by the caller. */
export function parseIndexArg(line: string): TextArg {
  const canonical = CANONICAL_INDEX.test(line);
  const v = pyLongFromString(cString(line), 10);
  if (v === undefined)
    return { ok: false, why: `invalid memo index ${JSON.stringify(line.slice(0, 40))}` };
  return { ok: true, value: v, canonical };
}

const C_FLOAT = /^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf(?:inity)?|nan)/i;

/** FLOAT: PyOS_string_to_double, which must stop at the newline or a NUL. */
export function parseFloatArg(line: string): FloatArg {
  const canonical = CANONICAL_FLOAT.test(line);
  const s = cString(line);
  const m = C_FLOAT.exec(s);
  if (!m || m[0].length !== s.length) {
    return {
      ok: false,
      why: `could not convert FLOAT argument ${JSON.stringify(line.slice(0, 40))}`,
    };
  }
  return { ok: true, text: m[0], canonical };
}
