/**
 * Lookup helpers of dill and cloudpickle that a pickle calls with a constant name: they return
 * a type from a fixed table (dill._dill._load_type, cloudpickle's _builtin_type) or evaluate the
 * repr of a singleton (dill._dill._eval_repr). The machine replaces such a call by what it
 * returns, which is then judged like any import: _load_type('set') is builtins.set,
 * _load_type('CodeType') is types.CodeType. Other arguments leave the call to the tables
 * (dill and cloudpickle are dangerous as a whole). type(None) (cloudpickle's NoneType) is
 * resolved the same way; type() with any other argument, or three, stays unlisted.
 */

/** What a lookup returns: an importable path to judge, or an inert value. */
export type LookupResult = { readonly path: string } | { readonly value: string };

/*
 * dill._dill._reverse_typemap (dill 0.4.1, Python 3.11): the name dill writes → where that type
 * lives. Generated with: for k, v in _reverse_typemap.items(): 'types.'+k if types has it, else
 * 'builtins.'+v.__name__ if builtins has it, else v.__module__ + '.' + v.__qualname__.
 */
const DILL_TYPES: Readonly<Record<string, string>> = {
  ArithmeticError: 'builtins.ArithmeticError',
  AssertionError: 'builtins.AssertionError',
  AsyncGeneratorType: 'types.AsyncGeneratorType',
  AttrGetterType: 'operator.attrgetter',
  AttributeError: 'builtins.AttributeError',
  BaseException: 'builtins.BaseException',
  BaseExceptionGroup: 'builtins.BaseExceptionGroup',
  BlockingIOError: 'builtins.BlockingIOError',
  BrokenPipeError: 'builtins.BrokenPipeError',
  BufferError: 'builtins.BufferError',
  BufferedRandomType: '_io.BufferedRandom',
  BufferedReaderType: '_io.BufferedReader',
  BufferedWriterType: '_io.BufferedWriter',
  BuiltinFunctionType: 'types.BuiltinFunctionType',
  BuiltinMethodType: 'types.BuiltinMethodType',
  BytesWarning: 'builtins.BytesWarning',
  CellType: 'types.CellType',
  ChildProcessError: 'builtins.ChildProcessError',
  ClassMethodDescriptorType: 'types.ClassMethodDescriptorType',
  CodeType: 'types.CodeType',
  ConnectionAbortedError: 'builtins.ConnectionAbortedError',
  ConnectionError: 'builtins.ConnectionError',
  ConnectionRefusedError: 'builtins.ConnectionRefusedError',
  ConnectionResetError: 'builtins.ConnectionResetError',
  CoroutineType: 'types.CoroutineType',
  DeprecationWarning: 'builtins.DeprecationWarning',
  DictItemsType: 'builtins.dict_items',
  DictKeysType: 'builtins.dict_keys',
  DictValuesType: 'builtins.dict_values',
  EOFError: 'builtins.EOFError',
  EllipsisType: 'types.EllipsisType',
  EncodingWarning: 'builtins.EncodingWarning',
  EnvironmentError: 'builtins.OSError',
  Exception: 'builtins.Exception',
  ExceptionGroup: 'builtins.ExceptionGroup',
  ExitType: '_sitebuiltins.Quitter',
  FileExistsError: 'builtins.FileExistsError',
  FileNotFoundError: 'builtins.FileNotFoundError',
  FileType: '_io.FileIO',
  FloatingPointError: 'builtins.FloatingPointError',
  FrameType: 'types.FrameType',
  FunctionType: 'types.FunctionType',
  FutureWarning: 'builtins.FutureWarning',
  GeneratorExit: 'builtins.GeneratorExit',
  GeneratorType: 'types.GeneratorType',
  GenericAliasIteratorType: 'builtins.generic_alias_iterator',
  GetSetDescriptorType: 'types.GetSetDescriptorType',
  IOError: 'builtins.OSError',
  ImportError: 'builtins.ImportError',
  ImportWarning: 'builtins.ImportWarning',
  IndentationError: 'builtins.IndentationError',
  IndexError: 'builtins.IndexError',
  InterruptedError: 'builtins.InterruptedError',
  IsADirectoryError: 'builtins.IsADirectoryError',
  ItemGetterType: 'operator.itemgetter',
  KeyError: 'builtins.KeyError',
  KeyboardInterrupt: 'builtins.KeyboardInterrupt',
  LambdaType: 'types.LambdaType',
  LookupError: 'builtins.LookupError',
  MappingProxyType: 'types.MappingProxyType',
  MemberDescriptorType: 'types.MemberDescriptorType',
  MemoryError: 'builtins.MemoryError',
  MethodDescriptorType: 'types.MethodDescriptorType',
  MethodType: 'types.MethodType',
  MethodWrapperType: 'types.MethodWrapperType',
  ModuleNotFoundError: 'builtins.ModuleNotFoundError',
  ModuleType: 'types.ModuleType',
  NameError: 'builtins.NameError',
  NoneType: 'types.NoneType',
  NotADirectoryError: 'builtins.NotADirectoryError',
  NotImplementedError: 'builtins.NotImplementedError',
  NotImplementedType: 'types.NotImplementedType',
  OSError: 'builtins.OSError',
  OdictItemsType: 'builtins.odict_items',
  OdictKeysType: 'builtins.odict_keys',
  OdictValuesType: 'builtins.odict_values',
  OverflowError: 'builtins.OverflowError',
  PartialType: 'functools.partial',
  PendingDeprecationWarning: 'builtins.PendingDeprecationWarning',
  PermissionError: 'builtins.PermissionError',
  ProcessLookupError: 'builtins.ProcessLookupError',
  PyBufferedRandomType: '_pyio.BufferedRandom',
  PyBufferedReaderType: '_pyio.BufferedReader',
  PyBufferedWriterType: '_pyio.BufferedWriter',
  PyCapsuleType: 'builtins.PyCapsule',
  PyTextWrapperType: '_pyio.TextIOWrapper',
  RecursionError: 'builtins.RecursionError',
  ReferenceError: 'builtins.ReferenceError',
  ResourceWarning: 'builtins.ResourceWarning',
  RuntimeError: 'builtins.RuntimeError',
  RuntimeWarning: 'builtins.RuntimeWarning',
  StopAsyncIteration: 'builtins.StopAsyncIteration',
  StopIteration: 'builtins.StopIteration',
  SuperType: 'builtins.super',
  SyntaxError: 'builtins.SyntaxError',
  SyntaxWarning: 'builtins.SyntaxWarning',
  SystemError: 'builtins.SystemError',
  SystemExit: 'builtins.SystemExit',
  TabError: 'builtins.TabError',
  TextWrapperType: '_io.TextIOWrapper',
  TimeoutError: 'builtins.TimeoutError',
  TracebackType: 'types.TracebackType',
  TypeError: 'builtins.TypeError',
  UnboundLocalError: 'builtins.UnboundLocalError',
  UnicodeDecodeError: 'builtins.UnicodeDecodeError',
  UnicodeEncodeError: 'builtins.UnicodeEncodeError',
  UnicodeError: 'builtins.UnicodeError',
  UnicodeTranslateError: 'builtins.UnicodeTranslateError',
  UnicodeWarning: 'builtins.UnicodeWarning',
  UserWarning: 'builtins.UserWarning',
  ValueError: 'builtins.ValueError',
  Warning: 'builtins.Warning',
  WrapperDescriptorType: 'types.WrapperDescriptorType',
  ZeroDivisionError: 'builtins.ZeroDivisionError',
  bool: 'builtins.bool',
  bytearray: 'builtins.bytearray',
  bytes: 'builtins.bytes',
  classmethod: 'builtins.classmethod',
  complex: 'builtins.complex',
  dict: 'builtins.dict',
  enumerate: 'builtins.enumerate',
  filter: 'builtins.filter',
  float: 'builtins.float',
  frozenset: 'builtins.frozenset',
  int: 'builtins.int',
  list: 'builtins.list',
  map: 'builtins.map',
  memoryview: 'builtins.memoryview',
  object: 'builtins.object',
  property: 'builtins.property',
  range: 'builtins.range',
  reversed: 'builtins.reversed',
  set: 'builtins.set',
  slice: 'builtins.slice',
  staticmethod: 'builtins.staticmethod',
  str: 'builtins.str',
  super: 'builtins.super',
  tuple: 'builtins.tuple',
  type: 'builtins.type',
  zip: 'builtins.zip',
};

