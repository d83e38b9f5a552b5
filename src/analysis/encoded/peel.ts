/**
 * Peels the layers off a payload hidden in a constant: text encodings (hex, base32, base64,
 * base85, Ascii85) and compressions (zlib, gzip, bzip2, LZMA, xz, LZ4), nested a few layers deep,
 * until what is left is something a second-stage loader would run: a pickle, an archive or
 * executable, Python source or a template. Work is bounded by a shared byte budget, a depth and
 * a per-layer output cap; what does not decode cleanly is simply not a payload.
 */
import { decompress, sniffCodec, type Codec } from '../../io/decompress.js';
import { BufferSource } from '../../io/source.js';
import { readAll, SourceStream } from '../../io/stream.js';
import { interestingStart } from './sniff.js';
import { candidateEncodings, decodeText, type TextEncoding } from './text-encodings.js';

export type PayloadLayer = TextEncoding | Codec;
export type PayloadKind = 'pickle' | 'archive' | 'source' | 'template';

export interface PeeledPayload {
  readonly bytes: Buffer;
  /** Outermost first, e.g. ["base64", "zlib"]. */
  readonly layers: readonly PayloadLayer[];
  readonly kind: PayloadKind;
}

/** Shared by every value of one scanned file, so a flood of decodable junk cannot run forever. */
export class PeelBudget {
  /** Layers peeled and bytes produced so far. */
  layers = 0;
  bytes = 0;
  exhausted = false;
  constructor(
    readonly maxBytes = 64 * 1024 * 1024,
    readonly maxLayerBytes = 16 * 1024 * 1024,
    readonly maxDepth = 6,
  ) {}

  take(n: number): boolean {
    if (this.bytes + n > this.maxBytes) {
      this.exhausted = true;
      return false;
    }
    this.bytes += n;
    this.layers++;
    return true;
  }
}

/** Python source: statements a second stage would exec. */
const SOURCE =
  /(?:^|\n)\s*(?:import\s+[A-Za-z_]|from\s+[A-Za-z_][\w.]*\s+import\b|def\s+\w+\s*\()|\b(?:exec|eval|compile|__import__)\s*\(|\bos\.(?:system|popen)\b|\bsubprocess\./;
const TEMPLATE = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/;

/** What the fully decoded bytes are, when they are something a loader runs. */
export function payloadKind(bytes: Buffer): PayloadKind | undefined {
  const start = interestingStart(bytes.subarray(0, 256));
  if (start === 'pickle') return 'pickle';
  if (start === 'archive') return 'archive';
  const text = utf8(bytes);
  if (text === undefined) return undefined;
  if (TEMPLATE.test(text)) return 'template';
  if (SOURCE.test(text)) return 'source';
  return undefined;
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes `data` layer by layer (at least one layer: plain text is not a hidden payload) and
 * returns the first payload reached, or undefined.
 */
export async function peelPayload(
  data: Buffer | string,
  budget: PeelBudget,
): Promise<PeeledPayload | undefined> {
  if (data.length > budget.maxLayerBytes * 2) {
    budget.exhausted = true; // too large to decode here: reported, never passed over silently
    return undefined;
  }
  return peel(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, [], budget);
}

async function peel(
  data: Buffer,
  layers: PayloadLayer[],
  budget: PeelBudget,
): Promise<PeeledPayload | undefined> {
  if (layers.length > 0) {
    const kind = payloadKind(data);
    if (kind) return { bytes: data, layers, kind };
  }
  if (layers.length >= budget.maxDepth || budget.exhausted) return undefined;

  const codec = sniffCodec(data.subarray(0, 64));
  if (codec) {
    const out = await inflate(data, codec, budget);
    return out ? peel(out, [...layers, codec], budget) : undefined;
  }
  if (data.length > 0 && data[0]! >= 0x80) return undefined;
  const text = data.toString('latin1');
  for (const encoding of candidateEncodings(text)) {
    const out = decodeText(encoding, text);
    if (!out || out.length === 0 || !budget.take(out.length)) continue;
    if (!interestingStart(out.subarray(0, 256))) continue;
    const found = await peel(out, [...layers, encoding], budget);
    if (found) return found;
  }
  return undefined;
}

async function inflate(
  data: Buffer,
  codec: Codec,
  budget: PeelBudget,
): Promise<Buffer | undefined> {
  const limit = Math.min(budget.maxLayerBytes, budget.maxBytes - budget.bytes);
  if (limit <= 0) {
    budget.exhausted = true;
    return undefined;
  }
  const stream = decompress(new SourceStream(new BufferSource(data)), codec, {
    maxDictionary: 64 * 1024 * 1024,
  });
  try {
    const out = await readAll(stream, limit);
    return budget.take(out.length) ? out : undefined;
  } catch (err) {
    if (err instanceof RangeError) budget.exhausted = true; // more than the layer may produce
    return undefined;
  } finally {
    await stream.close();
  }
}
