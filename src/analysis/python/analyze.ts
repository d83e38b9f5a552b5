/**
 * Static analysis of Python source shipped with models (custom modeling code, handlers,
 * loader modules). It resolves every reference through the file's imports and simple aliases
 * (`import subprocess as sp`, `run = sp.run`, `m = __import__('o' + 's')`,
 * `getattr(os, 'sys' + 'tem')`), judges the resolved names by the policy in policy.ts and
 * reports each with its line. Constant strings are folded (concatenation, chr, reversal,
 * base64/hex/zlib decoding) so that obfuscated names and payloads are seen; strings handed to
 * exec/eval and decoded payloads are analysed in turn. Nothing is ever executed.
 */
import { inflateSync, gunzipSync } from 'node:zlib';
import {
  BUILTIN_NAMES,
  CANONICAL_MODULES,
  ESCAPE_ATTRIBUTES,
  HTTP_VERBS,
  SENSITIVE_MODULES,
  matchPythonPolicy,
  type PyEntry,
  type PyRisk,
} from '../../knowledge/python-calls.js';
import { tokenize, type Token } from './tokenize.js';

export interface PyFinding {
  readonly ruleId: string;
  readonly line: number;
  /** The resolved name (e.g. "subprocess.run") or construct. */
  readonly evidence: string;
  readonly message: string;
}

export interface PyPayload {
  readonly line: number;
  readonly kind: 'pickle' | 'bytes';
  readonly data: Buffer;
}

export interface PyAnalysis {
  readonly findings: PyFinding[];
  readonly errors: { line: number; message: string }[];
  /** Decoded literals handed to deserializers, for the caller to scan as members. */
  readonly payloads: PyPayload[];
  /** Modules imported (top-level names), for details. */
  readonly imports: string[];
  /** Sibling modules imported relatively (`from .utils import x` gives "utils"). */
  readonly relativeImports: string[];
}

const MAX_NESTED_DEPTH = 3;
const MAX_FINDINGS = 500;
const MAX_CONST = 1 << 20;

const RULE_OF: Record<PyRisk, string> = {
  code: 'MA5401',
  process: 'MA5402',
  'import-trick': 'MA5403',
  native: 'MA5404',
  network: 'MA5405',
  http: 'MA5406',
  deserialize: 'MA5407',
  'dynamic-import': 'MA5409',
  'file-destruction': 'MA5410',
  install: 'MA5411',
  debugger: 'MA5415',
  'native-build': 'MA5416',
};

const DECODERS: Readonly<Record<string, 'b64' | 'b32' | 'b16' | 'hex' | 'zlib' | 'gzip' | 'b85'>> =
  {
    'base64.b64decode': 'b64',
    'base64.standard_b64decode': 'b64',
    'base64.urlsafe_b64decode': 'b64',
    'base64.decodebytes': 'b64',
    'base64.decodestring': 'b64',
    'base64.b32decode': 'b32',
    'base64.b16decode': 'b16',
    'base64.b85decode': 'b85',
    'base64.a85decode': 'b85',
    'binascii.a2b_base64': 'b64',
    'binascii.unhexlify': 'hex',
    'binascii.a2b_hex': 'hex',
    'bytes.fromhex': 'hex',
    'bytearray.fromhex': 'hex',
    'zlib.decompress': 'zlib',
    'gzip.decompress': 'gzip',
  };
const OPAQUE_DECODERS = new Set(['lzma.decompress', 'bz2.decompress', 'codecs.decode']);

const EXCEPTION_NAME = /(Error|Exception|Warning|Exit|Timeout|timeout|error|herror|gaierror)$/;

interface Scope {
  readonly indent: number;
  readonly names: Set<string>;
}

interface Resolved {
  /** Resolved dotted path, or undefined when the head is a local value. */
  readonly path: string | undefined;
  /** Index after the chain. */
  readonly end: number;
}

export function analyzePython(source: string, depth = 0): PyAnalysis {
  return new PythonAnalyzer(source, depth).run();
}

class PythonAnalyzer {
  private readonly tokens: Token[];
  private readonly errors: { line: number; message: string }[];
  private readonly findings: PyFinding[] = [];
  private readonly payloads: PyPayload[] = [];
  private readonly seen = new Set<string>();
  /** name → resolved dotted paths it may stand for. */
  private readonly aliases = new Map<string, Set<string>>();
  private readonly starModules: string[] = [];
  /** Names bound at module level by def, class or assignment (they shadow builtins). */
  private readonly moduleBindings = new Set<string>();
  private readonly imports = new Set<string>();
  private readonly relativeImports = new Set<string>();
  /** For each token, the innermost function scope's parameter names. */
  private readonly paramScopes: (Set<string> | undefined)[];
  private readonly lineStarts: number[] = [];

  constructor(
    source: string,
    private readonly depth: number,
  ) {
    const t = tokenize(source);
    this.tokens = t.tokens;
    this.errors = t.errors;
    this.paramScopes = new Array<Set<string> | undefined>(this.tokens.length);
  }

