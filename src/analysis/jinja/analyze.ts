/**
 * Static analysis of Jinja chat templates (GGUF tokenizer.chat_template, Hugging Face
 * tokenizer_config.json chat_template): parses, never renders, and reports constructs that can
 * escape a sandboxed renderer.
 *
 * Escapes from a Jinja sandbox all go through a name-based lookup (`x.attr`, `x[key]`,
 * `|attr(name)`, `map(attribute=…)`, `str.format` fields) that reaches a dunder or private
 * attribute, or through a global the renderer should not expose. So the analysis is a taint
 * analysis of lookup names rather than a list of known payloads:
 * - every constant name is checked (dunder, private, known gadget attributes);
 * - every name that is not a compile-time constant is traced back (flow-insensitively, through
 *   `set`, loops, namespaces and macro parameters) to what built it: a string built at run time
 *   from template-chosen pieces (concatenation, `~`, `join`, `replace`, `format`, slicing,
 *   reversal, escapes, `dict(k=…)` keys, object reprs…) is an ERROR whatever it spells; a name
 *   that comes from the render context (messages, tools) is a WARNING;
 * - dunder names (variables, keywords) are ERRORs on their own; dunder-shaped strings are
 *   ERRORs where they are looked up, and text elsewhere.
 */
import type { CallArgs, Expr, Stmt } from './ast.js';
import { TemplateSyntaxError, TemplateTooDeep, tokenize, type Token } from './lexer.js';
import {
  ATTRIBUTE_ARGUMENT,
  DANGEROUS_NAMES,
  DUNDER,
  ELEMENT_FILTERS,
  GADGET_ATTRIBUTES,
  HELPER_INSTANCE_ATTRIBUTES,
  RENDERER_GLOBALS,
  SCALAR_FILTERS,
  SEQUENCE_FILTERS,
  TEMPLATE_RULES as R,
} from '../../knowledge/template-names.js';
import { parseTemplate } from './parser.js';

export interface TemplateIssue {
  /** Rule ID (MA5xxx) the caller reports. */
  readonly ruleId: string;
  readonly message: string;
  /** The offending expression or construct, as it appears in the template. */
  readonly evidence: string;
  /** 1-based line in the template, when known. */
  readonly line?: number;
}

export interface TemplateAnalysisOptions {
  /** Templates longer than this (in characters) are not analysed; an issue says so. */
  readonly maxLength?: number;
  /** Most issues returned (the first ones, in template order). */
  readonly maxIssues?: number;
}

/** Real chat templates are a few KiB (the largest known, tool-calling ones, under 64 KiB). */
export const DEFAULT_MAX_TEMPLATE_LENGTH = 1024 * 1024;
const DEFAULT_MAX_ISSUES = 100;
const MAX_CONSTS = 64;
const MAX_FIXPOINT_ROUNDS = 12;

