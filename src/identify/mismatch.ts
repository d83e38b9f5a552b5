/**
 * Content that is no model under a model file's name: a text file named .pth, an image named
 * .pt, a protobuf descriptor set named .bin. The name only suggested a format; the content is
 * identified as what it is, so the honest finding is the mismatch, not the named format's
 * parse error. Content that looks like the named format but is broken is not a mismatch: it
 * is not recognised here and still gets the named format's fail-closed finding.
 */
import { extensionOf, type Identification } from './identify.js';

interface NamedFormat {
  readonly what: string;
  /** The loader the name implies unpickles what it does not recognise (torch.load, np.load…). */
  readonly unpickles: boolean;
}

const CHECKPOINT: NamedFormat = { what: 'a PyTorch checkpoint', unpickles: true };
const PICKLE: NamedFormat = { what: 'a pickle', unpickles: true };

/** Extensions of model and serialized-object files, and what loading them does. */
const MODEL_NAMES: ReadonlyMap<string, NamedFormat> = new Map([
  ['.pt', CHECKPOINT],
  ['.pth', CHECKPOINT],
  ['.ckpt', { what: 'a checkpoint', unpickles: true }],
  ['.bin', { what: 'model weights (pytorch_model.bin)', unpickles: true }],
  ['.pkl', PICKLE],
  ['.pickle', PICKLE],
  ['.pck', PICKLE],
  ['.pcl', PICKLE],
  ['.joblib', { what: 'a joblib file', unpickles: true }],
  // numpy.load unpickles content that has neither the NumPy magic nor a zip header.
  ['.npy', { what: 'a NumPy array', unpickles: true }],
  ['.npz', { what: 'a NumPy archive', unpickles: true }],
  ['.h5', { what: 'an HDF5 (Keras) model', unpickles: false }],
  ['.hdf5', { what: 'an HDF5 (Keras) model', unpickles: false }],
  ['.keras', { what: 'a Keras model', unpickles: false }],
  ['.onnx', { what: 'an ONNX model', unpickles: false }],
  ['.pb', { what: 'a TensorFlow graph', unpickles: false }],
  ['.safetensors', { what: 'safetensors weights', unpickles: false }],
  ['.gguf', { what: 'a GGUF model', unpickles: false }],
  ['.tflite', { what: 'a TFLite model', unpickles: false }],
  ['.ptl', { what: 'a TorchScript mobile model', unpickles: false }],
  ['.pte', { what: 'an ExecuTorch program', unpickles: false }],
  ['.mar', { what: 'a TorchServe archive', unpickles: false }],
]);

/** Formats identified by content that are no model (what the content "is", for the message). */
const NON_MODEL_FORMATS: ReadonlyMap<string, string> = new Map([
  ['protobuf-descriptor-set', 'a protobuf descriptor set'],
  ['json-metadata', 'JSON'],
  ['text-metadata', 'text'],
  ['xml-metadata', 'XML'],
]);

/** Magic numbers of media and document formats, which no model loader reads. */
const MEDIA: readonly { readonly what: string; readonly test: (h: Buffer) => boolean }[] = [
  {
    what: 'a PNG image',
    test: (h) => h.readUInt32BE(0) === 0x89504e47 && h.readUInt32BE(4) === 0x0d0a1a0a,
  },
  { what: 'a JPEG image', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { what: 'a GIF image', test: (h) => /^GIF8[79]a/.test(h.toString('latin1', 0, 6)) },
  { what: 'a WebP image', test: (h) => riff(h, 'WEBP') },
  { what: 'a WAV recording', test: (h) => riff(h, 'WAVE') },
  { what: 'an AVI video', test: (h) => riff(h, 'AVI ') },
  {
    what: 'a TIFF image',
    test: (h) => /^(II\*\0|MM\0\*)/.test(h.toString('latin1', 0, 4)),
  },
  {
    what: 'a BMP image',
    test: (h) =>
      h.toString('latin1', 0, 2) === 'BM' && h.readUInt32LE(14) >= 12 && h.readUInt32LE(14) <= 124,
  },
  { what: 'a PDF document', test: (h) => h.toString('latin1', 0, 5) === '%PDF-' },
  { what: 'an MP4/HEIF media file', test: (h) => h.toString('latin1', 4, 8) === 'ftyp' },
  { what: 'an Ogg media file', test: (h) => h.toString('latin1', 0, 4) === 'OggS' },
  { what: 'a FLAC recording', test: (h) => h.toString('latin1', 0, 4) === 'fLaC' },
  { what: 'an MP3 recording', test: (h) => h.toString('latin1', 0, 3) === 'ID3' },
  { what: 'a Matroska/WebM video', test: (h) => h.readUInt32BE(0) === 0x1a45dfa3 },
];

function riff(h: Buffer, kind: string): boolean {
  return h.toString('latin1', 0, 4) === 'RIFF' && h.toString('latin1', 8, 12) === kind;
}

/** Printable text: no control bytes but whitespace (and ESC), valid UTF-8 up to the cut. */
export function isText(head: Buffer): boolean {
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f) return false;
  }
  // A multi-byte character cut at the end of the sample is fine; anything else must decode.
  const sample = head.subarray(0, n);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** What non-model content is, from its first bytes, or undefined when it is not known. */
export function contentKind(head: Buffer, size: number | undefined): string | undefined {
  if (size === 0) return 'empty';
  if (head.length >= 32) for (const m of MEDIA) if (m.test(head)) return m.what;
  return head.length > 0 && isText(head) ? 'text' : undefined;
}

export interface NameMismatch {
  /** What the name promises, with the extension: "a PyTorch checkpoint (.pth)". */
  readonly named: string;
  /** What the content is. */
  readonly content: string;
  /** Whether the named loader would unpickle the content (so it is judged as a pickle too). */
  readonly unpickles: boolean;
  /** The format to scan the content as, when it has one ("text-metadata" for text). */
  readonly scanAs: string | undefined;
}

/**
 * A model file name over content that is no model: content identified as a non-model format,
 * or, when only the name (or nothing) identified it, text, an image or another media format.
 */
export function nameMismatch(
  name: string,
  id: Identification,
  head: Buffer,
  size: number | undefined,
): NameMismatch | undefined {
  const ext = extensionOf(name);
  const named = MODEL_NAMES.get(ext);
  if (!named) return undefined;
  const label = `${named.what} (${ext})`;
  if (id.by === 'content') {
    const content = NON_MODEL_FORMATS.get(id.format);
    return content
      ? { named: label, content, unpickles: named.unpickles, scanAs: id.format }
      : undefined;
  }
  const kind = contentKind(head, size);
  if (!kind) return undefined;
  return {
    named: label,
    content: kind,
    unpickles: named.unpickles && kind !== 'empty',
    scanAs: kind === 'text' ? 'text-metadata' : undefined,
  };
}
