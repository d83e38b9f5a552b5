/**
 * safetensors: an 8-byte little-endian header length, a JSON header, then the data area. The
 * header is validated the way the safetensors library validates it (and stricter where a
 * parser differential hides something): length, UTF-8, one JSON object, no duplicate keys,
 * known dtypes, shape × dtype = span, spans inside the data area, contiguous, no holes, no
 * trailing bytes. Tensor bytes are never read; unowned bytes (holes, trailing data) are handed
 * back to the engine as members, so a zip or pickle hidden there is scanned.
 */
import { SliceSource, type RandomAccessSource } from '../../io/source.js';
import { SourceStream } from '../../io/stream.js';
import { LLM_RULES } from '../../rules/llm.js';
import { type ScanContext, type ScanTarget, type Scanner } from '../base.js';
import { HEAD_BYTES } from '../../identify/identify.js';
import type { JsonSyntaxError } from '../../io/strict-json.js';
import { exactUnsigned, parseStrictJson, type JsonValue } from '../../io/strict-json.js';
import { checkMetadataValue, ClaimSink } from './metadata-values.js';

/** The safetensors library refuses headers larger than this (MAX_HEADER_SIZE). */
export const MAX_HEADER_BYTES = 100_000_000;

/** Element size in bits of every dtype the format defines (safetensors 0.8, 22 dtypes). */
export const DTYPE_BITS: Readonly<Record<string, number>> = {
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  F8_E4M3FNUZ: 8,
  F8_E5M2FNUZ: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64,
};

const U64_MAX = (1n << 64n) - 1n;
/** Most unowned regions handed back as members (each is reported anyway). */
const MAX_HIDDEN_MEMBERS = 4;

/** Content test: a plausible length followed by the start of a JSON object. */
export function looksLikeSafetensors(head: Buffer, size: number | undefined): boolean {
  if (head.length < 10) return false;
  const n = head.readBigUInt64LE(0);
  if (head[8] !== 0x7b) return false; // '{'
  const next = head[9]!;
  // '"', '}' or JSON whitespace: a header, not a stray brace.
  if (
    next !== 0x22 &&
    next !== 0x7d &&
    next !== 0x20 &&
    next !== 0x0a &&
    next !== 0x0d &&
    next !== 0x09
  )
    return false;
  if (n < 2n) return false;
  // Text that happens to hold a JSON object at byte 8 ("var cfg={...") is not a header: real
  // length fields are small numbers with zero high bytes. Lying lengths made only of printable
  // characters are still caught by the .safetensors extension.
  if (head.subarray(0, 8).every((b) => b >= 0x20 && b <= 0x7e)) return false;
  // A wildly wrong length still identifies the format (and is reported), as long as the bytes
  // after it read like a safetensors header.
  if (size !== undefined && n + 8n <= BigInt(size)) return true;
  return /^\{\s*"(__metadata__|[^"]{1,256})"\s*:\s*\{/.test(
    head.toString('latin1', 8, Math.min(head.length, 300)),
  );
}

interface TensorSpan {
  readonly name: string;
  readonly begin: bigint;
  readonly end: bigint;
}

export const safetensorsScanner: Scanner = {
  id: 'safetensors',
  formats: ['safetensors'],
  rules: [
    ...LLM_RULES.filter((r) => /^MA50/.test(r.id)).map((r) => r.id),
    'MA1002',
    ...templateRules(),
  ],
  async scan(target, ctx) {
    await scanSafetensors(target, ctx);
  },
};

function templateRules(): string[] {
  return LLM_RULES.filter((r) => /^MA52/.test(r.id)).map((r) => r.id);
}

