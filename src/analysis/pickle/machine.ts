/**
 * The symbolic pickle machine: runs the opcode stream the way Modules/_pickle.c would,
 * with abstract values instead of Python objects, and judges every import and call site.
 *
 * Semantics followed from the C unpickler:
 * - one object stack with a mark stack whose top is a fence (nothing below it can be popped);
 *   POP right after MARK pops the mark;
 * - a memo shared by every pickle read from the same stream (Unpickler.load() called again
 *   keeps it), overwritten on PUT to a used index, MEMOIZE indexed by the number of entries;
 * - STACK_GLOBAL requires two str operands; dotted names walk attributes;
 * - APPEND(S), SETITEM(S), ADDITEMS and BUILD call append/extend/__setitem__/add/__setstate__
 *   or setattr on whatever object is below them, so applying them to an imported object
 *   mutates global state.
 */
import type { Limits } from '../../io/limits.js';
import { LimitExceeded } from '../../io/limits.js';
import { classifyGlobal, mapPython2Name } from '../../knowledge/callables/classify.js';
import {
  WATCHED_STATE_KEYS,
  runStateCheck,
  type StateView,
} from '../../knowledge/callables/state-checks.js';
import type { FrameViolation, OpHandler, RawOp, RawSkip, ReadFault } from './reader.js';
import type { Recorder } from './recorder.js';
import {
  decodeRawUnicodeEscape,
  decodeStringArg,
  decodeUtf8SurrogatePass,
  lineAsUtf8,
} from './strings.js';
import { parseFloatArg, parseIndexArg, parseIntArg, parseLongArg } from './textargs.js';
import {
  FALSE,
  KEPT_ITEMS,
  NONE,
  TRUE,
  container,
  qualifiedName,
  render,
  unknown,
  type BytesValue,
  type CallValue,
  type ContainerValue,
  type GlobalValue,
  type ScalarValue,
  type Site,
  type StrValue,
  type Value,
} from './values.js';
import { mayHidePayload } from '../encoded/sniff.js';
import { MIN_ENCODED_LENGTH } from '../encoded/text-encodings.js';
import { Memo } from './memo.js';
import { HIGHEST_PROTOCOL } from './opcodes.js';

/** Raised for input the C unpickler would reject at this opcode. */
class MachineFault extends Error {}

/** A bytes or str constant that may hold another pickle, to be scanned on its own. */
export interface EmbeddedCandidate {
  readonly value: StrValue | BytesValue;
  readonly site: Site;
  /** A pickle as it is, or a value that may hide a payload behind encodings (peeled later). */
  readonly encoding: 'raw' | 'encoded';
  /** The whole value when it was small enough to keep; else read it back by offset. */
  readonly data?: Buffer;
}

/**
 * What a format's loader does beyond the unpickler (joblib reads array data from the stream
 * right after BUILD on its array wrapper). The machine follows it so the opcodes after that
 * data are read where the loader reads them.
 */
export interface LoaderHooks {
  /**
   * Called after every BUILD with the object and the state applied to it. Returns what the
   * loader reads next: raw bytes to skip, a separate pickle (own stack and memo) whose result
   * replaces the object, or nothing.
   */
  afterBuild?(
    inst: Value,
    state: Value,
    site: Site,
  ):
    | { readonly skip: number; readonly padded: boolean }
    | { readonly nestedPickle: true }
    | undefined;
}

/** What one imported name amounted to over the whole stream. */
interface GlobalUse {
  readonly sample: GlobalValue;
  invoked: boolean;
  count: number;
}

export interface MachineSummary {
  readonly opcodes: number;
  readonly pickles: number;
  readonly protocols: number[];
  readonly storageReferences: number;
  readonly storageKeys: ReadonlySet<string>;
  readonly imports: readonly { name: string; invoked: boolean; verdict: string }[];
  readonly frameViolations: number;
  /** Stream position just after the last STOP. */
  readonly endOfLastPickle: number;
  readonly faulted: boolean;
}

const MAX_STORAGE_KEYS = 200_000;
/** Distinct imported names tracked; real files use a few hundred at most. */
const MAX_DISTINCT_IMPORTS = 50_000;
/** Plain-data containers kept in the memo before they are replaced by a marker. */
const MEMO_DATA_BUDGET = 20_000;
/** Characters of a str constant kept (longer ones are marked truncated; lengths are kept). */
const MAX_TEXT = 1024;
/** Bytes of a bytes constant kept for evidence. */
const BYTES_PREFIX = 64;
const MAX_EMBEDDED = 256;
const MAX_IMPORT_DETAILS = 500;

export class PickleMachine implements OpHandler {
  private stack: Value[] = [];
  private marks: number[] = [];
  private memo: Memo;
  private memoOverflow = false;
  /** Raw bytes the loader reads after the current opcode (see LoaderHooks). */
  private rawSkip: RawSkip | undefined;
  /** Outer pickles suspended while a nested one (LoaderHooks) is read. */
  private readonly suspended: { stack: Value[]; marks: number[]; memo: Memo }[] = [];
  private opIndex = 0;
  private pickles = 0;
  private readonly protocols = new Set<number>();
  /** True before the first opcode of a pickle (at the start, and after each STOP). */
  private atStart = true;
  /** The current pickle imported or called something (used to tell data from trailing junk). */
  private currentHasSemantics = false;
  private lenient = false;
  private readonly uses = new Map<string, GlobalUse>();
  private storageReferences = 0;
  private readonly storageKeys = new Set<string>();
  private frameViolations = 0;
  private endOfLastPickle = 0;
  private faulted = false;
  private curOp: RawOp | undefined;
  private curIndex = 0;
  readonly embedded: EmbeddedCandidate[] = [];
  /** Candidates past MAX_EMBEDDED, not scanned (reported as a limit). */
  embeddedDropped = 0;