  run(): PyAnalysis {
    this.collectBindings();
    this.collectAliases();
    this.collectAliases(); // a second round resolves aliases of aliases
    this.scan();
    return {
      findings: this.findings,
      errors: this.errors,
      payloads: this.payloads,
      imports: [...this.imports].sort(),
      relativeImports: [...this.relativeImports].sort(),
    };
  }

  // ---------------------------------------------------------------------------------------
  // Bindings: imports, module-level definitions, function parameters
  // ---------------------------------------------------------------------------------------

  private collectBindings(): void {
    const toks = this.tokens;
    const scopes: Scope[] = [];
    let start = 0;
    let indent = 0;
    for (let i = 0; i <= toks.length; i++) {
      if (i < toks.length && toks[i]!.type !== 'newline') continue;
      if (i > start) {
        this.lineStarts.push(start);
        // Statements after ';' share the indentation of their line.
        if (toks[start - 1]?.value !== ';') indent = toks[start]!.col;
        while (scopes.length && scopes[scopes.length - 1]!.indent >= indent) scopes.pop();
        const params = scopes.length ? scopes[scopes.length - 1]!.names : undefined;
        for (let k = start; k < i; k++) this.paramScopes[k] = params;
        this.bindLine(start, i, indent, scopes);
      }
      start = i + 1;
    }
  }

  private bindLine(start: number, end: number, indent: number, scopes: Scope[]): void {
    const toks = this.tokens;
    let s = start;
    // Decorators and async prefixes do not change what a line binds.
    if (toks[s]?.value === 'async') s++;
    const first = toks[s];
    if (!first) return;
    if (first.type === 'name' && (first.value === 'import' || first.value === 'from')) {
      this.bindImport(s, end);
      return;
    }
    if (first.type === 'name' && (first.value === 'def' || first.value === 'class')) {
      const name = toks[s + 1];
      if (name?.type === 'name' && indent === 0) this.moduleBindings.add(name.value);
      if (first.value === 'def') {
        const names = new Set<string>(
          scopes.length ? [...scopes[scopes.length - 1]!.names] : undefined,
        );
        let level = 0;
        for (let k = s + 2; k < end; k++) {
          const t = toks[k]!;
          if (t.value === '(' || t.value === '[' || t.value === '{') level++;
          else if (t.value === ')' || t.value === ']' || t.value === '}') {
            level--;
            if (level === 0) break;
          } else if (
            level === 1 &&
            t.type === 'name' &&
            ['(', ',', '*', '**'].includes(toks[k - 1]!.value)
          )
            names.add(t.value);
        }
        scopes.push({ indent, names });
      }
      return;
    }
    // Module-level assignments and loop targets shadow builtins of the same name.
    if (indent === 0) {
      for (let k = s; k < end; k++) {
        const t = toks[k]!;
        if (t.type !== 'name') continue;
        const next = toks[k + 1];
        const prev = toks[k - 1];
        if (
          next &&
          (next.value === '=' || next.value === ':' || next.value === ',') &&
          (k === s || prev?.value === ',')
        ) {
          const rhs = toks[k + 2];
          const rebindsBuiltin =
            next.value === '=' &&
            rhs?.type === 'name' &&
            (BUILTIN_NAMES.has(rhs.value) || rhs.value === 'builtins' || rhs.value === 'getattr');
          if (!rebindsBuiltin) this.moduleBindings.add(t.value);
        }
        if (prev?.value === 'for' || prev?.value === 'as') this.moduleBindings.add(t.value);
      }
    }
  }

  private bindImport(s: number, end: number): void {
    const toks = this.tokens;
    if (toks[s]!.value === 'import') {
      // import a.b.c [as d], e
      let k = s + 1;
      while (k < end) {
        const dotted = this.readDotted(k, end);
        if (!dotted) break;
        k = dotted.end;
        const module = canonical(dotted.name);
        this.imports.add(module.split('.')[0]!);
        if (toks[k]?.value === 'as' && toks[k + 1]?.type === 'name') {
          this.addAlias(toks[k + 1]!.value, module);
          k += 2;
        } else {
          const head = module.split('.')[0]!;
          this.addAlias(dotted.name.split('.')[0]!, head);
        }
        if (toks[k]?.value === ',') k++;
        else break;
      }
      return;
    }
    // from [.]*a.b import x [as y], (z, w) | *
    let k = s + 1;
    let dots = '';
    while (toks[k]?.value === '.' || toks[k]?.value === '...') {
      dots += toks[k]!.value;
      k++;
    }
    const dotted = toks[k]?.value === 'import' ? { name: '', end: k } : this.readDotted(k, end);
    if (!dotted) return;
    k = dotted.end;
    if (toks[k]?.value !== 'import') return;
    k++;
    const module = dots ? `<local>${dots}${dotted.name}` : canonical(dotted.name);
    if (!dots && module) this.imports.add(module.split('.')[0]!);
    if (dots === '.' && dotted.name) this.relativeImports.add(dotted.name.split('.')[0]!);
    for (; k < end; k++) {
      const t = toks[k]!;
      if (t.value === '*') {
        if (!dots) this.starModules.push(module);
        continue;
      }
      if (t.type !== 'name' || t.value === 'as') continue;
      if (toks[k - 1]?.value === 'as') continue;
      if (dots === '.' && !dotted.name) this.relativeImports.add(t.value);
      let alias = t.value;
      if (toks[k + 1]?.value === 'as' && toks[k + 2]?.type === 'name') alias = toks[k + 2]!.value;
      this.addAlias(alias, module ? `${module}.${t.value}` : t.value);
    }
  }

