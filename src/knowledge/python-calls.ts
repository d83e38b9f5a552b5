/**
 * What Python source shipped with a model may not do. Entries are dotted paths matched as
 * prefixes of the resolved name of a reference (after import aliases): "subprocess" covers
 * every attribute of subprocess, "os.system" only that function.
 *
 * This is not the pickle policy: in source code `os.path.join`, `open` or `getattr(torch, x)`
 * are ordinary, so only what model code has no business doing is listed. Deserializers and
 * HTTP clients are warnings (processors legitimately fetch user-supplied image URLs); code,
 * process, socket and native-library entry points are errors.
 */

export type PyRisk =
  | 'code' // MA5401
  | 'process' // MA5402
  | 'import-trick' // MA5403
  | 'native' // MA5404
  | 'network' // MA5405 (fixed endpoint) / MA5406 (computed address)
  | 'http' // MA5406, MA5405 when the address is a literal
  | 'deserialize' // MA5407
  | 'dynamic-import' // MA5409
  | 'file-destruction' // MA5410
  | 'install' // MA5411
  | 'debugger' // MA5415
  | 'native-build'; // MA5416

export interface PyEntry {
  readonly target: string;
  readonly risk: PyRisk;
  readonly reason: string;
}

const OS_PROCESS = [
  'system',
  'popen',
  'popen2',
  'popen3',
  'popen4',
  'execl',
  'execle',
  'execlp',
  'execlpe',
  'execv',
  'execve',
  'execvp',
  'execvpe',
  'spawnl',
  'spawnle',
  'spawnlp',
  'spawnlpe',
  'spawnv',
  'spawnve',
  'spawnvp',
  'spawnvpe',
  'posix_spawn',
  'posix_spawnp',
  'fork',
  'forkpty',
  'startfile',
  'kill',
  'killpg',
  'dup2',
];
const OS_DESTRUCTIVE = [
  'remove',
  'unlink',
  'rmdir',
  'removedirs',
  'chmod',
  'lchmod',
  'chown',
  'lchown',
  'setuid',
  'setgid',
  'seteuid',
  'setegid',
  'truncate',
];

