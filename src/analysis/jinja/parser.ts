/**
 * A recursive-descent Jinja parser that mirrors jinja2's parser.py statement by statement, so
 * what it accepts and how it groups expressions match what a Python chat server compiles. It
 * also accepts the extension tags chat servers enable (`do`, `break`, `continue`,
 * `generation`). Nesting is bounded: deeper input is a syntax error, never a stack overflow.
 */
import type { CallArgs, Expr, Keyword, Stmt } from './ast.js';
import { TemplateSyntaxError, TemplateTooDeep, tokenize, type Token } from './lexer.js';

/** Deepest expression or statement nesting accepted (real templates stay far below). */
export const MAX_NESTING = 200;

const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Parses a template (or its tokens, when the caller already has them). */
export function parseTemplate(source: string, tokens: readonly Token[] = tokenize(source)): Stmt[] {
  return new Parser(tokens).parseTemplate();
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private get cur(): Token {
    return this.tokens[this.i]!;
  }

  private look(): Token {
    return this.tokens[Math.min(this.i + 1, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.cur;
    if (t.type !== 'eof') this.i++;
    return t;
  }

  private is(type: Token['type'], value?: string): boolean {
    return this.cur.type === type && (value === undefined || this.cur.value === value);
  }

  private isOp(value: string): boolean {
    return this.is('operator', value);
  }

  private isName(value: string): boolean {
    return this.is('name', value);
  }

  private skipOp(value: string): boolean {
    if (!this.isOp(value)) return false;
    this.next();
    return true;
  }

  private skipName(value: string): boolean {
    if (!this.isName(value)) return false;
    this.next();
    return true;
  }

  private fail(message: string, token: Token = this.cur): never {
    throw new TemplateSyntaxError(message, token.line);
  }

  private describe(t: Token): string {
    return t.type === 'eof' ? 'end of template' : `'${t.value}'`;
  }

  private expect(type: Token['type'], value?: string): Token {
    if (!this.is(type, value))
      this.fail(`expected ${value ? `'${value}'` : type}, got ${this.describe(this.cur)}`);
    return this.next();
  }

  private expectOp(value: string): Token {
    return this.expect('operator', value);
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING)
      throw new TemplateTooDeep(`nesting deeper than ${MAX_NESTING} levels`, this.cur.line);
  }

  private leave(): void {
    this.depth--;
  }

  private span(start: Token): { line: number; start: number; end: number } {
    const last = this.tokens[Math.max(0, this.i - 1)]!;
    return { line: start.line, start: start.start, end: Math.max(start.end, last.end) };
  }

  // ---- statements -------------------------------------------------------------------------

  parseTemplate(): Stmt[] {
    const body = this.subparse(undefined);
    if (!this.is('eof')) this.fail(`unexpected ${this.describe(this.cur)}`);
    return body;
  }

  /** Parses until one of the end tags (`name` values) opens a block, or the end. */
  private subparse(endTags: readonly string[] | undefined): Stmt[] {
    const body: Stmt[] = [];
    this.enter();
    try {
      while (!this.is('eof')) {
        const t = this.cur;
        if (t.type === 'data') {
          this.next();
          body.push({ kind: 'data', line: t.line, start: t.start, end: t.end });
        } else if (t.type === 'variable_begin') {
          this.next();
          const node = this.parseTuple({ withCondexpr: true });
          this.expect('variable_end');
          body.push({ kind: 'output', nodes: [node], ...this.span(t) });
        } else if (t.type === 'block_begin') {
          this.next();
          if (endTags && this.is('name') && endTags.includes(this.cur.value)) return body;
          body.push(this.parseStatement());
          this.expect('block_end');
        } else this.fail(`unexpected ${this.describe(t)}`);
      }
      if (endTags) this.fail(`unexpected end of template, expected ${endTags.join(' or ')}`);
      return body;
    } finally {
      this.leave();
    }
  }

  /** After a statement's head: the block_end, then the body up to one of the end tags. */
  private parseStatements(endTags: readonly string[], dropNeedle = false): Stmt[] {
    this.skipOp(':');
    this.expect('block_end');
    const body = this.subparse(endTags);
    if (this.is('eof')) this.fail(`unexpected end of template, expected ${endTags.join(' or ')}`);
    if (dropNeedle) this.next();
    return body;
  }

  private parseStatement(): Stmt {
    const t = this.cur;
    if (t.type !== 'name') this.fail('tag name expected');
    switch (t.value) {
      case 'for':
        return this.parseFor();
      case 'if':
        return this.parseIf();
      case 'set':
        return this.parseSet();
      case 'macro':
        return this.parseMacro();
      case 'call':
        return this.parseCallBlock();
      case 'filter':
        return this.parseFilterBlock();
      case 'with':
        return this.parseWith();
      case 'block':
        return this.parseBlock();
      case 'extends':
      case 'include':
      case 'import':
      case 'from':
        return this.parseLoad();
      case 'print': {
        this.next();
        const nodes: Expr[] = [];
        while (!this.is('block_end')) {
          if (nodes.length) this.expectOp(',');
          nodes.push(this.parseExpression());
        }
        return { kind: 'output', nodes, ...this.span(t) };
      }
      case 'autoescape': {
        this.next();
        const value = this.parseExpression();
        const body = this.parseStatements(['endautoescape'], true);
        return { kind: 'scope', tag: 'autoescape', value, body, ...this.span(t) };
      }
      case 'generation': {
        // transformers' AssistantTracker extension.
        this.next();
        const body = this.parseStatements(['endgeneration'], true);
        return { kind: 'scope', tag: 'generation', body, ...this.span(t) };
      }
      case 'do': {
        this.next();
        return { kind: 'do', value: this.parseTuple({ withCondexpr: true }), ...this.span(t) };
      }
      case 'break':
      case 'continue':
        this.next();
        return { kind: 'loopcontrol', tag: t.value, ...this.span(t) };
      default:
        return this.fail(`unknown tag '${t.value}'`);
    }
  }

  private parseFor(): Stmt {
    const t = this.next();
    const target = this.parseAssignTarget({ extraEnd: ['in'] });
    this.expect('name', 'in');
    const iter = this.parseTuple({ withCondexpr: false, extraEnd: ['recursive'] });
    const test = this.skipName('if') ? this.parseExpression() : undefined;
    const recursive = this.skipName('recursive');
    const body = this.parseStatements(['endfor', 'else']);
    const else_ = this.next().value === 'endfor' ? [] : this.parseStatements(['endfor'], true);
    return {
      kind: 'for',
      target,
      iter,
      ...(test ? { test } : {}),
      recursive,
      body,
      else_,
      ...this.span(t),
    };
  }

  private parseIf(): Stmt {
    const t = this.next();
    const branches: { test: Expr; body: Stmt[] }[] = [];
    let else_: Stmt[] = [];
    for (;;) {
      const test = this.parseTuple({ withCondexpr: false });
      const body = this.parseStatements(['elif', 'else', 'endif']);
      branches.push({ test, body });
      const tok = this.next();
      if (tok.value === 'elif') continue;
      if (tok.value === 'else') else_ = this.parseStatements(['endif'], true);
      break;
    }
    return { kind: 'if', branches, else_, ...this.span(t) };
  }

  private parseSet(): Stmt {
    const t = this.next();
    const target = this.parseAssignTarget({ withNamespace: true });
    if (this.skipOp('=')) {
      const value = this.parseTuple({ withCondexpr: true });
      return { kind: 'set', target, value, ...this.span(t) };
    }
    const filter = this.isOp('|') ? this.parseFilter(undefined, false) : undefined;
    const body = this.parseStatements(['endset'], true);
    return { kind: 'setblock', target, ...(filter ? { filter } : {}), body, ...this.span(t) };
  }

  private parseSignature(): { params: string[]; defaults: Expr[] } {
    const params: string[] = [];
    const defaults: Expr[] = [];
    this.expectOp('(');
    while (!this.isOp(')')) {
      if (params.length) this.expectOp(',');
      params.push(this.expect('name').value);
      if (this.skipOp('=')) defaults.push(this.parseExpression());
      else if (defaults.length) this.fail('non-default argument follows default argument');
    }
    this.expectOp(')');
    return { params, defaults };
  }

  private parseMacro(): Stmt {
    const t = this.next();
    const name = this.expect('name').value;
    const { params, defaults } = this.parseSignature();
    const body = this.parseStatements(['endmacro'], true);
    return { kind: 'macro', name, params, defaults, body, ...this.span(t) };
  }

  private parseCallBlock(): Stmt {
    const t = this.next();
    const sig = this.isOp('(') ? this.parseSignature() : { params: [], defaults: [] };
    const call = this.parseExpression();
    if (call.kind !== 'call') this.fail('expected call');
    const body = this.parseStatements(['endcall'], true);
    return { kind: 'callblock', call, ...sig, body, ...this.span(t) };
  }

  private parseFilterBlock(): Stmt {
    const t = this.next();
    const filter = this.parseFilter(undefined, true);
    const body = this.parseStatements(['endfilter'], true);
    return { kind: 'filterblock', filter, body, ...this.span(t) };
  }

  private parseWith(): Stmt {
    const t = this.next();
    const targets: Expr[] = [];
    const values: Expr[] = [];
    while (!this.is('block_end')) {
      if (targets.length) this.expectOp(',');
      targets.push(this.parseAssignTarget({}));
      this.expectOp('=');
      values.push(this.parseExpression());
    }
    const body = this.parseStatements(['endwith'], true);
    return { kind: 'with', targets, values, body, ...this.span(t) };
  }

  private parseBlock(): Stmt {
    const t = this.next();
    const name = this.expect('name').value;
    this.skipName('scoped');
    this.skipName('required');
    if (this.isOp('-')) this.fail('use an underscore instead');
    const body = this.parseStatements(['endblock'], true);
    this.skipName(name);
    return { kind: 'block', name, body, ...this.span(t) };
  }

  private parseImportContext(): void {
    if (
      (this.isName('with') || this.isName('without')) &&
      this.look().type === 'name' &&
      this.look().value === 'context'
    ) {
      this.next();
      this.next();
    }
  }

  private parseLoad(): Stmt {
    const t = this.next();
    const template = this.parseExpression();
    const names: string[] = [];
    if (t.value === 'include') {
      if (this.isName('ignore') && this.look().value === 'missing') {
        this.next();
        this.next();
      }
      this.parseImportContext();
    } else if (t.value === 'import') {
      this.expect('name', 'as');
      names.push(this.expect('name').value);
      this.parseImportContext();
    } else if (t.value === 'from') {
      this.expect('name', 'import');
      for (;;) {
        if (names.length) this.expectOp(',');
        if (!this.is('name')) {
          this.expect('name');
        }
        if ((this.isName('with') || this.isName('without')) && this.look().value === 'context') {
          this.parseImportContext();
          break;
        }
        const n = this.next().value;
        if (n.startsWith('_')) this.fail('names starting with an underline can not be imported');
        names.push(this.skipName('as') ? this.expect('name').value : n);
        if ((this.isName('with') || this.isName('without')) && this.look().value === 'context') {
          this.parseImportContext();
          break;
        }
        if (!this.isOp(',')) break;
      }
    }
    return { kind: 'load', tag: t.value, template, names, ...this.span(t) };
  }

  /** Assignment targets: a name, `ns.attr` (with_namespace), or a tuple of names. */
  private parseAssignTarget(opts: { extraEnd?: readonly string[]; withNamespace?: boolean }): Expr {
    const t = this.cur;
    let target: Expr;
    if (opts.withNamespace && this.look().type === 'operator' && this.look().value === '.') {
      const name = this.expect('name').value;
      this.next();
      const attr = this.expect('name').value;
      target = { kind: 'nsref', name, attr, ...this.span(t) };
    } else {
      target = this.parseTuple({ simplified: true, extraEnd: opts.extraEnd });
    }
    const assignable = (e: Expr): boolean =>
      e.kind === 'name'
        ? !['true', 'false', 'none', 'True', 'False', 'None'].includes(e.name)
        : e.kind === 'nsref' || (e.kind === 'tuple' && e.items.every(assignable));
    if (!assignable(target)) this.fail("can't assign to this expression", t);
    return target;
  }

  // ---- expressions ------------------------------------------------------------------------

  private parseExpression(withCondexpr = true): Expr {
    this.enter();
    try {
      return withCondexpr ? this.parseCondexpr() : this.parseOr();
    } finally {
      this.leave();
    }
  }

  private parseCondexpr(): Expr {
    const t = this.cur;
    let expr1 = this.parseOr();
    while (this.skipName('if')) {
      const test = this.parseOr();
      const expr2 = this.skipName('else') ? this.parseCondexpr() : undefined;
      expr1 = { kind: 'condexpr', test, expr1, ...(expr2 ? { expr2 } : {}), ...this.span(t) };
    }
    return expr1;
  }

  private parseOr(): Expr {
    const t = this.cur;
    let left = this.parseAnd();
    while (this.skipName('or'))
      left = { kind: 'binop', op: 'or', left, right: this.parseAnd(), ...this.span(t) };
    return left;
  }

  private parseAnd(): Expr {
    const t = this.cur;
    let left = this.parseNot();
    while (this.skipName('and'))
      left = { kind: 'binop', op: 'and', left, right: this.parseNot(), ...this.span(t) };
    return left;
  }

  private parseNot(): Expr {
    const t = this.cur;
    if (this.skipName('not')) {
      this.enter();
      try {
        return { kind: 'unary', op: 'not', node: this.parseNot(), ...this.span(t) };
      } finally {
        this.leave();
      }
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const t = this.cur;
    const expr = this.parseMath1();
    const ops: { op: string; expr: Expr }[] = [];
    for (;;) {
      if (this.is('operator') && COMPARE_OPS.has(this.cur.value)) {
        const op = this.next().value;
        ops.push({ op, expr: this.parseMath1() });
      } else if (this.skipName('in')) ops.push({ op: 'in', expr: this.parseMath1() });
      else if (this.isName('not') && this.look().type === 'name' && this.look().value === 'in') {
        this.next();
        this.next();
        ops.push({ op: 'notin', expr: this.parseMath1() });
      } else break;
    }
    return ops.length ? { kind: 'compare', expr, ops, ...this.span(t) } : expr;
  }

  private parseMath1(): Expr {
    const t = this.cur;
    let left = this.parseConcat();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().value;
      left = { kind: 'binop', op, left, right: this.parseConcat(), ...this.span(t) };
    }
    return left;
  }

  private parseConcat(): Expr {
    const t = this.cur;
    const nodes = [this.parseMath2()];
    while (this.skipOp('~')) nodes.push(this.parseMath2());
    return nodes.length === 1 ? nodes[0]! : { kind: 'concat', nodes, ...this.span(t) };
  }

  private parseMath2(): Expr {
    const t = this.cur;
    let left = this.parsePow();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const op = this.next().value;
      left = { kind: 'binop', op, left, right: this.parsePow(), ...this.span(t) };
    }
    return left;
  }

  private parsePow(): Expr {
    const t = this.cur;
    let left = this.parseUnary(true);
    while (this.skipOp('**'))
      left = { kind: 'binop', op: '**', left, right: this.parseUnary(true), ...this.span(t) };
    return left;
  }

  private parseUnary(withFilter: boolean): Expr {
    const t = this.cur;
    this.enter();
    try {
      let node: Expr;
      if (this.isOp('-') || this.isOp('+')) {
        const op = this.next().value;
        node = { kind: 'unary', op, node: this.parseUnary(false), ...this.span(t) };
      } else node = this.parsePrimary();
      node = this.parsePostfix(node, t);
      if (withFilter) node = this.parseFilterExpr(node, t);
      return node;
    } finally {
      this.leave();
    }
  }

  private parsePrimary(): Expr {
    const t = this.cur;
    if (t.type === 'name') {
      this.next();
      if (['true', 'True'].includes(t.value))
        return { kind: 'const', value: true, ...this.span(t) };
      if (['false', 'False'].includes(t.value))
        return { kind: 'const', value: false, ...this.span(t) };
      if (['none', 'None'].includes(t.value))
        return { kind: 'const', value: null, ...this.span(t) };
      return { kind: 'name', name: t.value, ...this.span(t) };
    }
    if (t.type === 'string') {
      // Adjacent literals are joined at compile time ("__cl" "ass__" is "__class__").
      let value = this.next().value;
      while (this.is('string')) value += this.next().value;
      return { kind: 'const', value, ...this.span(t) };
    }
    if (t.type === 'integer' || t.type === 'float') {
      this.next();
      const text = t.value.replace(/_/g, '');
      const value = Number(text);
      return { kind: 'const', value, numeric: true, ...this.span(t) };
    }
    if (this.isOp('(')) {
      this.next();
      const node = this.parseTuple({ withCondexpr: true, explicitParentheses: true });
      this.expectOp(')');
      return node;
    }
    if (this.isOp('[')) {
      this.next();
      const items: Expr[] = [];
      while (!this.isOp(']')) {
        if (items.length) this.expectOp(',');
        if (this.isOp(']')) break;
        items.push(this.parseExpression());
      }
      this.expectOp(']');
      return { kind: 'list', items, ...this.span(t) };
    }
    if (this.isOp('{')) {
      this.next();
      const items: { key: Expr; value: Expr }[] = [];
      while (!this.isOp('}')) {
        if (items.length) this.expectOp(',');
        if (this.isOp('}')) break;
        const key = this.parseExpression();
        this.expectOp(':');
        items.push({ key, value: this.parseExpression() });
      }
      this.expectOp('}');
      return { kind: 'dict', items, ...this.span(t) };
    }
    return this.fail(`unexpected ${this.describe(t)}`);
  }

  private parseTuple(opts: {
    simplified?: boolean;
    withCondexpr?: boolean;
    extraEnd?: readonly string[] | undefined;
    explicitParentheses?: boolean;
  }): Expr {
    const t = this.cur;
    const parse = (): Expr =>
      opts.simplified ? this.parsePrimary() : this.parseExpression(opts.withCondexpr ?? true);
    const items: Expr[] = [];
    let isTuple = false;
    for (;;) {
      if (items.length) this.expectOp(',');
      if (this.isTupleEnd(opts.extraEnd)) break;
      items.push(parse());
      if (this.isOp(',')) isTuple = true;
      else break;
    }
    if (!isTuple) {
      if (items.length) return items[0]!;
      if (!opts.explicitParentheses)
        this.fail(`expected an expression, got ${this.describe(this.cur)}`);
    }
    return { kind: 'tuple', items, ...this.span(t) };
  }

  private isTupleEnd(extraEnd: readonly string[] | undefined): boolean {
    if (this.is('variable_end') || this.is('block_end') || this.isOp(')')) return true;
    return Boolean(extraEnd && this.is('name') && extraEnd.includes(this.cur.value));
  }

  private parsePostfix(node: Expr, t: Token): Expr {
    for (;;) {
      if (this.isOp('.') || this.isOp('[')) node = this.parseSubscript(node, t);
      else if (this.isOp('('))
        node = { kind: 'call', node, call: this.parseCallArgs(), ...this.span(t) };
      else return node;
    }
  }

  private parseFilterExpr(node: Expr, t: Token): Expr {
    for (;;) {
      if (this.isOp('|')) node = this.parseFilter(node, false);
      else if (this.isName('is')) node = this.parseTest(node, t);
      else if (this.isOp('('))
        node = { kind: 'call', node, call: this.parseCallArgs(), ...this.span(t) };
      else return node;
    }
  }

  private parseSubscript(node: Expr, t: Token): Expr {
    const tok = this.next();
    if (tok.value === '.') {
      const attr = this.next();
      if (attr.type === 'name') return { kind: 'getattr', node, attr: attr.value, ...this.span(t) };
      if (attr.type !== 'integer') this.fail('expected name or number', attr);
      const arg: Expr = {
        kind: 'const',
        value: Number(attr.value.replace(/_/g, '')),
        numeric: true,
        ...this.span(attr),
      };
      return { kind: 'getitem', node, arg, ...this.span(t) };
    }
    const args: Expr[] = [];
    while (!this.isOp(']')) {
      if (args.length) this.expectOp(',');
      args.push(this.parseSubscribed());
    }
    this.expectOp(']');
    const arg: Expr =
      args.length === 1 ? args[0]! : { kind: 'tuple', items: args, ...this.span(tok) };
    return { kind: 'getitem', node, arg, ...this.span(t) };
  }

  private parseSubscribed(): Expr {
    const t = this.cur;
    const parts: (Expr | undefined)[] = [];
    if (this.isOp(':')) {
      this.next();
      parts.push(undefined);
    } else {
      const node = this.parseExpression();
      if (!this.isOp(':')) return node;
      this.next();
      parts.push(node);
    }
    if (this.isOp(':')) parts.push(undefined);
    else if (!this.isOp(']') && !this.isOp(',')) parts.push(this.parseExpression());
    else parts.push(undefined);
    if (this.isOp(':')) {
      this.next();
      parts.push(!this.isOp(']') && !this.isOp(',') ? this.parseExpression() : undefined);
    } else parts.push(undefined);
    return { kind: 'slice', parts, ...this.span(t) };
  }

  private parseCallArgs(): CallArgs {
    this.expectOp('(');
    const args: Expr[] = [];
    const kwargs: Keyword[] = [];
    let dynArgs: Expr | undefined;
    let dynKwargs: Expr | undefined;
    let requireComma = false;
    const ensure = (ok: boolean): void => {
      if (!ok) this.fail('invalid syntax for function call expression');
    };
    while (!this.isOp(')')) {
      if (requireComma) {
        this.expectOp(',');
        if (this.isOp(')')) break;
      }
      if (this.isOp('*')) {
        ensure(dynArgs === undefined && dynKwargs === undefined);
        this.next();
        dynArgs = this.parseExpression();
      } else if (this.isOp('**')) {
        ensure(dynKwargs === undefined);
        this.next();
        dynKwargs = this.parseExpression();
      } else if (this.is('name') && this.look().type === 'operator' && this.look().value === '=') {
        ensure(dynKwargs === undefined);
        const key = this.next().value;
        this.next();
        kwargs.push({ key, value: this.parseExpression() });
      } else {
        ensure(dynArgs === undefined && dynKwargs === undefined && kwargs.length === 0);
        args.push(this.parseExpression());
      }
      requireComma = true;
    }
    this.expectOp(')');
    return { args, kwargs, ...(dynArgs ? { dynArgs } : {}), ...(dynKwargs ? { dynKwargs } : {}) };
  }

  private dottedName(): string {
    let name = this.expect('name').value;
    while (this.isOp('.')) {
      this.next();
      name += '.' + this.expect('name').value;
    }
    return name;
  }

  private parseFilter(node: Expr | undefined, startInline: boolean): Expr {
    const t = this.cur;
    let inline = startInline;
    while (this.isOp('|') || inline) {
      if (!inline) this.next();
      const name = this.dottedName();
      const call = this.isOp('(') ? this.parseCallArgs() : { args: [], kwargs: [] };
      node = { kind: 'filter', node, name, call, ...this.span(t) };
      inline = false;
    }
    return node!;
  }

  private parseTest(node: Expr, t: Token): Expr {
    this.next();
    const negated = this.skipName('not');
    const name = this.dottedName();
    let call: CallArgs = { args: [], kwargs: [] };
    if (this.isOp('(')) call = this.parseCallArgs();
    else if (
      (this.is('name') ||
        this.is('string') ||
        this.is('integer') ||
        this.is('float') ||
        this.isOp('(') ||
        this.isOp('[') ||
        this.isOp('{')) &&
      !(this.isName('else') || this.isName('or') || this.isName('and'))
    ) {
      if (this.isName('is')) this.fail('You cannot chain multiple tests with is');
      const a = this.cur;
      const arg = this.parsePostfix(this.parsePrimary(), a);
      call = { args: [arg], kwargs: [] };
    }
    const test: Expr = { kind: 'test', node, name, call, ...this.span(t) };
    return negated ? { kind: 'unary', op: 'not', node: test, ...this.span(t) } : test;
  }
}
