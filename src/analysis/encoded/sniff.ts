/**
 * A cheap, synchronous first look at a string or bytes constant: could it be a payload hidden
 * behind an encoding or a compression? Only the first bytes are decoded, and only what they
 * turn into is judged (a pickle header, a compression or archive magic, source code or a
 * template, or another layer of encoding), so hashes, identifiers and ordinary data are passed
 * over at the cost of a regular-expression test. The full decode is `peelPayload`.
 */
import { sniffCodec } from '../../io/decompress.js';
import { candidateEncodings, decodePrefix, MIN_ENCODED_LENGTH } from './text-encodings.js';

/** Characters of an encoded string decoded to see what it starts with. */
const PREFIX_CHARS = 160;

/** Source code or a template: what a second-stage loader would run or render. */
const CODE_OR_TEMPLATE =
  /\{[{%][\s\S]*?[}%]\}|\b(?:import\s+[A-Za-z_]|from\s+[A-Za-z_][\w.]*\s+import\b|def\s+\w+\s*\(|exec\s*\(|eval\s*\(|__import__\s*\(|os\.system|subprocess\.)/;

/** What decoded bytes start like, if anything worth decoding in full. */
export function interestingStart(
  head: Buffer,
): 'pickle' | 'compressed' | 'archive' | 'text' | undefined {
  if (head.length >= 2 && head[0] === 0x80 && head[1]! >= 2 && head[1]! <= 5) return 'pickle';
  if (sniffCodec(head)) return 'compressed';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'archive';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === '\x7fELF') return 'archive';
  // Protocol 0/1 pickles are text: GLOBAL "c<module>\n<name>\n" or a MARK/INST start.
  if (
    /^(?:c[A-Za-z_][\w.]*\n[A-Za-z_][\w.]*\n|\((?:i|c)[A-Za-z_][\w.]*\n)/.test(
      head.toString('latin1', 0, 96),
    )
  )
    return 'pickle';
  const text = head.toString('latin1');
  if (CODE_OR_TEMPLATE.test(text)) return 'text';
  if (candidateEncodings(text.slice(0, Math.max(MIN_ENCODED_LENGTH, text.length - 8))).length)
    return 'text';
  return undefined;
}

/**
 * True when `data` may hide a payload: it starts with a compression magic, or it is text in an
 * encoding whose first decoded bytes start like a payload.
 */
export function mayHidePayload(data: Buffer | string): boolean {
  if (typeof data !== 'string') {
    if (data.length < MIN_ENCODED_LENGTH) return false;
    if (sniffCodec(data.subarray(0, 64))) return true;
    if (data.length > 0 && data[0]! >= 0x80) return false; // binary, not encoded text
  }
  const text = typeof data === 'string' ? data : data.toString('latin1', 0, PREFIX_CHARS * 2);
  if (text.length < MIN_ENCODED_LENGTH) return false;
  for (const encoding of candidateEncodings(text.slice(0, PREFIX_CHARS * 2))) {
    const head = decodePrefix(encoding, text, PREFIX_CHARS);
    if (head && head.length > 0 && interestingStart(head)) return true;
  }
  return false;
}