  private readDotted(k: number, end: number): { name: string; end: number } | undefined {
    const toks = this.tokens;
    if (toks[k]?.type !== 'name') return undefined;
    const parts = [toks[k]!.value];
    k++;
    while (k + 1 < end && toks[k]!.value === '.' && toks[k + 1]!.type === 'name') {
      parts.push(toks[k + 1]!.value);
      k += 2;
    }
    return { name: parts.join('.'), end: k };
  }

  private addAlias(name: string, path: string): void {
    let set = this.aliases.get(name);
    if (!set) this.aliases.set(name, (set = new Set()));
    if (set.size < 16) set.add(path);
  }

  /** `x = <resolvable expression>` makes x an alias of what the expression names. */
  private collectAliases(): void {
    const toks = this.tokens;
    for (const start of this.lineStarts) {
      const t = toks[start]!;
      let k = start;
      const targets: string[] = [];
      while (toks[k]?.type === 'name' && toks[k + 1]?.value === '=') {
        targets.push(toks[k]!.value);
        k += 2;
      }
      if (!targets.length && t.type === 'name' && toks[k + 1]?.value === ':=') {
        targets.push(t.value);
        k += 2;
      }
      if (!targets.length || toks[k]?.type !== 'name') continue;
      for (const r of this.resolveAll(k)) {
        if (!r.path || toks[r.end]?.type !== 'newline') continue;
        for (const target of targets) if (target !== r.path) this.addAlias(target, r.path);
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Resolution of reference chains
  // ---------------------------------------------------------------------------------------

  /** The head name's possible resolutions at token k. */
  private headPaths(k: number): (string | undefined)[] {
    const name = this.tokens[k]!.value;
    if (name === '__builtins__' && !this.moduleBindings.has(name)) return ['builtins'];
    const aliases = this.aliases.get(name);
    if (aliases?.size) return [...aliases];
    const params = this.paramScopes[k];
    if (BUILTIN_NAMES.has(name) && !this.moduleBindings.has(name) && !params?.has(name))
      return [`builtins.${name}`];
    if (!this.moduleBindings.has(name) && !params?.has(name)) {
      const starred = this.starModules
        .map((m) => `${m}.${name}`)
        .filter((p) => matchPythonPolicy(p) !== undefined);
      if (starred.length) return starred;
    }
    return [undefined];
  }

  /** Every resolution of the chain starting at the name token k. */
  private resolveAll(k: number): Resolved[] {
    return this.headPaths(k).map((head) => this.resolveChain(k, head, false));
  }

  /**
   * Follows `.name`, `(args)` and `['const']` trailers from the head at token k. When
   * `report` is set, each call site and each value use met on the way is judged.
   */
  private resolveChain(k: number, head: string | undefined, report: boolean): Resolved {
    const toks = this.tokens;
    let path = head;
    let i = k + 1;
    const line = toks[k]!.line;
    for (;;) {
      const t = toks[i];
      if (!t) break;
      if (t.value === '.' && toks[i + 1]?.type === 'name') {
        const attr = toks[i + 1]!.value;
        if (report && ESCAPE_ATTRIBUTES.has(attr)) this.escapeAttribute(i + 1);
        path = path !== undefined ? `${path}.${attr}` : undefined;
        i += 2;
        continue;
      }
      if (t.value === '(') {
        const close = this.matching(i);
        const next = this.callResult(path, i, close, report, line);
        path = next;
        i = close + 1;
        continue;
      }
      if (t.value === '[') {
        const close = this.matching(i);
        const key = this.constString(i + 1, close);
        if (key !== undefined && path !== undefined) {
          if (path === 'sys.modules') path = canonical(key);
          else if (path.endsWith('.__dict__')) path = `${path.slice(0, -9)}.${key}`;
          else if (path === '<namespace>')
            path = key === '__builtins__' ? 'builtins' : `builtins.${key}`;
          else if (path === 'builtins') path = `builtins.${key}`;
          else path = undefined;
          if (report && path !== undefined && ESCAPE_ATTRIBUTES.has(key))
            this.add('import-trick', toks[i]!.line, path, `reaches ${key} by subscript`);
        } else path = undefined;
        i = close + 1;
        continue;
      }
      break;
    }
    return { path, end: i };
  }

  /** What a call returns, judging it on the way when `report` is set. */
  private callResult(
    path: string | undefined,
    open: number,
    close: number,
    report: boolean,
    line: number,
  ): string | undefined {
    if (path === undefined) return undefined;
    const args = this.splitArgs(open + 1, close);
    const callLine = this.tokens[open]!.line;
    if (
      path === 'builtins.__import__' ||
      path === 'importlib.import_module' ||
      path === 'importlib.__import__'
    ) {
      const name = args[0] ? this.constString(args[0][0], args[0][1]) : undefined;
      if (report) this.judgeCall(path, open, close, args, callLine);
      if (name !== undefined && !name.startsWith('.')) return canonical(name);
      return undefined;
    }
    if (path === 'builtins.getattr') {
      if (args.length < 2) return undefined;
      const [objStart, objEnd] = args[0]!;
      const attr = this.constString(args[1]![0], args[1]![1]);
      let objPaths: (string | undefined)[] = [undefined];
      if (this.tokens[objStart]?.type === 'name') {
        objPaths = this.headPaths(objStart).map((h) => {
          const r = this.resolveChain(objStart, h, false);
          return r.end === objEnd ? r.path : undefined;
        });
      }
      const obj = objPaths.find((p) => p !== undefined);
      if (attr === undefined) {
        if (
          report &&
          obj !== undefined &&
          SENSITIVE_MODULES.has(obj.split('.')[0]!) &&
          !obj.includes('.')
        )
          this.add(
            'import-trick',
            callLine,
            `getattr(${obj}, …)`,
            `reads an attribute of ${obj} by a computed name`,
          );
        return undefined;
      }
      if (report && ESCAPE_ATTRIBUTES.has(attr))
        this.add(
          'import-trick',
          callLine,
          `getattr(…, '${attr}')`,
          `reaches ${attr} through getattr`,
        );
      return obj !== undefined ? `${obj}.${attr}` : undefined;
    }
    if (path === 'builtins.globals' || path === 'builtins.locals') return '<namespace>';
    if (path === 'builtins.vars') {
      if (!args.length) return '<namespace>';
      const a = args[0]!;
      if (this.tokens[a[0]]?.type === 'name') {
        const r = this.resolveChain(a[0], this.headPaths(a[0])[0], false);
        if (r.end === a[1] && r.path) return `${r.path}.__dict__`;
      }
      return undefined;
    }
    if (report) this.judgeCall(path, open, close, args, callLine);
    void line;
    return undefined;
  }

  // ---------------------------------------------------------------------------------------
  // The scan
  // ---------------------------------------------------------------------------------------

  private scan(): void {
    const toks = this.tokens;
    let lineStart = 0;
    let exceptLine = false;
    let importLine = false;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.type === 'newline') {
        lineStart = i + 1;
        continue;
      }
      if (i === lineStart) {
        const first = t.value;
        importLine = first === 'import' || first === 'from';
        exceptLine = first === 'except';
        // Python 2 exec statement: exec "code" / exec code in ns
        if (first === 'exec' && (toks[i + 1]?.type === 'string' || toks[i + 1]?.type === 'name')) {
          if (!this.moduleBindings.has('exec'))
            this.add('code', t.line, 'exec', 'exec statement runs a string of Python');
        }
      }
      if (importLine) {
        if (t.type === 'name' && ESCAPE_ATTRIBUTES.has(t.value))
          this.add('import-trick', t.line, t.value, `imports ${t.value}`);
        continue;
      }
      if (t.type === 'name' && ESCAPE_ATTRIBUTES.has(t.value) && toks[i - 1]?.value === '.') {
        continue; // judged by the chain that reaches it
      }
      if (t.type !== 'name') continue;
      const prev = toks[i - 1];
      if (prev && (prev.value === '.' || prev.value === 'def' || prev.value === 'class')) continue;
      const next = toks[i + 1];
      // Keyword arguments and assignment targets are not references.
      if (next && (next.value === '=' || next.value === ':=')) continue;
      if (t.value === '__builtins__' && !this.moduleBindings.has('__builtins__')) {
        this.add('import-trick', t.line, '__builtins__', 'reaches the builtins namespace directly');
      }
      for (const head of this.headPaths(i)) {
        const r = this.resolveChain(i, head, true);
        if (r.path !== undefined) this.judgeValue(r.path, i, r.end, exceptLine);
      }
    }
    this.escapeSubclassChains();
  }

  /**
   * A chain used as a value without being called: `f = os.system`, `Thread(target=os.system)`,
   * `map(pickle.loads, blobs)`. Mere mentions (`except socket.timeout`, `if compile:`) are not.
   */
  private judgeValue(path: string, start: number, end: number, exceptLine: boolean): void {
    const toks = this.tokens;
    if (toks[end - 1]?.value === ')' || toks[end - 1]?.value === ']') return; // ended in a call
    if (exceptLine) return;
    const entry = matchPythonPolicy(path);
    if (!entry) return;
    const prev = toks[start - 1]?.value ?? '';
    const after = toks[end];
    const valueUse =
      ['=', '(', ',', 'return', ':', '[', 'yield', 'lambda'].includes(prev) &&
      (after === undefined ||
        after.type === 'newline' ||
        [',', ')', ']', '}', ';'].includes(after.value));
    if (!valueUse) return;
    const last = path.split('.').pop() ?? '';
    if (EXCEPTION_NAME.test(last) || /^[A-Z0-9_]+$/.test(last)) return; // exceptions, constants
    if (entry.risk === 'http' && !HTTP_VERBS.has(last)) return;
    this.reportEntry(entry, path, toks[start]!.line, `passes ${path} on as a value`);
  }

  private judgeCall(
    path: string,
    open: number,
    close: number,
    args: [number, number][],
    line: number,
  ): void {
    const entry = matchPythonPolicy(path);
    if (!entry) return;
    const argText = (name: string): string | undefined => this.keywordArg(args, name);
    switch (entry.target) {
      case 'torch.load':
        if (argText('weights_only') === 'True') return;
        break;
      case 'numpy.load':
        if (argText('allow_pickle') !== 'True') return;
        break;
      case 'yaml.load':
      case 'yaml.load_all': {
        const loader = argText('Loader') ?? (args[1] ? this.text(args[1][0], args[1][1]) : '');
        if (/Safe|Base/.test(loader)) return;
        break;
      }
      case 'importlib.import_module':
      case 'importlib.__import__': {
        const name = args[0] ? this.constString(args[0][0], args[0][1]) : undefined;
        if (name !== undefined) return; // the module it names is judged where it is used
        break;
      }
    }
    const last = path.split('.').pop() ?? '';
    if (EXCEPTION_NAME.test(last)) return;
    if (entry.risk === 'http' && !HTTP_VERBS.has(last)) return;
    let risk = entry.risk;
    let note = '';
    if (risk === 'http') {
      const url = args[0] ? this.constString(args[0][0], args[0][1]) : undefined;
      if (url !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim())) {
        risk = 'network';
        note = ` ${JSON.stringify(url.slice(0, 120))}`;
      }
    }
    const snippet = this.text(open + 1, close).slice(0, 120);
    this.reportEntry({ ...entry, risk }, path, line, `calls ${path}(${snippet})${note}`);
    if (risk === 'code' || risk === 'deserialize') this.inspectPayload(path, args, line, entry);
  }

