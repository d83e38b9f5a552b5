/**
 * A strict JSON reader for headers that must be read exactly as their loader reads them:
 * duplicate keys are kept and reported (JSON.parse silently keeps the last), numbers keep their
 * source text (so integers above 2^53 are not rounded), and nesting is bounded.
 */
import { MalformedInput } from './malformed.js';

export type JsonValue =
  | {
      readonly kind: 'object';
      readonly entries: readonly (readonly [string, JsonValue])[];
      readonly offset: number;
    }
  | { readonly kind: 'array'; readonly items: readonly JsonValue[]; readonly offset: number }
  | { readonly kind: 'string'; readonly value: string; readonly offset: number }
  | { readonly kind: 'number'; readonly text: string; readonly offset: number }
  | { readonly kind: 'bool'; readonly value: boolean; readonly offset: number }
  | { readonly kind: 'null'; readonly offset: number };

export interface DuplicateKey {
  /** Path of the object holding the duplicate ("" for the top level). */
  readonly path: string;
  readonly key: string;
  readonly offset: number;
}

export class JsonSyntaxError extends MalformedInput {
  override name = 'JsonSyntaxError';
  constructor(
    message: string,
    override readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

export const MAX_JSON_DEPTH = 64;

/** Parses one JSON value followed only by whitespace; throws JsonSyntaxError. */
export function parseStrictJson(text: string): { value: JsonValue; duplicates: DuplicateKey[] } {
  const duplicates: DuplicateKey[] = [];
  let i = 0;
  const n = text.length;

  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, i);
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            i -= 2;
            fail('bad escape');
        }
        run = i;
      } else i++;
    }
    i = start;
    return fail('unterminated string');
  };

  const parseValue = (path: string, depth: number): JsonValue => {
    if (depth > MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH}`);
    ws();
    const offset = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, JsonValue][] = [];
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries, offset };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const keyOffset = i;
        const key = parseString();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        const value = parseValue(path ? `${path}.${key}` : key, depth + 1);
        if (seen.has(key)) duplicates.push({ path, key, offset: keyOffset });
        seen.add(key);
        entries.push([key, value]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', entries, offset };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, offset };
      }
      for (;;) {
        items.push(parseValue(`${path}[${items.length}]`, depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', items, offset };
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return { kind: 'string', value: parseString(), offset };
    if (text.startsWith('true', i)) {
      i += 4;
      return { kind: 'bool', value: true, offset };
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return { kind: 'bool', value: false, offset };
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return { kind: 'null', offset };
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const num = m.exec(text);
    if (num && num[0].length > 0) {
      i += num[0].length;
      return { kind: 'number', text: num[0], offset };
    }
    return fail('unexpected character');
  };

  const value = parseValue('', 0);
  ws();
  if (i < n) fail('data after the JSON value');
  return { value, duplicates };
}

/** A JSON number as an exact non-negative integer, or undefined when it is not one. */
export function exactUnsigned(v: JsonValue): bigint | undefined {
  if (v.kind !== 'number' || !/^(0|[1-9]\d*)$/.test(v.text)) return undefined;
  return BigInt(v.text);
}
