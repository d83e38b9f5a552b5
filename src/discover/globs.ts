/**
 * The one glob dialect for paths: picomatch (https://github.com/micromatch/picomatch), used for
 * the Action's `paths`/`exclude`, discovery filters and name-policy path exceptions alike.
 *
 * Patterns match '/'-separated relative paths: `*` and `?` stay within a segment, `**` crosses
 * segments, `{a,b}`, `[abc]`/`[!abc]` and extglobs (`+(a|b)`) work, and names starting with "." are
 * matched like any other. A pattern also matches everything under the directory it names
 * (`models` selects `models/a/b.pkl`). Matching is case-sensitive unless a caller asks otherwise.
 * An invalid pattern (`[z-a]`, `{a,b`) is a GlobError naming the input it came from: a usage
 * error, never an internal one.
 */
import picomatch from 'picomatch';

export class GlobError extends Error {
  override name = 'GlobError';
  constructor(
    /** Where the pattern came from: "exclude", "paths", "policy exceptions[0].path"… */
    readonly input: string,
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`invalid glob ${JSON.stringify(pattern)} in ${input}: ${reason}`);
  }
}

export interface GlobOptions {
  readonly nocase?: boolean;
}

export type PathMatcher = (path: string) => boolean;

/** A path in the form patterns are matched against: relative, "/"-separated, no "./". */
export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/\/{2,}/g, '/');
}

/** Compiles one pattern; it matches the paths it names and everything under them. */
export function compileGlob(
  pattern: string,
  input: string,
  options: GlobOptions = {},
): PathMatcher {
  const re = globRegExps(pattern, input, options);
  return (path) => {
    const n = normalizePath(path);
    return re.some((r) => r.test(n));
  };
}

/** The regular expressions of a pattern (itself, and everything under it) over normalized paths. */
export function globRegExps(pattern: string, input: string, options: GlobOptions = {}): RegExp[] {
  let p = normalizePath(pattern).replace(/^\/+/, '');
  if (p === '' || p === '.') p = '**';
  return [makeRe(p, pattern, input, options), makeRe(`${p}/**`, pattern, input, options)];
}

function makeRe(glob: string, raw: string, input: string, options: GlobOptions): RegExp {
  try {
    // debug: picomatch throws on a pattern whose regular expression is invalid instead of
    // silently matching nothing.
    return picomatch.makeRe(glob, {
      dot: true,
      windows: false,
      debug: true,
      nocase: options.nocase ?? false,
      // "s": a name may contain a newline, and `*` must match it like any other character.
      flags: options.nocase ? 'is' : 's',
    });
  } catch (err) {
    // "Invalid regular expression: /…/: Range out of order…": keep the reason, not our regex.
    const message = err instanceof Error ? err.message : String(err);
    const reason = /: ([^:]+)$/.exec(message)?.[1] ?? message;
    throw new GlobError(input, raw, reason);
  }
}

/**
 * Include and exclude lists. In `include`, a line starting with "!" takes matching paths back
 * out and the last matching line wins (GitHub's path filters); `exclude` always wins.
 */
export class PathFilter {
  private readonly include: readonly { negated: boolean; match: PathMatcher }[];
  private readonly exclude: readonly PathMatcher[];

  constructor(
    include: readonly string[] = ['**'],
    exclude: readonly string[] = [],
    inputs: { readonly include: string; readonly exclude: string } = {
      include: 'include',
      exclude: 'exclude',
    },
  ) {
    this.include = include.map((line) => {
      const negated = line.startsWith('!');
      return { negated, match: compileGlob(negated ? line.slice(1) : line, inputs.include) };
    });
    // A "!" means nothing useful in an exclude list: the line is taken as a plain pattern.
    this.exclude = exclude.map((line) => compileGlob(line.replace(/^!/, ''), inputs.exclude));
  }

  /** Whether the include list selects the path and the exclude list does not remove it. */
  selects(path: string): boolean {
    let selected = false;
    for (const p of this.include) if (p.match(path)) selected = !p.negated;
    return selected && !this.excludes(path);
  }

  excludes(path: string): boolean {
    return this.exclude.some((m) => m(path));
  }
}

/**
 * Where a walk for an include list starts: the literal directory prefix of each pattern
 * (`models/x/*.pt` gives `models/x`), so selecting `models/` does not walk node_modules.
 * "" (the base itself) when a pattern starts with a wildcard.
 */
export function walkStarts(include: readonly string[]): string[] {
  const starts = new Set<string>();
  for (const line of include) {
    if (line.startsWith('!')) continue;
    const pattern = normalizePath(line).replace(/^\/+/, '');
    const literal: string[] = [];
    for (const segment of pattern.split('/')) {
      if (segment === '' || segment === '.' || /[*?[{(!+@\\]/.test(segment)) break;
      literal.push(segment);
    }
    if (literal.length === 0) return [''];
    starts.add(literal.join('/'));
  }
  const sorted = [...starts].sort();
  return sorted.filter((s) => !sorted.some((o) => o !== s && s.startsWith(`${o}/`)));
}
