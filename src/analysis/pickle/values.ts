/**
 * Abstract values held on the symbolic machine's stack and memo. They record what a value
 * is (a constant, an imported callable, the result of a call, a container) without building
 * the Python object it stands for.
 */
import type { Classification } from '../../knowledge/callables/classify.js';

export interface Site {
  readonly offset: number;
  readonly opcodeIndex: number;
  readonly opcode: string;
}

export interface StrValue {
  readonly k: 'str';
  readonly text: string;
  readonly truncated: boolean;
  /** Stream offset of the text's first byte, when it came from a counted argument. */
  readonly dataOffset?: number;
  readonly length: number;
}

export interface BytesValue {
  readonly k: 'bytes';
  readonly prefix: Buffer;
  readonly length: number;
  readonly truncated: boolean;
  readonly dataOffset?: number;
}

export interface ScalarValue {
  readonly k: 'scalar';
  /** Python-like rendering: 42, True, None; for integers, `num` instead (rendered on demand). */
  readonly text?: string;
  readonly num?: number;
}

export interface GlobalValue {
  readonly k: 'global';
  readonly module: string;
  readonly name: string;
  readonly cls: Classification;
  readonly site: Site;
  /** The Python 3 name find_class maps a Python 2 name to (commands.getoutput → subprocess.getoutput). */
  readonly alias?: string;
  /** How a value computed at load time turned out to be this import (a serializer's lookup). */
  readonly via?: string;
  /** Set when a call site (or a safe wrapper) invokes it. */
  invoked: boolean;
}

export interface CallValue {
  readonly k: 'call';
  readonly callee: Value;
  readonly args: Value;
  readonly site: Site;
}

export interface ContainerValue {
  readonly k: 'tuple' | 'list' | 'dict' | 'set' | 'frozenset';
  /** The first items (dict: alternating keys and values), for evidence and argument checks. */
  readonly items: Value[];
  count: number;
  /** Dict values kept under watched keys (policy/state-checks), wherever they sit in the dict. */
  watched?: Map<string, Value>;
  /** A key of this dict is not a constant string: it may equal any watched key. */
  opaqueKeys?: boolean;
}

export interface OpaqueValue {
  readonly k: 'persid' | 'ext' | 'buffer' | 'unknown';
  readonly note: string;
  readonly pid?: Value;
}

export type Value =
  StrValue | BytesValue | ScalarValue | GlobalValue | CallValue | ContainerValue | OpaqueValue;

/**
 * Items kept per container: enough for argument positions, readable evidence, and the state
 * dicts loader hooks read whole (joblib's array wrapper has six keys).
 */
export const KEPT_ITEMS = 16;

export const NONE: ScalarValue = Object.freeze({ k: 'scalar', text: 'None' });
export const TRUE: ScalarValue = Object.freeze({ k: 'scalar', text: 'True' });
export const FALSE: ScalarValue = Object.freeze({ k: 'scalar', text: 'False' });

export function unknown(note: string): OpaqueValue {
  return { k: 'unknown', note };
}

export function container(k: ContainerValue['k'], items: readonly Value[]): ContainerValue {
  return { k, items: items.slice(0, KEPT_ITEMS), count: items.length };
}

export function qualifiedName(g: GlobalValue): string {
  return `${g.module}.${g.name}`;
}

const MAX_RENDER = 240;

/** Python-like rendering for evidence, bounded in length and depth. */
export function render(value: Value, budget = MAX_RENDER): string {
  const out = renderInner(value, 3);
  return out.length > budget ? out.slice(0, budget - 1) + '…' : out;
}

function renderInner(v: Value, depth: number): string {
  switch (v.k) {
    case 'str':
      return pyRepr(v.text) + (v.truncated ? `…(${v.length} chars)` : '');
    case 'bytes': {
      const shown = v.prefix.subarray(0, 48).toString('latin1');
      return 'b' + pyRepr(shown) + (v.length > 48 ? `…(${v.length} bytes)` : '');
    }
    case 'scalar':
      return v.text ?? String(v.num);
    case 'global':
      return qualifiedName(v);
    case 'call': {
      const callee = depth > 0 ? renderInner(v.callee, depth - 1) : '…';
      const args =
        v.args.k === 'tuple' && depth > 0
          ? renderItems(v.args, depth - 1)
          : depth > 0
            ? '*' + renderInner(v.args, depth - 1)
            : '…';
      return `${callee}(${args})`;
    }
    case 'tuple':
      return v.count === 1 ? `(${renderItems(v, depth - 1)},)` : `(${renderItems(v, depth - 1)})`;
    case 'list':
      return `[${renderItems(v, depth - 1)}]`;
    case 'set':
    case 'frozenset':
      return v.count === 0 ? `${v.k}()` : `{${renderItems(v, depth - 1)}}`;
    case 'dict': {
      if (depth <= 0) return '{…}';
      const pairs: string[] = [];
      for (let i = 0; i + 1 < v.items.length; i += 2) {
        pairs.push(
          `${renderInner(v.items[i]!, depth - 1)}: ${renderInner(v.items[i + 1]!, depth - 1)}`,
        );
      }
      if (v.count > v.items.length) pairs.push('…');
      return `{${pairs.join(', ')}}`;
    }
    default:
      return `<${v.note}>`;
  }
}

function renderItems(v: ContainerValue, depth: number): string {
  if (depth < 0) return '…';
  const parts = v.items.map((item) => renderInner(item, depth));
  if (v.count > v.items.length) parts.push(`…(${v.count} items)`);
  return parts.join(', ');
}

function pyRepr(s: string): string {
  const clipped = s.length > 160 ? s.slice(0, 160) : s;
  // eslint-disable-next-line no-control-regex
  const escaped = clipped.replace(/[\\'\x00-\x1f\x7f-\xff]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === "'") return "\\'";
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
  });
  return `'${escaped}${s.length > 160 ? '…' : ''}'`;
}
