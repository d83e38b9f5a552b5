/**
 * The value grammar shared by every face: command-line flags, Action inputs, the library's
 * options object (and the configuration file when it arrives). Each schema accepts the typed
 * value (a number, a boolean, an array) or its text form, and resolves to the typed value.
 *
 * - Sizes are binary: K = 1024, M = 1024², G = 1024³, T = 1024⁴, whether written `10G`, `10GB`
 *   or `10GiB` (case-insensitive, optional space); a bare number is bytes.
 * - Durations: a bare number is seconds; `ms`, `s`, `m` and `h` suffixes (`500ms`, `90s`, `2m`).
 * - Lists: items separated by line breaks or commas; blanks dropped; a line starting with `#` is a
 *   comment. A comma inside `{}`, `[]`, `()` or a `/regex/` item does not separate
 *   (`models/{a,b}/**`, `/llama-\d{1,2}b/`).
 * - Booleans: true/false, yes/no, on/off, 1/0 (any case).
 * - fail-on levels: error, warning, info, none (any case).
 */
import { z } from 'zod';
import { FAIL_ON_LEVELS, type FailOn } from '../findings/verdict.js';

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
};

/** Bytes of a size: `10G`, `10 GiB`, `512MB`, `1.5g`, `4096`; undefined when not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?$/i.exec(text.trim());
  if (!m) return undefined;
  const bytes = Math.floor(Number(m[1]) * SIZE_UNITS[(m[2] ?? '').toLowerCase()]!);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds of a duration: `120` (seconds), `90s`, `2m`, `1.5h`, `500ms`; undefined otherwise. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim());
  if (!m) return undefined;
  const ms = Math.round(Number(m[1]) * DURATION_UNITS[(m[2] ?? 's').toLowerCase()]!);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

/** A boolean from its text form; undefined when it is not one. */
export function parseBoolean(text: string): boolean | undefined {
  const v = text.trim().toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : undefined;
}

/** The items of a list written as text (see the module comment for the separators). */
export function splitList(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    if (line.trim().startsWith('#')) continue;
    items.push(...splitLine(line));
  }
  return items;
}

/** A `/regex/flags` item running up to the comma (or end) after its closing slash. */
const REGEX_ITEM = /^\/(?:\\.|[^\\\n])*?\/[a-z]*(?=\s*(?:,|$))/;

function splitLine(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < line.length;) {
    const c = line[i]!;
    if (c === '/' && current.trim() === '') {
      const regex = REGEX_ITEM.exec(line.slice(i));
      if (regex) {
        current += regex[0];
        i += regex[0].length;
        continue;
      }
    }
    if (c === '\\' && i + 1 < line.length) {
      current += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') depth++;
    else if ((c === '}' || c === ']' || c === ')') && depth > 0) depth--;
    if (c === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
    i++;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** A size in bytes: a positive number, or text in the size grammar. */
export const sizeSchema = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const bytes = typeof v === 'number' ? v : parseSize(v);
    if (bytes === undefined || !Number.isSafeInteger(bytes) || bytes <= 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a positive size such as 4096, 512M, 10G or 10GiB (binary units: G = 1024³ bytes), not ${show(v)}`,
      });
      return z.NEVER;
    }
    return bytes;
  })
  .meta({
    description:
      'A size: bytes, or a number with K, M, G or T (binary: 1G = 1024³ bytes; G, GB and GiB mean the same).',
    pattern: '^\\s*\\d+(\\.\\d+)?\\s*([KkMmGgTt]([Ii]?[Bb])?|[Bb])?\\s*$',
    exclusiveMinimum: 0,
    examples: ['10G', '512MB', '4096'],
  });

/** A duration in milliseconds: a number of seconds, or text in the duration grammar. */
export const durationSchema = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const ms = typeof v === 'number' ? Math.round(v * 1000) : parseDuration(v);
    if (ms === undefined || !Number.isSafeInteger(ms) || ms <= 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a positive duration such as 120 (seconds), 90s, 2m or 500ms, not ${show(v)}`,
      });
      return z.NEVER;
    }
    return ms;
  })
  .meta({
    description: 'A duration: a number of seconds, or a number with ms, s, m or h (90s, 2m).',
    pattern: '^\\s*\\d+(\\.\\d+)?\\s*([Mm][Ss]|[SsMmHh])?\\s*$',
    exclusiveMinimum: 0,
    examples: ['120', '90s', '2m'],
  });