async function scanSafetensors(target: ScanTarget, ctx: ScanContext): Promise<void> {
  const source = await ctx.randomAccess(target);
  const size = source.size;
  if (size < 8) {
    ctx.report({
      ruleId: 'MA5001',
      message: `file of ${size} bytes is too short for a safetensors header length`,
      evidence: `${size} bytes`,
    });
    return;
  }
  const lenBuf = target.head.length >= 8 ? target.head : await source.read(0, 8);
  const declared = lenBuf.readBigUInt64LE(0);
  const available = BigInt(size - 8);
  if (declared < 2n || declared > available || declared > BigInt(MAX_HEADER_BYTES)) {
    const why =
      declared < 2n
        ? 'too small for a JSON object'
        : declared > available
          ? `longer than the ${available} bytes that follow it`
          : `larger than the ${MAX_HEADER_BYTES}-byte limit of the safetensors loader`;
    ctx.report({
      ruleId: 'MA5001',
      message: `declared header length ${declared} is ${why}`,
      evidence: `header length ${declared} (file ${size} bytes)`,
      offset: 0,
    });
    return;
  }
  const headerLen = Number(declared);
  const dataStart = 8 + headerLen;
  const dataSize = BigInt(size - dataStart);
  ctx.checkpoint();
  // The sniffed head usually holds the whole header already.
  const raw =
    8 + headerLen <= target.head.length
      ? target.head.subarray(8, 8 + headerLen)
      : await source.read(8, headerLen);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    ctx.report({
      ruleId: 'MA5002',
      message: 'header is not valid UTF-8',
      evidence: raw.subarray(0, 32).toString('hex'),
      offset: 8,
    });
    return;
  }
  if (!text.startsWith('{')) {
    ctx.report({
      ruleId: 'MA5002',
      message: 'header does not start with "{"',
      evidence: JSON.stringify(text.slice(0, 32)),
      offset: 8,
    });
    return;
  }
  let root: JsonValue;
  try {
    const parsed = parseStrictJson(text);
    root = parsed.value;
    for (const d of parsed.duplicates) {
      ctx.report({
        ruleId: 'MA5003',
        message: `header repeats the key ${JSON.stringify(d.key)}${d.path ? ` inside ${JSON.stringify(d.path)}` : ''}; loaders disagree on which copy counts`,
        evidence: d.path ? `${d.path}.${d.key}` : d.key,
        offset: 8 + byteOffset(text, d.offset),
      });
    }
  } catch (err) {
    const e = err as JsonSyntaxError;
    ctx.report({
      ruleId: 'MA5002',
      message: `header is not valid JSON: ${e.message}`,
      evidence: JSON.stringify(text.slice(Math.max(0, (e.offset ?? 0) - 20), (e.offset ?? 0) + 20)),
      offset: 8 + byteOffset(text, e.offset ?? 0),
    });
    return;
  }
  if (root.kind !== 'object') {
    ctx.report({
      ruleId: 'MA5002',
      message: 'header is not a JSON object',
      evidence: root.kind,
      offset: 8,
    });
    return;
  }

  const spans: TensorSpan[] = [];
  const dtypes: Record<string, number> = {};
  let metadataKeys = 0;
  let complete = true;
  const claims = new ClaimSink(ctx);
  for (const [name, entry] of root.entries) {
    ctx.checkpoint();
    const at = 8 + byteOffset(text, entry.offset);
    if (name === '__metadata__') {
      metadataKeys += await checkMetadata(entry, text, target, ctx, claims);
      continue;
    }
    const span = checkTensorEntry(name, entry, at, ctx);
    if (!span) {
      complete = false;
      continue;
    }
    if (span.dtype) dtypes[span.dtype] = (dtypes[span.dtype] ?? 0) + 1;
    if (span.end > dataSize) {
      ctx.report({
        ruleId: 'MA5007',
        message: `tensor ${JSON.stringify(name)} ends at ${span.end}, past the ${dataSize}-byte data area`,
        evidence: `${name}: data_offsets [${span.begin}, ${span.end}]`,
        offset: at,
      });
      complete = false;
      continue;
    }
    spans.push({ name, begin: span.begin, end: span.end });
  }
  // An entry without usable offsets leaves the layout unknown: holes cannot be told apart.
  if (complete) await checkLayout(spans, dataStart, dataSize, source, target, ctx);
  ctx.detail('safetensors', {
    headerBytes: headerLen,
    tensors: spans.length,
    dtypes,
    metadataKeys,
    dataBytes: Number(dataSize),
  });
}

/** Byte offset in the UTF-8 header of a character index (headers are mostly ASCII). */
function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

