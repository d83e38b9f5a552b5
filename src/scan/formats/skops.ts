/**
 * skops `.skops` files: a zip whose schema.json describes every object to rebuild, each with
 * its `__module__`, `__class__` and loader node. skops refuses types outside its default
 * trusted set unless the user trusts them; this lists them, and names the dangerous ones.
 */
import type { ScanContext } from '../base.js';
import { judgeReference } from './common/refs.js';

const PRIMITIVES = new Set([
  'int',
  'float',
  'str',
  'bool',
  'complex',
  'bytes',
  'bytearray',
  'list',
  'dict',
  'tuple',
  'set',
  'frozenset',
  'slice',
  'NoneType',
  'type',
]);
const TRUSTED_NUMPY =
  /^(ndarray|dtype|float\d*|int\d*|uint\d*|bool_?|complex\d*|str_|bytes_|object_|generic|number|integer|floating|random\.\w+|RandomState|Generator|PCG64|MT19937|bit_generator\.\w+|ufunc|\w+)$/;
const MAX_NODES = 1_000_000;

function trusted(module: string, cls: string): boolean {
  if (module === 'builtins') return PRIMITIVES.has(cls);
  if (module === 'sklearn' || module.startsWith('sklearn.')) return true;
  if ((module === 'numpy' || module.startsWith('numpy.')) && TRUSTED_NUMPY.test(cls)) return true;
  if (module.startsWith('scipy.sparse')) return true;
  if (
    module === 'collections' &&
    (cls === 'OrderedDict' || cls === 'defaultdict' || cls === 'Counter')
  )
    return true;
  if (module === 'functools' && cls === 'partial') return true;
  return false;
}

export function checkSkopsSchema(schema: unknown, ctx: ScanContext): void {
  const untrusted = new Map<string, number>();
  let nodes = 0;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 512 || ++nodes > MAX_NODES || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const module = o.__module__;
    const cls = o.__class__;
    if (typeof module === 'string' && typeof cls === 'string') {
      const loader = typeof o.__loader__ === 'string' ? o.__loader__ : '';
      const content = o.content as Record<string, unknown> | undefined;
      // Function nodes name the callable in their content; method nodes add a method name.
      let ref = `${module}.${cls}`;
      if (
        loader === 'FunctionNode' &&
        content &&
        typeof content.module_path === 'string' &&
        typeof content.function === 'string'
      )
        ref = `${content.module_path}.${content.function}`;
      if (loader === 'MethodNode' && content && typeof content.func === 'string')
        ref = `${ref}.${content.func}`;
      const v = judgeReference(ref);
      if (v.level === 'dangerous')
        ctx.report({
          ruleId: 'MA5308',
          message: `skops schema rebuilds ${ref} (${loader || 'node'}): ${v.reason}`,
          evidence: ref,
        });
      else if (loader === 'MethodNode' || loader === 'FunctionNode' || !trusted(module, cls))
        untrusted.set(ref, (untrusted.get(ref) ?? 0) + 1);
    }
    for (const x of Object.values(o)) visit(x, depth + 1);
  };
  visit(schema, 0);
  if (untrusted.size)
    ctx.report({
      ruleId: 'MA5608',
      message: `skops schema uses ${untrusted.size} type(s) outside the default trusted set: ${[...untrusted.keys()].slice(0, 10).join(', ')}`,
      evidence: [...untrusted.keys()].slice(0, 5).join(', '),
    });
  ctx.detail('skops', { nodes, untrusted: [...untrusted.keys()].slice(0, 50) });
}
