import type { Rule } from './types.js';

const HF_REMOTE_CODE = 'https://huggingface.co/docs/transformers/custom_models';
const UNIT42_FORMATS =
  'https://unit42.paloaltonetworks.com/rce-vulnerabilities-in-ai-python-libraries/';

/**
 * Rules of the formats family (MA53xx–MA59xx): Hugging Face repositories and the configuration
 * files around models (MA53xx), Python source shipped with models (MA54xx), secrets and remote
 * references in metadata (MA55xx), risks particular to the other model formats (MA56xx), and
 * malformed structure (MA59xx).
 */
export const FORMAT_RULES: readonly Rule[] = [
  // --- Repositories and configuration files -------------------------------------------------
  {
    id: 'MA5301',
    name: 'bundled-custom-code',
    title: 'Loading this model runs Python code shipped with it',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-94',
    description:
      'The metadata makes the loader import Python code that travels with the model: a Hugging ' +
      'Face `auto_map` or `custom_pipelines` entry (loaded with `trust_remote_code=True`), a ' +
      'diffusers custom pipeline or component, a custom sentence-transformers module, a TorchServe ' +
      'handler, an MLflow loader module or code path. That code runs with the privileges of the ' +
      'process that loads the model. modelaudit scans the code it can find (findings of the ' +
      'python-* rules), but code can only be judged so far by reading it.',
    remediation:
      'Read the referenced code before loading, pin the exact revision you reviewed (`revision=`), ' +
      'or use a model that needs no custom code.',
    references: [HF_REMOTE_CODE],
  },
  {
    id: 'MA5302',
    name: 'custom-code-unscanned',
    title: 'Custom code the loader would run is not here and was not scanned',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      'The metadata refers to Python code that is not next to it: another repository ' +
      '(`other/repo--module.Class` in `auto_map`), or a module file missing from the directory. ' +
      'The loader fetches it at load time, from a source that can change after this scan.',
    remediation:
      'Fetch and review the referenced code, and pin its revision; or avoid trust_remote_code.',
    references: [HF_REMOTE_CODE],
  },
  {
    id: 'MA5303',
    name: 'custom-code-dangerous',
    title: 'Custom code this model loads makes dangerous calls',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'The Python code that the metadata makes the loader import (auto_map, custom pipelines, ' +
      'components or handlers) runs code, processes, native libraries or network connections, ' +
      'or hides what it imports. The evidence lists the calls and lines; the code file itself ' +
      'carries one python-* finding per call.',
    remediation: 'Do not load this model with trust_remote_code; review the listed code.',
    references: [HF_REMOTE_CODE],
  },
  {
    id: 'MA5304',
    name: 'loader-path-escape',
    title: 'A path in the metadata leads outside the model directory',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-22',
    description:
      'A file or module reference that a loader joins with the model directory is absolute, ' +
      'climbs out with `..`, or names another drive: shard names in a `*.index.json` weight map, ' +
      '`auto_map` module paths, MLflow flavor files, TorchServe manifest entries, Core ML linked ' +
      'models, package manifests. `os.path.join` discards the directory before an absolute path, ' +
      'so the loader reads (and for pickles, runs) whatever file the path names.',
    remediation: 'Do not load this model; the reference is crafted to reach other files.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2024-27318'],
  },
  {
    id: 'MA5305',
    name: 'shard-missing',
    title: 'A shard named by the checkpoint index is missing',
    family: 'formats',
    severity: 'WARNING',
    description:
      'The sharded-checkpoint index (`*.index.json`) maps tensors to a shard file that is not in ' +
      'the directory. That shard was not scanned; a loader fetching the repository by name would ' +
      'download it from a source this scan never saw.',
    remediation: 'Fetch every shard (for LFS checkouts, `git lfs pull`) and scan again.',
  },
  {
    id: 'MA5306',
    name: 'shard-format-mismatch',
    title: 'A shard is not in the format its index promises',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-434',
    description:
      'A safetensors index lists a shard that is not a `.safetensors` file (for example a pickle ' +
      '`.bin`), or a weight map mixes formats. A data-only checkpoint then hides an executable ' +
      'one, or the loader falls back to a different reader than the user expects.',
    remediation: 'Check why the index refers to another format; convert the shard to safetensors.',
  },
  {
    id: 'MA5307',
    name: 'metadata-malformed',
    title: 'Model metadata cannot be parsed or has the wrong shape',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'A JSON or YAML metadata file (config, tokenizer config, index, manifest, MLmodel, model ' +
      'card front matter) is not valid, or a field that loaders interpret has an unexpected ' +
      'type. It was not fully checked; loaders may reject it, or read it differently from this ' +
      'scanner.',
    remediation: 'Fix or regenerate the file with the framework that owns it.',
  },
  {
    id: 'MA5308',
    name: 'config-dangerous-reference',
    title: 'Configuration makes the loader import or call a dangerous callable',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-470',
    description:
      'A configuration value names a callable or module that the loading library imports and ' +
      'calls by name: Hydra `_target_` (NeMo, uni2TS, FlexTok: `hydra.utils.instantiate`), ' +
      'diffusers component libraries, PEFT `auto_mapping`, sentence-transformers module types, ' +
      'skops types, MLflow loader modules. The name resolves to code execution, processes, ' +
      'name resolvers or loaders (`builtins.exec`, `os.system`, `hydra.utils.get_method`…): ' +
      'loading the model runs it.',
    remediation: 'Do not load this model.',
    references: [UNIT42_FORMATS, 'https://nvd.nist.gov/vuln/detail/CVE-2025-23304'],
  },
  {
    id: 'MA5309',
    name: 'config-code-reference',
    title: 'Configuration makes the loader import code from an unknown module',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-470',
    description:
      'A configuration value makes the loader import and instantiate a class or function from a ' +
      'module outside the libraries modelaudit knows (Hydra `_target_`, diffusers components, ' +
      'PEFT `auto_mapping`, skops types…). Importing a module runs its code; whether that is safe ' +
      'depends on the module.',
    remediation: 'Confirm the module is installed from a trusted source and expected here.',
    references: [UNIT42_FORMATS],
  },
  {
    id: 'MA5310',
    name: 'yaml-python-tag',
    title: 'YAML file uses Python object tags',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'The YAML carries `!!python/object`, `!!python/apply`, `!!python/name` or similar tags. ' +
      'Any loader that is not a safe loader (`yaml.load`, `yaml.unsafe_load`, `full_load` in old ' +
      'PyYAML) imports and calls the named objects. No framework writes such tags in model ' +
      'metadata.',
    remediation: 'Do not load this file with PyYAML; treat it as hostile.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2020-14343'],
  },
  {
    id: 'MA5311',
    name: 'config-interpolation-resolver',
    title: 'Configuration uses an interpolation resolver that evaluates code',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-94',
    description:
      'An OmegaConf/Hydra interpolation such as `${eval:...}` or `${python:...}` is resolved when ' +
      'the configuration is read. Applications that register such resolvers evaluate the ' +
      'expression as Python.',
    remediation: 'Check which resolvers the loading application registers.',
  },
  // --- Python source and bytecode ------------------------------------------------------------
  {
    id: 'MA5401',
    name: 'python-code-execution',
    title: 'Python code runs code built from strings or code objects',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'Python shipped with the model calls `exec`, `eval`, `compile`, `execfile`, `runpy`, builds ' +
      'functions from code objects, or loads modules from file paths. Model code has no reason ' +
      'to; it is how downloaded or obfuscated payloads are run.',
    remediation: 'Do not import this code; read what the string or code object contains.',
  },
  {
    id: 'MA5402',
    name: 'python-process-execution',
    title: 'Python code starts processes or shell commands',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-78',
    description:
      'Python shipped with the model calls `os.system`, `os.popen`, `subprocess`, `pty`, ' +
      '`os.exec*`, `os.spawn*` or similar. Whatever command it runs, runs on the machine that ' +
      'loads the model.',
    remediation: 'Do not import this code unless the command is understood and expected.',
  },
  {
    id: 'MA5403',
    name: 'python-import-trick',
    title: 'Python code hides what it imports or reaches interpreter internals',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'The code uses `__import__`, reaches `__builtins__`, `__globals__`, `__subclasses__` or frame ' +
      'globals, reads attributes of sensitive modules (os, subprocess, builtins…) by computed ' +
      'names, or fetches modules from `sys.modules` by name. These are the ways to call ' +
      'dangerous functions without naming them, which only concealment needs.',
    remediation: 'Do not import this code.',
  },
  {
    id: 'MA5404',
    name: 'python-native-code',
    title: 'Python code loads native libraries',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-114',
    description:
      'The code loads shared libraries or foreign code (`ctypes`, `cffi`, `torch.ops.load_library`, ' +
      '`tf.load_op_library`…). Native code can do anything and cannot be reviewed from the source.',
    remediation: 'Do not import this code unless the library and its origin are known.',
  },
  {
    id: 'MA5405',
    name: 'python-network-access',
    title: 'Python code opens sockets or contacts a fixed remote address',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-913',
    description:
      'The code uses raw sockets, remote shells or downloads from a URL written in the code. ' +
      'Model code that phones home at import time exfiltrates data or fetches a second stage.',
    remediation: 'Do not import this code; find out what the address serves.',
  },
  {
    id: 'MA5406',
    name: 'python-network-call',
    title: 'Python code makes HTTP requests',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-913',
    description:
      'The code calls an HTTP client (`requests`, `urllib`, `httpx`…) with an address computed at ' +
      'run time. Processors that fetch user-supplied image URLs do this legitimately; code that ' +
      'fetches configuration or code does not.',
    remediation: 'Check where the address comes from.',
  },
  {
    id: 'MA5407',
    name: 'python-unsafe-deserialization',
    title: 'Python code deserializes with pickle-based loaders',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'The code calls `pickle.load(s)`, `torch.load` without `weights_only=True`, `joblib.load`, ' +
      '`numpy.load(allow_pickle=True)`, `yaml.load` without a safe loader or similar: whatever file ' +
      'it reads can run code, and that file was not necessarily scanned.',
    remediation: 'Make sure the files it loads are scanned, or switch to data-only loaders.',
  },
  {
    id: 'MA5408',
    name: 'python-encoded-payload',
    title: 'Python code runs or unpickles an encoded literal',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-506',
    description:
      'A call that runs code or deserializes (`exec`, `eval`, `pickle.loads`, `marshal.loads`…) ' +
      'gets a literal wrapped in base64, hex, zlib or similar decoding. That is how payloads are ' +
      'hidden from readers; the decoded content is shown and scanned.',
    remediation: 'Do not import this code.',
  },
  {
    id: 'MA5409',
    name: 'python-dynamic-import',
    title: 'Python code imports a module named at run time',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-470',
    description:
      '`importlib.import_module` (or a similar resolver) gets a module name computed at run time, ' +
      'so what is imported cannot be known from the code.',
    remediation: 'Check where the name comes from.',
  },
  {
    id: 'MA5410',
    name: 'python-file-destruction',
    title: 'Python code deletes files or changes permissions',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-73',
    description:
      'The code removes files or directory trees, or changes ownership and permissions ' +
      '(`shutil.rmtree`, `os.remove`, `os.chmod`…). Model code seldom needs to.',
    remediation: 'Check which paths it touches.',
  },
  {
    id: 'MA5411',
    name: 'python-package-install',
    title: 'Python code installs packages',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-829',
    description:
      'The code calls pip, ensurepip or setuptools to install packages at run time: installing ' +
      'a package runs its build and install code, from an index the code chooses.',
    remediation: 'Do not import this code; install dependencies yourself from reviewed sources.',
  },
  {
    id: 'MA5412',
    name: 'python-bytecode',
    title: 'Compiled Python bytecode shipped with the model',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-506',
    description:
      'A `.pyc` file travels with the model. Bytecode cannot be reviewed like source, and Python ' +
      'imports it in place of, or in the absence of, the source file.',
    remediation: 'Remove compiled files; ship and review source only.',
  },
  {
    id: 'MA5413',
    name: 'python-bytecode-unchecked',
    title: 'Bytecode that Python imports without checking its source',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-506',
    description:
      'The `.pyc` is hash-based with source checking turned off (PEP 552 "unchecked"): Python runs ' +
      'it even when the `.py` beside it says something else, so reviewing the source proves ' +
      'nothing. Tools never write these into model repositories.',
    remediation: 'Do not import this code; delete the bytecode.',
    references: ['https://peps.python.org/pep-0552/'],
  },
  {
    id: 'MA5414',
    name: 'python-unreadable',
    title: 'Python source could not be fully tokenized',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'The Python file has an unterminated string, invalid bytes, or is too large, so part of it ' +
      'was not analysed. Python itself may read it differently.',
    remediation: 'Review the file by hand.',
  },
  {
    id: 'MA5415',
    name: 'python-debugger',
    title: 'Python code starts a debugger',
    family: 'formats',
    severity: 'WARNING',
    description:
      'The code calls `breakpoint()`, `pdb` or similar. A debugger prompt blocks servers and ' +
      'hands an interactive interpreter to whoever controls standard input.',
    remediation: 'Remove the debugger call.',
  },
  {
    id: 'MA5416',
    name: 'python-native-build',
    title: 'Python code compiles native extensions',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-114',
    description:
      'The code builds and loads C++/CUDA extensions at run time (`torch.utils.cpp_extension.load`, ' +
      '`load_inline`). The compiled sources run as native code; review them like the Python.',
    remediation: 'Review the sources it compiles.',
  },
  // --- Secrets and remote references -----------------------------------------------------------
  {
    id: 'MA5501',
    name: 'secret-credential',
    title: 'Credential in model metadata',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-798',
    description:
      'Text or metadata shipped with the model contains what looks like a live credential: an ' +
      'AWS access key, a Hugging Face, OpenAI, Anthropic, GitHub, GitLab, Slack, Google or Stripe ' +
      'token, or a private key. Anyone who downloads the model can use it. The evidence shows ' +
      'only a masked prefix.',
    remediation: 'Revoke the credential now, then remove it from the file and its history.',
  },
  {
    id: 'MA5502',
    name: 'secret-suspected',
    title: 'Metadata field named like a secret holds a value',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-798',
    description:
      'A metadata key such as `api_key`, `password`, `secret_key` or `hub_token` has a non-empty, ' +
      'non-placeholder value. It may be a credential left in the configuration.',
    remediation: 'Check the value; revoke and remove it if it is real.',
  },
  {
    id: 'MA5503',
    name: 'remote-reference',
    title: 'Metadata points a loader at a remote address',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      'A field that loaders use to find files (a path, checkpoint, weights, tokenizer or model ' +
      'reference) holds a URL. The loader downloads from it at load time, content this scan ' +
      'never saw and that can change at any moment.',
    remediation: 'Download and scan what it points to, and reference a local, pinned copy.',
  },
  {
    id: 'MA5504',
    name: 'requirements-remote-source',
    title: 'Environment file installs packages from arbitrary sources',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      'A requirements, conda or python_env file that serving tools install (MLflow, TorchServe) ' +
      'adds a package index, installs from a URL, a VCS repository or a local path, or passes ' +
      'pip options. Package installation runs the package build code.',
    remediation: 'Install only named packages from the default index, with pinned versions.',
  },
  // --- Other model formats ---------------------------------------------------------------------
  {
    id: 'MA5601',
    name: 'custom-operator',
    title: 'Model needs an operator outside its runtime’s standard set',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      'The graph uses a custom operator (TFLite custom op, ONNX Runtime custom domain, ExecuTorch ' +
      'kernel outside the standard namespaces, OpenVINO extension layer, Core ML custom layer or ' +
      'custom model). Running it needs native code registered by the application or shipped ' +
      'with the model, which this scan cannot judge.',
    remediation: 'Check where the operator implementation comes from.',
  },
  {
    id: 'MA5602',
    name: 'dangerous-operator',
    title: 'Model uses an operator that touches files or runs Python',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'The graph contains an operator that reads or writes files, runs Python callbacks or ' +
      'shell code (TFLite Flex ReadFile/WriteFile/PyFunc, PaddlePaddle py_func, onnxruntime ' +
      'Python ops). Inference then does more than compute.',
    remediation: 'Do not run this model.',
  },
  {
    id: 'MA5603',
    name: 'xml-external-entity',
    title: 'XML model declares entities or external references',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-611',
    description:
      'The XML (PMML, OpenVINO IR) has a document type declaration with entity declarations or ' +
      'external identifiers. Parsers that resolve them read local files or fetch URLs ' +
      '(XXE), or expand entities until memory runs out ("billion laughs"). modelaudit never ' +
      'resolves them.',
    remediation: 'Do not load this file with a parser that resolves entities; remove the DTD.',
    references: ['https://cwe.mitre.org/data/definitions/611.html'],
  },
  {
    id: 'MA5604',
    name: 'xml-doctype',
    title: 'XML model carries a document type declaration',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-611',
    description:
      'The XML has a DOCTYPE without entities. Model XML formats never need one; it is the first ' +
      'step of entity attacks and is rejected by hardened parsers.',
    remediation: 'Remove the DOCTYPE.',
  },
  {
    id: 'MA5605',
    name: 'native-executable',
    title: 'Executable program where a model is expected',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-506',
    description:
      'The file is a native executable (ELF, PE, Mach-O, or an Actually Portable Executable such ' +
      'as a llamafile, which wraps a GGUF model in a program). Using it means running machine ' +
      'code that cannot be vetted by reading it; any embedded model is scanned, the program is ' +
      'not.',
    remediation:
      'Extract the model (for a llamafile, the GGUF inside) and run it with a runtime you trust; ' +
      'run executables only from publishers you trust.',
  },
  {
    id: 'MA5606',
    name: 'embedded-pickle',
    title: 'A data format carries a pickle',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'A byte string inside a data-only format (Flax msgpack, Orbax metadata, UBJSON) is a ' +
      'complete pickle. The format’s own loader does not unpickle it, but application code that ' +
      'does runs it; its own findings are reported beside this one.',
    remediation: 'Check why the data carries a pickle.',
  },
  {
    id: 'MA5607',
    name: 'msgpack-extension',
    title: 'msgpack data uses an unexpected extension type',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'A msgpack extension value that Flax does not write (or an ndarray with an object dtype) ' +
      'appears. Its meaning depends on the ext_hook of the loading application, which may build ' +
      'arbitrary objects.',
    remediation: 'Check which application wrote the file.',
  },
  {
    id: 'MA5608',
    name: 'skops-untrusted-type',
    title: 'skops file references types outside the trusted set',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'The skops schema names classes or functions that skops does not trust by default. Users ' +
      'who pass them to `trusted=` (or accept `get_untrusted_types` wholesale) let the loader ' +
      'import and build them.',
    remediation: 'Review each listed type before trusting it.',
    references: ['https://skops.readthedocs.io/en/stable/persistence.html'],
  },
  {
    id: 'MA5609',
    name: 'torch7-lua-function',
    title: 'Torch7 file contains serialized Lua functions',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'Torch7 serializes Lua functions as bytecode that `torch.load` turns back into callable ' +
      'functions with `loadstring`. Bytecode can do anything Lua can, including `os.execute`.',
    remediation: 'Do not load this file.',
  },
  {
    id: 'MA5610',
    name: 'torch7-unknown-class',
    title: 'Torch7 file references classes outside torch and nn',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'Objects of classes outside the torch, nn, cudnn and optim namespaces are rebuilt by their ' +
      'own read methods, whose behaviour depends on code installed where the file is loaded.',
    remediation: 'Check that the classes come from packages you trust.',
  },
  {
    id: 'MA5611',
    name: 'rds-promise',
    title: 'R serialized data contains promises',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'Unserializing promise objects (PROMSXP) in RDS/RData files lets the file run an R ' +
      'expression when the loaded value is first used (CVE-2024-27322). No ordinary object ' +
      'contains unevaluated promises.',
    remediation: 'Do not load this file; update R to 4.4.0 or later.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2024-27322'],
  },
  {
    id: 'MA5612',
    name: 'rds-dangerous-call',
    title: 'R serialized code calls system, download or native functions',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'A function or expression serialized in the R file calls `system`, `system2`, `shell`, ' +
      '`pipe`, `download.file`, `source`, `dyn.load` or similar. It runs when the object is used.',
    remediation: 'Do not load this file.',
  },
  {
    id: 'MA5613',
    name: 'idl-compiled-routines',
    title: 'IDL save file carries compiled routines',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-94',
    description:
      'Besides variables, the IDL save file holds compiled IDL procedures or functions (COMPILED ' +
      "records). IDL's RESTORE loads them, and they replace routines of the same name for every " +
      'later call in the session. scipy.io.readsav ignores them; IDL and GDL do not.',
    remediation:
      'Restore the file in IDL only if you trust its author; prefer a variables-only save.',
    references: ['https://www.nv5geospatialsoftware.com/docs/RESTORE.html'],
  },
  {
    id: 'MA5614',
    name: 'data-file-malformed',
    title: 'Data file structure is malformed',
    family: 'formats',
    severity: 'INFO',
    cwe: 'CWE-20',
    description:
      'A data-only format that carries no code (MATLAB v4/v5, IDL save, ONNX test tensors, ' +
      'protobuf descriptor sets) is truncated or breaks its own structure, so its loader refuses ' +
      'it. Reported so that an unreadable file is never taken for a checked one; it cannot run ' +
      'code either way.',
    remediation: 'Obtain an intact copy if the data is needed.',
  },
  // --- Structure ---------------------------------------------------------------------------------
  {
    id: 'MA5900',
    name: 'format-malformed',
    title: 'Model file structure is malformed',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'The file is identified as a binary model format (TFLite, ONNX Runtime, ExecuTorch, Core ML, ' +
      'msgpack, UBJSON, XGBoost, LightGBM, CatBoost, Torch7, R serialization…) but its structure ' +
      'breaks the format: offsets or lengths outside the file, indices outside their tables, ' +
      'impossible counts, truncation. Native loaders that trust these fields read out of bounds; ' +
      'the rest of the file was not examined.',
    remediation:
      'Do not load this file; a damaged model should be downloaded again from its source.',
  },
];
