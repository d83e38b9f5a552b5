/**
 * A Jinja lexer that follows jinja2's (lexer.py, default delimiters, no line statements): the
 * same states, token rules and brace balancing, and string literals decoded the way Python's
 * `unicode-escape` codec decodes them, so `"\x5f\x5fclass\x5f\x5f"` is seen as `__class__`.
 * It only tokenizes: nothing is evaluated.
 */

export type TokenType =
  | 'data'
  | 'variable_begin'
  | 'variable_end'
  | 'block_begin'
  | 'block_end'
  | 'name'
  | 'string'
  | 'integer'
  | 'float'
  | 'operator'
  | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Decoded value: the name, the decoded string, the number text, or the operator. */
  readonly value: string;
  /** 1-based line of the token's first character. */
  readonly line: number;
  /** Offsets of the token's source text in the template. */
  readonly start: number;
  readonly end: number;
  /** For strings: escapes that spell ordinary identifier characters (`\x5f`, `\u0061`…). */
  readonly obfuscated?: boolean;
}

export class TemplateSyntaxError extends Error {
  override name = 'TemplateSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The template nests deeper than the analyser follows: a limit of ours, not a syntax error. */
export class TemplateTooDeep extends TemplateSyntaxError {
  override name = 'TemplateTooDeep';
}

const OPERATORS = [
  '//',
  '**',
  '==',
  '!=',
  '>=',
  '<=',
  '+',
  '-',
  '/',
  '*',
  '%',
  '~',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '>',
  '<',
  '=',
  '.',
  ':',
  '|',
  ',',
  ';',
];

const WHITESPACE = /\s+/y;
const FLOAT = /(?<!\.)(?:\d+_)*\d+(?:(?:\.(?:\d+_)*\d+)?e[+-]?(?:\d+_)*\d+|\.(?:\d+_)*\d+)/iy;
const INTEGER = /(?:0b(?:_?[01])+|0o(?:_?[0-7])+|0x(?:_?[\da-f])+|[1-9](?:_?\d)*|0(?:_?0)*)/iy;
// jinja2's _identifier pattern is \w plus combining marks; names must then be identifiers.
const NAME = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}·\u0387\u1369-\u1371\u19da]+/uy;
const IDENTIFIER =
  /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}·\u0387\u1369-\u1371\u19da]*$/u;
const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASCII_NAME = /[A-Za-z0-9_]+/y;
const STRING = /'([^'\\]*(?:\\.[^'\\]*)*)'|"([^"\\]*(?:\\.[^"\\]*)*)"/sy;
// Root: data up to the next tag opener (raw blocks first, as jinja2's root rule does).
const RAW_BEGIN = /\{%[-+]?\s*raw\s*(?:-%\}\s*|%\})/y;
const RAW_BODY = /([\s\S]*?)\{%[-+]?\s*endraw\s*(?:\+%\}|-%\}\s*|%\})/y;
const OPENER = /\{[{%#]/g;
const COMMENT_END = /[\s\S]*?(?:\+#\}|-#\}\s*|#\})/y;
const BLOCK_END = /\+%\}|-%\}\s*|%\}/y;
const VARIABLE_END = /-\}\}\s*|\}\}/y;

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function normalizeNewlines(s: string): string {
  return s.replace(/\r\n|\r/g, '\n');
}

/** Names of characters `\N{...}` may spell in an attack on identifiers (ASCII only). */
function charByName(name: string): string | undefined {
  const n = name.toUpperCase().trim();
  const letter = /^LATIN (SMALL|CAPITAL) LETTER ([A-Z])$/.exec(n);
  if (letter) return letter[1] === 'SMALL' ? letter[2]!.toLowerCase() : letter[2]!;
  const digit = /^DIGIT (ZERO|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE)$/.exec(n);
  if (digit)
    return String(
      ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'].indexOf(
        digit[1]!,
      ),
    );
  const named: Record<string, string> = {
    'LOW LINE': '_',
    'FULL STOP': '.',
    SPACE: ' ',
    'LEFT SQUARE BRACKET': '[',
    'RIGHT SQUARE BRACKET': ']',
    'LEFT CURLY BRACKET': '{',
    'RIGHT CURLY BRACKET': '}',
    'LEFT PARENTHESIS': '(',
    'RIGHT PARENTHESIS': ')',
    'QUOTATION MARK': '"',
    APOSTROPHE: "'",
    'REVERSE SOLIDUS': '\\',
    SOLIDUS: '/',
    'LINE FEED': '\n',
  };
  return named[n];
}