/** The repr strings dill pickles singletons and ranges as (save_singleton, XRangeType). */
const SINGLETON_REPR =
  /^(?:Ellipsis|NotImplemented|x?range\((?:-?\d{1,20}, ){1,2}-?\d{1,20}\)|x?range\(-?\d{1,20}\))$/;

function dillLoadType(name: string): LookupResult | undefined {
  const path = Object.hasOwn(DILL_TYPES, name) ? DILL_TYPES[name] : undefined;
  return path ? { path } : undefined;
}

function dillEvalRepr(text: string): LookupResult | undefined {
  return SINGLETON_REPR.test(text) ? { value: text } : undefined;
}

/** cloudpickle: getattr(types, name), and type itself for the legacy name ClassType. */
function cloudpickleBuiltinType(name: string): LookupResult | undefined {
  if (name === 'ClassType') return { path: 'builtins.type' };
  return /^[A-Z][A-Za-z]*Type$|^SimpleNamespace$/.test(name)
    ? { path: `types.${name}` }
    : undefined;
}

/** type(x) of a singleton: its type, which only returns that singleton when called. */
const SINGLETON_TYPES: Readonly<Record<string, string>> = {
  None: 'types.NoneType',
  Ellipsis: 'types.EllipsisType',
  NotImplemented: 'types.NotImplementedType',
};

function typeOfSingleton(name: string): LookupResult | undefined {
  const path = Object.hasOwn(SINGLETON_TYPES, name) ? SINGLETON_TYPES[name] : undefined;
  return path ? { path } : undefined;
}

const BY_NAME: ReadonlyMap<string, (arg: string) => LookupResult | undefined> = new Map([
  ['builtins.type', typeOfSingleton],
  ['dill._dill._load_type', dillLoadType],
  ['dill.dill._load_type', dillLoadType],
  ['dill._dill._eval_repr', dillEvalRepr],
  ['dill.dill._eval_repr', dillEvalRepr],
]);

/** The lookup helper `name` (module.qualname) is, if any. */
export function lookupHelper(
  name: string,
): ((arg: string) => LookupResult | undefined) | undefined {
  const known = BY_NAME.get(name);
  if (known) return known;
  // cloudpickle and its vendored copies (joblib.externals, ray, srsly, pyspark…).
  return /(?:^|\.)cloudpickle\.cloudpickle(?:_fast)?\._builtin_type$/.test(name)
    ? cloudpickleBuiltinType
    : undefined;
}
