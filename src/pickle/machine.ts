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
import type { Limits } from '../config.js';
import { LimitExceeded } from '../scanners/base.js';
import { classifyGlobal, mapPython2Name } from './policy/classify.js';
import type { FrameViolation, OpHandler, RawOp, ReadFault } from './reader.js';
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
  type Site,
  type StrValue,
  type Value,
} from './values.js';
import { HIGHEST_PROTOCOL } from './opcodes.js';

/** Raised for input the C unpickler would reject at this opcode. */
class MachineFault extends Error {}

/** A bytes or str constant that may hold another pickle, to be scanned on its own. */
export interface EmbeddedCandidate {
  readonly value: StrValue | BytesValue;
  readonly site: Site;
  readonly encoding: 'raw' | 'base64';
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

const MAX_STORAGE_KEYS = 1_000_000;
const MAX_EMBEDDED = 64;
const MAX_IMPORT_DETAILS = 500;

export class PickleMachine implements OpHandler {
  private stack: Value[] = [];
  private marks: number[] = [];
  private readonly memo = new Map<number, Value>();
  private memoOverflow = false;
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
  readonly embedded: EmbeddedCandidate[] = [];

  constructor(
    readonly recorder: Recorder,
    private readonly limits: Limits,
    private readonly checkpointFn: () => void,
  ) {}

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
    const site: Site = { offset: op.offset, opcodeIndex: index, opcode: op.info.name };
    try {
      this.exec(op, site);
    } catch (err) {
      if (!(err instanceof MachineFault)) throw err;
      this.machineFault(err.message, site);
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
    if (!this.memo.has(index) && this.memo.size >= this.limits.maxPickleMemo) {
      if (!this.memoOverflow) {
        this.memoOverflow = true;
        this.recorder.add(
          'MA1002',
          `memo limit (${this.limits.maxPickleMemo} entries) reached; later memo values are treated as unknown`,
          'maxPickleMemo',
          { offset: -1, opcodeIndex: this.opIndex, opcode: 'PUT' },
        );
      }
      return;
    }
    this.memo.set(index, value);
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
    const v: StrValue = {
      k: 'str',
      text,
      truncated: op.truncated,
      length: op.length ?? text.length,
      ...(op.dataOffset !== undefined ? { dataOffset: op.dataOffset } : {}),
    };
    this.checkEmbedded(v, op);
    return v;
  }

  private bytes(op: RawOp): BytesValue {
    const data = op.data ?? Buffer.alloc(0);
    const v: BytesValue = {
      k: 'bytes',
      prefix: data,
      length: op.length ?? data.length,
      truncated: op.truncated,
      ...(op.dataOffset !== undefined ? { dataOffset: op.dataOffset } : {}),
    };
    this.checkEmbedded(v, op);
    return v;
  }

