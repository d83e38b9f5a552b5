/**
 * NumPy files: .npy headers (versions 1, 2 and 3) parsed as numpy.load parses them; object
 * arrays carry a pickle after the header, which is scanned; .npz archives are zips of .npy
 * members (a layout of the zip scanner).
 */
import type { ScanTarget, Scanner } from '../base.js';
import type { ArchiveEntry, ArchiveLayout } from '../base.js';
import { tailMember } from './members.js';

const MAGIC = Buffer.from('\x93NUMPY', 'latin1');

export function isNpy(head: Buffer): boolean {
  return head.length >= 10 && head.subarray(0, 6).equals(MAGIC);
}

type Lit = string | bigint | boolean | null | Lit[] | { tuple: Lit[] } | Map<string, Lit>;

/** A parser for the Python literals numpy writes in headers (ast.literal_eval's subset we need). */
class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Lit {
    const v = this.value();
    this.ws();
    if (this.i !== this.s.length)
      throw new Error(`unexpected ${JSON.stringify(this.s.slice(this.i, this.i + 10))}`);
    return v;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private value(): Lit {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.dict();
    if (c === '(') return { tuple: this.seq('(', ')') };
    if (c === '[') return this.seq('[', ']');
    if (c === "'" || c === '"') return this.str();
    const word = /^(True|False|None)\b/.exec(this.s.slice(this.i));
    if (word) {
      this.i += word[0].length;
      return word[0] === 'None' ? null : word[0] === 'True';
    }
    const num = /^[-+]?\d+L?/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return BigInt(num[0].replace(/L$/, ''));
    }
    throw new Error(`unexpected ${JSON.stringify(this.s.slice(this.i, this.i + 10))}`);
  }

  private str(): string {
    const q = this.s[this.i++]!;
    let out = '';
    while (this.i < this.s.length && this.s[this.i] !== q) {
      let ch = this.s[this.i++]!;
      if (ch === '\\') {
        const e = this.s[this.i++];
        ch = e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
      }
      out += ch;
    }
    if (this.s[this.i] !== q) throw new Error('unterminated string');
    this.i++;
    return out;
  }

  private seq(open: string, close: string): Lit[] {
    this.i++; // open
    const items: Lit[] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === close) {
        this.i++;
        return items;
      }
      items.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) throw new Error(`expected , or ${close}`);
    }
    void open;
  }

  private dict(): Map<string, Lit> {
    this.i++;
    const m = new Map<string, Lit>();
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return m;
      }
      const k = this.value();
      if (typeof k !== 'string') throw new Error('dict key is not a string');
      this.ws();
      if (this.s[this.i++] !== ':') throw new Error('expected :');
      m.set(k, this.value());
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new Error('expected , or }');
    }
  }
}

interface Dtype {
  readonly itemsize: number;
  readonly hasobject: boolean;
}

/** numpy.lib.format.descr_to_dtype, for sizes: a type string or a list of fields. */
function dtypeOf(descr: Lit): Dtype {
  if (typeof descr === 'string') {
    const m = /^[<>|=]?([a-zA-Z?])(\d*)(\[\w+\])?$/.exec(descr);
    if (!m) throw new Error(`unsupported dtype ${JSON.stringify(descr)}`);
    const kind = m[1]!;
    const n = m[2] ? Number(m[2]) : undefined;
    if (kind === 'O') return { itemsize: n ?? 8, hasobject: true };
    if (kind === '?') return { itemsize: 1, hasobject: false };
    if (n === undefined) throw new Error(`dtype ${JSON.stringify(descr)} has no size`);
    return { itemsize: kind === 'U' ? 4 * n : n, hasobject: false };
  }
  if (Array.isArray(descr)) {
    let itemsize = 0;
    let hasobject = false;
    for (const f of descr) {
      const items = typeof f === 'object' && f !== null && 'tuple' in f ? f.tuple : undefined;
      if (!items || items.length < 2) throw new Error('bad structured dtype field');
      const d = dtypeOf(items[1]!);
      let count = 1n;
      const shape = items[2];
      if (shape !== undefined) {
        const dims =
          typeof shape === 'bigint'
            ? [shape]
            : typeof shape === 'object' && shape !== null && 'tuple' in shape
              ? shape.tuple
              : undefined;
        if (!dims) throw new Error('bad field shape');
        for (const x of dims) {
          if (typeof x !== 'bigint') throw new Error('bad field shape');
          count *= x;
        }
      }
      itemsize += Number(count) * d.itemsize;
      hasobject ||= d.hasobject;
    }
    return { itemsize, hasobject };
  }
  throw new Error('descr is neither a string nor a list');
}

export interface NpyHeader {
  readonly version: string;
  readonly dataOffset: number;
  readonly dtype: Dtype;
  readonly shape: readonly bigint[];
}

