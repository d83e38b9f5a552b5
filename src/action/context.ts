/**
 * What the runner tells the Action about the run: environment variables and the event payload.
 * Read once into a plain object so the rest of the Action never touches process.env.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

export const ZERO_SHA = '0000000000000000000000000000000000000000';

/** The parts of the event payloads the Action uses (pull_request, push, merge_group). */
export interface EventPayload {
  readonly pull_request?: {
    readonly number?: number;
    readonly changed_files?: number;
    readonly base?: { readonly sha?: string; readonly ref?: string };
    readonly head?: {
      readonly sha?: string;
      readonly ref?: string;
      readonly repo?: { readonly full_name?: string } | null;
    };
  };
  readonly before?: string;
  readonly after?: string;
  readonly created?: boolean;
  readonly deleted?: boolean;
  readonly forced?: boolean;
  readonly merge_group?: {
    readonly head_sha?: string;
    readonly base_sha?: string;
    readonly head_ref?: string;
    readonly base_ref?: string;
  };
  readonly repository?: { readonly default_branch?: string; readonly full_name?: string };
}

export interface ActionContext {
  readonly eventName: string;
  readonly payload: EventPayload;
  /** GITHUB_SHA: the commit the workflow run is for. */
  readonly sha: string;
  /** GITHUB_REF, e.g. refs/pull/12/merge or refs/heads/main. */
  readonly ref: string;
  readonly owner: string;
  readonly repo: string;
  readonly workspace: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly runnerTemp: string;
}

export class ContextError extends Error {
  override name = 'ContextError';
}

export function readContext(env: Readonly<Record<string, string | undefined>>): ActionContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  let payload: EventPayload = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8')) as EventPayload;
    } catch (err) {
      throw new ContextError(
        `cannot read the event payload ${eventPath}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  return Object.freeze({
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    owner,
    repo,
    workspace: resolve(env.GITHUB_WORKSPACE || process.cwd()),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
  });
}

export function isPullRequestEvent(ctx: ActionContext): boolean {
  return ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target';
}

/** A pull request whose head lives in another repository gets a read-only token. */
export function isForkPullRequest(ctx: ActionContext): boolean {
  const head = ctx.payload.pull_request?.head?.repo?.full_name;
  return isPullRequestEvent(ctx) && head !== undefined && head !== `${ctx.owner}/${ctx.repo}`;
}
