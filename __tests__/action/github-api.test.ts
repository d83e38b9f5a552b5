import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { parseNameStatus } from '../../src/action/git.js';
import { ApiError, GitHubApi, nextLink } from '../../src/action/github-api.js';
import { uploadSarif, type UploadRequest } from '../../src/action/upload.js';

let server: Server;
let base = '';
let handler: (
  url: string,
  method: string,
  body: string,
) => { status: number; body: unknown; headers?: Record<string, string> };
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
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

describe('GitHubApi', () => {
  test('follows rel="next" links and stops at the item cap', async () => {
    handler = (url) => {
      const page = Number(new URL(url, base).searchParams.get('page') ?? '1');
      return {
        status: 200,
        body: [page * 10 + 1, page * 10 + 2],
        headers: page < 5 ? { link: `<${base}/items?page=${page + 1}>; rel="next"` } : undefined,
      };
    };
    const api = new GitHubApi(base, 't', []);
    expect(await api.paginate<number>('/items', 100)).toEqual([
      11, 12, 21, 22, 31, 32, 41, 42, 51, 52,
    ]);
    expect(await api.paginate<number>('/items', 3)).toEqual([11, 12, 21]);
  });

  test('retries 5xx, then reports the status and the API message', async () => {
    let calls = 0;
    handler = () => (++calls < 3 ? { status: 502, body: {} } : { status: 200, body: [1] });
    expect(await new GitHubApi(base, 't', [0, 0]).paginate('/x', 10)).toEqual([1]);
    expect(calls).toBe(3);
    handler = () => ({ status: 403, body: { message: 'Resource not accessible by integration' } });
    await expect(new GitHubApi(base, 't', []).paginate('/x', 10)).rejects.toMatchObject({
      status: 403,
      apiMessage: 'Resource not accessible by integration',
    });
  });

  test('never follows a pagination link to another host (it would receive the token)', async () => {
    handler = () => ({
      status: 200,
      body: [1],
      headers: { link: '<https://evil.example/x>; rel="next"' },
    });
    await expect(new GitHubApi(base, 't', []).paginate('/x', 10)).rejects.toBeInstanceOf(ApiError);
  });

  test('nextLink reads the rel="next" entry of a Link header', () => {
    expect(nextLink('<https://a/1>; rel="prev", <https://a/3>; rel="next"')).toBe('https://a/3');
    expect(nextLink('<https://a/1>; rel="last"')).toBeUndefined();
    expect(nextLink(undefined)).toBeUndefined();
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
  };

  test('sends gzip+base64 SARIF with the commit and ref', async () => {
    let received: Record<string, string> = {};
    handler = (_url, _method, body) => {
      received = JSON.parse(body) as Record<string, string>;
      return { status: 202, body: { id: 'abc', url: `${base}/sarifs/abc` } };
    };
    const r = await uploadSarif(new GitHubApi(base, 't', []), req);
    expect(r).toMatchObject({ status: 'uploaded', id: 'abc' });
    expect(seen).toEqual(['POST /repos/o/r/code-scanning/sarifs']);
    expect(received.commit_sha).toBe(req.commitSha);
    expect(received.ref).toBe('refs/heads/main');
    expect(gunzipSync(Buffer.from(received.sarif!, 'base64')).toString()).toBe(req.sarif);
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
      const r = await uploadSarif(new GitHubApi(base, 't', []), { ...req, fork });
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
