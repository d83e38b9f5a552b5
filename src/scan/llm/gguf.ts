/**
 * GGUF v1–v3 (either byte order): header, key-values and tensor descriptions parsed with a
 * bound on everything a native loader would trust (counts and lengths against the bytes left,
 * array nesting, n_dims, dimension products, alignment, tensor spans). Malformations are
 * findings; chat templates and other metadata strings go to the metadata checks; tensor data is
 * never read, and bytes no tensor owns are handed back as members.
 */
import type { RandomAccessSource } from '../../io/source.js';
import { LLM_RULES } from '../../rules/llm.js';
import { DEFAULT_MAX_TEMPLATE_LENGTH } from '../../analysis/jinja/analyze.js';
import type { ScanContext, ScanTarget, Scanner } from '../base.js';
import { SourceCursor, Truncated } from '../../io/source-cursor.js';
import { checkMetadataValue, ClaimSink, isTemplateKey } from './metadata-values.js';
import { scanUnowned } from './safetensors.js';

const MAGIC = 0x46554747; // "GGUF" read little-endian

export function looksLikeGguf(head: Buffer): boolean {
  return head.length >= 8 && head.readUInt32LE(0) === MAGIC;
}

/** ggml tensor types: id → [block size, bytes per block] (gguf-py 0.19 GGML_QUANT_SIZES). */
export const GGML_TYPES: ReadonlyMap<number, { name: string; block: number; bytes: number }> =
  new Map(
    (
      [
        [0, 'F32', 1, 4],
        [1, 'F16', 1, 2],
        [2, 'Q4_0', 32, 18],
        [3, 'Q4_1', 32, 20],
        [6, 'Q5_0', 32, 22],
        [7, 'Q5_1', 32, 24],
        [8, 'Q8_0', 32, 34],
        [9, 'Q8_1', 32, 40],
        [10, 'Q2_K', 256, 84],
        [11, 'Q3_K', 256, 110],
        [12, 'Q4_K', 256, 144],
        [13, 'Q5_K', 256, 176],
        [14, 'Q6_K', 256, 210],
        [15, 'Q8_K', 256, 292],
        [16, 'IQ2_XXS', 256, 66],
        [17, 'IQ2_XS', 256, 74],
        [18, 'IQ3_XXS', 256, 98],
        [19, 'IQ1_S', 256, 50],
        [20, 'IQ4_NL', 32, 18],
        [21, 'IQ3_S', 256, 110],
        [22, 'IQ2_S', 256, 82],
        [23, 'IQ4_XS', 256, 136],
        [24, 'I8', 1, 1],
        [25, 'I16', 1, 2],
        [26, 'I32', 1, 4],
        [27, 'I64', 1, 8],
        [28, 'F64', 1, 8],
        [29, 'IQ1_M', 256, 56],
        [30, 'BF16', 1, 2],
        [34, 'TQ1_0', 256, 54],
        [35, 'TQ2_0', 256, 66],
        [39, 'MXFP4', 32, 17],
        [40, 'NVFP4', 64, 36],
        [41, 'Q1_0', 128, 18],
      ] as const
    ).map(([id, name, block, bytes]) => [id, { name, block, bytes }]),
  );

