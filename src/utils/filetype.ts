/**
 * Format identification: content first (magic bytes, first opcodes); the file name is only a
 * hint, used when the content alone is not conclusive.
 */
import { extname } from 'node:path';
import { probePickle } from '../pickle/probe.js';

export interface SniffInput {
  readonly head: Buffer;
  readonly name: string;
  readonly size: number | undefined;
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
}

export const DETECTORS: Detector[] = [
  {
    format: 'pickle',
    content: (i) => probePickle(i.head, i.size !== undefined && i.head.length >= i.size),
    extensions: ['.pkl', '.pickle', '.pck', '.pcl'],
  },
];

/** Registers an additional detector, before the catch-all ones (for scanners added later). */
export function registerDetector(detector: Detector, position: 'first' | 'last' = 'last'): void {
  if (position === 'first') DETECTORS.unshift(detector);
  else DETECTORS.push(detector);
}

export function extensionOf(name: string): string {
  return extname(name).toLowerCase();
}

export async function identify(input: SniffInput): Promise<Identification> {
  for (const d of DETECTORS) {
    if (d.content && (await d.content(input))) return { format: d.format, by: 'content' };
  }
  const ext = extensionOf(input.name);
  if (ext) {
    for (const d of DETECTORS)
      if (d.extensions?.includes(ext)) return { format: d.format, by: 'name' };
  }
  return { format: 'unknown', by: 'none' };
}

/** Formats whose loading can run code. */
export const EXECUTABLE_FORMATS: Set<string> = new Set(['pickle']);

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
  '.model_card',
  '.vocab',
  '.spm',
]);

/** True when the name promises data but the content is an executable serialization. */
export function isExtensionMismatch(name: string, format: string): boolean {
  return EXECUTABLE_FORMATS.has(format) && DATA_ONLY_EXTENSIONS.has(extensionOf(name));
}
