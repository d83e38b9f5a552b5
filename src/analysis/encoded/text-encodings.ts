/**
 * The text encodings a payload hides behind in a string constant: hex (base16), base32,
 * base64 (standard and URL-safe), base85 (Python's b85) and Ascii85 (Adobe, with or without
 * <~ ~>). Decoding is synchronous and linear; a string that does not fit an alphabet exactly is
 * not decoded, so ordinary words and identifiers never are.
 */

export type TextEncoding = 'hex' | 'base32' | 'base64' | 'base64url' | 'base85' | 'ascii85';

/** Shorter strings are names and numbers, not payloads. */
export const MIN_ENCODED_LENGTH = 16;

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE32 = /^[A-Z2-7]+=*$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const BASE85 = /^[0-9A-Za-z!#$%&()*+\-;<=>?@^_`{|}~]+$/;
const ASCII85 = /^(?:<~)?[!-uz]+(?:~>)?$/;

/** Whitespace that encoders insert between lines. */
function compact(text: string): string {
  return /\s/.test(text) ? text.replace(/\s+/g, '') : text;
}

/** Encodings whose alphabet the whole string fits, most specific first. */
export function candidateEncodings(text: string): TextEncoding[] {
  const t = compact(text);
  if (t.length < MIN_ENCODED_LENGTH) return [];
  const out: TextEncoding[] = [];
  if (HEX.test(t)) out.push('hex');
  if (BASE32.test(t) && t.replace(/=+$/, '').length % 8 !== 1) out.push('base32');
  if (BASE64.test(t) && t.replace(/=+$/, '').length % 4 !== 1) out.push('base64');
  if (BASE64URL.test(t) && /[-_]/.test(t) && t.replace(/=+$/, '').length % 4 !== 1)
    out.push('base64url');
  if (BASE85.test(t)) out.push('base85');
  if (ASCII85.test(t) && (t.startsWith('<~') || /[z!-/:-@[-`]/.test(t))) out.push('ascii85');
  return out;
}

/** Decodes `text`; undefined when it is not valid in that encoding. */
export function decodeText(encoding: TextEncoding, text: string): Buffer | undefined {
  const t = compact(text);
  switch (encoding) {
    case 'hex':
      return HEX.test(t) ? Buffer.from(t, 'hex') : undefined;
    case 'base64':
      return BASE64.test(t) ? Buffer.from(t, 'base64') : undefined;
    case 'base64url':
      return BASE64URL.test(t) ? Buffer.from(t, 'base64url') : undefined;
    case 'base32':
      return base32(t);
    case 'base85':
      return base85(t);
    case 'ascii85':
      return ascii85(t);
  }
}

/**
 * Decodes about the first `chars` characters of `text` (whole groups of the encoding), enough to
 * see what the payload starts with without decoding all of it.
 */
export function decodePrefix(
  encoding: TextEncoding,
  text: string,
  chars: number,
): Buffer | undefined {
  const t = compact(text.length > chars * 2 ? text.slice(0, chars * 2) : text);
  if (t.length <= chars) return decodeText(encoding, t) ?? decodeTrimmed(encoding, t);
  return decodeTrimmed(encoding, t.slice(0, chars));
}

/** Decodes the string without its trailing partial group. */
function decodeTrimmed(encoding: TextEncoding, t: string): Buffer | undefined {
  const group = { hex: 2, base32: 8, base64: 4, base64url: 4, base85: 5, ascii85: 5 }[encoding];
  let s = t.replace(/=+$/, '').replace(/~>$/, '');
  if (encoding !== 'ascii85')
    return decodeText(encoding, s.slice(0, s.length - (s.length % group)));
  // Ascii85 groups shrink to "z": drop characters until what is left decodes.
  for (let drop = 0; drop < group && s.length > 0; drop++, s = s.slice(0, -1)) {
    const out = ascii85(s);
    if (out) return out;
  }
  return undefined;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(t: string): Buffer | undefined {
  const s = t.replace(/=+$/, '');
  if (!/^[A-Z2-7]*$/.test(s)) return undefined;
  const out = Buffer.alloc(Math.floor((s.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    value = (value << 5) | B32.indexOf(s[i]!);
    bits += 5;
    if (bits >= 8) {
      out[o++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    value &= 0xff;
  }
  return out.subarray(0, o);
}

const B85 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
const B85_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B85.length; i++) B85_VALUE[B85.charCodeAt(i)] = i;

/** Python's base64.b85decode: groups of 5 characters, the last one padded with '~'. */
function base85(t: string): Buffer | undefined {
  const groups = Math.ceil(t.length / 5);
  const out = Buffer.alloc(groups * 4);
  for (let g = 0; g < groups; g++) {
    let acc = 0;
    for (let j = 0; j < 5; j++) {
      const c = g * 5 + j < t.length ? t.charCodeAt(g * 5 + j) : 0x7e; // '~' pads
      const v = c < 128 ? B85_VALUE[c]! : -1;
      if (v < 0) return undefined;
      acc = acc * 85 + v;
    }
    if (acc > 0xffffffff) return undefined;
    out.writeUInt32BE(acc, g * 4);
  }
  const pad = groups * 5 - t.length;
  return out.subarray(0, out.length - pad);
}

/** Adobe Ascii85 (Python's a85decode, with or without the <~ ~> frame). */
function ascii85(t: string): Buffer | undefined {
  let s = t;
  if (s.startsWith('<~')) s = s.slice(2);
  if (s.endsWith('~>')) s = s.slice(0, -2);
  const bytes: number[] = [];
  let group: number[] = [];
  const flush = (n: number): boolean => {
    let acc = 0;
    for (let j = 0; j < 5; j++) acc = acc * 85 + (j < group.length ? group[j]! : 84);
    if (acc > 0xffffffff) return false;
    for (let j = 0; j < n; j++) bytes.push((acc >>> (24 - 8 * j)) & 0xff);
    return true;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7a && group.length === 0) {
      bytes.push(0, 0, 0, 0);
      continue;
    }
    if (c < 0x21 || c > 0x75) return undefined;
    group.push(c - 0x21);
    if (group.length === 5) {
      if (!flush(4)) return undefined;
      group = [];
    }
  }
  if (group.length === 1) return undefined;
  if (group.length > 0 && !flush(group.length - 1)) return undefined;
  return Buffer.from(bytes);
}