/** general.file_type values (llama_ftype) by name, for the quantization claim. */
const FILE_TYPES: Readonly<Record<number, string>> = {
  0: 'ALL_F32',
  1: 'MOSTLY_F16',
  2: 'MOSTLY_Q4_0',
  3: 'MOSTLY_Q4_1',
  7: 'MOSTLY_Q8_0',
  8: 'MOSTLY_Q5_0',
  9: 'MOSTLY_Q5_1',
  10: 'MOSTLY_Q2_K',
  11: 'MOSTLY_Q3_K_S',
  12: 'MOSTLY_Q3_K_M',
  13: 'MOSTLY_Q3_K_L',
  14: 'MOSTLY_Q4_K_S',
  15: 'MOSTLY_Q4_K_M',
  16: 'MOSTLY_Q5_K_S',
  17: 'MOSTLY_Q5_K_M',
  18: 'MOSTLY_Q6_K',
  19: 'MOSTLY_IQ2_XXS',
  20: 'MOSTLY_IQ2_XS',
  21: 'MOSTLY_Q2_K_S',
  22: 'MOSTLY_IQ3_XS',
  23: 'MOSTLY_IQ3_XXS',
  24: 'MOSTLY_IQ1_S',
  25: 'MOSTLY_IQ4_NL',
  26: 'MOSTLY_IQ3_S',
  27: 'MOSTLY_IQ3_M',
  28: 'MOSTLY_IQ2_S',
  29: 'MOSTLY_IQ2_M',
  30: 'MOSTLY_IQ4_XS',
  31: 'MOSTLY_IQ1_M',
  32: 'MOSTLY_BF16',
  36: 'MOSTLY_TQ1_0',
  37: 'MOSTLY_TQ2_0',
  38: 'MOSTLY_MXFP4_MOE',
  39: 'MOSTLY_NVFP4',
  40: 'MOSTLY_Q1_0',
  1024: 'GUESSED',
};

const enum T {
  U8 = 0,
  I8 = 1,
  U16 = 2,
  I16 = 3,
  U32 = 4,
  I32 = 5,
  F32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
  U64 = 10,
  I64 = 11,
  F64 = 12,
}

const SCALAR_SIZE: Readonly<Record<number, number>> = {
  0: 1,
  1: 1,
  2: 2,
  3: 2,
  4: 4,
  5: 4,
  6: 4,
  7: 1,
  10: 8,
  11: 8,
  12: 8,
};
const TYPE_NAMES = [
  'uint8',
  'int8',
  'uint16',
  'int16',
  'uint32',
  'int32',
  'float32',
  'bool',
  'string',
  'array',
  'uint64',
  'int64',
  'float64',
];

/** Deepest array nesting read (the format allows nesting; no model needs more than one level). */
export const MAX_ARRAY_DEPTH = 8;
/** ggml's limit on dimensions (GGML_MAX_DIMS) and the ceiling beyond which a file is hostile. */
const GGML_MAX_DIMS = 4;
export const MAX_DIMS = 8;
/** Strings longer than this are skipped rather than read (templates are analysed up to the
 * analyzer's own limit, a few MiB; the rest is only length-checked). */
const MAX_KEPT_STRING = 4 * DEFAULT_MAX_TEMPLATE_LENGTH;
/** Other metadata strings are checked up to this length. */
const MAX_CHECKED_STRING = 1 << 20;
const MAX_HIDDEN_MEMBERS = 4;
const INT64_MAX = (1n << 63n) - 1n;
/** Lengths up to this are taken as truncation when the file is shorter, beyond as overflow bait. */
const PLAUSIBLE_BYTES = 64 * 1024 * 1024;