  private reportEntry(entry: PyEntry, path: string, line: number, what: string): void {
    this.add(entry.risk, line, path, `${what}: ${entry.reason}`);
  }

  /** exec/eval of literals and deserialization of decoded literals. */
  private inspectPayload(
    path: string,
    args: [number, number][],
    line: number,
    entry: PyEntry,
  ): void {
    const first = args[0];
    if (!first) return;
    const decoded = this.evalConst(first[0], first[1]);
    const usesDecoder = this.mentionsDecoder(first[0], first[1]);
    if (usesDecoder) {
      const shown =
        decoded !== undefined ? printable(decoded.value).slice(0, 160) : 'not decodable statically';
      this.findingsPush({
        ruleId: 'MA5408',
        line,
        evidence: path,
        message: `${path} gets an encoded literal (${entry.reason}); decoded: ${shown}`,
      });
    }
    if (decoded === undefined) return;
    const bytes = Buffer.from(decoded.value, 'latin1');
    if (looksLikePickle(bytes)) {
      if (!usesDecoder)
        this.findingsPush({
          ruleId: 'MA5408',
          line,
          evidence: path,
          message: `${path} gets a pickle written into the code as a literal (${entry.reason})`,
        });
      this.payloads.push({ line, kind: 'pickle', data: bytes });
      return;
    }
    if (entry.risk === 'code' && this.depth < MAX_NESTED_DEPTH) {
      const text = decoded.binary ? bytes.toString('utf8') : decoded.value;
      const nested = analyzePython(text, this.depth + 1);
      for (const f of nested.findings)
        this.findingsPush({
          ...f,
          line,
          message: `in the string passed to ${path} (line ${f.line} of it): ${f.message}`,
        });
      for (const p of nested.payloads) this.payloads.push({ ...p, line });
    }
  }

