/**
 * A byte-level sweep for import opcodes, used only where the opcode stream could not be
 * followed (after a parse fault or a frame violation): a loader that reads the stream
 * differently may still reach these imports.
 */
import type { ByteStream } from '../io/stream.js';
import { classifyGlobal, type Classification } from './policy/classify.js';

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

/** Sweeps at most `maxBytes` of the stream for GLOBAL/INST and STACK_GLOBAL-like operands. */
export async function sweepForImports(
  stream: ByteStream,
  maxBytes: number,
  checkpoint: () => void,
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
      if (seen.has(key)) return;
      seen.add(key);
      const cls = classifyGlobal(module, name);
      if (cls.level === 'dangerous' && hits.length < MAX_HITS)
        hits.push({ offset, module, name, cls });
    };
    TEXT_IMPORT.lastIndex = 0;
    for (let m = TEXT_IMPORT.exec(text); m; m = TEXT_IMPORT.exec(text))
      consider(base + m.index, m[1]!, m[2]!);
    // Counted strings (SHORT_BINUNICODE, BINUNICODE, SHORT_BINSTRING) taken in pairs.
    let prev: { text: string; end: number } | undefined;
    for (let i = 0; i < buf.length - 2; i++) {
      const op = buf[i];
      let len = -1;
      let start = 0;
      if (op === 0x8c || op === 0x55) {
        len = buf[i + 1]!;
        start = i + 2;
      } else if (op === 0x58 && i + 5 <= buf.length) {
        len = buf.readUInt32LE(i + 1);
        start = i + 5;
      }
      if (len <= 0 || len > 128 || start + len > buf.length) continue;
      const s = text.slice(start, start + len);
      if (!IDENT_ONLY.test(s)) continue;
      if (prev && i - prev.end <= 16) consider(base + i, prev.text, s);
      prev = { text: s, end: start + len };
      i = start + len - 1;
    }
    carry = buf.subarray(Math.max(0, buf.length - OVERLAP));
    base += buf.length - carry.length;
  }
  return hits;
}