/** A malformation that stops the parse: reported once, then the scan ends. */
class Stop extends Error {
  constructor(
    readonly ruleId: string,
    message: string,
    readonly evidence: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface Kv {
  readonly key: string;
  readonly type: number;
  readonly offset: number;
  value?: string | number | bigint | boolean;
  strings?: string[];
}

interface TensorInfo {
  readonly name: string;
  readonly offset: bigint;
  readonly size: bigint | undefined;
  readonly at: number;
}

export const ggufScanner: Scanner = {
  id: 'gguf',
  formats: ['gguf'],
  rules: [
    ...LLM_RULES.filter((r) => /^MA5(1|2)/.test(r.id) || r.id === 'MA5012').map((r) => r.id),
    'MA1002',
  ],
  async scan(target, ctx) {
    const source = await ctx.randomAccess(target);
    const reader = new GgufReader(source, target, ctx);
    try {
      await reader.read();
    } catch (err) {
      if (err instanceof Stop) {
        ctx.report({
          ruleId: err.ruleId,
          message: err.message,
          evidence: err.evidence,
          offset: err.offset,
        });
      } else if (err instanceof Truncated) {
        ctx.report({
          ruleId: 'MA5101',
          message: `file ends inside the GGUF header: ${err.message}`,
          evidence: `offset ${err.offset} + ${err.wanted} > ${source.size}`,
          offset: err.offset,
        });
      } else throw err;
    }
    ctx.detail('gguf', reader.summary());
  },
};

class GgufReader {
  private readonly c: SourceCursor;
  private version = 0;
  private nTensors = 0n;
  private nKv = 0n;
  private readonly kvs = new Map<string, Kv>();
  private readonly tensors: TensorInfo[] = [];
  private alignment = 32;
  private readonly claims: ClaimSink;
  private readonly templates: string[] = [];

  constructor(
    private readonly source: RandomAccessSource,
    private readonly target: ScanTarget,
    private readonly ctx: ScanContext,
  ) {
    this.c = new SourceCursor(source);
    this.claims = new ClaimSink(ctx);
  }

  summary(): Record<string, unknown> {
    const arch = this.kvs.get('general.architecture')?.value;
    const ft = this.kvs.get('general.file_type')?.value;
    return {
      version: this.version,
      byteOrder: this.c.littleEndian ? 'little' : 'big',
      keyValues: this.kvs.size,
      tensors: this.tensors.length,
      alignment: this.alignment,
      ...(typeof arch === 'string' ? { architecture: arch } : {}),
      ...(typeof ft === 'number' ? { fileType: FILE_TYPES[ft] ?? ft } : {}),
      ...(this.templates.length ? { templates: this.templates } : {}),
    };
  }

  /** Counts and lengths a loader would allocate for: each must fit in the bytes left. */
  private fits(count: bigint, minBytes: number, what: string, at: number): number {
    const left = BigInt(this.c.remaining);
    const needed = count * BigInt(minBytes);
    if (needed > left) {
      // A plausible value in a short file is truncation; an absurd one is an overflow attempt.
      const plausible = needed <= BigInt(PLAUSIBLE_BYTES);
      throw new Stop(
        plausible ? 'MA5101' : 'MA5103',
        plausible
          ? `file ends early: ${what} of ${count} needs at least ${needed} bytes but only ${left} remain`
          : `${what} of ${count} needs at least ${needed} bytes but only ${left} remain`,
        `${what} ${count}`,
        at,
      );
    }
    return Number(count);
  }

  private async len(): Promise<bigint> {
    return this.version === 1 ? BigInt(await this.c.u32()) : this.c.u64();
  }

  async read(): Promise<void> {
    const c = this.c;
    c.skip(4);
    const versionAt = c.pos;
    let version = await c.u32();
    if ((version & 0xffff) === 0) {
      // Written on a big-endian machine (GGUF v3 allows either order).
      c.littleEndian = false;
      c.pos = versionAt;
      version = await c.u32();
    }
    this.version = version;
    if (version < 1 || version > 3)
      throw new Stop(
        'MA5102',
        `GGUF version ${version} is not 1, 2 or 3; the header was not parsed`,
        `version ${version}`,
        versionAt,
      );
    const countsAt = c.pos;
    this.nTensors = await this.len();
    this.nKv = await this.len();
    const lenBytes = version === 1 ? 4 : 8;
    const nKv = this.fits(this.nKv, lenBytes + 4 + 1, 'key-value count', countsAt);
    this.fits(this.nTensors, lenBytes + 4 + 4 + 8, 'tensor count', countsAt);

    for (let i = 0; i < nKv; i++) {
      this.ctx.checkpoint();
      await this.readKv();
    }
    this.applyKnownKeys();
    const nTensors = this.fits(this.nTensors, lenBytes + 4 + 4 + 8, 'tensor count', c.pos);
    const names = new Set<string>();
    for (let i = 0; i < nTensors; i++) {
      this.ctx.checkpoint();
      const info = await this.readTensorInfo();
      if (!info) return; // reported; the rest of the table cannot be trusted
      if (names.has(info.name))
        this.ctx.report({
          ruleId: 'MA5106',
          message: `tensor ${JSON.stringify(info.name)} is described twice`,
          evidence: info.name,
          offset: info.at,
        });
      names.add(info.name);
      this.tensors.push(info);
    }
    await this.checkLayout();
  }

  private async readString(
    what: string,
  ): Promise<{ bytes: Buffer | undefined; length: number; at: number }> {
    const at = this.c.pos;
    const n = await this.len();
    const length = this.fits(n, 1, `${what} length`, at);
    if (length > MAX_KEPT_STRING) {
      this.c.skip(length);
      return { bytes: undefined, length, at };
    }
    return { bytes: await this.c.bytes(length), length, at };
  }

  private decode(bytes: Buffer, what: string, at: number): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      this.ctx.report({
        ruleId: 'MA5115',
        message: `${what} is not valid UTF-8`,
        evidence: bytes.subarray(0, 48).toString('hex'),
        offset: at,
      });
      return new TextDecoder('utf-8').decode(bytes);
    }
  }

