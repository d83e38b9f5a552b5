/**
 * Code scanning decisions: which category an analysis belongs to, which ref it is uploaded
 * for, and whether it may be uploaded at all.
 *
 * An upload replaces the previous analysis of the same category on the same ref, and closes the
 * alerts the new one no longer contains. So:
 * - full scans own `modelaudit/all`: they are the only analyses that may close branch alerts;
 * - changed-file scans of pull requests and merge groups use `modelaudit/changed` on their own
 *   refs, and cover the whole pull request each time, so replacing the previous one is exact;
 * - changed-file scans of pushes cover one push only: uploading them would close the alerts of
 *   every model the push did not touch, so they are not uploaded unless a category is given;
 * - each shard has its own category.
 */
import type { Annotation } from './annotations.js';
import type { Scope } from './changes.js';
import { isPullRequestEvent, type ActionContext } from './context.js';
import type { ActionInputs } from './inputs.js';

export function categoryOf(
  scope: Scope,
  inputs: Pick<ActionInputs, 'category' | 'shardIndex' | 'shardCount'>,
): string {
  const base =
    inputs.category?.replace(/\/+$/, '') ??
    (scope.kind === 'all' ? 'modelaudit/all' : 'modelaudit/changed');
  return inputs.shardCount > 1
    ? `${base}/shard-${inputs.shardIndex}-of-${inputs.shardCount}`
    : base;
}

/** The ref an analysis belongs to: a pull request's head or merge ref, else GITHUB_REF. */
export function uploadRef(ctx: ActionContext, headSha: string | undefined): string {
  const pr = ctx.payload.pull_request;
  if (isPullRequestEvent(ctx) && pr?.number !== undefined) {
    return headSha !== undefined && headSha === pr.head?.sha
      ? `refs/pull/${pr.number}/head`
      : `refs/pull/${pr.number}/merge`;
  }
  return ctx.ref;
}

export type UploadDecision =
  | { readonly upload: true }
  | { readonly upload: false; readonly text: string; readonly annotation?: Annotation };

const NOT_UPLOADED = 'modelaudit: SARIF not uploaded';

export function uploadDecision(
  scope: Scope,
  ctx: ActionContext,
  inputs: Pick<ActionInputs, 'uploadSarif' | 'category' | 'token'>,
  ref: string,
  headSha: string | undefined,
): UploadDecision {
  if (!inputs.uploadSarif) return { upload: false, text: 'not uploaded (upload-sarif: false)' };
  if (scope.kind === 'changes' && ctx.eventName === 'push' && inputs.category === undefined) {
    return {
      upload: false,
      text: 'not uploaded (changed-files scan of a push)',
      annotation: {
        level: 'notice',
        title: NOT_UPLOADED,
        message:
          'Not uploaded to code scanning: this changed-files scan of a push covers only the files the push changed, and an upload replaces the previous analysis of its category, which would close the alerts of every model the push did not touch. Run `scan: all` on pushes to your default branch (or on a schedule) to keep code scanning current; pull requests upload their changed files safely.',
      },
    };
  }
  if (!inputs.token) {
    return {
      upload: false,
      text: 'not uploaded (no token)',
      annotation: {
        level: 'warning',
        title: NOT_UPLOADED,
        message:
          'Not uploaded to code scanning: the token input is empty. Pass `token: ${{ github.token }}` (the default) or set `upload-sarif: false`.',
      },
    };
  }
  if (!ctx.owner || !ctx.repo || !ref || !headSha) {
    return {
      upload: false,
      text: 'not uploaded (repository, commit or ref unknown)',
      annotation: {
        level: 'warning',
        title: NOT_UPLOADED,
        message:
          'Not uploaded to code scanning: GITHUB_REPOSITORY, GITHUB_REF or the commit is unknown (is this running outside GitHub Actions?).',
      },
    };
  }
  return { upload: true };
}
