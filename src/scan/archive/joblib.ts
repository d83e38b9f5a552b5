/**
 * joblib files: a pickle stream in which joblib.load reads, right after BUILD on each
 * NumpyArrayWrapper, the array's raw bytes (after an alignment padding byte and padding) or,
 * for object arrays, a nested pickle with its own memo. The machine follows the loader through
 * LoaderHooks so the opcodes after each array are read where joblib reads them. The file is
 * also judged as pickle.load would read it (array bytes taken as opcodes): what those would run
 * is reported too.
 */
import { analyzePickle } from '../pickle/analyze.js';
import type { LoaderHooks } from '../../analysis/pickle/machine.js';
import { qualifiedName, type ContainerValue, type Value } from '../../analysis/pickle/values.js';
import type { Site } from '../../analysis/pickle/values.js';
import type { SniffInput } from '../../identify/identify.js';
import type { ScanContext, ScanTarget, Scanner } from '../base.js';
import type { FindingInput } from '../../findings/finding.js';
import { BufferSource } from '../../io/source.js';
import { pathEscape, storedMember, subContext } from './members.js';

const WRAPPERS = new Set([
  'joblib.numpy_pickle.NumpyArrayWrapper',
  'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper',
]);
/** joblib < 0.10: arrays in sidecar files named by the wrapper; nothing is read from the stream. */
const SIDECAR_WRAPPERS = new Set([
  'joblib.numpy_pickle_compat.NDArrayWrapper',
  'joblib.numpy_pickle_compat.ZNDArrayWrapper',
  'joblib.numpy_pickle.NDArrayWrapper',
  'joblib.numpy_pickle.ZNDArrayWrapper',
  'sklearn.externals.joblib.numpy_pickle_compat.NDArrayWrapper',
  'sklearn.externals.joblib.numpy_pickle_compat.ZNDArrayWrapper',
  'sklearn.externals.joblib.numpy_pickle.NDArrayWrapper',
  'sklearn.externals.joblib.numpy_pickle.ZNDArrayWrapper',
]);
/** The attributes joblib < 0.10 gives its wrappers (NDArrayWrapper.__init__, ZNDArrayWrapper.__init__). */
const ND_KEYS: ReadonlySet<string> = new Set(['filename', 'subclass', 'allow_mmap']);
const ZND_KEYS: ReadonlySet<string> = new Set(['filename', 'init_args', 'state']);
/** Most sidecar files scanned for one pickle. */
const MAX_SIDECARS = 4096;
const NEWOBJ_HELPERS = new Set([
  'copyreg._reconstructor',
  'copy_reg._reconstructor',
  'copyreg.__newobj__',
  'copy_reg.__newobj__',
  'copyreg.__newobj_ex__',
]);
/** NumpyArrayWrapper.__init__(subclass, shape, order, dtype, allow_mmap, numpy_array_alignment_bytes). */
const INIT_PARAMS = [
  'subclass',
  'shape',
  'order',
  'dtype',
  'allow_mmap',
  'numpy_array_alignment_bytes',
];
/** joblib's default alignment, used when __init__ runs without the last argument. */
const DEFAULT_ALIGNMENT: Value = { k: 'scalar', num: 16 };

const INT64_MIN = -(1n << 63n);

function globalName(v: Value | undefined): string | undefined {
  if (v?.k !== 'global') return undefined;
  return v.alias ?? qualifiedName(v);
}

/** The class an instance was made from, and whether its __init__ ran. */
function classOf(v: Value): { cls: string; init: boolean; args?: Value } | undefined {
  if (v.k !== 'call') return undefined;
  const callee = globalName(v.callee);
  if (!callee) return undefined;
  if (NEWOBJ_HELPERS.has(callee)) {
    const first = v.args.k === 'tuple' ? globalName(v.args.items[0]) : undefined;
    return first ? { cls: first, init: false } : undefined;
  }
  const init = v.site.opcode === 'REDUCE' || v.site.opcode === 'OBJ' || v.site.opcode === 'INST';
  return { cls: callee, init, args: v.args };
}

