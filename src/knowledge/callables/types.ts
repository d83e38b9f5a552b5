import type { StateCheckName } from './state-checks.js';

/**
 * Shapes of the callable policy tables. The tables themselves are plain data, each entry
 * with the reason it is there, so a reviewer can audit them without reading code.
 */

export type DangerCategory =
  | 'code-execution' // eval/exec/compile, runners of source strings
  | 'process' // spawning or replacing processes, shells
  | 'import' // importing modules or resolving names at run time
  | 'attribute-access' // getattr-like access that reaches any attribute
  | 'filesystem' // reading, writing, deleting, listing files
  | 'network' // sockets, HTTP, downloads, remote calls
  | 'deserializer' // loaders that deserialize again (pickle, torch.load, yaml.load…)
  | 'debugger' // debuggers, profilers, tracers and REPL helpers that run code
  | 'installer' // package installers and build tools
  | 'code-reconstruction' // rebuilding code objects or functions (dill, cloudpickle, marshal)
  | 'native-code' // loading shared libraries, ctypes, FFI
  | 'environment' // changing interpreter or process state (sys, os.environ, signals, exit)
  | 'side-effect-import' // modules whose import alone acts (antigravity opens a browser)
  | 'resource-exhaustion' // calls that can hang or exhaust memory at load
  | 'defence-tampering'; // security tooling, safe-loader allow-lists, interpreter hooks (MA2024)

/**
 * A known-dangerous callable or namespace.
 *
 * `target` is a dotted path matched component by component against the resolved
 * `module.qualname`: "os" covers every attribute of os and its submodules,
 * "builtins.eval" covers eval and anything reached through it (eval.__call__).
 */
export interface DangerEntry {
  readonly target: string;
  readonly category: DangerCategory;
  readonly reason: string;
}

/**
 * A callable that real model files reference and that is safe to invoke with any arguments.
 *
 * `target` is "module:qualname". The module may end in ".**" to cover the module and all of its
 * submodules, or use "*" within a component (transformers.models.*.modeling_*). The qualname may be exact ("OrderedDict", "Outer.Inner") or a glob in which "*"
 * matches any run of characters other than "." and "[A-Z]" a character class, e.g. "[A-Z]*"
 * for class names.
 *
 * `invokesArgs` lists argument positions the callable itself calls or instantiates (for example
 * copyreg._reconstructor(cls, base, state) calls base.__init__): callables passed there are judged
 * as invoked, not merely referenced.
 */
export interface SafeEntry {
  readonly target: string;
  readonly reason: string;
  readonly invokesArgs?: readonly number[];
  /**
   * Argument positions the callable instantiates with cls.__new__ only (no __init__), such as
   * the class argument of copyreg.__newobj__: classes there are judged as constructed.
   */
  readonly constructsArgs?: readonly number[];
  /**
   * Safe only when rebuilt through __new__ (NEWOBJ, copyreg.__newobj__, _reconstructor's class
   * argument), as real files do; called with arguments its __init__ reads files or the
   * environment, so a call is judged like an unlisted library callable.
   */
  readonly newOnly?: boolean;
  /**
   * Safe only when the state a BUILD applies is what the library writes, because __setstate__
   * runs code from it (scipy.stats distributions exec a template): the named check decides.
   */
  readonly stateCheck?: StateCheckName;
}
