/**
 * A byte-level sweep for import opcodes, used only where the opcode stream could not be
 * followed (after a parse fault or a frame violation): a loader that reads the stream
 * differently may still reach these imports.
 */
import type { ByteStream } from '../../io/stream.js';
import { classifyGlobal, type Classification } from '../../knowledge/callables/classify.js';

export interface SweepHit {
  readonly offset: number;
  readonly module: string;
  readonly name: string;
  readonly cls: Extract<Classification, { level: 'dangerous' }>;
}

const IDENT = '[A-Za-z_][A-Za-z0-9_.]{0,127}';
const TEXT_IMPORT = new RegExp(`[ci](${IDENT})\\n(${IDENT})\\n`, 'g');
const IDENT_ONLY = new RegExp(`^${IDENT}$`);
const CHUNK = 1 << 20;
const OVERLAP = 600;
const MAX_HITS = 50;

/** An identifier-like counted string starting at `i`, or undefined. */
function countedString(
  buf: Buffer,
  text: string,
  i: number,
): { text: string; end: number } | undefined {
  const op = buf[i];
  let len = -1;
  let start = 0;
  if (op === 0x8c || op === 0x55) {
    len = buf[i + 1] ?? -1;
    start = i + 2;
  } else if (op === 0x58 && i + 5 <= buf.length) {
    len = buf.readUInt32LE(i + 1);
    start = i + 5;
  }
  if (len <= 0 || len > 128 || start + len > buf.length) return undefined;
  const s = text.slice(start, start + len);
  return IDENT_ONLY.test(s) ? { text: s, end: start + len } : undefined;
}

/** Position after an optional MEMOIZE, BINPUT or LONG_BINPUT at `i`. */
function skipMemoize(buf: Buffer, i: number): number {
  if (buf[i] === 0x94) return i + 1;
  if (buf[i] === 0x71) return i + 2;
  if (buf[i] === 0x72) return i + 5;
  return i;
}

/** Sweeps at most `maxBytes` of the stream for GLOBAL/INST and STACK_GLOBAL-like operands. */
export async function sweepForImports(
  stream: ByteStream,
  maxBytes: number,
  checkpoint: () => void,
  known: ReadonlySet<string> = new Set(),
): Promise<SweepHit[]> {
  const hits: SweepHit[] = [];
  const seen = new Set<string>();
  let carry: Buffer = Buffer.alloc(0);
  let base = stream.position;
  let total = 0;
  while (total < maxBytes && hits.length < MAX_HITS) {
    checkpoint();
    const chunk = await stream.read(Math.min(CHUNK, maxBytes - total));
    if (!chunk) break;
    total += chunk.length;
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const text = buf.toString('latin1');
    const consider = (offset: number, module: string, name: string): void => {
      const key = `${offset}:${module}:${name}`;
      if (seen.has(key) || known.has(`${module}.${name}`)) return;
      seen.add(key);
      const cls = classifyGlobal(module, name);
      if (cls.level === 'dangerous' && hits.length < MAX_HITS)
        hits.push({ offset, module, name, cls });
    };
    TEXT_IMPORT.lastIndex = 0;
    for (let m = TEXT_IMPORT.exec(text); m; m = TEXT_IMPORT.exec(text))
      consider(base + m.index, m[1]!, m[2]!);
    // STACK_GLOBAL: two counted strings (SHORT_BINUNICODE, BINUNICODE, SHORT_BINSTRING), each
    // optionally memoized, then the opcode itself. Adjacent strings alone (dict keys) are not
    // imports.
    for (let i = 0; i < buf.length - 2; i++) {
      const first = countedString(buf, text, i);
      if (!first) continue;
      const second = countedString(buf, text, skipMemoize(buf, first.end));
      if (!second) continue;
      const after = skipMemoize(buf, second.end);
      if (buf[after] === 0x93) consider(base + i, first.text, second.text);
    }
    carry = buf.subarray(Math.max(0, buf.length - OVERLAP));
    base += buf.length - carry.length;
  }
  return hits;
}