  private async readKv(): Promise<void> {
    const keyAt = this.c.pos;
    const keyRaw = await this.readString('key');
    const key = keyRaw.bytes
      ? this.decode(keyRaw.bytes, 'a key', keyAt)
      : `<${keyRaw.length}-byte key>`;
    const typeAt = this.c.pos;
    const type = await this.c.u32();
    if (this.kvs.has(key))
      this.ctx.report({
        ruleId: 'MA5106',
        message: `key ${JSON.stringify(key)} is defined twice; readers disagree on which value counts`,
        evidence: key,
        offset: keyAt,
      });
    const kv: Kv = { key, type, offset: keyAt };
    if (type === T.STRING) {
      const s = await this.readString(`value of ${key}`);
      if (s.bytes === undefined) {
        if (isTemplateKey(key)) {
          this.ctx.report({
            ruleId: 'MA5209',
            message: `gguf metadata ${key}: template of ${s.length} bytes is too large to analyse`,
            evidence: `${key}: ${s.length} bytes`,
            offset: s.at,
          });
        }
      } else {
        const text = this.decode(s.bytes, `value of ${key}`, s.at);
        kv.value = text;
        await this.checkString(key, text, s.at);
      }
    } else if (type === T.ARRAY) {
      const strings = await this.readArray(key, 1, isTemplateKey(key));
      if (strings) {
        kv.strings = strings;
        for (const [i, s] of strings.entries()) await this.checkString(`${key}[${i}]`, s, keyAt);
      }
    } else {
      const size = SCALAR_SIZE[type];
      if (size === undefined)
        throw new Stop(
          'MA5104',
          `key ${JSON.stringify(key)} has the unknown value type ${type}`,
          `${key}: type ${type}`,
          typeAt,
        );
      kv.value = await this.scalar(type);
    }
    this.kvs.set(key, kv);
  }

  private async scalar(type: number): Promise<number | bigint | boolean> {
    const b = await this.c.bytes(SCALAR_SIZE[type]!);
    const le = this.c.littleEndian;
    switch (type) {
      case T.U8:
        return b[0]!;
      case T.I8:
        return b.readInt8(0);
      case T.U16:
        return le ? b.readUInt16LE(0) : b.readUInt16BE(0);
      case T.I16:
        return le ? b.readInt16LE(0) : b.readInt16BE(0);
      case T.U32:
        return le ? b.readUInt32LE(0) : b.readUInt32BE(0);
      case T.I32:
        return le ? b.readInt32LE(0) : b.readInt32BE(0);
      case T.F32:
        return le ? b.readFloatLE(0) : b.readFloatBE(0);
      case T.BOOL:
        return b[0] !== 0;
      case T.U64:
        return le ? b.readBigUInt64LE(0) : b.readBigUInt64BE(0);
      case T.I64:
        return le ? b.readBigInt64LE(0) : b.readBigInt64BE(0);
      default:
        return le ? b.readDoubleLE(0) : b.readDoubleBE(0);
    }
  }

