/**
 * Top-level packages whose contents are known: a callable there that is not safe-listed is judged
 * an unsafe library callable (ERROR when invoked).
 *
 * A package belongs here only when SAFE_CALLABLES (safe.ts) covers what its real model files
 * contain, checked against fixtures/pickle/benign (every global there is safe-listed), or when no
 * real model file contains anything of it at all, so that any reference is a gadget attempt
 * (safetensors, huggingface_hub, dill, cloudpickle). Left out on purpose, because their real files
 * contain callables that are not safe-listed and would turn into false ERRORs: keras and
 * tensorflow (a pickled Keras model is KerasSaveable._unpickle_model, a nested .keras loader),
 * torchvision, timm and other model zoos (whole-model saves of their classes, not audited here),
 * pyarrow, catboost, trl and sentence_transformers (configs and models not covered).
 * The standard library is handled by STDLIB_MODULES (stdlib.ts).
 */
export const KNOWN_LIBRARY_NAMESPACES: ReadonlySet<string> = new Set([
  // Model formats and tensors: tensors, storages, torch.nn layers, optimizer/scheduler state
  // dicts, RNG state; numpy arrays, scalars, dtypes, random generators.
  'torch',
  'numpy',
  // Classical ML: estimators, Cython trees and losses, joblib array wrappers, sparse matrices,
  // DataFrames. scipy: sparse matrices and BSpline are listed; scipy.stats distributions are
  // not (their __setstate__ exec()s a string from the pickle), so ERROR is the right verdict.
  'sklearn',
  'joblib',
  'scipy',
  'pandas',
  'lightgbm',
  'xgboost',
  // Hugging Face: training_args.bin (TrainingArguments, its enums, accelerate's PartialState),
  // configs, tokenizers.Tokenizer. Pickled transformers tokenizer objects and whole-model saves
  // of transformers classes are not covered and will be judged ERROR.
  'transformers',
  'tokenizers',
  'accelerate',
  // Never in a real model pickle; anything of them is a gadget (loaders, downloads, code
  // rebuilders).
  'safetensors',
  'huggingface_hub',
  'dill',
  'cloudpickle',
]);
