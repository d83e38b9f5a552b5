/**
 * Whether a Python file on disk travels with a model: its directory, or one of the two above
 * it, holds model metadata or weights (config.json, *.safetensors, MLmodel…). Python elsewhere
 * (a project's own training scripts) is not model code, and analysing it would turn every
 * `subprocess` call in a repository into a finding.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

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

/** Directory entries read per directory: enough for any model repository. */
const MAX_ENTRIES = 5000;
const LEVELS = 3;
const cache = new Map<string, boolean>();

async function holdsModel(dir: string): Promise<boolean> {
  const hit = cache.get(dir);
  if (hit !== undefined) return hit;
  let found = false;
  try {
    const entries = await readdir(dir);
    for (const name of entries.slice(0, MAX_ENTRIES)) {
      if (MARKER_FILES.has(name) || MARKER_EXTENSIONS.test(name)) {
        found = true;
        break;
      }
    }
  } catch {
    found = false;
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(dir, found);
  return found;
}

/** True when `path` sits in (or up to two levels below) a directory holding a model. */
export async function isInModelDirectory(path: string): Promise<boolean> {
  let dir = dirname(path);
  for (let level = 0; level < LEVELS; level++) {
    if (await holdsModel(dir)) return true;
    const parent = dirname(dir);
    if (parent === dir || basename(dir) === '') break;
    dir = parent;
  }
  return false;
}