  private mentionsDecoder(start: number, end: number): boolean {
    const toks = this.tokens;
    for (let k = start; k < end; k++) {
      if (toks[k]!.type !== 'name' || toks[k - 1]?.value === '.') continue;
      const p = this.chainPathBeforeCall(k, this.headPaths(k)[0] ?? toks[k]!.value);
      if (p && (p in DECODERS || OPAQUE_DECODERS.has(p))) return true;
      if (toks[k]!.value === 'decode' || toks[k]!.value === 'encode') {
        const arg = toks[k + 2];
        if (arg?.type === 'string' && /^(base64|hex|rot.?13|zlib)/i.test(arg.value)) return true;
      }
    }
    for (let k = start; k < end; k++) {
      const t = toks[k]!;
      if (t.type === 'name' && toks[k - 1]?.value === '.' && /^(decode|encode)$/.test(t.value)) {
        const arg = toks[k + 2];
        if (arg?.type === 'string' && /^(base64|hex|rot.?13|zlib)/i.test(arg.value)) return true;
      }
    }
    return false;
  }

  /** The dotted path of a chain up to its first call. */
  private chainPathBeforeCall(k: number, head: string | undefined): string | undefined {
    const toks = this.tokens;
    let path = head;
    let i = k + 1;
    while (path !== undefined && toks[i]?.value === '.' && toks[i + 1]?.type === 'name') {
      path = `${path}.${toks[i + 1]!.value}`;
      i += 2;
    }
    return path;
  }

