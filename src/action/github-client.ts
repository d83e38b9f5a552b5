/**
 * The Action's GitHub REST calls, through @actions/github's Octokit: the pull request file list
 * (paginated), the code scanning SARIF upload and its processing status. Octokit brings
 * pagination, typed endpoints and the toolkit's proxy support; @octokit/plugin-retry retries
 * 429 and 5xx answers and network failures. Every response is validated where it enters: a
 * reply of the wrong shape is a ResponseShapeError, never a cast.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { z } from 'zod';
import { VERSION } from '../version.js';

/** The API answered with an error status, or could not be reached (status 0). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    /** The API's own error text ("Resource not accessible by integration"…). */
    readonly apiMessage: string | undefined,
    readonly path: string,
  ) {
    super(`GitHub API ${path}: HTTP ${status}${apiMessage ? ` (${apiMessage})` : ''}`);
  }
}

/** The API answered, but not with the shape its documentation promises. */
export class ResponseShapeError extends Error {
  override name = 'ResponseShapeError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`GitHub API ${path}: unexpected response (${problem})`);
  }
}

const pullRequestFilesSchema = z.array(
  z.looseObject({
    filename: z.string().min(1),
    status: z.string(),
    previous_filename: z.string().min(1).optional(),
  }),
);
export type PullRequestFile = z.infer<typeof pullRequestFilesSchema>[number];

const sarifUploadSchema = z.looseObject({
  id: z.string().min(1),
  url: z.string().optional(),
});

const sarifStatusSchema = z.looseObject({
  processing_status: z.enum(['pending', 'complete', 'failed']),
  analyses_url: z.string().nullish(),
  errors: z.array(z.string()).nullish(),
});

export type ProcessingResult =
  | { readonly status: 'complete' }
  | { readonly status: 'failed'; readonly errors: readonly string[] }
  | { readonly status: 'pending'; readonly waitedMs: number };

export interface GitHubClientOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Retries after a 429, a 5xx or a network failure. */
  readonly retries?: number;
  /** The retry delay's unit (the n-th retry waits n² units). Tests use 0. */
  readonly retryUnitMs?: number;
  /** Processing-status polls: interval and longest total wait. */
  readonly pollIntervalMs?: number;
  readonly maxWaitMs?: number;
}

export interface SarifUpload {
  readonly owner: string;
  readonly repo: string;
  readonly commitSha: string;
  readonly ref: string;
  /** gzip + base64, as the API takes it. */
  readonly sarif: string;
  readonly checkoutUri: string;
  readonly startedAt: string;
}

export class GitHubClient {
  private readonly octokit: ReturnType<typeof getOctokit>;
  private readonly pollIntervalMs: number;
  private readonly maxWaitMs: number;

  constructor(options: GitHubClientOptions) {
    const origin = new URL(options.baseUrl).origin;
    this.octokit = getOctokit(
      options.token,
      {
        baseUrl: options.baseUrl.replace(/\/+$/, ''),
        userAgent: `modelaudit-action/${VERSION}`,
        retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryUnitMs ?? 1000 },
      },
      retry,
    );
    // Never send the token to another host (a pagination link could point anywhere).
    this.octokit.hook.before('request', (request) => {
      const url = request.url.startsWith('/') ? `${request.baseUrl}${request.url}` : request.url;
      if (new URL(url).origin !== origin)
        throw new ApiError(0, `refusing a request to another host: ${url}`, pathOf(url));
    });
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
  }

  /** The files a pull request changes, every page, up to `max`. */
  async pullRequestFiles(
    owner: string,
    repo: string,
    pullNumber: number,
    max: number,
  ): Promise<PullRequestFile[]> {
    const path = `/repos/${owner}/${repo}/pulls/${pullNumber}/files`;
    const files: PullRequestFile[] = [];
    await call(path, async () => {
      const pages = this.octokit.paginate.iterator(this.octokit.rest.pulls.listFiles, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: 100,
      });
      for await (const page of pages) {
        files.push(...parse(pullRequestFilesSchema, page.data, path));
        if (files.length >= max) break;
      }
    });
    return files.slice(0, max);
  }

  /** Uploads SARIF to code scanning; returns the upload's id. */
  async uploadSarif(u: SarifUpload): Promise<{ id: string; url: string | undefined }> {
    const path = `/repos/${u.owner}/${u.repo}/code-scanning/sarifs`;
    const res = await call(path, () =>
      this.octokit.rest.codeScanning.uploadSarif({
        owner: u.owner,
        repo: u.repo,
        commit_sha: u.commitSha,
        ref: u.ref,
        sarif: u.sarif,
        checkout_uri: u.checkoutUri,
        started_at: u.startedAt,
        tool_name: 'modelaudit',
      }),
    );
    const data = parse(sarifUploadSchema, res.data, path);
    return { id: data.id, url: data.url };
  }

  /**
   * Polls the upload's processing status until GitHub has processed it, failed to, or the wait
   * is over. A 404 right after the upload means "not registered yet" and counts as pending.
   */
  async waitForProcessing(owner: string, repo: string, id: string): Promise<ProcessingResult> {
    const path = `/repos/${owner}/${repo}/code-scanning/sarifs/${id}`;
    let waited = 0;
    for (;;) {
      let status: z.infer<typeof sarifStatusSchema> | undefined;
      try {
        const res = await call(path, () =>
          this.octokit.rest.codeScanning.getSarif({ owner, repo, sarif_id: id }),
        );
        status = parse(sarifStatusSchema, res.data, path);
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      }
      if (status?.processing_status === 'complete') return { status: 'complete' };
      if (status?.processing_status === 'failed')
        return { status: 'failed', errors: status.errors ?? [] };
      if (waited + this.pollIntervalMs > this.maxWaitMs)
        return { status: 'pending', waitedMs: waited };
      await sleep(this.pollIntervalMs);
      waited += this.pollIntervalMs;
    }
  }
}

/** Runs an Octokit call, turning its errors into ApiError (status and the API's message). */
async function call<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiError || err instanceof ResponseShapeError) throw err;
    const e = err as { status?: unknown; message?: unknown; response?: { data?: unknown } };
    const status = typeof e.status === 'number' && e.status >= 400 ? e.status : 0;
    const data = e.response?.data;
    const apiMessage =
      data && typeof data === 'object' && 'message' in data
        ? String((data as { message: unknown }).message)
        : typeof e.message === 'string'
          ? e.message
          : String(err);
    throw new ApiError(status, apiMessage, path);
  }
}

function parse<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw new ResponseShapeError(
    path,
    first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'invalid',
  );
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