  constructor(
    readonly recorder: Recorder,
    private readonly limits: Limits,
    private readonly checkpointFn: () => void,
    private readonly hooks: LoaderHooks = {},
  ) {
    this.memo = new Memo(limits.maxPickleMemo, MEMO_DATA_BUDGET);
  }

  /** Bytes the loader reads raw after the opcode just handled; the reader skips them. */
  takeRawSkip(): RawSkip | undefined {
    const n = this.rawSkip;
    this.rawSkip = undefined;
    return n;
  }

  // ---- OpHandler --------------------------------------------------------------------------

  checkpoint(): void {
    this.checkpointFn();
  }

  op(op: RawOp): void {
    if (this.atStart) {
      this.atStart = false;
      this.pickles++;
      this.currentHasSemantics = false;
      if (this.pickles === 2) {
        this.recorder.add(
          'MA2015',
          'the stream holds more than one pickle; loaders that call load() again run every one, and each was scanned',
          'stacked pickles',
          this.site(op),
        );
      }
    }
    const index = this.opIndex++;
    if (this.opIndex > this.limits.maxPickleOpcodes) {
      throw new LimitExceeded(
        'maxPickleOpcodes',
        this.limits.maxPickleOpcodes,
        `opcode ${index} at offset ${op.offset}`,
      );
    }
    this.curOp = op;
    this.curIndex = index;
    try {
      this.exec(op);
    } catch (err) {
      if (!(err instanceof MachineFault)) throw err;
      this.machineFault(err.message, this.here());
    }
    if (this.stack.length > this.limits.maxPickleStack) {
      throw new LimitExceeded(
        'maxPickleStack',
        this.limits.maxPickleStack,
        `at offset ${op.offset}`,
      );
    }
  }

  fault(f: ReadFault): void {
    const site: Site = {
      offset: f.offset,
      opcodeIndex: this.opIndex,
      opcode: 'opcode' in f ? f.opcode : '?',
    };
    if (this.atStart && this.pickles > 0) {
      // Nothing but junk after a complete pickle: a loader stops after the last STOP.
      this.recorder.add(
        'MA2014',
        `${describeFault(f)} after the end of the last pickle`,
        `trailing bytes from offset ${f.offset}`,
        site,
        'trailing',
      );
      return;
    }
    if (!this.currentHasSemantics && this.pickles > 1) {
      this.recorder.add(
        'MA2014',
        `bytes after the last complete pickle do not form a pickle: ${describeFault(f)}`,
        `trailing bytes after offset ${this.endOfLastPickle}`,
        site,
        'trailing',
      );
      return;
    }
    this.faulted = true;
    this.recorder.add(
      'MA2013',
      `malformed pickle: ${describeFault(f)}`,
      describeFault(f),
      site,
      'malformed',
    );
  }

  frameViolation(v: FrameViolation): void {
    this.frameViolations++;
    const site: Site = { offset: v.op.offset, opcodeIndex: this.opIndex, opcode: v.op.info.name };
    const what =
      v.kind === 'straddle'
        ? `${v.op.info.name} at offset ${v.op.offset} runs past the end of its FRAME (${v.frameEnd})`
        : v.kind === 'nested'
          ? `a FRAME starts at offset ${v.op.offset} before the previous frame ends (${v.frameEnd})`
          : `a FRAME at offset ${v.op.offset} declares bytes up to ${v.frameEnd} but the stream has ${v.size}`;
    this.recorder.add('MA2012', what, what, site, v.kind);
  }

  // ---- results ---------------------------------------------------------------------------

  /** Reports imports that were never invoked, then returns the stream summary. */
  finish(): MachineSummary {
    for (const use of this.uses.values()) {
      if (use.invoked) continue;
      const g = use.sample;
      const name = displayName(g);
      const c = g.cls;
      if (c.level === 'dangerous') {
        this.recorder.add(
          ruleForDanger(c.category, false),
          `imports ${name}: ${c.reason}`,
          c.matched === qualifiedName(g) ? qualifiedName(g) : `${qualifiedName(g)} → ${c.matched}`,
          g.site,
          qualifiedName(g),
        );
      } else if (c.level === 'library') {
        this.recorder.add(
          'MA2004',
          `imports ${name}, which is in ${c.namespace} but not on the safe list`,
          name,
          g.site,
          name,
        );
      } else if (c.level === 'unclassified') {
        this.recorder.add(
          'MA2006',
          `imports ${name} from a module with no classification`,
          name,
          g.site,
          name,
        );
      }
    }
    const imports = [...this.uses.values()].slice(0, MAX_IMPORT_DETAILS).map((u) => ({
      name: qualifiedName(u.sample),
      invoked: u.invoked,
      verdict: u.sample.cls.level,
    }));
    return {
      opcodes: this.opIndex,
      pickles: this.pickles,
      protocols: [...this.protocols].sort(),
      storageReferences: this.storageReferences,
      storageKeys: this.storageKeys,
      imports,
      frameViolations: this.frameViolations,
      endOfLastPickle: this.endOfLastPickle,
      faulted: this.faulted,
    };
  }

