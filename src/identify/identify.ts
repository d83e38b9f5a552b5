/**
 * Format identification: content first (magic bytes, first opcodes); the file name is only a
 * hint, used when the content alone is not conclusive.
 */
import { extname } from 'node:path';
import type { RandomAccessSource } from '../io/source.js';

/** Bytes sniffed at the start of every file or member. */
export const HEAD_BYTES = 64 * 1024;

export interface SniffInput {
  readonly head: Buffer;
  readonly name: string;
  readonly size: number | undefined;
  /** Positioned reads, when available (for formats identified by their end, such as zip). */
  readonly source?: RandomAccessSource;
}

export interface Identification {
  readonly format: string;
  /** Whether the content proved the format, or only the name suggested it. */
  readonly by: 'content' | 'name' | 'none';
}

/** One format's recogniser. Detectors run in order; the first content match wins. */
export interface Detector {
  readonly format: string;
  /** True when the bytes are this format. */
  content?(input: SniffInput): boolean | Promise<boolean>;
  /** Extensions (lower case, with the dot) that suggest this format when no content matched. */
  readonly extensions?: readonly string[];
  /** Loading this format can run code (pickles, archives that hold them): a data-only name is a lie. */
  readonly executable?: boolean;
}

export function extensionOf(name: string): string {
  return extname(name).toLowerCase();
}

export async function identify(
  input: SniffInput,
  detectors: readonly Detector[],
): Promise<Identification> {
  for (const d of detectors) {
    if (d.content && (await d.content(input))) return { format: d.format, by: 'content' };
  }
  const ext = extensionOf(input.name);
  if (ext) {
    for (const d of detectors)
      if (d.extensions?.includes(ext)) return { format: d.format, by: 'name' };
  }
  return { format: 'unknown', by: 'none' };
}

/** Extensions that promise data-only or text content. */
const DATA_ONLY_EXTENSIONS: ReadonlySet<string> = new Set([
  '.safetensors',
  '.json',
  '.txt',
  '.md',
  '.csv',
  '.tsv',
  '.yaml',
  '.yml',
  '.npy',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.onnx',
  '.gguf',
  '.tflite',
  '.msgpack',
  '.vocab',
  '.spm',
]);

/** True when the name promises data but the content is an executable serialization. */
export function isExtensionMismatch(name: string, detector: Detector | undefined): boolean {
  return Boolean(detector?.executable) && DATA_ONLY_EXTENSIONS.has(extensionOf(name));
}