function checkTensorEntry(
  name: string,
  entry: JsonValue,
  at: number,
  ctx: ScanContext,
): { dtype: string | undefined; begin: bigint; end: bigint } | undefined {
  const bad = (what: string): undefined => {
    ctx.report({
      ruleId: 'MA5004',
      message: `tensor ${JSON.stringify(name)}: ${what}`,
      evidence: name,
      offset: at,
    });
    return undefined;
  };
  if (entry.kind !== 'object') return bad(`entry is a JSON ${entry.kind}, not an object`);
  const fields = new Map(entry.entries);
  const extra = [...fields.keys()].filter(
    (k) => k !== 'dtype' && k !== 'shape' && k !== 'data_offsets',
  );
  if (extra.length)
    ctx.report({
      ruleId: 'MA5013',
      message: `tensor ${JSON.stringify(name)} carries fields the format does not define: ${extra.join(', ')}`,
      evidence: `${name}: ${extra.join(', ')}`,
      offset: at,
    });
  const dtype = fields.get('dtype');
  const shape = fields.get('shape');
  const offsets = fields.get('data_offsets');
  if (!offsets || offsets.kind !== 'array' || offsets.items.length !== 2)
    return bad('"data_offsets" is missing or not a [begin, end] pair');
  const begin = exactUnsigned(offsets.items[0]!);
  const end = exactUnsigned(offsets.items[1]!);
  if (begin === undefined || end === undefined || begin > U64_MAX || end > U64_MAX)
    return bad('"data_offsets" holds something other than non-negative 64-bit integers');
  if (begin > end) return bad(`data_offsets begin ${begin} is after end ${end}`);
  // From here on the span is known, so the layout checks can still account for it.
  const span = { dtype: undefined, begin, end };
  if (!dtype || dtype.kind !== 'string') return bad('"dtype" is missing or not a string') ?? span;
  if (!shape || shape.kind !== 'array') return bad('"shape" is missing or not a list') ?? span;
  const dims: bigint[] = [];
  for (const d of shape.items) {
    const v = exactUnsigned(d);
    if (v === undefined || v > U64_MAX)
      return bad('"shape" holds something other than non-negative integers') ?? span;
    dims.push(v);
  }
  const bits = DTYPE_BITS[dtype.value];
  if (bits === undefined) {
    ctx.report({
      ruleId: 'MA5005',
      message: `tensor ${JSON.stringify(name)} has the unknown dtype ${JSON.stringify(dtype.value)}`,
      evidence: `${name}: ${dtype.value}`,
      offset: at,
    });
    return span;
  }
  let elements = 1n;
  let overflow = false;
  for (const d of dims) {
    elements *= d;
    if (elements > U64_MAX) overflow = true;
  }
  const totalBits = elements * BigInt(bits);
  const expected = totalBits / 8n;
  const shapeText = `[${dims.join(', ')}]`;
  if (overflow || totalBits % 8n !== 0n || expected > U64_MAX || expected !== end - begin) {
    ctx.report({
      ruleId: 'MA5006',
      message: overflow
        ? `tensor ${JSON.stringify(name)}: shape ${shapeText} overflows 64 bits`
        : totalBits % 8n !== 0n
          ? `tensor ${JSON.stringify(name)}: ${dtype.value} × ${shapeText} does not end on a byte boundary`
          : `tensor ${JSON.stringify(name)}: ${dtype.value} × ${shapeText} is ${expected} bytes but its span is ${end - begin}`,
      evidence: `${name}: ${dtype.value} ${shapeText} data_offsets [${begin}, ${end}]`,
      offset: at,
    });
    return span;
  }
  return { dtype: dtype.value, begin, end };
}

async function checkMetadata(
  entry: JsonValue,
  text: string,
  target: ScanTarget,
  ctx: ScanContext,
  claims: ClaimSink,
): Promise<number> {
  const at = 8 + byteOffset(text, entry.offset);
  if (entry.kind !== 'object') {
    ctx.report({
      ruleId: 'MA5011',
      message: `__metadata__ is a JSON ${entry.kind}, not an object`,
      evidence: entry.kind,
      offset: at,
    });
    return 0;
  }
  for (const [key, value] of entry.entries) {
    ctx.checkpoint();
    const valueAt = 8 + byteOffset(text, value.offset);
    if (value.kind !== 'string') {
      ctx.report({
        ruleId: 'MA5011',
        message: `__metadata__ value ${JSON.stringify(key)} is a JSON ${value.kind}, not a string`,
        evidence: key,
        offset: valueAt,
      });
      continue;
    }
    claimFromMetadata(key, value.value, claims);
    await checkMetadataValue(
      { container: 'safetensors', key, value: value.value, offset: valueAt },
      target,
      ctx,
    );
  }
  return entry.entries.length;
}