  /** Notes constants that look like a pickle (raw or base64) for a nested scan. */
  private checkEmbedded(v: StrValue | BytesValue, op: RawOp): void {
    if (this.embedded.length >= MAX_EMBEDDED) return;
    const head =
      v.k === 'bytes' ? v.prefix.subarray(0, 64) : Buffer.from(v.text.slice(0, 64), 'latin1');
    if (head.length < 4) return;
    const site: Site = { offset: op.offset, opcodeIndex: this.opIndex - 1, opcode: op.info.name };
    if (looksLikePickleStart(head)) {
      this.embedded.push({ value: v, site, encoding: 'raw' });
      return;
    }
    if (v.k === 'str' && !v.truncated && v.text.length >= 12 && /^gA[A-Za-z0-9+/]/.test(v.text)) {
      const decoded = Buffer.from(v.text.slice(0, 16), 'base64');
      if (looksLikePickleStart(decoded)) this.embedded.push({ value: v, site, encoding: 'base64' });
    }
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
    else this.uses.set(key, { sample: g, invoked: false, count: 1 });
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

  private exec(op: RawOp, site: Site): void {
    switch (op.info.name) {
      case 'PROTO': {
        const p = op.int ?? 0;
        if (p > HIGHEST_PROTOCOL) throw new MachineFault(`unsupported pickle protocol: ${p}`);
        this.protocols.add(p);
        return;
      }
      case 'FRAME':
        return;
      case 'STOP':
        this.pop();
        this.stack = [];
        this.marks = [];
        this.lenient = false;
        this.atStart = true;
        this.endOfLastPickle = op.end;
        return;

      // -- constants
      case 'NONE':
        return this.push(NONE);
      case 'NEWTRUE':
        return this.push(TRUE);
      case 'NEWFALSE':
        return this.push(FALSE);
      case 'BININT':
      case 'BININT1':
      case 'BININT2':
        return this.push({ k: 'scalar', text: String(op.int) });
      case 'BINFLOAT':
        return this.push({ k: 'scalar', text: String(op.float) });
      case 'LONG1':
      case 'LONG4':
        return this.push({
          k: 'scalar',
          text: op.truncated ? `<int of ${op.length} bytes>` : decodeLong(op.data!),
        });
      case 'INT': {
        const line = op.lines![0]!;
        const v = this.textInt(line, parseIntArg, 'INT', site);
        if (line === '00' || line === '01') return this.push(line === '01' ? TRUE : FALSE);
        return this.push({ k: 'scalar', text: v.toString() });
      }
      case 'LONG':
        return this.push({
          k: 'scalar',
          text: this.textInt(op.lines![0]!, parseLongArg, 'LONG', site).toString(),
        });
      case 'FLOAT': {
        const line = op.lines![0]!;
        const r = parseFloatArg(line);
        if (!r.ok) throw new MachineFault(r.why);
        if (!r.canonical) this.differential('FLOAT', line, site);
        return this.push({ k: 'scalar', text: r.text });
      }
      case 'STRING': {
        const r = decodeStringArg(op.lines![0]!);
        if (!r.ok) throw new MachineFault(r.why);
        return this.push(this.str(r.bytes, op));
      }
      case 'UNICODE': {
        const r = decodeRawUnicodeEscape(op.lines![0]!);
        if (!r.ok) throw new MachineFault(r.why);
        return this.push(this.str(r.text, op));
      }
      case 'BINSTRING':
      case 'SHORT_BINSTRING':
        if ((op.length ?? 0) >= 2 ** 31) {
          this.differential(op.info.name, `length ${op.length}`, site);
        }
        // Decoded to str with the loader's encoding (ASCII by default, latin1 in numpy/torch).
        return this.push(this.str(op.data!.toString('latin1'), op));
      case 'BINUNICODE':
      case 'SHORT_BINUNICODE':
      case 'BINUNICODE8': {
        if (op.truncated) return this.push(this.str(op.data!.toString('latin1'), op));
        const text = decodeUtf8SurrogatePass(op.data!);
        if (text === undefined)
          throw new MachineFault(`${op.info.name} argument is not valid UTF-8`);
        return this.push(this.str(text, op));
      }
      case 'BINBYTES':
      case 'SHORT_BINBYTES':
      case 'BINBYTES8':
      case 'BYTEARRAY8':
        return this.push(this.bytes(op));
      case 'NEXT_BUFFER':
        this.recorder.add(
          'MA2020',
          'NEXT_BUFFER takes data from outside the file (protocol 5 out-of-band buffer)',
          'NEXT_BUFFER',
          site,
        );
        return this.push({ k: 'buffer', note: 'out-of-band buffer' });
      case 'READONLY_BUFFER':
        this.top();
        return;

      // -- containers
      case 'MARK':
        this.marks.push(this.stack.length);
        return;
      case 'EMPTY_TUPLE':
        return this.push(container('tuple', []));
      case 'TUPLE':
        return this.push(container('tuple', this.popMark()));
      case 'TUPLE1':
      case 'TUPLE2':
      case 'TUPLE3': {
        const n = op.info.name === 'TUPLE1' ? 1 : op.info.name === 'TUPLE2' ? 2 : 3;
        const items: Value[] = [];
        for (let i = 0; i < n; i++) items.unshift(this.pop());
        return this.push(container('tuple', items));
      }
      case 'EMPTY_LIST':
        return this.push(container('list', []));
      case 'LIST':
        return this.push(container('list', this.popMark()));
      case 'EMPTY_DICT':
        return this.push(container('dict', []));
      case 'DICT': {
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new MachineFault('odd number of items for DICT');
        return this.push(container('dict', items));
      }
      case 'EMPTY_SET':
        return this.push(container('set', []));
      case 'FROZENSET':
        return this.push(container('frozenset', this.popMark()));
      case 'APPEND': {
        const v = this.pop();
        const target = this.top();
        this.checkMutationTarget(target, 'appends', site);
        addItems(target, [v]);
        return;
      }
      case 'APPENDS': {
        const items = this.popMark();
        const target = this.top();
        this.checkMutationTarget(target, 'extends', site);
        addItems(target, items);
        return;
      }
      case 'SETITEM': {
        const v = this.pop();
        const k = this.pop();
        const target = this.top();
        this.checkMutationTarget(target, `sets item ${render(k, 60)}`, site);
        addItems(target, [k, v]);
        return;
      }
      case 'SETITEMS': {
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new MachineFault('odd number of items for SETITEMS');
        const target = this.top();
        this.checkMutationTarget(target, 'sets items', site);
        addItems(target, items);
        return;
      }
      case 'ADDITEMS': {
        const items = this.popMark();
        const target = this.top();
        this.checkMutationTarget(target, 'adds items', site);
        addItems(target, items);
        return;
      }

      // -- stack and memo
      case 'POP':
        if (this.marks.length > 0 && this.marks[this.marks.length - 1] === this.stack.length)
          this.marks.pop();
        else this.pop();
        return;
      case 'POP_MARK':
        this.popMark();
        return;
      case 'DUP':
        return this.push(this.top());
      case 'GET':
        return this.push(
          this.memoGet(Number(this.textInt(op.lines![0]!, parseIndexArg, 'GET', site))),
        );
      case 'BINGET':
      case 'LONG_BINGET':
        return this.push(this.memoGet(op.int!));
      case 'PUT':
        return this.memoPut(
          Number(this.textInt(op.lines![0]!, parseIndexArg, 'PUT', site)),
          this.top(),
        );
      case 'BINPUT':
      case 'LONG_BINPUT':
        return this.memoPut(op.int!, this.top());
      case 'MEMOIZE':
        return this.memoPut(this.memo.size, this.top());

      // -- imports
      case 'GLOBAL': {
        const [module, name] = this.importNames(op);
        return this.push(this.makeGlobal(module, name, site));
      }
      case 'STACK_GLOBAL': {
        const name = this.pop();
        const module = this.pop();
        if (module.k === 'str' && name.k === 'str' && !module.truncated && !name.truncated) {
          return this.push(this.makeGlobal(module.text, name.text, site));
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
          site,
        );
        return this.push(unknown(`import of (${shown})`));
      }
      case 'EXT1':
      case 'EXT2':
      case 'EXT4': {
        const code = op.int ?? 0;
        if (code <= 0) throw new MachineFault(`EXT specifies code <= 0`);
        this.currentHasSemantics = true;
        this.recorder.add(
          'MA2009',
          `${op.info.name} imports whatever the loading process registered as extension code ${code}`,
          `${op.info.name} ${code}`,
          site,
        );
        return this.push({ k: 'ext', note: `extension code ${code}` });
      }

      // -- calls
      case 'REDUCE': {
        const args = this.pop();
        const callee = this.pop();
        return this.push(this.invoke(callee, args, site));
      }
      case 'NEWOBJ': {
        const args = this.pop();
        const cls = this.pop();
        return this.push(this.invoke(cls, args, site, 'new'));
      }
      case 'NEWOBJ_EX': {
        const kwargs = this.pop();
        const args = this.pop();
        const cls = this.pop();
        const all =
          args.k === 'tuple' && kwargs.k === 'dict' && kwargs.count > 0
            ? container('tuple', [...args.items, kwargs])
            : args;
        return this.push(this.invoke(cls, all, site, 'new'));
      }
      case 'OBJ': {
        const items = this.popMark();
        if (items.length === 0) throw new MachineFault('OBJ needs a class after MARK');
        const cls = items[0]!;
        return this.push(this.invoke(cls, container('tuple', items.slice(1)), site));
      }
      case 'INST': {
        const [module, name] = this.importNames(op);
        const cls = this.makeGlobal(module, name, site);
        const args = this.popMark();
        return this.push(this.invoke(cls, container('tuple', args), site));
      }
      case 'BUILD': {
        const state = this.pop();
        const inst = this.top();
        this.checkMutationTarget(inst, `applies state ${render(state, 80)}`, site);
        return;
      }
      case 'PERSID': {
        const line = op.lines![0]!;
        if ([...line].some((ch) => ch.charCodeAt(0) > 0x7f))
          throw new MachineFault('persistent IDs in protocol 0 must be ASCII strings');
        return this.push(
          this.persistent(
            { k: 'str', text: line, truncated: op.truncated, length: line.length },
            site,
          ),
        );
      }
      case 'BINPERSID':
        return this.push(this.persistent(this.pop(), site));
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
    for (const item of items) if (c.items.length < 8) c.items.push(item);
    c.count += items.length;
  }
}

function ruleForDanger(category: string, invoked: boolean): string {
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
