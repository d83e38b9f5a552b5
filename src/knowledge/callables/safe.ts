/**
 * Known-safe callables: what benign model files built by torch, numpy, scikit-learn, joblib,
 * pandas, scipy, transformers and friends reference, and that is safe to invoke with any arguments
 * (see SafeEntry in types.ts for the target syntax and invokesArgs).
 *
 * Checked against fixtures/pickle/globals_seen.json (every global of the benign fixtures must
 * match an entry): `python3 fixtures/pickle/list_globals.py --check-safe`; what the globs reach in
 * the installed libraries, with the load-time methods of every class grepped for calls worth a
 * look: `python3 fixtures/pickle/list_globals.py --audit-safe`.
 *
 * Rules: no entry may run code, spawn processes, import modules or resolve names, touch files or
 * the network, or deserialize again. Prefer exact names; class-name globs only in packages that
 * hold nothing but estimator, layer or data classes, with the reason saying so.
 */
import type { SafeEntry } from './types.js';

export const SAFE_CALLABLES: readonly SafeEntry[] = [
  // Python builtins: constructors of plain values only. Never getattr, eval, exec, compile, open,
  // __import__, globals, vars, input, breakpoint, help, setattr, delattr, exit, quit, print,
  // type (builds classes, whose metaclasses and __init_subclass__ hooks run).
  {
    target: 'builtins:object',
    reason: 'plain object; copyreg._reconstructor passes it as the base of protocol 0/1 objects',
  },
  {
    target: 'builtins:dict',
    reason: 'dict constructor; copyreg._reconstructor passes it as the base of dict subclasses',
  },
  {
    target: 'builtins:list',
    reason: 'list constructor (iterates an object the pickle built; judged at its own call site)',
  },
  { target: 'builtins:tuple', reason: 'tuple constructor (iterates an object the pickle built)' },
  {
    target: 'builtins:set',
    reason: 'set constructor: protocol 0-3 pickles rebuild sets as set(list)',
  },
  {
    target: 'builtins:frozenset',
    reason: 'frozenset constructor: pickles rebuild frozensets as frozenset(list)',
  },
  {
    target: 'builtins:bytearray',
    reason: 'bytearray constructor: pickles rebuild bytearrays through it',
  },
  {
    target: 'builtins:bytes',
    reason: 'bytes constructor: protocol 3+ pickles rebuild empty bytes as bytes()',
  },
  { target: 'builtins:int', reason: 'int constructor of a plain number' },
  { target: 'builtins:float', reason: 'float constructor of a plain number' },
  {
    target: 'builtins:complex',
    reason: 'complex constructor: complex numbers pickle as complex(real, imag)',
  },
  { target: 'builtins:str', reason: 'str constructor of a plain string' },
  { target: 'builtins:bool', reason: 'bool constructor of a plain truth value' },
  {
    target: 'builtins:slice',
    reason: 'slice constructor: slices pickle as slice(start, stop, step); pandas block placements',
  },
  {
    target: 'builtins:range',
    reason: 'range constructor: ranges pickle as range(start, stop, step)',
  },
  { target: 'builtins:Ellipsis', reason: 'the ... singleton, pickled by name; not callable' },
  {
    target: 'builtins:NotImplemented',
    reason: 'the NotImplemented singleton, pickled by name; not callable',
  },
  // Pure builtins: they compute a value from their arguments and reach no attribute by name, no
  // module, file or code. Their arguments are objects the pickle built, judged where they were
  // built; the dunder methods they call (__len__, __lt__, __iter__…) belong to those objects.
  // Those that call a callable argument say so (invokesArgs). Not pow (pow(10, 10**10) exhausts
  // the loader from two constants), format (a huge width does too), print (writes to stdout),
  // min/max/sorted/sum with key= (a keyword REDUCE cannot pass; functools.partial is judged on
  // its own), dir/hasattr/isinstance (reach attributes and metaclass hooks).
  ...(
    [
      ['len', 'length of a container'],
      ['abs', 'absolute value of a number'],
      ['round', 'rounds a number'],
      ['divmod', 'quotient and remainder of two numbers'],
      ['min', 'smallest item of an iterable the pickle built'],
      ['max', 'largest item of an iterable the pickle built'],
      ['sum', 'sum of an iterable the pickle built'],
      ['all', 'truth of every item of an iterable'],
      ['any', 'truth of any item of an iterable'],
      ['sorted', 'sorted list of an iterable the pickle built'],
      ['reversed', 'reverse iterator over a sequence'],
      ['enumerate', 'iterator of (index, item) pairs'],
      ['zip', 'iterator over several iterables in step'],
      ['next', 'next item of an iterator the pickle built'],
      ['hash', 'hash of a value'],
      ['ord', 'code point of a character'],
      ['chr', 'character of a code point'],
      ['hex', 'hexadecimal text of an integer'],
      ['oct', 'octal text of an integer'],
      ['bin', 'binary text of an integer'],
      ['repr', 'printable representation of a value'],
      ['ascii', 'ASCII representation of a value'],
      ['memoryview', 'view over the bytes of a bytes-like value'],
    ] as const
  ).map(([name, what]): SafeEntry => ({
    target: `builtins:${name}`,
    reason: `pure builtin: ${what}`,
  })),
  {
    target: 'builtins:map',
    reason: 'lazy iterator applying arg 0 to items: arg 0 judged as invoked',
    invokesArgs: [0],
  },
  {
    target: 'builtins:filter',
    reason: 'lazy iterator filtering items with arg 0: arg 0 judged as invoked',
    invokesArgs: [0],
  },
  {
    target: 'builtins:iter',
    reason: 'iterator over a value, or iter(callable, sentinel): arg 0 judged as invoked',
    invokesArgs: [0],
  },
  {
    target: 'types:NoneType',
    reason: 'type(None), pickled by dill; calling it returns None',
  },
  { target: 'types:EllipsisType', reason: 'type(...); calling it returns Ellipsis' },
  {
    target: 'types:NotImplementedType',
    reason: 'type(NotImplemented); calling it returns NotImplemented',
  },
  // copyreg and codecs: the helpers that Python's own reduce protocol writes.
  {
    target: 'copyreg:_reconstructor',
    reason:
      'default reduce of protocol 0/1: obj = base.__new__(cls, state), base.__init__(obj, state)',
    constructsArgs: [0],
    invokesArgs: [1],
  },
  {
    target: 'copyreg:__newobj__',
    reason: 'default reduce of protocol 2+: cls.__new__(cls, *args)',
    constructsArgs: [0],
  },
  {
    target: 'copyreg:__newobj_ex__',
    reason: 'protocol 2+ reduce with keywords: cls.__new__(cls, *args, **kwargs)',
    constructsArgs: [0],
  },
  {
    target: '_codecs:encode',
    reason:
      "encode(str, 'latin1') rebuilds bytes in protocol 0-2 pickles (bytes, numpy buffers); a codec lookup imports only modules of the stdlib encodings package",
  },
  // collections: containers.
  {
    target: 'collections:OrderedDict',
    reason: 'ordered dict container; torch state_dicts and nn.Module internals',
  },
  {
    target: 'collections:defaultdict',
    reason:
      'dict with a default factory; it stores arg 0 and calls it with no argument on a missing key, after load: judged as invoked so that only safe factories pass',
    invokesArgs: [0],
  },
  { target: 'collections:Counter', reason: 'counting dict (vocabularies, class counts)' },
  { target: 'collections:deque', reason: 'double-ended queue container (history buffers)' },
  { target: 'collections:ChainMap', reason: 'view over several dicts; container only' },
  {
    target: 'collections:UserDict',
    reason: 'dict wrapper class (also Python 2 UserDict.UserDict)',
  },
  {
    target: 'collections:UserList',
    reason: 'list wrapper class (also Python 2 UserList.UserList)',
  },
  {
    target: 'collections:UserString',
    reason: 'str wrapper class (also Python 2 UserString.UserString)',
  },
  // Standard-library value types that configs and checkpoints hold.
  { target: 'datetime:datetime', reason: 'datetime value, pickled as datetime(bytes[, tzinfo])' },
  { target: 'datetime:date', reason: 'date value' },
  { target: 'datetime:time', reason: 'time-of-day value' },
  { target: 'datetime:timedelta', reason: 'duration value' },
  { target: 'datetime:timezone', reason: 'fixed-offset tzinfo value (no tz database lookup)' },
  { target: 'datetime:tzinfo', reason: 'abstract tzinfo base; instantiating it does nothing' },
  // Time zones of tz-aware timestamps (pandas, datetime). ZoneInfo pickles as
  // getattr(ZoneInfo, '_unpickle')(key, from_cache); the key is looked up in the tz database,
  // whose path checks reject absolute keys and keys that climb out of it.
  {
    target: 'zoneinfo:ZoneInfo',
    reason: 'IANA time zone class, referenced by tz-aware timestamps',
  },
  {
    target: 'zoneinfo:ZoneInfo._unpickle',
    reason: 'rebuilds a ZoneInfo from its key (tz database lookup with path validation)',
  },
  {
    target: 'pytz:_p',
    reason: 'pytz unpickler for time zones: looks the zone name up in the bundled tz database',
  },
  { target: 'pytz:_UTC', reason: 'pytz UTC singleton factory' },
  { target: 'dateutil.tz.tz:tzutc', reason: 'dateutil UTC tzinfo value' },
  { target: 'dateutil.tz.tz:tzoffset', reason: 'dateutil fixed-offset tzinfo value' },
  { target: 'decimal:Decimal', reason: 'decimal number parsed from a string' },
  { target: 'fractions:Fraction', reason: 'rational number parsed from a string or two ints' },
  { target: 'uuid:UUID', reason: 'UUID value' },
  { target: 'uuid:SafeUUID', reason: 'enum stored in UUID state (is_safe)' },
  {
    target: 'argparse:Namespace',
    reason: "attribute bag of parsed command-line arguments (training scripts' args)",
  },
  { target: 'types:SimpleNamespace', reason: 'attribute bag' },
  { target: 'pathlib:PurePath', reason: 'path value; constructing one touches no file' },
  { target: 'pathlib:PurePosixPath', reason: 'path value; constructing one touches no file' },
  { target: 'pathlib:PureWindowsPath', reason: 'path value; constructing one touches no file' },
  {
    target: 'pathlib:Path',
    reason: 'path value; constructing one touches no file (its methods do, but are not called)',
  },
  { target: 'pathlib:PosixPath', reason: 'path value; constructing one touches no file' },
  { target: 'pathlib:WindowsPath', reason: 'path value; constructing one touches no file' },
  {
    target: 'pathlib._local:PurePosixPath',
    reason: 'pathlib path class under its Python 3.13+ module name',
  },
  {
    target: 'pathlib._local:PureWindowsPath',
    reason: 'pathlib path class under its Python 3.13+ module name',
  },
  {
    target: 'pathlib._local:PosixPath',
    reason: 'pathlib path class under its Python 3.13+ module name',
  },
  {
    target: 'pathlib._local:WindowsPath',
    reason: 'pathlib path class under its Python 3.13+ module name',
  },
  {
    target: 're:_compile',
    reason:
      're.compile(pattern, flags): what compiled patterns pickle to; compiling runs no code (a pathological pattern costs time only when matched)',
  },
  { target: 'array:array', reason: 'typed array of numbers' },
  {
    target: 'array:_array_reconstructor',
    reason: 'rebuilds array.array from its type code and machine bytes',
    invokesArgs: [0],
  },
  { target: 'time:struct_time', reason: 'time tuple value' },
  {
    target: 're:RegexFlag',
    reason: 'enum of regular-expression flags; calling an enum looks a member up by value',
  },
  // numpy arrays: the reduce helpers of ndarray, scalars and masked arrays, under the numpy 1.x
  // (numpy.core) and numpy 2 (numpy._core) module names. Not numpy.load, numpy.fromfile,
  // numpy.memmap (files), numpy.core._ufunc_reconstruct (imports any module by name).
  {
    target: 'numpy.core.multiarray:_reconstruct',
    reason: 'ndarray reduce (numpy 1.x): ndarray.__new__(subtype, shape, dtype)',
    invokesArgs: [0],
  },
  {
    target: 'numpy._core.multiarray:_reconstruct',
    reason: 'ndarray reduce (numpy 2): ndarray.__new__(subtype, shape, dtype)',
    invokesArgs: [0],
  },
  {
    target: 'numpy.core._internal:_reconstruct',
    reason:
      'ndarray reduce of NumPy < 1.0 pickles (numpy keeps the name for them): ndarray.__new__(subtype, shape, dtype)',
    invokesArgs: [0],
  },
  {
    target: 'numpy.core._multiarray_umath:_reconstruct',
    reason: 'the C function behind numpy.core.multiarray._reconstruct (numpy 1.x)',
    invokesArgs: [0],
  },
  {
    target: 'numpy._core._multiarray_umath:_reconstruct',
    reason: 'the C function behind numpy._core.multiarray._reconstruct (numpy 2)',
    invokesArgs: [0],
  },
  {
    target: 'numpy.core.multiarray:scalar',
    reason: 'numpy scalar reduce (numpy 1.x): builds a scalar from dtype and bytes',
  },
  {
    target: 'numpy._core.multiarray:scalar',
    reason: 'numpy scalar reduce (numpy 2): builds a scalar from dtype and bytes',
  },
  {
    target: 'numpy.core.numeric:_frombuffer',
    reason: 'protocol-5 ndarray reduce (numpy 1.x): frombuffer + reshape',
  },
  {
    target: 'numpy._core.numeric:_frombuffer',
    reason: 'protocol-5 ndarray reduce (numpy 2): frombuffer + reshape',
  },
  {
    target: 'numpy:ndarray',
    reason: 'array type, passed to _reconstruct; ndarray(shape, dtype) only allocates',
  },
  {
    target: 'numpy:dtype',
    reason: 'dtype constructor: dtypes pickle as dtype(spec, align, copy) + state',
  },
  { target: 'numpy:matrix', reason: 'matrix subclass of ndarray' },
  {
    target: 'numpy.matrixlib.defmatrix:matrix',
    reason: 'matrix subclass of ndarray under its numpy 1.x module',
  },
  { target: 'numpy:recarray', reason: 'record array subclass of ndarray (numpy 1.x name)' },
  { target: 'numpy.rec:recarray', reason: 'record array subclass of ndarray (numpy 2 name)' },
  { target: 'numpy.core.records:recarray', reason: 'record array subclass of ndarray' },
  { target: 'numpy._core.records:recarray', reason: 'record array subclass of ndarray' },
  { target: 'numpy:record', reason: 'scalar type of record arrays' },
  { target: 'numpy.rec:record', reason: 'scalar type of record arrays (numpy 2 name)' },
  {
    target: 'numpy.core.records:record',
    reason: 'scalar type of record arrays (numpy 1.x module)',
  },
  { target: 'numpy._core.records:record', reason: 'scalar type of record arrays (numpy 2 module)' },
  { target: 'numpy:chararray', reason: 'string array subclass of ndarray' },
  { target: 'numpy.char:chararray', reason: 'string array subclass of ndarray' },
  {
    target: 'numpy.core.defchararray:chararray',
    reason: 'string array subclass of ndarray (numpy 1.x module)',
  },
  {
    target: 'numpy._core.defchararray:chararray',
    reason: 'string array subclass of ndarray (numpy 2 module)',
  },
  {
    target: 'numpy.ma.core:_mareconstruct',
    reason: 'masked array reduce: ndarray.__new__(baseclass, ...), subtype.__new__(subtype, ...)',
    invokesArgs: [0, 1],
  },
  { target: 'numpy.ma:MaskedArray', reason: 'masked array subclass of ndarray' },
  { target: 'numpy.ma.core:MaskedArray', reason: 'masked array subclass of ndarray' },
  { target: 'numpy.ma.core:MaskedConstant', reason: "the numpy.ma.masked singleton's class" },
  {
    target: 'numpy.dtypes:[A-Z]*DType',
    reason: 'numpy.dtypes holds only the DType classes (Float64DType...)',
  },
  // numpy scalar types: referenced as dtypes (TfidfVectorizer(dtype=np.float64)...); calling one
  // converts a value.
  { target: 'numpy:bool', reason: 'numpy scalar type' },
  { target: 'numpy:bool_', reason: 'numpy scalar type' },
  { target: 'numpy:byte', reason: 'numpy scalar type' },
  { target: 'numpy:bytes_', reason: 'numpy scalar type' },
  { target: 'numpy:cdouble', reason: 'numpy scalar type' },
  { target: 'numpy:character', reason: 'numpy scalar type' },
  { target: 'numpy:clongdouble', reason: 'numpy scalar type' },
  { target: 'numpy:complex128', reason: 'numpy scalar type' },
  { target: 'numpy:complex256', reason: 'numpy scalar type' },
  { target: 'numpy:complex64', reason: 'numpy scalar type' },
  { target: 'numpy:complexfloating', reason: 'numpy scalar type' },
  { target: 'numpy:csingle', reason: 'numpy scalar type' },
  { target: 'numpy:datetime64', reason: 'numpy scalar type' },
  { target: 'numpy:double', reason: 'numpy scalar type' },
  { target: 'numpy:flexible', reason: 'numpy scalar type' },
  { target: 'numpy:float128', reason: 'numpy scalar type' },
  { target: 'numpy:float16', reason: 'numpy scalar type' },
  { target: 'numpy:float32', reason: 'numpy scalar type' },
  { target: 'numpy:float64', reason: 'numpy scalar type' },
  { target: 'numpy:floating', reason: 'numpy scalar type' },
  { target: 'numpy:generic', reason: 'numpy scalar type' },
  { target: 'numpy:half', reason: 'numpy scalar type' },
  { target: 'numpy:inexact', reason: 'numpy scalar type' },
  { target: 'numpy:int16', reason: 'numpy scalar type' },
  { target: 'numpy:int32', reason: 'numpy scalar type' },
  { target: 'numpy:int64', reason: 'numpy scalar type' },
  { target: 'numpy:int8', reason: 'numpy scalar type' },
  { target: 'numpy:int_', reason: 'numpy scalar type' },
  { target: 'numpy:intc', reason: 'numpy scalar type' },
  { target: 'numpy:integer', reason: 'numpy scalar type' },
  { target: 'numpy:intp', reason: 'numpy scalar type' },
  { target: 'numpy:long', reason: 'numpy scalar type' },
  { target: 'numpy:longdouble', reason: 'numpy scalar type' },
  { target: 'numpy:longlong', reason: 'numpy scalar type' },
  { target: 'numpy:number', reason: 'numpy scalar type' },
  { target: 'numpy:object_', reason: 'numpy scalar type' },
  { target: 'numpy:record', reason: 'numpy scalar type' },
  { target: 'numpy:short', reason: 'numpy scalar type' },
  { target: 'numpy:signedinteger', reason: 'numpy scalar type' },
  { target: 'numpy:single', reason: 'numpy scalar type' },
  { target: 'numpy:str_', reason: 'numpy scalar type' },
  { target: 'numpy:timedelta64', reason: 'numpy scalar type' },
  { target: 'numpy:ubyte', reason: 'numpy scalar type' },
  { target: 'numpy:uint', reason: 'numpy scalar type' },
  { target: 'numpy:uint16', reason: 'numpy scalar type' },
  { target: 'numpy:uint32', reason: 'numpy scalar type' },
  { target: 'numpy:uint64', reason: 'numpy scalar type' },
  { target: 'numpy:uint8', reason: 'numpy scalar type' },
  { target: 'numpy:uintc', reason: 'numpy scalar type' },
  { target: 'numpy:uintp', reason: 'numpy scalar type' },
  { target: 'numpy:ulong', reason: 'numpy scalar type' },
  { target: 'numpy:ulonglong', reason: 'numpy scalar type' },
  { target: 'numpy:unsignedinteger', reason: 'numpy scalar type' },
  { target: 'numpy:ushort', reason: 'numpy scalar type' },
  { target: 'numpy:void', reason: 'numpy scalar type' },
  // numpy ufuncs: pure element-wise math, pickled by name since numpy 1.2x; referenced by
  // FunctionTransformer(func=np.log1p) and the like.
  { target: 'numpy:abs', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:absolute', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:acos', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:acosh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:add', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:arccos', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:arccosh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:arcsin', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:arcsinh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:arctan', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:arctan2', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:arctanh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:asin', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:asinh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:atan', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:atan2', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:atanh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:bitwise_and', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:bitwise_count', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:bitwise_invert', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:bitwise_left_shift', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:bitwise_not', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:bitwise_or', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:bitwise_right_shift', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:bitwise_xor', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:cbrt', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:ceil', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:conj', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:conjugate', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:copysign', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:cos', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:cosh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:deg2rad', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:degrees', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:divide', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:divmod', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:equal', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:exp', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:exp2', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:expm1', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:fabs', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:float_power', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:floor', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:floor_divide', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:fmax', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:fmin', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:fmod', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:frexp', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:gcd', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:greater', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:greater_equal', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:heaviside', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:hypot', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:invert', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:isfinite', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:isinf', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:isnan', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:isnat', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:lcm', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:ldexp', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:left_shift', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:less', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:less_equal', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:log', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:log10', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:log1p', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:log2', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:logaddexp', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:logaddexp2', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:logical_and', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:logical_not', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:logical_or', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:logical_xor', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:matmul', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:matvec', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:maximum', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:minimum', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:mod', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:modf', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:multiply', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:negative', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:nextafter', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:not_equal', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:positive', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:pow', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:power', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:rad2deg', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:radians', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:reciprocal', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:remainder', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:right_shift', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:rint', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:sign', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:signbit', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:sin', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:sinh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:spacing', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:sqrt', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:square', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:subtract', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:tan', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:tanh', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:true_divide', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:trunc', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:vecdot', reason: 'numpy ufunc (element-wise math)' },
  { target: 'numpy:vecmat', reason: 'numpy ufunc (element-wise math)' },
  // numpy random generators.
  {
    target: 'numpy.random._pickle:__randomstate_ctor',
    reason:
      'RandomState reduce: RandomState(arg 0) when arg 0 is a BitGenerator (numpy 2 passes the one __bit_generator_ctor built), else RandomState(arg 1(arg 0)). Arg 0 is not listed as invoked: a class there would reach the default ctor and be instantiated with no argument, but a BitGenerator instance is what real files hold there and it is computed at load time',
    invokesArgs: [1],
  },
  {
    target: 'numpy.random._pickle:__generator_ctor',
    reason:
      'Generator reduce: Generator(arg 0) when arg 0 is a BitGenerator, else Generator(arg 1(arg 0)); arg 0 as for __randomstate_ctor',
    invokesArgs: [1],
  },
  {
    target: 'numpy.random._pickle:__bit_generator_ctor',
    reason:
      "bit generator reduce: looks a name up in numpy's BitGenerators table, or instantiates the class it is given",
    invokesArgs: [0],
  },
  {
    target: 'numpy.random:__RandomState_ctor',
    reason: 'RandomState reduce of numpy < 1.17: RandomState(seed=0)',
  },
  { target: 'numpy.random.mtrand:RandomState', reason: 'legacy random generator' },
  { target: 'numpy.random._generator:Generator', reason: 'random generator' },
  { target: 'numpy.random._mt19937:MT19937', reason: 'bit generator' },
  { target: 'numpy.random._pcg64:PCG64', reason: 'bit generator' },
  { target: 'numpy.random._pcg64:PCG64DXSM', reason: 'bit generator' },
  { target: 'numpy.random._philox:Philox', reason: 'bit generator' },
  { target: 'numpy.random._sfc64:SFC64', reason: 'bit generator' },
  { target: 'numpy.random.bit_generator:SeedSequence', reason: 'seed sequence of a bit generator' },
  {
    target: 'numpy.random.bit_generator:__pyx_unpickle_SeedSequence',
    reason:
      'Cython unpickle helper: SeedSequence.__new__(arg 0) after a layout checksum, then state',
    invokesArgs: [0],
  },
  // torch tensors and storages: what torch.save writes for tensors, parameters and storages.
  // Not torch.storage._load_from_bytes (torch.load of nested bytes: the reduce of a tensor that
  // is pickled with plain pickle) nor anything that loads, compiles or imports.
  {
    target: 'torch._utils:_rebuild_tensor',
    reason: 'tensor from a storage, offset, size and stride (old format)',
  },
  {
    target: 'torch._utils:_rebuild_tensor_v2',
    reason: 'tensor from a storage, offset, size, stride, requires_grad',
  },
  {
    target: 'torch._utils:_rebuild_tensor_v3',
    reason: 'tensor from a storage with an explicit dtype (float8, uint16...)',
  },
  { target: 'torch._utils:_rebuild_parameter', reason: 'nn.Parameter(tensor, requires_grad)' },
  {
    target: 'torch._utils:_rebuild_parameter_with_state',
    reason: 'nn.Parameter plus its Python attributes (setattr of a dict)',
  },
  {
    target: 'torch._utils:_rebuild_qtensor',
    reason: 'quantized tensor from a storage and quantizer parameters',
  },
  {
    target: 'torch._utils:_rebuild_sparse_tensor',
    reason: 'sparse COO/CSR/CSC/BSR/BSC tensor from index and value tensors',
  },
  { target: 'torch._utils:_rebuild_nested_tensor', reason: 'nested tensor view of a buffer' },
  {
    target: 'torch._utils:_rebuild_device_tensor_from_cpu_tensor',
    reason: 'tensor moved to its device (map_location applies)',
  },
  {
    target: 'torch._utils:_rebuild_device_tensor_from_numpy',
    reason: 'tensor from a numpy array, moved to its device',
  },
  {
    target: 'torch._utils:_rebuild_xla_tensor',
    reason: 'alias of _rebuild_device_tensor_from_numpy (old XLA checkpoints)',
  },
  {
    target: 'torch._utils:_rebuild_meta_tensor_no_storage',
    reason: 'empty tensor on the meta device',
  },
  {
    target: 'torch._utils:_rebuild_wrapper_subclass',
    reason: 'tensor wrapper subclass: Tensor._make_wrapper_subclass(cls, ...)',
    invokesArgs: [0],
  },
  {
    target: 'torch._tensor:_rebuild_from_type_v2',
    reason: 'tensor subclass reduce: func(*args).as_subclass(new_type) then its __setstate__',
    invokesArgs: [0, 1],
  },
  {
    target: 'torch._tensor:_rebuild_from_type',
    reason: 'tensor subclass reduce (old): func(*args).as_subclass(type)',
    invokesArgs: [0, 1],
  },
  {
    target: 'torch.tensor:_rebuild_from_type_v2',
    reason:
      'the same under its torch < 1.10 module name (torch.load maps torch.tensor to torch._tensor)',
    invokesArgs: [0, 1],
  },
  {
    target: 'torch.tensor:_rebuild_from_type',
    reason: 'the same under its torch < 1.10 module name',
    invokesArgs: [0, 1],
  },
  {
    target: 'torch:Tensor',
    reason: 'tensor class, passed to _rebuild_from_type_v2 as the type of plain tensors',
  },
  { target: 'torch.nn.parameter:Parameter', reason: 'parameter class (a Tensor subclass)' },
  { target: 'torch.nn.parameter:Buffer', reason: 'buffer marker class (a Tensor subclass)' },
  {
    target: 'torch.nn.parameter:UninitializedParameter',
    reason: 'lazy-module parameter placeholder',
  },
  { target: 'torch.nn.parameter:UninitializedBuffer', reason: 'lazy-module buffer placeholder' },
  {
    target: 'torch:*Storage',
    reason: 'typed storage classes named in persistent ids (FloatStorage, HalfStorage...)',
  },
  {
    target: 'torch.cuda:*Storage',
    reason: 'CUDA typed storage classes of old checkpoints; allocating only',
  },
  {
    target: 'torch.storage:UntypedStorage',
    reason: 'untyped storage class named in persistent ids',
  },
  { target: 'torch.storage:TypedStorage', reason: 'typed storage class' },
  { target: 'torch:Size', reason: 'tensor shape tuple' },
  { target: 'torch:device', reason: 'device descriptor; naming a device does not open it' },
  { target: 'torch:dtype', reason: 'dtype class' },
  { target: 'torch:layout', reason: 'layout class' },
  { target: 'torch:memory_format', reason: 'memory format class' },
  { target: 'torch:qscheme', reason: 'quantization scheme class' },
  {
    target: 'torch.serialization:_get_layout',
    reason: 'looks a torch.layout up by its name (torch.strided...)',
  },
  { target: 'torch._C:Generator', reason: 'random generator; state restored by __setstate__' },
  { target: 'torch:Generator', reason: 'random generator' },
  // torch objects that training checkpoints store whole (not only their state dicts).
  {
    target: 'torch.torch_version:TorchVersion',
    reason: 'str subclass holding torch.__version__, stored by many training scripts',
  },
  {
    target: 'torch.optim.**:[A-Z]*',
    reason:
      'optimizer and lr_scheduler classes (torch.save of whole Adam/SGD/OneCycleLR objects); rebuilt with __new__ and a state dict, __setstate__ only restores hook dicts; their callables (lr_lambda functions) are judged as imports of their own',
  },
  {
    target: 'torch.distributions.**:[A-Z]*',
    reason:
      'probability distribution objects (Normal, Categorical…): parameters are tensors, __init__ only validates them',
  },
  {
    target: 'torch.nn.utils.rnn:PackedSequence',
    reason: 'namedtuple of tensors produced by pack_sequence',
  },
  {
    target: 'torch.amp.grad_scaler:GradScaler',
    reason: 'mixed-precision loss scaler; its state is numbers and a per-optimizer dict',
  },
  {
    target: 'torch.amp.grad_scaler:_refresh_per_optimizer_state',
    reason: 'returns a fresh dict; the default factory of GradScaler._per_optimizer_states',
  },
  {
    target: 'torch.cuda.amp.grad_scaler:GradScaler',
    reason: 'the same class under its older module',
  },
  {
    target: 'torch.cuda.amp.grad_scaler:_refresh_per_optimizer_state',
    reason: 'the same default factory under its older module',
  },
  {
    target: 'torch.amp.grad_scaler:OptState',
    reason: 'enum stored in GradScaler per-optimizer state',
  },
  { target: 'torch.cuda.amp.grad_scaler:OptState', reason: 'the same enum under its older module' },
  // torch dtypes and quantization schemes, pickled by name; values, not callables.
  { target: 'torch:bfloat16', reason: 'torch dtype' },
  { target: 'torch:bit', reason: 'torch dtype' },
  { target: 'torch:bits16', reason: 'torch dtype' },
  { target: 'torch:bits1x8', reason: 'torch dtype' },
  { target: 'torch:bits2x4', reason: 'torch dtype' },
  { target: 'torch:bits4x2', reason: 'torch dtype' },
  { target: 'torch:bits8', reason: 'torch dtype' },
  { target: 'torch:bool', reason: 'torch dtype' },
  { target: 'torch:cdouble', reason: 'torch dtype' },
  { target: 'torch:cfloat', reason: 'torch dtype' },
  { target: 'torch:chalf', reason: 'torch dtype' },
  { target: 'torch:complex128', reason: 'torch dtype' },
  { target: 'torch:complex32', reason: 'torch dtype' },
  { target: 'torch:complex64', reason: 'torch dtype' },
  { target: 'torch:double', reason: 'torch dtype' },
  { target: 'torch:float', reason: 'torch dtype' },
  { target: 'torch:float16', reason: 'torch dtype' },
  { target: 'torch:float32', reason: 'torch dtype' },
  { target: 'torch:float4_e2m1fn_x2', reason: 'torch dtype' },
  { target: 'torch:float64', reason: 'torch dtype' },
  { target: 'torch:float8_e4m3fn', reason: 'torch dtype' },
  { target: 'torch:float8_e4m3fnuz', reason: 'torch dtype' },
  { target: 'torch:float8_e5m2', reason: 'torch dtype' },
  { target: 'torch:float8_e5m2fnuz', reason: 'torch dtype' },
  { target: 'torch:float8_e8m0fnu', reason: 'torch dtype' },
  { target: 'torch:half', reason: 'torch dtype' },
  { target: 'torch:int', reason: 'torch dtype' },
  { target: 'torch:int1', reason: 'torch dtype' },
  { target: 'torch:int16', reason: 'torch dtype' },
  { target: 'torch:int2', reason: 'torch dtype' },
  { target: 'torch:int3', reason: 'torch dtype' },
  { target: 'torch:int32', reason: 'torch dtype' },
  { target: 'torch:int4', reason: 'torch dtype' },
  { target: 'torch:int5', reason: 'torch dtype' },
  { target: 'torch:int6', reason: 'torch dtype' },
  { target: 'torch:int64', reason: 'torch dtype' },
  { target: 'torch:int7', reason: 'torch dtype' },
  { target: 'torch:int8', reason: 'torch dtype' },
  { target: 'torch:long', reason: 'torch dtype' },
  { target: 'torch:qint32', reason: 'torch dtype' },
  { target: 'torch:qint8', reason: 'torch dtype' },
  { target: 'torch:quint2x4', reason: 'torch dtype' },
  { target: 'torch:quint4x2', reason: 'torch dtype' },
  { target: 'torch:quint8', reason: 'torch dtype' },
  { target: 'torch:short', reason: 'torch dtype' },
  { target: 'torch:uint1', reason: 'torch dtype' },
  { target: 'torch:uint16', reason: 'torch dtype' },
  { target: 'torch:uint2', reason: 'torch dtype' },
  { target: 'torch:uint3', reason: 'torch dtype' },
  { target: 'torch:uint32', reason: 'torch dtype' },
  { target: 'torch:uint4', reason: 'torch dtype' },
  { target: 'torch:uint5', reason: 'torch dtype' },
  { target: 'torch:uint6', reason: 'torch dtype' },
  { target: 'torch:uint64', reason: 'torch dtype' },
  { target: 'torch:uint7', reason: 'torch dtype' },
  { target: 'torch:uint8', reason: 'torch dtype' },
  { target: 'torch:per_channel_affine', reason: 'torch quantization scheme' },
  { target: 'torch:per_channel_affine_float_qparams', reason: 'torch quantization scheme' },
  { target: 'torch:per_channel_symmetric', reason: 'torch quantization scheme' },
  { target: 'torch:per_tensor_affine', reason: 'torch quantization scheme' },
  { target: 'torch:per_tensor_symmetric', reason: 'torch quantization scheme' },
  // torch.nn: whole-module saves (torch.save(model)) pickle the layer classes, their hook objects
  // and activation functions stored as attributes (TransformerEncoderLayer keeps F.relu).
  {
    target: 'torch.nn.modules.**:[A-Z]*',
    reason:
      'torch.nn layer classes (Linear, Conv2d, LSTM, Sequential...). The torch.nn.modules package holds layers and their helpers; the other capitalised names it imports are typing forms (TypeVar, NamedTuple, Protocol...) and collections.OrderedDict, all inert',
  },
  {
    target: 'torch.nn.modules.module:_WrappedHook',
    reason:
      "hook wrapper kept in a module's hook dicts; calls arg 0 when the hook fires, after load",
    invokesArgs: [0],
  },
  {
    target: 'torch.nn.utils.weight_norm:WeightNorm',
    reason: 'forward pre-hook object of the deprecated weight_norm',
  },
  {
    target: 'torch.nn.utils.spectral_norm:SpectralNorm',
    reason: 'hook object of the deprecated spectral_norm',
  },
  {
    target: 'torch.nn.utils.spectral_norm:SpectralNormStateDictHook',
    reason: 'state-dict hook of spectral_norm',
  },
  {
    target: 'torch.nn.utils.spectral_norm:SpectralNormLoadStateDictPreHook',
    reason: 'load-state-dict hook of spectral_norm',
  },
  {
    target: 'torch.nn.functional:relu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:relu6',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:gelu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:silu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:mish',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:elu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:selu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:celu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:leaky_relu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:rrelu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:glu',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:hardtanh',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:hardswish',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:hardsigmoid',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:sigmoid',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:tanh',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:softplus',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:softsign',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:softmax',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:softmin',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:log_softmax',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:logsigmoid',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:tanhshrink',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:softshrink',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch.nn.functional:hardshrink',
    reason: 'activation function stored as a layer attribute (math only)',
  },
  {
    target: 'torch._C._nn:gelu',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:softplus',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:log_sigmoid',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:softshrink',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:silu',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:mish',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:hardswish',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:hardsigmoid',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:elu',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:leaky_relu',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:hardtanh',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:relu6',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  {
    target: 'torch._C._nn:glu',
    reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
  },
  // Whole transformers models saved with torch.save(model): the modeling and configuration
  // classes, rebuilt with __new__ and a state dict (nn.Module.__setstate__ only updates it).
  // Tokenizer, processor and feature-extractor modules are not covered: several of their
  // __setstate__ methods load files or external tokenizers named in the state.
  {
    target: 'transformers.models.*.modeling_*:[A-Z]*',
    reason: 'transformers model and layer classes (nn.Module subclasses) of whole-model saves',
    newOnly: true,
  },
  {
    target: 'transformers.models.*.configuration_*:[A-Z]*',
    reason: 'transformers model configurations held by whole-model saves',
    newOnly: true,
  },
  {
    target: 'transformers.activations:[A-Z]*',
    reason: 'activation modules (GELUActivation…) inside whole-model saves',
    newOnly: true,
  },
  {
    target: 'transformers.pytorch_utils:Conv1D',
    reason: 'GPT-2 style linear layer module',
    newOnly: true,
  },
  {
    target: 'transformers.generation.configuration_utils:GenerationConfig',
    reason: 'generation settings held by whole-model saves',
    newOnly: true,
  },
  {
    target: 'transformers.modeling_outputs:[A-Z]*',
    reason: 'model output dataclasses; their reduce calls the dataclass with its field values',
  },
  // Hugging Face transformers / accelerate / tokenizers: training_args.bin (TrainingArguments saved
  // with torch.save by every Trainer), configs, tokenizers.Tokenizer. Real files build these with
  // NEWOBJ (cls.__new__ only); the reasons say what __init__ would do if called with arguments.
  {
    target: 'transformers.training_args:TrainingArguments',
    reason:
      'Trainer hyper-parameters (dataclass). Called with positional arguments, __post_init__ validates them and reads the deepspeed / fsdp / accelerator JSON config files they name; no code runs',
    newOnly: true,
  },
  {
    target: 'transformers.training_args_seq2seq:Seq2SeqTrainingArguments',
    reason: 'TrainingArguments subclass of seq2seq trainers; same behaviour',
    newOnly: true,
  },
  {
    target: 'transformers.training_args:OptimizerNames',
    reason: 'enum of optimizer names; lookup by value',
  },
  { target: 'transformers.training_args:ParallelMode', reason: 'enum; lookup by value' },
  {
    target: 'transformers.trainer_utils:IntervalStrategy',
    reason: 'enum stored in TrainingArguments; lookup by value',
  },
  {
    target: 'transformers.trainer_utils:SaveStrategy',
    reason: 'enum stored in TrainingArguments; lookup by value',
  },
  {
    target: 'transformers.trainer_utils:HubStrategy',
    reason: 'enum stored in TrainingArguments; lookup by value',
  },
  {
    target: 'transformers.trainer_utils:SchedulerType',
    reason: 'enum stored in TrainingArguments; lookup by value',
  },
  {
    target: 'transformers.trainer_utils:FSDPOption',
    reason: 'enum stored in TrainingArguments; lookup by value',
  },
  {
    target: 'transformers.trainer_utils:EvaluationStrategy',
    reason: 'enum of transformers 4.x TrainingArguments; lookup by value',
  },
  {
    target: 'transformers.trainer_utils:ShardedDDPOption',
    reason: 'enum of transformers 4.x TrainingArguments; lookup by value',
  },
  {
    target: 'transformers.debug_utils:DebugOption',
    reason: 'enum stored in TrainingArguments.debug; lookup by value',
  },
  {
    target: 'transformers.trainer_pt_utils:AcceleratorConfig',
    reason: 'dataclass of accelerator options in TrainingArguments',
  },
  {
    target: 'transformers.generation.configuration_utils:GenerationConfig',
    reason: 'generation settings; __init__ takes keywords only',
  },
  {
    target: 'transformers.configuration_utils:PretrainedConfig',
    reason: 'model config base class (hyper-parameters)',
  },
  {
    target: 'transformers.models.bert.configuration_bert:BertConfig',
    reason: 'BERT model config (hyper-parameters)',
  },
  {
    target: 'accelerate.state:PartialState',
    reason:
      "accelerate's process-state singleton, stored in TrainingArguments.distributed_state. __init__ takes one positional flag (cpu) and sets up the process group that the environment variables describe, as any training run does",
    newOnly: true,
  },
  {
    target: 'accelerate.utils.dataclasses:DistributedType',
    reason: 'enum stored in PartialState; lookup by value',
  },
  { target: 'accelerate.utils.dataclasses:DynamoBackend', reason: 'enum; lookup by value' },
  { target: 'accelerate.utils.dataclasses:PrecisionType', reason: 'enum; lookup by value' },
  { target: 'accelerate.utils.dataclasses:ComputeEnvironment', reason: 'enum; lookup by value' },
  {
    target: 'accelerate.utils.dataclasses:SageMakerDistributedType',
    reason: 'enum; lookup by value',
  },
  { target: 'accelerate.utils.dataclasses:RNGType', reason: 'enum; lookup by value' },
  {
    target: 'tokenizers:Tokenizer',
    reason: 'Rust tokenizer; state is its JSON, parsed without touching files',
  },
  { target: 'tokenizers:AddedToken', reason: 'added-token value' },
  {
    target: 'tokenizers.models:Model',
    reason:
      'base model class, the reduce target of every tokenizers model; takes no argument (BPE, WordPiece... are left out: they read vocabulary files named by their arguments)',
  },
  // scikit-learn: the estimator packages by class-name glob ([A-Z]* public, _[A-Z]* private such
  // as _BinMapper). They hold estimator, transformer and fitted-state classes (Cython Tree,
  // KDTree, loss objects) and no I/O; an estimator's __init__ only stores its parameters.
  // Other capitalised names the globs reach (list_globals.py --audit-safe): numbers/abc ABCs,
  // collections.Counter, io.StringIO, numpy.ma.MaskedArray, scipy BSpline, warning classes,
  // sklearn's joblib Parallel subclass (inert until called) and abc.ABCMeta (builds a class;
  // runs only the metaclass / __init_subclass__ of bases, which are globals of their own).
  // Never sklearn.datasets (fetch_* use the network), sklearn.utils, sklearn.externals.
  { target: 'sklearn.linear_model.**:[A-Z]*', reason: 'classes of sklearn.linear_model' },
  { target: 'sklearn.ensemble.**:[A-Z]*', reason: 'classes of sklearn.ensemble' },
  { target: 'sklearn.tree.**:[A-Z]*', reason: 'classes of sklearn.tree' },
  { target: 'sklearn.svm.**:[A-Z]*', reason: 'classes of sklearn.svm' },
  { target: 'sklearn.cluster.**:[A-Z]*', reason: 'classes of sklearn.cluster' },
  { target: 'sklearn.decomposition.**:[A-Z]*', reason: 'classes of sklearn.decomposition' },
  { target: 'sklearn.preprocessing.**:[A-Z]*', reason: 'classes of sklearn.preprocessing' },
  {
    target: 'sklearn.feature_extraction.**:[A-Z]*',
    reason: 'classes of sklearn.feature_extraction',
  },
  { target: 'sklearn.compose.**:[A-Z]*', reason: 'classes of sklearn.compose' },
  { target: 'sklearn.neighbors.**:[A-Z]*', reason: 'classes of sklearn.neighbors' },
  { target: 'sklearn.neural_network.**:[A-Z]*', reason: 'classes of sklearn.neural_network' },
  { target: 'sklearn.impute.**:[A-Z]*', reason: 'classes of sklearn.impute' },
  { target: 'sklearn.feature_selection.**:[A-Z]*', reason: 'classes of sklearn.feature_selection' },
  { target: 'sklearn.model_selection.**:[A-Z]*', reason: 'classes of sklearn.model_selection' },
  { target: 'sklearn.gaussian_process.**:[A-Z]*', reason: 'classes of sklearn.gaussian_process' },
  { target: 'sklearn.mixture.**:[A-Z]*', reason: 'classes of sklearn.mixture' },
  { target: 'sklearn.manifold.**:[A-Z]*', reason: 'classes of sklearn.manifold' },
  { target: 'sklearn.covariance.**:[A-Z]*', reason: 'classes of sklearn.covariance' },
  {
    target: 'sklearn.cross_decomposition.**:[A-Z]*',
    reason: 'classes of sklearn.cross_decomposition',
  },
  { target: 'sklearn.semi_supervised.**:[A-Z]*', reason: 'classes of sklearn.semi_supervised' },
  { target: 'sklearn.frozen.**:[A-Z]*', reason: 'classes of sklearn.frozen' },
  { target: 'sklearn._loss.**:[A-Z]*', reason: 'classes of sklearn._loss' },
  { target: 'sklearn.pipeline:[A-Z]*', reason: 'classes of sklearn.pipeline' },
  { target: 'sklearn.naive_bayes:[A-Z]*', reason: 'classes of sklearn.naive_bayes' },
  { target: 'sklearn.dummy:[A-Z]*', reason: 'classes of sklearn.dummy' },
  { target: 'sklearn.calibration:[A-Z]*', reason: 'classes of sklearn.calibration' },
  { target: 'sklearn.multiclass:[A-Z]*', reason: 'classes of sklearn.multiclass' },
  { target: 'sklearn.multioutput:[A-Z]*', reason: 'classes of sklearn.multioutput' },
  {
    target: 'sklearn.kernel_approximation:[A-Z]*',
    reason: 'classes of sklearn.kernel_approximation',
  },
  { target: 'sklearn.kernel_ridge:[A-Z]*', reason: 'classes of sklearn.kernel_ridge' },
  { target: 'sklearn.isotonic:[A-Z]*', reason: 'classes of sklearn.isotonic' },
  {
    target: 'sklearn.discriminant_analysis:[A-Z]*',
    reason: 'classes of sklearn.discriminant_analysis',
  },
  { target: 'sklearn.random_projection:[A-Z]*', reason: 'classes of sklearn.random_projection' },
  { target: 'sklearn.linear_model.**:_[A-Z]*', reason: 'private classes of sklearn.linear_model' },
  { target: 'sklearn.ensemble.**:_[A-Z]*', reason: 'private classes of sklearn.ensemble' },
  { target: 'sklearn.tree.**:_[A-Z]*', reason: 'private classes of sklearn.tree' },
  { target: 'sklearn.svm.**:_[A-Z]*', reason: 'private classes of sklearn.svm' },
  { target: 'sklearn.cluster.**:_[A-Z]*', reason: 'private classes of sklearn.cluster' },
  {
    target: 'sklearn.decomposition.**:_[A-Z]*',
    reason: 'private classes of sklearn.decomposition',
  },
  {
    target: 'sklearn.preprocessing.**:_[A-Z]*',
    reason: 'private classes of sklearn.preprocessing',
  },
  {
    target: 'sklearn.feature_extraction.**:_[A-Z]*',
    reason: 'private classes of sklearn.feature_extraction',
  },
  { target: 'sklearn.compose.**:_[A-Z]*', reason: 'private classes of sklearn.compose' },
  { target: 'sklearn.neighbors.**:_[A-Z]*', reason: 'private classes of sklearn.neighbors' },
  {
    target: 'sklearn.neural_network.**:_[A-Z]*',
    reason: 'private classes of sklearn.neural_network',
  },
  { target: 'sklearn.impute.**:_[A-Z]*', reason: 'private classes of sklearn.impute' },
  {
    target: 'sklearn.feature_selection.**:_[A-Z]*',
    reason: 'private classes of sklearn.feature_selection',
  },
  {
    target: 'sklearn.model_selection.**:_[A-Z]*',
    reason: 'private classes of sklearn.model_selection',
  },
  {
    target: 'sklearn.gaussian_process.**:_[A-Z]*',
    reason: 'private classes of sklearn.gaussian_process',
  },
  { target: 'sklearn.mixture.**:_[A-Z]*', reason: 'private classes of sklearn.mixture' },
  { target: 'sklearn.manifold.**:_[A-Z]*', reason: 'private classes of sklearn.manifold' },
  { target: 'sklearn.covariance.**:_[A-Z]*', reason: 'private classes of sklearn.covariance' },
  {
    target: 'sklearn.cross_decomposition.**:_[A-Z]*',
    reason: 'private classes of sklearn.cross_decomposition',
  },
  {
    target: 'sklearn.semi_supervised.**:_[A-Z]*',
    reason: 'private classes of sklearn.semi_supervised',
  },
  { target: 'sklearn.frozen.**:_[A-Z]*', reason: 'private classes of sklearn.frozen' },
  { target: 'sklearn._loss.**:_[A-Z]*', reason: 'private classes of sklearn._loss' },
  { target: 'sklearn.pipeline:_[A-Z]*', reason: 'private classes of sklearn.pipeline' },
  { target: 'sklearn.naive_bayes:_[A-Z]*', reason: 'private classes of sklearn.naive_bayes' },
  { target: 'sklearn.dummy:_[A-Z]*', reason: 'private classes of sklearn.dummy' },
  { target: 'sklearn.calibration:_[A-Z]*', reason: 'private classes of sklearn.calibration' },
  { target: 'sklearn.multiclass:_[A-Z]*', reason: 'private classes of sklearn.multiclass' },
  { target: 'sklearn.multioutput:_[A-Z]*', reason: 'private classes of sklearn.multioutput' },
  {
    target: 'sklearn.kernel_approximation:_[A-Z]*',
    reason: 'private classes of sklearn.kernel_approximation',
  },
  { target: 'sklearn.kernel_ridge:_[A-Z]*', reason: 'private classes of sklearn.kernel_ridge' },
  { target: 'sklearn.isotonic:_[A-Z]*', reason: 'private classes of sklearn.isotonic' },
  {
    target: 'sklearn.discriminant_analysis:_[A-Z]*',
    reason: 'private classes of sklearn.discriminant_analysis',
  },
  {
    target: 'sklearn.random_projection:_[A-Z]*',
    reason: 'private classes of sklearn.random_projection',
  },
  {
    target: 'sklearn.neighbors.**:newObj',
    reason: 'Cython reduce helper of KDTree/BallTree: cls.__new__(cls)',
    invokesArgs: [0],
  },
  {
    target: 'sklearn.metrics._dist_metrics:newObj',
    reason: 'Cython reduce helper of distance metrics: cls.__new__(cls)',
    invokesArgs: [0],
  },
  {
    target: 'sklearn.metrics._dist_metrics:BrayCurtisDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:BrayCurtisDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:CanberraDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:CanberraDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:ChebyshevDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:ChebyshevDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:DiceDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:DiceDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:EuclideanDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:EuclideanDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:HammingDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:HammingDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:HaversineDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:HaversineDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:JaccardDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:JaccardDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:KulsinskiDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:KulsinskiDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:MahalanobisDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:MahalanobisDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:ManhattanDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:ManhattanDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:MatchingDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:MatchingDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:MinkowskiDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:MinkowskiDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:RogersTanimotoDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:RogersTanimotoDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:RussellRaoDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:RussellRaoDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:SEuclideanDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:SEuclideanDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:SokalMichenerDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:SokalMichenerDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:SokalSneathDistance64',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  {
    target: 'sklearn.metrics._dist_metrics:SokalSneathDistance32',
    reason: 'distance metric of KDTree/BallTree/KNN',
  },
  { target: 'sklearn.metrics._dist_metrics:DistanceMetric', reason: 'distance metric base class' },
  {
    target: 'sklearn._loss._loss:__pyx_unpickle_Cy*',
    reason: 'Cython unpickle helpers of the loss classes: CyXxx.__new__(arg 0) after a checksum',
    invokesArgs: [0],
  },
  {
    target: 'sklearn.metrics._scorer:_*Scorer',
    reason: 'scorer objects kept by GridSearchCV and friends',
  },
  {
    target: 'sklearn.metrics.**:*_score',
    reason: 'metric function referenced by a scorer (math on arrays)',
  },
  {
    target: 'sklearn.metrics.**:*_error',
    reason: 'metric function referenced by a scorer (math on arrays)',
  },
  {
    target: 'sklearn.metrics.**:*_loss',
    reason: 'metric function referenced by a scorer (math on arrays)',
  },
  {
    target: 'sklearn.metrics._classification:matthews_corrcoef',
    reason: 'metric function referenced by a scorer',
  },
  {
    target: 'sklearn.feature_selection._univariate_selection:f_classif',
    reason: 'score_func of SelectKBest (statistics)',
  },
  {
    target: 'sklearn.feature_selection._univariate_selection:f_regression',
    reason: 'score_func of SelectKBest',
  },
  {
    target: 'sklearn.feature_selection._univariate_selection:r_regression',
    reason: 'score_func of SelectKBest',
  },
  {
    target: 'sklearn.feature_selection._univariate_selection:chi2',
    reason: 'score_func of SelectKBest',
  },
  {
    target: 'sklearn.feature_selection._univariate_selection:f_oneway',
    reason: 'statistics helper of f_classif',
  },
  {
    target: 'sklearn.feature_selection._mutual_info:mutual_info_classif',
    reason: 'score_func of SelectKBest',
  },
  {
    target: 'sklearn.feature_selection._mutual_info:mutual_info_regression',
    reason: 'score_func of SelectKBest',
  },
  {
    target: 'sklearn.compose._column_transformer:make_column_selector',
    reason: 'column selector object (stores patterns)',
  },
  {
    target: 'sklearn.compose._column_transformer:_RemainderColsList',
    reason: 'list of remainder columns (scikit-learn 1.5-1.7)',
  },
  {
    target: 'sklearn.utils._bunch:Bunch',
    reason: 'dict with attribute access (named_transformers_, cv results)',
  },
  // joblib: the array placeholder of joblib.dump; the array bytes follow it in the stream (or a
  // nested pickle for object arrays, read with the same find_class).
  {
    target: 'joblib.numpy_pickle:NumpyArrayWrapper',
    reason: 'joblib array placeholder (shape, dtype, order)',
  },
  {
    target: 'sklearn.externals.joblib.numpy_pickle:NumpyArrayWrapper',
    reason: 'the same in joblib as vendored by scikit-learn < 0.23',
  },
  // joblib < 0.10: NDArrayWrapper / ZNDArrayWrapper only carry the name of the file beside the
  // pickle that holds the array, and are inert under pickle.load. The risk is that file, which
  // joblib.load np.load()s with allow_pickle=True: the joblib scanner checks their state and
  // scans the file it names (scan/archive/joblib.ts).
  ...[
    'joblib.numpy_pickle',
    'joblib.numpy_pickle_compat',
    'sklearn.externals.joblib.numpy_pickle',
    'sklearn.externals.joblib.numpy_pickle_compat',
  ].flatMap((module): SafeEntry[] => [
    {
      target: `${module}:NDArrayWrapper`,
      reason: 'joblib < 0.10 array placeholder (file name, subclass); the file it names is scanned',
      newOnly: true,
    },
    {
      target: `${module}:ZNDArrayWrapper`,
      reason:
        'joblib < 0.10 compressed-array placeholder (file name, reconstruct arguments, state); its zlib file only reaches ndarray.__setstate__ as raw bytes',
      newOnly: true,
    },
  ]),
  // networkx graphs (gpickles, graphs stored in models): the four graph classes define no
  // __setstate__ or __reduce__, so BUILD fills __dict__ with plain dicts; __new__ is
  // object.__new__ behind the backend dispatcher. Cached views (G.nodes, G.edges…) pickled with
  // them restore their few fields in __setstate__. Filter callables they hold are globals of
  // their own. Rebuilt with __new__ only: called, __init__ converts any input data.
  ...(
    [
      ['networkx.classes.graph', ['Graph']],
      ['networkx.classes.digraph', ['DiGraph']],
      ['networkx.classes.multigraph', ['MultiGraph']],
      ['networkx.classes.multidigraph', ['MultiDiGraph']],
      [
        'networkx.classes.ordered',
        ['OrderedGraph', 'OrderedDiGraph', 'OrderedMultiGraph', 'OrderedMultiDiGraph'],
      ],
      [
        'networkx.classes.reportviews',
        [
          'NodeView',
          'NodeDataView',
          'DiDegreeView',
          'DegreeView',
          'OutDegreeView',
          'InDegreeView',
          'MultiDegreeView',
          'DiMultiDegreeView',
          'InMultiDegreeView',
          'OutMultiDegreeView',
          'OutEdgeDataView',
          'EdgeDataView',
          'InEdgeDataView',
          'OutMultiEdgeDataView',
          'MultiEdgeDataView',
          'InMultiEdgeDataView',
          'OutEdgeView',
          'EdgeView',
          'InEdgeView',
          'OutMultiEdgeView',
          'MultiEdgeView',
          'InMultiEdgeView',
        ],
      ],
      [
        'networkx.classes.coreviews',
        [
          'AtlasView',
          'AdjacencyView',
          'MultiAdjacencyView',
          'UnionAtlas',
          'UnionAdjacency',
          'UnionMultiInner',
          'UnionMultiAdjacency',
          'FilterAtlas',
          'FilterAdjacency',
          'FilterMultiInner',
          'FilterMultiAdjacency',
        ],
      ],
    ] as const
  ).flatMap(([module, names]) =>
    names.map((name): SafeEntry => ({
      target: `${module}:${name}`,
      reason: 'networkx graph or graph view: plain dicts in its state',
      newOnly: true,
    })),
  ),
  {
    target: 'networkx.classes.function:frozen',
    reason:
      'what nx.freeze stores as the mutators of a frozen graph or view: it only raises NetworkXError',
  },
  ...[
    'no_filter',
    'hide_nodes',
    'hide_diedges',
    'hide_edges',
    'hide_multidiedges',
    'hide_multiedges',
    'show_nodes',
    'show_diedges',
    'show_edges',
    'show_multidiedges',
    'show_multiedges',
  ].map((name): SafeEntry => ({
    target: `networkx.classes.filters:${name}`,
    reason: 'networkx node/edge filter of subgraph views: a membership test',
  })),
  // statsmodels results (results.save() pickles them): models, results and their wrappers are
  // plain objects rebuilt with __new__ and a __dict__ (ResultsWrapper.__setstate__ updates it,
  // NegativeBinomial's re-binds its methods). Exception: ModelData and its subclasses evaluate
  // the model formula in __setstate__ when the state asks to rebuild the design (checked on
  // BUILD). Only the model packages: never statsmodels.distributions or sandbox (subclasses of
  // scipy.stats distributions, whose __setstate__ exec()s), iolib (files), datasets, graphics.
  ...['ModelData', 'PandasData', 'PatsyData', 'FormulaicData'].map((name): SafeEntry => ({
    target: `statsmodels.base.data:${name}`,
    reason:
      'model data (endog, exog, row and column labels); __setstate__ evaluates the formula when restore_model_spec is set: state verified',
    newOnly: true,
    stateCheck: 'statsmodels-formula',
  })),
  ...[
    'base',
    'regression',
    'genmod',
    'discrete',
    'tsa',
    'duration',
    'robust',
    'multivariate',
    'gam',
    'othermod',
    'miscmodels',
    'imputation',
    'treatment',
  ].map((pkg): SafeEntry => ({
    target: `statsmodels.${pkg}.**:[A-Z]*`,
    reason:
      'statsmodels model, results and helper classes, rebuilt with __new__ and a plain __dict__',
    newOnly: true,
  })),
  {
    target: 'statsmodels.tsa.statespace._*:[csdz][A-Z]*',
    reason:
      'Cython state-space objects (dStatespace, zKalmanFilter, cInitialization…): their __reduce__ calls the class with the arrays and flags they hold',
  },
  {
    target: 'statsmodels.tools.tools:Bunch',
    reason: 'dict with attribute access (results bunches)',
    newOnly: true,
  },
  ...['ResettableCache', 'CachedAttribute', 'CachedWritableAttribute', 'cache_readonly'].map(
    (name): SafeEntry => ({
      target: `statsmodels.tools.decorators:${name}`,
      reason: 'results cache of statsmodels < 0.12 (a dict subclass) and its descriptors',
      newOnly: true,
    }),
  ),
  // dill and cloudpickle write plain data through a few helpers of their own: numpy arrays and
  // dtypes (dill._dill._create_array calls arg 0, numpy's reconstructor, then __setstate__), and
  // type lookups by name (dill._dill._load_type, cloudpickle's _builtin_type) and singleton
  // reprs (dill._dill._eval_repr), which the machine resolves to what they return
  // (knowledge/callables/lookups.ts). Everything else of theirs rebuilds code and stays
  // dangerous.
  ...['dill._dill', 'dill.dill'].flatMap((module): SafeEntry[] => [
    {
      target: `${module}:_create_array`,
      reason: 'dill numpy array: f(*args) then __setstate__(state); f judged as invoked',
      invokesArgs: [0],
      exemptFromNamespace: true,
    },
    {
      target: `${module}:_create_dtypemeta`,
      reason: 'dill numpy dtype class: type(numpy.dtype(scalar_type))',
      exemptFromNamespace: true,
    },
  ]),
  // numpy.vectorize stores a Python callable and calls it only when the application calls the
  // vectorized function (scipy.stats distributions keep several); the stored callable is judged
  // as an import of its own.
  {
    target: 'numpy:vectorize',
    reason: 'wraps a callable for element-wise calls; nothing runs at load',
  },
  {
    target: 'numpy.lib._function_base_impl:vectorize',
    reason: 'numpy.vectorize under its numpy 2 module',
  },
  {
    target: 'numpy.lib.function_base:vectorize',
    reason: 'numpy.vectorize under its numpy 1 module',
  },
  // scipy.stats distributions (RandomizedSearchCV parameter grids). rv_generic.__setstate__
  // exec()s the _parse_arg_template string from the state, so they are safe only when that
  // string is the parser scipy itself generates: the machine checks it on BUILD.
  {
    target: 'scipy.stats._continuous_distns:*_gen',
    reason: 'continuous distribution objects; state verified (exec of _parse_arg_template)',
    stateCheck: 'scipy-argparser',
  },
  {
    target: 'scipy.stats._discrete_distns:*_gen',
    reason: 'discrete distribution objects; state verified (exec of _parse_arg_template)',
    stateCheck: 'scipy-argparser',
  },
  {
    target: 'scipy.stats._distn_infrastructure:rv_*',
    reason:
      'distribution base and frozen-distribution classes; state verified (exec of _parse_arg_template)',
    stateCheck: 'scipy-argparser',
  },
  // scipy.sparse matrices and arrays (exact names: their modules also import the sparsetools
  // kernels, which trust their index arguments). Not scipy.stats distributions: their
  // __setstate__ exec()s the _parse_arg_template string stored in the pickle.
  { target: 'scipy.sparse._bsr:bsr_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
  { target: 'scipy.sparse._coo:coo_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
  { target: 'scipy.sparse._csc:csc_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
  { target: 'scipy.sparse._csr:csr_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
  { target: 'scipy.sparse._dia:dia_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
  { target: 'scipy.sparse._dok:dok_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
  { target: 'scipy.sparse._lil:lil_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
  { target: 'scipy.sparse._bsr:bsr_array', reason: 'sparse array class (scipy >= 1.11 module)' },
  { target: 'scipy.sparse._coo:coo_array', reason: 'sparse array class (scipy >= 1.11 module)' },
  { target: 'scipy.sparse._csc:csc_array', reason: 'sparse array class (scipy >= 1.11 module)' },
  { target: 'scipy.sparse._csr:csr_array', reason: 'sparse array class (scipy >= 1.11 module)' },
  { target: 'scipy.sparse._dia:dia_array', reason: 'sparse array class (scipy >= 1.11 module)' },
  { target: 'scipy.sparse._dok:dok_array', reason: 'sparse array class (scipy >= 1.11 module)' },
  { target: 'scipy.sparse._lil:lil_array', reason: 'sparse array class (scipy >= 1.11 module)' },
  { target: 'scipy.sparse.bsr:bsr_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
  { target: 'scipy.sparse.coo:coo_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
  { target: 'scipy.sparse.csc:csc_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
  { target: 'scipy.sparse.csr:csr_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
  { target: 'scipy.sparse.dia:dia_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
  { target: 'scipy.sparse.dok:dok_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
  { target: 'scipy.sparse.lil:lil_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
  {
    target: 'scipy.sparse._arrays:bsr_array',
    reason: 'sparse array class (scipy 1.8-1.10 module)',
  },
  {
    target: 'scipy.sparse._arrays:coo_array',
    reason: 'sparse array class (scipy 1.8-1.10 module)',
  },
  {
    target: 'scipy.sparse._arrays:csc_array',
    reason: 'sparse array class (scipy 1.8-1.10 module)',
  },
  {
    target: 'scipy.sparse._arrays:csr_array',
    reason: 'sparse array class (scipy 1.8-1.10 module)',
  },
  {
    target: 'scipy.sparse._arrays:dia_array',
    reason: 'sparse array class (scipy 1.8-1.10 module)',
  },
  {
    target: 'scipy.sparse._arrays:dok_array',
    reason: 'sparse array class (scipy 1.8-1.10 module)',
  },
  {
    target: 'scipy.sparse._arrays:lil_array',
    reason: 'sparse array class (scipy 1.8-1.10 module)',
  },
  {
    target: 'scipy.interpolate._bsplines:BSpline',
    reason: 'B-spline (knots and coefficients) kept by SplineTransformer',
  },
  {
    target: 'scipy._lib.array_api_compat.numpy._aliases:asarray',
    reason: 'numpy.asarray wrapper that BSpline keeps as its array namespace function',
  },
  {
    target: 'scipy.optimize._optimize:OptimizeResult',
    reason: "dict subclass holding an optimizer's result",
  },
  // pyarrow: what pandas frames with Arrow-backed columns (pandas 3's default string dtype) and
  // pyarrow tables pickle to: data type factories, buffers over the pickle's own bytes, and the
  // array, chunked-array, table and record-batch rebuilders. Not pyarrow's readers (memory_map,
  // read_schema, read_tensor), foreign_buffer (a raw address), nor anything that deserializes
  // extension-type metadata again.
  ...[
    '_restore_array',
    '_reconstruct_table',
    '_reconstruct_record_batch',
    'chunked_array',
    'py_buffer',
    'type_for_alias',
    'field',
    'schema',
    'null',
    'bool_',
    'bool8',
    'int8',
    'int16',
    'int32',
    'int64',
    'uint8',
    'uint16',
    'uint32',
    'uint64',
    'float16',
    'float32',
    'float64',
    'decimal32',
    'decimal64',
    'decimal128',
    'decimal256',
    'date32',
    'date64',
    'time32',
    'time64',
    'timestamp',
    'duration',
    'month_day_nano_interval',
    'binary',
    'binary_view',
    'large_binary',
    'string',
    'string_view',
    'utf8',
    'large_string',
    'large_utf8',
    'list_',
    'list_view',
    'large_list',
    'large_list_view',
    'map_',
    'struct',
    'dictionary',
    'union',
    'dense_union',
    'sparse_union',
    'run_end_encoded',
    'fixed_shape_tensor',
    'json_',
    'uuid',
    'opaque',
  ].map((name): SafeEntry => ({
    target: `pyarrow.lib:${name}`,
    reason: 'pyarrow data type factory or array/table rebuilder over data in the pickle',
  })),
  // pandas: frames, series, indexes, extension arrays and dtypes (exact names at the top level:
  // pandas also exports read_*, eval, ExcelFile, HDFStore...).
  { target: 'pandas:DataFrame', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Series', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Index', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:RangeIndex', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:MultiIndex', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:IntervalIndex', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:PeriodIndex', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:DatetimeIndex', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:TimedeltaIndex', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:CategoricalIndex', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Categorical', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:CategoricalDtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:DatetimeTZDtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:PeriodDtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:IntervalDtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:SparseDtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:StringDtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:ArrowDtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:BooleanDtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Int8Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Int16Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Int32Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Int64Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:UInt8Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:UInt16Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:UInt32Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:UInt64Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Float32Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Float64Dtype', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Period', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Timestamp', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Timedelta', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:Interval', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:DateOffset', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:NA', reason: 'pandas data class or missing-value singleton' },
  { target: 'pandas:NaT', reason: 'pandas data class or missing-value singleton' },
  {
    target: 'pandas.arrays:[A-Z]*Array',
    reason: 'pandas.arrays holds only extension array classes',
  },
  { target: 'pandas.arrays:Categorical', reason: 'categorical extension array' },
  {
    target: 'pandas.core.frame:DataFrame',
    reason: 'DataFrame under its defining module (pandas < 3)',
  },
  { target: 'pandas.core.series:Series', reason: 'Series under its defining module (pandas < 3)' },
  {
    target: 'pandas.core.indexes.**:[A-Z]*',
    reason: 'Index classes; the package holds indexes and their accessors only',
  },
  {
    target: 'pandas.core.indexes.**:_new_*',
    reason:
      'Index reduce helpers (_new_Index, _new_DatetimeIndex...): cls.__new__ / cls._simple_new(...)',
    invokesArgs: [0],
  },
  {
    target: 'pandas.core.arrays.boolean:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.categorical:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.datetimes:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.floating:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.integer:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.interval:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.masked:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.numeric:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.numpy_:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.period:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.string_:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.string_arrow:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.timedeltas:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.sparse.array:[A-Z]*',
    reason: 'extension array and dtype classes (pandas < 3 module names)',
  },
  {
    target: 'pandas.core.arrays.arrow.array:ArrowExtensionArray',
    reason: 'pyarrow-backed extension array',
  },
  {
    target: 'pandas.core.dtypes.dtypes:[A-Z]*Dtype',
    reason: 'pandas dtype classes (CategoricalDtype...)',
  },
  {
    target: 'pandas.core.internals.**:[A-Z]*',
    reason: 'block manager and block classes of DataFrame state',
  },
  {
    target: 'pandas.core.internals.blocks:new_block',
    reason: 'block factory of older DataFrame pickles',
  },
  {
    target: 'pandas.core.internals.blocks:new_block_2d',
    reason: 'block factory of older DataFrame pickles',
  },
  {
    target: 'pandas._libs.internals:_unpickle_block',
    reason: 'block reduce: new_block(values, placement, ndim)',
  },
  { target: 'pandas._libs.internals:BlockPlacement', reason: 'block placement (slice or indices)' },
  {
    target: 'pandas._libs.arrays:__pyx_unpickle_NDArrayBacked',
    reason: 'Cython unpickle helper: NDArrayBacked.__new__(arg 0) after a checksum, then state',
    invokesArgs: [0],
  },
  { target: 'pandas._libs.tslibs.timestamps:_unpickle_timestamp', reason: 'Timestamp reduce' },
  { target: 'pandas._libs.tslibs.timestamps:Timestamp', reason: 'Timestamp class' },
  { target: 'pandas._libs.tslibs.timedeltas:_timedelta_unpickle', reason: 'Timedelta reduce' },
  { target: 'pandas._libs.tslibs.timedeltas:Timedelta', reason: 'Timedelta class' },
  { target: 'pandas._libs.tslibs.nattype:_nat_unpickle', reason: 'NaT reduce' },
  { target: 'pandas._libs.tslibs.period:Period', reason: 'Period class' },
  { target: 'pandas._libs.interval:Interval', reason: 'Interval class' },
  { target: 'pandas._libs.sparse:IntIndex', reason: 'sparse index of SparseArray' },
  { target: 'pandas._libs.sparse:BlockIndex', reason: 'sparse index of SparseArray' },
  { target: 'pandas._libs.tslibs.offsets:BaseOffset', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:DateOffset', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Tick', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Day', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Hour', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Minute', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Second', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Milli', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Micro', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Nano', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:BusinessDay', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:BusinessHour', reason: 'date offset (frequency) class' },
  {
    target: 'pandas._libs.tslibs.offsets:CustomBusinessDay',
    reason: 'date offset (frequency) class',
  },
  {
    target: 'pandas._libs.tslibs.offsets:CustomBusinessHour',
    reason: 'date offset (frequency) class',
  },
  { target: 'pandas._libs.tslibs.offsets:MonthEnd', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:MonthBegin', reason: 'date offset (frequency) class' },
  {
    target: 'pandas._libs.tslibs.offsets:BusinessMonthEnd',
    reason: 'date offset (frequency) class',
  },
  {
    target: 'pandas._libs.tslibs.offsets:BusinessMonthBegin',
    reason: 'date offset (frequency) class',
  },
  {
    target: 'pandas._libs.tslibs.offsets:CustomBusinessMonthEnd',
    reason: 'date offset (frequency) class',
  },
  {
    target: 'pandas._libs.tslibs.offsets:CustomBusinessMonthBegin',
    reason: 'date offset (frequency) class',
  },
  { target: 'pandas._libs.tslibs.offsets:SemiMonthEnd', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:SemiMonthBegin', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:QuarterEnd', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:QuarterBegin', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:BQuarterEnd', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:BQuarterBegin', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:HalfYearEnd', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:HalfYearBegin', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:BHalfYearEnd', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:BHalfYearBegin', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:YearEnd', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:YearBegin', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:BYearEnd', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:BYearBegin', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Week', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:WeekOfMonth', reason: 'date offset (frequency) class' },
  {
    target: 'pandas._libs.tslibs.offsets:LastWeekOfMonth',
    reason: 'date offset (frequency) class',
  },
  { target: 'pandas._libs.tslibs.offsets:FY5253', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:FY5253Quarter', reason: 'date offset (frequency) class' },
  { target: 'pandas._libs.tslibs.offsets:Easter', reason: 'date offset (frequency) class' },
  // Gradient-boosting libraries' scikit-learn wrappers. The boosters restore from a model string
  // (parsed natively); called with a positional model_file they read that file. xgboost has no
  // fixture (not installable here): names from its stable public layout.
  { target: 'lightgbm.sklearn:LGBMClassifier', reason: 'LightGBM scikit-learn classifier' },
  { target: 'lightgbm.sklearn:LGBMRegressor', reason: 'LightGBM scikit-learn regressor' },
  { target: 'lightgbm.sklearn:LGBMRanker', reason: 'LightGBM scikit-learn ranker' },
  { target: 'lightgbm.sklearn:LGBMModel', reason: 'LightGBM scikit-learn base model' },
  {
    target: 'lightgbm.basic:Booster',
    reason: 'LightGBM booster; __setstate__ parses the model string',
    newOnly: true,
  },
  { target: 'xgboost.sklearn:XGBClassifier', reason: 'XGBoost scikit-learn classifier' },
  { target: 'xgboost.sklearn:XGBRegressor', reason: 'XGBoost scikit-learn regressor' },
  { target: 'xgboost.sklearn:XGBRanker', reason: 'XGBoost scikit-learn ranker' },
  { target: 'xgboost.sklearn:XGBRFClassifier', reason: 'XGBoost random-forest classifier' },
  { target: 'xgboost.sklearn:XGBRFRegressor', reason: 'XGBoost random-forest regressor' },
  { target: 'xgboost.sklearn:XGBModel', reason: 'XGBoost scikit-learn base model' },
  {
    target: 'xgboost.core:Booster',
    reason: 'XGBoost booster; __setstate__ loads the raw model buffer',
    newOnly: true,
  },
  {
    target: 'xgboost.compat:XGBoostLabelEncoder',
    reason: 'LabelEncoder subclass kept by xgboost 1.x classifiers',
  },
];