/** Identity keys written by modelspec, kohya-ss and common conversion tools. */
const METADATA_CLAIMS: Readonly<Record<string, Parameters<ClaimSink['add']>[0]>> = {
  'modelspec.title': 'name',
  'modelspec.architecture': 'architecture',
  'modelspec.author': 'author',
  'modelspec.license': 'license',
  ss_output_name: 'name',
  ss_sd_model_name: 'base_model',
  ss_base_model_version: 'family',
  name: 'name',
  model_name: 'name',
  model_id: 'name',
  base_model: 'base_model',
  base_model_name_or_path: 'base_model',
  architecture: 'architecture',
  architectures: 'architecture',
  model_type: 'architecture',
  license: 'license',
  author: 'author',
  quantization: 'quantization',
  quant_method: 'quantization',
};

function claimFromMetadata(key: string, value: string, claims: ClaimSink): void {
  const field = METADATA_CLAIMS[key] ?? METADATA_CLAIMS[key.toLowerCase()];
  if (field) claims.add(field, value, `safetensors:__metadata__.${key}`);
}

/** Tensors must tile the data area: sorted by offset, each starts where the previous ended. */
async function checkLayout(
  spans: TensorSpan[],
  dataStart: number,
  dataSize: bigint,
  source: RandomAccessSource,
  target: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  spans.sort((a, b) =>
    a.begin < b.begin ? -1 : a.begin > b.begin ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0,
  );
  const hidden: { begin: bigint; end: bigint }[] = [];
  let cursor = 0n;
  let previous: TensorSpan | undefined;
  for (const s of spans) {
    if (s.begin < cursor && previous) {
      ctx.report({
        ruleId: 'MA5008',
        message: `tensors ${JSON.stringify(previous.name)} and ${JSON.stringify(s.name)} share bytes [${s.begin}, ${cursor < s.end ? cursor : s.end})`,
        evidence: `${previous.name} [${previous.begin}, ${previous.end}] / ${s.name} [${s.begin}, ${s.end}]`,
        offset: dataStart + Number(s.begin),
      });
    } else if (s.begin > cursor) {
      ctx.report({
        ruleId: 'MA5009',
        message: `${s.begin - cursor} bytes of the data area before tensor ${JSON.stringify(s.name)} belong to no tensor`,
        evidence: `hole [${cursor}, ${s.begin}) before ${s.name}`,
        offset: dataStart + Number(cursor),
      });
      hidden.push({ begin: cursor, end: s.begin });
    }
    if (s.end > cursor) {
      cursor = s.end;
      previous = s;
    }
  }
  if (cursor < dataSize) {
    ctx.report({
      ruleId: 'MA5010',
      message: `${dataSize - cursor} bytes follow the last tensor, outside every tensor's span`,
      evidence: `trailing bytes [${cursor}, ${dataSize}) of the data area`,
      offset: dataStart + Number(cursor),
    });
    hidden.push({ begin: cursor, end: dataSize });
  }
  for (const h of hidden.slice(0, MAX_HIDDEN_MEMBERS))
    await scanUnowned(target, source, dataStart + Number(h.begin), Number(h.end - h.begin), ctx);
}

/** Largest unowned region checked for being plain zero padding before it is scanned. */
const ZERO_CHECK_BYTES = 64 * 1024;

/**
 * Hands bytes no tensor owns back to the engine as a member, so a payload hidden there is
 * identified and scanned. Small all-zero regions (padding) are not worth a member scan.
 */
export async function scanUnowned(
  target: ScanTarget,
  source: RandomAccessSource,
  offset: number,
  length: number,
  ctx: ScanContext,
): Promise<void> {
  if (length <= 0) return;
  if (length <= ZERO_CHECK_BYTES) {
    const bytes = await source.read(offset, length);
    if (bytes.every((b) => b === 0)) return;
  }
  await ctx.scanMember(
    await sliceTarget(target, source, offset, length, `unowned bytes @${offset}`),
  );
}

/** A member over a byte range of the file (unowned regions scanned for hidden payloads). */
export async function sliceTarget(
  parent: ScanTarget,
  source: RandomAccessSource,
  offset: number,
  length: number,
  name: string,
): Promise<ScanTarget> {
  const slice = new SliceSource(source, offset, length);
  const head = await slice.read(0, Math.min(HEAD_BYTES, slice.size));
  return {
    path: parent.path,
    member: [parent.member, name].filter(Boolean).join(' > '),
    name,
    size: slice.size,
    head,
    openStream: () => new SourceStream(slice, 0, head),
    source: slice,
  };
}