  /** True after a STOP with nothing read since (the stream ended cleanly between pickles). */
  get betweenPickles(): boolean {
    return this.atStart;
  }

  get sawFrameViolation(): boolean {
    return this.frameViolations > 0;
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** Where the current opcode sits; built only when a finding or value needs it. */
  private here(): Site {
    return {
      offset: this.curOp!.offset,
      opcodeIndex: this.curIndex,
      opcode: this.curOp!.info.name,
    };
  }

  private site(op: RawOp): Site {
    return { offset: op.offset, opcodeIndex: this.opIndex, opcode: op.info.name };
  }

  private machineFault(message: string, site: Site): void {
    // The C unpickler stops here. Keep going leniently so that anything after the fault is
    // still judged (a different loader may read on), but report the fault itself.
    if (!this.lenient) {
      this.faulted = true;
      this.recorder.add(
        'MA2013',
        `malformed pickle: ${message} (${site.opcode} at offset ${site.offset})`,
        message,
        site,
        'malformed',
      );
    }
    this.lenient = true;
  }

  private get fence(): number {
    return this.marks.length > 0 ? this.marks[this.marks.length - 1]! : 0;
  }

  private push(v: Value): void {
    this.stack.push(v);
  }

  private pop(): Value {
    if (this.stack.length <= this.fence) {
      if (this.lenient) return unknown('stack underflow');
      throw new MachineFault('unpickling stack underflow');
    }
    return this.stack.pop()!;
  }

  private top(): Value {
    if (this.stack.length <= this.fence) {
      if (this.lenient) return unknown('stack underflow');
      throw new MachineFault('unpickling stack underflow');
    }
    return this.stack[this.stack.length - 1]!;
  }

  /** Pops everything above the topmost mark, and the mark. */
  private popMark(): Value[] {
    const mark = this.marks.pop();
    if (mark === undefined) {
      if (!this.lenient) throw new MachineFault('could not find MARK');
      const all = this.stack;
      this.stack = [];
      return all;
    }
    return this.stack.splice(mark);
  }

  private memoGet(index: number): Value {
    const v = this.memo.get(index);
    if (v !== undefined) return v;
    if (this.lenient || this.memoOverflow) return unknown(`memo ${index}`);
    throw new MachineFault(`memo value not found at index ${index}`);
  }

  private memoPut(index: number, value: Value): void {
    if (index < 0) throw new MachineFault('negative PUT argument');
    if (!this.memo.put(index, value) && !this.memoOverflow) {
      this.memoOverflow = true;
      this.recorder.add(
        'MA1002',
        `memo limit (${this.limits.maxPickleMemo} entries) reached; later memo values are treated as unknown`,
        'maxPickleMemo',
        this.here(),
      );
    }
  }

  private textInt(line: string, parse: typeof parseIntArg, opname: string, site: Site): bigint {
    const r = parse(line);
    if (!r.ok) throw new MachineFault(r.why);
    if (!r.canonical) this.differential(opname, line, site);
    return r.value;
  }

  private differential(opname: string, line: string, site: Site): void {
    const shown = JSON.stringify(line.length > 40 ? line.slice(0, 40) + '…' : line);
    this.recorder.add(
      'MA2011',
      `${opname} argument ${shown} is not in the form picklers write; the C unpickler and pickletools read it differently`,
      `${opname} ${shown}`,
      site,
    );
  }

  private str(text: string, op: RawOp): StrValue {
    const long = text.length > MAX_TEXT;
    const v: StrValue = {
      k: 'str',
      text: long ? text.slice(0, MAX_TEXT) : text,
      truncated: op.truncated || long,
      length: op.length ?? text.length,
      ...(op.dataOffset !== undefined && (op.truncated || long)
        ? { dataOffset: op.dataOffset }
        : {}),
    };
    // Text that starts like a pickle, or that may hide one behind encodings, is looked at again.
    if (op.length === undefined || op.length >= MIN_ENCODED_LENGTH || text.charCodeAt(0) === 0x80)
      this.checkEmbedded(v, op, Buffer.from(text, 'latin1'), !op.truncated);
    return v;
  }

  private bytes(op: RawOp): BytesValue {
    const data = op.data ?? Buffer.alloc(0);
    const v: BytesValue = {
      k: 'bytes',
      // op.data is a view of the reader's window: copy the little that is kept.
      prefix: Buffer.from(data.subarray(0, BYTES_PREFIX)),
      length: op.length ?? data.length,
      truncated: op.truncated || data.length > BYTES_PREFIX,
      ...(op.dataOffset !== undefined ? { dataOffset: op.dataOffset } : {}),
    };
    this.checkEmbedded(v, op, data, !op.truncated);
    return v;
  }

  /** Notes constants that hold a pickle, raw or behind encodings, for a nested scan. */
  private checkEmbedded(v: StrValue | BytesValue, op: RawOp, data: Buffer, whole: boolean): void {
    if (data.length < 4) return;
    const site: Site = { offset: op.offset, opcodeIndex: this.opIndex - 1, opcode: op.info.name };
    const head = data.subarray(0, 64);
    const raw = looksLikePickleStart(head);
    if (!raw && !mayHidePayload(head.length < data.length ? data.subarray(0, 1024) : data)) return;
    if (this.embedded.length >= MAX_EMBEDDED) {
      // Decoys could push the real payload out of the list: never drop one silently.
      this.embeddedDropped++;
      return;
    }
    if (raw) {
      this.embedded.push({
        value: v,
        site,
        encoding: 'raw',
        ...(whole ? { data: Buffer.from(data) } : {}),
      });
      return;
    }
    this.embedded.push({
      value: v,
      site,
      encoding: 'encoded',
      ...(whole ? { data: Buffer.from(data) } : {}),
    });
  }

  private makeGlobal(module: string, name: string, site: Site): GlobalValue {
    const mapped = mapPython2Name(module, name);
    const g: GlobalValue = {
      k: 'global',
      module,
      name,
      cls: classifyGlobal(module, name),
      site,
      invoked: false,
      ...(mapped ? { alias: `${mapped[0]}.${mapped[1]}` } : {}),
    };
    this.currentHasSemantics = true;
    const key = qualifiedName(g);
    const use = this.uses.get(key);
    if (use) use.count++;
    else {
      if (this.uses.size >= MAX_DISTINCT_IMPORTS) {
        throw new LimitExceeded(
          'maxPickleMemo',
          MAX_DISTINCT_IMPORTS,
          `more than ${MAX_DISTINCT_IMPORTS} distinct imports`,
        );
      }
      this.uses.set(key, { sample: g, invoked: false, count: 1 });
    }
    if (g.cls.level !== 'safe' && name.split('.').some(isDunder)) {
      this.recorder.add(
        'MA2019',
        `${site.opcode} imports ${key}, walking through double-underscore attributes`,
        key,
        site,
        key,
      );
    }
    return g;
  }

  private markInvoked(g: GlobalValue): void {
    g.invoked = true;
    const use = this.uses.get(qualifiedName(g));
    if (use) use.invoked = true;
  }

  /**
   * Judges a call site and returns the value it produces. `mode` is "call" when the callable
   * runs with arguments (REDUCE, OBJ, INST: __init__ for a class) and "new" when only
   * cls.__new__ runs (NEWOBJ, NEWOBJ_EX, copyreg.__newobj__).
   */
  private invoke(callee: Value, args: Value, site: Site, mode: 'call' | 'new' = 'call'): Value {
    const call: CallValue = { k: 'call', callee, args, site };
    this.currentHasSemantics = true;
    switch (callee.k) {
      case 'global': {
        const resolved = this.resolveGetattr(callee, args, site);
        if (resolved) return resolved;
        this.judgeGlobalCall(callee, call, site, mode);
        break;
      }
      case 'ext':
        // Reported at the EXT opcode; calling it is part of the same finding.
        break;
      case 'call':
      case 'persid':
      case 'unknown':
      case 'buffer':
        this.recorder.add(
          'MA2008',
          `${site.opcode} calls a value computed at load time: ${render(call)}`,
          render(call),
          site,
        );
        break;
      default:
        throw new MachineFault(
          `${site.opcode} calls a value that is not callable: ${render(callee)}`,
        );
    }
    return call;
  }

  /**
   * getattr(imported, "name") is how pickles reach methods and class attributes
   * (zoneinfo.ZoneInfo._unpickle, bound methods of Keras layers): it names the path
   * imported.name, which is judged as an import of its own. getattr on an object this pickle
   * built, with a plain attribute name, yields a bound method that is judged if it is called.
   * Anything else (computed names, dunders on objects) stays a dangerous getattr call.
   */
  private resolveGetattr(g: GlobalValue, args: Value, site: Site): Value | undefined {
    const effective = g.alias ?? qualifiedName(g);
    if (effective !== 'builtins.getattr' || args.k !== 'tuple' || args.count !== 2)
      return undefined;
    const [target, attr] = args.items;
    if (
      !target ||
      attr?.k !== 'str' ||
      attr.truncated ||
      !/^[A-Za-z_][A-Za-z0-9_]*$/.test(attr.text)
    )
      return undefined;
    if (target.k === 'global') {
      this.markInvoked(g);
      return this.makeGlobal(target.module, `${target.name}.${attr.text}`, site);
    }
    if (
      target.k === 'call' &&
      target.callee.k === 'global' &&
      target.callee.cls.level === 'safe' &&
      !isDunder(attr.text)
    ) {
      this.markInvoked(g);
      return unknown(`bound method ${render(target, 80)}.${attr.text}`);
    }
    return undefined;
  }

  private judgeGlobalCall(g: GlobalValue, call: CallValue, site: Site, mode: 'call' | 'new'): void {
    this.markInvoked(g);
    const name = displayName(g);
    const c = g.cls;
    if (c.level !== 'safe') this.invokeCallableArgs(call, site);
    switch (c.level) {
      case 'dangerous':
        this.recorder.add(
          ruleForDanger(c.category, true),
          `${site.opcode} calls ${name}: ${c.reason}`,
          render(call),
          site,
          name,
        );
        return;
      case 'library':
        this.recorder.add(
          'MA2003',
          `${site.opcode} calls ${name}, which is in ${c.namespace} but not on the safe list`,
          render(call),
          site,
          name,
        );
        return;
      case 'unclassified':
        this.recorder.add(
          'MA2005',
          `${site.opcode} calls ${name} from a module with no classification`,
          render(call),
          site,
          name,
        );
        return;
      case 'safe': {
        if (c.entry.newOnly && mode === 'call') {
          this.recorder.add(
            'MA2003',
            `${site.opcode} calls ${name} with arguments; it is only known safe when rebuilt through __new__, as real files do`,
            render(call),
            site,
            name,
          );
          return;
        }
        if (call.args.k !== 'tuple') return;
        for (const [positions, argMode] of [
          [c.entry.invokesArgs, 'call'],
          [c.entry.constructsArgs, 'new'],
        ] as const) {
          for (const i of positions ?? []) {
            const arg = call.args.items[i];
            if (!arg) continue;
            if (arg.k === 'global')
              this.invoke(arg, unknown(`arguments chosen by ${name}`), site, argMode);
            else if (
              arg.k === 'call' ||
              arg.k === 'unknown' ||
              arg.k === 'persid' ||
              arg.k === 'ext'
            ) {
              this.recorder.add(
                'MA2008',
                `${name} ${argMode === 'new' ? 'instantiates' : 'calls'} argument ${i}, a value computed at load time: ${render(arg)}`,
                render(call),
                site,
              );
            }
          }
        }
        return;
      }
    }
  }

  /**
   * A callable that is not known-safe may call whatever it is given (map, starmap, filter,
   * reduce, sorted(key=…), operator.call…): imported callables among its arguments, and one
   * level inside them, are judged as invoked.
   */
  private invokeCallableArgs(call: CallValue, site: Site): void {
    const args = call.args;
    if (args.k !== 'tuple' && args.k !== 'list' && args.k !== 'dict') return;
    const via = call.callee.k === 'global' ? qualifiedName(call.callee) : 'a computed value';
    const visit = (v: Value, depth: number): void => {
      if (v.k === 'global') {
        if (!v.invoked) this.invoke(v, unknown(`arguments chosen by ${via}`), site);
      } else if (
        depth > 0 &&
        (v.k === 'tuple' ||
          v.k === 'list' ||
          v.k === 'dict' ||
          v.k === 'set' ||
          v.k === 'frozenset')
      ) {
        for (const item of v.items) visit(item, depth - 1);
      }
    };
    for (const item of args.items) visit(item, 1);
  }

  /** BUILD on an object whose class runs code from its state: the state must be the library's own. */
  private checkState(inst: Value, state: Value): void {
    const cls = constructedClass(inst);
    if (!cls || cls.cls.level !== 'safe' || !cls.cls.entry.stateCheck) return;
    const problem = runStateCheck(cls.cls.entry.stateCheck, stateView(state));
    if (problem) {
      const name = qualifiedName(cls);
      this.recorder.add(
        'MA2023',
        `BUILD runs ${name}.__setstate__, which executes code from the state: ${problem}`,
        `${name}.__setstate__`,
        this.here(),
        name,
      );
    }
  }

  /** APPEND/SETITEM/ADDITEMS/BUILD applied to an imported object mutate global state. */
  private checkMutationTarget(target: Value, what: string, site: Site): void {
    if (target.k !== 'global') return;
    this.currentHasSemantics = true;
    const name = qualifiedName(target);
    this.recorder.add(
      'MA2010',
      `${site.opcode} ${what} on the imported object ${name}, changing global state for everything loaded afterwards`,
      `${site.opcode} on ${name}`,
      site,
      `${site.opcode} ${name}`,
    );
  }

  private persistent(pid: Value, site: Site): Value {
    this.currentHasSemantics = true;
    if (
      pid.k === 'tuple' &&
      pid.items[0]?.k === 'str' &&
      (pid.items[0].text === 'storage' || pid.items[0].text === 'module')
    ) {
      // PyTorch: ('storage', storage_type, key, location, numel[, view_metadata]).
      if (pid.items[0].text === 'storage') {
        this.storageReferences++;
        const key = pid.items[2];
        if (key?.k === 'str' && this.storageKeys.size < MAX_STORAGE_KEYS)
          this.storageKeys.add(key.text);
      }
      // Legacy torch.save of a module: ('module', cls, source_file, source); persistent_load
      // returns cls itself, which is judged like any import when it is called.
      if (pid.items[0].text === 'module' && pid.items[1]?.k === 'global') return pid.items[1];
      return { k: 'persid', note: 'torch storage', pid };
    }
    this.recorder.add(
      'MA2016',
      `persistent ID ${render(pid, 80)} is resolved by the loader's persistent_load hook`,
      render(pid, 120),
      site,
      'persid',
    );
    return { k: 'persid', note: 'persistent object', pid };
  }

  // ---- the opcodes -------------------------------------------------------------------------

  private exec(op: RawOp): void {
    switch (op.info.code) {
      case 0x80: {
        // PROTO
        const p = op.int ?? 0;
        if (p > HIGHEST_PROTOCOL) throw new MachineFault(`unsupported pickle protocol: ${p}`);
        this.protocols.add(p);
        return;
      }
      case 0x95: // FRAME
        return;
      case 0x2e: // STOP
        this.pop();
        if (this.suspended.length > 0) {
          // The end of a nested pickle (LoaderHooks): the outer one resumes.
          const outer = this.suspended.pop()!;
          this.stack = outer.stack;
          this.marks = outer.marks;
          this.memo = outer.memo;
          return;
        }
        this.stack = [];
        this.marks = [];
        this.lenient = false;
        this.atStart = true;
        this.endOfLastPickle = op.end;
        return;

      // -- constants
      case 0x4e: // NONE
        return this.push(NONE);
      case 0x88: // NEWTRUE
        return this.push(TRUE);
      case 0x89: // NEWFALSE
        return this.push(FALSE);
      case 0x4a: // BININT
      case 0x4b: // BININT1
      case 0x4d: // BININT2
        return this.push(intValue(op.int!));
      case 0x47: // BINFLOAT
        return this.push(FLOAT);
      case 0x8a: // LONG1
      case 0x8b: // LONG4
        return this.push({
          k: 'scalar',
          text: op.truncated ? `<int of ${op.length} bytes>` : decodeLong(op.data!),
        });
      case 0x49: {
        // INT
        const line = op.lines![0]!;
        const v = this.textInt(line, parseIntArg, 'INT', this.here());
        if (line === '00' || line === '01') return this.push(line === '01' ? TRUE : FALSE);
        return this.push({ k: 'scalar', text: v.toString() });
      }
      case 0x4c: // LONG
        return this.push({
          k: 'scalar',
          text: this.textInt(op.lines![0]!, parseLongArg, 'LONG', this.here()).toString(),
        });
      case 0x46: {
        // FLOAT
        const line = op.lines![0]!;
        const r = parseFloatArg(line);
        if (!r.ok) throw new MachineFault(r.why);
        if (!r.canonical) this.differential('FLOAT', line, this.here());
        return this.push({ k: 'scalar', text: r.text });
      }
      case 0x53: {
        // STRING
        const r = decodeStringArg(op.lines![0]!);
        if (!r.ok) throw new MachineFault(r.why);
        return this.push(this.str(r.bytes, op));
      }
      case 0x56: {
        // UNICODE
        const r = decodeRawUnicodeEscape(op.lines![0]!);
        if (!r.ok) throw new MachineFault(r.why);
        return this.push(this.str(r.text, op));
      }
      case 0x54: // BINSTRING
      case 0x55: // SHORT_BINSTRING
        if ((op.length ?? 0) >= 2 ** 31) {
          this.differential(op.info.name, `length ${op.length}`, this.here());
        }
        // Decoded to str with the loader's encoding (ASCII by default, latin1 in numpy/torch).
        return this.push(this.str(op.data!.toString('latin1'), op));
      case 0x58: // BINUNICODE
      case 0x8c: // SHORT_BINUNICODE
      case 0x8d: {
        // BINUNICODE8
        if (op.truncated) return this.push(this.str(op.data!.toString('latin1'), op));
        const text = decodeUtf8SurrogatePass(op.data!);
        if (text === undefined)
          throw new MachineFault(`${op.info.name} argument is not valid UTF-8`);
        return this.push(this.str(text, op));
      }
      case 0x42: // BINBYTES
      case 0x43: // SHORT_BINBYTES
      case 0x8e: // BINBYTES8
      case 0x96: // BYTEARRAY8
        return this.push(this.bytes(op));
      case 0x97: // NEXT_BUFFER
        this.recorder.add(
          'MA2020',
          'NEXT_BUFFER takes data from outside the file (protocol 5 out-of-band buffer)',
          'NEXT_BUFFER',
          this.here(),
        );
        return this.push({ k: 'buffer', note: 'out-of-band buffer' });
      case 0x98: // READONLY_BUFFER
        this.top();
        return;

      // -- containers
      case 0x28: // MARK
        this.marks.push(this.stack.length);
        return;
      case 0x29: // EMPTY_TUPLE
        return this.push(container('tuple', []));
      case 0x74: // TUPLE
        return this.push(container('tuple', this.popMark()));
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: {
        // TUPLE3
        const n = op.info.code - 0x84; // TUPLE1..TUPLE3 are 0x85..0x87
        const items: Value[] = [];
        for (let i = 0; i < n; i++) items.unshift(this.pop());
        return this.push(container('tuple', items));
      }
      case 0x5d: // EMPTY_LIST
        return this.push(container('list', []));
      case 0x6c: // LIST
        return this.push(container('list', this.popMark()));
      case 0x7d: // EMPTY_DICT
        return this.push(container('dict', []));
      case 0x64: {
        // DICT
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new MachineFault('odd number of items for DICT');
        const dict = container('dict', items);
        watchKeys(dict, items);
        return this.push(dict);
      }
      case 0x8f: // EMPTY_SET
        return this.push(container('set', []));
      case 0x91: // FROZENSET
        return this.push(container('frozenset', this.popMark()));
      case 0x61: {
        // APPEND
        const v = this.pop();
        const target = this.top();
        this.checkMutationTarget(target, 'appends', this.here());
        addItems(target, [v]);
        return;
      }
      case 0x65: {
        // APPENDS
        const items = this.popMark();
        const target = this.top();
        this.checkMutationTarget(target, 'extends', this.here());
        addItems(target, items);
        return;
      }
      case 0x73: {
        // SETITEM
        const v = this.pop();
        const k = this.pop();
        const target = this.top();
        this.checkMutationTarget(target, `sets item ${render(k, 60)}`, this.here());
        addItems(target, [k, v]);
        return;
      }
      case 0x75: {
        // SETITEMS
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new MachineFault('odd number of items for SETITEMS');
        const target = this.top();
        this.checkMutationTarget(target, 'sets items', this.here());
        addItems(target, items);
        return;
      }
      case 0x90: {
        // ADDITEMS
        const items = this.popMark();
        const target = this.top();
        this.checkMutationTarget(target, 'adds items', this.here());
        addItems(target, items);
        return;
      }

      // -- stack and memo
      case 0x30: // POP
        if (this.marks.length > 0 && this.marks[this.marks.length - 1] === this.stack.length)
          this.marks.pop();
        else this.pop();
        return;
      case 0x31: // POP_MARK
        this.popMark();
        return;
      case 0x32: // DUP
        return this.push(this.top());
      case 0x67: // GET
        return this.push(
          this.memoGet(Number(this.textInt(op.lines![0]!, parseIndexArg, 'GET', this.here()))),
        );
      case 0x68: // BINGET
      case 0x6a: // LONG_BINGET
        return this.push(this.memoGet(op.int!));
      case 0x70: // PUT
        return this.memoPut(
          Number(this.textInt(op.lines![0]!, parseIndexArg, 'PUT', this.here())),
          this.top(),
        );
      case 0x71: // BINPUT
      case 0x72: // LONG_BINPUT
        return this.memoPut(op.int!, this.top());
      case 0x94: // MEMOIZE
        return this.memoPut(this.memo.size, this.top());

      // -- imports
      case 0x63: {
        // GLOBAL
        const [module, name] = this.importNames(op);
        return this.push(this.makeGlobal(module, name, this.here()));
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = this.pop();
        const module = this.pop();
        if (module.k === 'str' && name.k === 'str' && !module.truncated && !name.truncated) {
          return this.push(this.makeGlobal(module.text, name.text, this.here()));
        }
        const shown = `${render(module, 80)}, ${render(name, 80)}`;
        const constantButNotStr = [module, name].every(
          (v) => v.k === 'str' || v.k === 'bytes' || v.k === 'scalar',
        );
        this.currentHasSemantics = true;
        if (constantButNotStr && (module.k !== 'str' || name.k !== 'str')) {
          throw new MachineFault(`STACK_GLOBAL requires str operands, got ${shown}`);
        }
        this.recorder.add(
          'MA2007',
          `STACK_GLOBAL imports a name computed at load time: (${shown})`,
          `STACK_GLOBAL(${shown})`,
          this.here(),
        );
        return this.push(unknown(`import of (${shown})`));
      }
      case 0x82: // EXT1
      case 0x83: // EXT2
      case 0x84: {
        // EXT4
        const code = op.int ?? 0;
        if (code <= 0) throw new MachineFault(`EXT specifies code <= 0`);
        this.currentHasSemantics = true;
        this.recorder.add(
          'MA2009',
          `${op.info.name} imports whatever the loading process registered as extension code ${code}`,
          `${op.info.name} ${code}`,
          this.here(),
        );
        return this.push({ k: 'ext', note: `extension code ${code}` });
      }

      // -- calls
      case 0x52: {
        // REDUCE
        const args = this.pop();
        const callee = this.pop();
        return this.push(this.invoke(callee, args, this.here()));
      }
      case 0x81: {
        // NEWOBJ
        const args = this.pop();
        const cls = this.pop();
        return this.push(this.invoke(cls, args, this.here(), 'new'));
      }
      case 0x92: {
        // NEWOBJ_EX
        const kwargs = this.pop();
        const args = this.pop();
        const cls = this.pop();
        const all =
          args.k === 'tuple' && kwargs.k === 'dict' && kwargs.count > 0
            ? container('tuple', [...args.items, kwargs])
            : args;
        return this.push(this.invoke(cls, all, this.here(), 'new'));
      }
      case 0x6f: {
        // OBJ
        const items = this.popMark();
        if (items.length === 0) throw new MachineFault('OBJ needs a class after MARK');
        const cls = items[0]!;
        return this.push(this.invoke(cls, container('tuple', items.slice(1)), this.here()));
      }
      case 0x69: {
        // INST
        const [module, name] = this.importNames(op);
        const cls = this.makeGlobal(module, name, this.here());
        const args = this.popMark();
        return this.push(this.invoke(cls, container('tuple', args), this.here()));
      }
      case 0x62: {
        // BUILD
        const state = this.pop();
        const inst = this.top();
        this.checkMutationTarget(inst, `applies state ${render(state, 80)}`, this.here());
        this.checkState(inst, state);
        const next = this.hooks.afterBuild?.(inst, state, this.here());
        if (next) {
          // The loader replaces the object by what it reads next.
          this.stack[this.stack.length - 1] = LOADED_DATA;
          if ('skip' in next) this.rawSkip = { bytes: next.skip, padded: next.padded };
          else {
            this.suspended.push({ stack: this.stack, marks: this.marks, memo: this.memo });
            this.stack = [];
            this.marks = [];
            this.memo = new Memo(this.limits.maxPickleMemo, MEMO_DATA_BUDGET);
          }
        }
        return;
      }
      case 0x50: {
        // PERSID
        const line = op.lines![0]!;
        if ([...line].some((ch) => ch.charCodeAt(0) > 0x7f))
          throw new MachineFault('persistent IDs in protocol 0 must be ASCII strings');
        return this.push(
          this.persistent(
            { k: 'str', text: line, truncated: op.truncated, length: line.length },
            this.here(),
          ),
        );
      }
      case 0x51: // BINPERSID
        return this.push(this.persistent(this.pop(), this.here()));
      default:
        throw new MachineFault(`opcode ${op.info.name} is not handled`);
    }
  }

  private importNames(op: RawOp): [string, string] {
    const [a, b] = op.lines!;
    if (op.truncated) return [a ?? '', (b ?? '') + '…'];
    const module = lineAsUtf8(a ?? '');
    const name = lineAsUtf8(b ?? '');
    if (module === undefined || name === undefined)
      throw new MachineFault(`${op.info.name} names are not valid UTF-8`);
    return [module, name];
  }
}

/** Data a loader hook read from the stream in place of an object (a joblib array). */
const LOADED_DATA: ScalarValue = Object.freeze({ k: 'scalar', text: '<array data>' });

/** Floats never matter to a verdict; one shared value spares an allocation per BINFLOAT. */
const FLOAT: ScalarValue = Object.freeze({ k: 'scalar', text: '<float>' });

/** Shared values for small integers: data-heavy pickles hold millions of them. */
const SMALL_INTS: readonly ScalarValue[] = Array.from({ length: 1024 }, (_, i) =>
  Object.freeze({ k: 'scalar', num: i }),
);

function intValue(n: number): ScalarValue {
  return n >= 0 && n < SMALL_INTS.length ? SMALL_INTS[n]! : { k: 'scalar', num: n };
}

function isDunder(part: string): boolean {
  return part.length > 4 && part.startsWith('__') && part.endsWith('__');
}

/** module.name, with the Python 3 name a Python 2 name is mapped to. */
function displayName(g: GlobalValue): string {
  const name = qualifiedName(g);
  return g.alias && g.alias !== name ? `${name} (${g.alias} on Python 3)` : name;
}

function addItems(target: Value, items: readonly Value[]): void {
  if (target.k === 'list' || target.k === 'dict' || target.k === 'set') {
    const c = target as ContainerValue;
    for (const item of items) if (c.items.length < KEPT_ITEMS) c.items.push(item);
    c.count += items.length;
    if (target.k === 'dict') watchKeys(c, items);
  }
}

/** Keeps values under watched keys (see policy/state-checks) beyond the kept items. */
function watchKeys(c: ContainerValue, pairs: readonly Value[]): void {
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const k = pairs[i]!;
    if (k.k === 'str' && WATCHED_STATE_KEYS.has(k.text))
      (c.watched ??= new Map()).set(k.text, pairs[i + 1]!);
  }
}