  private escapeAttribute(k: number): void {
    const t = this.tokens[k]!;
    if (t.value === '__subclasses__') return; // judged per line with its companions
    this.add(
      'import-trick',
      t.line,
      t.value,
      `walks to ${t.value}, a route from any object to the interpreter's internals`,
    );
  }

  /** `().__class__.__base__.__subclasses__()`: the classic sandbox escape. */
  private escapeSubclassChains(): void {
    const byLine = new Map<number, Set<string>>();
    for (const t of this.tokens) {
      if (t.type !== 'name') continue;
      if (
        t.value === '__subclasses__' ||
        t.value === '__base__' ||
        t.value === '__bases__' ||
        t.value === '__mro__'
      ) {
        let s = byLine.get(t.line);
        if (!s) byLine.set(t.line, (s = new Set()));
        s.add(t.value);
      }
    }
    for (const [line, names] of byLine) {
      if (names.has('__subclasses__') && names.size > 1)
        this.add(
          'import-trick',
          line,
          '__subclasses__',
          'walks __bases__/__mro__ to __subclasses__(), the route to any loaded class',
        );
    }
  }

  // ---------------------------------------------------------------------------------------
  // Constants
  // ---------------------------------------------------------------------------------------

  private constString(start: number, end: number): string | undefined {
    const v = this.evalConst(start, end);
    return v?.value;
  }

  /** Folds a constant string expression in [start, end), or undefined. */
  private evalConst(start: number, end: number): { value: string; binary: boolean } | undefined {
    try {
      const p = new ConstParser(this, start, end);
      const v = p.expr();
      if (v === undefined || p.pos !== end) return undefined;
      return v;
    } catch {
      return undefined;
    }
  }

  /** Used by the constant parser: the resolved path of the name chain at k, up to a call. */
  pathAt(k: number): { path: string | undefined; end: number } {
    const head = this.headPaths(k)[0];
    const toks = this.tokens;
    let path: string | undefined = head ?? toks[k]!.value;
    let i = k + 1;
    while (toks[i]?.value === '.' && toks[i + 1]?.type === 'name' && i < toks.length) {
      path = path !== undefined ? `${path}.${toks[i + 1]!.value}` : undefined;
      i += 2;
    }
    return { path, end: i };
  }

  token(k: number): Token | undefined {
    return this.tokens[k];
  }

  matching(open: number): number {
    const toks = this.tokens;
    let level = 0;
    for (let k = open; k < toks.length; k++) {
      const v = toks[k]!.value;
      if (toks[k]!.type !== 'op') continue;
      if (v === '(' || v === '[' || v === '{') level++;
      else if (v === ')' || v === ']' || v === '}') {
        level--;
        if (level === 0) return k;
      }
    }
    return toks.length - 1;
  }

  splitArgs(start: number, end: number): [number, number][] {
    const out: [number, number][] = [];
    const toks = this.tokens;
    let level = 0;
    let s = start;
    for (let k = start; k < end; k++) {
      const t = toks[k]!;
      if (t.type !== 'op') continue;
      if (t.value === '(' || t.value === '[' || t.value === '{') level++;
      else if (t.value === ')' || t.value === ']' || t.value === '}') level--;
      else if (t.value === ',' && level === 0) {
        if (k > s) out.push([s, k]);
        s = k + 1;
      }
    }
    if (end > s) out.push([s, end]);
    return out;
  }

  private keywordArg(args: [number, number][], name: string): string | undefined {
    for (const [s, e] of args) {
      if (this.tokens[s]?.value === name && this.tokens[s + 1]?.value === '=')
        return this.text(s + 2, e);
    }
    return undefined;
  }

  private text(start: number, end: number): string {
    const parts: string[] = [];
    for (let k = start; k < end && parts.length < 64; k++) {
      const t = this.tokens[k]!;
      parts.push(t.type === 'string' ? JSON.stringify(t.value.slice(0, 60)) : t.value);
    }
    return parts
      .join(' ')
      .replace(/ ?([.(),[\]]) ?/g, '$1')
      .replace(/,/g, ', ');
  }

  private add(risk: PyRisk, line: number, evidence: string, message: string): void {
    this.findingsPush({ ruleId: RULE_OF[risk], line, evidence, message });
  }

