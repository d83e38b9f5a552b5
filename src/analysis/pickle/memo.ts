/**
 * The unpickler memo, kept small: str values are stored as plain strings (rebuilt on GET),
 * and past a budget, containers that hold only plain data are replaced by a shared marker.
 * Imported callables, call results and containers holding them are always kept, since they
 * are what a later GET can turn into a call; memory stays bounded for data-heavy pickles.
 */
import { unknown, type Value } from './values.js';

const DENSE_LIMIT = 1 << 24;
const INTERN_LIMIT = 65_536;
/** Characters of memoized strings kept in full. */
const STRING_BUDGET = 32 * 1024 * 1024;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Stored in place of plain data dropped past the budget. */
export const COMPACTED: Value = Object.freeze(unknown('memoized data (not kept)'));

function isPlainData(v: Value): boolean {
  if (v.k === 'str' || v.k === 'bytes' || v.k === 'scalar') return true;
  if (v.k === 'tuple' || v.k === 'list' || v.k === 'dict' || v.k === 'set' || v.k === 'frozenset') {
    return v.items.every((i) => i.k === 'str' || i.k === 'bytes' || i.k === 'scalar');
  }
  return false;
}

export class Memo {
  private readonly dense: (Value | string | undefined)[] = [];
  private readonly sparse = new Map<number, Value | string>();
  private readonly strings = new Map<string, string>();
  private count = 0;
  private keptData = 0;
  private keptChars = 0;
  /** Set once plain data started being dropped. */
  compacted = false;

  constructor(
    private readonly maxEntries: number,
    private readonly dataBudget: number,
  ) {}

  /**
   * Strings are kept while their total length fits the budget; past it only short
   * identifier-like ones (what STACK_GLOBAL could use as a name), and past twice the budget
   * none: a later import built from a dropped string is then judged as computed (fail closed).
   */
  private keepString(text: string): Value | string {
    const interned = this.intern(text);
    if (this.keptChars < STRING_BUDGET) {
      this.keptChars += text.length;
      return interned;
    }
    if (this.keptChars < 2 * STRING_BUDGET && text.length <= 64 && IDENTIFIER.test(text)) {
      this.keptChars += text.length;
      return interned;
    }
    this.compacted = true;
    return COMPACTED;
  }

  /** Equal strings share one copy: data pickles memoize the same short text many times. */
  private intern(text: string): string {
    if (text.length > 64) return text;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size < INTERN_LIMIT) this.strings.set(text, text);
    return text;
  }

  /** Number of distinct indices stored (what MEMOIZE uses as its next index). */
  get size(): number {
    return this.count;
  }

  get(index: number): Value | undefined {
    const raw = index < DENSE_LIMIT ? this.dense[index] : this.sparse.get(index);
    if (raw === undefined) return undefined;
    return typeof raw === 'string'
      ? { k: 'str', text: raw, truncated: false, length: raw.length }
      : raw;
  }

  /** Stores a value; returns false when the memo is full and the value was not stored. */
  put(index: number, value: Value): boolean {
    const exists = index < DENSE_LIMIT ? this.dense[index] !== undefined : this.sparse.has(index);
    if (!exists && this.count >= this.maxEntries) return false;
    let stored: Value | string = value;
    if (value.k === 'str' && !value.truncated && value.dataOffset === undefined) {
      stored = this.keepString(value.text);
    } else if (isPlainData(value)) {
      if (this.keptData >= this.dataBudget) {
        stored = COMPACTED;
        this.compacted = true;
      } else this.keptData++;
    }
    if (index < DENSE_LIMIT) this.dense[index] = stored;
    else this.sparse.set(index, stored);
    if (!exists) this.count++;
    return true;
  }
}
