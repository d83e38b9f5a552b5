/**
 * End-to-end harness for the GitHub Action: a temporary git "origin" of fixture models and
 * clones of it as workspaces, a local HTTP server standing in for the GitHub API (pull request
 * file list with pagination, SARIF upload recorder and its processing status), and a runner that spawns the committed
 * dist/index.js the way the Actions runner does (INPUT_* variables, GITHUB_EVENT_PATH,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) and parses what it printed and wrote. No network.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ACTION = join(ROOT, 'dist', 'index.js');
const MODELS = join(ROOT, 'fixtures', 'action', 'models');
/** The name-policy repository: models named neutrally, identified by their metadata. */
export const POLICY_REPO = join(ROOT, 'fixtures', 'action', 'policy');

/** Temporary directories made by this harness, removed by cleanup(). */
const made: string[] = [];

/** A new temporary directory, removed by cleanup(). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const OWNER = 'acme';
export const REPO = 'models';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...GIT_ENV },
  }).trim();
}

function fixture(rel: string): Buffer {
  return readFileSync(join(MODELS, rel));
}

function put(dir: string, rel: string, data: Buffer | string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), data);
}

export interface Origin {
  readonly dir: string;
  /** file:// URL of the bare repository. */
  readonly url: string;
  /** main before the pull request. */
  readonly base: string;
  /** The pull request's head (branch "feature"). */
  readonly head: string;
  /** The pull request's merge commit (refs/pull/7/merge). */
  readonly merge: string;
}

/** What the pull request changes, as GitHub's file list reports it. */
export const PR_FILES = [
  { filename: 'README.md', status: 'modified' },
  { filename: 'docs/notes.md', status: 'added' },
  { filename: 'models/lfs/model.safetensors', status: 'added' },
  { filename: 'models/malicious/evil.pkl', status: 'added' },
  { filename: 'models/old/legacy.pkl', status: 'removed' },
  { filename: 'models/renamed.pkl', status: 'renamed', previous_filename: 'models/to_rename.pkl' },
  { filename: 'models/saved_model/variables/variables.index', status: 'modified' },
  { filename: 'models/suspicious/custom_class.pkl', status: 'added' },
];

/**
 * main: a clean model, a SavedModel, a model to delete, one to rename, and an old malicious
 * model that the pull request does not touch. feature: adds a malicious model, an unknown
 * class, a Git LFS pointer; changes the SavedModel's variables; deletes and renames.
 */
export function makeOrigin(): Origin {
  const top = tempDir('modelaudit-action-origin-');
  const work = join(top, 'work');
  mkdirSync(work);
  git(work, 'init', '-q', '-b', 'main');
  put(work, 'README.md', '# models\n');
  put(work, 'src/app.py', 'print("hello")\n');
  put(work, 'models/clean/weights.pkl', fixture('clean/weights.pkl'));
  put(work, 'models/saved_model/saved_model.pb', fixture('saved_model/saved_model.pb'));
  put(
    work,
    'models/saved_model/variables/variables.index',
    fixture('saved_model/variables/variables.index'),
  );
  put(work, 'models/old/legacy.pkl', 'a model that the pull request deletes\n');
  put(work, 'models/to_rename.pkl', fixture('clean/weights.pkl'));
  put(work, 'models/legacy/unchanged_evil.pkl', fixture('malicious/evil.pkl'));
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'base');
  const base = git(work, 'rev-parse', 'HEAD');

  git(work, 'checkout', '-q', '-b', 'feature');
  put(work, 'README.md', '# models\n\nNow with more models.\n');
  put(work, 'docs/notes.md', 'notes\n');
  put(work, 'models/malicious/evil.pkl', fixture('malicious/evil.pkl'));
  put(work, 'models/suspicious/custom_class.pkl', fixture('suspicious/custom_class.pkl'));
  put(work, 'models/lfs/model.safetensors', fixture('lfs/model.safetensors'));
  put(work, 'models/saved_model/variables/variables.index', Buffer.alloc(32, 7));
  git(work, 'rm', '-q', 'models/old/legacy.pkl');
  git(work, 'mv', 'models/to_rename.pkl', 'models/renamed.pkl');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'feature');
  const head = git(work, 'rev-parse', 'HEAD');

  git(work, 'checkout', '-q', '-b', 'pr-7-merge', 'main');
  git(work, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
  const merge = git(work, 'rev-parse', 'HEAD');
  git(work, 'checkout', '-q', 'main');

  const bare = join(top, 'origin.git');
  git(top, 'clone', '-q', '--bare', work, bare);
  return { dir: bare, url: `file://${bare}`, base, head, merge };
}

/**
 * A one-commit repository holding a copy of fixtures/action/policy: models/ as the fixture has
 * it, the policy file as .github/model-policy.yml. Returns the workspace and its commit.
 */
