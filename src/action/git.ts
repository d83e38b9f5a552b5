/**
 * The few git operations the Action needs, run without a shell, never prompting, each bounded
 * in time and output. A failure is an exception the caller turns into a fallback.
 */
import { execFile } from 'node:child_process';

export class GitError extends Error {
  override name = 'GitError';
}

export type ChangeStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed';

export interface DiffEntry {
  readonly path: string;
  readonly status: ChangeStatus;
  readonly previousPath?: string;
}

export class Git {
  constructor(
    readonly cwd: string,
    private readonly timeoutMs = 120_000,
  ) {}

  run(args: readonly string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        ['-c', `safe.directory=${this.cwd}`, '-c', 'core.quotePath=false', ...args],
        {
          cwd: this.cwd,
          timeout: this.timeoutMs,
          maxBuffer: 256 * 1024 * 1024,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'echo', LC_ALL: 'C' },
          encoding: 'utf8',
        },
        (err, stdout, stderr) => {
          if (err) {
            const detail = (stderr || err.message).trim().split('\n').slice(-3).join(' ');
            reject(new GitError(`git ${args.slice(0, 2).join(' ')} failed: ${detail}`));
          } else resolve(stdout);
        },
      );
    });
  }

  async head(): Promise<string | undefined> {
    try {
      return (await this.run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
    } catch {
      return undefined;
    }
  }

  async hasCommit(sha: string): Promise<boolean> {
    try {
      await this.run(['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  async isShallow(): Promise<boolean> {
    try {
      return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    } catch {
      return false;
    }
  }

  /**
   * Fetches commits (or refs) from origin. In a shallow checkout only `depth` commits come
   * (a tree diff needs no history); a full clone is never made shallow by us.
   */
  async fetch(refs: readonly string[], depth = 1): Promise<void> {
    const shallow = await this.isShallow();
    await this.run([
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      '--quiet',
      ...(shallow ? [`--depth=${depth}`] : []),
      'origin',
      ...refs,
    ]);
  }

  /** Makes sure each commit is present, fetching the missing ones from origin. */
  async ensureCommits(shas: readonly string[]): Promise<void> {
    const missing: string[] = [];
    for (const sha of shas) if (!(await this.hasCommit(sha))) missing.push(sha);
    if (missing.length > 0) await this.fetch(missing);
    for (const sha of missing)
      if (!(await this.hasCommit(sha)))
        throw new GitError(`commit ${sha} is not available, even after fetching it`);
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    try {
      return (await this.run(['merge-base', a, b])).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  async revParse(ref: string): Promise<string> {
    return (await this.run(['rev-parse', '--verify', `${ref}^{commit}`])).trim();
  }

  /** Files that differ between two commits' trees, renames detected. */
  async diff(base: string, head: string): Promise<DiffEntry[]> {
    const out = await this.run([
      'diff',
      '--name-status',
      '-z',
      '-M',
      '--no-color',
      '--no-ext-diff',
      '--no-relative',
      base,
      head,
      '--',
    ]);
    return parseNameStatus(out);
  }
}

/** Parses `git diff --name-status -z` output. */
export function parseNameStatus(out: string): DiffEntry[] {
  const fields = out.split('\0');
  const entries: DiffEntry[] = [];
  let i = 0;
  while (i < fields.length) {
    const code = fields[i++];
    if (!code) continue;
    const kind = code[0];
    if (kind === 'R' || kind === 'C') {
      const from = fields[i++];
      const to = fields[i++];
      if (from === undefined || to === undefined) break;
      entries.push({ path: to, previousPath: from, status: kind === 'R' ? 'renamed' : 'copied' });
      continue;
    }
    const path = fields[i++];
    if (path === undefined) break;
    const status: ChangeStatus =
      kind === 'A' ? 'added' : kind === 'D' ? 'removed' : kind === 'M' ? 'modified' : 'changed';
    entries.push({ path, status });
  }
  return entries;
}
