import type { DangerEntry } from './types.js';

/**
 * Callables that attack the environment loading the model rather than (only) running a
 * payload: security tooling (pickle scanners and safe-loading libraries, their hook installers,
 * allow-list registries and safe-mode switches) and the interpreter's own hook points (audit,
 * trace, profile, import and monitoring hooks). A model has no business touching any of them,
 * so they are their own rule (MA2024), ERROR whatever tier the module would otherwise fall in.
 *
 * Matched like the dangerous table (module family, submodules included; the most specific entry
 * wins and these entries win ties), so `sys.settrace` is tampering although `sys` as a whole is
 * an environment change.
 */
const scanner = (target: string, what: string): DangerEntry => ({
  target,
  category: 'defence-tampering',
  reason: `${what}: a model that imports a security scanner's or safe loader's code is tampering with the defences`,
});

const hook = (target: string, what: string): DangerEntry => ({
  target,
  category: 'defence-tampering',
  reason: `installs or changes ${what}, which runs attacker-chosen code on later events and can blind monitoring`,
});

const allowList = (target: string, what: string): DangerEntry => ({
  target,
  category: 'defence-tampering',
  reason: `${what}: widens what a safe loader accepts, so a later load runs what it would have refused`,
});

export const DEFENCE_TAMPERING: readonly DangerEntry[] = [
  // Pickle and model scanners, and safe-unpickling libraries: any reference is hostile.
  scanner('picklescan', 'picklescan, the pickle scanner'),
  scanner('fickling', 'fickling, the pickle decompiler and safe-load hook'),
  scanner('modelscan', 'modelscan, the model scanner'),
  scanner('modelaudit', 'modelaudit, the model scanner'),
  scanner('model_signing', 'model_signing, the model signature verifier'),
  scanner('sigstore', 'sigstore, the signature verifier'),
  scanner('safe_pickle', 'a safe-unpickling library'),
  scanner('safepickle', 'a safe-unpickling library'),
  scanner('restricted_pickle', 'a safe-unpickling library'),
  scanner('restrictedpickle', 'a safe-unpickling library'),
  scanner('pickle_guard', 'a safe-unpickling library'),
  scanner('pickleguard', 'a safe-unpickling library'),
  scanner('secure_pickle', 'a safe-unpickling library'),
  scanner('pickle_scanner', 'a pickle scanner'),
  scanner('llm_guard', 'llm-guard, the model and prompt scanner'),
  scanner('huggingface_hub.utils._safetensors', "the Hub client's safe-loading helpers"),
  scanner('torch._weights_only_unpickler', "torch's weights-only (safe) unpickler"),
  scanner('numpy.lib.format._check_pickle', "numpy's pickle gate"),

  // Allow-lists and safe-mode switches of the loaders.
  allowList('torch.serialization.add_safe_globals', "adds to torch.load's weights-only allow-list"),
  allowList('torch.serialization.safe_globals', "widens torch.load's weights-only allow-list"),
  allowList('torch.serialization.clear_safe_globals', "resets torch.load's allow-list"),
  allowList('torch.serialization._get_safe_globals', "reaches torch.load's allow-list"),
  allowList('torch.serialization._default_to_weights_only', "changes torch.load's safe default"),
  allowList('torch.serialization.skip_data', 'changes what torch.load reads'),
  allowList('torch.serialization.register_package', 'registers a storage-location handler'),
  allowList('torch.serialization._package_registry', 'holds the storage-location handlers'),
  allowList(
    'keras.src.saving.serialization_lib.enable_unsafe_deserialization',
    'turns Keras safe mode off (Lambda bytecode and arbitrary classes load)',
  ),
  allowList('keras.config.enable_unsafe_deserialization', 'turns Keras safe mode off'),
  allowList('keras.src.saving.serialization_lib.SafeModeScope', 'changes Keras safe mode'),
  allowList('keras.saving.register_keras_serializable', 'registers classes Keras will rebuild'),
  allowList('keras.utils.register_keras_serializable', 'registers classes Keras will rebuild'),
  allowList(
    'keras.src.saving.object_registration',
    'registers or reaches classes Keras will rebuild',
  ),
  allowList('keras.saving.get_custom_objects', "reaches Keras' registry of rebuildable classes"),
  allowList('keras.utils.get_custom_objects', "reaches Keras' registry of rebuildable classes"),
  allowList('yaml.add_constructor', 'registers a YAML constructor that safe loaders will call'),
  allowList('yaml.add_multi_constructor', 'registers YAML constructors that loaders will call'),
  allowList('yaml.add_implicit_resolver', 'changes how YAML loaders resolve tags'),
  allowList('yaml.add_path_resolver', 'changes how YAML loaders resolve tags'),
  allowList('jsonpickle.handlers', 'registers jsonpickle handlers'),
  allowList('skops.io._audit', "reaches skops' trusted-type audit"),
  allowList('copyreg.add_extension', 'changes the EXT code registry that later pickles resolve'),
  allowList('copyreg.remove_extension', 'changes the EXT code registry'),
  allowList('copyreg.clear_extension_cache', 'changes the EXT code registry'),
  allowList('copyreg._extension_registry', 'is the EXT code registry'),
  allowList('copyreg._inverted_registry', 'is the EXT code registry'),
  allowList('copyreg._extension_cache', 'is the EXT code cache'),
  allowList('copyreg.dispatch_table', 'holds the reducers pickling uses'),
  allowList('copyreg.pickle', 'registers a reducer'),

  // Interpreter hook points.
  hook('sys.addaudithook', 'an audit hook (PEP 578), the hook security monitors rely on'),
  hook('sys.audit', 'audit events (forging them misleads monitors)'),
  hook('sys.settrace', 'a trace function'),
  hook('sys.setprofile', 'a profile function'),
  hook('sys._settraceallthreads', 'a trace function for every thread'),
  hook('sys._setprofileallthreads', 'a profile function for every thread'),
  hook('sys.monitoring', 'sys.monitoring callbacks (PEP 669)'),
  hook('sys.meta_path', 'the import system (meta-path finders)'),
  hook('sys.path_hooks', 'the import system (path hooks)'),
  hook('sys.path_importer_cache', 'the import system (importer cache)'),
  hook('sys.modules', 'the module table (a planted module shadows a real one)'),
  hook('sys.excepthook', 'the exception hook'),
  hook('sys.unraisablehook', 'the unraisable-exception hook'),
  hook('sys.breakpointhook', 'the breakpoint hook'),
  hook('sys.displayhook', 'the display hook'),
  hook('sys.set_asyncgen_hooks', 'async-generator hooks'),
  hook('sys.setdlopenflags', 'how native libraries are loaded'),
  hook('sys.activate_stack_trampoline', 'the perf stack trampoline'),
  hook('threading.settrace', 'a trace function for new threads'),
  hook('threading.setprofile', 'a profile function for new threads'),
  hook('threading.settrace_all_threads', 'a trace function for every thread'),
  hook('threading.setprofile_all_threads', 'a profile function for every thread'),
  hook('threading.excepthook', 'the thread exception hook'),
  hook('importlib.abc', 'the import system (finder and loader classes)'),
  hook('importlib.machinery.PathFinder', 'the import system (path finder)'),
  hook('importlib.machinery.FileFinder.path_hook', 'the import system (path hooks)'),
  hook('importlib.invalidate_caches', 'the import caches'),
  hook('importlib._bootstrap._install', 'the import system'),
  hook('importlib._bootstrap_external._install', 'the import system'),
  hook('gc.callbacks', 'garbage-collector callbacks'),
  hook('atexit.register', 'an exit handler'),
  hook('atexit._run_exitfuncs', 'exit handlers'),
  hook('atexit.unregister', 'exit handlers'),
  hook('signal.signal', 'a signal handler'),
  hook('signal.set_wakeup_fd', 'signal delivery'),
  hook('faulthandler.register', 'a fault handler'),
  hook('weakref.finalize', 'a finalizer (a callable run when an object dies)'),
  hook('logging.disable', 'logging (silences what monitors read)'),
  hook('logging.root', 'the root logger'),
  hook('logging.setLoggerClass', 'logging'),
  hook('logging.setLogRecordFactory', 'logging'),
  hook('warnings.filterwarnings', 'warning filters (silences safe-loading warnings)'),
  hook('warnings.simplefilter', 'warning filters (silences safe-loading warnings)'),
  hook('warnings.resetwarnings', 'warning filters'),
  hook('warnings.showwarning', 'how warnings are shown'),
  hook('warnings.filters', 'warning filters'),
  hook('site.addsitedir', 'the import path (and runs .pth files)'),
  hook('site.main', 'the import path (and runs .pth files)'),
  hook('sitecustomize', 'the interpreter start-up hook'),
  hook('usercustomize', 'the interpreter start-up hook'),
];
