/**
 * Which files an event changed. Pull requests: the REST file list (paginated; it stops at
 * 3,000 files, so larger pull requests fall back to a git diff). Pushes: before..after, or a new
 * branch against the default branch. Merge groups: base_sha..head_sha. When no change set can
 * be had, the caller scans everything selected: scanning more is slower, never unsafe. A file
 * list of the wrong shape is not trusted at all (not even for a git diff fallback): everything
 * selected is scanned, with a warning.
 */
import { isPullRequestEvent, ZERO_SHA, type ActionContext } from './context.js';
import type { ChangeStatus, DiffEntry, Git } from './git.js';
import { ResponseShapeError, type GitHubClient } from './github-client.js';

/** GitHub's pull request file list returns at most this many files. */
export const PR_FILES_API_LIMIT = 3000;

export interface ChangeSet {
  readonly kind: 'changes';
  /** Human description: "pull request #12", "push a1b2c3d..e4f5a6b". */
  readonly description: string;
  /** How the list was obtained. */
  readonly source: 'github-api' | 'git-diff' | 'event';
  readonly files: readonly DiffEntry[];
  /** Why the preferred source was not used, when it was not. */
  readonly note?: string;
}

export interface FullScan {
  readonly kind: 'all';
  readonly reason: string;
  /** True when a change set was wanted but could not be had (worth a warning). */
  readonly fallback: boolean;
}

export type Scope = ChangeSet | FullScan;

export interface ChangeDeps {
  /** Undefined when there is no token. */
  readonly api: GitHubClient | undefined;
  readonly git: Git;
  readonly log: (message: string) => void;
}

export async function detectChanges(ctx: ActionContext, deps: ChangeDeps): Promise<Scope> {
  if (isPullRequestEvent(ctx)) return pullRequestChanges(ctx, deps);
  if (ctx.eventName === 'push') return pushChanges(ctx, deps);
  if (ctx.eventName === 'merge_group') return mergeGroupChanges(ctx, deps);
  return {
    kind: 'all',
    reason: `a ${ctx.eventName || 'manual'} event has no change set`,
    fallback: false,
  };
}

async function pullRequestChanges(ctx: ActionContext, deps: ChangeDeps): Promise<Scope> {
  const pr = ctx.payload.pull_request;
  const number = pr?.number;
  const description = `pull request #${number ?? '?'}`;
  let note: string | undefined;
  if (number === undefined) {
    note = 'the event payload has no pull request number';
  } else if ((pr?.changed_files ?? 0) >= PR_FILES_API_LIMIT) {
    note = `the pull request changes ${pr!.changed_files} files; the API lists at most ${PR_FILES_API_LIMIT}`;
  } else if (!deps.api) {
    note = 'no token to read the pull request file list';
  } else {
    try {
      const files = await deps.api.pullRequestFiles(
        ctx.owner,
        ctx.repo,
        number,
        PR_FILES_API_LIMIT,
      );
      if (files.length < PR_FILES_API_LIMIT) {
        deps.log(`${description}: ${files.length} changed files from the GitHub API`);
        return {
          kind: 'changes',
          description,
          source: 'github-api',
          files: files.map((f) => ({
            path: f.filename,
            status: apiStatus(f.status),
            ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
          })),
        };
      }
      note = `the API listed ${PR_FILES_API_LIMIT} files, its limit: the list may be incomplete`;
    } catch (err) {
      if (err instanceof ResponseShapeError)
        return unavailable(
          `${description}: the pull request file list was malformed (${err.problem})`,
        );
      note = `the pull request file list could not be read: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  deps.log(`${note}; using git diff instead`);
  const base = pr?.base?.sha;
  if (!base) return unavailable(`${description}: ${note}, and the payload has no base commit`);
  return gitChanges(deps, description, base, undefined, true, note);
}

async function pushChanges(ctx: ActionContext, deps: ChangeDeps): Promise<Scope> {
  const p = ctx.payload;
  const after = p.after && p.after !== ZERO_SHA ? p.after : ctx.sha;
  if (p.deleted || p.after === ZERO_SHA) {
    return {
      kind: 'changes',
      description: `push deleting ${ctx.ref}`,
      source: 'event',
      files: [],
    };
  }
  const before = p.before;
  if (before && before !== ZERO_SHA) {
    return gitChanges(deps, `push ${short(before)}..${short(after)}`, before, after, false);
  }
  // A new branch: compare it with the default branch it was most likely cut from.
  const defaultBranch = p.repository?.default_branch;
  const branch = ctx.ref.replace(/^refs\/heads\//, '');
  if (!defaultBranch || branch === defaultBranch || !ctx.ref.startsWith('refs/heads/')) {
    return {
      kind: 'all',
      reason: `the push created ${ctx.ref || 'a ref'} and there is no other branch to compare it with`,
      fallback: false,
    };
  }
  const description = `new branch ${branch} (compared with ${defaultBranch})`;
  let base: string;
  try {
    await deps.git.fetch([`+refs/heads/${defaultBranch}:refs/remotes/origin/${defaultBranch}`], 50);
    base = await deps.git.revParse(`refs/remotes/origin/${defaultBranch}`);
  } catch (err) {
    return unavailable(
      `${description}: the default branch could not be fetched (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  return gitChanges(deps, description, base, after, true);
}

async function mergeGroupChanges(ctx: ActionContext, deps: ChangeDeps): Promise<Scope> {
  const mg = ctx.payload.merge_group;
  const head = mg?.head_sha ?? ctx.sha;
  const base = mg?.base_sha;
  const description = `merge group ${mg?.head_ref ?? ctx.ref}`;
  if (!base) return unavailable(`${description}: the payload has no base_sha`);
  return gitChanges(deps, description, base, head, false);
}

/**
 * Files changed between base and head (head: the checked-out commit when undefined). With
 * `fromMergeBase` (pull requests, new branches) the diff starts at the merge base when the
 * history allows it, as a pull request does; without that history it is the plain tree
 * difference, a superset that also lists what changed on the base side. Pushes and merge
 * groups compare the two trees directly: exactly what the push or the queue entry changes.
 */
async function gitChanges(
  deps: ChangeDeps,
  description: string,
  base: string,
  head: string | undefined,
  fromMergeBase: boolean,
  note?: string,
): Promise<Scope> {
  try {
    const headSha = head ?? (await deps.git.head());
    if (!headSha) return unavailable(`${description}: the workspace is not a git checkout`);
    await deps.git.ensureCommits([base, headSha]);
    const from = (fromMergeBase ? await deps.git.mergeBase(base, headSha) : undefined) ?? base;
    const files = await deps.git.diff(from, headSha);
    deps.log(
      `${description}: ${files.length} changed files from git diff ${from.slice(0, 7)}..${headSha.slice(0, 7)}`,
    );
    return {
      kind: 'changes',
      description,
      source: 'git-diff',
      files,
      ...(note ? { note } : {}),
    };
  } catch (err) {
    return unavailable(
      `${description}: git could not list the changes (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

function unavailable(reason: string): FullScan {
  return { kind: 'all', reason, fallback: true };
}

function apiStatus(status: string): ChangeStatus {
  switch (status) {
    case 'added':
    case 'modified':
    case 'removed':
    case 'renamed':
    case 'copied':
    case 'changed':
      return status;
    default:
      return 'changed'; // "unchanged" and anything new: scan it rather than skip it
  }
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
