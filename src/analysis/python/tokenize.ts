/**
 * A lightweight Python tokenizer: enough of Python's lexical grammar to find names, attribute
 * chains, calls and string literals with their line numbers, without a Python runtime. It never
 * throws: what it cannot read becomes an `error` entry and tokenizing goes on after it.
 *
 * Identifiers are NFKC-normalised as Python does (so fullwidth `ｅｘｅｃ` is `exec`), string
 * literals are decoded (escapes, implicit concatenation is left to the parser), and the
 * replacement fields of f-strings are tokenized too, since Python evaluates them.
 */

export type TokenType = 'name' | 'string' | 'number' | 'op' | 'newline';

export interface Token {
  readonly type: TokenType;
  /** Name (normalised), operator text, number text; for strings the decoded value. */
  readonly value: string;
  readonly line: number;
  /** Column of the first character (0-based), for logical-line indentation. */
  readonly col: number;
  /** Strings: the value is not a constant (an f-string with replacement fields). */
  readonly dynamic?: boolean;
  /** Strings: a bytes literal. */
  readonly bytes?: boolean;
}

export interface TokenizeResult {
  readonly tokens: Token[];
  readonly errors: { line: number; message: string }[];
}

const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
  '<<',
  '>>',
  '<>',
];
const SINGLE_OPS = new Set('+-*/%@&|^~<>()[]{},:;.=!'.split(''));
const NAME_START = /[\p{L}\p{Nl}_\u2118\u212e\u309b\u309c]/u;
const NAME_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_\u00b7\u0387\u1369-\u1371\u19da]/u;
const STRING_PREFIX = /^(?:[rR][bBfFtT]?|[bBfFtT][rR]?|[uU])?(?='|")/;
const NUMBER =
  /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJlL]?)/;
const MAX_ERRORS = 50;
const MAX_FSTRING_DEPTH = 4;

export function tokenize(source: string, firstLine = 1, depth = 0): TokenizeResult {
  const tokens: Token[] = [];
  const errors: { line: number; message: string }[] = [];
  const error = (line: number, message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ line, message });
  };
  let i = 0;
  let line = firstLine;
  let lineStart = 0;
  let nesting = 0;
  const n = source.length;
  const push = (t: Token): void => {
    tokens.push(t);
  };

  while (i < n) {
    const c = source[i]!;
    if (c === '\n') {
      if (nesting === 0 && tokens.length > 0 && tokens[tokens.length - 1]!.type !== 'newline')
        push({ type: 'newline', value: '\n', line, col: i - lineStart });
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (
      c === '\\' &&
      (source[i + 1] === '\n' || (source[i + 1] === '\r' && source[i + 2] === '\n'))
    ) {
      i += source[i + 1] === '\n' ? 2 : 3;
      line++;
      lineStart = i;
      continue;
    }
    const col = i - lineStart;

    // String literals, with an optional prefix.
    const prefixMatch = STRING_PREFIX.exec(source.slice(i, i + 3));
    if (prefixMatch) {
      const prefix = prefixMatch[0].toLowerCase();
      const q = source[i + prefix.length]!;
      const triple = source.startsWith(q.repeat(3), i + prefix.length);
      const quote = triple ? q.repeat(3) : q;
      const bodyStart = i + prefix.length + quote.length;
      const startLine = line;
      let j = bodyStart;
      let closed = false;
      while (j < n) {
        const d = source[j]!;
        if (d === '\\') {
          if (source[j + 1] === '\n') line++;
          j += 2;
          continue;
        }
        if (d === '\n') {
          if (!triple) break;
          line++;
        }
        if (source.startsWith(quote, j)) {
          closed = true;
          break;
        }
        j++;
      }
      const body = source.slice(bodyStart, Math.min(j, n));
      if (!closed) {
        error(startLine, triple ? 'unterminated triple-quoted string' : 'unterminated string');
      }
      const raw = prefix.includes('r');
      const isF = prefix.includes('f') || prefix.includes('t');
      const isBytes = prefix.includes('b');
      let dynamic = false;
      if (isF) {
        const fields = fStringFields(body);
        if (fields.length > 0) dynamic = true;
        if (depth < MAX_FSTRING_DEPTH) {
          for (const f of fields) {
            const fieldLine = startLine + countNewlines(body, 0, f.start);
            const inner = tokenize(f.text, fieldLine, depth + 1);
            push({ type: 'op', value: '(', line: fieldLine, col });
            for (const t of inner.tokens) if (t.type !== 'newline') push(t);
            push({ type: 'op', value: ')', line: fieldLine, col });
            for (const e of inner.errors) error(e.line, e.message);
          }
        }
      }
      push({
        type: 'string',
        value: raw ? body : decodeEscapes(body, isBytes),
        line: startLine,
        col,
        ...(dynamic ? { dynamic: true } : {}),
        ...(isBytes ? { bytes: true } : {}),
      });
      i = closed ? j + quote.length : j;
      if (!closed && !triple) {
        // Resume at the end of the line, as Python would report the error there.
        continue;
      }
      lineStart = source.lastIndexOf('\n', i - 1) + 1;
      continue;
    }

    if (
      NAME_START.test(c) ||
      (c >= '\ud800' && c <= '\udbff' && NAME_START.test(source.slice(i, i + 2)))
    ) {
      let j = i + 1;
      while (j < n) {
        const ch = source[j]!;
        const pair = ch >= '\ud800' && ch <= '\udbff' ? source.slice(j, j + 2) : ch;
        if (!NAME_PART.test(pair)) break;
        j += pair.length;
      }
      const name = source.slice(i, j).normalize('NFKC');
      push({ type: 'name', value: name, line, col });
      i = j;
      continue;
    }

    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = NUMBER.exec(source.slice(i, i + 200));
      const text = m?.[0] ?? c;
      push({ type: 'number', value: text, line, col });
      i += text.length;
      continue;
    }

    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      push({ type: 'op', value: op, line, col });
      i += op.length;
      continue;
    }
    if (c === ';' && nesting === 0) {
      // A statement separator: analysis treats it like the end of a logical line.
      if (tokens.length > 0 && tokens[tokens.length - 1]!.type !== 'newline')
        push({ type: 'newline', value: ';', line, col });
      i++;
      continue;
    }
    if (SINGLE_OPS.has(c)) {
      if (c === '(' || c === '[' || c === '{') nesting++;
      else if ((c === ')' || c === ']' || c === '}') && nesting > 0) nesting--;
      push({ type: 'op', value: c, line, col });
      i++;
      continue;
    }
    error(line, `unexpected character ${JSON.stringify(c)}`);
    i++;
  }
  if (tokens.length > 0 && tokens[tokens.length - 1]!.type !== 'newline')
    tokens.push({ type: 'newline', value: '\n', line, col: 0 });
  return { tokens, errors };
}

