/**
 * Workspace-relative glob patterns, with the semantics of GitHub's workflow path filters:
 * `*` and `?` stay within one path segment, `**` crosses segments, `{a,b}` and `[abc]` work, and
 * a pattern that matches a directory selects everything under it. In `paths`, a line starting
 * with `!` takes matching paths back out; the last matching line wins.
 */

export interface CompiledPattern {
  readonly source: string;
  readonly negated: boolean;
  readonly regex: RegExp;
}

/** Turns a path into the form patterns are matched against: relative, "/"-separated. */
export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/\/{2,}/g, '/');
}

export function compilePattern(line: string): CompiledPattern {
  const negated = line.startsWith('!');
  let pattern = normalizePath(negated ? line.slice(1) : line).replace(/^\/+/, '');
  if (pattern === '.' || pattern === '') pattern = '**';
  return { source: line, negated, regex: new RegExp(`^${globToRegex(pattern)}(?:/.*)?$`, 's') };
}

function globToRegex(glob: string): string {
  let out = '';
  let i = 0;
  let braces = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (glob[i + 2] === '/') {
            out += '(?:.*/)?'; // "**/": zero or more directories
            i += 3;
          } else {
            out += '.*';
            i += 2;
          }
          continue;
        }
        out += '[^/]*';
        i += 2;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[++i]!);
    } else {
      out += escapeRegex(c);
    }
    i++;
  }
  while (braces-- > 0) out += ')';
  return out;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

export class PathFilter {
  private readonly include: readonly CompiledPattern[];
  private readonly exclude: readonly CompiledPattern[];

  constructor(paths: readonly string[], exclude: readonly string[]) {
    this.include = paths.map(compilePattern);
    // A "!" in exclude means nothing useful; treat the line as a plain pattern.
    this.exclude = exclude.map((l) => compilePattern(l.replace(/^!/, '')));
  }

  /** Whether `paths` selects the file and `exclude` does not remove it. */
  selects(path: string): boolean {
    const p = normalizePath(path);
    let selected = false;
    for (const pattern of this.include) if (pattern.regex.test(p)) selected = !pattern.negated;
    return selected && !this.excludes(p);
  }

  excludes(path: string): boolean {
    const p = normalizePath(path);
    return this.exclude.some((pattern) => pattern.regex.test(p));
  }
}