/** Items of a dict value as [key, value] pairs, or undefined when not fully known. */
function dictPairs(v: Value): [string, Value][] | undefined {
  if (v.k !== 'dict') return undefined;
  const c = v as ContainerValue;
  if (c.count > c.items.length) return undefined;
  const out: [string, Value][] = [];
  for (let i = 0; i + 1 < c.items.length; i += 2) {
    const k = c.items[i]!;
    if (k.k !== 'str' || k.truncated) return undefined;
    out.push([k.text, c.items[i + 1]!]);
  }
  return out;
}

function intOf(v: Value | undefined): bigint | undefined {
  if (!v || v.k !== 'scalar') return undefined;
  if (v.num !== undefined) return BigInt(v.num);
  if (v.text === 'True') return 1n;
  if (v.text === 'False') return 0n;
  if (v.text !== undefined && /^-?\d+$/.test(v.text)) return BigInt(v.text);
  return undefined;
}

function wrapInt64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

interface DtypeInfo {
  readonly itemsize: number;
  readonly hasobject: boolean;
}

const FIXED_KINDS = new Set(['b', 'i', 'u', 'f', 'c', 'm', 'M', 'O']);

export class JoblibHooks implements LoaderHooks {
  private readonly attrs = new WeakMap<Value, Map<string, Value>>();
  private readonly dtypeStates = new WeakMap<Value, Value>();
  private readonly reported = new Set<number>();
  arrays = 0;
  objectArrays = 0;
  rawBytes = 0;
  /** Stream offset of the first array's data (where pickle.load would start reading them as opcodes). */
  firstDataOffset: number | undefined;
  /** Files beside the pickle that old-format wrappers make joblib.load read, by name. */
  readonly sidecars = new Map<string, { compressed: boolean; site: Site }>();

  constructor(private readonly ctx: ScanContext) {}

  afterBuild(
    inst: Value,
    state: Value,
    site: Site,
  ): { skip: number; padded: boolean } | { nestedPickle: true } | undefined {
    const origin = classOf(inst);
    if (!origin) return undefined;
    if (origin.cls === 'numpy.dtype') {
      this.dtypeStates.set(inst, state);
      return undefined;
    }
    const isWrapper = WRAPPERS.has(origin.cls);
    if (!isWrapper && !SIDECAR_WRAPPERS.has(origin.cls)) return undefined;

    // The instance __dict__ after this BUILD: __init__ arguments, then every state applied so far.
    let attrs = this.attrs.get(inst);
    if (!attrs) {
      attrs = new Map();
      if (isWrapper && origin.init) {
        const args = origin.args?.k === 'tuple' ? (origin.args as ContainerValue) : undefined;
        if (!args || args.count > args.items.length)
          return this.unverifiable(site, 'its constructor arguments are not known');
        args.items.forEach((a, i) => attrs!.set(INIT_PARAMS[i] ?? `arg${i}`, a));
        if (!attrs.has('numpy_array_alignment_bytes'))
          attrs.set('numpy_array_alignment_bytes', DEFAULT_ALIGNMENT);
      }
      this.attrs.set(inst, attrs);
    }
    const applied = this.applyState(attrs, state);
    if (applied !== true) return this.unverifiable(site, applied);

    if (!isWrapper) {
      this.sidecar(origin.cls, attrs, site);
      return undefined;
    }
    return this.arrayRead(attrs, site);
  }

