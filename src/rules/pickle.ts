import type { Rule } from './types.js';

const PICKLE_DOCS = 'https://docs.python.org/3/library/pickle.html';

export const PICKLE_RULES: readonly Rule[] = [
  {
    id: 'MA2001',
    name: 'pickle-dangerous-call',
    title: 'Pickle calls a dangerous callable when loaded',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'Loading this pickle invokes a callable known to run code, spawn processes, import modules, ' +
      'resolve attributes by name, touch files or the network, or deserialize again (through REDUCE, ' +
      'INST, OBJ, NEWOBJ, NEWOBJ_EX or a wrapper such as copyreg._reconstructor). Any of these gives ' +
      'whoever wrote the file code execution on the machine that loads it.',
    remediation:
      'Do not load this file. Obtain the model from a trusted source, or in a data-only format such as safetensors.',
    references: [PICKLE_DOCS],
  },
  {
    id: 'MA2002',
    name: 'pickle-dangerous-global',
    title: 'Pickle imports a dangerous callable',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'The pickle imports a known-dangerous callable (GLOBAL, INST or STACK_GLOBAL) without a call ' +
      'site that invokes it directly. Once loaded, the object is stored where application code may ' +
      'call it later (a hook, a transformer function, a default factory), and importing some modules ' +
      'has side effects of its own. Real models never reference these callables.',
    remediation: 'Do not load this file; treat it as hostile.',
    references: [PICKLE_DOCS],
  },
  {
    id: 'MA2003',
    name: 'pickle-unsafe-library-call',
    title: 'Pickle calls a library callable that is not known to be safe',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'The pickle invokes a callable from the Python standard library or a major ML library (torch, ' +
      'numpy, scipy, pandas, scikit-learn, transformers…) that is not on the list of callables real ' +
      'models use. Those namespaces are fully known and full of gadgets (file access, subprocess ' +
      'helpers, nested loaders, code compilers), so anything invoked there that is not known-safe is ' +
      'treated as an attack: denylists there are never complete.',
    remediation:
      'If the callable is genuinely harmless and used by a real library, report it so it can be added to the safe list.',
  },
  {
    id: 'MA2004',
    name: 'pickle-unsafe-library-global',
    title: 'Pickle imports a library callable that is not known to be safe',
    family: 'pickle',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'The pickle imports (without invoking it at load time) a callable from the standard library or ' +
      'a major ML library that is not on the safe list. The object ends up inside the loaded data, ' +
      'where the application may call it later.',
    remediation: 'Check which object holds the reference and whether it is expected.',
  },
  {
    id: 'MA2005',
    name: 'pickle-unclassified-call',
    title: 'Pickle calls a callable from an unclassified module',
    family: 'pickle',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'The pickle invokes a callable from a module modelaudit has no classification for (typically ' +
      "the application's own classes, or a third-party package). Loading runs that module's code; " +
      'whether that is safe depends on the module, which cannot be judged from the file.',
    remediation:
      'Confirm the module is your own or trusted code. Teams that only accept known libraries can fail on warnings.',
  },
  {
    id: 'MA2006',
    name: 'pickle-unclassified-global',
    title: 'Pickle imports a name from an unclassified module',
    family: 'pickle',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'The pickle imports a name from a module modelaudit has no classification for, without a call ' +
      'site that invokes it. Importing a module runs its top-level code.',
    remediation: 'Confirm the module is your own or trusted code.',
  },
  {
    id: 'MA2007',
    name: 'pickle-dynamic-global',
    title: 'Pickle builds the name of an import at load time',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'A STACK_GLOBAL takes its module or attribute name from a value that is not a constant string ' +
      '(the result of a call, an unknown value, a truncated string). What gets imported is decided ' +
      'only when the file is loaded, which no real pickler ever produces: it is a way to hide the ' +
      'callable from scanners.',
    remediation: 'Do not load this file.',
  },
  {
    id: 'MA2008',
    name: 'pickle-indirect-call',
    title: 'Pickle calls a value computed at load time',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'A call site invokes something that is not an imported name: the result of another call (such ' +
      'as getattr(module, "system")), a persistent reference or an unknown value. Real pickles call ' +
      'classes and functions they import; calling computed values is how attribute-getter gadgets ' +
      'reach dangerous functions without naming them.',
    remediation: 'Do not load this file.',
  },
  {
    id: 'MA2009',
    name: 'pickle-extension-code',
    title: 'Pickle uses the extension registry (EXT1/EXT2/EXT4)',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'EXT opcodes import whatever the loading process has registered under a numeric code in ' +
      "copyreg's extension registry. The callable cannot be known from the file, and no model " +
      'library writes these opcodes.',
    remediation: 'Do not load this file.',
  },
  {
    id: 'MA2010',
    name: 'pickle-global-mutation',
    title: 'Pickle modifies a module, class or other global object',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-915',
    description:
      'BUILD, SETITEM(S), APPEND(S) or ADDITEMS is applied to an imported object rather than to one ' +
      'the pickle created. The C unpickler then calls setattr, __setitem__, append, extend or add on ' +
      'that global: it can monkey-patch modules, change os.environ, extend sys.path or disable ' +
      'security checks for everything that runs afterwards.',
    remediation: 'Do not load this file.',
  },
  {
    id: 'MA2011',
    name: 'pickle-parser-differential',
    title: 'Pickle uses an argument form that loaders and disassemblers read differently',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-436',
    description:
      'A protocol-0 text argument (INT, LONG, FLOAT, PUT, GET…) is written in a form the C unpickler ' +
      'accepts but pickletools and Python-based scanners reject or read differently: non-decimal ' +
      'bases, underscores, surrounding whitespace, NUL bytes that end the C parse early. No pickler ' +
      'writes these; they exist to make scanners crash or skip the file while the loader runs it.',
    remediation: 'Do not load this file.',
    references: [
      'https://github.com/python/cpython/issues/126992',
      'https://github.com/python/cpython/issues/126996',
    ],
  },
  {
    id: 'MA2012',
    name: 'pickle-frame-violation',
    title: 'Pickle opcodes cross FRAME boundaries',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-436',
    description:
      'An opcode or its argument runs past the end of the FRAME that contains it, or a FRAME starts ' +
      'before the previous one ends. Older C unpicklers read such streams differently depending on ' +
      'whether the input is a file or bytes, while disassemblers read straight through, so the code ' +
      'that runs can differ from the code a scanner sees. Picklers never write this.',
    remediation: 'Do not load this file.',
    references: ['https://github.com/python/cpython/issues/154848'],
  },
  {
    id: 'MA2013',
    name: 'pickle-malformed',
    title: 'Pickle stream is malformed',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'The pickle stream stops making sense: an unknown opcode, a truncated argument, a stack ' +
      'underflow, a missing MARK or memo entry, invalid UTF-8, an unsupported protocol. Loaders ' +
      'stop at that point, but anything before it has already run (payloads are often followed by ' +
      'garbage precisely to break scanners). Dangerous calls seen before the fault are reported too.',
    remediation:
      'Do not load this file; a damaged model should be downloaded again from its source.',
  },
  {
    id: 'MA2014',
    name: 'pickle-trailing-data',
    title: 'Bytes follow the last pickle in the file',
    family: 'pickle',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'After the final STOP opcode the file carries more bytes that are not another pickle. ' +
      'Serializers do not write this; it is used to hide data, or to break scanners that try to ' +
      'parse everything.',
    remediation: 'Check where the extra bytes came from.',
  },
  {
    id: 'MA2015',
    name: 'pickle-stacked-streams',
    title: 'Several pickles are stored one after another',
    family: 'pickle',
    severity: 'INFO',
    description:
      'The file holds more than one pickle. Loaders that call load() repeatedly run all of them, so ' +
      'every one is scanned; a scanner that stops at the first STOP misses the rest.',
    remediation: 'Nothing to do if the findings of each stream are clean.',
  },
  {
    id: 'MA2016',
    name: 'pickle-persistent-id',
    title: 'Pickle refers to objects by persistent ID',
    family: 'pickle',
    severity: 'INFO',
    description:
      "PERSID/BINPERSID hand a value to the loader's persistent_load hook. PyTorch uses them for " +
      'tensor storages, which is benign and not reported; persistent IDs in any other shape depend ' +
      'on a hook the file does not control, and are reported for review.',
    remediation: 'Nothing to do if the file is meant for a loader with a persistent_load hook.',
  },
  {
    id: 'MA2017',
    name: 'pickle-code-reconstruction',
    title: 'Pickle rebuilds code objects or functions',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'The pickle rebuilds Python code (code objects, functions, lambdas) through dill, cloudpickle, ' +
      'marshal or types.CodeType/FunctionType. The rebuilt code runs whenever the object is used, ' +
      'and its bytecode can do anything.',
    remediation: 'Only load such files from authors you trust as much as you trust their code.',
  },
  {
    id: 'MA2018',
    name: 'pickle-suspicious-name',
    title: 'Pickle calls something named like a command runner',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-78',
    description:
      'A callable from an unclassified module has a name used by command and code runners (system, ' +
      'popen, exec, eval, spawn…), or is reached through an attribute chain ending in one. Aliases ' +
      'such as pathlib.os.system or mymodule.sp.check_output reach the real function this way.',
    remediation: 'Do not load this file unless you know the module and function.',
  },
  {
    id: 'MA2019',
    name: 'pickle-dunder-traversal',
    title: 'Pickle imports through dunder attributes',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'A dotted import name walks through double-underscore attributes (__globals__, __builtins__, ' +
      '__class__, __subclasses__, __dict__…). This is the classic sandbox escape: from any object ' +
      'to the builtins and from there to eval or os. No pickler writes such names.',
    remediation: 'Do not load this file.',
  },
  {
    id: 'MA2020',
    name: 'pickle-out-of-band-buffer',
    title: 'Pickle expects out-of-band buffers',
    family: 'pickle',
    severity: 'WARNING',
    description:
      'NEXT_BUFFER / READONLY_BUFFER take data passed to the loader outside the file (protocol 5). ' +
      'Files on disk never carry them; loading without buffers fails.',
    remediation: 'Check how the file was produced.',
  },
  {
    id: 'MA2021',
    name: 'pickle-hidden-import',
    title: 'Import of a dangerous name hidden in bytes the parser could not reach',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-502',
    description:
      'After a parse fault or a frame violation, the remaining bytes were swept for import opcodes; ' +
      'one naming a dangerous callable was found. A loader that parses the stream differently (a ' +
      'different Python version, file versus in-memory input) may execute it.',
    remediation: 'Do not load this file.',
    references: ['https://github.com/python/cpython/issues/154848'],
  },
  {
    id: 'MA2022',
    name: 'pickle-embedded-pickle',
    title: 'Pickle carries another pickle inside a bytes value',
    family: 'pickle',
    severity: 'WARNING',
    cwe: 'CWE-502',
    description:
      'A bytes or string constant holds a complete pickle that was scanned on its own (its findings ' +
      'are reported beside this one). Nested pickles are a way to hand a payload to a second loader ' +
      '(pickle.loads, torch.load, numpy.load) that the outer file calls.',
    remediation: 'Review the nested findings.',
  },
  {
    id: 'MA2023',
    name: 'pickle-setstate-code',
    title: "Pickle feeds code to a class's __setstate__",
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'The object is of a class real models use, but whose __setstate__ executes code taken from ' +
      'the pickled state (scipy.stats distributions exec() their _parse_arg_template). The state ' +
      'here is not what the library writes, or cannot be verified, so loading runs code the ' +
      "file's author chose.",
    remediation: 'Do not load this file.',
  },
  {
    id: 'MA2024',
    name: 'pickle-defence-tampering',
    title: 'Pickle tampers with the defences of the machine that loads it',
    family: 'pickle',
    severity: 'ERROR',
    cwe: 'CWE-693',
    description:
      'The pickle references or calls security tooling (pickle scanners, safe-unpickling libraries, ' +
      "signature verifiers), a safe loader's allow-list or safe-mode switch (torch.serialization." +
      'add_safe_globals, keras enable_unsafe_deserialization, yaml constructors, the copyreg EXT ' +
      'registry), or an interpreter hook point (audit, trace, profile, import, monitoring, exit and ' +
      'signal hooks, warning and logging filters). Model data has no reason to touch any of these: ' +
      'the file is preparing the environment so that a later load, or its own payload, goes ' +
      'unnoticed. This is an ERROR whatever tier the module would otherwise fall in.',
    remediation:
      'Do not load this file, and check whether anything that already loaded it changed the ' +
      'environment (allow-lists, hooks, logging).',
    references: ['https://peps.python.org/pep-0578/'],
  },
];