const IDENT_CHAR = /[A-Za-z0-9_]/;

/**
 * Decodes a string literal body as `str.encode('ascii','backslashreplace').decode('unicode-escape')`
 * does. Returns the value and whether an escape spelled an identifier character.
 */
export function decodePythonString(
  body: string,
  line: number,
): { value: string; obfuscated: boolean } {
  let out = '';
  let obfuscated = false;
  let i = 0;
  const push = (ch: string): void => {
    if (IDENT_CHAR.test(ch)) obfuscated = true;
    out += ch;
  };
  while (i < body.length) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw new TemplateSyntaxError('\\ at end of string', line);
    i += 2;
    switch (e) {
      case '\n':
        break;
      case '\\':
        out += '\\';
        break;
      case "'":
        out += "'";
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\x07';
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
      case 'v':
        out += '\v';
        break;
      case 'x':
      case 'u':
      case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(i, i + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex))
          throw new TemplateSyntaxError(`truncated \\${e} escape`, line);
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) throw new TemplateSyntaxError('illegal Unicode character', line);
        push(String.fromCodePoint(cp));
        i += len;
        break;
      }
      case 'N': {
        const m = /^\{([^}]*)\}/.exec(body.slice(i));
        if (!m) throw new TemplateSyntaxError('malformed \\N character escape', line);
        const ch = charByName(m[1]!);
        // Unknown to this table: still a named escape, i.e. deliberate obfuscation.
        obfuscated = true;
        out += ch ?? '\ufffd';
        i += m[0].length;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          let j = i - 1;
          let digits = '';
          while (j < body.length && digits.length < 3 && body[j]! >= '0' && body[j]! <= '7')
            digits += body[j++];
          push(String.fromCodePoint(parseInt(digits, 8)));
          i = j;
        } else {
          // Unknown escapes are kept as they are.
          out += '\\' + e;
        }
    }
  }
  return { value: out, obfuscated };
}

