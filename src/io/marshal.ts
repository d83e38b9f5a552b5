/**
 * Reads Python's marshal format far enough to describe a code object without running it:
 * its names (co_names: imported modules, called attributes), constants, variable names,
 * function name and file name, recursively through nested code objects.
 *
 * The code-object layout differs by Python version (2.x, 3.0–3.7, 3.8–3.10, 3.11+); each is
 * tried in turn and the first that decodes to a consistent code object wins.
 */
import { MalformedInput } from './malformed.js';

export interface CodeSummary {
  /** Python version family whose layout matched. */
  readonly layout: string;
  /** co_name of the outer code object. */
  readonly name: string;
  readonly filename: string;
  /** Global and attribute names used (IMPORT_NAME, LOAD_GLOBAL, LOAD_ATTR operands). */
  readonly names: readonly string[];
  /** String constants. */
  readonly strings: readonly string[];
  /** Local variable names. */
  readonly varnames: readonly string[];
  /** Nested code objects (inner functions, comprehensions). */
  readonly nested: number;
}

export class MarshalError extends MalformedInput {
  override name = 'MarshalError';
}

type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Buffer
  | Value[]
  | { readonly code: CodeObject }
  | { readonly other: string };

interface CodeObject {
  readonly layout: string;
  readonly name: string;
  readonly filename: string;
  readonly names: string[];
  readonly consts: Value[];
  readonly varnames: string[];
}

const MAX_OBJECTS = 200_000;
const MAX_DEPTH = 64;

const LAYOUTS: readonly { readonly id: string; readonly ints: number; readonly py311: boolean }[] =
  [
    { id: 'python-3.11+', ints: 5, py311: true },
    { id: 'python-3.8-3.10', ints: 6, py311: false },
    { id: 'python-3.0-3.7', ints: 5, py311: false },
    { id: 'python-2', ints: 4, py311: false },
  ];

class Reader {
  pos = 0;
  refs: Value[] = [];
  objects = 0;