/** Quick check used by metadata scanners: does this string look like a Jinja template? */
export function looksLikeTemplate(text: string): boolean {
  return /\{[{%#][\s\S]*?[}%#]\}/.test(text);
}

/** Analyzes one template; never throws (a template that cannot be parsed is an issue too). */
export function analyzeTemplate(
  template: string,
  options: TemplateAnalysisOptions = {},
): TemplateIssue[] {
  const maxLength = options.maxLength ?? DEFAULT_MAX_TEMPLATE_LENGTH;
  if (template.length > maxLength) {
    return [
      {
        ruleId: R.tooLarge,
        message: `template of ${template.length} characters is longer than the ${maxLength} analysed; it was not checked`,
        evidence: snippet(template.slice(0, 120)),
      },
    ];
  }
  const issues = new IssueList(options.maxIssues ?? DEFAULT_MAX_ISSUES);
  let tokens: Token[];
  let body: Stmt[];
  try {
    tokens = tokenize(template);
    body = parseTemplate(template, tokens);
  } catch (err) {
    const line = err instanceof TemplateSyntaxError ? err.line : undefined;
    // A syntax error is one jinja2 raises too: no jinja2 renderer can run the template. Our own
    // nesting limit is not: jinja2 may run what we did not analyse.
    const tooDeep = err instanceof TemplateTooDeep;
    issues.add({
      ruleId: tooDeep ? R.tooLarge : R.unparseable,
      message: tooDeep
        ? `template ${err.message}, deeper than the analysis follows; it was not checked`
        : `template is not valid Jinja (${err instanceof Error ? err.message : String(err)}): jinja2 refuses to compile it, so it cannot run there; it was not checked`,
      evidence: snippet(lineOf(template, line) ?? template.slice(0, 120)),
      ...(line !== undefined ? { line } : {}),
    });
    // Parsing failed: still report what the tokens alone show, when they can be read.
    try {
      lexicalChecks(tokenize(template), template, issues);
    } catch {
      // The lexer failed too; the parse issue above stands.
    }
    return issues.list();
  }
  lexicalChecks(tokens, template, issues);
  new Analyzer(template, issues).run(body);
  return issues.list();
}

class IssueList {
  private readonly items: TemplateIssue[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}

  add(issue: TemplateIssue): void {
    const key = `${issue.ruleId}\u0000${issue.line ?? ''}\u0000${issue.evidence}`;
    if (this.seen.has(key) || this.items.length >= this.max) return;
    this.seen.add(key);
    this.items.push(issue);
  }

  list(): TemplateIssue[] {
    return [...this.items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

function snippet(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function lineOf(template: string, line: number | undefined): string | undefined {
  if (line === undefined) return undefined;
  return template.split('\n')[line - 1];
}

function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 79)}…` : s);
}

/** Checks on the token stream: dunder names, obfuscated literals. */
function lexicalChecks(tokens: readonly Token[], template: string, issues: IssueList): void {
  tokens.forEach((t, i) => {
    // Attribute names (after a dot) are reported by the lookup checks, with their expression.
    const afterDot = i > 0 && tokens[i - 1]!.type === 'operator' && tokens[i - 1]!.value === '.';
    if (t.type === 'name' && !afterDot && DUNDER.test(t.value)) {
      issues.add({
        ruleId: R.dunder,
        message: `template names the Python special attribute ${t.value}, the first step of a sandbox escape`,
        evidence: t.value,
        line: t.line,
      });
    } else if (t.type === 'string') {
      // A dunder-shaped string is judged where it is looked up (checkLookup follows constants
      // into subscripts, attr(), attribute= arguments and format fields); as a value it is text.
      const source = template.slice(t.start, t.end);
      if (t.obfuscated) {
        issues.add({
          ruleId: R.obfuscatedLiteral,
          message: `string literal writes ordinary characters as escapes (decodes to ${quote(t.value)}), which only hides names from review`,
          evidence: snippet(source),
          line: t.line,
        });
      }
    }
  });
}

// ---- abstract values ----------------------------------------------------------------------

/**
 * What an expression may evaluate to, over-approximated: constant strings, strings built at
 * run time from template-chosen pieces, values from the render context, scalars, known
 * objects, and what iterating or indexing it yields.
 */
interface Val {
  readonly strs: ReadonlySet<string>;
  readonly built: boolean;
  readonly data: boolean;
  readonly scalar: boolean;
  readonly objs: ReadonlySet<string>;
  readonly items?: Val;
  /** Reached through a lookup whose name came from the render input. */
  readonly viaInputName?: boolean;
  /** Comes from the model's own configuration (special tokens), which the same author controls. */
  readonly fromConfig?: boolean;
}

const EMPTY: Val = { strs: new Set(), built: false, data: false, scalar: false, objs: new Set() };
const DATA: Val = { ...EMPTY, data: true };
const SCALAR: Val = { ...EMPTY, scalar: true };
const BUILT: Val = { ...EMPTY, built: true };

function val(parts: Partial<Val>): Val {
  return { ...EMPTY, ...parts };
}

const constCache = new Map<string, Val>();
/** The value of a string constant (shared: values are never mutated). */
function constVal(s: string): Val {
  let v = constCache.get(s);
  if (!v) {
    v = val({ strs: new Set([s]) });
    if (constCache.size < 10_000) constCache.set(s, v);
  }
  return v;
}

function union(a: Val | undefined, b: Val | undefined, depth = 0): Val {
  if (!a) return b ?? EMPTY;
  if (!b) return a;
  if (a === b) return a;
  let strs = a.strs;
  let built = a.built || b.built;
  if (b.strs.size) {
    const s = new Set(a.strs);
    for (const x of b.strs) s.add(x);
    if (s.size > MAX_CONSTS) built = true;
    else strs = s;
  }
  const objs = b.objs.size ? new Set([...a.objs, ...b.objs]) : a.objs;
  const items =
    depth > 3
      ? (a.items ?? b.items)
      : a.items || b.items
        ? union(a.items, b.items, depth + 1)
        : undefined;
  return {
    strs,
    built,
    data: a.data || b.data,
    scalar: a.scalar || b.scalar,
    objs,
    ...(items ? { items } : {}),
    ...(a.viaInputName || b.viaInputName ? { viaInputName: true } : {}),
    ...(a.fromConfig || b.fromConfig ? { fromConfig: true } : {}),
  };
}

function unionAll(vals: readonly (Val | undefined)[]): Val {
  return vals.reduce<Val>((acc, v) => union(acc, v), EMPTY);
}

/** Whether a value may carry template-chosen text (constants, built strings, object reprs). */
function carriesTemplateText(v: Val | undefined, depth = 0): boolean {
  if (!v || depth > 4) return false;
  return v.built || v.strs.size > 0 || v.objs.size > 0 || carriesTemplateText(v.items, depth + 1);
}

function carriesData(v: Val | undefined, depth = 0): boolean {
  if (!v || depth > 4) return false;
  return v.data || carriesData(v.items, depth + 1);
}

/** A string computed at run time from these inputs. */
function derived(...inputs: (Val | undefined)[]): Val {
  const built = inputs.some((v) => carriesTemplateText(v));
  const data = inputs.some((v) => carriesData(v));
  return val({ built, data, scalar: !built && !data });
}

/** What indexing or iterating a value yields. */
function elementOf(v: Val): Val {
  const fromString = v.built || v.strs.size > 0 ? BUILT : EMPTY;
  return union(union(v.items, fromString), v.data ? DATA : EMPTY);
}

function isScalarOnly(v: Val): boolean {
  return v.scalar && !v.built && !v.data && v.strs.size === 0 && v.objs.size === 0 && !v.items;
}

function sameVal(a: Val | undefined, b: Val | undefined, depth = 0): boolean {
  if (a === b) return true;
  if (!a || !b || depth > 4) return false;
  return (
    a.built === b.built &&
    a.data === b.data &&
    a.scalar === b.scalar &&
    a.strs.size === b.strs.size &&
    [...a.strs].every((s) => b.strs.has(s)) &&
    a.objs.size === b.objs.size &&
    [...a.objs].every((s) => b.objs.has(s)) &&
    Boolean(a.viaInputName) === Boolean(b.viaInputName) &&
    Boolean(a.fromConfig) === Boolean(b.fromConfig) &&
    sameVal(a.items, b.items, depth + 1)
  );
}

// ---- the analysis -------------------------------------------------------------------------

type Env = Map<string, Val>;

class Analyzer {
  /** Values of template variables: the union of every assignment (flow-insensitive). */
  private env: Env = new Map();
  /** Attributes stored on namespace objects, by attribute name. */
  private ns: Env = new Map();
  /** Arguments macros are called with, by "macro\u0000param". */
  private macroArgs: Env = new Map();
  private readonly bound = new Set<string>();
  private readonly macros = new Map<string, readonly string[]>();
  private changed = false;
  private reporting = false;

  constructor(
    private readonly template: string,
    private readonly issues: IssueList,
  ) {}

  run(body: readonly Stmt[]): void {
    this.collectBindings(body);
    for (let round = 0; round < MAX_FIXPOINT_ROUNDS; round++) {
      this.changed = false;
      this.walkStmts(body);
      if (!this.changed) break;
    }
    this.reporting = true;
    this.walkStmts(body);
  }

  private ev(node: Expr): string {
    return snippet(this.template.slice(node.start, node.end));
  }

  private report(ruleId: string, message: string, node: Expr | Stmt): void {
    if (!this.reporting) return;
    this.issues.add({
      ruleId,
      message,
      evidence: snippet(this.template.slice(node.start, node.end)),
      line: node.line,
    });
  }

  // -- bindings --

  private collectBindings(body: readonly Stmt[]): void {
    const targetNames = (e: Expr): void => {
      if (e.kind === 'name') this.bound.add(e.name);
      else if (e.kind === 'tuple') e.items.forEach(targetNames);
    };
    const visit = (stmts: readonly Stmt[]): void => {
      for (const s of stmts) {
        switch (s.kind) {
          case 'set':
          case 'setblock':
            targetNames(s.target);
            break;
          case 'for':
            targetNames(s.target);
            this.bound.add('loop');
            break;
          case 'macro':
            this.bound.add(s.name);
            this.macros.set(s.name, s.params);
            s.params.forEach((p) => this.bound.add(p));
            this.bound.add('varargs');
            this.bound.add('kwargs');
            this.bound.add('caller');
            break;
          case 'callblock':
            s.params.forEach((p) => this.bound.add(p));
            break;
          case 'with':
            s.targets.forEach(targetNames);
            break;
          case 'load':
            s.names.forEach((n) => this.bound.add(n));
            break;
          default:
        }
        for (const child of childBodies(s)) visit(child);
      }
    };
    visit(body);
  }

  private assign(env: Env, key: string, v: Val): void {
    const old = env.get(key);
    const next = union(old, v);
    if (!sameVal(old, next)) {
      env.set(key, next);
      this.changed = true;
    }
  }

  private bindTarget(target: Expr, v: Val): void {
    if (target.kind === 'name') this.assign(this.env, target.name, v);
    else if (target.kind === 'nsref') this.assign(this.ns, target.attr, v);
    else if (target.kind === 'tuple') {
      const element = elementOf(v);
      for (const t of target.items) this.bindTarget(t, element);
    }
  }

  // -- statements --

  private walkStmts(stmts: readonly Stmt[]): void {
    for (const s of stmts) this.walkStmt(s);
  }

  private walkStmt(s: Stmt): void {
    switch (s.kind) {
      case 'data':
      case 'loopcontrol':
        return;
      case 'output':
        s.nodes.forEach((n) => this.eval(n));
        return;
      case 'do':
        this.eval(s.value);
        return;
      case 'if':
        for (const b of s.branches) {
          this.eval(b.test);
          this.walkStmts(b.body);
        }
        this.walkStmts(s.else_);
        return;
      case 'for': {
        const recursed = s.recursive ? this.env.get('loop\u0000recursive') : undefined;
        const iter = union(this.eval(s.iter), recursed);
        this.bindTarget(s.target, elementOf(iter));
        this.assign(this.env, 'loop', val({ objs: new Set(['loop']), items: elementOf(iter) }));
        if (s.test) this.eval(s.test);
        this.walkStmts(s.body);
        this.walkStmts(s.else_);
        return;
      }
      case 'set':
        this.bindTarget(s.target, this.eval(s.value));
        return;
      case 'setblock':
        // The captured output: text the template wrote, possibly run through filters.
        this.walkStmts(s.body);
        this.bindTarget(
          s.target,
          s.filter ? union(BUILT, this.evalFilterChain(s.filter, BUILT)) : BUILT,
        );
        return;
      case 'macro': {
        this.assign(this.env, s.name, val({ objs: new Set([`macro:${s.name}`]) }));
        const firstDefault = s.params.length - s.defaults.length;
        s.params.forEach((p, i) => {
          const passed = this.macroArgs.get(`${s.name}\u0000${p}`);
          const def = i >= firstDefault ? this.eval(s.defaults[i - firstDefault]!) : undefined;
          this.assign(this.env, p, passed || def ? union(passed, def) : DATA);
        });
        this.assign(this.env, 'varargs', union(this.macroArgs.get(`${s.name}\u0000*`), DATA));
        this.assign(this.env, 'kwargs', union(this.macroArgs.get(`${s.name}\u0000*`), DATA));
        this.assign(this.env, 'caller', val({ objs: new Set(['caller']) }));
        this.walkStmts(s.body);
        return;
      }
      case 'callblock': {
        // The block's parameters receive what the macro passes to caller(…).
        const passed = this.macroArgs.get('caller\u0000*');
        s.params.forEach((p) => this.assign(this.env, p, union(DATA, passed)));
        s.defaults.forEach((d) => this.eval(d));
        this.eval(s.call);
        this.walkStmts(s.body);
        return;
      }
      case 'filterblock':
        this.walkStmts(s.body);
        this.evalFilterChain(s.filter, BUILT);
        return;
      case 'with':
        s.values.forEach((v, i) => {
          const t = s.targets[i];
          const value = this.eval(v);
          if (t) this.bindTarget(t, value);
        });
        this.walkStmts(s.body);
        return;
      case 'load':
        this.eval(s.template);
        this.report(
          R.fileAccess,
          `{% ${s.tag} %} loads another template through the renderer's loader, which can read files`,
          s,
        );
        s.names.forEach((n) => this.assign(this.env, n, val({ objs: new Set(['imported']) })));
        return;
      case 'block':
      case 'scope':
        if (s.kind === 'scope' && s.value) this.eval(s.value);
        this.walkStmts(s.body);
        return;
    }
  }

  // -- expressions --

  private evalArgs(call: CallArgs): { args: Val[]; kwargs: Map<string, Val>; dyn: Val } {
    const args = call.args.map((a) => this.eval(a));
    const kwargs = new Map<string, Val>();
    for (const k of call.kwargs) kwargs.set(k.key, this.eval(k.value));
    const dyn = union(
      call.dynArgs ? elementOf(this.eval(call.dynArgs)) : undefined,
      call.dynKwargs ? elementOf(this.eval(call.dynKwargs)) : undefined,
    );
    return { args, kwargs, dyn };
  }

  private eval(node: Expr): Val {
    switch (node.kind) {
      case 'const':
        return typeof node.value === 'string' ? constVal(node.value) : SCALAR;
      case 'name':
        return this.evalName(node);
      case 'nsref':
        return this.ns.get(node.attr) ?? DATA;
      case 'getattr': {
        const base = this.eval(node.node);
        const name = constVal(node.attr);
        this.checkLookup(name, base, node, node);
        return this.attributeOf(base, name);
      }
      case 'getitem': {
        const base = this.eval(node.node);
        if (node.arg.kind === 'slice') {
          node.arg.parts.forEach((p) => p && this.eval(p));
          return union(
            val({ items: elementOf(base) }),
            base.built || base.strs.size ? BUILT : base.data ? DATA : EMPTY,
          );
        }
        const key = this.eval(node.arg);
        this.checkLookup(key, base, node, node.arg);
        const out = this.attributeOf(base, key);
        return key.data && !isScalarOnly(key) ? { ...out, viaInputName: true } : out;
      }
      case 'slice':
        node.parts.forEach((p) => p && this.eval(p));
        return SCALAR;
      case 'call':
        return this.evalCall(node);
      case 'filter':
        return this.evalFilter(node, node.node ? this.eval(node.node) : BUILT);
      case 'test':
        this.eval(node.node);
        this.evalArgs(node.call);
        return SCALAR;
      case 'binop': {
        const l = this.eval(node.left);
        const r = this.eval(node.right);
        if (node.op === 'and' || node.op === 'or') return union(l, r);
        if (isScalarOnly(l) && isScalarOnly(r)) return SCALAR;
        return derived(l, r);
      }
      case 'unary': {
        const v = this.eval(node.node);
        return node.op === 'not' ? SCALAR : isScalarOnly(v) ? SCALAR : derived(v);
      }
      case 'compare':
        this.eval(node.expr);
        node.ops.forEach((o) => this.eval(o.expr));
        return SCALAR;
      case 'condexpr':
        this.eval(node.test);
        return union(this.eval(node.expr1), node.expr2 ? this.eval(node.expr2) : undefined);
      case 'tuple':
      case 'list':
        return val({ items: unionAll(node.items.map((i) => this.eval(i))) });
      case 'dict':
        return val({
          items: unionAll(node.items.flatMap((i) => [this.eval(i.key), this.eval(i.value)])),
        });
      case 'concat':
        return derived(...node.nodes.map((n) => this.eval(n)));
    }
  }

  private evalName(node: Expr & { kind: 'name' }): Val {
    const name = node.name;
    const local = this.env.get(name);
    if (this.bound.has(name)) return local ?? DATA;
    if (DANGEROUS_NAMES.has(name)) {
      this.report(
        R.dangerousGlobal,
        `template reads the global ${name}, which a chat template never needs and sandbox escapes start from`,
        node,
      );
      return val({ objs: new Set([`gadget:${name}`]) });
    }
    if (RENDERER_GLOBALS.has(name)) return val({ objs: new Set([`global:${name}`]) });
    if (name === 'loop') return val({ objs: new Set(['loop']) });
    // Special tokens come from the tokenizer configuration, written by the template's author.
    if (/(^|_)token$/.test(name)) return { ...DATA, fromConfig: true };
    // Any other free name is render context: messages, tools, flags.
    return DATA;
  }

  /** The value of `base.name` / `base[name]` (the checks were done by the caller). */
  private attributeOf(base: Val, key: Val): Val {
    const plain = base.objs.size
      ? { ...base, objs: new Set<string>(), items: base.objs.has('loop') ? undefined : base.items }
      : base;
    let out =
      plain.items || plain.built || plain.strs.size || plain.data ? elementOf(plain) : EMPTY;
    for (const o of base.objs) {
      if (o === 'ns')
        for (const k of key.strs) out = union(out, this.ns.get(k) ?? this.ns.get('*') ?? DATA);
      else if (o === 'loop') {
        if (key.strs.has('cycle')) out = union(out, val({ objs: new Set(['loop.cycle']) }));
        if (key.strs.has('previtem') || key.strs.has('nextitem'))
          out = union(out, base.items ?? DATA);
        out = union(out, SCALAR);
      } else out = union(out, DATA);
    }
    return out;
  }

  private evalCall(node: Expr & { kind: 'call' }): Val {
    const target = node.node;
    // Method calls: receiver.method(args).
    if (target.kind === 'getattr') {
      const recv = this.eval(target.node);
      const method = target.attr;
      this.checkLookup(constVal(method), recv, target, target);
      const { args, kwargs, dyn } = this.evalArgs(node.call);
      if (method === 'format' || method === 'format_map') this.checkFormat(recv, node);
      if (recv.objs.has('loop') && method === 'cycle') return unionAll(args);
      if (recv.objs.has('ns') && !recv.built && !recv.data && !recv.strs.size) return DATA;
      if (method === 'get' || method === 'pop' || method === 'setdefault')
        return union(this.attributeOf(recv, args[0] ?? DATA), args[1]);
      if (method === 'items' || method === 'keys' || method === 'values')
        return val({
          items: union(elementOf(recv), val({ items: elementOf(recv) })),
          data: recv.data,
        });
      return derived(recv, ...args, ...kwargs.values(), dyn);
    }
    const fn = this.eval(target);
    const { args, kwargs, dyn } = this.evalArgs(node.call);
    let out: Val = EMPTY;
    for (const o of fn.objs) {
      if (o === 'global:range') out = union(out, val({ scalar: true, items: SCALAR }));
      else if (o === 'global:dict') {
        // dict(k=…) turns keyword names into strings: `dict(__class__=1)|first`.
        const keys = val({ strs: new Set(kwargs.keys()) });
        out = union(
          out,
          val({ items: unionAll([keys, ...kwargs.values(), dyn, ...args.map(elementOf)]) }),
        );
      } else if (o === 'global:namespace') {
        for (const [k, v] of kwargs) this.assign(this.ns, k, v);
        if (node.call.dynKwargs || args.length)
          this.assign(this.ns, '*', union(dyn, unionAll(args)));
        out = union(out, val({ objs: new Set(['ns']) }));
      } else if (o === 'global:cycler')
        out = union(out, val({ objs: new Set(['cycler']), items: unionAll(args) }));
      else if (o === 'global:joiner')
        out = union(out, val({ objs: new Set(['joiner']), items: unionAll(args) }));
      else if (o === 'global:lipsum') out = union(out, BUILT);
      else if (o === 'joiner' || o === 'cycler') out = union(out, union(BUILT, fn.items));
      else if (o === 'loop.cycle') out = union(out, unionAll(args));
      else if (o === 'caller') {
        this.assign(this.macroArgs, 'caller\u0000*', unionAll([...args, ...kwargs.values(), dyn]));
        out = union(out, BUILT);
      } else if (o === 'loop') {
        // loop(children) in a recursive for: the argument is iterated by the same loop.
        this.assign(this.env, 'loop\u0000recursive', unionAll(args));
        out = union(out, BUILT);
      } else if (o.startsWith('macro:')) {
        const macro = o.slice('macro:'.length);
        const params = this.macros.get(macro) ?? [];
        args.forEach((a, i) => this.assign(this.macroArgs, `${macro}\u0000${params[i] ?? '*'}`, a));
        for (const [k, v] of kwargs)
          this.assign(this.macroArgs, `${macro}\u0000${params.includes(k) ? k : '*'}`, v);
        if (node.call.dynArgs || node.call.dynKwargs)
          for (const p of [...params, '*']) this.assign(this.macroArgs, `${macro}\u0000${p}`, dyn);
        out = union(out, BUILT);
      } else out = union(out, derived(...args, ...kwargs.values(), dyn));
    }
    if (fn.data || fn.built || fn.strs.size)
      out = union(out, derived(fn, ...args, ...kwargs.values(), dyn));
    return out === EMPTY ? DATA : out;
  }

  private evalFilterChain(filter: Expr, input: Val): Val {
    if (filter.kind !== 'filter') return this.eval(filter);
    const inner = filter.node ? this.evalFilterChain(filter.node, input) : input;
    return this.evalFilter(filter, inner);
  }

  private evalFilter(node: Expr & { kind: 'filter' }, input: Val): Val {
    const { args, kwargs, dyn } = this.evalArgs(node.call);
    const name = node.name;
    this.checkFilterLookups(node, input, args, kwargs);
    if (SCALAR_FILTERS.has(name)) return SCALAR;
    if (name === 'default' || name === 'd') return union(input, args[0]);
    if (name === 'attr') return this.attributeOf(input, args[0] ?? kwargs.get('name') ?? DATA);
    if (ELEMENT_FILTERS.has(name)) return elementOf(input);
    if (name === 'map') {
      const attribute = kwargs.get('attribute');
      return val({ items: attribute ? DATA : derived(elementOf(input), ...args.slice(1), dyn) });
    }
    if (SEQUENCE_FILTERS.has(name)) {
      const seq = val({ items: elementOf(input), data: input.data });
      return input.built || input.strs.size ? union(seq, BUILT) : seq;
    }
    return derived(input, ...args, ...kwargs.values(), dyn);
  }

  // -- checks --

  /** Checks a name-based lookup `base[key]` / `base.key`. */
  private checkLookup(key: Val, base: Val, node: Expr, nameNode: Expr, byFilter = false): void {
    const shown = (): string =>
      nameNode === node && node.kind === 'getattr' ? node.attr : this.ev(nameNode);
    if (!this.reporting) return;
    for (const s of key.strs) this.checkConstantName(s, node);
    for (const o of base.objs) {
      if (o.startsWith('global:')) {
        this.report(
          R.dangerousGlobal,
          `template reads an attribute of the global ${o.slice(7)}, a known path to its module globals`,
          node,
        );
      } else if (
        (o === 'cycler' || o === 'joiner') &&
        [...key.strs].some((s) => !HELPER_INSTANCE_ATTRIBUTES.has(s))
      ) {
        this.report(
          R.dangerousGlobal,
          `template reads an unusual attribute of a ${o} object`,
          node,
        );
      }
    }
    if (key.built) {
      this.report(
        R.dynamicLookup,
        `attribute or item looked up by a name built at run time (${snippet(shown(), 60)}), which can spell any attribute`,
        node,
      );
    } else if (key.data && !isScalarOnly(key)) {
      // One lookup by an input-supplied name (`table[message.role]`) is ordinary; a chain of
      // them, one on a global, or one keyed by a special token can walk to any attribute.
      const why = key.fromConfig
        ? 'a special token from the model configuration'
        : base.viaInputName
          ? 'the render input, on a value itself reached that way'
          : [...base.objs].some((o) => o.startsWith('global:') || o.startsWith('gadget:'))
            ? 'the render input, on a global object'
            : byFilter
              ? 'the render input'
              : undefined;
      if (why)
        this.report(
          R.unresolvedLookup,
          `attribute or item looked up by a name taken from ${why} (${snippet(shown(), 60)}) rather than written in the template`,
          node,
        );
    }
  }

  private checkConstantName(name: string, node: Expr): void {
    if (DUNDER.test(name) || name.startsWith('__')) {
      this.report(R.dunder, `template reaches the Python special attribute ${quote(name)}`, node);
    } else if (name.startsWith('_')) {
      this.report(
        R.gadgetAttribute,
        `template reaches the private attribute ${quote(name)}, which sandboxes block because escapes use it`,
        node,
      );
    } else if (GADGET_ATTRIBUTES.has(name)) {
      this.report(
        R.gadgetAttribute,
        `template reaches ${quote(name)}, an attribute used to escape sandboxes`,
        node,
      );
    }
  }

  /** Filters that look attributes up by name: attr, map(attribute=…), selectattr, sort… */
  private checkFilterLookups(
    node: Expr & { kind: 'filter' },
    input: Val,
    args: Val[],
    kwargs: Map<string, Val>,
  ): void {
    if (!this.reporting) return;
    const spec = ATTRIBUTE_ARGUMENT[node.name];
    let names: Val | undefined;
    if (spec)
      names =
        kwargs.get(spec.keyword) ?? (spec.position !== undefined ? args[spec.position] : undefined);
    if (node.name === 'map' && !kwargs.has('attribute') && args[0]) {
      // map(filter, …) applies another filter by name: map('attr', name) is a lookup too.
      const filterName = args[0];
      if (filterName.built || filterName.data) {
        this.report(
          R.dynamicLookup,
          'map() applies a filter whose name is computed at run time',
          node,
        );
      }
      if (filterName.strs.has('attr')) names = args[1];
    }
    if (!names) return;
    // make_attrgetter splits dotted paths and looks each part up.
    const parts = val({
      ...names,
      strs: new Set([...names.strs].flatMap((s) => s.split('.'))),
    });
    this.checkLookup(parts, input, node, node, true);
  }

  /** str.format / format_map: replacement fields can read attributes and items. */
  private checkFormat(recv: Val, node: Expr): void {
    if (!this.reporting) return;
    if (recv.built) {
      this.report(
        R.dynamicLookup,
        'str.format on a string built at run time can read any attribute through its fields',
        node,
      );
    }
    for (const s of recv.strs) {
      for (const field of s.matchAll(/\{([^{}!:]*)/g)) {
        for (const part of field[1]!.matchAll(/\.([^.[]+)|\[([^\]]*)\]/g)) {
          const name = part[1] ?? part[2];
          if (name !== undefined) this.checkConstantName(name, node);
        }
      }
    }
  }
}

function childBodies(s: Stmt): (readonly Stmt[])[] {
  switch (s.kind) {
    case 'if':
      return [...s.branches.map((b) => b.body), s.else_];
    case 'for':
      return [s.body, s.else_];
    case 'setblock':
    case 'macro':
    case 'callblock':
    case 'filterblock':
    case 'with':
    case 'block':
    case 'scope':
      return [s.body];
    default:
      return [];
  }
}