  private findingsPush(f: PyFinding): void {
    const key = `${f.ruleId}\u0000${f.line}\u0000${f.evidence}`;
    if (this.seen.has(key) || this.findings.length >= MAX_FINDINGS) return;
    this.seen.add(key);
    this.findings.push(f);
  }
}

function canonical(module: string): string {
  const head = module.split('.')[0]!;
  const mapped = CANONICAL_MODULES[head];
  return mapped ? mapped + module.slice(head.length) : module;
}

function looksLikePickle(b: Buffer): boolean {
  if (b.length < 2) return false;
  if (b[0] === 0x80 && b[1]! >= 2 && b[1]! <= 5) return true;
  return (
    b[b.length - 1] === 0x2e &&
    (b[0] === 0x63 || b[0] === 0x28) &&
    /\n/.test(b.toString('latin1', 0, 64))
  );
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => (c === '\n' ? '⏎' : '·'));
}

/**
 * A tiny recursive-descent evaluator for constant string expressions: literals, `+`,
 * parentheses, chr(N), str(x), bytes([N, …]), list literals for join, and the trailers
 * .decode() .encode() .lower() .upper() .strip() .replace(a, b) .join([...]) [::-1],
 * plus base64/hex/zlib decoders reached through the file's imports.
 */
class ConstParser {
  pos: number;

