/**
 * Judges an imported name (module, qualname) the way find_class would resolve it:
 * Python-2 names mapped as _compat_pickle maps them, dotted qualnames walked attribute by
 * attribute, and each candidate checked against the policy tables in a fixed order.
 */
import { IMPORT_MAPPING, NAME_MAPPING } from './compat.js';
import { DANGEROUS_CALLABLES } from './dangerous.js';
import { DEFENCE_TAMPERING } from './defences.js';
import { KNOWN_LIBRARY_NAMESPACES } from './namespaces.js';
import { SAFE_CALLABLES } from './safe.js';
import { STDLIB_MODULES } from './stdlib.js';
import { SUSPICIOUS_NAMES } from './suspicious.js';
import type { DangerCategory, DangerEntry, SafeEntry } from './types.js';

export type Classification =
  | {
      readonly level: 'dangerous';
      /** Why: a table entry, an alias reaching one, a dunder walk, or a runner-like name. */
      readonly basis: 'table' | 'alias' | 'dunder' | 'suspicious-name';
      readonly category: DangerCategory | 'dunder-traversal' | 'suspicious-name';
      readonly reason: string;
      /** The resolved path that matched, e.g. "os.system" for ("pathlib", "os.system"). */
      readonly matched: string;
    }
  | { readonly level: 'safe'; readonly entry: SafeEntry }
  | { readonly level: 'library'; readonly namespace: string }
  | { readonly level: 'unclassified' };

/** Danger entries indexed by their first path component, so a lookup touches only a few. */
const dangerByHead = new Map<string, { parts: readonly string[]; entry: DangerEntry }[]>();
// Defence tampering first: on a tie of specificity the first entry wins.
for (const entry of [...DEFENCE_TAMPERING, ...DANGEROUS_CALLABLES]) {
  const parts = entry.target.split('.');
  const list = dangerByHead.get(parts[0]!) ?? [];
  list.push({ parts, entry });
  dangerByHead.set(parts[0]!, list);
}

/** Dotted paths longer than this are implausible for real classes and functions. */
const MAX_PATH_PARTS = 24;
interface CompiledSafe {
  readonly entry: SafeEntry;
  readonly module: string;
  readonly submodules: boolean;
  readonly name: RegExp;
}