  /**
   * Reads (mostly skips) an array. Returns its strings when `keep` and it is an array of strings;
   * nested arrays are walked up to MAX_ARRAY_DEPTH.
   */
  private async readArray(
    key: string,
    depth: number,
    keep: boolean,
  ): Promise<string[] | undefined> {
    const at = this.c.pos;
    if (depth > MAX_ARRAY_DEPTH)
      throw new Stop(
        'MA5105',
        `array in ${JSON.stringify(key)} is nested more than ${MAX_ARRAY_DEPTH} levels deep`,
        `${key}: depth ${depth}`,
        at,
      );
    const elemType = await this.c.u32();
    const countAt = this.c.pos;
    const count = await this.len();
    const lenBytes = this.version === 1 ? 4 : 8;
    if (elemType === T.STRING) {
      const n = this.fits(count, lenBytes, `array length of ${key}`, countAt);
      const out: string[] | undefined = keep ? [] : undefined;
      for (let i = 0; i < n; i++) {
        if ((i & 0xffff) === 0) this.ctx.checkpoint();
        const s = await this.readStringLight(key, keep);
        if (out && s !== undefined) out.push(s);
      }
      return out;
    }
    if (elemType === T.ARRAY) {
      const n = this.fits(count, 4 + lenBytes, `array length of ${key}`, countAt);
      for (let i = 0; i < n; i++) {
        this.ctx.checkpoint();
        await this.readArray(key, depth + 1, false);
      }
      return undefined;
    }
    const size = SCALAR_SIZE[elemType];
    if (size === undefined)
      throw new Stop(
        'MA5104',
        `array ${JSON.stringify(key)} has the unknown element type ${elemType}`,
        `${key}: element type ${elemType}`,
        at,
      );
    const n = this.fits(count, size, `array length of ${key}`, countAt);
    this.c.skip(n * size);
    return undefined;
  }

  /** One string of a string array: length-checked and skipped unless kept. */
  private async readStringLight(key: string, keep: boolean): Promise<string | undefined> {
    const at = this.c.pos;
    const n = await this.len();
    const length = this.fits(n, 1, `string length in ${key}`, at);
    if (!keep || length > MAX_KEPT_STRING) {
      this.c.skip(length);
      return undefined;
    }
    return this.decode(await this.c.bytes(length), `a string of ${key}`, at);
  }

  /** Templates, URLs, code and encoded pickles in metadata strings. */
  private async checkString(key: string, value: string | undefined, at: number): Promise<void> {
    if (value === undefined) return;
    if (isTemplateKey(key)) this.templates.push(key);
    if (!isTemplateKey(key) && value.length > MAX_CHECKED_STRING) return;
    await checkMetadataValue({ container: 'gguf', key, value, offset: at }, this.target, this.ctx);
  }

  /** general.alignment and the identity keys. */
  private applyKnownKeys(): void {
    const align = this.kvs.get('general.alignment');
    if (align) {
      const v = align.value;
      if (align.type !== T.U32 || typeof v !== 'number' || v === 0 || (v & (v - 1)) !== 0) {
        throw new Stop(
          'MA5110',
          `general.alignment must be a non-zero power of two stored as uint32, got ${String(v ?? '?')} (${TYPE_NAMES[align.type] ?? align.type})`,
          `general.alignment = ${String(v ?? '?')}`,
          align.offset,
        );
      }
      this.alignment = v;
    }
    const str = (k: string): string | undefined => {
      const v = this.kvs.get(k)?.value;
      return typeof v === 'string' ? v : undefined;
    };
    const add = (field: Parameters<ClaimSink['add']>[0], key: string): void => {
      const v = str(key);
      if (v !== undefined) this.claims.add(field, v, `gguf:${key}`);
    };
    add('name', 'general.name');
    add('family', 'general.basename');
    add('architecture', 'general.architecture');
    add('finetune', 'general.finetune');
    add('license', 'general.license');
    add('license', 'general.license.name');
    add('size_label', 'general.size_label');
    add('version', 'general.version');
    add('author', 'general.author');
    add('author', 'general.organization');
    for (const k of this.kvs.keys()) {
      if (/^general\.base_model\.\d+\.(name|repo_url)$/.test(k)) add('base_model', k);
      else if (/^general\.base_model\.\d+\.organization$/.test(k)) add('author', k);
    }
    const ft = this.kvs.get('general.file_type')?.value;
    if (typeof ft === 'number')
      this.claims.add(
        'quantization',
        FILE_TYPES[ft] ?? `file_type ${ft}`,
        'gguf:general.file_type',
      );
  }

