import type { Rule } from './types.js';

const KERAS_SAFE_MODE = 'https://keras.io/api/models/model_saving_apis/model_saving_and_loading/';
const TF_SAVEDMODEL = 'https://www.tensorflow.org/guide/saved_model';
const ONNX_EXTERNAL = 'https://onnx.ai/onnx/repo-docs/ExternalData.html';

/** Rules of the graph family (MA4xxx): Keras, TensorFlow SavedModel and ONNX. */
export const GRAPH_RULES: readonly Rule[] = [
  {
    id: 'MA4001',
    name: 'keras-lambda-bytecode',
    title: 'Keras Lambda layer carries marshalled Python bytecode',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'A Lambda layer (or a "__lambda__" function object) stores its Python function as marshalled ' +
      'bytecode. Loading the model rebuilds and later runs that function: arbitrary code. Legacy .h5 ' +
      'files and Keras 2 loaders rebuild it without any safe_mode check (CVE-2025-9905, CVE-2024-3660). ' +
      'The finding lists the names, constants and attribute names decoded from the bytecode without ' +
      'running it (for example os, system, eval).',
    remediation:
      'Do not load the model. Replace the Lambda layer with a registered custom layer whose code you ' +
      'review, and re-save the model.',
    references: [
      'https://nvd.nist.gov/vuln/detail/CVE-2024-3660',
      'https://nvd.nist.gov/vuln/detail/CVE-2025-9905',
      KERAS_SAFE_MODE,
    ],
  },
  {
    id: 'MA4002',
    name: 'keras-dangerous-reference',
    title: 'Keras config references a callable outside Keras',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'A layer, function or object in the Keras config names a "module" and "class_name" (or ' +
      '"registered_name", or a "module.function" string) that resolves to a dangerous callable or to a ' +
      'standard-library or ML-library callable not known to be safe. Keras imports the module and calls ' +
      'what it finds while deserializing the config (CVE-2025-1550), so the model runs code on load.',
    remediation: 'Do not load the model; treat it as hostile.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2025-1550'],
  },
  {
    id: 'MA4003',
    name: 'keras-gadget',
    title: 'Keras config calls a Keras function that is a gadget',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'The config references a function of Keras itself that does harm when deserialization calls it: ' +
      'downloading files (keras.utils.get_file, CVE-2025-8747), switching unsafe deserialization on for ' +
      'the rest of the load (keras.config.enable_unsafe_deserialization, CVE-2025-9906), loading another ' +
      'model from a path, rebuilding functions from bytecode, or touching the file system. Such ' +
      'references pass the "Keras namespace only" check of safe mode.',
    remediation: 'Do not load the model; treat it as hostile.',
    references: [
      'https://nvd.nist.gov/vuln/detail/CVE-2025-8747',
      'https://nvd.nist.gov/vuln/detail/CVE-2025-9906',
    ],
  },
  {
    id: 'MA4004',
    name: 'keras-external-savedmodel',
    title: 'Keras layer loads an external TensorFlow SavedModel',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-829',
    description:
      'A TFSMLayer loads the SavedModel found at the path in its config when the model is loaded, ' +
      'whatever safe_mode says (CVE-2026-1462). The path is outside this file: its graph (and any ' +
      'file-reading ops or custom kernels it needs) was not scanned with it.',
    remediation:
      'Scan the referenced SavedModel too, and prefer models that embed their layers instead of ' +
      'pointing at paths on the loading machine.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2026-1462'],
  },
  {
    id: 'MA4005',
    name: 'keras-torch-module',
    title: 'Keras layer wraps a pickled torch module',
    family: 'keras-tensorflow-onnx',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'A TorchModuleWrapper stores a torch module serialized with torch.save (a pickle) in its config; ' +
      'loading the Keras model unpickles it with torch.load (CVE-2025-49655). The embedded pickle is ' +
      'scanned as a member of this file and its own findings are reported; this finding records that ' +
      'loading the model deserializes a pickle at all.',
    remediation:
      'Check the findings of the embedded pickle. Prefer Keras-native layers, or load with a Keras ' +
      'version that honours safe_mode for TorchModuleWrapper.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2025-49655'],
  },
  {
    id: 'MA4006',
    name: 'keras-custom-object',
    title: 'Keras config needs custom code to load',
    family: 'keras-tensorflow-onnx',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      'A layer, loss, metric or other object in the config is not part of Keras: it names a registered ' +
      'custom class or a module outside the Keras namespaces. Loading the model needs that code, which ' +
      'the loader imports or takes from custom_objects; whether it is safe cannot be judged from the file.',
    remediation:
      'Make sure the custom code comes from a source you trust and is the code you expect the model to use.',
    references: [KERAS_SAFE_MODE],
  },
  {
    id: 'MA4007',
    name: 'keras-file-reference',
    title: 'Keras config makes a layer read a file or URL',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-73',
    description:
      'A layer config holds a path or URL that the layer reads while the model is built, for example a ' +
      'StringLookup, IntegerLookup or TextVectorization vocabulary given as a file name ' +
      '(CVE-2025-12058): the model reads local files or fetches remote ones on the loading machine. ' +
      'Keras saves vocabularies inside the archive, never as paths.',
    remediation: 'Do not load the model; a real model carries its vocabulary inside the file.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2025-12058'],
  },
  {
    id: 'MA4008',
    name: 'keras-config-malformed',
    title: 'Keras config could not be read',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    description:
      'The model configuration (model_config, training_config, config.json or Keras metadata) is not ' +
      'valid JSON, or an embedded value (base64 bytecode, a nested pickle) could not be decoded, so ' +
      'what the model would do on load could not be fully examined.',
    remediation: 'Re-save the model with a released Keras version, or inspect the config by hand.',
  },
  {
    id: 'MA4009',
    name: 'hdf5-malformed',
    title: 'HDF5 structure could not be read',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    description:
      'The HDF5 file (legacy Keras .h5, or model.weights.h5 inside a .keras archive) has a structure ' +
      'modelaudit could not follow: a bad signature, an address past the end of the file, an unsupported ' +
      'layout or an implausible size. The attributes where Keras keeps the model config were not fully ' +
      'read, so the file is not reported as clean.',
    remediation: 'Re-save the model with h5py/Keras, or inspect it with h5dump.',
  },
  {
    id: 'MA4020',
    name: 'tf-file-access-op',
    title: 'TensorFlow graph reads, writes or lists files',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-73',
    description:
      'A graph, a function of the function library or a graph serialized inside an attribute contains ' +
      'an op that reads, writes, lists or deletes files (ReadFile, WriteFile, MatchingFiles, file readers, ' +
      'record and text datasets, summary writers, dataset snapshots and caches…). Serving or calling ' +
      'the model runs it on the machine that loads it: exfiltration, overwriting files, probing paths.',
    remediation: 'Do not serve the model; a model graph has no reason to touch arbitrary files.',
    references: [TF_SAVEDMODEL],
  },
  {
    id: 'MA4021',
    name: 'tf-python-callback-op',
    title: 'TensorFlow graph calls back into Python',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'PyFunc, PyFuncStateless and EagerPyFunc ops call a Python function registered in the process ' +
      'that runs the graph (tf.py_function, tf.numpy_function). The graph carries only a token naming ' +
      'the function: whatever is registered under it runs, and the model cannot be served without code ' +
      'outside the file.',
    remediation:
      'Do not load the model from an untrusted source; rewrite the callback as TensorFlow ops.',
    references: ['https://www.tensorflow.org/api_docs/python/tf/py_function'],
  },
  {
    id: 'MA4022',
    name: 'tf-fixed-path-op',
    title: 'TensorFlow save, restore or table op aimed at a fixed path',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-73',
    description:
      'A checkpoint op (Save, SaveV2, Restore, RestoreV2, MergeV2Checkpoints…) or a table initializer ' +
      'reading a text file takes its path from a constant in the graph instead of the saver placeholder ' +
      'or a SavedModel asset. Running it reads or overwrites that path on the serving machine.',
    remediation:
      'Do not serve the model; real SavedModels feed these ops from the saver or from assets/.',
    references: [TF_SAVEDMODEL],
  },
  {
    id: 'MA4023',
    name: 'tf-external-resource-op',
    title: 'TensorFlow graph reaches outside the process',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-918',
    description:
      'An op connects to something outside the graph: a database (SqlDataset, summary DB writers), a ' +
      'remote service (tf.data service, RemoteCall, gRPC debug URLs), a file-system or cloud credential ' +
      'configuration, a memory-mapped file (ImmutableConst) or a debug op writing tensors to a URL. ' +
      'None of these belong in a model that is downloaded and served.',
    remediation: 'Do not serve the model; remove the op from the graph.',
    references: [TF_SAVEDMODEL],
  },
  {
    id: 'MA4024',
    name: 'tf-custom-op',
    title: 'TensorFlow graph uses an op outside the standard op set',
    family: 'keras-tensorflow-onnx',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      "The op is neither part of TensorFlow (tf.raw_ops and runtime-internal ops) nor in modelaudit's " +
      'op table. Running the graph needs a custom kernel library (tf.load_op_library, a .so loaded next ' +
      'to the model): native code that the file does not contain and that was not scanned.',
    remediation: 'Make sure the library providing the op comes from a source you trust.',
    references: ['https://www.tensorflow.org/guide/create_op'],
  },
  {
    id: 'MA4025',
    name: 'tf-savedmodel-malformed',
    title: 'TensorFlow protobuf could not be parsed',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    description:
      'saved_model.pb (or keras_metadata.pb, or a graph serialized in an attribute) is not a valid ' +
      'protobuf of the expected message, so its ops were not all examined. Crafted protobufs that ' +
      'TensorFlow accepts but a scanner rejects are a way to hide ops.',
    remediation: 'Re-export the SavedModel with TensorFlow, or inspect it with saved_model_cli.',
  },
  {
    id: 'MA4026',
    name: 'tf-variables-unexpected',
    title: 'SavedModel variables/ directory holds something unexpected',
    family: 'keras-tensorflow-onnx',
    severity: 'WARNING',
    description:
      'The variables/ directory of a SavedModel should hold variables.index and its ' +
      'variables.data-NNNNN-of-NNNNN shards. Other files there (pickles, scripts, archives, links) are ' +
      'not used by TensorFlow and may be picked up by other tools; missing shards mean the model cannot ' +
      'be restored as published.',
    remediation:
      'Remove stray files from variables/ and re-export the model if shards are missing.',
    references: [TF_SAVEDMODEL],
  },
  {
    id: 'MA4040',
    name: 'onnx-external-data-escape',
    title: 'ONNX external data points outside the model directory',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-22',
    description:
      'A tensor stores its data in an external file whose location is absolute, climbs out of the ' +
      'model directory with "..", or is a symbolic link leading out of it. Loading the model reads that ' +
      'file (for example /etc/passwd or a private key) into a tensor, where outputs or later saves can ' +
      'leak it (CVE-2022-25882, CVE-2024-27318).',
    remediation: 'Do not load the model; external data must live beside the model file.',
    references: [
      'https://nvd.nist.gov/vuln/detail/CVE-2022-25882',
      'https://nvd.nist.gov/vuln/detail/CVE-2024-27318',
      ONNX_EXTERNAL,
    ],
  },
  {
    id: 'MA4041',
    name: 'onnx-external-data-missing',
    title: 'ONNX external data file is missing',
    family: 'keras-tensorflow-onnx',
    severity: 'WARNING',
    description:
      'A tensor stores its data in an external file that does not exist beside the model. The model ' +
      'cannot be loaded as published, and whatever file appears at that location later will be read ' +
      'as weights.',
    remediation: 'Fetch the complete model (all external data files) from its source.',
    references: [ONNX_EXTERNAL],
  },
  {
    id: 'MA4042',
    name: 'onnx-external-data-bounds',
    title: 'ONNX external data reference lies outside its file',
    family: 'keras-tensorflow-onnx',
    severity: 'WARNING',
    description:
      'The offset and length of an external tensor reach past the end of its data file, or are not ' +
      'valid numbers. Loaders either fail or read beyond what the tensor owns.',
    remediation: 'Re-export the model with onnx.save(..., save_as_external_data=True).',
    references: [ONNX_EXTERNAL],
  },
  {
    id: 'MA4043',
    name: 'onnx-python-operator',
    title: 'ONNX graph calls a Python operator',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'A node is a Python operator (ONNX Runtime PyOp or PythonOp, onnxruntime-extensions PyOp) or ' +
      'names a Python module, class or function in its attributes. The runtime imports that module and ' +
      'calls it while running the graph: arbitrary code.',
    remediation: 'Do not run the model; replace the Python operator with standard ONNX operators.',
    references: ['https://onnxruntime.ai/docs/reference/operators/add-custom-op.html'],
  },
  {
    id: 'MA4044',
    name: 'onnx-custom-domain',
    title: 'ONNX graph uses operators from a custom domain',
    family: 'keras-tensorflow-onnx',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      'A node uses an operator domain that is neither standard ONNX (ai.onnx, ai.onnx.ml, training, ' +
      'preview) nor an ONNX Runtime domain, and no function in the model defines it. Running the model ' +
      'needs a custom operator library: native code outside the file that was not scanned.',
    remediation: 'Make sure the custom operator library comes from a source you trust.',
    references: ['https://onnx.ai/onnx/repo-docs/IR.html#operator-sets'],
  },
  {
    id: 'MA4045',
    name: 'onnx-unknown-operator',
    title: 'ONNX graph uses an operator its domain does not define',
    family: 'keras-tensorflow-onnx',
    severity: 'WARNING',
    description:
      'A node in a standard domain (ai.onnx, ai.onnx.ml, com.microsoft…) names an operator that the ' +
      'domain does not define and no model-local function provides. Runtimes that accept it resolve it ' +
      'from registered custom kernels.',
    remediation: 'Check which library provides the operator, or re-export the model.',
    references: ['https://onnx.ai/onnx/operators/'],
  },
  {
    id: 'MA4047',
    name: 'onnx-custom-operator-command',
    title: 'A custom ONNX operator is handed a command, inline code or a native library',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    cwe: 'CWE-78',
    description:
      'A node from a custom operator domain (one that needs a custom operator library) carries, in ' +
      'its string attributes, a shell command line, an interpreter invocation or inline code, or the ' +
      'path of a native library. The custom domain alone is a warning (MA4044); a kernel that is ' +
      'given commands or libraries to load is how such models run code on the machine that serves them.',
    remediation:
      'Do not run the model; find out what the custom operator library does with these strings.',
    references: ['https://onnxruntime.ai/docs/reference/operators/add-custom-op.html'],
  },
  {
    id: 'MA4046',
    name: 'onnx-malformed',
    title: 'ONNX model could not be parsed',
    family: 'keras-tensorflow-onnx',
    severity: 'ERROR',
    description:
      'The file is not a valid ONNX ModelProto (a truncated or malformed protobuf, nesting deeper than ' +
      'any real model), so its nodes and external data references were not all examined.',
    remediation: 'Re-export the model, or check it with onnx.checker.',
  },
];
