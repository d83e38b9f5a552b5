/**
 * Model formulas ("y ~ x + C(group) + np.log(z)") as patsy and formulaic read them: every term
 * is a Python expression that they eval() in an environment of the data and the caller's stack
 * frames, with builtins available. A formula is accepted when its terms only name columns,
 * combine them with operators and call the transforms real formulas use; anything else (an
 * attribute walk, a call of a computed value, a dunder, a builtin that reaches code, files or
 * attributes, a lambda or f-string) is code the formula's author chose.
 */

/**
 * Functions formulas call: patsy and formulaic transforms and contrasts, and builtins that take
 * no callable (min, max and sorted take key=, which would call any name in reach).
 */
const CALLABLE: ReadonlySet<string> = new Set([
  'C',
  'Q',
  'I',
  'center',
  'standardize',
  'scale',
  'bs',
  'cr',
  'cc',
  'te',
  'poly',
  'lag',
  'hashed',
  'identity',
  'Treatment',
  'Sum',
  'Diff',
  'Helmert',
  'Poly',
  'abs',
  'round',
  'float',
  'int',
  'bool',
  'str',
]);

/** numpy functions formulas transform columns with (np.log(x)…). */
const NUMPY: ReadonlySet<string> = new Set(
  (
    'log log1p log2 log10 exp exp2 expm1 sqrt cbrt square abs absolute fabs sign sin cos tan ' +
    'arcsin arccos arctan arctan2 sinh cosh tanh arcsinh arccosh arctanh floor ceil trunc rint ' +
    'round around clip power maximum minimum reciprocal negative deg2rad rad2deg isnan isfinite ' +
    'where logical_and logical_or logical_not cumsum diff mean std'
  ).split(' '),
);

/** formulaic's contrast namespace (C(x, contr.treatment)). */
const CONTRASTS: ReadonlySet<string> = new Set([
  'treatment',
  'sum',
  'helmert',
  'poly',
  'diff',
  'custom',
  'SAS',
]);

/** Module names whose listed functions may be called. */
const NAMESPACES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['np', NUMPY],
  ['numpy', NUMPY],
  ['contr', CONTRASTS],
]);

/** Python keywords that introduce code rather than an expression over columns. */
const CODE_KEYWORDS: ReadonlySet<string> = new Set([
  'lambda',
  'for',
  'async',
  'await',
  'yield',
  'import',
  'from',
  'def',
  'class',
  'global',
  'nonlocal',
  'del',
  'with',
  'try',
  'raise',
  'assert',
  'return',
  'while',
  'exec',
  'print',
]);

/** Builtins that reach attributes, imports, files or code, even as bare names. */
const DANGEROUS_NAMES: ReadonlySet<string> = new Set([
  'eval',
  'exec',
  'compile',
  'open',
  'getattr',
  'setattr',
  'delattr',
  'hasattr',
  'globals',
  'locals',
  'vars',
  'dir',
  'input',
  'breakpoint',
  'help',
  'exit',
  'quit',
  'type',
  'object',
  'super',
  'memoryview',
  'map',
  'filter',
  'iter',
  'next',
  'sorted',
  'min',
  'max',
  'reduce',
  'apply',
  'execfile',
  'reload',
]);

type Token = { kind: 'name' | 'number' | 'string' | 'op'; text: string; glued: boolean };

const TOKEN =
  /\s*(?:([\p{L}_][\p{L}\p{N}_]*)|(\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?[jJ]?|\.\d[\d_]*(?:[eE][+-]?\d+)?)|('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")|(\*\*|==|!=|<=|>=|:=|<<|>>|\/\/|[~+\-*/:()|,=<>%&^.@[\]!{};`\\]))/uy;

function tokenize(text: string): Token[] | string {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) return `unexpected ${JSON.stringify(text.slice(pos, pos + 10))}`;
    const glued = m[0].length > 0 && !/^\s/.test(m[0]);
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'name', text: m[1], glued });
    else if (m[2] !== undefined) out.push({ kind: 'number', text: m[2], glued });
    else if (m[3] !== undefined) out.push({ kind: 'string', text: m[3], glued });
    else out.push({ kind: 'op', text: m[4]!, glued });
  }
  return out;
}

/**
 * Returns why evaluating `formula` could run code beyond column arithmetic and the usual
 * transforms, or undefined when it cannot.
 */
export function formulaProblem(formula: string): string | undefined {
  if (formula.length > 4096) return `the formula is ${formula.length} characters long`;
  const tokens = tokenize(formula);
  if (typeof tokens === 'string') return `the formula has ${tokens}`;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === 'string' && prev?.kind === 'name' && t.glued)
      return `the string ${prev.text}${t.text.slice(0, 20)} has a prefix (f-strings run code)`;
    if (t.kind === 'op') {
      if ([':=', '{', '}', ';', '`', '\\'].includes(t.text))
        return `the formula uses ${JSON.stringify(t.text)}, which no model formula needs`;
      if (t.text === '.') {
        const ns = prev?.kind === 'name' ? NAMESPACES.get(prev.text) : undefined;
        const before = tokens[i - 2];
        if (!ns || next?.kind !== 'name' || !ns.has(next.text) || before?.text === '.')
          return `the formula reads an attribute (${prev?.text ?? ''}.${next?.text ?? ''}) that is not a known transform`;
      }
      if (
        t.text === '(' &&
        prev &&
        (prev.text === ')' || prev.text === ']' || prev.kind === 'string')
      )
        return 'the formula calls a value it computed';
      continue;
    }
    if (t.kind !== 'name') continue;
    if (t.text.startsWith('__')) return `the formula names ${t.text}`;
    if (CODE_KEYWORDS.has(t.text)) return `the formula uses the keyword ${t.text}`;
    if (DANGEROUS_NAMES.has(t.text) && prev?.text !== '.')
      return `the formula names the builtin ${t.text}`;
    if (next?.text === '(') {
      const dotted = prev?.text === '.' ? `${tokens[i - 2]?.text}.${t.text}` : t.text;
      if (prev?.text !== '.' && !CALLABLE.has(t.text))
        return `the formula calls ${dotted}, which is not a known formula transform`;
    }
  }
  return undefined;
}