/** The class an object was built from: the callee, or the class argument of copyreg's wrappers. */
function constructedClass(v: Value): GlobalValue | undefined {
  if (v.k !== 'call' || v.callee.k !== 'global') return undefined;
  const name = qualifiedName(v.callee);
  if (
    name === 'copyreg._reconstructor' ||
    name === 'copyreg.__newobj__' ||
    name === 'copyreg.__newobj_ex__' ||
    name === 'copy_reg._reconstructor'
  ) {
    const cls = v.args.k === 'tuple' ? v.args.items[0] : undefined;
    return cls?.k === 'global' ? cls : undefined;
  }
  return v.callee;
}

/** What a state-check can see of a BUILD state (a dict, or (dict, slots)). */
function stateView(state: Value): StateView {
  const dict = state.k === 'tuple' && state.items[0]?.k === 'dict' ? state.items[0] : state;
  if (dict.k !== 'dict') return { kind: 'opaque', why: `the state is ${render(dict, 60)}` };
  return {
    kind: 'dict',
    get(key) {
      const v = dict.watched?.get(key);
      if (v === undefined) return 'absent';
      return v.k === 'str' && !v.truncated ? { text: v.text } : 'opaque';
    },
  };
}

function ruleForDanger(category: string, invoked: boolean): string {
  if (category === 'defence-tampering') return 'MA2024';
  if (category === 'code-reconstruction') return 'MA2017';
  if (category === 'dunder-traversal') return 'MA2019';
  if (category === 'suspicious-name') return 'MA2018';
  return invoked ? 'MA2001' : 'MA2002';
}