  private async readTensorInfo(): Promise<TensorInfo | undefined> {
    const at = this.c.pos;
    const nameRaw = await this.readString('tensor name');
    const name = nameRaw.bytes
      ? this.decode(nameRaw.bytes, 'a tensor name', at)
      : `<${nameRaw.length}-byte name>`;
    const dimsAt = this.c.pos;
    const nDims = await this.c.u32();
    if (nDims > MAX_DIMS) {
      this.ctx.report({
        ruleId: 'MA5107',
        message: `tensor ${JSON.stringify(name)} declares ${nDims} dimensions (ggml supports ${GGML_MAX_DIMS}); the tensor table was not read further`,
        evidence: `${name}: n_dims ${nDims}`,
        offset: dimsAt,
      });
      return undefined;
    }
    if (nDims > GGML_MAX_DIMS)
      this.ctx.report({
        ruleId: 'MA5108',
        message: `tensor ${JSON.stringify(name)} has ${nDims} dimensions; ggml supports ${GGML_MAX_DIMS}`,
        evidence: `${name}: n_dims ${nDims}`,
        offset: dimsAt,
      });
    const dims: bigint[] = [];
    for (let d = 0; d < nDims; d++)
      dims.push(this.version === 1 ? BigInt(await this.c.u32()) : await this.c.u64());
    const typeAt = this.c.pos;
    const type = await this.c.u32();
    const offset = await this.c.u64();
    const info = GGML_TYPES.get(type);
    const shape = `[${dims.join(', ')}]`;
    if (!info) {
      this.ctx.report({
        ruleId: 'MA5104',
        message: `tensor ${JSON.stringify(name)} has the unknown ggml type ${type}`,
        evidence: `${name}: type ${type}`,
        offset: typeAt,
      });
      return { name, offset, size: undefined, at };
    }
    let elements = 1n;
    let problem: string | undefined;
    for (const d of dims) {
      if (d > INT64_MAX) problem = `dimension ${d} is negative as a signed 64-bit value`;
      elements *= d;
      if (elements > INT64_MAX) problem ??= `the product of dimensions ${shape} overflows int64`;
    }
    if (!problem && dims.length > 0 && dims[0]! % BigInt(info.block) !== 0n)
      problem = `first dimension ${dims[0]} is not a multiple of the ${info.name} block size ${info.block}`;
    const size = problem ? undefined : (elements / BigInt(info.block)) * BigInt(info.bytes);
    if (problem || (size !== undefined && size > INT64_MAX)) {
      this.ctx.report({
        ruleId: 'MA5109',
        message: `tensor ${JSON.stringify(name)}: ${problem ?? `its size overflows int64`}`,
        evidence: `${name}: ${info.name} ${shape}`,
        offset: dimsAt,
      });
      return { name, offset, size: undefined, at };
    }
    if (offset % BigInt(this.alignment) !== 0n)
      this.ctx.report({
        ruleId: 'MA5113',
        message: `tensor ${JSON.stringify(name)} starts at data offset ${offset}, not a multiple of the alignment ${this.alignment}`,
        evidence: `${name}: offset ${offset}`,
        offset: typeAt,
      });
    return { name, offset, size, at };
  }

