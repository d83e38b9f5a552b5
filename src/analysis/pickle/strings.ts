/**
 * Decoders for pickle string arguments, matching what the C unpickler accepts.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 with the "surrogatepass" error handler (what _pickle.c uses for BINUNICODE and
 * GLOBAL names). Returns undefined for bytes it would reject.
 */
export function decodeUtf8SurrogatePass(bytes: Buffer): string | undefined {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return bytes.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    // TextDecoder rejects encoded surrogates (ED A0..BF xx) that surrogatepass allows: retry
    // with those sequences decoded by hand.
  }
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (
      b === 0xed &&
      i + 2 < bytes.length &&
      (bytes[i + 1]! & 0xe0) === 0xa0 &&
      (bytes[i + 2]! & 0xc0) === 0x80
    ) {
      out += String.fromCharCode(0xd000 | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f));
      i += 3;
      continue;
    }
    let j = i;
    while (
      j < bytes.length &&
      !(bytes[j] === 0xed && j + 1 < bytes.length && (bytes[j + 1]! & 0xe0) === 0xa0)
    )
      j++;
    try {
      out += utf8.decode(bytes.subarray(i, j));
    } catch {
      return undefined;
    }
    if (j === i) return undefined;
    i = j;
  }
  return out;
}

/** The latin1 text of a line as UTF-8, or undefined when it is not valid UTF-8. */
export function lineAsUtf8(line: string): string | undefined {
  return decodeUtf8SurrogatePass(Buffer.from(line, 'latin1'));
}

/** STRING argument: must be quoted; the inside is decoded like a Python bytes literal. */
export function decodeStringArg(
  line: string,
): { ok: true; bytes: string } | { ok: false; why: string } {
  const q = line[0];
  if (line.length < 2 || (q !== "'" && q !== '"') || line[line.length - 1] !== q) {
    return { ok: false, why: 'the STRING opcode argument must be quoted' };
  }
  const body = line.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n === undefined) return { ok: false, why: 'trailing backslash in STRING argument' };
    switch (n) {
      case '\n':
        break;
      case '\\':
      case "'":
      case '"':
        out += n;
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
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
      case 'v':
        out += '\v';
        break;
      case 'x': {
        const hex = body.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex))
          return { ok: false, why: 'invalid \\x escape in STRING argument' };
        out += String.fromCharCode(parseInt(hex, 16));
        i += 2;
        break;
      }
      default:
        if (n >= '0' && n <= '7') {
          let oct = n;
          while (
            oct.length < 3 &&
            body[i + 1] !== undefined &&
            body[i + 1]! >= '0' &&
            body[i + 1]! <= '7'
          )
            oct += body[++i];
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else out += '\\' + n;
    }
  }
  return { ok: true, bytes: out };
}

/** UNICODE argument: raw-unicode-escape (only \uXXXX and \UXXXXXXXX are escapes). */
export function decodeRawUnicodeEscape(
  line: string,
): { ok: true; text: string } | { ok: false; why: string } {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    // An escape only counts after an odd run of backslashes.
    let run = 1;
    while (line[i + run] === '\\') run++;
    const next = line[i + run];
    if (run % 2 === 1 && (next === 'u' || next === 'U')) {
      out += '\\'.repeat(run - 1);
      const width = next === 'u' ? 4 : 8;
      const hex = line.slice(i + run + 1, i + run + 1 + width);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) {
        return { ok: false, why: 'truncated \\uXXXX escape in UNICODE argument' };
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return { ok: false, why: '\\Uxxxxxxxx out of range in UNICODE argument' };
      out += String.fromCodePoint(cp);
      i += run + width;
    } else {
      out += '\\'.repeat(run);
      i += run - 1;
    }
  }
  return { ok: true, text: out };
}