function describeFault(f: ReadFault): string {
  switch (f.kind) {
    case 'invalid-opcode':
      return `invalid opcode byte 0x${f.byte.toString(16).padStart(2, '0')} at offset ${f.offset}`;
    case 'truncated':
      return `${f.opcode} at offset ${f.offset} is truncated: ${f.detail}`;
    case 'bad-argument':
      return `${f.opcode} at offset ${f.offset}: ${f.detail}`;
  }
}

/** Two's-complement little-endian integer (LONG1/LONG4), rendered in decimal. */
function decodeLong(data: Buffer): string {
  if (data.length === 0) return '0';
  if (data.length > 64) return `<int of ${data.length} bytes>`;
  let v = 0n;
  for (let i = data.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(data[i]!);
  if (data[data.length - 1]! & 0x80) v -= 1n << BigInt(8 * data.length);
  return v.toString();
}

/** A protocol-2+ header followed by an opcode byte, or a protocol-0 GLOBAL. */
export function looksLikePickleStart(head: Buffer): boolean {
  if (head.length >= 3 && head[0] === 0x80 && head[1]! >= 2 && head[1]! <= HIGHEST_PROTOCOL) {
    return (
      head[2] === 0x95 ||
      head[2] === 0x63 ||
      head[2] === 0x8c ||
      head[2] === 0x28 ||
      head[2] === 0x5d ||
      head[2] === 0x7d ||
      head[2] === 0x58 ||
      head[2] === 0x4b
    );
  }
  return /^c[A-Za-z_][\w.]*\n[A-Za-z_][\w.]*\n/.test(
    head.toString('latin1', 0, Math.min(head.length, 64)),
  );
}
