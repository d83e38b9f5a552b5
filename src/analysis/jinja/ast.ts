/**
 * The Jinja syntax tree, shaped like jinja2's nodes.py (only what analysis needs). Every node
 * keeps its line and source span so findings can quote the template.
 */

interface Base {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface Keyword {
  readonly key: string;
  readonly value: Expr;
}

export interface CallArgs {
  readonly args: readonly Expr[];
  readonly kwargs: readonly Keyword[];
  readonly dynArgs?: Expr;
  readonly dynKwargs?: Expr;
}

export type Expr =
  | (Base & {
      readonly kind: 'const';
      readonly value: string | number | boolean | null;
      readonly numeric?: boolean;
    })
  | (Base & { readonly kind: 'name'; readonly name: string })
  | (Base & { readonly kind: 'nsref'; readonly name: string; readonly attr: string })
  | (Base & { readonly kind: 'getattr'; readonly node: Expr; readonly attr: string })
  | (Base & { readonly kind: 'getitem'; readonly node: Expr; readonly arg: Expr })
  | (Base & {
      readonly kind: 'slice';
      readonly parts: readonly (Expr | undefined)[];
    })
  | (Base & { readonly kind: 'call'; readonly node: Expr; readonly call: CallArgs })
  | (Base & {
      readonly kind: 'filter';
      readonly node: Expr | undefined;
      readonly name: string;
      readonly call: CallArgs;
    })
  | (Base & {
      readonly kind: 'test';
      readonly node: Expr;
      readonly name: string;
      readonly call: CallArgs;
    })
  | (Base & {
      readonly kind: 'binop';
      readonly op: string;
      readonly left: Expr;
      readonly right: Expr;
    })
  | (Base & { readonly kind: 'unary'; readonly op: string; readonly node: Expr })
  | (Base & {
      readonly kind: 'compare';
      readonly expr: Expr;
      readonly ops: readonly { op: string; expr: Expr }[];
    })
  | (Base & {
      readonly kind: 'condexpr';
      readonly test: Expr;
      readonly expr1: Expr;
      readonly expr2?: Expr;
    })
  | (Base & { readonly kind: 'tuple' | 'list'; readonly items: readonly Expr[] })
  | (Base & { readonly kind: 'dict'; readonly items: readonly { key: Expr; value: Expr }[] })
  | (Base & { readonly kind: 'concat'; readonly nodes: readonly Expr[] });

export type Stmt =
  | (Base & { readonly kind: 'output'; readonly nodes: readonly Expr[] })
  | (Base & { readonly kind: 'data' })
  | (Base & {
      readonly kind: 'if';
      readonly branches: readonly { test: Expr; body: readonly Stmt[] }[];
      readonly else_: readonly Stmt[];
    })
  | (Base & {
      readonly kind: 'for';
      readonly target: Expr;
      readonly iter: Expr;
      readonly test?: Expr;
      readonly recursive: boolean;
      readonly body: readonly Stmt[];
      readonly else_: readonly Stmt[];
    })
  | (Base & { readonly kind: 'set'; readonly target: Expr; readonly value: Expr })
  | (Base & {
      readonly kind: 'setblock';
      readonly target: Expr;
      readonly filter?: Expr;
      readonly body: readonly Stmt[];
    })
  | (Base & {
      readonly kind: 'macro';
      readonly name: string;
      readonly params: readonly string[];
      readonly defaults: readonly Expr[];
      readonly body: readonly Stmt[];
    })
  | (Base & {
      readonly kind: 'callblock';
      readonly call: Expr;
      readonly params: readonly string[];
      readonly defaults: readonly Expr[];
      readonly body: readonly Stmt[];
    })
  | (Base & { readonly kind: 'filterblock'; readonly filter: Expr; readonly body: readonly Stmt[] })
  | (Base & {
      readonly kind: 'with';
      readonly targets: readonly Expr[];
      readonly values: readonly Expr[];
      readonly body: readonly Stmt[];
    })
  | (Base & {
      readonly kind: 'load';
      /** include, import, from or extends: the template is fetched through the loader. */
      readonly tag: string;
      readonly template: Expr;
      readonly names: readonly string[];
    })
  | (Base & { readonly kind: 'block'; readonly name: string; readonly body: readonly Stmt[] })
  | (Base & {
      readonly kind: 'scope';
      readonly tag: string;
      readonly value?: Expr;
      readonly body: readonly Stmt[];
    })
  | (Base & { readonly kind: 'do'; readonly value: Expr })
  | (Base & { readonly kind: 'loopcontrol'; readonly tag: string });