  /**
   * An NDArrayWrapper / ZNDArrayWrapper (joblib < 0.10) after its BUILD: joblib.load opens the
   * file it names beside the pickle. The wrapper itself is inert; its state must be what joblib
   * wrote, and the file is scanned once the stream is read (`sidecars`).
   */
  private sidecar(cls: string, attrs: Map<string, Value>, site: Site): void {
    const compressed = cls.endsWith('.ZNDArrayWrapper');
    const keys = compressed ? ZND_KEYS : ND_KEYS;
    const filename = attrs.get('filename');
    // The class joblib instantiates the array as: ND's subclass (when not ndarray or memmap),
    // ZND's init_args[0], through numpy's _reconstruct.
    const init = attrs.get('init_args');
    const cls0 = compressed
      ? init?.k === 'tuple'
        ? init.items[0]
        : undefined
      : attrs.get('subclass');
    const why =
      [...attrs.keys()].find((k) => !keys.has(k)) !== undefined
        ? `its state sets ${[...attrs.keys()].filter((k) => !keys.has(k)).join(', ')}`
        : filename?.k !== 'str' || filename.truncated
          ? 'its filename is not a string'
          : cls0?.k !== 'global'
            ? `its array class is ${cls0 ? 'a value computed at load time' : 'missing'}`
            : cls0.cls.level !== 'safe'
              ? `joblib instantiates ${qualifiedName(cls0)}, which is not a known-safe class, as the array's class`
              : undefined;
    if (why) {
      this.ctx.report({
        ruleId: 'MA2003',
        message: `an old-format joblib array wrapper (${cls}) is not what joblib writes: ${why}`,
        evidence: `${cls}: ${why}`,
        offset: site.offset,
        opcodeIndex: site.opcodeIndex,
      });
    }
    if (filename?.k !== 'str' || filename.truncated) return;
    const escape = pathEscape(filename.text);
    if (escape) {
      this.ctx.report({
        ruleId: 'MA3001',
        message: `an old-format joblib array wrapper makes joblib.load read the file ${JSON.stringify(filename.text)}, which ${escape}`,
        evidence: filename.text,
        offset: site.offset,
        opcodeIndex: site.opcodeIndex,
      });
      return;
    }
    if (!this.sidecars.has(filename.text)) this.sidecars.set(filename.text, { compressed, site });
  }

  private applyState(attrs: Map<string, Value>, state: Value): true | string {
    let dictPart: Value | undefined = state;
    let slots: Value | undefined;
    if (state.k === 'tuple') {
      const t = state as ContainerValue;
      if (t.count !== 2) return 'its state is neither a dict nor a (dict, slots) pair';
      [dictPart, slots] = t.items;
    }
    for (const part of [dictPart, slots]) {
      if (!part || (part.k === 'scalar' && part.text === 'None')) continue;
      if (part.k === 'dict' && (part as ContainerValue).count === 0) continue;
      const pairs = dictPairs(part);
      if (!pairs) return 'its state is not a dict of known keys and values';
      for (const [k, v] of pairs) attrs.set(k, v);
    }
    return true;
  }

  private arrayRead(
    attrs: Map<string, Value>,
    site: Site,
  ): { skip: number; padded: boolean } | { nestedPickle: true } | undefined {
    const dtype = attrs.get('dtype');
    const info = dtype ? this.dtypeInfo(dtype) : 'it has no dtype';
    if (typeof info === 'string') return this.unverifiable(site, info);
    this.arrays++;
    if (info.hasobject) {
      this.objectArrays++;
      return { nestedPickle: true };
    }
    const shape = attrs.get('shape');
    if (!shape || (shape.k !== 'tuple' && shape.k !== 'list'))
      return this.unverifiable(site, 'its shape is not a tuple');
    const dims = shape as ContainerValue;
    if (dims.count > dims.items.length)
      return this.unverifiable(
        site,
        `its shape has ${dims.count} dimensions, more than are tracked`,
      );
    let count = 1n;
    for (const d of dims.items) {
      const n = intOf(d);
      if (n === undefined)
        return this.unverifiable(site, 'a dimension of its shape is not an integer');
      count = wrapInt64(count * wrapInt64(n));
    }
    if (count < 0n || count === INT64_MIN)
      return this.unverifiable(site, `its shape has a negative element count (${count})`);
    const bytes = count * BigInt(info.itemsize);
    if (bytes > BigInt(Number.MAX_SAFE_INTEGER))
      return this.unverifiable(site, `its data would be ${bytes} bytes long`);
    const alignment = attrs.get('numpy_array_alignment_bytes');
    const padded =
      alignment !== undefined && !(alignment.k === 'scalar' && alignment.text === 'None');
    this.rawBytes += Number(bytes);
    return { skip: Number(bytes), padded };
  }