export const PYTHON_POLICY: readonly PyEntry[] = [
  // Code execution
  { target: 'builtins.exec', risk: 'code', reason: 'executes Python source or a code object' },
  { target: 'builtins.eval', risk: 'code', reason: 'evaluates a Python expression string' },
  { target: 'builtins.compile', risk: 'code', reason: 'compiles source text into a code object' },
  { target: 'builtins.execfile', risk: 'code', reason: 'runs a Python file (Python 2)' },
  { target: 'types.FunctionType', risk: 'code', reason: 'builds a function from a code object' },
  { target: 'types.LambdaType', risk: 'code', reason: 'builds a function from a code object' },
  { target: 'types.CodeType', risk: 'code', reason: 'builds a code object from raw bytecode' },
  { target: 'marshal', risk: 'code', reason: 'loads raw code objects' },
  { target: 'runpy', risk: 'code', reason: 'runs a module or a file as a script' },
  { target: 'code.interact', risk: 'code', reason: 'opens an interactive interpreter' },
  { target: 'code.InteractiveInterpreter', risk: 'code', reason: 'runs source strings' },
  { target: 'code.InteractiveConsole', risk: 'code', reason: 'runs source strings' },
  { target: 'codeop', risk: 'code', reason: 'compiles source strings' },
  {
    target: 'importlib.util.spec_from_file_location',
    risk: 'code',
    reason: 'imports code from an arbitrary file path',
  },
  { target: 'importlib.machinery.SourceFileLoader', risk: 'code', reason: 'imports a file path' },
  {
    target: 'importlib.machinery.SourcelessFileLoader',
    risk: 'code',
    reason: 'imports bytecode from a file path',
  },
  { target: 'importlib.machinery.ExtensionFileLoader', risk: 'native', reason: 'loads a .so' },
  { target: 'imp.load_source', risk: 'code', reason: 'imports a file path' },
  { target: 'imp.load_compiled', risk: 'code', reason: 'imports bytecode from a file path' },
  { target: 'imp.load_dynamic', risk: 'native', reason: 'loads a native extension from a path' },
  { target: 'imp.load_module', risk: 'code', reason: 'imports a file path' },
  { target: 'zipimport', risk: 'code', reason: 'imports code from a zip archive' },
  { target: 'pydoc.locate', risk: 'import-trick', reason: 'resolves any dotted name' },
  { target: 'pkgutil.resolve_name', risk: 'import-trick', reason: 'resolves any dotted name' },
  { target: 'builtins.__import__', risk: 'import-trick', reason: 'imports a module by name' },
  { target: 'importlib.__import__', risk: 'import-trick', reason: 'imports a module by name' },
  { target: 'builtins.__builtins__', risk: 'import-trick', reason: 'reaches the builtins' },
  {
    target: 'transformers.dynamic_module_utils',
    risk: 'code',
    reason: 'loads remote code from another repository',
  },
  {
    target: 'diffusers.utils.dynamic_modules_utils',
    risk: 'code',
    reason: 'loads remote code from another repository',
  },
  // Processes
  ...OS_PROCESS.map((f) => ({
    target: `os.${f}`,
    risk: 'process' as const,
    reason: f === 'dup2' ? 'rewires file descriptors (reverse-shell idiom)' : 'runs a process',
  })),
  ...OS_PROCESS.map((f) => ({
    target: `posix.${f}`,
    risk: 'process' as const,
    reason: 'runs a process',
  })),
  ...OS_PROCESS.map((f) => ({
    target: `nt.${f}`,
    risk: 'process' as const,
    reason: 'runs a process',
  })),
  { target: 'subprocess', risk: 'process', reason: 'runs processes' },
  { target: '_posixsubprocess', risk: 'process', reason: 'runs processes' },
  { target: 'pty', risk: 'process', reason: 'spawns processes on a pseudo-terminal' },
  { target: 'commands', risk: 'process', reason: 'runs shell commands (Python 2)' },
  { target: 'popen2', risk: 'process', reason: 'runs shell commands (Python 2)' },
  { target: 'platform.popen', risk: 'process', reason: 'runs a shell command' },
  { target: 'asyncio.create_subprocess_exec', risk: 'process', reason: 'runs a process' },
  { target: 'asyncio.create_subprocess_shell', risk: 'process', reason: 'runs a shell command' },
  { target: 'pexpect', risk: 'process', reason: 'runs processes' },
  { target: 'sh', risk: 'process', reason: 'runs processes' },
  { target: 'plumbum', risk: 'process', reason: 'runs processes' },
  { target: 'fabric', risk: 'process', reason: 'runs remote commands' },
  { target: 'invoke.run', risk: 'process', reason: 'runs shell commands' },
  { target: 'webbrowser', risk: 'process', reason: 'launches a browser on an address' },
  // Native code
  { target: 'ctypes', risk: 'native', reason: 'loads and calls native libraries' },
  { target: '_ctypes', risk: 'native', reason: 'loads and calls native libraries' },
  { target: 'cffi', risk: 'native', reason: 'loads and calls native libraries' },
  { target: 'numpy.ctypeslib.load_library', risk: 'native', reason: 'loads a native library' },
  { target: 'torch.ops.load_library', risk: 'native', reason: 'loads a native library' },
  { target: 'torch.classes.load_library', risk: 'native', reason: 'loads a native library' },
  { target: 'tensorflow.load_op_library', risk: 'native', reason: 'loads a native library' },
  { target: 'tensorflow.load_library', risk: 'native', reason: 'loads a native library' },
  { target: 'torch.utils.cpp_extension', risk: 'native-build', reason: 'compiles native code' },
  { target: 'cupy.RawKernel', risk: 'native-build', reason: 'compiles CUDA source' },
  { target: 'cupy.RawModule', risk: 'native-build', reason: 'compiles CUDA source' },
  // Network
  { target: 'socket', risk: 'network', reason: 'opens network sockets' },
  { target: '_socket', risk: 'network', reason: 'opens network sockets' },
  { target: 'ssl.wrap_socket', risk: 'network', reason: 'opens network sockets' },
  { target: 'telnetlib', risk: 'network', reason: 'opens remote sessions' },
  { target: 'ftplib', risk: 'network', reason: 'transfers files over FTP' },
  { target: 'smtplib', risk: 'network', reason: 'sends mail' },
  { target: 'paramiko', risk: 'network', reason: 'opens SSH sessions' },
  { target: 'socketserver', risk: 'network', reason: 'listens on the network' },
  { target: 'http.server', risk: 'network', reason: 'listens on the network' },
  { target: 'xmlrpc', risk: 'network', reason: 'makes remote calls' },
  { target: 'asyncio.open_connection', risk: 'network', reason: 'opens network connections' },
  { target: 'websocket', risk: 'network', reason: 'opens websocket connections' },
  { target: 'websockets', risk: 'network', reason: 'opens websocket connections' },
  { target: 'pycurl', risk: 'network', reason: 'transfers data from URLs' },
  { target: 'torch.hub.load', risk: 'network', reason: 'downloads and runs hubconf.py code' },
  { target: 'requests', risk: 'http', reason: 'makes HTTP requests' },
  { target: 'httpx', risk: 'http', reason: 'makes HTTP requests' },
  { target: 'urllib3', risk: 'http', reason: 'makes HTTP requests' },
  { target: 'urllib.request', risk: 'http', reason: 'fetches URLs' },
  { target: 'urllib.urlopen', risk: 'http', reason: 'fetches URLs' },
  { target: 'urllib.urlretrieve', risk: 'http', reason: 'downloads URLs' },
  { target: 'urllib2', risk: 'http', reason: 'fetches URLs' },
  { target: 'http.client', risk: 'http', reason: 'makes HTTP requests' },
  { target: 'httplib', risk: 'http', reason: 'makes HTTP requests' },
  { target: 'aiohttp', risk: 'http', reason: 'makes HTTP requests' },
  { target: 'wget', risk: 'http', reason: 'downloads URLs' },
  { target: 'torch.hub.load_state_dict_from_url', risk: 'http', reason: 'downloads weights' },
  { target: 'torch.hub.download_url_to_file', risk: 'http', reason: 'downloads a URL' },
  // Deserialization
  { target: 'pickle.load', risk: 'deserialize', reason: 'unpickles a file' },
  { target: 'pickle.loads', risk: 'deserialize', reason: 'unpickles bytes' },
  { target: 'pickle.Unpickler', risk: 'deserialize', reason: 'unpickles a file' },
  { target: '_pickle.load', risk: 'deserialize', reason: 'unpickles a file' },
  { target: '_pickle.loads', risk: 'deserialize', reason: 'unpickles bytes' },
  { target: '_pickle.Unpickler', risk: 'deserialize', reason: 'unpickles a file' },
  { target: 'dill.load', risk: 'deserialize', reason: 'unpickles code and data' },
  { target: 'dill.loads', risk: 'deserialize', reason: 'unpickles code and data' },
  { target: 'cloudpickle.load', risk: 'deserialize', reason: 'unpickles code and data' },
  { target: 'cloudpickle.loads', risk: 'deserialize', reason: 'unpickles code and data' },
  { target: 'joblib.load', risk: 'deserialize', reason: 'unpickles a file' },
  { target: 'shelve.open', risk: 'deserialize', reason: 'unpickles a database' },
  { target: 'jsonpickle.decode', risk: 'deserialize', reason: 'rebuilds arbitrary objects' },
  { target: 'pandas.read_pickle', risk: 'deserialize', reason: 'unpickles a file' },
  { target: 'torch.load', risk: 'deserialize', reason: 'unpickles a checkpoint' },
  { target: 'numpy.load', risk: 'deserialize', reason: 'unpickles object arrays' },
  { target: 'yaml.load', risk: 'deserialize', reason: 'builds arbitrary objects from YAML' },
  { target: 'yaml.load_all', risk: 'deserialize', reason: 'builds arbitrary objects from YAML' },
  { target: 'yaml.unsafe_load', risk: 'deserialize', reason: 'builds arbitrary objects from YAML' },
  { target: 'yaml.full_load', risk: 'deserialize', reason: 'builds objects from YAML' },
  // Dynamic imports
  { target: 'importlib.import_module', risk: 'dynamic-import', reason: 'imports a module by name' },
  // Files
  { target: 'shutil.rmtree', risk: 'file-destruction', reason: 'deletes a directory tree' },
  { target: 'shutil.chown', risk: 'file-destruction', reason: 'changes file ownership' },
  ...OS_DESTRUCTIVE.map((f) => ({
    target: `os.${f}`,
    risk: 'file-destruction' as const,
    reason: 'deletes files or changes permissions',
  })),
  // Installers
  { target: 'pip', risk: 'install', reason: 'installs packages' },
  { target: 'ensurepip', risk: 'install', reason: 'installs pip' },
  { target: 'setuptools.sandbox', risk: 'install', reason: 'runs setup scripts' },
  { target: 'distutils.core.run_setup', risk: 'install', reason: 'runs setup scripts' },
  // Debuggers
  { target: 'builtins.breakpoint', risk: 'debugger', reason: 'starts the debugger' },
  { target: 'pdb', risk: 'debugger', reason: 'starts the debugger' },
  { target: 'ipdb', risk: 'debugger', reason: 'starts the debugger' },
  { target: 'pudb', risk: 'debugger', reason: 'starts the debugger' },
];

