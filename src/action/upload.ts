/**
 * Uploading SARIF to GitHub code scanning: gzip + base64 to POST /repos/{owner}/{repo}/
 * code-scanning/sarifs with the commit and ref. A refusal (fork pull requests, code scanning
 * not enabled, a token without `security-events: write`) becomes a warning that says what to
 * change: the scan itself succeeded, and its results are in the annotations and the summary.
 */
import { gzipSync } from 'node:zlib';
import { ApiError, type GitHubApi } from './github-api.js';

/** GitHub rejects SARIF uploads larger than this once compressed. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadRequest {
  readonly owner: string;
  readonly repo: string;
  readonly sarif: string;
  readonly commitSha: string;
  readonly ref: string;
  readonly checkoutUri: string;
  readonly startedAt: string;
  /** True when the pull request comes from a fork (its token cannot write). */
  readonly fork: boolean;
  readonly sarifPath: string;
}

export type UploadResult =
  | { readonly status: 'uploaded'; readonly id: string; readonly url: string | undefined }
  | { readonly status: 'failed'; readonly httpStatus: number; readonly warning: string };

export async function uploadSarif(api: GitHubApi, req: UploadRequest): Promise<UploadResult> {
  const gz = gzipSync(Buffer.from(req.sarif, 'utf8'));
  const where = `The results are still in the annotations, the job summary and ${req.sarifPath}.`;
  if (gz.length > MAX_UPLOAD_BYTES) {
    return {
      status: 'failed',
      httpStatus: 0,
      warning: `The SARIF file is ${(gz.length / 1024 / 1024).toFixed(1)} MiB compressed, over GitHub's 10 MiB upload limit; it was not uploaded. Split the scan with shard-index/shard-count or narrow paths. ${where}`,
    };
  }
  let res;
  try {
    res = await api.request<{ id?: string; url?: string }>(
      'POST',
      `/repos/${req.owner}/${req.repo}/code-scanning/sarifs`,
      {
        commit_sha: req.commitSha,
        ref: req.ref,
        sarif: gz.toString('base64'),
        checkout_uri: req.checkoutUri,
        started_at: req.startedAt,
        tool_name: 'modelaudit',
      },
    );
  } catch (err) {
    const detail = err instanceof ApiError ? (err.apiMessage ?? err.message) : String(err);
    return {
      status: 'failed',
      httpStatus: 0,
      warning: `Could not reach the code scanning API to upload the SARIF (${detail}). ${where}`,
    };
  }
  if (res.status >= 200 && res.status < 300 && res.data?.id) {
    return { status: 'uploaded', id: res.data.id, url: res.data.url };
  }
  return {
    status: 'failed',
    httpStatus: res.status,
    warning: explain(res.status, res.message, req, where),
  };
}

function explain(
  status: number,
  message: string | undefined,
  req: UploadRequest,
  where: string,
): string {
  const said = `HTTP ${status}${message ? `: ${message}` : ''}`;
  if (status === 403) {
    const lead = req.fork
      ? 'This pull request comes from a fork, and GitHub gives fork pull requests (and Dependabot) a read-only token, so the SARIF could not be uploaded'
      : 'GitHub refused the SARIF upload';
    return (
      `${lead} (${said}). To upload: give the job \`permissions: { security-events: write, contents: read }\` ` +
      '(plus `actions: read` in private repositories); make sure code scanning is available ' +
      '(private repositories need GitHub Advanced Security / Code Security enabled); ' +
      'for fork pull requests set `upload-sarif: false` (the gate and annotations still work). ' +
      where
    );
  }
  if (status === 404) {
    return (
      `The code scanning API was not found for ${req.owner}/${req.repo} (${said}). ` +
      'Check that `token` belongs to this repository and has `security-events: write`, and that ' +
      'code scanning is available here (GitHub Enterprise Server needs GitHub Advanced Security). ' +
      `Set \`upload-sarif: false\` to skip the upload. ${where}`
    );
  }
  if (status === 400 || status === 413 || status === 422) {
    return `GitHub rejected the SARIF upload (${said}). Please report this to modelaudit with the SARIF file. ${where}`;
  }
  return `The SARIF upload failed (${said}). ${where}`;
}