function countNewlines(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) k++;
  return k;
}

/** The replacement-field expressions of an f-string body ({{ and }} are literal braces). */
export function fStringFields(body: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '{') {
      if (body[i + 1] === '{') {
        i += 2;
        continue;
      }
      let depth = 0;
      let j = i + 1;
      let quote: string | undefined;
      let end = -1;
      for (; j < body.length; j++) {
        const d = body[j]!;
        if (quote) {
          if (d === quote) quote = undefined;
          continue;
        }
        if (d === '"' || d === "'") quote = d;
        else if (d === '(' || d === '[' || d === '{') depth++;
        else if (d === ')' || d === ']') depth--;
        else if (d === '}') {
          if (depth === 0) {
            end = j;
            break;
          }
          depth--;
        } else if ((d === '!' || d === ':') && depth === 0 && body[j + 1] !== '=') {
          if (end < 0) end = j;
          // Skip the conversion/format spec up to the closing brace, which may nest fields.
          let k = j + 1;
          let nest = 0;
          for (; k < body.length; k++) {
            if (body[k] === '{') nest++;
            else if (body[k] === '}') {
              if (nest === 0) break;
              nest--;
            }
          }
          const spec = body.slice(j + 1, k);
          for (const inner of fStringFields(spec))
            out.push({ text: inner.text, start: j + 1 + inner.start });
          j = k;
          break;
        }
      }
      const exprEnd = end >= 0 ? end : j;
      let text = body.slice(i + 1, exprEnd);
      if (text.endsWith('=')) text = text.slice(0, -1); // self-documenting f"{x=}"
      if (text.trim()) out.push({ text, start: i + 1 });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Decodes Python string escapes; bytes literals decode to latin1 characters. */
export function decodeEscapes(body: string, isBytes: boolean): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const d = body[i + 1];
    if (d === undefined) {
      out += c;
      break;
    }
    if (d === '\n') {
      i++;
      continue;
    }
    if (d in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[d];
      i++;
      continue;
    }
    if (d >= '0' && d <= '7') {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 8));
      i += m.length;
      continue;
    }
    const hexLen = d === 'x' ? 2 : !isBytes && d === 'u' ? 4 : !isBytes && d === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLen) {
        const cp = parseInt(hex, 16);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
        i += 1 + hexLen;
        continue;
      }
    }
    if (!isBytes && d === 'N' && body[i + 2] === '{') {
      const close = body.indexOf('}', i + 3);
      if (close > 0) {
        out += `\\N{${body.slice(i + 3, close)}}`;
        i = close;
        continue;
      }
    }
    out += c + d;
    i++;
  }
  return out;
}