export function parseNpyHeader(head: Buffer): NpyHeader {
  if (!isNpy(head)) throw new Error('no NumPy magic');
  const major = head[6]!;
  const minor = head[7]!;
  if (major < 1 || major > 3 || minor !== 0)
    throw new Error(`unsupported format version ${major}.${minor}`);
  const lenSize = major === 1 ? 2 : 4;
  const len = major === 1 ? head.readUInt16LE(8) : head.readUInt32LE(8);
  const start = 8 + lenSize;
  if (start + len > head.length) throw new Error(`header of ${len} bytes is longer than read`);
  const text = head.toString(major === 3 ? 'utf8' : 'latin1', start, start + len);
  const lit = new LiteralParser(text.replace(/\n$/, '')).parse();
  if (!(lit instanceof Map)) throw new Error('header is not a dict');
  const keys = [...lit.keys()].sort().join(',');
  if (keys !== 'descr,fortran_order,shape') throw new Error(`header keys are ${keys}`);
  if (typeof lit.get('fortran_order') !== 'boolean') throw new Error('fortran_order is not a bool');
  const shapeLit = lit.get('shape');
  const dims =
    typeof shapeLit === 'object' && shapeLit !== null && 'tuple' in shapeLit
      ? shapeLit.tuple
      : undefined;
  if (!dims || dims.some((d) => typeof d !== 'bigint' || d < 0n))
    throw new Error('shape is not a tuple of sizes');
  return {
    version: `${major}.${minor}`,
    dataOffset: start + len,
    dtype: dtypeOf(lit.get('descr')!),
    shape: dims as bigint[],
  };
}

/** numpy.load refuses longer headers unless allow_pickle is set; none is that long. */
const MAX_HEADER = 16 * 1024 * 1024;

/** The bytes up to the end of the header (the head, or more when the header is longer). */
async function headerBytes(target: ScanTarget): Promise<Buffer> {
  const h = target.head;
  if (h.length < 12) return h;
  const len = h[6] === 1 ? h.readUInt16LE(8) + 10 : h.readUInt32LE(8) + 12;
  if (len <= h.length || len > MAX_HEADER) return h;
  if (target.source) return target.source.read(0, len);
  const stream = target.openStream();
  try {
    const parts: Buffer[] = [];
    let total = 0;
    while (total < len) {
      const chunk = await stream.read(len - total);
      if (!chunk) break;
      parts.push(Buffer.from(chunk));
      total += chunk.length;
    }
    return Buffer.concat(parts, total);
  } finally {
    await stream.close();
  }
}

export const npyScanner: Scanner = {
  id: 'numpy',
  formats: ['numpy'],
  rules: ['MA3020', 'MA3021'],
  async scan(target, ctx) {
    let h: NpyHeader;
    try {
      h = parseNpyHeader(await headerBytes(target));
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      ctx.report({
        ruleId: 'MA3020',
        message: `NumPy header cannot be parsed: ${msg}; the data was identified by content`,
        evidence: msg,
      });
      // Whatever follows the magic is judged by its content (a pickle is still found).
      const lenSize = target.head[6] === 1 ? 2 : 4;
      const len =
        target.head.length >= 12
          ? lenSize === 2
            ? target.head.readUInt16LE(8)
            : target.head.readUInt32LE(8)
          : 0;
      const offset = Math.min(8 + lenSize + len, target.size ?? Infinity);
      await ctx.scanMember(await tailMember(target, '(data after the header)', offset, ctx.limits));
      return;
    }
    const count = h.shape.reduce((a, b) => a * b, 1n);
    ctx.detail('numpy', {
      version: h.version,
      shape: h.shape.map(Number),
      itemsize: h.dtype.itemsize,
      objectArray: h.dtype.hasobject,
    });
    if (h.dtype.hasobject) {
      // numpy.load(allow_pickle=True) unpickles everything after the header.
      await ctx.scanMember(
        await tailMember(target, '(pickled object array)', h.dataOffset, ctx.limits),
      );
      return;
    }
    if (target.size !== undefined) {
      const expected = count * BigInt(h.dtype.itemsize);
      const actual = BigInt(target.size - h.dataOffset);
      if (expected !== actual) {
        ctx.report({
          ruleId: 'MA3021',
          message: `the header describes ${expected} bytes of array data but ${actual} follow it`,
          evidence: `${expected} expected, ${actual} present`,
          offset: h.dataOffset,
        });
        if (actual > expected) {
          await ctx.scanMember(
            await tailMember(
              target,
              `(bytes after the array data)`,
              h.dataOffset + Number(expected),
              ctx.limits,
            ),
          );
        }
      }
    }
  },
};

export const npzLayout: ArchiveLayout & { matchesNames(e: readonly ArchiveEntry[]): boolean } = {
  format: 'npz',
  matchesNames(entries) {
    const files = entries.filter((e) => !e.isDirectory);
    return files.length > 0 && files.every((e) => e.name.endsWith('.npy'));
  },
  matches(entries) {
    return this.matchesNames(entries);
  },
  scan(_archive, _target, ctx) {
    ctx.detail('npz', { arrays: _archive.entries.filter((e) => !e.isDirectory).length });
    return Promise.resolve('continue');
  },
};