/**
 * Modules whose attributes, fetched by a computed name, reach dangerous functions:
 * getattr(os, name) is how `os.system` is called without writing it.
 */
export const SENSITIVE_MODULES: ReadonlySet<string> = new Set([
  'os',
  'posix',
  'nt',
  'subprocess',
  'builtins',
  '__builtin__',
  'sys',
  'importlib',
  'socket',
  'ctypes',
  'pty',
  'shutil',
  'pickle',
  'marshal',
  'runpy',
  'types',
  'code',
]);

/** Builtins that matter here; other bare names are not resolved to builtins. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  'exec',
  'eval',
  'compile',
  'execfile',
  '__import__',
  'breakpoint',
  'getattr',
  'globals',
  'locals',
  'vars',
  '__builtins__',
]);

/** Attributes that walk from any object to interpreter internals. */
export const ESCAPE_ATTRIBUTES: ReadonlySet<string> = new Set([
  '__globals__',
  '__builtins__',
  '__code__',
  'func_globals',
  'func_code',
  'f_globals',
  'f_builtins',
  'gi_frame',
  'cr_frame',
  '__subclasses__',
]);

const byHead = new Map<string, PyEntry[]>();
for (const e of PYTHON_POLICY) {
  const head = e.target.split('.')[0]!;
  const list = byHead.get(head) ?? [];
  list.push(e);
  byHead.set(head, list);
}

/** The most specific policy entry that is a prefix of `path`, if any. */
export function matchPythonPolicy(path: string): PyEntry | undefined {
  const head = path.split('.')[0]!;
  let best: PyEntry | undefined;
  for (const e of byHead.get(head) ?? []) {
    if (path === e.target || path.startsWith(e.target + '.')) {
      if (!best || e.target.length > best.target.length) best = e;
    }
  }
  return best;
}

/** HTTP client entry points that send a request (constructors of headers or timeouts do not). */
export const HTTP_VERBS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'request',
  'stream',
  'urlopen',
  'urlretrieve',
  'build_opener',
  'Request',
  'Session',
  'Client',
  'AsyncClient',
  'ClientSession',
  'PoolManager',
  'HTTPConnection',
  'HTTPSConnection',
  'connection_from_url',
  'download',
  'load_state_dict_from_url',
  'download_url_to_file',
]);

/** Module aliases the ecosystem uses (import tensorflow as tf is resolved, this is for `tf.` typos). */
export const CANONICAL_MODULES: Readonly<Record<string, string>> = {
  __builtin__: 'builtins',
  cPickle: 'pickle',
};