  constructor(
    private readonly a: PythonAnalyzer,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  private peek(offset = 0): Token | undefined {
    return this.pos + offset < this.end ? this.a.token(this.pos + offset) : undefined;
  }

  private expect(value: string): void {
    if (this.peek()?.value !== value) throw new Error(`expected ${value}`);
    this.pos++;
  }

  expr(): { value: string; binary: boolean } | undefined {
    let left = this.term();
    while (left && this.peek()?.value === '+') {
      this.pos++;
      const right = this.term();
      if (!right) return undefined;
      left = { value: left.value + right.value, binary: left.binary || right.binary };
      if (left.value.length > MAX_CONST) return undefined;
    }
    return left;
  }

  private term(): { value: string; binary: boolean } | undefined {
    let v = this.atom();
    if (!v) return undefined;
    for (;;) {
      const t = this.peek();
      if (t?.value === '.' && this.peek(1)?.type === 'name') {
        const method = this.peek(1)!.value;
        this.pos += 2;
        this.expect('(');
        const close = this.a.matching(this.pos - 1);
        const args = this.a.splitArgs(this.pos, close);
        const argVals = args.map(([s, e]) => {
          const p = new ConstParser(this.a, s, e);
          const r = p.expr();
          return r && p.pos === e ? r : undefined;
        });
        this.pos = close + 1;
        switch (method) {
          case 'decode':
          case 'encode': {
            const codec = (argVals[0]?.value ?? 'utf-8').toLowerCase().replace(/[-_]/g, '');
            if (codec === 'rot13') v = { value: rot13(v.value), binary: false };
            else if (codec === 'base64') v = { value: decode('b64', v.value) ?? '', binary: true };
            else if (codec === 'hex') v = { value: decode('hex', v.value) ?? '', binary: true };
            else if (method === 'decode' && v.binary)
              v = { value: Buffer.from(v.value, 'latin1').toString('utf8'), binary: false };
            else if (method === 'encode')
              v = { value: Buffer.from(v.value, 'utf8').toString('latin1'), binary: true };
            break;
          }
          case 'lower':
            v = { ...v, value: v.value.toLowerCase() };
            break;
          case 'upper':
            v = { ...v, value: v.value.toUpperCase() };
            break;
          case 'strip':
            v = { ...v, value: v.value.trim() };
            break;
          case 'replace':
            if (!argVals[0] || !argVals[1]) return undefined;
            v = { ...v, value: v.value.split(argVals[0].value).join(argVals[1].value) };
            break;
          case 'join': {
            const list = this.listAt(args[0]);
            if (!list) return undefined;
            v = { value: list.join(v.value), binary: v.binary };
            break;
          }
          default:
            return undefined;
        }
        continue;
      }
      if (t?.value === '[') {
        // Only the reversal slice [::-1].
        const close = this.a.matching(this.pos);
        const inner = [];
        for (let k = this.pos + 1; k < close; k++) inner.push(this.a.token(k)!.value);
        if (inner.join('') !== '::-1') return undefined;
        v = { ...v, value: [...v.value].reverse().join('') };
        this.pos = close + 1;
        continue;
      }
      return v;
    }
  }

  private listAt(range: [number, number] | undefined): string[] | undefined {
    if (!range) return undefined;
    const [s, e] = range;
    const open = this.a.token(s)?.value;
    if ((open !== '[' && open !== '(') || this.a.matching(s) !== e - 1) {
      // map(chr, [..]) form
      const t = this.a.token(s);
      if (
        t?.value === 'map' &&
        this.a.token(s + 1)?.value === '(' &&
        this.a.token(s + 2)?.value === 'chr'
      ) {
        const close = this.a.matching(s + 1);
        const inner = this.a.splitArgs(s + 2, close)[1];
        const nums = inner ? this.numbersIn(inner[0], inner[1]) : undefined;
        return nums?.map((n) => String.fromCharCode(n));
      }
      return undefined;
    }
    const out: string[] = [];
    for (const [as, ae] of this.a.splitArgs(s + 1, e - 1)) {
      const p = new ConstParser(this.a, as, ae);
      const r = p.expr();
      if (!r || p.pos !== ae) return undefined;
      out.push(r.value);
    }
    return out;
  }

  private numbersIn(s: number, e: number): number[] | undefined {
    const open = this.a.token(s)?.value;
    if (open !== '[' && open !== '(') return undefined;
    const out: number[] = [];
    for (const [as, ae] of this.a.splitArgs(s + 1, e - 1)) {
      const t = this.a.token(as);
      if (ae !== as + 1 || t?.type !== 'number') return undefined;
      const n = Number(t.value.replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 0 || n > 0x10ffff) return undefined;
      out.push(n);
    }
    return out;
  }

  private atom(): { value: string; binary: boolean } | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.type === 'string') {
      if (t.dynamic) return undefined;
      let value = '';
      let binary = false;
      while (this.peek()?.type === 'string') {
        const s = this.peek()!;
        if (s.dynamic) return undefined;
        value += s.value;
        binary ||= Boolean(s.bytes);
        this.pos++;
      }
      return { value, binary };
    }
    if (t.value === '(') {
      const close = this.a.matching(this.pos);
      const p = new ConstParser(this.a, this.pos + 1, close);
      const v = p.expr();
      if (!v || p.pos !== close) return undefined;
      this.pos = close + 1;
      return v;
    }
    if (t.type !== 'name') return undefined;
    const { path, end } = this.a.pathAt(this.pos);
    if (this.a.token(end)?.value !== '(' || end >= this.end) return undefined;
    const close = this.a.matching(end);
    const args = this.a.splitArgs(end + 1, close);
    const argVal = (n: number): { value: string; binary: boolean } | undefined => {
      const r = args[n];
      if (!r) return undefined;
      const p = new ConstParser(this.a, r[0], r[1]);
      const v = p.expr();
      return v && p.pos === r[1] ? v : undefined;
    };
    let result: { value: string; binary: boolean } | undefined;
    const name = path;
    if (name === 'chr' || name === 'builtins.chr') {
      const num = args[0] ? this.a.token(args[0][0]) : undefined;
      if (num?.type === 'number' && args[0]![1] === args[0]![0] + 1) {
        const n = Number(num.value);
        if (Number.isInteger(n) && n >= 0 && n <= 0x10ffff)
          result = { value: String.fromCodePoint(n), binary: false };
      }
    } else if (name === 'str' || name === 'bytes' || name === 'bytearray') {
      const r = args[0];
      const nums = r ? this.numbersIn(r[0], r[1]) : undefined;
      if (nums && name !== 'str')
        result = { value: String.fromCharCode(...nums.map((n) => n & 255)), binary: true };
      else result = argVal(0);
    } else if (name === 'codecs.decode' || name === 'codecs.encode') {
      const v = argVal(0);
      const codec = (argVal(1)?.value ?? '').toLowerCase().replace(/[-_]/g, '');
      if (v && codec === 'rot13') result = { value: rot13(v.value), binary: false };
      else if (v && (codec === 'base64' || codec === 'hex'))
        result = { value: decode(codec === 'hex' ? 'hex' : 'b64', v.value) ?? '', binary: true };
    } else if (name !== undefined && name in DECODERS) {
      const v = argVal(0);
      const d = v ? decode(DECODERS[name]!, v.value) : undefined;
      if (d !== undefined) result = { value: d, binary: true };
    }
    if (!result) return undefined;
    this.pos = close + 1;
    return result;
  }
}

function rot13(s: string): string {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** Decodes a literal the way the named Python decoder would; latin1 string of the bytes. */
function decode(kind: string, s: string): string | undefined {
  try {
    switch (kind) {
      case 'b64': {
        const clean = s.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
        return Buffer.from(clean, 'base64').toString('latin1');
      }
      case 'b32':
        return base32(s);
      case 'b16':
      case 'hex': {
        const clean = s.replace(/\s+/g, '');
        if (!/^([0-9a-fA-F]{2})*$/.test(clean)) return undefined;
        return Buffer.from(clean, 'hex').toString('latin1');
      }
      case 'zlib':
        return inflateSync(Buffer.from(s, 'latin1'), { maxOutputLength: MAX_CONST }).toString(
          'latin1',
        );
      case 'gzip':
        return gunzipSync(Buffer.from(s, 'latin1'), { maxOutputLength: MAX_CONST }).toString(
          'latin1',
        );
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

function base32(s: string): string | undefined {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = s.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const c of clean) {
    const idx = alphabet.indexOf(c);
    if (idx < 0) return undefined;
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out += String.fromCharCode((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return out;
}