export function makePolicyWorkspace(): { dir: string; sha: string } {
  const dir = join(tempDir('modelaudit-action-policy-'), 'workspace');
  cpSync(join(POLICY_REPO, 'models'), join(dir, 'models'), { recursive: true });
  put(dir, '.github/model-policy.yml', readFileSync(join(POLICY_REPO, 'model-policy.yml')));
  put(dir, 'README.md', '# models under a name policy\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'models');
  return { dir, sha: git(dir, 'rev-parse', 'HEAD') };
}

/** A checkout of `commit` (full history, or the last commit only when shallow). */
export function makeWorkspace(
  origin: Origin,
  commit: string,
  options: { shallowBranch?: string } = {},
): string {
  const top = tempDir('modelaudit-action-ws-');
  const ws = join(top, 'workspace');
  if (options.shallowBranch) {
    git(top, 'clone', '-q', '--depth', '1', '--branch', options.shallowBranch, origin.url, ws);
  } else {
    git(top, 'clone', '-q', origin.url, ws);
    git(ws, 'checkout', '-q', '--detach', commit);
  }
  return ws;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface FakeApi {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Decoded SARIF logs received by the upload endpoint. */
  readonly uploads: { body: Record<string, unknown>; sarif: unknown }[];
  close(): Promise<void>;
}

export interface FakeApiOptions {
  readonly prFiles?: readonly object[];
  readonly pageSize?: number;
  readonly uploadStatus?: number;
  readonly uploadMessage?: string;
  /** Status of the pull request file list (default 200). */
  readonly filesStatus?: number;
}

/** A local stand-in for the GitHub REST API. */
export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const uploads: { body: Record<string, unknown>; sarif: unknown }[] = [];
  const pageSize = options.pageSize ?? 3;
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      });
      const url = new URL(req.url ?? '/', base);
      const files = new RegExp(`^/repos/${OWNER}/${REPO}/pulls/(\\d+)/files$`).exec(url.pathname);
      if (req.method === 'GET' && files && (options.filesStatus ?? 200) !== 200) {
        res
          .writeHead(options.filesStatus!, { 'content-type': 'application/json' })
          .end('{"message":"Resource not accessible by integration"}');
        return;
      }
      if (req.method === 'GET' && files) {
        const all = options.prFiles ?? [];
        const page = Number(url.searchParams.get('page') ?? '1');
        const slice = all.slice((page - 1) * pageSize, page * pageSize);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (page * pageSize < all.length) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.href}>; rel="next", <${base}/last>; rel="last"`;
        }
        res.writeHead(200, headers).end(JSON.stringify(slice));
        return;
      }
      const status = new RegExp(`^/repos/${OWNER}/${REPO}/code-scanning/sarifs/([^/]+)$`).exec(
        url.pathname,
      );
      if (req.method === 'GET' && status) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ processing_status: 'complete', analyses_url: null, errors: null }));
        return;
      }
      if (
        req.method === 'POST' &&
        url.pathname === `/repos/${OWNER}/${REPO}/code-scanning/sarifs`
      ) {
        const parsed = JSON.parse(body) as Record<string, unknown>;
        const sarif = JSON.parse(
          gunzipSync(Buffer.from(String(parsed.sarif), 'base64')).toString('utf8'),
        ) as unknown;
        uploads.push({ body: parsed, sarif });
        const status = options.uploadStatus ?? 202;
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(
            JSON.stringify(
              status < 300
                ? { id: `sarif-${uploads.length}`, url: `${base}/sarifs/${uploads.length}` }
                : { message: options.uploadMessage ?? 'Forbidden' },
            ),
          );
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    uploads,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly commands: WorkflowCommand[];
  readonly annotations: WorkflowCommand[];
}

export interface RunOptions {
  readonly workspace: string;
  readonly event: string;
  readonly payload: object;
  readonly sha: string;
  readonly ref: string;
  readonly api: FakeApi;
  readonly inputs?: Record<string, string>;
  /** Overrides GITHUB_STEP_SUMMARY (e.g. a path that cannot be written). */
  readonly summaryPath?: string;
}

/** Spawns dist/index.js as the runner would and collects everything it produced. */
export async function runAction(o: RunOptions): Promise<ActionRun> {
  const tmp = tempDir('modelaudit-action-run-');
  const eventPath = join(tmp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  const outputPath = join(tmp, 'output');
  const summaryPath = o.summaryPath ?? join(tmp, 'summary.md');
  writeFileSync(outputPath, '');
  if (!o.summaryPath) writeFileSync(summaryPath, '');
  const runnerTemp = join(tmp, 'runner-temp');
  mkdirSync(runnerTemp);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmp,
    ...GIT_ENV,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: o.sha,
    GITHUB_REF: o.ref,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_API_URL: o.api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runnerTemp,
    INPUT_TOKEN: 'test-token',
  };
  for (const [k, v] of Object.entries(o.inputs ?? {})) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [ACTION], { cwd: o.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  const commands = parseCommands(stdout);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: existsSync(summaryPath) && !o.summaryPath ? readFileSync(summaryPath, 'utf8') : '',
    commands,
    annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
  };
}

/** Workflow commands as the runner reads them (outside stop-commands blocks). */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split('\n')) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'stop-commands') {
      stopToken = m[3];
      continue;
    }
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = pair.indexOf('=');
      properties[pair.slice(0, i)] = unescapeProperty(pair.slice(i + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3]!) });
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Parses the GITHUB_OUTPUT file (name<<delimiter … delimiter blocks). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}
