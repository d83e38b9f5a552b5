/**
 * Uploading SARIF to GitHub code scanning: gzip + base64 to POST /repos/{owner}/{repo}/
 * code-scanning/sarifs with the commit and ref, then (unless switched off) waiting for GitHub
 * to process it, as github/codeql-action does, so that a SARIF file GitHub rejects is reported
 * in this step rather than silently missing from code scanning. A refusal (fork pull requests,
 * code scanning not enabled, a token without `security-events: write`), a reply of the wrong
 * shape or a processing failure becomes a warning that says what to change: the scan itself
 * succeeded, and its results are in the annotations and the summary.
 */
import { gzipSync } from 'node:zlib';
import { printable } from '../report/escape.js';
import {
  ApiError,
  ResponseShapeError,
  type GitHubClient,
  type ProcessingResult,
} from './github-client.js';

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
  /** Wait for GitHub to process the upload and report its errors. */
  readonly waitForProcessing: boolean;
}

/** What became of the upload once GitHub looked at it ("unknown": the status could not be read). */
export type Processing =
  | ProcessingResult
  | { readonly status: 'not-checked' }
  | { readonly status: 'unknown'; readonly problem: string };

export type UploadResult =
  | {
      readonly status: 'uploaded';
      readonly id: string;
      readonly url: string | undefined;
      readonly processing: Processing;
    }
  | { readonly status: 'failed'; readonly httpStatus: number; readonly warning: string };

export async function uploadSarif(api: GitHubClient, req: UploadRequest): Promise<UploadResult> {
  const gz = gzipSync(Buffer.from(req.sarif, 'utf8'));
  const where = `The results are still in the annotations, the job summary and ${req.sarifPath}.`;
  if (gz.length > MAX_UPLOAD_BYTES) {
    return {
      status: 'failed',
      httpStatus: 0,
      warning: `The SARIF file is ${(gz.length / 1024 / 1024).toFixed(1)} MiB compressed, over GitHub's 10 MiB upload limit; it was not uploaded. Split the scan with shard-index/shard-count or narrow paths. ${where}`,
    };
  }
  let uploaded: { id: string; url: string | undefined };
  try {
    uploaded = await api.uploadSarif({
      owner: req.owner,
      repo: req.repo,
      commitSha: req.commitSha,
      ref: req.ref,
      sarif: gz.toString('base64'),
      checkoutUri: req.checkoutUri,
      startedAt: req.startedAt,
    });
  } catch (err) {
    if (err instanceof ResponseShapeError)
      return {
        status: 'failed',
        httpStatus: 0,
        warning: `GitHub's answer to the SARIF upload was not understood (${printable(err.problem)}), so whether it was accepted is unknown. ${where}`,
      };
    if (err instanceof ApiError && err.status >= 400)
      return {
        status: 'failed',
        httpStatus: err.status,
        warning: explain(err.status, err.apiMessage, req, where),
      };
    const detail = err instanceof ApiError ? (err.apiMessage ?? err.message) : String(err);
    return {
      status: 'failed',
      httpStatus: 0,
      warning: `Could not reach the code scanning API to upload the SARIF (${printable(detail)}). ${where}`,
    };
  }
  if (!req.waitForProcessing)
    return { status: 'uploaded', ...uploaded, processing: { status: 'not-checked' } };
  let processing: Processing;
  try {
    processing = await api.waitForProcessing(req.owner, req.repo, uploaded.id);
  } catch (err) {
    processing = {
      status: 'unknown',
      problem:
        err instanceof ResponseShapeError
          ? `unexpected answer: ${err.problem}`
          : err instanceof ApiError
            ? (err.apiMessage ?? err.message)
            : String(err),
    };
  }
  return { status: 'uploaded', ...uploaded, processing };
}

/**
 * The warning or notice for an upload's processing, when there is something to say: GitHub
 * rejected the SARIF, is still processing it, or its status could not be read.
 */
export function processingNotice(
  processing: Processing,
  sarifPath: string,
): { level: 'warning' | 'notice'; message: string } | undefined {
  switch (processing.status) {
    case 'failed':
      return {
        level: 'warning',
        message:
          `GitHub accepted the SARIF upload but could not process it: ${printable(processing.errors.join('; ') || 'no reason given')}. ` +
          `The results are not in code scanning; they are in the annotations, the job summary and ${sarifPath}. Please report this to modelaudit with the SARIF file.`,
      };
    case 'pending':
      return {
        level: 'notice',
        message: `Code scanning was still processing the SARIF upload after ${Math.round(processing.waitedMs / 1000)} s; its alerts will appear when it is done.`,
      };
    case 'unknown':
      return {
        level: 'warning',
        message: `The SARIF was uploaded, but its processing status could not be read (${printable(processing.problem)}). Check the repository's code scanning page.`,
      };
    default:
      return undefined;
  }
}

function explain(
  status: number,
  message: string | undefined,
  req: UploadRequest,
  where: string,
): string {
  const said = `HTTP ${status}${message ? `: ${printable(message)}` : ''}`;
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
