/**
 * A small client for the GitHub REST API (github.com or GHES through GITHUB_API_URL): JSON
 * requests, Link-header pagination, retries on 429/5xx. @actions/http-client gives proxy
 * support (HTTPS_PROXY, NO_PROXY) the way the rest of the Actions toolkit honours it.
 */
import { HttpClient } from '@actions/http-client';
import { VERSION } from '../version.js';

export interface ApiResponse<T> {
  readonly status: number;
  readonly data: T | undefined;
  /** The API's own error text ("Resource not accessible by integration"…), when it failed. */
  readonly message: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly apiMessage: string | undefined,
    readonly path: string,
  ) {
    super(`GitHub API ${path}: HTTP ${status}${apiMessage ? ` (${apiMessage})` : ''}`);
  }
}

export class GitHubApi {
  private readonly client = new HttpClient(`modelaudit-action/${VERSION}`);

  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly retryDelaysMs: readonly number[] = [1000, 3000],
  ) {}

  get hasToken(): boolean {
    return this.token !== '';
  }

  async request<T>(
    method: 'GET' | 'POST',
    pathOrUrl: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const data = body === undefined ? null : JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let status = 0;
      let text = '';
      let responseHeaders: Record<string, string | string[] | undefined> = {};
      try {
        const res = await this.client.request(method, url, data, headers);
        status = res.message.statusCode ?? 0;
        responseHeaders = res.message.headers;
        text = await res.readBody();
      } catch (err) {
        if (attempt < this.retryDelaysMs.length) {
          await sleep(this.retryDelaysMs[attempt]!);
          continue;
        }
        throw new ApiError(0, err instanceof Error ? err.message : String(err), pathOf(url));
      }
      const retryable = status === 429 || status >= 500;
      if (retryable && attempt < this.retryDelaysMs.length) {
        await sleep(this.retryDelaysMs[attempt]!);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      const ok = status >= 200 && status < 300;
      const message =
        !ok && parsed && typeof parsed === 'object' && 'message' in parsed
          ? String((parsed as { message: unknown }).message)
          : !ok
            ? text.slice(0, 200) || undefined
            : undefined;
      return { status, data: ok ? (parsed as T) : undefined, message, headers: responseHeaders };
    }
  }

  /** GETs every page of a list endpoint, following rel="next" links, up to `maxItems`. */
  async paginate<T>(path: string, maxItems: number): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next !== undefined && items.length < maxItems) {
      const res: ApiResponse<T[]> = await this.request<T[]>('GET', next);
      if (res.status < 200 || res.status >= 300 || !Array.isArray(res.data))
        throw new ApiError(res.status, res.message, pathOf(next));
      items.push(...res.data);
      next = nextLink(res.headers.link);
      // Never follow a link to another host: it would receive the token.
      if (next !== undefined && new URL(next, this.baseUrl).origin !== new URL(this.baseUrl).origin)
        throw new ApiError(0, `pagination link leads to another host: ${next}`, pathOf(path));
    }
    return items.slice(0, maxItems);
  }
}

/** The rel="next" URL of a Link header. */
export function nextLink(link: string | string[] | undefined): string | undefined {
  const value = Array.isArray(link) ? link.join(',') : link;
  if (!value) return undefined;
  for (const part of value.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2]!.split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
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
