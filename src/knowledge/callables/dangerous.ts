/**
 * Callables and namespaces that a model file should never reach. A match makes the import an
 * ERROR whether the callable is invoked at load time or merely referenced (stored as a hook, a
 * default factory, a transformer's function…) for the application to call later.
 *
 * `target` is matched component by component as a prefix of the resolved path; the most specific
 * matching entry supplies the reason. Entries are grouped by family; each reason says what the
 * callable can do, and borderline choices say why they were made (see gadgets.md).
 *
 * Verified against CPython 3.11 and the ML stack installed here (torch 2.13, numpy 2.4, scipy
 * 1.17, scikit-learn 1.9, pandas 3.0, transformers 5.x, keras 3.15, joblib 1.6, dill 0.4,
 * cloudpickle 3.1); names of other versions and uninstalled packages come from their sources.
 */
import type { DangerEntry } from './types.js';

export const DANGEROUS_CALLABLES: readonly DangerEntry[] = [
  // ---------------------------------------------------------------------------------------------
  // builtins: code execution, namespace access and attribute access (Python 3 and Python 2 names)
  // ---------------------------------------------------------------------------------------------
  {
    target: 'builtins.eval',
    category: 'code-execution',
    reason: 'evaluates a Python expression given as a string',
  },
  {
    target: 'builtins.exec',
    category: 'code-execution',
    reason: 'executes Python source or a code object',
  },
  {
    target: 'builtins.compile',
    category: 'code-execution',
    reason: 'turns source text into a code object that exec, eval or FunctionType then run',
  },
  {
    target: 'builtins.__import__',
    category: 'import',
    reason: 'imports any module by name and returns it',
  },
  {
    target: 'builtins.__build_class__',
    category: 'code-execution',
    reason: 'builds a class by running a function body, the machinery behind class statements',
  },
  {
    target: 'builtins.getattr',
    category: 'attribute-access',
    reason:
      'reads any attribute of any object, e.g. getattr(module, "system"); also how pickled bound methods (Keras models) are rebuilt',
  },
  {
    target: 'builtins.setattr',
    category: 'attribute-access',
    reason: 'overwrites any attribute, e.g. replaces a library function or a security flag',
  },
  {
    target: 'builtins.delattr',
    category: 'attribute-access',
    reason: 'deletes any attribute, e.g. removes a guard from a module',
  },
  {
    target: 'builtins.globals',
    category: 'attribute-access',
    reason: 'returns the calling module namespace, a dict that leads to __builtins__',
  },
  {
    target: 'builtins.locals',
    category: 'attribute-access',
    reason: 'returns the calling frame namespace',
  },
  {
    target: 'builtins.vars',
    category: 'attribute-access',
    reason:
      'returns the __dict__ of any object or module, an item-access route to every name in it',
  },
  {
    target: 'builtins.open',
    category: 'filesystem',
    reason: 'opens, creates or truncates any file',
  },
  {
    target: 'builtins.input',
    category: 'resource-exhaustion',
    reason: 'blocks the loader on standard input',
  },
  {
    target: 'builtins.breakpoint',
    category: 'debugger',
    reason:
      'calls sys.breakpointhook (pdb by default, or whatever PYTHONBREAKPOINT names, which it imports)',
  },
  {
    target: 'builtins.help',
    category: 'debugger',
    reason: 'pydoc help: imports modules by name and pipes text through the $PAGER shell command',
  },
  {
    target: 'builtins.exit',
    category: 'environment',
    reason: 'raises SystemExit and terminates the loading process',
  },
  {
    target: 'builtins.quit',
    category: 'environment',
    reason: 'raises SystemExit and terminates the loading process',
  },
  {
    target: 'builtins.copyright',
    category: 'resource-exhaustion',
    reason: 'site _Printer: pages text interactively and waits on standard input',
  },
  {
    target: 'builtins.credits',
    category: 'resource-exhaustion',
    reason: 'site _Printer: pages text interactively and waits on standard input',
  },
  {
    target: 'builtins.license',
    category: 'resource-exhaustion',
    reason: 'site _Printer: reads LICENSE files and waits on standard input',
  },
  {
    target: '__builtin__.eval',
    category: 'code-execution',
    reason: 'Python 2 name of builtins.eval',
  },
  {
    target: '__builtin__.exec',
    category: 'code-execution',
    reason: 'Python 2 name of builtins.exec',
  },
  {
    target: '__builtin__.execfile',
    category: 'code-execution',
    reason: 'Python 2: executes a Python source file',
  },
  {
    target: '__builtin__.compile',
    category: 'code-execution',
    reason: 'Python 2 name of builtins.compile',
  },
  {
    target: '__builtin__.__import__',
    category: 'import',
    reason: 'Python 2 name of builtins.__import__',
  },
  { target: '__builtin__.reload', category: 'import', reason: 'Python 2: re-executes a module' },
  {
    target: '__builtin__.apply',
    category: 'code-execution',
    reason:
      'Python 2: apply(f, args) calls any callable, hiding the call from a scanner that only sees arguments',
  },
  {
    target: '__builtin__.getattr',
    category: 'attribute-access',
    reason: 'Python 2 name of builtins.getattr',
  },
  {
    target: '__builtin__.setattr',
    category: 'attribute-access',
    reason: 'Python 2 name of builtins.setattr',
  },
  {
    target: '__builtin__.delattr',
    category: 'attribute-access',
    reason: 'Python 2 name of builtins.delattr',
  },
  {
    target: '__builtin__.globals',
    category: 'attribute-access',
    reason: 'Python 2 name of builtins.globals',
  },
  {
    target: '__builtin__.locals',
    category: 'attribute-access',
    reason: 'Python 2 name of builtins.locals',
  },
  {
    target: '__builtin__.vars',
    category: 'attribute-access',
    reason: 'Python 2 name of builtins.vars',
  },
  { target: '__builtin__.open', category: 'filesystem', reason: 'Python 2 name of builtins.open' },
  {
    target: '__builtin__.file',
    category: 'filesystem',
    reason: 'Python 2: the file type opens, creates or truncates files',
  },
  {
    target: '__builtin__.input',
    category: 'code-execution',
    reason: 'Python 2: input() evaluates what it reads from standard input',
  },
  {
    target: '__builtin__.raw_input',
    category: 'resource-exhaustion',
    reason: 'Python 2: blocks on standard input',
  },
  {
    target: '__builtin__.breakpoint',
    category: 'debugger',
    reason: 'Python 2 spelling of builtins.breakpoint',
  },
  {
    target: '__builtin__.help',
    category: 'debugger',
    reason: 'Python 2 spelling of builtins.help',
  },
  {
    target: '__builtin__.exit',
    category: 'environment',
    reason: 'Python 2 spelling of builtins.exit',
  },
  {
    target: '__builtin__.quit',
    category: 'environment',
    reason: 'Python 2 spelling of builtins.quit',
  },
  {
    target: '__builtins__',
    category: 'code-execution',
    reason:
      'not an importable module on CPython 3; only crafted pickles name it, to reach eval or __import__',
  },
  {
    target: '_sitebuiltins',
    category: 'environment',
    reason:
      'the classes behind exit/quit/help/license: terminate the process, run pydoc, page text interactively',
  },

  // ---------------------------------------------------------------------------------------------
  // Processes and the operating system
  // ---------------------------------------------------------------------------------------------
  {
    target: 'os',
    category: 'process',
    reason:
      'os.system, os.popen, exec*/spawn*/posix_spawn, fork, kill, file creation and deletion, os.environ',
  },
  {
    target: 'posix',
    category: 'process',
    reason: 'the C module behind os on POSIX: system, execv, posix_spawn, fork, unlink…',
  },
  {
    target: 'nt',
    category: 'process',
    reason: 'the C module behind os on Windows: system, startfile, spawnv, remove…',
  },
  {
    target: 'subprocess',
    category: 'process',
    reason: 'runs commands (Popen, run, call, check_output, getoutput)',
  },
  {
    target: '_posixsubprocess',
    category: 'process',
    reason: 'fork_exec, the primitive under subprocess.Popen',
  },
  {
    target: '_bootsubprocess',
    category: 'process',
    reason: 'build-time subprocess stand-in; check_output passes a joined string to os.system',
  },
  {
    target: 'pty',
    category: 'process',
    reason: 'pty.spawn runs a program on a pseudo-terminal; fork',
  },
  {
    target: 'commands',
    category: 'process',
    reason: 'Python 2: getoutput and getstatusoutput run shell commands',
  },
  {
    target: 'popen2',
    category: 'process',
    reason: 'Python 2: popen2/popen3/popen4 run shell commands',
  },
  {
    target: '_winapi',
    category: 'process',
    reason: 'Windows API: CreateProcess, TerminateProcess, CreateFile, named pipes',
  },
  {
    target: 'msvcrt',
    category: 'process',
    reason:
      'Windows C runtime: handle and descriptor juggling, console input that blocks the loader',
  },
  {
    target: 'winreg',
    category: 'environment',
    reason: 'writes the Windows registry (Run keys give persistence)',
  },
  { target: '_winreg', category: 'environment', reason: 'Python 2 name of winreg' },
  {
    target: '_osx_support._read_output',
    category: 'process',
    reason: 'runs its argument through os.system on every platform',
  },
  {
    target: '_osx_support',
    category: 'process',
    reason: 'build helpers that shell out with os.system and rewrite compiler settings',
  },
  {
    target: '_aix_support',
    category: 'process',
    reason: 'build helpers that run commands through subprocess',
  },
  {
    target: 'pipes',
    category: 'process',
    reason: 'pipes.Template builds and runs shell pipelines (module removed in 3.13)',
  },
  {
    target: 'mailcap',
    category: 'process',
    reason:
      'findmatch runs the "test" commands of a caller-supplied caps dict through os.system (module removed in 3.13)',
  },
  {
    target: 'platform.popen',
    category: 'process',
    reason: 'older Pythons: os.popen wrapper that runs a shell command',
  },
  {
    target: 'platform._syscmd_file',
    category: 'process',
    reason: 'runs the external "file" program on a caller-chosen path',
  },
  {
    target: 'platform._syscmd_ver',
    category: 'process',
    reason: 'runs a shell command ("ver") through subprocess',
  },
  {
    target: 'platform._syscmd_uname',
    category: 'process',
    reason: 'older Pythons: runs "uname" with caller-chosen options through os.popen',
  },
  {
    target: 'platform.architecture',
    category: 'process',
    reason: 'runs the external "file" program on a caller-chosen executable path',
  },
  {
    target: 'uuid._get_command_stdout',
    category: 'process',
    reason: 'runs a caller-named command with caller-chosen arguments and returns its output',
  },
  {
    target: 'uuid._find_mac_near_keyword',
    category: 'process',
    reason: 'runs a caller-named command through uuid._get_command_stdout',
  },
  {
    target: 'uuid._find_mac_under_heading',
    category: 'process',
    reason: 'runs a caller-named command through uuid._get_command_stdout',
  },
  {
    target: 'uuid._popen',
    category: 'process',
    reason: 'older Pythons: runs a caller-named command',
  },
  {
    target: 'fcntl.ioctl',
    category: 'process',
    reason:
      'ioctl(0, TIOCSTI, byte) types characters into the controlling terminal, so the user shell runs them',
  },
  {
    target: 'resource.setrlimit',
    category: 'environment',
    reason: 'changes process limits (memory, files, core dumps) of the loading process',
  },
  {
    target: 'resource.prlimit',
    category: 'environment',
    reason: 'changes resource limits of any process the user owns',
  },
  {
    target: 'signal',
    category: 'environment',
    reason: 'installs handlers (deferred calls), alarm/setitimer, pthread_kill, pause',
  },
  { target: '_signal', category: 'environment', reason: 'C module behind signal' },
  {
    target: 'faulthandler',
    category: 'environment',
    reason:
      'dump_traceback_later/register write to caller-chosen files; _sigsegv, _fatal_error, _stack_overflow crash the interpreter',
  },
  {
    target: 'atexit',
    category: 'environment',
    reason: 'atexit.register stores a callable that runs when the interpreter exits',
  },
  {
    target: 'time.sleep',
    category: 'resource-exhaustion',
    reason: 'stalls the loader for as long as the file asks',
  },
  {
    target: 'math.factorial',
    category: 'resource-exhaustion',
    reason: 'factorial of a large integer runs for hours and exhausts memory',
  },
  {
    target: 'math.comb',
    category: 'resource-exhaustion',
    reason: 'huge binomials run for hours and exhaust memory',
  },
  {
    target: 'math.perm',
    category: 'resource-exhaustion',
    reason: 'huge permutation counts run for hours and exhaust memory',
  },

  // ---------------------------------------------------------------------------------------------
  // Interpreter state, introspection and escapes
  // ---------------------------------------------------------------------------------------------
  {
    target: 'sys',
    category: 'environment',
    reason:
      'sys.modules, settrace/setprofile, addaudithook, _getframe, excepthook, path and meta_path, exit',
  },
  {
    target: 'gc',
    category: 'environment',
    reason:
      'get_objects/get_referrers/get_referents reach any live object, including module globals and frames',
  },
  {
    target: 'site',
    category: 'environment',
    reason: 'addsitedir/addpackage execute "import" lines of .pth files; main() rebuilds sys.path',
  },
  {
    target: '_distutils_hack',
    category: 'environment',
    reason: 'setuptools shim that edits sys.meta_path to redirect imports of distutils',
  },
  {
    target: 'inspect.getattr_static',
    category: 'attribute-access',
    reason: 'reads any attribute, dunders included, without triggering descriptors',
  },
  {
    target: 'inspect.getmembers',
    category: 'attribute-access',
    reason: 'returns every attribute of an object, dunders and module globals included',
  },
  {
    target: 'inspect.getmembers_static',
    category: 'attribute-access',
    reason: 'returns every attribute of an object without descriptors',
  },
  {
    target: 'inspect.classify_class_attrs',
    category: 'attribute-access',
    reason: 'returns every attribute of a class with its raw object',
  },
  {
    target: 'inspect.get_annotations',
    category: 'code-execution',
    reason:
      'with eval_str=True (reachable through functools.partial keywords) evaluates annotation strings',
  },
  {
    target: 'inspect._signature_fromstr',
    category: 'code-execution',
    reason: 'evaluates default values parsed from a __text_signature__ string',
  },
  {
    target: 'inspect._main',
    category: 'import',
    reason: 'the inspect command line: imports any module named in sys.argv',
  },
  {
    target: 'inspect.currentframe',
    category: 'attribute-access',
    reason: 'returns the running frame, whose f_globals and f_builtins lead to everything',
  },
  {
    target: 'inspect.stack',
    category: 'attribute-access',
    reason: 'returns every frame of the loader with its globals',
  },
  {
    target: 'inspect.trace',
    category: 'attribute-access',
    reason: 'returns frames of the current exception with their globals',
  },
  {
    target: 'inspect.getouterframes',
    category: 'attribute-access',
    reason: 'returns caller frames with their globals',
  },
  {
    target: 'inspect.getinnerframes',
    category: 'attribute-access',
    reason: 'returns traceback frames with their globals',
  },
  {
    target: 'inspect.attrgetter',
    category: 'attribute-access',
    reason: 'inspect re-exports operator.attrgetter under its own name',
  },
  {
    target: 'typing.get_type_hints',
    category: 'code-execution',
    reason:
      'evaluates string annotations: get_type_hints(SimpleNamespace(__annotations__={"a": "<code>"})) runs the code',
  },
  {
    target: 'typing._eval_type',
    category: 'code-execution',
    reason: 'evaluates ForwardRef strings',
  },
  {
    target: 'typing.ForwardRef._evaluate',
    category: 'code-execution',
    reason: 'eval() of the forward reference text',
  },
  {
    target: 'typing.evaluate_forward_ref',
    category: 'code-execution',
    reason: 'Python 3.14: evaluates forward reference text',
  },
  {
    target: 'typing_extensions.get_type_hints',
    category: 'code-execution',
    reason: 'evaluates string annotations like typing.get_type_hints',
  },
  {
    target: 'typing_extensions.evaluate_forward_ref',
    category: 'code-execution',
    reason: 'evaluates forward reference text',
  },
  {
    target: 'typing_extensions.get_annotations',
    category: 'code-execution',
    reason: 'with eval_str=True evaluates annotation strings',
  },
  {
    target: 'annotationlib.call_annotate_function',
    category: 'code-execution',
    reason: 'Python 3.14: runs an __annotate__ function',
  },
  {
    target: 'annotationlib.get_annotations',
    category: 'code-execution',
    reason: 'Python 3.14: with eval_str=True evaluates annotation strings',
  },
  {
    target: 'annotationlib.ForwardRef.evaluate',
    category: 'code-execution',
    reason: 'Python 3.14: evaluates forward reference text',
  },
  {
    target: 'dataclasses._create_fn',
    category: 'code-execution',
    reason:
      'builds "def name(args): body" source from its string arguments and exec()s it; default values in args run at once',
  },
  {
    target: 'dataclasses._FuncBuilder',
    category: 'code-execution',
    reason: 'Python 3.13+: collects function source text for dataclasses and exec()s it',
  },
  {
    target: 'dataclasses.FunctionType',
    category: 'code-reconstruction',
    reason: 'dataclasses re-exports types.FunctionType',
  },
  {
    target: 'optparse.Values.read_file',
    category: 'code-execution',
    reason: 'exec()s the contents of a caller-named file',
  },
  {
    target: 'optparse.Values.read_module',
    category: 'import',
    reason: 'imports a caller-named module and copies its namespace',
  },
  {
    target: 'warnings._getcategory',
    category: 'import',
    reason: 'imports the module named in a warning category string',
  },
  {
    target: 'warnings._setoption',
    category: 'import',
    reason: 'parses a -W option and imports the category module it names',
  },
  {
    target: 'warnings._processoptions',
    category: 'import',
    reason: 'parses -W options and imports the category modules they name',
  },
  {
    target: 'rlcompleter',
    category: 'attribute-access',
    reason: 'Completer evaluates dotted names in __main__ to list attributes',
  },
  {
    target: 'readline',
    category: 'filesystem',
    reason:
      'read_history_file/write_history_file/append_history_file and read_init_file take caller-chosen paths',
  },
  {
    target: '_testcapi',
    category: 'native-code',
    reason: 'CPython test hooks: raw memory access and deliberate crashes',
  },
  {
    target: '_testinternalcapi',
    category: 'native-code',
    reason: 'CPython internal test hooks: raw memory, code-object and interpreter manipulation',
  },

  // ---------------------------------------------------------------------------------------------
  // Runners of source code, debuggers, profilers, REPL and documentation tooling
  // ---------------------------------------------------------------------------------------------
  {
    target: 'code',
    category: 'code-execution',
    reason: 'InteractiveInterpreter.runsource/runcode and interact() execute Python source',
  },
  {
    target: 'codeop',
    category: 'code-execution',
    reason: 'compiles source text into code objects (compile_command, Compile)',
  },
  {
    target: 'runpy',
    category: 'code-execution',
    reason: 'run_path/run_module/_run_code execute files, modules or code objects',
  },
  {
    target: 'timeit',
    category: 'code-execution',
    reason: 'timeit/repeat/Timer compile and execute the stmt and setup strings',
  },
  {
    target: 'cProfile',
    category: 'debugger',
    reason: 'run/runctx and Profile.run execute a source string under the profiler',
  },
  {
    target: '_lsprof',
    category: 'debugger',
    reason:
      'C profiler behind cProfile; Profiler(timer) calls a caller-chosen timer callable on every event',
  },
  {
    target: 'profile',
    category: 'debugger',
    reason: 'run/runctx and Profile.run execute a source string',
  },
  {
    target: 'trace',
    category: 'debugger',
    reason: 'Trace.run/runctx/runfunc execute source or callables; the CLI runs scripts',
  },
  {
    target: 'pdb',
    category: 'debugger',
    reason:
      'run/runeval/runcall execute code; set_trace opens an interactive debugger on standard input',
  },
  {
    target: 'bdb',
    category: 'debugger',
    reason: 'Bdb.run/runeval/runctx/runcall execute code under a tracer',
  },
  {
    target: 'doctest',
    category: 'code-execution',
    reason:
      'debug_script, run_docstring_examples, testfile and testsource execute the examples in caller-supplied text',
  },
  {
    target: 'unittest',
    category: 'import',
    reason:
      'TestLoader.loadTestsFromName imports a dotted name and calls it; mock.patch resolves any target; mock._set_signature exec()s source',
  },
  {
    target: 'test.support',
    category: 'code-execution',
    reason:
      'CPython test support: script_helper.assert_python_ok/run_python_until_end run interpreters with caller-chosen arguments, os_helper.rmtree deletes trees, import_helper imports by name',
  },
  {
    target: 'test.libregrtest',
    category: 'code-execution',
    reason: 'CPython regression-test runner: imports and runs test modules named by the caller',
  },
  {
    target: 'test.regrtest',
    category: 'code-execution',
    reason: 'CPython regression-test runner entry point',
  },
  {
    target: 'pydoc',
    category: 'import',
    reason:
      'locate/resolve import any dotted name; pager and pipepager run a shell command; the server listens on a port',
  },
  {
    target: 'idlelib',
    category: 'code-execution',
    reason:
      'IDLE: run.Executive.runcode, pyshell.ModifiedInterpreter.runcode/runcommand, calltip and autocomplete eval() names',
  },
  {
    target: 'lib2to3',
    category: 'code-execution',
    reason:
      'pgen2 grammar loading unpickles tables (Grammar.loads) and ParserGenerator.make_label evaluates literals (removed in 3.13)',
  },
  {
    target: 'turtledemo',
    category: 'import',
    reason: 'the demo viewer imports and runs demo scripts by name',
  },
  {
    target: '_pyrepl',
    category: 'code-execution',
    reason:
      'Python 3.13+ REPL: console runsource executes code, pager.pipe_pager runs a shell command',
  },
  {
    target: 'cgi',
    category: 'environment',
    reason:
      'reads standard input as form data and prints os.environ (print_environ, test); removed in 3.13',
  },
  {
    target: 'cgitb',
    category: 'environment',
    reason:
      'enable() replaces sys.excepthook and writes tracebacks with local variables to a caller-chosen logdir',
  },
  {
    target: 'logging.config',
    category: 'code-execution',
    reason:
      'dictConfig calls any factory named in a "()" key, fileConfig eval()s handler arguments, listen() opens a port that accepts new configurations',
  },
  {
    target: 'logging.handlers',
    category: 'network',
    reason:
      'socket, datagram, syslog, HTTP and SMTP handlers send records over the network; file handlers create and rotate files',
  },
  {
    target: 'logging.FileHandler',
    category: 'filesystem',
    reason: 'opens (and by default appends to or truncates) a caller-named file',
  },

  // ---------------------------------------------------------------------------------------------
  // Code objects, functions and marshalled bytecode
  // ---------------------------------------------------------------------------------------------
  {
    target: 'types.FunctionType',
    category: 'code-reconstruction',
    reason: 'FunctionType(code, globals) turns a code object into a callable function',
  },
  {
    target: 'types.LambdaType',
    category: 'code-reconstruction',
    reason: 'alias of types.FunctionType',
  },
  {
    target: 'types.CodeType',
    category: 'code-reconstruction',
    reason: 'builds a code object from raw bytecode and constants',
  },
  {
    target: 'types.MethodType',
    category: 'code-reconstruction',
    reason: 'binds any function to any object, producing a new callable',
  },
  {
    target: 'types.CellType',
    category: 'code-reconstruction',
    reason: 'builds closure cells for rebuilt functions',
  },
  {
    target: 'types.new_class',
    category: 'code-execution',
    reason: 'creates a class and calls a caller-supplied exec_body callback and metaclass',
  },
  {
    target: 'types.prepare_class',
    category: 'code-execution',
    reason: 'calls the __prepare__ of a caller-chosen metaclass',
  },
  {
    target: '_collections_abc.FunctionType',
    category: 'code-reconstruction',
    reason: '_collections_abc re-exports types.FunctionType',
  },
  {
    target: 'marshal',
    category: 'code-reconstruction',
    reason: 'marshal.loads rebuilds code objects from bytes',
  },
  {
    target: 'new',
    category: 'code-reconstruction',
    reason: 'Python 2: new.code/new.function/new.instancemethod build code and functions',
  },
  {
    target: 'py_compile',
    category: 'code-execution',
    reason:
      'writes .pyc bytecode to a caller-chosen path, e.g. into an installed package __pycache__, which runs at its next import',
  },
  {
    target: 'compileall',
    category: 'code-execution',
    reason: 'compiles trees of source files and writes bytecode caches',
  },

  // ---------------------------------------------------------------------------------------------
  // Import machinery and name resolvers (any string becomes any callable)
  // ---------------------------------------------------------------------------------------------
  {
    target: 'importlib',
    category: 'import',
    reason:
      'import_module/reload, util.spec_from_file_location + loaders execute any file, metadata.EntryPoint.load resolves "module:attr"',
  },
  {
    target: '_frozen_importlib',
    category: 'import',
    reason: 'the bootstrap import system (__import__, _gcd_import, loaders)',
  },
  {
    target: '_frozen_importlib_external',
    category: 'import',
    reason:
      'SourceFileLoader/SourcelessFileLoader/ExtensionFileLoader load modules and native extensions from any path',
  },
  {
    target: '_imp',
    category: 'native-code',
    reason:
      'create_dynamic loads a native extension module from a spec; exec_builtin/exec_dynamic run module init',
  },
  {
    target: 'imp',
    category: 'import',
    reason: 'load_source/load_compiled/load_dynamic/load_module import any file (removed in 3.12)',
  },
  {
    target: 'pkgutil',
    category: 'import',
    reason:
      'resolve_name turns "os:system" into os.system; walk_packages imports; get_data reads package files',
  },
  {
    target: 'zipimport',
    category: 'import',
    reason: 'zipimporter loads and executes modules from any zip archive',
  },
  {
    target: 'modulefinder',
    category: 'import',
    reason:
      'ModuleFinder.run_script reads and compiles any script and imports the modules it names',
  },
  {
    target: 'importlib_metadata',
    category: 'import',
    reason:
      'backport of importlib.metadata: EntryPoint("x", "os:system", "g").load() returns os.system',
  },
  {
    target: 'importlib_resources',
    category: 'filesystem',
    reason: 'backport of importlib.resources: reads and extracts package files',
  },
  {
    target: 'pkg_resources',
    category: 'import',
    reason:
      'EntryPoint.resolve/load import "module:attr"; require() can activate distributions; resource_filename extracts files',
  },
  {
    target: 'operator.attrgetter',
    category: 'attribute-access',
    reason: 'attrgetter("a.b.c")(obj) walks any attribute chain, dunders included',
  },
  {
    target: 'operator.methodcaller',
    category: 'attribute-access',
    reason: 'methodcaller("name", *args)(obj) calls any method of any object',
  },
  {
    target: 'operator.itemgetter',
    category: 'attribute-access',
    reason:
      'item access on namespaces obtained elsewhere (e.g. a __builtins__ dict) picks out eval or __import__',
  },
  {
    target: 'operator.call',
    category: 'code-execution',
    reason:
      'Python 3.11+: operator.call(f, *args) calls its first argument, hiding an invocation as an argument',
  },
  {
    target: '_operator.attrgetter',
    category: 'attribute-access',
    reason: 'C implementation of operator.attrgetter',
  },
  {
    target: '_operator.methodcaller',
    category: 'attribute-access',
    reason: 'C implementation of operator.methodcaller',
  },
  {
    target: '_operator.itemgetter',
    category: 'attribute-access',
    reason: 'C implementation of operator.itemgetter',
  },
  {
    target: '_operator.call',
    category: 'code-execution',
    reason: 'C implementation of operator.call',
  },
  {
    target: 'collections._itemgetter',
    category: 'attribute-access',
    reason: 'collections re-exports operator.itemgetter under a private name',
  },
  {
    target: 'email._header_value_parser.itemgetter',
    category: 'attribute-access',
    reason: 're-export of operator.itemgetter',
  },
  {
    target: 'pathlib.attrgetter',
    category: 'attribute-access',
    reason: 'pathlib re-exports operator.attrgetter',
  },
  {
    target: 'functools.reduce',
    category: 'code-execution',
    reason:
      'calls its first argument over a sequence, chaining results: an invocation laundered as an argument',
  },
  {
    target: '_functools.reduce',
    category: 'code-execution',
    reason: 'C implementation of functools.reduce',
  },
  { target: 'enum.reduce', category: 'code-execution', reason: 'enum re-exports functools.reduce' },
  {
    target: 'statistics.reduce',
    category: 'code-execution',
    reason: 'statistics re-exports functools.reduce',
  },
  {
    target: 'codecs.register',
    category: 'environment',
    reason: 'installs a codec search function that every later codec lookup calls',
  },
  {
    target: '_codecs.register',
    category: 'environment',
    reason: 'C implementation of codecs.register',
  },

  // ---------------------------------------------------------------------------------------------
  // Native code
  // ---------------------------------------------------------------------------------------------
  {
    target: 'ctypes',
    category: 'native-code',
    reason:
      'CDLL/cdll/PyDLL load shared libraries, call C functions and read or write raw memory; ctypes.util runs compilers and ldconfig',
  },
  {
    target: '_ctypes',
    category: 'native-code',
    reason: 'C module behind ctypes: dlopen, function pointers, raw memory',
  },
  {
    target: 'cffi',
    category: 'native-code',
    reason: 'FFI.dlopen loads shared libraries; FFI.verify/compile build and load C code',
  },
  {
    target: '_cffi_backend',
    category: 'native-code',
    reason: 'C backend of cffi: load_library and raw pointers',
  },
  {
    target: 'Cython.Build.Inline',
    category: 'native-code',
    reason: 'cython_inline compiles and runs the source it is given',
  },
  {
    target: 'pyximport',
    category: 'native-code',
    reason: 'installs an import hook that compiles .pyx sources and loads them',
  },
  {
    target: 'pycuda.compiler',
    category: 'native-code',
    reason: 'SourceModule compiles CUDA source and loads it into the process',
  },
  {
    target: 'cupy.RawKernel',
    category: 'native-code',
    reason: 'compiles CUDA source text and launches it',
  },
  {
    target: 'cupy.RawModule',
    category: 'native-code',
    reason: 'compiles CUDA source text or loads a cubin/ptx file',
  },

  // ---------------------------------------------------------------------------------------------
  // Files, archives and databases
  // ---------------------------------------------------------------------------------------------
  {
    target: 'io.open',
    category: 'filesystem',
    reason: 'the builtin open(): opens, creates or truncates any file',
  },
  { target: 'io.open_code', category: 'filesystem', reason: 'opens any file for reading as code' },
  {
    target: 'io.FileIO',
    category: 'filesystem',
    reason: 'opens, creates or truncates a file by path',
  },
  { target: '_io.open', category: 'filesystem', reason: 'C implementation of open()' },
  { target: '_io.open_code', category: 'filesystem', reason: 'C implementation of io.open_code' },
  {
    target: '_io.FileIO',
    category: 'filesystem',
    reason: 'opens, creates or truncates a file by path (named in CVE-2025-10155/10156 bypasses)',
  },
  {
    target: '_pyio.open',
    category: 'filesystem',
    reason: 'pure-Python open(): opens, creates or truncates any file',
  },
  { target: '_pyio.open_code', category: 'filesystem', reason: 'pure-Python io.open_code' },
  {
    target: '_pyio.FileIO',
    category: 'filesystem',
    reason: 'pure-Python FileIO: opens, creates or truncates a file',
  },
  {
    target: 'codecs.open',
    category: 'filesystem',
    reason: 'opens, creates or truncates a file by path',
  },
  { target: 'tokenize.open', category: 'filesystem', reason: 'opens any file by path' },
  {
    target: 'tokenize._builtin_open',
    category: 'filesystem',
    reason: 'tokenize keeps the builtin open() under this name',
  },
  {
    target: 'bz2._builtin_open',
    category: 'filesystem',
    reason: 'bz2 keeps the builtin open() under this name',
  },
  { target: 'bz2.open', category: 'filesystem', reason: 'opens or creates a file by path' },
  { target: 'bz2.BZ2File', category: 'filesystem', reason: 'opens or creates a file by path' },
  { target: 'gzip.open', category: 'filesystem', reason: 'opens or creates a file by path' },
  { target: 'gzip.GzipFile', category: 'filesystem', reason: 'opens or creates a file by path' },
  { target: 'lzma.open', category: 'filesystem', reason: 'opens or creates a file by path' },
  { target: 'lzma.LZMAFile', category: 'filesystem', reason: 'opens or creates a file by path' },
  {
    target: 'linecache',
    category: 'filesystem',
    reason: 'getline/getlines/updatecache read any file, e.g. credentials, into memory',
  },
  {
    target: 'shutil',
    category: 'filesystem',
    reason: 'rmtree, move, copyfile, chown, make_archive/unpack_archive, which',
  },
  {
    target: 'tempfile',
    category: 'filesystem',
    reason: 'creates files and directories (mkstemp, mkdtemp, NamedTemporaryFile)',
  },
  {
    target: 'glob',
    category: 'filesystem',
    reason: 'lists directories anywhere on the filesystem',
  },
  {
    target: 'fileinput',
    category: 'filesystem',
    reason: 'opens files by name; inplace=True rewrites them and redirects stdout into them',
  },
  {
    target: 'filecmp',
    category: 'filesystem',
    reason: 'reads and compares arbitrary files and directories',
  },
  {
    target: 'netrc',
    category: 'filesystem',
    reason: 'parses ~/.netrc or any named file and returns stored credentials',
  },
  {
    target: 'mmap',
    category: 'filesystem',
    reason: 'maps files (and shared memory) for reading and writing',
  },
  {
    target: '_posixshmem',
    category: 'filesystem',
    reason: 'shm_open/shm_unlink create and delete named shared-memory files',
  },
  { target: 'dbm', category: 'filesystem', reason: 'opens or creates database files by path' },
  {
    target: '_dbm',
    category: 'filesystem',
    reason: 'C ndbm binding: opens or creates database files',
  },
  {
    target: '_gdbm',
    category: 'filesystem',
    reason: 'C gdbm binding: opens or creates database files',
  },
  {
    target: 'shelve',
    category: 'deserializer',
    reason: 'opens database files whose values are pickles (shelve.Unpickler is pickle.Unpickler)',
  },
  {
    target: 'sqlite3',
    category: 'filesystem',
    reason:
      'connect() creates database files anywhere; enable_load_extension/load_extension load native code',
  },
  { target: '_sqlite3', category: 'filesystem', reason: 'C module behind sqlite3' },
  {
    target: 'zipfile',
    category: 'filesystem',
    reason: 'reads, writes and extracts archives by path',
  },
  {
    target: 'tarfile',
    category: 'filesystem',
    reason: 'extracts archives, with link and path tricks writing outside the target directory',
  },
  {
    target: 'zipapp',
    category: 'filesystem',
    reason: 'writes executable zip applications with a shebang line',
  },
  {
    target: 'uu',
    category: 'filesystem',
    reason:
      'decode() writes a file whose name and mode come from the encoded data (removed in 3.13)',
  },
  {
    target: 'binhex',
    category: 'filesystem',
    reason: 'hexbin() writes a file named inside the encoded data (removed in 3.11)',
  },
  {
    target: 'mailbox',
    category: 'filesystem',
    reason:
      'Maildir/MH/mbox constructors create directories and files at a caller-chosen path; SETITEM on them writes message files',
  },
  {
    target: 'pathlib.Path.open',
    category: 'filesystem',
    reason: 'opens, creates or truncates the file at a path object',
  },
  { target: 'pathlib.Path.read_text', category: 'filesystem', reason: 'reads any file' },
  { target: 'pathlib.Path.read_bytes', category: 'filesystem', reason: 'reads any file' },
  { target: 'pathlib.Path.write_text', category: 'filesystem', reason: 'writes any file' },
  { target: 'pathlib.Path.write_bytes', category: 'filesystem', reason: 'writes any file' },
  { target: 'pathlib.Path.touch', category: 'filesystem', reason: 'creates files' },
  { target: 'pathlib.Path.unlink', category: 'filesystem', reason: 'deletes files' },
  { target: 'pathlib.Path.rmdir', category: 'filesystem', reason: 'deletes directories' },
  { target: 'pathlib.Path.rename', category: 'filesystem', reason: 'moves files over other files' },
  {
    target: 'pathlib.Path.replace',
    category: 'filesystem',
    reason: 'moves files over other files',
  },
  { target: 'pathlib.Path.symlink_to', category: 'filesystem', reason: 'creates symbolic links' },
  { target: 'pathlib.Path.hardlink_to', category: 'filesystem', reason: 'creates hard links' },
  {
    target: 'pathlib.Path.chmod',
    category: 'filesystem',
    reason: 'changes file permissions, e.g. makes a dropped file executable',
  },
  {
    target: 'pathlib.PosixPath.open',
    category: 'filesystem',
    reason: 'opens, creates or truncates the file at a path object',
  },
  { target: 'pathlib.PosixPath.read_text', category: 'filesystem', reason: 'reads any file' },
  { target: 'pathlib.PosixPath.read_bytes', category: 'filesystem', reason: 'reads any file' },
  { target: 'pathlib.PosixPath.write_text', category: 'filesystem', reason: 'writes any file' },
  { target: 'pathlib.PosixPath.write_bytes', category: 'filesystem', reason: 'writes any file' },
  { target: 'pathlib.PosixPath.touch', category: 'filesystem', reason: 'creates files' },
  { target: 'pathlib.PosixPath.unlink', category: 'filesystem', reason: 'deletes files' },
  { target: 'pathlib.PosixPath.rmdir', category: 'filesystem', reason: 'deletes directories' },
  {
    target: 'pathlib.PosixPath.rename',
    category: 'filesystem',
    reason: 'moves files over other files',
  },
  {
    target: 'pathlib.PosixPath.replace',
    category: 'filesystem',
    reason: 'moves files over other files',
  },
  {
    target: 'pathlib.PosixPath.symlink_to',
    category: 'filesystem',
    reason: 'creates symbolic links',
  },
  { target: 'pathlib.PosixPath.hardlink_to', category: 'filesystem', reason: 'creates hard links' },
  { target: 'pathlib.PosixPath.chmod', category: 'filesystem', reason: 'changes file permissions' },
  {
    target: 'pathlib.WindowsPath.open',
    category: 'filesystem',
    reason: 'opens, creates or truncates the file at a path object',
  },
  { target: 'pathlib.WindowsPath.read_text', category: 'filesystem', reason: 'reads any file' },
  { target: 'pathlib.WindowsPath.read_bytes', category: 'filesystem', reason: 'reads any file' },
  { target: 'pathlib.WindowsPath.write_text', category: 'filesystem', reason: 'writes any file' },
  { target: 'pathlib.WindowsPath.write_bytes', category: 'filesystem', reason: 'writes any file' },
  { target: 'pathlib.WindowsPath.touch', category: 'filesystem', reason: 'creates files' },
  { target: 'pathlib.WindowsPath.unlink', category: 'filesystem', reason: 'deletes files' },
  { target: 'pathlib.WindowsPath.rmdir', category: 'filesystem', reason: 'deletes directories' },
  {
    target: 'pathlib.WindowsPath.rename',
    category: 'filesystem',
    reason: 'moves files over other files',
  },
  {
    target: 'pathlib.WindowsPath.replace',
    category: 'filesystem',
    reason: 'moves files over other files',
  },
  {
    target: 'pathlib.WindowsPath.symlink_to',
    category: 'filesystem',
    reason: 'creates symbolic links',
  },
  {
    target: 'pathlib.WindowsPath.hardlink_to',
    category: 'filesystem',
    reason: 'creates hard links',
  },
  {
    target: 'pathlib.WindowsPath.chmod',
    category: 'filesystem',
    reason: 'changes file permissions',
  },

  // ---------------------------------------------------------------------------------------------
  // XML parsers that fetch URLs, read files or import modules by name
  // ---------------------------------------------------------------------------------------------
  {
    target: 'xml.sax',
    category: 'network',
    reason:
      'parse() fetches system identifiers with urlopen; make_parser imports the parser modules it is given by name',
  },
  {
    target: 'xml.dom.pulldom',
    category: 'network',
    reason: 'parse() opens files by name and resolves external entities through xml.sax',
  },
  {
    target: 'xml.dom.xmlbuilder',
    category: 'network',
    reason: 'DOMBuilder.parseURI and DOMEntityResolver fetch URLs with urlopen',
  },
  {
    target: 'xml.dom.domreg',
    category: 'import',
    reason: 'getDOMImplementation imports a module named by the caller or by PYTHON_DOM',
  },
  { target: 'xml.dom.minidom.parse', category: 'filesystem', reason: 'reads any file by path' },
  {
    target: 'xml.dom.expatbuilder.parse',
    category: 'filesystem',
    reason: 'reads any file by path',
  },
  {
    target: 'xml.etree.ElementTree.parse',
    category: 'filesystem',
    reason: 'reads any file by path',
  },
  {
    target: 'xml.etree.ElementTree.iterparse',
    category: 'filesystem',
    reason: 'reads any file by path',
  },
  {
    target: 'xml.etree.ElementTree.ElementTree.parse',
    category: 'filesystem',
    reason: 'reads any file by path into a tree',
  },
  {
    target: 'xml.etree.ElementTree.ElementTree.write',
    category: 'filesystem',
    reason: 'writes a tree to any path',
  },
  {
    target: 'xml.etree.cElementTree.parse',
    category: 'filesystem',
    reason: 'older alias of ElementTree.parse: reads any file',
  },
  {
    target: 'xml.etree.ElementInclude',
    category: 'filesystem',
    reason: 'include() resolves xi:include hrefs by reading files',
  },

  // ---------------------------------------------------------------------------------------------
  // Network clients and servers
  // ---------------------------------------------------------------------------------------------
  {
    target: 'socket',
    category: 'network',
    reason: 'opens connections and listening sockets (create_connection, create_server, fromfd)',
  },
  { target: '_socket', category: 'network', reason: 'C module behind socket' },
  {
    target: 'ssl',
    category: 'network',
    reason: 'get_server_certificate and wrapped sockets reach any host (DNS exfiltration)',
  },
  { target: '_ssl', category: 'network', reason: 'C module behind ssl' },
  {
    target: 'http',
    category: 'network',
    reason: 'http.client connections, http.server servers with CGI execution, cookiejar files',
  },
  { target: 'httplib', category: 'network', reason: 'Python 2 name of http.client' },
  {
    target: 'urllib.request',
    category: 'network',
    reason: 'urlopen/urlretrieve fetch any URL (file:// included) and write downloads to disk',
  },
  {
    target: 'urllib.robotparser',
    category: 'network',
    reason: 'RobotFileParser.read fetches a URL',
  },
  { target: 'urllib.urlopen', category: 'network', reason: 'Python 2: fetches any URL' },
  {
    target: 'urllib.urlretrieve',
    category: 'network',
    reason: 'Python 2: downloads any URL to a file',
  },
  {
    target: 'urllib.URLopener',
    category: 'network',
    reason: 'Python 2: URL opener that also runs local files',
  },
  { target: 'urllib.FancyURLopener', category: 'network', reason: 'Python 2: URL opener' },
  { target: 'urllib2', category: 'network', reason: 'Python 2 name of urllib.request' },
  { target: 'ftplib', category: 'network', reason: 'FTP client: connects, uploads, downloads' },
  { target: 'smtplib', category: 'network', reason: 'sends mail, an exfiltration channel' },
  { target: 'telnetlib', category: 'network', reason: 'Telnet client (removed in 3.13)' },
  { target: 'poplib', category: 'network', reason: 'POP3 client' },
  {
    target: 'imaplib',
    category: 'network',
    reason: 'IMAP client; IMAP4_stream runs its command argument through a shell',
  },
  { target: 'nntplib', category: 'network', reason: 'NNTP client (removed in 3.13)' },
  {
    target: 'xmlrpc',
    category: 'network',
    reason: 'XML-RPC client proxies call remote methods; servers listen and dispatch calls',
  },
  { target: 'xmlrpclib', category: 'network', reason: 'Python 2 name of xmlrpc.client' },
  { target: 'socketserver', category: 'network', reason: 'constructors bind and listen on ports' },
  { target: 'SocketServer', category: 'network', reason: 'Python 2 name of socketserver' },
  { target: 'BaseHTTPServer', category: 'network', reason: 'Python 2 HTTP server' },
  { target: 'SimpleHTTPServer', category: 'network', reason: 'Python 2 HTTP file server' },
  {
    target: 'CGIHTTPServer',
    category: 'network',
    reason: 'Python 2 HTTP server that executes CGI scripts',
  },
  {
    target: 'wsgiref.simple_server',
    category: 'network',
    reason: 'make_server binds and serves a WSGI application',
  },
  { target: 'asyncore', category: 'network', reason: 'socket dispatchers (removed in 3.12)' },
  { target: 'asynchat', category: 'network', reason: 'socket dispatchers (removed in 3.12)' },
  { target: 'smtpd', category: 'network', reason: 'SMTP server (removed in 3.12)' },
  {
    target: 'webbrowser',
    category: 'network',
    reason: 'open() launches a browser (a process) on any URL',
  },

  // ---------------------------------------------------------------------------------------------
  // Concurrency: callables run in other threads, processes or interpreters
  // ---------------------------------------------------------------------------------------------
  {
    target: 'asyncio',
    category: 'process',
    reason:
      'create_subprocess_shell/exec, unix_events._UnixSubprocessTransport, open_connection, start_server, run()',
  },
  {
    target: 'multiprocessing',
    category: 'process',
    reason:
      'Process/Pool run callables in child processes; util.spawnv_passfds runs any executable; managers and connection.Client talk over sockets and unpickle replies',
  },
  { target: '_multiprocessing', category: 'process', reason: 'C helpers behind multiprocessing' },
  {
    target: 'concurrent.futures',
    category: 'process',
    reason: 'ProcessPoolExecutor spawns processes; executors call submitted callables',
  },
  {
    target: 'concurrent.interpreters',
    category: 'code-execution',
    reason: 'Python 3.14: runs source strings in subinterpreters',
  },
  {
    target: '_interpreters',
    category: 'code-execution',
    reason: 'runs source strings in subinterpreters (3.13+)',
  },
  {
    target: '_xxsubinterpreters',
    category: 'code-execution',
    reason: 'runs source strings in subinterpreters (3.12 and older)',
  },
  { target: '_interpchannels', category: 'code-execution', reason: 'subinterpreter channels' },
  { target: '_interpqueues', category: 'code-execution', reason: 'subinterpreter queues' },
  {
    target: 'threading',
    category: 'process',
    reason:
      'Thread(target=f).start() and Timer call a stored callable; settrace/setprofile/excepthook hooks',
  },
  {
    target: '_thread',
    category: 'process',
    reason: 'start_new_thread calls a callable at once; interrupt_main',
  },
  {
    target: '_dummy_thread',
    category: 'process',
    reason: 'start_new_thread calls its function synchronously (older Pythons)',
  },
  {
    target: 'dummy_threading',
    category: 'process',
    reason: 'Thread.start calls its target synchronously (older Pythons)',
  },

  // ---------------------------------------------------------------------------------------------
  // Modules whose import alone acts, and GUI toolkits with their own interpreters
  // ---------------------------------------------------------------------------------------------
  {
    target: 'antigravity',
    category: 'side-effect-import',
    reason: 'importing it opens a web browser',
  },
  {
    target: 'this',
    category: 'side-effect-import',
    reason: 'importing it prints to stdout; only used to prove import-time side effects',
  },
  {
    target: 'tkinter',
    category: 'code-execution',
    reason:
      'Tcl interpreters: Tk().eval/tk.call run Tcl, whose exec runs processes; Tk() also exec()s ~/.<className>.py profile files',
  },
  {
    target: '_tkinter',
    category: 'code-execution',
    reason: 'C module behind tkinter: create() gives a Tcl interpreter',
  },
  { target: 'Tkinter', category: 'code-execution', reason: 'Python 2 name of tkinter' },
  {
    target: 'turtle',
    category: 'code-execution',
    reason: 'opens Tk windows and Tcl interpreters; reads turtle.cfg files',
  },

  // ---------------------------------------------------------------------------------------------
  // Deserializers (a second, unscanned load)
  // ---------------------------------------------------------------------------------------------
  {
    target: 'pickle',
    category: 'deserializer',
    reason: 'loads/load/Unpickler deserialize bytes that were never scanned',
  },
  { target: '_pickle', category: 'deserializer', reason: 'C implementation of pickle' },
  { target: 'cPickle', category: 'deserializer', reason: 'Python 2 name of pickle' },
  { target: 'pickle5', category: 'deserializer', reason: 'protocol 5 backport of pickle' },
  {
    target: 'dill',
    category: 'code-reconstruction',
    reason:
      'dill rebuilds functions, code objects, classes and modules, and its loads/load/load_session unpickle again',
  },
  {
    target: 'cloudpickle',
    category: 'code-reconstruction',
    reason:
      'cloudpickle rebuilds functions and classes from code objects and imports modules by name',
  },
  {
    target: 'jsonpickle',
    category: 'deserializer',
    reason: 'decode() imports classes named in JSON and replays py/reduce entries',
  },
  { target: 'pandas.read_pickle', category: 'deserializer', reason: 'unpickles a file or URL' },
  {
    target: 'numpy.load',
    category: 'deserializer',
    reason: 'reads .npy/.npz files from any path; allow_pickle=True unpickles object arrays',
  },
  { target: 'joblib.load', category: 'deserializer', reason: 'unpickles a file by path' },
  {
    target: 'torch.load',
    category: 'deserializer',
    reason: 'loads a checkpoint by path; weights_only=False unpickles it',
  },

  // ---------------------------------------------------------------------------------------------
  // Package installers and build tools
  // ---------------------------------------------------------------------------------------------
  {
    target: 'pip',
    category: 'installer',
    reason:
      'pip.main and pip._internal install packages, whose setup code runs; _vendor.distlib.scripts.ScriptMaker writes executables',
  },
  {
    target: 'ensurepip',
    category: 'installer',
    reason: '_run_pip/bootstrap run pip with caller-chosen arguments',
  },
  {
    target: 'venv',
    category: 'installer',
    reason: 'EnvBuilder creates environments and runs their interpreter and pip',
  },
  {
    target: 'virtualenv',
    category: 'installer',
    reason: 'creates environments and runs seeders and activators',
  },
  {
    target: 'distutils',
    category: 'installer',
    reason:
      'spawn runs commands, file_util.write_file writes files, core.run_setup executes setup scripts',
  },
  {
    target: 'setuptools',
    category: 'installer',
    reason:
      'sandbox.run_setup and build commands execute setup scripts and compilers; _distutils spawns processes',
  },
  {
    target: 'distlib',
    category: 'installer',
    reason: 'ScriptMaker writes executable launchers; util.resolve imports "module:attr"',
  },
  {
    target: 'conda',
    category: 'installer',
    reason: 'conda.cli.main installs packages and runs their link scripts',
  },

  // ---------------------------------------------------------------------------------------------
  // numpy
  // ---------------------------------------------------------------------------------------------
  {
    target: 'numpy.testing._private.utils.runstring',
    category: 'code-execution',
    reason: 'exec() of its first argument',
  },
  {
    target: 'numpy.testing._private.utils.measure',
    category: 'code-execution',
    reason: 'compiles and exec()s a source string in a loop',
  },
  {
    target: 'numpy.testing',
    category: 'code-execution',
    reason:
      'runstring/measure exec() strings, rundocs runs doctests of a file, extbuild compiles and imports C extensions',
  },
  {
    target: 'numpy._pytesttester',
    category: 'code-execution',
    reason:
      'PytestTester runs pytest with caller-chosen argv (plugins and conftest files are imported)',
  },
  {
    target: 'numpy.test',
    category: 'code-execution',
    reason: 'PytestTester instance: runs pytest with caller-chosen extra_argv',
  },
  {
    target: 'numpy.f2py',
    category: 'code-execution',
    reason:
      'crackfortran eval()s expressions (getlincoef, _eval_length, param_eval), capi_maps eval()s f2cmap files, and it compiles extensions',
  },
  {
    target: 'numpy.distutils',
    category: 'installer',
    reason: 'exec_command/CCompiler_spawn/cpuinfo run shell commands; misc_util eval()s',
  },
  {
    target: 'numpy.ctypeslib',
    category: 'native-code',
    reason: 'load_library loads a shared library from any path',
  },
  {
    target: 'numpy.core._ufunc_reconstruct',
    category: 'import',
    reason:
      'universal resolver: __import__(module) then getattr(name), so ("os", "system") returns os.system; only pre-1.20 pickles use it legitimately',
  },
  {
    target: 'numpy._core.function_base.add_newdoc',
    category: 'import',
    reason: 'imports the module named by its first argument and rewrites docstrings of C objects',
  },
  {
    target: 'numpy.core.function_base.add_newdoc',
    category: 'import',
    reason: 'imports the module named by its first argument and rewrites docstrings of C objects',
  },
  {
    target: 'numpy.lib.add_newdoc',
    category: 'import',
    reason: 're-export of add_newdoc: imports a caller-named module',
  },
  {
    target: 'numpy.add_newdoc',
    category: 'import',
    reason: 'numpy 1.x re-export of add_newdoc: imports a caller-named module',
  },
  {
    target: 'numpy.lib._utils_impl._makenamedict',
    category: 'import',
    reason: 'imports a caller-named module',
  },
  {
    target: 'numpy.lib.utils',
    category: 'import',
    reason: 'numpy 1.x: _makenamedict imports caller-named modules, source/lookfor read files',
  },
  {
    target: 'numpy.lib.npyio',
    category: 'deserializer',
    reason:
      'numpy 1.x home of load/save/loadtxt/genfromtxt/DataSource: file, URL and pickle access',
  },
  {
    target: 'numpy.lib._npyio_impl',
    category: 'deserializer',
    reason:
      'load (allow_pickle unpickles), save*, loadtxt, genfromtxt, fromregex read and write files and URLs',
  },
  {
    target: 'numpy.lib.format',
    category: 'deserializer',
    reason: 'read_array(fp, allow_pickle) unpickles object arrays; open_memmap creates files',
  },
  {
    target: 'numpy.lib._format_impl',
    category: 'deserializer',
    reason: 'numpy 2 home of read_array/open_memmap',
  },
  {
    target: 'numpy.lib._datasource',
    category: 'network',
    reason: 'DataSource downloads URLs into a cache directory and opens files',
  },
  {
    target: 'numpy.DataSource',
    category: 'network',
    reason: 'numpy 1.x re-export of DataSource: downloads URLs',
  },
  { target: 'numpy.save', category: 'filesystem', reason: 'writes an array to any path' },
  { target: 'numpy.savez', category: 'filesystem', reason: 'writes arrays to any path' },
  { target: 'numpy.savez_compressed', category: 'filesystem', reason: 'writes arrays to any path' },
  { target: 'numpy.savetxt', category: 'filesystem', reason: 'writes text to any path' },
  {
    target: 'numpy.loadtxt',
    category: 'filesystem',
    reason: 'reads any path; URLs are fetched through DataSource',
  },
  {
    target: 'numpy.genfromtxt',
    category: 'filesystem',
    reason: 'reads any file, opening URLs through DataSource',
  },
  { target: 'numpy.fromregex', category: 'filesystem', reason: 'reads any file' },
  { target: 'numpy.fromfile', category: 'filesystem', reason: 'reads any file as raw array data' },
  { target: 'numpy.recfromtxt', category: 'filesystem', reason: 'numpy 1.x: reads any file' },
  { target: 'numpy.recfromcsv', category: 'filesystem', reason: 'numpy 1.x: reads any file' },
  {
    target: 'numpy.rec.fromfile',
    category: 'filesystem',
    reason: 'reads any file as a record array',
  },
  {
    target: 'numpy.ndarray.tofile',
    category: 'filesystem',
    reason: 'writes array bytes to any path',
  },
  {
    target: 'numpy.ndarray.dump',
    category: 'filesystem',
    reason: 'pickles the array into any path',
  },

  // ---------------------------------------------------------------------------------------------
  // scipy
  // ---------------------------------------------------------------------------------------------
  {
    target: 'scipy.optimize._nonlin._nonlin_wrapper',
    category: 'code-execution',
    reason:
      'interpolates its name argument into "def name(...)" source and exec()s it; default values injected there run at once',
  },
  {
    target: 'scipy._lib._uarray._backend.unpickle_function',
    category: 'import',
    reason:
      'universal resolver: import_module(mod) then getattr along a dotted qualname; scipy.fft multimethods pickle through it',
  },
  {
    target: 'scipy._lib.array_api_compat._internal.clone_module',
    category: 'import',
    reason: 'imports a caller-named module and copies its public names into a caller-supplied dict',
  },
  {
    target: 'scipy._lib.deprecation.import_module',
    category: 'import',
    reason: 're-export of importlib.import_module',
  },
  {
    target: 'scipy._lib._array_api_docs_tables.import_module',
    category: 'import',
    reason: 're-export of importlib.import_module',
  },
  {
    target: 'scipy._lib._testutils',
    category: 'code-execution',
    reason:
      'PytestTester runs pytest with caller-chosen arguments; helpers build and import Cython extensions',
  },
  {
    target: 'scipy.test',
    category: 'code-execution',
    reason: 'PytestTester instance: runs pytest with caller-chosen arguments',
  },
  {
    target: 'scipy._lib._tmpdirs',
    category: 'filesystem',
    reason: 'creates, enters (chdir) and rmtree()s directories',
  },
  {
    target: 'scipy.io',
    category: 'filesystem',
    reason:
      'loadmat/savemat, wavfile, mmread/mmwrite, netcdf, FortranFile, arff read and write files by path',
  },
  {
    target: 'scipy.datasets',
    category: 'network',
    reason: 'downloads dataset files through pooch',
  },
  { target: 'scipy.sparse.load_npz', category: 'filesystem', reason: 'reads any .npz path' },
  { target: 'scipy.sparse.save_npz', category: 'filesystem', reason: 'writes any path' },
  {
    target: 'scipy.weave',
    category: 'native-code',
    reason: 'legacy inline/blitz compile C++ source and load it',
  },

  // ---------------------------------------------------------------------------------------------
  // pandas
  // ---------------------------------------------------------------------------------------------
  {
    target: 'pandas.io',
    category: 'network',
    reason:
      'every reader and writer (read_csv/read_pickle/read_html…) opens paths and URLs; clipboard runs xclip/pbcopy',
  },
  {
    target: 'pandas.eval',
    category: 'code-execution',
    reason:
      'evaluates an expression string; the python engine and attribute chains have led to code execution',
  },
  {
    target: 'pandas.core.computation',
    category: 'code-execution',
    reason: 'expression parser and evaluator behind pandas.eval and DataFrame.query',
  },
  {
    target: 'pandas.DataFrame.eval',
    category: 'code-execution',
    reason: 'evaluates an expression string against the frame',
  },
  {
    target: 'pandas.DataFrame.query',
    category: 'code-execution',
    reason: 'evaluates a query string (pandas.eval)',
  },
  {
    target: 'pandas.core.frame.DataFrame.eval',
    category: 'code-execution',
    reason: 'evaluates an expression string against the frame',
  },
  {
    target: 'pandas.core.frame.DataFrame.query',
    category: 'code-execution',
    reason: 'evaluates a query string (pandas.eval)',
  },
  {
    target: 'pandas._version',
    category: 'process',
    reason: 'versioneer: run_command(commands, args) runs any executable',
  },
  {
    target: 'pandas.test',
    category: 'code-execution',
    reason: 'runs pytest with caller-chosen extra_args',
  },
  {
    target: 'pandas.util._tester',
    category: 'code-execution',
    reason: 'runs pytest with caller-chosen extra_args',
  },
  {
    target: 'pandas.plotting._core._load_backend',
    category: 'import',
    reason: 'imports the module named as a plotting backend',
  },
  {
    target: 'pandas.compat._optional.import_optional_dependency',
    category: 'import',
    reason: 'imports a caller-named module',
  },
  {
    target: 'pandas.set_option',
    category: 'environment',
    reason: 'changes global options, e.g. the plotting backend module that is imported later',
  },
  {
    target: 'pandas.read_clipboard',
    category: 'process',
    reason: 'runs clipboard programs (xclip, xsel, pbpaste, wl-paste)',
  },
  {
    target: 'pandas.read_csv',
    category: 'network',
    reason: 'reads any path or URL (exfiltration via query strings)',
  },
  { target: 'pandas.read_excel', category: 'network', reason: 'reads any path or URL' },
  { target: 'pandas.read_feather', category: 'network', reason: 'reads any path or URL' },
  { target: 'pandas.read_fwf', category: 'network', reason: 'reads any path or URL' },
  {
    target: 'pandas.read_hdf',
    category: 'filesystem',
    reason: 'reads any HDF5 file (object columns are pickled)',
  },
  { target: 'pandas.read_html', category: 'network', reason: 'reads any path or URL' },
  { target: 'pandas.read_json', category: 'network', reason: 'reads any path or URL' },
  { target: 'pandas.read_orc', category: 'network', reason: 'reads any path or URL' },
  { target: 'pandas.read_parquet', category: 'network', reason: 'reads any path or URL' },
  { target: 'pandas.read_sas', category: 'network', reason: 'reads any path or URL' },
  { target: 'pandas.read_spss', category: 'filesystem', reason: 'reads any path' },
  {
    target: 'pandas.read_sql',
    category: 'network',
    reason: 'runs SQL on a caller-supplied connection string',
  },
  {
    target: 'pandas.read_sql_query',
    category: 'network',
    reason: 'runs SQL on a caller-supplied connection string',
  },
  {
    target: 'pandas.read_sql_table',
    category: 'network',
    reason: 'reads a table through a caller-supplied connection string',
  },
  { target: 'pandas.read_stata', category: 'network', reason: 'reads any path or URL' },
  { target: 'pandas.read_table', category: 'network', reason: 'reads any path or URL' },
  {
    target: 'pandas.read_xml',
    category: 'network',
    reason: 'reads any path or URL; lxml parser with XSLT',
  },
  {
    target: 'pandas.read_gbq',
    category: 'network',
    reason: 'queries Google BigQuery (older pandas)',
  },
  { target: 'pandas.read_iceberg', category: 'network', reason: 'reads an Iceberg catalog' },

  // ---------------------------------------------------------------------------------------------
  // scikit-learn and joblib
  // ---------------------------------------------------------------------------------------------
  {
    target: 'sklearn.datasets',
    category: 'network',
    reason:
      'fetch_* and fetch_file download URLs and unpickle caches; load_svmlight_file(s)/load_files read paths; clear_data_home deletes a tree',
  },
  {
    target: 'sklearn.utils._testing',
    category: 'code-execution',
    reason:
      'assert_run_python_script_without_output runs Python source in a subprocess; check_output re-export',
  },
  {
    target: 'sklearn.utils.estimator_checks',
    category: 'code-execution',
    reason: 'runs estimator checks that fit, pickle and unpickle objects',
  },
  {
    target: 'sklearn.utils.discovery',
    category: 'import',
    reason: 'walks and imports every sklearn module; import_module re-export',
  },
  {
    target: 'sklearn.utils._set_output.check_library_installed',
    category: 'import',
    reason: 'imports a caller-named module',
  },
  {
    target: 'sklearn.feature_selection._base._get_feature_importances',
    category: 'attribute-access',
    reason:
      'a string getter becomes attrgetter(getter)(estimator): any attribute chain of any object',
  },
  {
    target: 'sklearn.feature_selection._base.attrgetter',
    category: 'attribute-access',
    reason: 're-export of operator.attrgetter',
  },
  {
    target: 'sklearn.externals.array_api_compat._internal.clone_module',
    category: 'import',
    reason: 'imports a caller-named module and copies its names into a caller-supplied dict',
  },
  {
    target: 'array_api_compat._internal.clone_module',
    category: 'import',
    reason: 'imports a caller-named module and copies its names into a caller-supplied dict',
  },
  {
    target: 'joblib.numpy_pickle.load',
    category: 'deserializer',
    reason: 'unpickles a file by path',
  },
  {
    target: 'joblib.numpy_pickle_compat.load_compatibility',
    category: 'deserializer',
    reason: 'unpickles an old-format joblib file by path',
  },
  { target: 'joblib.dump', category: 'filesystem', reason: 'pickles an object into any path' },
  {
    target: 'joblib.numpy_pickle.dump',
    category: 'filesystem',
    reason: 'pickles an object into any path',
  },
  {
    target: 'joblib._memmapping_reducer.loads',
    category: 'deserializer',
    reason: 're-export of pickle.loads',
  },
  {
    target: 'joblib.externals.loky',
    category: 'process',
    reason:
      'spawns worker processes (fork_exec, popen_loky_posix), runs scripts with runpy (spawn._fixup_main_from_path), kills process trees',
  },
  {
    target: 'joblib.externals.cloudpickle',
    category: 'code-reconstruction',
    reason:
      'vendored cloudpickle of older joblib releases: rebuilds functions and classes from code objects',
  },
  {
    target: 'joblib.testing',
    category: 'process',
    reason: 'check_subprocess_call runs any command',
  },

  // ---------------------------------------------------------------------------------------------
  // torch: loaders, hubs, compilers, code generators, launchers and resolvers
  // ---------------------------------------------------------------------------------------------
  {
    target: 'torch.serialization.load',
    category: 'deserializer',
    reason: 'torch.load: reads a checkpoint by path; weights_only=False unpickles it',
  },
  {
    target: 'torch.serialization._load',
    category: 'deserializer',
    reason: 'internal loader of zip checkpoints (unpickles)',
  },
  {
    target: 'torch.serialization._legacy_load',
    category: 'deserializer',
    reason: 'internal loader of legacy and tar checkpoints (unpickles)',
  },
  {
    target: 'torch.nn.modules.module._global_forward_hooks',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module._global_forward_pre_hooks',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module._global_forward_hooks_with_kwargs',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module._global_forward_hooks_always_called',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module._global_backward_hooks',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module._global_backward_pre_hooks',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module._global_module_registration_hooks',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module._global_parameter_registration_hooks',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module._global_buffer_registration_hooks',
    category: 'environment',
    reason:
      'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
  },
  {
    target: 'torch.nn.modules.module.register_module_forward_hook',
    category: 'environment',
    reason: 'installs a process-wide hook that every nn.Module of the application calls',
  },
  {
    target: 'torch.nn.modules.module.register_module_forward_pre_hook',
    category: 'environment',
    reason: 'installs a process-wide hook that every nn.Module of the application calls',
  },
  {
    target: 'torch.nn.modules.module.register_module_full_backward_hook',
    category: 'environment',
    reason: 'installs a process-wide hook that every nn.Module of the application calls',
  },
  {
    target: 'torch.nn.modules.module.register_module_full_backward_pre_hook',
    category: 'environment',
    reason: 'installs a process-wide hook that every nn.Module of the application calls',
  },
  {
    target: 'torch.nn.modules.module.register_module_backward_hook',
    category: 'environment',
    reason: 'installs a process-wide hook that every nn.Module of the application calls',
  },
  {
    target: 'torch.nn.modules.module.register_module_module_registration_hook',
    category: 'environment',
    reason: 'installs a process-wide hook that every nn.Module of the application calls',
  },
  {
    target: 'torch.nn.modules.module.register_module_parameter_registration_hook',
    category: 'environment',
    reason: 'installs a process-wide hook that every nn.Module of the application calls',
  },
  {
    target: 'torch.nn.modules.module.register_module_buffer_registration_hook',
    category: 'environment',
    reason: 'installs a process-wide hook that every nn.Module of the application calls',
  },
  {
    target: 'torch.library',
    category: 'environment',
    reason:
      'impl/Library/register_kernel replace the implementation of any operator (aten::add included) with a Python callable for the whole process',
  },
  {
    target: 'torch._weights_only_unpickler._add_safe_globals',
    category: 'environment',
    reason: 'widens the weights_only allowlist',
  },
  {
    target: 'torch._weights_only_unpickler._marked_safe_globals_set',
    category: 'environment',
    reason: 'mutable allowlist of the weights_only unpickler',
  },
  {
    target: 'torch.serialization.save',
    category: 'filesystem',
    reason: 'torch.save: writes a checkpoint to any path',
  },
  { target: 'torch.save', category: 'filesystem', reason: 'writes a checkpoint to any path' },
  {
    target: 'torch.hub',
    category: 'network',
    reason:
      'load/load_state_dict_from_url/download_url_to_file download code and weights; hub.load imports hubconf.py from any GitHub repo',
  },
  {
    target: 'torch.jit.load',
    category: 'deserializer',
    reason: 'loads a TorchScript archive from any path',
  },
  {
    target: 'torch.jit._serialization',
    category: 'deserializer',
    reason: 'TorchScript archive loading and saving',
  },
  {
    target: 'torch.jit.annotations',
    category: 'code-execution',
    reason: 'evaluates type-comment strings (parse_type_line, CVE-2022-45907)',
  },
  {
    target: 'torch.jit.unsupported_tensor_ops.execWrapper',
    category: 'code-execution',
    reason: 'exec() wrapper',
  },
  {
    target: 'torch.package',
    category: 'code-execution',
    reason:
      'PackageImporter executes Python source stored in a package archive and imports modules by name',
  },
  {
    target: 'torch.utils.cpp_extension',
    category: 'native-code',
    reason:
      'load/load_inline compile C++/CUDA source with the system compiler and import the result',
  },
  {
    target: 'torch._inductor',
    category: 'code-execution',
    reason:
      'codecache.compile_file runs compilers on caller-chosen command lines, PyCodeCache loads generated source, compile workers spawn processes',
  },
  {
    target: 'torch._dynamo',
    category: 'code-execution',
    reason:
      'bytecode rewriting and guard evaluation (guards.GuardBuilder.get eval()s source strings), repro scripts, config load_config unpickles',
  },
  {
    target: 'torch.compile',
    category: 'code-execution',
    reason: 'compiles functions through Dynamo and Inductor, generating and running code',
  },
  {
    target: 'torch.compiler',
    category: 'code-execution',
    reason: 'compile, load_cache_artifacts (unpickles caches) and config',
  },
  {
    target: 'torch._functorch.compilers',
    category: 'deserializer',
    reason: 'get_inputs unpickles a caller-named file; debug compilers write and run repro scripts',
  },
  {
    target: 'torch._functorch._aot_autograd',
    category: 'code-execution',
    reason: 'subclass_codegen exec()s generated source; AOTAutogradCache unpickles cache entries',
  },
  {
    target: 'torch._functorch.config',
    category: 'environment',
    reason: 'config module; load_config unpickles its argument',
  },
  {
    target: 'torch._export.config',
    category: 'environment',
    reason: 'config module; load_config unpickles its argument',
  },
  {
    target: 'torch.fx.experimental._config',
    category: 'environment',
    reason: 'config module; load_config unpickles its argument',
  },
  {
    target: 'torch.distributed.config',
    category: 'environment',
    reason: 'config module; load_config unpickles its argument',
  },
  {
    target: 'torch.utils.serialization.config',
    category: 'environment',
    reason: 'config module steering torch.save/torch.load; load_config unpickles its argument',
  },
  {
    target: 'torch.utils._config_module',
    category: 'deserializer',
    reason: 'ConfigModule.load_config unpickles its argument (a pickle inside the pickle)',
  },
  {
    target: 'torch.fx.graph_module._forward_from_src',
    category: 'code-execution',
    reason: 'exec()s forward() source text',
  },
  {
    target: 'torch.fx.graph_module._method_from_src',
    category: 'code-execution',
    reason: 'exec()s method source text',
  },
  {
    target: 'torch.fx.graph_module._exec_with_source',
    category: 'code-execution',
    reason: 'exec()s source text',
  },
  {
    target: 'torch.fx.graph_module.reduce_graph_module',
    category: 'code-execution',
    reason:
      'rebuilds a pickled GraphModule by exec()ing the forward source stored in the pickle (legitimate FX pickles use it too)',
  },
  {
    target: 'torch.fx.graph_module.reduce_package_graph_module',
    category: 'code-execution',
    reason: 'rebuilds a GraphModule from torch.package source with exec()',
  },
  {
    target: 'torch.fx.graph_module.reduce_deploy_graph_module',
    category: 'code-execution',
    reason: 'rebuilds a GraphModule with exec() (older torch)',
  },
  {
    target: 'torch.fx.graph_module._deserialize_graph_module',
    category: 'code-execution',
    reason: 'rebuilds a GraphModule by exec()ing stored source',
  },
  {
    target: 'torch.fx._graph_pickler',
    category: 'import',
    reason:
      'GraphPickler helpers import modules and resolve attributes by name (_TorchNumpyPickleData.unpickle)',
  },
  {
    target: 'torch.fx.experimental.symbolic_shapes.ShapeEnv',
    category: 'code-execution',
    reason:
      'evaluate_guards_expression/evaluate_symexpr/deserialize_symexpr eval() expression strings',
  },
  {
    target: 'torch.fx.experimental.proxy_tensor.fake_signature',
    category: 'code-execution',
    reason: 'builds a function with eval()',
  },
  {
    target: 'torch.export._unlift._convert_guards_code_to_fn',
    category: 'code-execution',
    reason: 'exec()s guard source code',
  },
  {
    target: 'torch.export.pt2_archive',
    category: 'deserializer',
    reason: 'load_pt2 and _load_constants unpickle archive members',
  },
  {
    target: 'torch.export.load',
    category: 'deserializer',
    reason: 'loads an exported program archive by path (constants are unpickled)',
  },
  {
    target: 'torch._export.serde.serialize.deserialize_torch_artifact',
    category: 'deserializer',
    reason: 'torch.load of embedded bytes',
  },
  {
    target: 'torch._guards.Source.get_value',
    category: 'code-execution',
    reason: 'eval()s the source name',
  },
  {
    target: 'torch._guards.ChainedSource.get_value',
    category: 'code-execution',
    reason: 'eval()s the source name',
  },
  {
    target: 'torch._utils._import_dotted_name',
    category: 'import',
    reason:
      'universal resolver: __import__ of the first component, then getattr for each further one ("os.system")',
  },
  {
    target: 'torch._import_dotted_name',
    category: 'import',
    reason: 'torch re-exports torch._utils._import_dotted_name: "os.system" becomes os.system',
  },
  {
    target: 'torch.serialization._import_dotted_name',
    category: 'import',
    reason:
      'torch.serialization re-exports the universal resolver torch._utils._import_dotted_name, inside a module that checkpoints legitimately reference',
  },
  {
    target: 'torch._utils._augment_memory_snapshot_stack_traces',
    category: 'deserializer',
    reason: 'unpickles a memory snapshot read from a caller-named path',
  },
  {
    target: 'torch.utils._pytree._defaultdict_deserialize',
    category: 'import',
    reason:
      'imports a module and reads an attribute named in its context dict, then installs it as a defaultdict factory',
  },
  {
    target: 'torch.utils._pytree.enum_object_hook',
    category: 'import',
    reason: 'imports "module:qualname" from a dict, walks attributes and indexes the result',
  },
  {
    target: 'torch.nn.utils._deprecation_utils.lazy_deprecated_import',
    category: 'import',
    reason: 'builds a module __getattr__ that imports caller-named modules',
  },
  {
    target: 'torch._ops._Ops.load_library',
    category: 'native-code',
    reason: 'torch.ops.load_library: dlopen of any path',
  },
  {
    target: 'torch._ops._Ops.import_module',
    category: 'import',
    reason: 'torch.ops.import_module: importlib.import_module of any name',
  },
  { target: 'torch.ops.load_library', category: 'native-code', reason: 'dlopen of any path' },
  {
    target: 'torch.ops.import_module',
    category: 'import',
    reason: 'importlib.import_module of any name',
  },
  {
    target: 'torch._classes._Classes.load_library',
    category: 'native-code',
    reason: 'torch.classes.load_library: dlopen of any path',
  },
  { target: 'torch.classes.load_library', category: 'native-code', reason: 'dlopen of any path' },
  {
    target: 'torch.cuda.memory.CUDAPluggableAllocator',
    category: 'native-code',
    reason: 'loads a shared library from any path to use as allocator',
  },
  {
    target: 'torch.cuda.CUDAPluggableAllocator',
    category: 'native-code',
    reason: 'loads a shared library from any path to use as allocator',
  },
  {
    target: 'torch.xpu.memory.XPUPluggableAllocator',
    category: 'native-code',
    reason: 'loads a shared library from any path to use as allocator',
  },
  {
    target: 'torch.xpu.XPUPluggableAllocator',
    category: 'native-code',
    reason: 'loads a shared library from any path to use as allocator',
  },
  {
    target: 'torch.cuda._memory_viz',
    category: 'process',
    reason: 'format_flamegraph downloads flamegraph.pl and runs it',
  },
  {
    target: 'torch.from_file',
    category: 'filesystem',
    reason: 'maps any file; shared=True creates or writes it',
  },
  {
    target: 'torch.UntypedStorage.from_file',
    category: 'filesystem',
    reason: 'maps any file; shared=True creates or writes it',
  },
  {
    target: 'torch.storage.UntypedStorage.from_file',
    category: 'filesystem',
    reason: 'maps any file; shared=True creates or writes it',
  },
  {
    target: 'torch.TypedStorage.from_file',
    category: 'filesystem',
    reason: 'maps any file; shared=True creates or writes it',
  },
  {
    target: 'torch.storage.TypedStorage.from_file',
    category: 'filesystem',
    reason: 'maps any file; shared=True creates or writes it',
  },
  {
    target: 'torch.multiprocessing',
    category: 'process',
    reason:
      'spawn/start_processes run callables in new processes; reductions reopen shared memory by file name or descriptor',
  },
  {
    target: 'torch.backends.xeon.run_cpu',
    category: 'process',
    reason: 'launcher that runs caller-chosen programs through subprocess',
  },
  {
    target: 'torch.utils.collect_env',
    category: 'process',
    reason: 'run(command) executes a shell command and returns its output',
  },
  {
    target: 'torch.utils.bottleneck',
    category: 'code-execution',
    reason:
      'run_cprofile/run_autograd_prof execute a script source (module removed in recent torch)',
  },
  {
    target: 'torch.utils.benchmark',
    category: 'code-execution',
    reason: 'Timer compiles and executes stmt/setup strings; valgrind wrapper runs processes',
  },
  {
    target: 'torch.utils.model_dump',
    category: 'deserializer',
    reason: 'get_model_info unpickles archive members',
  },
  {
    target: 'torch.utils._content_store',
    category: 'deserializer',
    reason: 'ContentStoreReader torch.loads storages and metadata from a caller-named directory',
  },
  {
    target: 'torch.utils.data.datapipes.utils.decoder',
    category: 'deserializer',
    reason: 'basichandlers unpickles ".pkl" entries and torch.loads ".pt" entries',
  },
  {
    target: 'torch.utils.data.datapipes.iter.routeddecoder',
    category: 'deserializer',
    reason: 'RoutedDecoder applies the decoder handlers (pickle, torch.load)',
  },
  {
    target: 'torch.utils.data.datapipes.iter.RoutedDecoder',
    category: 'deserializer',
    reason: 're-export of RoutedDecoder',
  },
  {
    target: 'torch.utils.data.datapipes.iter.fileopener',
    category: 'filesystem',
    reason: 'FileOpener opens any path',
  },
  {
    target: 'torch.utils.data.datapipes.iter.filelister',
    category: 'filesystem',
    reason: 'FileLister lists any directory',
  },
  {
    target: 'torch.utils.data.datapipes.iter.FileOpener',
    category: 'filesystem',
    reason: 're-export of FileOpener: opens any path',
  },
  {
    target: 'torch.utils.data.datapipes.iter.FileLister',
    category: 'filesystem',
    reason: 're-export of FileLister: lists any directory',
  },
  {
    target: 'torch.utils.data.datapipes.utils.common',
    category: 'filesystem',
    reason: 'get_file_pathnames_from_root/get_file_binaries_from_pathnames list and open paths',
  },
  {
    target: 'torch.utils.data.datapipes.datapipe._DataPipeSerializationWrapper',
    category: 'deserializer',
    reason:
      '__setstate__ runs dill.loads or pickle.loads on its state (a pickle inside the pickle, triggered by BUILD)',
  },
  {
    target: 'torch.utils.data.datapipes.datapipe._IterDataPipeSerializationWrapper',
    category: 'deserializer',
    reason: '__setstate__ runs dill.loads or pickle.loads on its state',
  },
  {
    target: 'torch.utils.data.datapipes.datapipe._MapDataPipeSerializationWrapper',
    category: 'deserializer',
    reason: '__setstate__ runs dill.loads or pickle.loads on its state',
  },
  {
    target: 'torch.utils.tensorboard',
    category: 'filesystem',
    reason: 'SummaryWriter creates directories and event files at any path',
  },
  {
    target: 'torch.testing._internal',
    category: 'code-execution',
    reason:
      'test harness: runs subprocesses, builds extensions, fake config modules with load_config',
  },
  {
    target: 'torch.distributed.rpc',
    category: 'network',
    reason:
      'RPC runs functions on remote workers and unpickles their replies (CVE-2024-5480, CVE-2024-48063)',
  },
  {
    target: 'torch.distributed.run',
    category: 'process',
    reason: 'torchrun: launches processes and runs scripts (run_script_path uses runpy)',
  },
  { target: 'torch.distributed.launch', category: 'process', reason: 'launches worker processes' },
  {
    target: 'torch.distributed.launcher',
    category: 'process',
    reason: 'elastic_launch starts agents and worker processes',
  },
  {
    target: 'torch.distributed.elastic',
    category: 'process',
    reason:
      'agents and subprocess handlers start processes; rendezvous unpickles peer state; etcd server launcher',
  },
  {
    target: 'torch.distributed.nn.jit',
    category: 'code-execution',
    reason: 'instantiator generates module source from templates and exec()s it',
  },
  {
    target: 'torch.distributed.flight_recorder',
    category: 'deserializer',
    reason: 'analysis tools unpickle dump files and eval() fields',
  },
  {
    target: 'torch.distributed.rendezvous',
    category: 'network',
    reason: 'rendezvous handlers connect to or host TCP stores named in a URL',
  },
  {
    target: 'torch.distributed.init_process_group',
    category: 'network',
    reason: 'connects to or hosts a rendezvous at a caller-chosen address',
  },
  {
    target: 'torch.distributed.distributed_c10d.init_process_group',
    category: 'network',
    reason: 'connects to or hosts a rendezvous at a caller-chosen address',
  },
  {
    target: 'torch.distributed.TCPStore',
    category: 'network',
    reason: 'connects to or listens on a caller-chosen host and port',
  },
  {
    target: 'torch.distributed.distributed_c10d._tensor_to_object',
    category: 'deserializer',
    reason: 'unpickles the bytes of a tensor',
  },
  {
    target: 'torch.distributed.distributed_c10d._unpickler',
    category: 'deserializer',
    reason: 're-export of pickle.Unpickler',
  },
  {
    target: 'torch.distributed._tensor.import_module',
    category: 'import',
    reason: 're-export of importlib.import_module',
  },
  {
    target: 'torch.distributed.optim.zero_redundancy_optimizer._broadcast_object',
    category: 'deserializer',
    reason: 'torch.load of bytes received from another rank',
  },
  {
    target: 'torch.autograd.profiler_util.attrgetter',
    category: 'attribute-access',
    reason: 're-export of operator.attrgetter',
  },
  {
    target: 'torch.fx._symbolic_trace.CodeType',
    category: 'code-reconstruction',
    reason: 're-export of types.CodeType',
  },
  {
    target: 'torch.fx._symbolic_trace.FunctionType',
    category: 'code-reconstruction',
    reason: 're-export of types.FunctionType',
  },
  {
    target: 'torch.fx.experimental.rewriter.FunctionType',
    category: 'code-reconstruction',
    reason: 're-export of types.FunctionType',
  },
  {
    target: 'torch.jit._monkeytype_config.CodeType',
    category: 'code-reconstruction',
    reason: 're-export of types.CodeType',
  },

  // ---------------------------------------------------------------------------------------------
  // Hugging Face: remote code, downloads and uploads
  // ---------------------------------------------------------------------------------------------
  {
    target: 'transformers.dynamic_module_utils',
    category: 'code-execution',
    reason:
      'get_class_from_dynamic_module downloads Python files from a repo and imports them (trust_remote_code)',
  },
  {
    target: 'transformers.pipeline',
    category: 'network',
    reason: 'downloads a model (and with trust_remote_code its code) and builds a pipeline',
  },
  {
    target: 'transformers.pipelines',
    category: 'network',
    reason: 'pipeline()/load_model download models and code; audio helpers run ffmpeg',
  },
  {
    target: 'transformers.testing_utils',
    category: 'process',
    reason: 'run_command and friends run subprocesses',
  },
  {
    target: 'transformers.integrations.hub_kernels',
    category: 'native-code',
    reason: 'downloads compiled kernels from the Hub and loads them',
  },
  {
    target: 'transformers.utils.hub',
    category: 'network',
    reason: 'cached_file and friends download files from the Hub or any endpoint',
  },
  {
    target: 'transformers.utils.import_utils._LazyModule',
    category: 'import',
    reason: 'a lazy module built with a caller-chosen name imports "<name>.<attribute>" on access',
  },
  {
    target: 'transformers.models.auto.auto_factory.getattribute_from_module',
    category: 'attribute-access',
    reason: 'getattr on a module by caller-chosen name, importing transformers as a fallback',
  },
  {
    target: 'transformers.exporters',
    category: 'import',
    reason:
      'exporter helpers resolve dotted paths by import and getattr (_resolve_dotted_path, _path_to_class) and write files',
  },
  {
    target: 'transformers.models.rag.retrieval_rag.LegacyIndex',
    category: 'deserializer',
    reason: 'unpickles index and passage files from a caller-chosen path',
  },
  {
    target: 'transformers.tokenization_utils_tokenizers.copyfile',
    category: 'filesystem',
    reason: 're-export of shutil.copyfile',
  },
  {
    target: 'transformers.tokenization_utils_sentencepiece.copyfile',
    category: 'filesystem',
    reason: 're-export of shutil.copyfile',
  },
  {
    target: 'huggingface_hub',
    category: 'network',
    reason:
      'hf_hub_download/snapshot_download fetch files, HfApi.upload_file/upload_folder exfiltrate them, mixins torch.load pickles, utils._subprocess runs commands',
  },
  {
    target: 'datasets.load_dataset',
    category: 'code-execution',
    reason: 'downloads datasets; older releases run dataset loading scripts',
  },
  {
    target: 'datasets.load_dataset_builder',
    category: 'code-execution',
    reason: 'downloads and imports dataset builder scripts',
  },
  {
    target: 'datasets.load_from_disk',
    category: 'filesystem',
    reason: 'loads a dataset from any local or remote path',
  },
  {
    target: 'datasets.load_metric',
    category: 'code-execution',
    reason: 'older releases download and import metric scripts',
  },
  {
    target: 'datasets.load',
    category: 'code-execution',
    reason: 'dataset module factories download and import Python loading scripts',
  },
  {
    target: 'datasets.utils.file_utils',
    category: 'network',
    reason: 'cached_path downloads URLs and extracts archives',
  },
  {
    target: 'datasets.download',
    category: 'network',
    reason: 'DownloadManager downloads and extracts archives',
  },
  {
    target: 'evaluate.load',
    category: 'code-execution',
    reason: 'downloads and imports metric scripts',
  },
  {
    target: 'evaluate.loading',
    category: 'code-execution',
    reason: 'downloads and imports metric scripts',
  },
  {
    target: 'diffusers.utils.dynamic_modules_utils',
    category: 'code-execution',
    reason: 'downloads custom pipeline code and imports it',
  },

  // ---------------------------------------------------------------------------------------------
  // Keras, tf_keras and TensorFlow
  // ---------------------------------------------------------------------------------------------
  {
    target: 'keras.models.load_model',
    category: 'deserializer',
    reason: 'loads a .keras/.h5 model from any path; Lambda layers carry marshalled bytecode',
  },
  {
    target: 'keras.saving.load_model',
    category: 'deserializer',
    reason: 'loads a model from any path',
  },
  {
    target: 'keras.src.saving.saving_api',
    category: 'deserializer',
    reason: 'load_model/load_weights read files by path',
  },
  {
    target: 'keras.src.saving.saving_lib',
    category: 'deserializer',
    reason: 'loads .keras archives (_load_model_from_fileobj with safe_mode=False from pickles)',
  },
  {
    target: 'keras.src.saving.keras_saveable.KerasSaveable._unpickle_model',
    category: 'deserializer',
    reason:
      'how pickled Keras models load: the embedded archive is loaded with safe_mode=False, so Lambda bytecode runs',
  },
  {
    target: 'keras.src.saving.serialization_lib.deserialize_keras_object',
    category: 'import',
    reason: 'resolves "module"/"class_name" of a config to any importable callable (CVE-2025-1550)',
  },
  {
    target: 'keras.src.saving.serialization_lib._retrieve_class_or_fn',
    category: 'import',
    reason: 'imports a module named in a config and returns an attribute of it',
  },
  {
    target: 'keras.saving.deserialize_keras_object',
    category: 'import',
    reason: 'resolves module/class names from a config',
  },
  {
    target: 'keras.utils.deserialize_keras_object',
    category: 'import',
    reason: 'resolves module/class names from a config',
  },
  {
    target: 'keras.src.legacy.saving',
    category: 'deserializer',
    reason: 'legacy H5/SavedModel loading without safe_mode',
  },
  {
    target: 'keras.src.utils.python_utils.func_load',
    category: 'code-reconstruction',
    reason: 'marshal.loads + FunctionType: rebuilds a Lambda function from bytecode',
  },
  {
    target: 'keras.utils.generic_utils.func_load',
    category: 'code-reconstruction',
    reason: 'Keras 2: rebuilds a function from marshalled bytecode',
  },
  {
    target: 'keras.src.layers.core.lambda_layer.Lambda.from_config',
    category: 'code-reconstruction',
    reason: 'rebuilds the Lambda function from marshalled bytecode when safe_mode is off',
  },
  {
    target: 'keras.layers.Lambda.from_config',
    category: 'code-reconstruction',
    reason: 'rebuilds the Lambda function from marshalled bytecode when safe_mode is off',
  },
  {
    target: 'keras.src.utils.file_utils',
    category: 'network',
    reason: 'get_file downloads any URL and extracts archives to any cache dir (CVE-2025-8747)',
  },
  {
    target: 'keras.utils.get_file',
    category: 'network',
    reason: 'downloads any URL and extracts archives (CVE-2025-8747)',
  },
  {
    target: 'keras.src.utils.module_utils.LazyModule',
    category: 'import',
    reason: 'imports the module name it was built with on first use',
  },
  {
    target: 'keras.src.utils.torch_utils.TorchModuleWrapper',
    category: 'deserializer',
    reason: 'from_config torch.loads a serialized module (CVE-2025-49655)',
  },
  {
    target: 'keras.layers.TorchModuleWrapper',
    category: 'deserializer',
    reason: 'from_config torch.loads a serialized module (CVE-2025-49655)',
  },
  {
    target: 'keras.src.export.tfsm_layer.TFSMLayer',
    category: 'deserializer',
    reason: 'loads an external SavedModel from any path (CVE-2026-1462)',
  },
  {
    target: 'keras.layers.TFSMLayer',
    category: 'deserializer',
    reason: 'loads an external SavedModel from any path (CVE-2026-1462)',
  },
  { target: 'keras.datasets', category: 'network', reason: 'load_data downloads archives' },
  { target: 'keras.src.datasets', category: 'network', reason: 'load_data downloads archives' },
  {
    target: 'tf_keras.models.load_model',
    category: 'deserializer',
    reason: 'loads a Keras 2 model from any path',
  },
  { target: 'tf_keras.src.saving', category: 'deserializer', reason: 'Keras 2 loaders' },
  {
    target: 'tf_keras.utils.get_file',
    category: 'network',
    reason: 'downloads any URL and extracts archives',
  },
  {
    target: 'tf_keras.src.utils.generic_utils.func_load',
    category: 'code-reconstruction',
    reason: 'rebuilds a function from marshalled bytecode',
  },
  {
    target: 'tensorflow.io',
    category: 'filesystem',
    reason:
      'read_file/write_file/gfile/matching_files read, write and list local and remote (gs://, s3://) paths',
  },
  {
    target: 'tensorflow.compat.v1.io',
    category: 'filesystem',
    reason: 'read_file/write_file/gfile',
  },
  {
    target: 'tensorflow.compat.v2.io',
    category: 'filesystem',
    reason: 'read_file/write_file/gfile',
  },
  {
    target: 'tensorflow.compat.v1.gfile',
    category: 'filesystem',
    reason: 'file access on local and remote paths',
  },
  {
    target: 'tensorflow.python.lib.io',
    category: 'filesystem',
    reason: 'file_io: file access on local and remote paths',
  },
  {
    target: 'tensorflow.python.platform.gfile',
    category: 'filesystem',
    reason: 'file access on local and remote paths',
  },
  {
    target: 'tensorflow.python.ops.io_ops',
    category: 'filesystem',
    reason: 'ReadFile/WriteFile/MatchingFiles/Save/Restore ops',
  },
  {
    target: 'tensorflow.python.ops.gen_io_ops',
    category: 'filesystem',
    reason: 'generated ReadFile/WriteFile/MatchingFiles/Save/Restore ops',
  },
  {
    target: 'tensorflow.raw_ops',
    category: 'filesystem',
    reason: 'every TF op by name, including ReadFile, WriteFile, MatchingFiles and PyFunc',
  },
  {
    target: 'tensorflow.py_function',
    category: 'code-execution',
    reason: 'wraps a Python callable as a graph op',
  },
  {
    target: 'tensorflow.numpy_function',
    category: 'code-execution',
    reason: 'wraps a Python callable as a graph op',
  },
  {
    target: 'tensorflow.compat.v1.py_func',
    category: 'code-execution',
    reason: 'wraps a Python callable as a graph op',
  },
  {
    target: 'tensorflow.python.ops.script_ops',
    category: 'code-execution',
    reason: 'py_func/eager_py_func machinery',
  },
  {
    target: 'tensorflow.load_op_library',
    category: 'native-code',
    reason: 'loads a shared library of custom ops from any path',
  },
  {
    target: 'tensorflow.load_library',
    category: 'native-code',
    reason: 'loads a shared library from any path',
  },
  {
    target: 'tensorflow.experimental.register_filesystem_plugin',
    category: 'native-code',
    reason: 'loads a filesystem plugin shared library',
  },
  {
    target: 'tensorflow.saved_model',
    category: 'deserializer',
    reason: 'load/save SavedModels whose graphs can read and write files',
  },
  {
    target: 'tensorflow.keras.models.load_model',
    category: 'deserializer',
    reason: 'loads a Keras model from any path',
  },
  {
    target: 'tensorflow.keras.utils.get_file',
    category: 'network',
    reason: 'downloads any URL and extracts archives',
  },

  // ---------------------------------------------------------------------------------------------
  // Other ML tooling: experiment trackers, model zoos, loaders
  // ---------------------------------------------------------------------------------------------
  {
    target: 'mlflow.projects',
    category: 'process',
    reason: 'runs project entry points as shell commands (backend.local._run_entry_point)',
  },
  {
    target: 'mlflow.run',
    category: 'process',
    reason: 'runs an MLflow project (shell commands, conda/docker environments)',
  },
  { target: 'mlflow.utils.process', category: 'process', reason: '_exec_cmd runs commands' },
  {
    target: 'mlflow.pyfunc.load_model',
    category: 'deserializer',
    reason: 'loads a model directory or URI; python_model.pkl is cloudpickled',
  },
  {
    target: 'mlflow.pyfunc.load_pyfunc',
    category: 'deserializer',
    reason: 'older name of mlflow.pyfunc.load_model',
  },
  {
    target: 'mlflow.sklearn.load_model',
    category: 'deserializer',
    reason: 'unpickles a model from a URI',
  },
  {
    target: 'mlflow.pytorch.load_model',
    category: 'deserializer',
    reason: 'torch.loads a model from a URI',
  },
  {
    target: 'mlflow.tensorflow.load_model',
    category: 'deserializer',
    reason: 'loads a SavedModel from a URI',
  },
  {
    target: 'mlflow.keras.load_model',
    category: 'deserializer',
    reason: 'loads a Keras model from a URI',
  },
  {
    target: 'mlflow.transformers.load_model',
    category: 'deserializer',
    reason: 'loads a transformers model from a URI',
  },
  {
    target: 'mlflow.artifacts',
    category: 'network',
    reason: 'download_artifacts fetches any artifact URI',
  },
  { target: 'mlflow.server', category: 'network', reason: 'starts a tracking server' },
  {
    target: 'onnx.hub',
    category: 'network',
    reason: 'downloads models from a model zoo (older onnx releases; gone from 1.23)',
  },
  {
    target: 'onnx.load',
    category: 'filesystem',
    reason:
      'reads a model and its external-data files, whose paths can escape the model directory (CVE-2024-27318)',
  },
  {
    target: 'onnx.load_model',
    category: 'filesystem',
    reason: 'reads a model and its external-data files',
  },
  {
    target: 'onnx.external_data_helper',
    category: 'filesystem',
    reason: 'loads and writes external tensor files at paths taken from the model',
  },
  { target: 'onnx.save', category: 'filesystem', reason: 'writes a model to any path' },
  { target: 'onnx.save_model', category: 'filesystem', reason: 'writes a model to any path' },
  {
    target: 'onnxruntime.InferenceSession',
    category: 'deserializer',
    reason: 'loads and runs a model from any path, with its external data and custom-op libraries',
  },
  {
    target: 'onnxruntime.SessionOptions.register_custom_ops_library',
    category: 'native-code',
    reason: 'loads a shared library from any path',
  },
  {
    target: 'numba.core.serialize._numba_unpickle',
    category: 'deserializer',
    reason:
      'pickle.loads or cloudpickle.loads (by numba version) of embedded bytes; pickled numba dispatchers, e.g. in UMAP models, rebuild functions this way',
  },
  {
    target: 'numba.cloudpickle',
    category: 'code-reconstruction',
    reason: 'vendored cloudpickle: rebuilds functions and classes from code objects',
  },
  {
    target: 'jax.experimental.serialize_executable',
    category: 'deserializer',
    reason: 'deserialize_and_load unpickles a compiled executable',
  },
  {
    target: 'pytorch_lightning.utilities.cloud_io',
    category: 'deserializer',
    reason: '_load torch.loads any path or URL through fsspec',
  },
  {
    target: 'lightning.pytorch.utilities.cloud_io',
    category: 'deserializer',
    reason: '_load torch.loads any path or URL through fsspec',
  },
  {
    target: 'lightning_fabric.utilities.cloud_io',
    category: 'deserializer',
    reason: '_load torch.loads any path or URL through fsspec',
  },
  {
    target: 'fastai.learner.load_learner',
    category: 'deserializer',
    reason: 'torch.loads a pickled learner from any path',
  },
  {
    target: 'fastcore.xtras.run',
    category: 'process',
    reason: 'runs a shell command and returns its output',
  },
  { target: 'gensim.utils.unpickle', category: 'deserializer', reason: 'unpickles any path' },
  { target: 'gensim.utils.SaveLoad.load', category: 'deserializer', reason: 'unpickles any path' },
  {
    target: 'spacy.util.import_file',
    category: 'code-execution',
    reason: 'executes a Python file from any path as a module',
  },
  {
    target: 'spacy.cli',
    category: 'installer',
    reason: 'download() pip-installs model packages; other commands run scripts',
  },
  { target: 'nltk.download', category: 'network', reason: 'downloads and unzips data packages' },
  { target: 'nltk.downloader', category: 'network', reason: 'downloads and unzips data packages' },
  {
    target: 'nltk.data.load',
    category: 'deserializer',
    reason: 'loads resources by URL or path, unpickling ".pickle" ones',
  },
  {
    target: 'nltk.internals',
    category: 'process',
    reason: 'java() and find_binary run external programs with caller-chosen arguments',
  },
  {
    target: 'hydra.utils',
    category: 'import',
    reason:
      'instantiate/call import and call any "_target_"; get_method/get_class/get_object resolve any dotted name',
  },
  {
    target: 'hydra._internal.utils._locate',
    category: 'import',
    reason: 'resolves any dotted name by import and getattr',
  },
  {
    target: 'hydra._internal.instantiate',
    category: 'import',
    reason: 'instantiates any "_target_" callable',
  },
  {
    target: 'srsly.cloudpickle',
    category: 'code-reconstruction',
    reason: 'vendored cloudpickle: rebuilds functions and classes from code objects',
  },
  {
    target: 'srsly.pickle_loads',
    category: 'deserializer',
    reason: 'cloudpickle.loads of its argument',
  },
  {
    target: 'ray.cloudpickle',
    category: 'code-reconstruction',
    reason: 'vendored cloudpickle: rebuilds functions and classes from code objects',
  },
  {
    target: 'pyspark.cloudpickle',
    category: 'code-reconstruction',
    reason: 'vendored cloudpickle: rebuilds functions and classes from code objects',
  },

  // ---------------------------------------------------------------------------------------------
  // Function and class rebuilders of dill and cloudpickle (specific reasons; the namespaces above
  // already cover every other helper)
  // ---------------------------------------------------------------------------------------------
  {
    target: 'dill._dill._create_function',
    category: 'code-reconstruction',
    reason: 'FunctionType(code, globals, …): turns a code object into a function',
  },
  {
    target: 'dill._dill._create_code',
    category: 'code-reconstruction',
    reason: 'builds a code object from raw bytecode',
  },
  {
    target: 'dill._dill._load_type',
    category: 'code-reconstruction',
    reason: 'returns internal types by name (CodeType, FunctionType, CellType…)',
  },
  {
    target: 'dill._dill._create_type',
    category: 'code-reconstruction',
    reason: 'creates a class from a name, bases and a namespace of rebuilt functions',
  },
  {
    target: 'dill._dill._create_cell',
    category: 'code-reconstruction',
    reason: 'builds closure cells for rebuilt functions',
  },
  {
    target: 'dill._dill._import_module',
    category: 'import',
    reason: 'imports any module by name and returns it',
  },
  {
    target: 'dill._dill._getattr',
    category: 'code-execution',
    reason: 'eval()s text cut from its repr_str argument',
  },
  { target: 'dill._dill._eval_repr', category: 'code-execution', reason: 'eval()s its argument' },
  {
    target: 'dill._dill._get_attr',
    category: 'attribute-access',
    reason: 'getattr(obj, name) with a builtins fallback',
  },
  {
    target: 'dill._dill._getattribute',
    category: 'attribute-access',
    reason: 'walks a dotted attribute path on any object',
  },
  {
    target: 'dill._dill._create_filehandle',
    category: 'filesystem',
    reason: 'reopens a file by path and mode, creating or truncating it',
  },
  {
    target: 'dill._dill._create_capsule',
    category: 'native-code',
    reason: 'builds a PyCapsule around a raw pointer with ctypes',
  },
  {
    target: 'dill._dill._restore_modules',
    category: 'import',
    reason: 'imports modules named in a session pickle into __main__',
  },
  { target: 'dill.loads', category: 'deserializer', reason: 'unpickles with dill' },
  { target: 'dill.load', category: 'deserializer', reason: 'unpickles with dill' },
  {
    target: 'dill.load_session',
    category: 'deserializer',
    reason: 'replaces __main__ with an unpickled session',
  },
  {
    target: 'dill.load_module',
    category: 'deserializer',
    reason: 'replaces a module namespace with an unpickled one',
  },
  {
    target: 'dill.temp',
    category: 'code-execution',
    reason: 'load_source/loadIO_source exec() and eval() stored source',
  },
  {
    target: 'dill.source',
    category: 'code-execution',
    reason: '_wrap and importable helpers exec() generated source',
  },
  {
    target: 'cloudpickle.cloudpickle._make_function',
    category: 'code-reconstruction',
    reason: 'FunctionType(code, globals, …): turns a code object into a function',
  },
  {
    target: 'cloudpickle.cloudpickle._make_skeleton_class',
    category: 'code-reconstruction',
    reason: 'creates a class by calling a caller-chosen metaclass with a namespace',
  },
  {
    target: 'cloudpickle.cloudpickle._make_skeleton_enum',
    category: 'code-reconstruction',
    reason: 'creates an Enum class dynamically',
  },
  {
    target: 'cloudpickle.cloudpickle._builtin_type',
    category: 'code-reconstruction',
    reason: 'returns types such as CodeType and FunctionType by name',
  },
  {
    target: 'cloudpickle.cloudpickle._make_cell',
    category: 'code-reconstruction',
    reason: 'builds closure cells for rebuilt functions',
  },
  {
    target: 'cloudpickle.cloudpickle._function_setstate',
    category: 'code-reconstruction',
    reason: 'installs globals, defaults and closures on a rebuilt function',
  },
  {
    target: 'cloudpickle.cloudpickle._class_setstate',
    category: 'code-reconstruction',
    reason: 'installs methods on a rebuilt class',
  },
  {
    target: 'cloudpickle.cloudpickle.subimport',
    category: 'import',
    reason: 'imports any module by name and returns it',
  },
  {
    target: 'cloudpickle.cloudpickle.dynamic_subimport',
    category: 'import',
    reason: 'creates a module object with a caller-supplied namespace and real builtins',
  },
  {
    target: 'cloudpickle.cloudpickle._lookup_module_and_qualname',
    category: 'import',
    reason: 'resolves a module and qualname to an object',
  },
  {
    target: 'cloudpickle.cloudpickle_fast',
    category: 'code-reconstruction',
    reason: 'older cloudpickle module with the same rebuilders',
  },
  { target: 'cloudpickle.loads', category: 'deserializer', reason: 'unpickles again' },
  { target: 'cloudpickle.load', category: 'deserializer', reason: 'unpickles again' },

  // ---------------------------------------------------------------------------------------------
  // YAML and other object-constructing formats
  // ---------------------------------------------------------------------------------------------
  {
    target: 'yaml.load',
    category: 'deserializer',
    reason:
      'load(stream, Loader) with Loader/UnsafeLoader/FullLoader builds objects and calls python/object/apply tags',
  },
  {
    target: 'yaml.load_all',
    category: 'deserializer',
    reason: 'load_all(stream, Loader) builds Python objects',
  },
  {
    target: 'yaml.unsafe_load',
    category: 'deserializer',
    reason: 'calls any callable named by a !!python/object/apply tag',
  },
  {
    target: 'yaml.unsafe_load_all',
    category: 'deserializer',
    reason: 'calls any callable named by python/object/apply tags',
  },
  {
    target: 'yaml.full_load',
    category: 'deserializer',
    reason:
      'FullLoader: python/name and python/object tags (bypassed before PyYAML 5.4, CVE-2020-14343)',
  },
  {
    target: 'yaml.full_load_all',
    category: 'deserializer',
    reason: 'FullLoader on every document',
  },
  {
    target: 'yaml.constructor',
    category: 'deserializer',
    reason:
      'Unsafe/Full constructors import names and call them (find_python_name, make_python_instance)',
  },
  {
    target: 'yaml.Loader',
    category: 'deserializer',
    reason: 'unsafe loader class, passed to yaml.load',
  },
  {
    target: 'yaml.UnsafeLoader',
    category: 'deserializer',
    reason: 'unsafe loader class, passed to yaml.load',
  },
  {
    target: 'yaml.FullLoader',
    category: 'deserializer',
    reason: 'full loader class, passed to yaml.load',
  },
  { target: 'yaml.CLoader', category: 'deserializer', reason: 'LibYAML unsafe loader class' },
  { target: 'yaml.CUnsafeLoader', category: 'deserializer', reason: 'LibYAML unsafe loader class' },
  { target: 'yaml.CFullLoader', category: 'deserializer', reason: 'LibYAML full loader class' },
  { target: 'yaml.loader.Loader', category: 'deserializer', reason: 'unsafe loader class' },
  { target: 'yaml.loader.UnsafeLoader', category: 'deserializer', reason: 'unsafe loader class' },
  { target: 'yaml.loader.FullLoader', category: 'deserializer', reason: 'full loader class' },
  { target: 'yaml.cyaml.CLoader', category: 'deserializer', reason: 'LibYAML unsafe loader class' },
  {
    target: 'yaml.cyaml.CUnsafeLoader',
    category: 'deserializer',
    reason: 'LibYAML unsafe loader class',
  },
  {
    target: 'yaml.cyaml.CFullLoader',
    category: 'deserializer',
    reason: 'LibYAML full loader class',
  },
  {
    target: 'ruamel.yaml.load',
    category: 'deserializer',
    reason: 'older ruamel.yaml API: unsafe by default',
  },
  {
    target: 'ruamel.yaml.load_all',
    category: 'deserializer',
    reason: 'older ruamel.yaml API: unsafe by default',
  },
  {
    target: 'ruamel.yaml.main.load',
    category: 'deserializer',
    reason: 'older ruamel.yaml API: unsafe by default',
  },
  {
    target: 'ruamel.yaml.constructor.UnsafeConstructor',
    category: 'deserializer',
    reason: 'calls callables named by python/object/apply tags',
  },

  // ---------------------------------------------------------------------------------------------
  // Expression evaluators, template engines and REPLs
  // ---------------------------------------------------------------------------------------------
  {
    target: 'numexpr.evaluate',
    category: 'code-execution',
    reason:
      'compiles the expression string with eval() (CVE-2023-39631 before 2.8.5; later versions filter with a denylist)',
  },
  {
    target: 'numexpr.re_evaluate',
    category: 'code-execution',
    reason: 're-runs the last compiled expression',
  },
  {
    target: 'numexpr.NumExpr',
    category: 'code-execution',
    reason: 'compiles an expression string with eval()',
  },
  {
    target: 'numexpr.necompiler',
    category: 'code-execution',
    reason: 'stringToExpression eval()s expression strings',
  },
  {
    target: 'sympy.sympify',
    category: 'code-execution',
    reason: 'parses strings with eval() (parse_expr)',
  },
  {
    target: 'sympy.core.sympify.sympify',
    category: 'code-execution',
    reason: 'parses strings with eval() (parse_expr)',
  },
  {
    target: 'sympy.parsing',
    category: 'code-execution',
    reason: 'parse_expr and the other parsers eval() transformed source',
  },
  {
    target: 'sympy.lambdify',
    category: 'code-execution',
    reason: 'generates Python source from an expression (strings are sympified) and exec()s it',
  },
  {
    target: 'sympy.utilities.lambdify',
    category: 'code-execution',
    reason: 'generates Python source and exec()s it',
  },
  {
    target: 'sympy.utilities.autowrap',
    category: 'native-code',
    reason: 'compiles generated C/Fortran with external compilers and imports the result',
  },
  {
    target: 'sympy.printing.preview',
    category: 'process',
    reason: 'runs latex and a caller-chosen viewer program',
  },
  {
    target: 'sympy.preview',
    category: 'process',
    reason: 'runs latex and a caller-chosen viewer program',
  },
  {
    target: 'sympy.core.cache.lazy_function',
    category: 'import',
    reason: 'returns a proxy that imports module.name and calls it on first use',
  },
  {
    target: 'sympy.utilities.source.get_class',
    category: 'import',
    reason: 'resolves any dotted name by import and getattr',
  },
  {
    target: 'sympy.external.importtools.import_module',
    category: 'import',
    reason: 'imports any module by name',
  },
  {
    target: 'sympy.testing',
    category: 'code-execution',
    reason: 'runs tests and doctests from caller-named paths',
  },
  {
    target: 'sympy.utilities.runtests',
    category: 'code-execution',
    reason: 'runs tests and doctests from caller-named paths',
  },
  {
    target: 'sympy.interactive.session',
    category: 'code-execution',
    reason: 'init_session executes setup source and starts a REPL',
  },
  {
    target: 'asteval',
    category: 'code-execution',
    reason: 'Interpreter evaluates Python source in a partial sandbox that has been escaped before',
  },
  {
    target: 'simpleeval',
    category: 'code-execution',
    reason: 'evaluates expressions in a partial sandbox that has been escaped before',
  },
  {
    target: 'jinja2',
    category: 'code-execution',
    reason:
      'non-sandboxed Template/Environment rendering reaches Python objects (SSTI); utils.import_string resolves dotted names',
  },
  {
    target: 'mako',
    category: 'code-execution',
    reason: 'templates contain Python blocks that run when rendered',
  },
  {
    target: 'tornado.template',
    category: 'code-execution',
    reason: 'templates compile to Python and can run arbitrary expressions',
  },
  {
    target: 'Cheetah',
    category: 'code-execution',
    reason: 'templates compile to Python and run it',
  },
  {
    target: 'IPython',
    category: 'code-execution',
    reason:
      'run_cell/run_line_magic/system/getoutput, utils.process runs shell commands, utils.importstring.import_item resolves names',
  },
  { target: 'ipykernel', category: 'code-execution', reason: 'kernels execute code sent to them' },
  {
    target: 'jupyter_client',
    category: 'process',
    reason: 'launches kernels (processes) and sends them code',
  },
  { target: 'nbclient', category: 'code-execution', reason: 'executes every cell of a notebook' },
  {
    target: 'nbconvert.preprocessors.execute',
    category: 'code-execution',
    reason: 'executes every cell of a notebook',
  },
  { target: 'papermill', category: 'code-execution', reason: 'executes notebooks' },
  {
    target: 'traitlets.utils.importstring',
    category: 'import',
    reason: 'import_item resolves any dotted name',
  },
  { target: 'traitlets.import_item', category: 'import', reason: 'resolves any dotted name' },
  {
    target: 'traitlets.config.loader',
    category: 'code-execution',
    reason: 'PyFileConfigLoader exec()s Python config files',
  },
  {
    target: 'jedi',
    category: 'process',
    reason:
      'spawns inference subprocesses and interpreters; compiled access walks attributes by name',
  },
  {
    target: 'werkzeug.utils.import_string',
    category: 'import',
    reason: 'resolves any dotted name',
  },
  {
    target: 'werkzeug.debug',
    category: 'code-execution',
    reason: 'the interactive debugger console executes Python code',
  },
  {
    target: 'django.utils.module_loading.import_string',
    category: 'import',
    reason: 'resolves any dotted name',
  },
  {
    target: 'pydantic.v1.utils.import_string',
    category: 'import',
    reason: 'resolves any dotted name',
  },
  {
    target: 'pydantic.utils.import_string',
    category: 'import',
    reason: 'pydantic 1.x: resolves any dotted name',
  },
  {
    target: 'pydantic._internal._validators.import_string',
    category: 'import',
    reason: 'ImportString validator: resolves any dotted name',
  },
  {
    target: '_pytest',
    category: 'code-execution',
    reason:
      'pytest internals: monkeypatch.resolve imports dotted names, pathlib imports files by path, the runner executes tests',
  },
  {
    target: 'pytest',
    category: 'code-execution',
    reason: 'pytest.main runs tests, conftest files and plugins named in its arguments',
  },
  {
    target: 'lxml.etree.parse',
    category: 'network',
    reason: 'reads files and URLs; external entities and DTDs can be fetched',
  },
  {
    target: 'lxml.etree.XSLT',
    category: 'filesystem',
    reason: 'XSLT extensions (exsl:document) write files',
  },

  // ---------------------------------------------------------------------------------------------
  // Network clients, remote shells, cloud SDKs, containers, VCS
  // ---------------------------------------------------------------------------------------------
  {
    target: 'requests',
    category: 'network',
    reason: 'HTTP client (requests.get/post exfiltrate data or fetch payloads)',
  },
  { target: 'httpx', category: 'network', reason: 'HTTP client' },
  { target: 'urllib3', category: 'network', reason: 'HTTP client' },
  { target: 'aiohttp', category: 'network', reason: 'HTTP client and server' },
  { target: 'httplib2', category: 'network', reason: 'HTTP client' },
  {
    target: 'pycurl',
    category: 'network',
    reason: 'libcurl bindings: any protocol, including file:// and uploads',
  },
  { target: 'websocket', category: 'network', reason: 'WebSocket client' },
  { target: 'websockets', category: 'network', reason: 'WebSocket client and server' },
  { target: 'grpc', category: 'network', reason: 'gRPC channels and servers' },
  {
    target: 'paramiko',
    category: 'process',
    reason: 'SSH: exec_command runs commands on remote hosts; SFTP moves files',
  },
  { target: 'fabric', category: 'process', reason: 'runs shell commands locally and over SSH' },
  { target: 'invoke', category: 'process', reason: 'run() executes shell commands' },
  {
    target: 'pexpect',
    category: 'process',
    reason: 'spawn/run execute programs on a pseudo-terminal',
  },
  { target: 'ptyprocess', category: 'process', reason: 'PtyProcess.spawn runs programs' },
  {
    target: 'sh',
    category: 'process',
    reason: 'every attribute is a command: sh.ls(), sh.Command(path)()',
  },
  { target: 'plumbum', category: 'process', reason: 'local["cmd"] and plumbum.cmd run programs' },
  { target: 'psutil.Popen', category: 'process', reason: 'subprocess.Popen wrapper' },
  {
    target: 'anyio.run_process',
    category: 'process',
    reason: 'runs a command (through anyio.run)',
  },
  { target: 'anyio.open_process', category: 'process', reason: 'starts a command' },
  { target: 'anyio.to_process', category: 'process', reason: 'runs callables in worker processes' },
  { target: 'trio.run_process', category: 'process', reason: 'runs a command' },
  { target: 'trio.lowlevel.open_process', category: 'process', reason: 'starts a command' },
  {
    target: 'docker',
    category: 'process',
    reason: 'containers.run starts containers with host mounts',
  },
  {
    target: 'boto3',
    category: 'network',
    reason:
      'AWS API calls (S3 uploads exfiltrate, IAM changes); utils.lazy_call imports and calls a dotted name',
  },
  { target: 'botocore', category: 'network', reason: 'AWS API client' },
  { target: 's3transfer', category: 'network', reason: 'S3 uploads and downloads' },
  {
    target: 'git',
    category: 'process',
    reason:
      'GitPython: Git.execute runs git with any arguments, Repo.clone_from with option injection',
  },
  {
    target: 'fsspec',
    category: 'network',
    reason:
      'open/filesystem() reach local, HTTP, S3, SSH… paths; registry imports filesystem classes by name',
  },
  {
    target: 'smart_open',
    category: 'network',
    reason: 'opens local and remote URIs for reading and writing',
  },
  { target: 's3fs', category: 'network', reason: 'S3 filesystem' },
  { target: 'gcsfs', category: 'network', reason: 'Google Cloud Storage filesystem' },
  { target: 'adlfs', category: 'network', reason: 'Azure storage filesystem' },
  {
    target: 'win32api',
    category: 'process',
    reason: 'pywin32: WinExec, ShellExecute, registry writes',
  },
  { target: 'win32process', category: 'process', reason: 'pywin32: CreateProcess' },
  {
    target: 'win32com',
    category: 'process',
    reason: 'pywin32: COM automation (WScript.Shell.Run)',
  },
];