const safeExact = new Map<string, CompiledSafe[]>();
const safeTrees: CompiledSafe[] = [];
/** Entries whose module is itself a glob (transformers.models.*.modeling_*). */
const safeModuleGlobs: { module: RegExp; name: RegExp; entry: SafeEntry }[] = [];
for (const entry of SAFE_CALLABLES) {
  const colon = entry.target.indexOf(':');
  if (colon < 0) throw new Error(`safe entry ${entry.target} lacks "module:name"`);
  let module = entry.target.slice(0, colon);
  if (module.includes('*') && !/^[^*]*\.\*\*$/.test(module)) {
    safeModuleGlobs.push({
      module: globToRegExp(module),
      name: globToRegExp(entry.target.slice(colon + 1)),
      entry,
    });
    continue;
  }
  const submodules = module.endsWith('.**');
  if (submodules) module = module.slice(0, -3);
  const compiled: CompiledSafe = {
    entry,
    module,
    submodules,
    name: globToRegExp(entry.target.slice(colon + 1)),
  };
  if (submodules) safeTrees.push(compiled);
  else {
    const list = safeExact.get(module) ?? [];
    list.push(compiled);
    safeExact.set(module, list);
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^.]*';
    else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) throw new Error(`bad character class in ${glob}`);
      re += glob.slice(i, close + 1);
      i = close;
    } else re += c.replace(/[.+?^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function isDunder(part: string): boolean {
  return part.length > 4 && part.startsWith('__') && part.endsWith('__');
}

function rank(d: { parts: readonly string[]; entry: DangerEntry }): number {
  return (d.entry.category === 'defence-tampering' ? 1000 : 0) + d.parts.length;
}

function matchDanger(parts: readonly string[]): { entry: DangerEntry; rank: number } | undefined {
  let best: { parts: readonly string[]; entry: DangerEntry } | undefined;
  for (const d of dangerByHead.get(parts[0] ?? '') ?? []) {
    if (d.parts.length > parts.length) continue;
    let ok = true;
    for (let i = 1; i < d.parts.length; i++) {
      if (d.parts[i] !== parts[i]) {
        ok = false;
        break;
      }
    }
    // Tampering with the defences wins over any other danger; otherwise the most specific
    // entry carries the most precise reason.
    if (ok && (!best || rank(d) > rank(best))) best = d;
  }
  return best && { entry: best.entry, rank: rank(best) };
}

/**
 * Safe when the module and qualname match an entry exactly as the pickle splits them. Name
 * parts are never moved into the module: ('sklearn.x', 'np.lib.npyio.DataSource') walks the
 * attribute np of sklearn.x (numpy), it does not name a module under sklearn.
 */
function matchSafe(module: string, qualname: string): SafeEntry | undefined {
  for (const s of safeExact.get(module) ?? []) if (s.name.test(qualname)) return s.entry;
  for (const s of safeTrees) {
    if ((module === s.module || module.startsWith(s.module + '.')) && s.name.test(qualname))
      return s.entry;
  }
  for (const s of safeModuleGlobs)
    if (s.module.test(module) && s.name.test(qualname)) return s.entry;
  return undefined;
}

function classifyParts(
  moduleParts: readonly string[],
  nameParts: readonly string[],
): Classification {
  const parts = [...moduleParts, ...nameParts];
  const path = parts.join('.');
  if (parts.length > MAX_PATH_PARTS || path.length > 1024) {
    return {
      level: 'dangerous',
      basis: 'suspicious-name',
      category: 'suspicious-name',
      reason: `an implausibly long import path (${parts.length} parts, ${path.length} characters), built to tire scanners`,
      matched: path.slice(0, 200),
    };
  }

  // A dotted qualname walks attributes; a module attribute may itself be a module
  // (pathlib.os is os), so every tail of the walk is judged as a path of its own. The most
  // specific match wins; on a tie the tail, which names the object actually reached.
  const direct = matchDanger(parts);
  let alias: { entry: DangerEntry; rank: number; tail: readonly string[] } | undefined;
  for (let i = 0; i + 1 < nameParts.length; i++) {
    const tail = nameParts.slice(i);
    const hit = matchDanger(tail);
    if (hit && (!alias || hit.rank > alias.rank)) alias = { ...hit, tail };
  }
  if (alias && (!direct || alias.rank >= direct.rank)) {
    return {
      level: 'dangerous',
      basis: 'alias',
      category: alias.entry.category,
      reason: `${alias.entry.reason} (reached through the attribute chain ${path})`,
      matched: alias.tail.join('.'),
    };
  }
  if (direct) {
    return {
      level: 'dangerous',
      basis: 'table',
      category: direct.entry.category,
      reason: direct.entry.reason,
      matched: path,
    };
  }

  const safe = matchSafe(moduleParts.join('.'), nameParts.join('.'));
  if (safe) return { level: 'safe', entry: safe };

  if (nameParts.some(isDunder)) {
    return {
      level: 'dangerous',
      basis: 'dunder',
      category: 'dunder-traversal',
      reason:
        'walks through double-underscore attributes, the classic route from any object to builtins',
      matched: path,
    };
  }

  const last = nameParts[nameParts.length - 1] ?? '';
  if (SUSPICIOUS_NAMES.has(last)) {
    return {
      level: 'dangerous',
      basis: 'suspicious-name',
      category: 'suspicious-name',
      reason: `"${last}" is the name of a command or code runner`,
      matched: path,
    };
  }

  const top = moduleParts[0] ?? '';
  if (STDLIB_MODULES.has(top) || KNOWN_LIBRARY_NAMESPACES.has(top))
    return { level: 'library', namespace: top };
  return { level: 'unclassified' };
}

/** The (module, name) find_class really imports when fix_imports applies (protocol < 3). */
export function mapPython2Name(module: string, name: string): [string, string] | undefined {
  const pair = NAME_MAPPING[module + '\u0000' + name];
  if (pair) return [pair[0], pair[1]];
  const mapped = IMPORT_MAPPING[module];
  return mapped !== undefined ? [mapped, name] : undefined;
}

const cache = new Map<string, Classification>();
const CACHE_LIMIT = 100_000;

/** Classifies the callable that find_class(module, name) would return. */
export function classifyGlobal(module: string, name: string): Classification {
  const key = module + '\u0000' + name;
  const hit = cache.get(key);
  if (hit) return hit;

  const original = classifyParts(module.split('.'), name.split('.'));
  let result = original;
  const mapped = mapPython2Name(module, name);
  if (mapped) {
    // Python-2 module names do not exist on Python 3: what runs is the mapped name,
    // unless the original is dangerous in its own right.
    const m = classifyParts(mapped[0].split('.'), mapped[1].split('.'));
    result = original.level === 'dangerous' ? original : m;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}