  constructor(private readonly buf: Buffer) {}

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new MarshalError(`truncated at byte ${this.pos}`);
  }
  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }
  i32(): number {
    this.need(4);
    const v = this.buf.readInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  bytes(n: number): Buffer {
    if (n < 0) throw new MarshalError(`negative length at byte ${this.pos}`);
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  value(depth: number): Value {
    if (depth > MAX_DEPTH) throw new MarshalError('nesting too deep');
    if (++this.objects > MAX_OBJECTS) throw new MarshalError('too many objects');
    const code = this.u8();
    const flag = (code & 0x80) !== 0;
    const type = String.fromCharCode(code & 0x7f);
    const keep = (v: Value): Value => {
      if (flag) this.refs.push(v);
      return v;
    };
    switch (type) {
      case '0':
      case 'N':
        return keep(null);
      case 'F':
        return keep(false);
      case 'T':
        return keep(true);
      case 'S':
      case '.':
        return keep({ other: type === 'S' ? 'StopIteration' : 'Ellipsis' });
      case 'i':
        return keep(this.i32());
      case 'I':
        this.bytes(8);
        return keep(0);
      case 'l': {
        const n = this.i32();
        this.bytes(Math.abs(n) * 2);
        return keep(0);
      }
      case 'f':
        return keep(Number(this.bytes(this.u8()).toString('latin1')));
      case 'g':
        return keep(this.bytes(8).readDoubleLE(0));
      case 'x':
        this.bytes(this.u8());
        this.bytes(this.u8());
        return keep({ other: 'complex' });
      case 'y':
        this.bytes(16);
        return keep({ other: 'complex' });
      case 's':
        return keep(Buffer.from(this.bytes(this.i32())));
      case 't':
      case 'u':
      case 'a':
      case 'A':
        return keep(
          this.bytes(this.i32()).toString(type === 'u' || type === 't' ? 'utf8' : 'latin1'),
        );
      case 'z':
      case 'Z':
        return keep(this.bytes(this.u8()).toString('latin1'));
      case '(':
      case ')':
      case '[':
      case '<':
      case '>': {
        const n = type === ')' ? this.u8() : this.i32();
        if (n < 0 || n > MAX_OBJECTS) throw new MarshalError(`bad container size ${n}`);
        const list: Value[] = [];
        if (flag) this.refs.push(list);
        for (let i = 0; i < n; i++) list.push(this.value(depth + 1));
        return list;
      }
      case '{': {
        const list: Value[] = [];
        if (flag) this.refs.push(list);
        for (;;) {
          if (this.buf[this.pos] === 0x30) {
            this.pos++;
            break;
          }
          list.push(this.value(depth + 1), this.value(depth + 1));
        }
        return list;
      }
      case ':': {
        const list: Value[] = [];
        if (flag) this.refs.push(list);
        for (let i = 0; i < 3; i++) list.push(this.value(depth + 1));
        return list;
      }
      case 'r': {
        const i = this.i32();
        if (i < 0 || i >= this.refs.length) throw new MarshalError(`bad reference ${i}`);
        return this.refs[i]!;
      }
      case 'R': {
        const i = this.i32();
        return this.refs[i] ?? null;
      }
      case 'c':
        return this.codeObject(flag, depth);
      default:
        throw new MarshalError(
          `unknown marshal type 0x${code.toString(16)} at byte ${this.pos - 1}`,
        );
    }
  }

  private codeObject(flag: boolean, depth: number): Value {
    const start = this.pos;
    const refsBefore = this.refs.length;
    const objectsBefore = this.objects;
    let lastError: unknown;
    for (const layout of LAYOUTS) {
      this.pos = start;
      this.refs.length = refsBefore;
      this.objects = objectsBefore;
      const slot = this.refs.length;
      if (flag) this.refs.push(null);
      try {
        const code = this.codeWithLayout(layout, depth);
        const v: Value = { code };
        if (flag) this.refs[slot] = v;
        return v;
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError instanceof MarshalError
      ? lastError
      : new MarshalError('undecodable code object');
  }

  private codeWithLayout(layout: (typeof LAYOUTS)[number], depth: number): CodeObject {
    for (let i = 0; i < layout.ints; i++) this.i32();
    const bytecode = this.value(depth + 1);
    if (!Buffer.isBuffer(bytecode)) throw new MarshalError('co_code is not bytes');
    const consts = this.value(depth + 1);
    const names = this.value(depth + 1);
    if (!Array.isArray(consts) || !isStringList(names)) throw new MarshalError('bad consts/names');
    let varnames: Value;
    if (layout.py311) {
      varnames = this.value(depth + 1); // localsplusnames
      const kinds = this.value(depth + 1);
      if (!isStringList(varnames) || !Buffer.isBuffer(kinds)) throw new MarshalError('bad locals');
    } else {
      varnames = this.value(depth + 1);
      const free = this.value(depth + 1);
      const cell = this.value(depth + 1);
      if (!isStringList(varnames) || !isStringList(free) || !isStringList(cell))
        throw new MarshalError('bad varnames');
    }
    const filename = this.value(depth + 1);
    const name = this.value(depth + 1);
    if (layout.py311) {
      const qualname = this.value(depth + 1);
      if (typeof qualname !== 'string') throw new MarshalError('bad qualname');
    }
    if (typeof filename !== 'string' || typeof name !== 'string')
      throw new MarshalError('bad name');
    this.i32(); // firstlineno
    const table = this.value(depth + 1);
    if (!Buffer.isBuffer(table)) throw new MarshalError('bad line table');
    if (layout.py311 && !Buffer.isBuffer(this.value(depth + 1)))
      throw new MarshalError('bad exception table');
    return {
      layout: layout.id,
      name,
      filename,
      names: names as string[],
      consts,
      varnames: varnames as string[],
    };
  }
}

function isStringList(v: Value): boolean {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Decodes a marshalled code object and summarises it. Throws MarshalError on bad input. */
export function summarizeCode(bytes: Buffer): CodeSummary {
  const reader = new Reader(bytes);
  const top = reader.value(0);
  if (!top || typeof top !== 'object' || !('code' in top))
    throw new MarshalError('not a code object');
  const names = new Set<string>();
  const strings = new Set<string>();
  const varnames = new Set<string>();
  let nested = 0;
  const seen = new Set<CodeObject>();
  const visit = (c: CodeObject): void => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const n of c.names) names.add(n);
    for (const v of c.varnames) varnames.add(v);
    const walk = (v: Value): void => {
      if (typeof v === 'string') strings.add(v);
      else if (Buffer.isBuffer(v)) {
        if (/^[\x20-\x7e]*$/.test(v.toString('latin1'))) strings.add(v.toString('latin1'));
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object' && 'code' in v) {
        nested++;
        visit(v.code);
      }
    };
    c.consts.forEach(walk);
  };
  visit(top.code);
  return {
    layout: top.code.layout,
    name: top.code.name,
    filename: top.code.filename,
    names: [...names],
    strings: [...strings],
    varnames: [...varnames],
    nested,
  };
}

/** Names in bytecode that show intent beyond tensor maths. */
const ALARMING_NAMES = new Set([
  'os',
  'posix',
  'nt',
  'subprocess',
  'system',
  'popen',
  'Popen',
  'spawn',
  'spawnv',
  'execv',
  'execve',
  'execl',
  'execvp',
  'fork',
  'eval',
  'exec',
  'compile',
  '__import__',
  'import_module',
  'importlib',
  'open',
  'builtins',
  '__builtins__',
  'getattr',
  'setattr',
  'globals',
  'locals',
  'socket',
  'urllib',
  'request',
  'urlopen',
  'requests',
  'http',
  'shutil',
  'rmtree',
  'pickle',
  'marshal',
  'loads',
  'load',
  'ctypes',
  'cdll',
  'CDLL',
  'sys',
  'modules',
  'pty',
  'runpy',
  'webbrowser',
  'base64',
  'b64decode',
  'code',
  'codecs',
  'remove',
  'unlink',
  'chmod',
  'environ',
  'getenv',
  'write',
  'read',
  'connect',
]);

/** The alarming names a summary uses, for evidence. */
export function alarmingNames(s: CodeSummary): string[] {
  return s.names.filter((n) => ALARMING_NAMES.has(n));
}