  /** Tensors must follow each other (aligned) through the data area, inside the file. */
  private async checkLayout(): Promise<void> {
    const a = BigInt(this.alignment);
    const align = (x: bigint): bigint => ((x + a - 1n) / a) * a;
    const infoEnd = BigInt(this.c.pos);
    const fileSize = BigInt(this.c.size);
    const dataStart = align(infoEnd);
    if (this.tensors.length === 0) {
      // A vocabulary-only file may stop at the end of its header or after its padding.
      if (fileSize > dataStart) await this.trailing(dataStart, fileSize);
      return;
    }
    const known = this.tensors.filter(
      (t): t is TensorInfo & { size: bigint } => t.size !== undefined,
    );
    // With a tensor of unknown size (reported already), holes and trailing bytes cannot be told.
    const complete = known.length === this.tensors.length;
    // llama.cpp requires each tensor to start where the previous one (aligned) ended, in file
    // order; report the first place the file departs from that.
    let expected = 0n;
    let departures = 0;
    let first: { t: TensorInfo; expected: bigint } | undefined;
    for (const t of this.tensors) {
      if (t.size === undefined) break;
      if (t.offset !== expected) {
        departures++;
        first ??= { t, expected };
      }
      expected += align(t.size);
    }
    if (first)
      this.ctx.report({
        ruleId: 'MA5113',
        message: `tensor ${JSON.stringify(first.t.name)} starts at data offset ${first.t.offset} where loaders expect ${first.expected} (${departures} tensor${departures > 1 ? 's' : ''} out of place): tensors are reordered or leave bytes no tensor owns`,
        evidence: `${first.t.name}: offset ${first.t.offset}, expected ${first.expected}`,
        offset: first.t.at,
      });
    for (const t of known) {
      if (dataStart + t.offset + t.size > fileSize) {
        this.ctx.report({
          ruleId: 'MA5111',
          message: `tensor ${JSON.stringify(t.name)} spans [${t.offset}, ${t.offset + t.size}) of the data area, past the end of the file`,
          evidence: `${t.name}: offset ${t.offset} size ${t.size}, data area ${fileSize > dataStart ? fileSize - dataStart : 0n} bytes`,
          offset: t.at,
        });
      }
    }
    const sorted = [...known].sort((x, y) =>
      x.offset < y.offset ? -1 : x.offset > y.offset ? 1 : 0,
    );
    let cursor = 0n;
    let previous: TensorInfo | undefined;
    const hidden: [bigint, bigint][] = [];
    for (const t of sorted) {
      if (previous && t.offset < cursor) {
        this.ctx.report({
          ruleId: 'MA5112',
          message: `tensors ${JSON.stringify(previous.name)} and ${JSON.stringify(t.name)} share bytes of the data area`,
          evidence: `${previous.name} [${previous.offset}, ${cursor}) / ${t.name} [${t.offset}, ${t.offset + t.size})`,
          offset: t.at,
        });
      } else if (t.offset > align(cursor)) hidden.push([align(cursor), t.offset]);
      if (t.offset + t.size > cursor) {
        cursor = t.offset + t.size;
        previous = t;
      }
    }
    const end = dataStart + align(cursor);
    if (!complete) return;
    for (const [from, to] of hidden.slice(0, MAX_HIDDEN_MEMBERS)) {
      const begin = dataStart + from;
      const stop = dataStart + to < fileSize ? dataStart + to : fileSize;
      if (stop > begin) await this.scanHidden(begin, stop);
    }
    if (fileSize > end) await this.trailing(end, fileSize);
  }

  private async trailing(from: bigint, to: bigint): Promise<void> {
    this.ctx.report({
      ruleId: 'MA5114',
      message: `${to - from} bytes follow the end of the GGUF data; no tensor owns them`,
      evidence: `trailing bytes [${from}, ${to})`,
      offset: Number(from),
    });
    await this.scanHidden(from, to);
  }

  private async scanHidden(from: bigint, to: bigint): Promise<void> {
    await scanUnowned(this.target, this.source, Number(from), Number(to - from), this.ctx);
  }
}