  /** itemsize and hasobject as numpy computes them for dtype(typestr, align, copy) + __setstate__. */
  private dtypeInfo(v: Value): DtypeInfo | string {
    const origin = classOf(v);
    if (!origin || origin.cls !== 'numpy.dtype' || !origin.init)
      return 'its dtype is not a numpy.dtype built from a type string';
    const args = origin.args?.k === 'tuple' ? (origin.args as ContainerValue) : undefined;
    const typestr = args?.items[0];
    if (typestr?.k !== 'str') return 'its dtype is not built from a type string';
    const m = /^([a-zA-Z?])(\d*)$/.exec(typestr.text);
    if (!m) return `its dtype ${JSON.stringify(typestr.text)} is not a plain type string`;
    const kind = m[1]!;
    const n = m[2] ? Number(m[2]) : undefined;
    let itemsize: number;
    if (kind === '?') itemsize = 1;
    else if (FIXED_KINDS.has(kind) && n !== undefined) itemsize = n;
    else if ((kind === 'S' || kind === 'a' || kind === 'V') && n !== undefined) itemsize = n;
    else if (kind === 'U' && n !== undefined) itemsize = 4 * n;
    else return `its dtype ${JSON.stringify(typestr.text)} has no size numpy would accept`;
    let hasobject = kind === 'O';
    const state = this.dtypeStates.get(v);
    if (state) {
      const t = state.k === 'tuple' ? (state as ContainerValue) : undefined;
      if (!t || (t.count !== 8 && t.count !== 9) || t.count > t.items.length)
        return 'its dtype state is not the tuple numpy writes';
      const elsize = intOf(t.items[5]);
      const flags = intOf(t.items[7]);
      if (elsize === undefined || flags === undefined)
        return 'its dtype state has unknown size or flags';
      if (kind === 'S' || kind === 'a' || kind === 'U' || kind === 'V') itemsize = Number(elsize);
      hasobject = (flags & 1n) !== 0n;
    }
    if (!hasobject && itemsize <= 0) return `its dtype has item size ${itemsize}`;
    return { itemsize, hasobject };
  }

  private unverifiable(site: Site, why: string): undefined {
    if (!this.reported.has(site.offset)) {
      this.reported.add(site.offset);
      this.ctx.report({
        ruleId: 'MA3019',
        message: `BUILD of a joblib NumpyArrayWrapper whose data length cannot be determined: ${why}; the bytes after it were read as opcodes`,
        evidence: why,
        offset: site.offset,
        opcodeIndex: site.opcodeIndex,
      });
    }
    return undefined;
  }
}

/**
 * Rules kept from the pickle.load reading: verdicts on named callables. Structure findings and
 * "computed at load time" findings there come from benign array bytes and nested pickles read
 * out of place, which pickle.load would reject or misread, not from anything an author wrote.
 */
export const NAMED_VERDICTS: ReadonlySet<string> = new Set([
  'MA2001',
  'MA2002',
  'MA2003',
  'MA2009',
  'MA2010',
  'MA2017',
  'MA2018',
  'MA2019',
  'MA2024',
]);

export const joblibScanner: Scanner = {
  id: 'joblib',
  formats: ['joblib'],
  rules: ['MA3019', 'MA3001', 'MA3025', 'MA2003', 'MA1002'],
  async scan(target, ctx) {
    const hooks = new JoblibHooks(ctx);
    const firstData: number[] = [];
    const seen = new Set<string>();
    const key = (f: FindingInput): string => `${f.ruleId}\u0000${f.evidence ?? ''}`;
    const a = await analyzePickle(
      target,
      subContext(ctx, {
        keep: (f) => {
          seen.add(key(f));
          return true;
        },
      }),
      {
        hooks: {
          afterBuild: (inst, state, site) => {
            const r = hooks.afterBuild(inst, state, site);
            if (r) firstData.push(site.offset);
            return r;
          },
        },
      },
    );
    ctx.detail('joblib', {
      arrays: hooks.arrays,
      objectArrays: hooks.objectArrays,
      arrayBytes: hooks.rawBytes,
      pickles: a.pickles,
      opcodes: a.opcodes,
      imports: a.imports,
      ...(hooks.sidecars.size > 0 ? { sidecars: [...hooks.sidecars.keys()].slice(0, 100) } : {}),
    });
    await scanSidecars(target, ctx, hooks.sidecars);
    if (firstData.length === 0) return;
    // pickle.load (not joblib.load) reads the array bytes as opcodes: report what they would run.
    const from = Math.min(...firstData);
    await analyzePickle(
      target,
      subContext(ctx, {
        keep: (f) => NAMED_VERDICTS.has(f.ruleId) && (f.offset ?? -1) > from && !seen.has(key(f)),
        note: 'as pickle.load reads the file, taking joblib array bytes as opcodes',
      }),
      { sweep: false },
    ).catch((err: unknown) => {
      if (err instanceof Error && err.name === 'ScanInterrupted') throw err;
    });
  },
};

