/**
 * The Action's REST calls through Octokit, against a local HTTP server standing in for the
 * GitHub API (no network): pagination, retries, error statuses and messages, refusing to send
 * the token to another host, responses validated where they enter, the SARIF upload and its
 * processing-status wait.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { detectChanges } from '../../src/action/changes.js';
import type { ActionContext } from '../../src/action/context.js';
import { parseNameStatus, type Git } from '../../src/action/git.js';
import {
  ApiError,
  GitHubClient,
  ResponseShapeError,
  type GitHubClientOptions,
} from '../../src/action/github-client.js';
import { processingNotice, uploadSarif, type UploadRequest } from '../../src/action/upload.js';

let server: Server;
let base = '';
let handler: (
  url: string,
  method: string,
  body: string,
) => { status: number; body: unknown; headers?: Record<string, string> };
const seen: { method: string; url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
      });
      const r = handler(req.url ?? '', req.method ?? '', body);
      res.writeHead(r.status, { 'content-type': 'application/json', ...(r.headers ?? {}) });
      res.end(JSON.stringify(r.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (seen.length = 0));

function client(options: Partial<GitHubClientOptions> = {}): GitHubClient {
  return new GitHubClient({
    baseUrl: base,
    token: 't0ken',
    retries: 2,
    retryUnitMs: 0,
    pollIntervalMs: 1,
    maxWaitMs: 5,
    ...options,
  });
}

const FILES_PATH = /^\/repos\/o\/r\/pulls\/7\/files/;

function filePage(page: number): { filename: string; status: string }[] {
  return [
    { filename: `a${page}.pkl`, status: 'added' },
    { filename: `b${page}.pkl`, status: 'modified' },
  ];
}

describe('pull request files', () => {
  test('follows every rel="next" page with the token, and stops at the cap', async () => {
    handler = (url) => {
      const page = Number(new URL(url, base).searchParams.get('page') ?? '1');
      return {
        status: 200,
        body: filePage(page),
        headers: {
          ...(page < 5
            ? {
                link: `<${base}/repos/o/r/pulls/7/files?per_page=100&page=${page + 1}>; rel="next"`,
              }
            : {}),
        } as Record<string, string>,
      };
    };
    const all = await client().pullRequestFiles('o', 'r', 7, 100);
    expect(all.map((f) => f.filename)).toEqual(
      [1, 2, 3, 4, 5].flatMap((p) => [`a${p}.pkl`, `b${p}.pkl`]),
    );
    expect(seen).toHaveLength(5);
    expect(seen.every((r) => r.authorization === 'token t0ken')).toBe(true);
    expect(seen[0]!.url).toContain('per_page=100');
    seen.length = 0;
    expect((await client().pullRequestFiles('o', 'r', 7, 3)).map((f) => f.filename)).toEqual([
      'a1.pkl',
      'b1.pkl',
      'a2.pkl',
    ]);
    expect(seen).toHaveLength(2); // no page is fetched past the cap
  });

  test('retries 5xx, then reports the status and the API message', async () => {
    let calls = 0;
    handler = () => (++calls < 3 ? { status: 502, body: {} } : { status: 200, body: filePage(1) });
    expect(await client().pullRequestFiles('o', 'r', 7, 10)).toHaveLength(2);
    expect(calls).toBe(3);
    handler = () => ({ status: 403, body: { message: 'Resource not accessible by integration' } });
    seen.length = 0;
    await expect(client().pullRequestFiles('o', 'r', 7, 10)).rejects.toMatchObject({
      name: 'ApiError',
      status: 403,
      apiMessage: 'Resource not accessible by integration',
    });
    expect(seen).toHaveLength(1); // a 403 is not retried
  });

  test('never follows a pagination link to another host (it would receive the token)', async () => {
    handler = () => ({
      status: 200,
      body: filePage(1),
      headers: { link: '<http://evil.example/x>; rel="next"' },
    });
    await expect(client().pullRequestFiles('o', 'r', 7, 10)).rejects.toBeInstanceOf(ApiError);
    expect(seen).toHaveLength(1);
  });

  test.each([
    ['an object instead of a list', { files: [] }],
    ['an entry without a file name', [{ status: 'added' }]],
    ['a file name that is not a string', [{ filename: 7, status: 'added' }]],
  ])('a reply of the wrong shape is a ResponseShapeError: %s', async (_, body) => {
    handler = () => ({ status: 200, body });
    await expect(client().pullRequestFiles('o', 'r', 7, 10)).rejects.toBeInstanceOf(
      ResponseShapeError,
    );
  });

  test('a malformed file list makes the Action scan everything, with the reason', async () => {
    handler = (url) =>
      FILES_PATH.test(new URL(url, base).pathname)
        ? { status: 200, body: [{ nope: true }] }
        : { status: 404, body: {} };
    const ctx = {
      eventName: 'pull_request',
      owner: 'o',
      repo: 'r',
      payload: { pull_request: { number: 7, changed_files: 2, base: { sha: 'b'.repeat(40) } } },
    } as unknown as ActionContext;
    const git = {} as Git; // never reached: a malformed list is not a reason to trust git
    const logs: string[] = [];
    const scope = await detectChanges(ctx, { api: client(), git, log: (m) => logs.push(m) });
    expect(scope).toMatchObject({ kind: 'all', fallback: true });
    expect(scope.kind === 'all' && scope.reason).toContain('malformed');
  });
});

describe('uploadSarif', () => {
  const req: UploadRequest = {
    owner: 'o',
    repo: 'r',
    sarif: '{"version":"2.1.0","runs":[]}',
    commitSha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    checkoutUri: 'file:///w/',
    startedAt: '2026-01-01T00:00:00.000Z',
    fork: false,
    sarifPath: '/tmp/x.sarif',
    waitForProcessing: true,
  };

  test('sends gzip+base64 SARIF with the commit and ref, then waits for processing', async () => {
    let received: Record<string, string> = {};
    let polls = 0;
    handler = (_url, method, body) => {
      if (method === 'POST') {
        received = JSON.parse(body) as Record<string, string>;
        return { status: 202, body: { id: 'abc', url: `${base}/sarifs/abc` } };
      }
      polls++;
      return {
        status: 200,
        body: { processing_status: polls < 3 ? 'pending' : 'complete', analyses_url: null },
      };
    };
    const r = await uploadSarif(client({ maxWaitMs: 100 }), req);
    expect(r).toMatchObject({ status: 'uploaded', id: 'abc', processing: { status: 'complete' } });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /repos/o/r/code-scanning/sarifs',
      'GET /repos/o/r/code-scanning/sarifs/abc',
      'GET /repos/o/r/code-scanning/sarifs/abc',
      'GET /repos/o/r/code-scanning/sarifs/abc',
    ]);
    expect(received.commit_sha).toBe(req.commitSha);
    expect(received.ref).toBe('refs/heads/main');
    expect(received.tool_name).toBe('modelaudit');
    expect(gunzipSync(Buffer.from(received.sarif!, 'base64')).toString()).toBe(req.sarif);
  });

  test('processing: a failure is a warning with GitHub errors; still pending is a notice', async () => {
    handler = (_url, method) =>
      method === 'POST'
        ? { status: 202, body: { id: 'x' } }
        : { status: 200, body: { processing_status: 'failed', errors: ['bad \u001b[2J run'] } };
    const failed = await uploadSarif(client(), req);
    expect(failed).toMatchObject({ processing: { status: 'failed' } });
    const warning = processingNotice(
      (failed as { processing: Parameters<typeof processingNotice>[0] }).processing,
      req.sarifPath,
    );
    expect(warning?.level).toBe('warning');
    expect(warning?.message).toContain('bad \\u001b[2J run');
    expect(warning?.message).not.toContain('\u001b');

    let polls = 0;
    handler = (_url, method) =>
      method === 'POST'
        ? { status: 202, body: { id: 'x' } }
        : (polls++, { status: 404, body: { message: 'Not Found' } });
    const pending = await uploadSarif(client({ pollIntervalMs: 1, maxWaitMs: 3 }), req);
    expect(pending).toMatchObject({ processing: { status: 'pending' } });
    expect(polls).toBe(4); // at 0, 1, 2 and 3 ms of waiting, counted in polls, not time
    expect(
      processingNotice((pending as unknown as { processing: never }).processing, req.sarifPath)
        ?.level,
    ).toBe('notice');

    const skipped = await uploadSarif(client(), { ...req, waitForProcessing: false });
    expect(skipped).toMatchObject({ processing: { status: 'not-checked' } });
  });

  test('a processing status of the wrong shape is a warning, not a crash', async () => {
    handler = (_url, method) =>
      method === 'POST'
        ? { status: 202, body: { id: 'x' } }
        : { status: 200, body: { processing_status: 'exploded' } };
    const r = await uploadSarif(client(), req);
    expect(r).toMatchObject({ status: 'uploaded', processing: { status: 'unknown' } });
    expect(processingNotice((r as unknown as { processing: never }).processing, '')?.level).toBe(
      'warning',
    );
  });

  test('an upload reply of the wrong shape is a warning', async () => {
    handler = () => ({ status: 202, body: { identifier: 7 } });
    const r = await uploadSarif(client(), req);
    expect(r.status).toBe('failed');
    if (r.status === 'failed') {
      expect(r.warning).toContain('not understood');
      expect(r.warning).toContain('/tmp/x.sarif');
    }
  });

  test.each([
    [403, false, ['security-events: write', 'Advanced Security']],
    [403, true, ['fork', 'upload-sarif: false']],
    [404, false, ['token', 'GitHub Enterprise Server']],
    [422, false, ['rejected']],
  ])(
    'HTTP %d (fork: %s) becomes a warning that says what to change',
    async (status, fork, words) => {
      handler = () => ({ status, body: { message: 'nope' } });
      const r = await uploadSarif(client(), { ...req, fork });
      expect(r.status).toBe('failed');
      if (r.status === 'failed') {
        for (const w of words) expect(r.warning).toContain(w);
        expect(r.warning).toContain('/tmp/x.sarif');
        expect(r.warning).toContain(`HTTP ${status}: nope`);
      }
    },
  );
});

test('parseNameStatus reads git diff --name-status -z, renames and copies included', () => {
  const out = [
    'M',
    'a.pkl',
    'R100',
    'old.pkl',
    'new.pkl',
    'D',
    'gone.pkl',
    'A',
    'we ird\nname.pkl',
    'C75',
    'x',
    'y',
    'T',
    'link',
    '',
  ].join('\0');
  expect(parseNameStatus(out)).toEqual([
    { path: 'a.pkl', status: 'modified' },
    { path: 'new.pkl', previousPath: 'old.pkl', status: 'renamed' },
    { path: 'gone.pkl', status: 'removed' },
    { path: 'we ird\nname.pkl', status: 'added' },
    { path: 'y', previousPath: 'x', status: 'copied' },
    { path: 'link', status: 'changed' },
  ]);
});