/**
 * A list of non-empty strings: an array (each item split too) or text. A string that holds no
 * item at all (`--blacklist ""`) is a mistake, not an empty list; an empty array is allowed.
 */
export const listSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v, ctx) => {
    const out: string[] = [];
    for (const text of typeof v === 'string' ? [v] : v) {
      const items = splitList(text);
      if (items.length === 0) {
        ctx.addIssue({ code: 'custom', message: `names no item: ${show(text)}` });
        return z.NEVER;
      }
      out.push(...items);
    }
    return out;
  })
  .meta({
    description:
      'A list: an array, or text with one item per line or comma-separated. A comma inside {}, [], () or a /regex/ does not separate.',
  });

/** A boolean, or its text form (true/false, yes/no, on/off, 1/0). */
export const booleanSchema = z
  .union([z.boolean(), z.string()])
  .transform((v, ctx) => {
    const b = typeof v === 'boolean' ? v : parseBoolean(v);
    if (b === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be true or false, not ${show(v)}` });
      return z.NEVER;
    }
    return b;
  })
  .meta({
    description: 'true or false (also yes/no, on/off, 1/0).',
    pattern: anyCase(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0']),
  });

/** A fail-on level, any case. */
export const failOnSchema = z
  .string()
  .transform((v, ctx): FailOn => {
    const level = v.trim().toLowerCase();
    if ((FAIL_ON_LEVELS as readonly string[]).includes(level)) return level as FailOn;
    ctx.addIssue({
      code: 'custom',
      message: `must be error, warning, info or none, not ${show(v)}`,
    });
    return z.NEVER;
  })
  .meta({
    description:
      'Fail when a counted finding is at or above this severity: error, warning, info, or none (findings never fail the run).',
    pattern: anyCase(FAIL_ON_LEVELS),
  });

/** One of `values`, any case. */
export function enumSchema<T extends string>(values: readonly T[], description: string) {
  return z
    .string()
    .transform((v, ctx): T => {
      const s = v.trim().toLowerCase();
      const hit = values.find((x) => x === s);
      if (hit !== undefined) return hit;
      ctx.addIssue({ code: 'custom', message: `must be ${orList(values)}, not ${show(v)}` });
      return z.NEVER;
    })
    .meta({ description, pattern: anyCase(values) });
}

/** A whole number from `min` to `max`, or its text form. */
export function integerSchema(min: number, max: number, description: string) {
  return z
    .union([z.number(), z.string()])
    .transform((v, ctx) => {
      const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a whole number from ${min} to ${max}, not ${show(v)}`,
        });
        return z.NEVER;
      }
      return n;
    })
    .meta({ description, pattern: '^\\s*\\d+\\s*$', minimum: min, maximum: max });
}

/** A non-empty single-line string (a file name, a category). */
export const lineSchema = z
  .string()
  .transform((v, ctx) => {
    const s = v.trim();
    if (s === '' || /[\r\n]/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `must be one non-empty line, not ${show(v)}` });
      return z.NEVER;
    }
    return s;
  })
  .meta({ description: 'One line of text.' });

/** A JSON Schema pattern matching one of `words` in any case, with blanks around it. */
function anyCase(words: readonly string[]): string {
  const word = (w: string) =>
    [...w]
      .map((c) =>
        c.toLowerCase() !== c.toUpperCase() ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c,
      )
      .join('');
  return `^\\s*(${words.map(word).join('|')})\\s*$`;
}

function orList(values: readonly string[]): string {
  return values.length < 2
    ? values.join('')
    : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** A user's value quoted for an error message (JSON quoting shows control characters). */
function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