/** Tokenizes a template; throws TemplateSyntaxError where jinja2 would. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  const len = source.length;
  const add = (
    type: TokenType,
    value: string,
    start: number,
    end: number,
    extra?: Partial<Token>,
  ): void => {
    tokens.push({ type, value, line, start, end, ...extra });
  };

  while (pos < len) {
    // Root state: data up to the next opener.
    OPENER.lastIndex = pos;
    const m = OPENER.exec(source);
    const at = m ? m.index : len;
    if (at > pos) {
      add('data', source.slice(pos, at), pos, at);
      line += countLines(source.slice(pos, at));
    }
    if (!m) break;
    pos = at;
    RAW_BEGIN.lastIndex = pos;
    const raw = RAW_BEGIN.exec(source);
    if (raw) {
      line += countLines(raw[0]);
      pos += raw[0].length;
      RAW_BODY.lastIndex = pos;
      const body = RAW_BODY.exec(source);
      if (!body) throw new TemplateSyntaxError('missing end of raw directive', line);
      if (body[1]) add('data', body[1], pos, pos + body[1].length);
      line += countLines(body[0]);
      pos += body[0].length;
      continue;
    }
    const kind = source[pos + 1];
    let opener = 2;
    if (source[pos + 2] === '-' || source[pos + 2] === '+') opener = 3;
    if (kind === '#') {
      COMMENT_END.lastIndex = pos + opener;
      const c = COMMENT_END.exec(source);
      if (!c) throw new TemplateSyntaxError('missing end of comment tag', line);
      line += countLines(source.slice(pos, c.index + c[0].length));
      pos = c.index + c[0].length;
      continue;
    }
    const isBlock = kind === '%';
    add(
      isBlock ? 'block_begin' : 'variable_begin',
      source.slice(pos, pos + opener),
      pos,
      pos + opener,
    );
    pos += opener;
    pos = lexTag(
      source,
      pos,
      isBlock,
      tokens,
      (n) => (line += n),
      () => line,
    );
  }
  tokens.push({ type: 'eof', value: '', line, start: len, end: len });
  return tokens;
}

function lexTag(
  source: string,
  start: number,
  isBlock: boolean,
  tokens: Token[],
  addLines: (n: number) => void,
  getLine: () => number,
): number {
  const balance: string[] = [];
  const endRe = isBlock ? BLOCK_END : VARIABLE_END;
  let pos = start;
  for (;;) {
    if (pos >= source.length)
      throw new TemplateSyntaxError(
        `unexpected end of template, expected '${isBlock ? '%}' : '}}'}'`,
        getLine(),
      );
    if (balance.length === 0) {
      endRe.lastIndex = pos;
      const e = endRe.exec(source);
      if (e) {
        tokens.push({
          type: isBlock ? 'block_end' : 'variable_end',
          value: e[0],
          line: getLine(),
          start: pos,
          end: pos + e[0].length,
        });
        addLines(countLines(e[0]));
        return pos + e[0].length;
      }
    }
    const line = getLine();
    // Dispatch on the first character; the rules are tried in jinja2's order where they overlap
    // (a float before an integer, both before a name).
    const ch = source.charCodeAt(pos);
    let m: RegExpExecArray | null = null;
    if (
      ch === 0x20 ||
      ch === 0x0a ||
      ch === 0x09 ||
      ch === 0x0d ||
      ch === 0x0c ||
      ch === 0x0b ||
      ch > 0x7f
    ) {
      WHITESPACE.lastIndex = pos;
      m = WHITESPACE.exec(source);
      if (m) {
        addLines(countLines(m[0]));
        pos += m[0].length;
        continue;
      }
    }
    if (ch >= 0x30 && ch <= 0x39) {
      FLOAT.lastIndex = pos;
      m = FLOAT.exec(source);
      if (m) {
        tokens.push({ type: 'float', value: m[0], line, start: pos, end: pos + m[0].length });
        pos += m[0].length;
        continue;
      }
      INTEGER.lastIndex = pos;
      m = INTEGER.exec(source);
      if (m) {
        tokens.push({ type: 'integer', value: m[0], line, start: pos, end: pos + m[0].length });
        pos += m[0].length;
        continue;
      }
    }
    if (
      ch === 0x5f ||
      (ch >= 0x41 && ch <= 0x5a) ||
      (ch >= 0x61 && ch <= 0x7a) ||
      (ch >= 0x30 && ch <= 0x39) ||
      ch > 0x7f
    ) {
      // ASCII names (nearly all) without the Unicode-aware pattern, unless non-ASCII follows.
      ASCII_NAME.lastIndex = pos;
      m = ASCII_NAME.exec(source);
      if (!m || source.charCodeAt(pos + m[0].length) > 0x7f) {
        NAME.lastIndex = pos;
        m = NAME.exec(source);
      }
      if (m) {
        if (!ASCII_IDENTIFIER.test(m[0]) && !IDENTIFIER.test(m[0]))
          throw new TemplateSyntaxError('invalid character in identifier', line);
        tokens.push({ type: 'name', value: m[0], line, start: pos, end: pos + m[0].length });
        pos += m[0].length;
        continue;
      }
    }
    if (ch === 0x22 || ch === 0x27) {
      STRING.lastIndex = pos;
      m = STRING.exec(source);
      if (m) {
        const body = normalizeNewlines(m[1] ?? m[2] ?? '');
        const { value, obfuscated } = decodePythonString(body, line);
        tokens.push({
          type: 'string',
          value,
          line,
          start: pos,
          end: pos + m[0].length,
          ...(obfuscated ? { obfuscated } : {}),
        });
        addLines(countLines(m[0]));
        pos += m[0].length;
        continue;
      }
    }
    const op = OPERATORS.find((o) => source.startsWith(o, pos));
    if (!op) throw new TemplateSyntaxError(`unexpected char ${JSON.stringify(source[pos])}`, line);
    if (op === '{' || op === '(' || op === '[')
      balance.push(op === '{' ? '}' : op === '(' ? ')' : ']');
    else if (op === '}' || op === ')' || op === ']') {
      const expected = balance.pop();
      if (expected !== op)
        throw new TemplateSyntaxError(
          expected ? `unexpected '${op}', expected '${expected}'` : `unexpected '${op}'`,
          line,
        );
    }
    tokens.push({ type: 'operator', value: op, line, start: pos, end: pos + op.length });
    pos += op.length;
  }
}
