/**
 * Reviewed name tables for the template analyzer: which globals a chat-template renderer
 * provides, which free names or attribute names only an escape would use, and how each filter
 * treats names. Kept as data so a review can read them in one place.
 */

/** Rule IDs the analyzer returns (defined in src/rules/llm.ts). */
export const TEMPLATE_RULES = {
  dunder: 'MA5201',
  dynamicLookup: 'MA5202',
  gadgetAttribute: 'MA5203',
  dangerousGlobal: 'MA5204',
  fileAccess: 'MA5205',
  obfuscatedLiteral: 'MA5206',
  unresolvedLookup: 'MA5207',
  unparseable: 'MA5208',
  tooLarge: 'MA5209',
} as const;

/** A Python dunder name anywhere inside a string: `__class__`, `{0.__init__}`, `a.__globals__`. */
export const DUNDER = /__[A-Za-z0-9]\w*?__/;

/**
 * jinja2's default globals (range, dict, lipsum, cycler, joiner, namespace) and those
 * transformers / llama.cpp servers add. Legitimate to call; their attributes are escape gadgets
 * (`lipsum.__globals__`, `cycler.__init__.__globals__`).
 */
export const RENDERER_GLOBALS: ReadonlySet<string> = new Set([
  'range',
  'dict',
  'lipsum',
  'cycler',
  'joiner',
  'namespace',
  'raise_exception',
  'strftime_now',
]);

/**
 * Free names that a chat template has no business reading: Python modules and builtins
 * (undefined in a well-configured renderer, present in a misconfigured one), and the objects
 * Flask-style environments expose and that classic SSTI payloads start from.
 */
export const DANGEROUS_NAMES: ReadonlySet<string> = new Set([
  'os',
  'posix',
  'nt',
  'sys',
  'subprocess',
  'builtins',
  'importlib',
  'shutil',
  'socket',
  'pty',
  'pickle',
  'marshal',
  'ctypes',
  'eval',
  'exec',
  'compile',
  'open',
  'getattr',
  'setattr',
  'delattr',
  'globals',
  'locals',
  'vars',
  'breakpoint',
  'self',
  'config',
  'request',
  'session',
  'url_for',
  'get_flashed_messages',
  'current_app',
  // JavaScript renderers (@huggingface/jinja): the host's globals.
  'process',
  'require',
  'globalThis',
  'Function',
]);

/**
 * Attribute names that are escape steps whatever object they are read from: frame and code
 * walks, Python 2 spellings, module handles, process spawning, config loaders, and the
 * JavaScript prototype chain of JS renderers.
 */
export const GADGET_ATTRIBUTES: ReadonlySet<string> = new Set([
  'mro',
  'func_globals',
  'func_code',
  'func_closure',
  'func_defaults',
  'f_globals',
  'f_locals',
  'f_builtins',
  'f_back',
  'f_code',
  'gi_frame',
  'gi_code',
  'gi_yieldfrom',
  'cr_frame',
  'cr_code',
  'cr_await',
  'ag_frame',
  'ag_code',
  'tb_frame',
  'tb_next',
  'co_code',
  'im_func',
  'im_self',
  'im_class',
  'os',
  'sys',
  'subprocess',
  'builtins',
  'importlib',
  'modules',
  'popen',
  'system',
  'spawnl',
  'spawnv',
  'execl',
  'execv',
  'execve',
  'check_output',
  'check_call',
  'getoutput',
  'getstatusoutput',
  'import_module',
  'load_module',
  'find_module',
  'from_pyfile',
  'from_envvar',
  'from_object',
  'eval',
  'exec',
  'compile',
  'getattr',
  'setattr',
  'constructor',
  'prototype',
  'mainModule',
  'require',
  'process',
]);

/** Attributes of cycler and joiner objects (what their instances are for). */
export const HELPER_INSTANCE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'next',
  'current',
  'reset',
  'items',
]);

/** Filters whose result is a number or a boolean, whatever goes in. */
export const SCALAR_FILTERS: ReadonlySet<string> = new Set([
  'length',
  'count',
  'int',
  'float',
  'round',
  'abs',
  'wordcount',
  'bool',
]);

/** Filters that return items of their input (or the input itself) rather than new strings. */
export const ELEMENT_FILTERS: ReadonlySet<string> = new Set([
  'first',
  'last',
  'random',
  'min',
  'max',
]);

/** Filters that return a sequence of their input's items. */
export const SEQUENCE_FILTERS: ReadonlySet<string> = new Set([
  'list',
  'sort',
  'unique',
  'reverse',
  'batch',
  'slice',
  'select',
  'reject',
  'selectattr',
  'rejectattr',
  'dictsort',
  'items',
  'groupby',
]);

/**
 * Filters that look attributes up by name (jinja2's make_attrgetter, which walks dotted paths
 * with environment.getitem, falling back to getattr): where the name argument is.
 */
export const ATTRIBUTE_ARGUMENT: Readonly<Record<string, { position?: number; keyword: string }>> =
  {
    attr: { position: 0, keyword: 'name' },
    map: { keyword: 'attribute' },
    selectattr: { position: 0, keyword: 'attr' },
    rejectattr: { position: 0, keyword: 'attr' },
    sort: { position: 2, keyword: 'attribute' },
    groupby: { position: 0, keyword: 'attribute' },
    sum: { position: 0, keyword: 'attribute' },
    unique: { position: 1, keyword: 'attribute' },
    min: { position: 1, keyword: 'attribute' },
    max: { position: 1, keyword: 'attribute' },
    join: { position: 1, keyword: 'attribute' },
  };

/** Filters that take another filter's or test's name as their first argument. */
export const NAME_DISPATCH_FILTERS: ReadonlySet<string> = new Set([
  'map',
  'select',
  'reject',
  'selectattr',
  'rejectattr',
]);
