/**
 * Judges a dotted name that a configuration makes a loader import and call (Hydra `_target_`,
 * diffusers component libraries, PEFT `auto_mapping`, skops types, MLflow loader modules).
 * Dangerous names come from the pickle callable policy, which already knows every code
 * runner, resolver and loader by module family; names inside the libraries that model configs
 * legitimately instantiate are fine; anything else is code from an unknown module.
 */
import { classifyGlobal } from '../../../knowledge/callables/classify.js';

export type RefVerdict =
  | { readonly level: 'dangerous'; readonly reason: string }
  | { readonly level: 'unknown'; readonly reason: string }
  | { readonly level: 'known' };

/**
 * Top-level packages whose classes model configurations instantiate by name. Names in them
 * are still checked against the dangerous table first (torch.load, hydra.utils.get_method…).
 */
export const CONFIG_LIBRARIES: ReadonlySet<string> = new Set([
  'nemo',
  'megatron',
  'torch',
  'torchaudio',
  'torchvision',
  'torchmetrics',
  'pytorch_lightning',
  'lightning',
  'lightning_fabric',
  'transformers',
  'diffusers',
  'peft',
  'sentence_transformers',
  'timm',
  'open_clip',
  'apex',
  'omegaconf',
  'numpy',
  'sklearn',
  'scipy',
  'xgboost',
  'lightgbm',
  'catboost',
  'lhotse',
  'uni2ts',
  'flextok',
  'einops',
  'mlflow',
  'onnxruntime',
  'tokenizers',
  'accelerate',
  'optax',
  'flax',
  'jax',
  'keras',
  'tensorflow',
]);

/** Python names that are plain data types, harmless to construct. */
const SAFE_BUILTINS = new Set([
  'dict',
  'list',
  'tuple',
  'set',
  'frozenset',
  'str',
  'int',
  'float',
  'bool',
  'complex',
  'bytes',
  'bytearray',
  'slice',
  'range',
  'object',
  'NoneType',
]);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function judgeReference(dotted: string): RefVerdict {
  const name = dotted.trim();
  if (!NAME.test(name)) {
    return {
      level: 'unknown',
      reason: `${JSON.stringify(name.slice(0, 80))} is not a plain dotted name`,
    };
  }
  const parts = name.split('.');
  if (parts.length === 1) {
    return SAFE_BUILTINS.has(name)
      ? { level: 'known' }
      : { level: 'unknown', reason: `a bare name ${name} resolves in the loader's own namespace` };
  }
  if (
    (parts[0] === 'builtins' || parts[0] === '__builtin__') &&
    SAFE_BUILTINS.has(parts[1]!) &&
    parts.length === 2
  )
    return { level: 'known' };
  const module = parts.slice(0, -1).join('.');
  const c = classifyGlobal(module, parts[parts.length - 1]!);
  if (c.level === 'dangerous') return { level: 'dangerous', reason: c.reason };
  if (c.level === 'safe') return { level: 'known' };
  if (CONFIG_LIBRARIES.has(parts[0]!)) return { level: 'known' };
  if (c.level === 'library')
    return {
      level: 'unknown',
      reason: `${name} is a ${c.namespace} callable not known to be safe to instantiate`,
    };
  return {
    level: 'unknown',
    reason: `${name} comes from a module outside the known model libraries`,
  };
}
