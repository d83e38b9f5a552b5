/**
 * Whether a Python file on disk travels with a model: its directory, or one of the two above
 * it, holds model metadata or weights (config.json, *.safetensors, MLmodel…). Python elsewhere
 * (a project's own training scripts) is not model code, and analysing it would turn every
 * `subprocess` call in a repository into a finding. The directories are listed through the
 * scan context (bounded by its limits), once per file.
 */
import type { ScanContext } from '../base.js';

const MARKER_FILES = new Set([
  'config.json',
  'model_index.json',
  'adapter_config.json',
  'tokenizer_config.json',
  'generation_config.json',
  'modules.json',
  'config_sentence_transformers.json',
  'MLmodel',
  'model_config.yaml',
  'MANIFEST.json',
  'saved_model.pb',
  'hubconf.py',
]);

const MARKER_EXTENSIONS =
  /\.(safetensors|bin|pt|pth|ckpt|pkl|pickle|joblib|gguf|ggml|onnx|ort|h5|hdf5|keras|pb|tflite|msgpack|nemo|mar|pte|mlmodel|npz|npy|pdparams|pdmodel|skops)$/i;

/** The file's own directory, then the two above it. */
const LEVELS = ['', '..', '../..'];

/** True when the scanned file sits in (or up to two levels below) a directory holding a model. */
export async function isInModelDirectory(ctx: ScanContext): Promise<boolean> {
  for (const rel of LEVELS) {
    const listing = await ctx.listDir(rel);
    if (listing?.entries.some((e) => MARKER_FILES.has(e.name) || MARKER_EXTENSIONS.test(e.name)))
      return true;
  }
  return false;
}