/**
 * The array files old-format wrappers name, scanned as members: joblib.load np.load()s an
 * NDArrayWrapper's file with allow_pickle=True, so its content decides what runs. A
 * ZNDArrayWrapper's file only reaches ndarray.__setstate__ as raw bytes (read_zfile), which
 * cannot unpickle, so a missing one is only noted.
 */
async function scanSidecars(
  target: ScanTarget,
  ctx: ScanContext,
  sidecars: ReadonlyMap<string, { compressed: boolean; site: Site }>,
): Promise<void> {
  const missing: string[] = [];
  let scanned = 0;
  for (const [name, { compressed, site }] of sidecars) {
    if (scanned++ >= MAX_SIDECARS) break;
    ctx.checkpoint();
    const entry = await ctx.sibling(name);
    const data = entry?.kind === 'file' ? await entry.read(ctx.limits.maxInMemoryBytes) : undefined;
    if (data) {
      await ctx.scanMember(await storedMember(target, name, new BufferSource(data), ctx.limits));
      continue;
    }
    if (compressed) {
      missing.push(name);
      continue;
    }
    ctx.report({
      ruleId: 'MA3025',
      message:
        entry?.kind === 'file'
          ? `joblib.load would np.load() the array file ${JSON.stringify(name)} (allow_pickle=True), which is larger than the ${ctx.limits.maxInMemoryBytes}-byte in-memory limit and was not scanned`
          : `joblib.load would np.load() the array file ${JSON.stringify(name)} (allow_pickle=True), which is not beside the pickle${target.member !== undefined && !target.sameDirectory ? ' (a member of an archive has no files beside it)' : ''}; its content was not scanned`,
      evidence: name,
      offset: site.offset,
      opcodeIndex: site.opcodeIndex,
    });
  }
  if (missing.length) ctx.detail('joblibMissingRawArrays', missing.slice(0, 100));
  if (sidecars.size > MAX_SIDECARS)
    ctx.report({
      ruleId: 'MA1002',
      message: `the pickle names ${sidecars.size} array files; the first ${MAX_SIDECARS} were scanned`,
      evidence: 'maxSidecars',
    });
}

/** How far into a pickle its first joblib array wrapper is looked for. */
const JOBLIB_SEARCH = 16 * 1024 * 1024;
// Module and class name as GLOBAL ("joblib.numpy_pickle\nNumpyArrayWrapper") or as two strings
// of STACK_GLOBAL, with a few length and memo bytes between them.
// eslint-disable-next-line no-control-regex
const WRAPPER_MARK = /joblib[\n.\x00-\x20]*numpy_pickle[\s\S]{0,16}(?:Numpy|ZND|ND)ArrayWrapper/;

/**
 * A pickle that uses joblib's array wrappers. Past the head it is looked for only when the head
 * names scikit-learn or joblib (their first array can come after many opcodes), chunk by chunk.
 */
export async function isJoblib(i: SniffInput): Promise<boolean> {
  const head = i.head.toString('latin1');
  if (WRAPPER_MARK.test(head)) return true;
  if (!i.source || i.source.size <= i.head.length || !/sklearn|joblib/.test(head)) return false;
  const chunk = 1 << 20;
  const overlap = 128;
  for (
    let pos = i.head.length - overlap;
    pos < Math.min(JOBLIB_SEARCH, i.source.size);
    pos += chunk
  ) {
    const text = (await i.source.read(pos, chunk + overlap)).toString('latin1');
    if (WRAPPER_MARK.test(text)) return true;
  }
  return false;
}
