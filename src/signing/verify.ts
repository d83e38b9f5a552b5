/**
 * Verifies a model against its OpenSSF model signature: the bundle's signature first (nothing in
 * the manifest is believed before), then every file's digest, recomputed with the walking and
 * ignore rules the signature records, compared with the signed manifest. Every defect is a
 * finding; the function never throws for anything the model or the signature contains.
 */
import { lstat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { FileResult, Finding } from '../findings/finding.js';
import { getRule } from '../rules/registry.js';
import { parseBundle, readSignatureFile } from './bundle.js';
import { DEFAULT_SIGNATURE_NAME, GIT_IGNORE_PATHS, HASH_TYPES } from './format.js';
import { hashJobs, type HashJob, type HashPoolOptions, type HashStats } from './hash-pool.js';
import {
  itemName,
  parseStatement,
  SignatureFormatError,
  type Manifest,
  type ManifestItem,
} from './manifest.js';
import { listModelFiles, type ModelFile } from './model-files.js';
import { matchesShardLayout } from './shards.js';
import { checkSignature, type TrustPolicy } from './signature-check.js';

export interface VerifyOptions {
  /** The signature file; default PATH/model.sig for a directory (else PATH.sig), PATH.sig for a file. */
  readonly signaturePath?: string;
  readonly policy: TrustPolicy;
  /** A model without a signature is an ERROR instead of an INFO. */
  readonly requireSignature?: boolean;
  /** Files the manifest does not list are not findings (the reference's --ignore-unsigned-files). */
  readonly ignoreUnsignedFiles?: boolean;
  /** More paths to leave out, relative to the model root. */
  readonly ignorePaths?: readonly string[];
  /** Leave out .git, .gitattributes, .github, .gitignore (default true, as the reference). */
  readonly ignoreGitPaths?: boolean;
  readonly hashing?: HashPoolOptions;
}

export type VerificationStatus = 'verified' | 'failed' | 'unsigned';

export interface VerificationResult {
  readonly status: VerificationStatus;
  readonly modelPath: string;
  readonly signaturePath: string;
  /** Who signed (key fingerprint or certificate identity), once the signature verified. */
  readonly signer?: string;
  readonly manifest?: {
    readonly predicateType: string;
    readonly method: string;
    readonly hashType: string;
    readonly items: number;
  };
  readonly findings: readonly Finding[];
  readonly hashing?: HashStats;
}

const SCANNER = 'model-signature';

function finding(
  ruleId: string,
  path: string,
  message: string,
  evidence?: string,
  severity?: Finding['severity'],
): Finding {
  const rule = getRule(ruleId);
  return Object.freeze({
    ruleId: rule.id,
    severity: severity ?? rule.severity,
    message,
    location: Object.freeze({ path }),
    ...(evidence !== undefined ? { evidence } : {}),
    ...(rule.cwe ? { cwe: rule.cwe } : {}),
    scanner: SCANNER,
  });
}

/** Where the signature of a model is looked for when none is named. */
export async function defaultSignaturePath(modelPath: string): Promise<string> {
  const st = await lstat(modelPath);
  if (!st.isDirectory()) return `${modelPath}.sig`;
  const inside = join(modelPath, DEFAULT_SIGNATURE_NAME);
  try {
    await lstat(inside);
    return inside;
  } catch {
    const trimmed = modelPath.replace(/[\\/]+$/, '');
    try {
      await lstat(`${trimmed}.sig`);
      return `${trimmed}.sig`;
    } catch {
      return inside;
    }
  }
}

export async function verifyModel(
  modelPath: string,
  options: VerifyOptions,
): Promise<VerificationResult> {
  const signaturePath = options.signaturePath ?? (await defaultSignaturePath(modelPath));
  const base = { modelPath, signaturePath };
  const fail = (f: Finding): VerificationResult => ({ ...base, status: 'failed', findings: [f] });

  let data: Buffer | undefined;
  try {
    data = await readSignatureFile(signaturePath);
  } catch (err) {
    if (err instanceof SignatureFormatError)
      return fail(finding('MA8002', signaturePath, err.message, err.evidence));
    return fail(
      finding('MA8002', signaturePath, `the signature cannot be read: ${(err as Error).message}`),
    );
  }
  if (data === undefined)
    return {
      ...base,
      status: 'unsigned',
      findings: [
        finding(
          'MA8001',
          modelPath,
          options.requireSignature
            ? 'no model signature found, and one is required'
            : 'no model signature found',
          signaturePath,
          options.requireSignature ? 'ERROR' : 'INFO',
        ),
      ],
    };

  let manifest: Manifest;
  let signer: string;
  try {
    const parsed = parseBundle(data);
    const check = checkSignature(parsed, options.policy);
    if (!check.ok) return fail(finding(check.ruleId, signaturePath, check.message, check.evidence));
    signer = check.signer;
    manifest = parseStatement(check.payload.toString('utf8'));
  } catch (err) {
    if (err instanceof SignatureFormatError)
      return fail(
        finding(
          err.kind === 'unsupported' ? 'MA8006' : 'MA8002',
          signaturePath,
          err.message,
          err.evidence,
        ),
      );
    throw err;
  }

  const findings = await compareModel(modelPath, signaturePath, manifest, options);
  const summary = {
    predicateType: manifest.predicateType,
    method: manifest.serialization.method,
    hashType: manifest.serialization.hashType,
    items: manifest.items.length,
  };
  return {
    ...base,
    status: findings.findings.length === 0 ? 'verified' : 'failed',
    signer,
    manifest: summary,
    findings: findings.findings,
    hashing: findings.stats,
  };
}

/** The ignore list for a verification: recorded paths, git paths, the signature, the caller's. */
function ignoreList(
  modelPath: string,
  signaturePath: string,
  manifest: Manifest,
  options: VerifyOptions,
): string[] {
  const list = [...manifest.serialization.ignorePaths, ...(options.ignorePaths ?? [])];
  if (options.ignoreGitPaths !== false) list.push(...GIT_IGNORE_PATHS);
  const rel = relative(resolve(modelPath), resolve(signaturePath));
  if (rel && !rel.startsWith('..') && !rel.startsWith(sep)) list.push(rel.split(sep).join('/'));
  return list;
}

async function compareModel(
  modelPath: string,
  signaturePath: string,
  manifest: Manifest,
  options: VerifyOptions,
): Promise<{ findings: Finding[]; stats: HashStats }> {
  const s = manifest.serialization;
  const findings: Finding[] = [];
  const at = (rel: string): string => (rel === '.' ? modelPath : join(modelPath, rel));
  const listing = await listModelFiles(modelPath, {
    allowSymlinks: s.allowSymlinks,
    ignorePaths: ignoreList(modelPath, signaturePath, manifest, options),
  });

  const expected = new Map<string, ManifestItem[]>();
  for (const item of manifest.items) {
    const list = expected.get(item.path);
    if (list) list.push(item);
    else expected.set(item.path, [item]);
  }
  const actual = new Map<string, ModelFile>(listing.files.map((f) => [f.rel, f]));

  for (const p of listing.problems)
    if (!options.ignoreUnsignedFiles || expected.has(p.rel))
      findings.push(
        finding(
          'MA8010',
          at(p.rel),
          `cannot check "${p.rel}" against the signature: ${p.reason}`,
          p.rel,
        ),
      );

  const jobs: HashJob[] = [];
  const checks: ManifestItem[] = [];
  const algorithm = HASH_TYPES[s.hashType]!;
  for (const [path, items] of expected) {
    const file = actual.get(path);
    if (!file) {
      if (!listing.problems.some((p) => p.rel === path))
        findings.push(
          finding(
            'MA8007',
            at(path),
            `signed file "${path}" is missing from the model`,
            describeItems(items),
          ),
        );
      continue;
    }
    if (s.method === 'shards') {
      if (!matchesShardLayout(items, file.size, s.shardSize!)) {
        const signedSize = items.reduce((m, i) => Math.max(m, i.end ?? 0), 0);
        findings.push(
          finding(
            'MA8009',
            at(path),
            `"${path}" differs from what was signed: its size changed`,
            `signed ${signedSize} bytes, now ${file.size} bytes`,
          ),
        );
        continue;
      }
    }
    for (const item of items) {
      jobs.push({
        path: file.abs,
        start: item.start ?? 0,
        ...(item.end !== undefined ? { end: item.end } : {}),
        algorithm,
      });
      checks.push(item);
    }
  }

  if (!options.ignoreUnsignedFiles)
    for (const file of listing.files)
      if (!expected.has(file.rel) && !(s.method === 'shards' && file.size === 0))
        findings.push(
          finding(
            'MA8008',
            file.abs,
            `"${file.rel}" is in the model but not in the signed manifest`,
            `${file.rel} (${file.size} bytes)`,
          ),
        );

  const { outcomes, stats } = await hashJobs(jobs, options.hashing);
  outcomes.forEach((o, i) => {
    const item = checks[i]!;
    const name = itemName(item);
    if (o.digest === undefined)
      findings.push(
        finding('MA8010', at(item.path), `cannot hash "${name}": ${o.error ?? 'unreadable'}`, name),
      );
    else if (o.digest !== item.digest)
      findings.push(
        finding(
          'MA8009',
          at(item.path),
          `"${name}" differs from what was signed`,
          `${name}: signed ${s.hashType} ${item.digest}, now ${o.digest}`,
        ),
      );
  });
  return { findings, stats };
}

function describeItems(items: readonly ManifestItem[]): string {
  const first = items[0]!;
  return items.length === 1
    ? `${itemName(first)} ${first.algorithm} ${first.digest}`
    : `${first.path} (${items.length} signed shards)`;
}

/** Verification findings as report entries (one per file they name), for JSON/SARIF/text. */
export function verificationFileResults(result: VerificationResult): FileResult[] {
  const byPath = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byPath.get(f.location.path);
    if (list) list.push(f);
    else byPath.set(f.location.path, [f]);
  }
  const details = {
    signature: result.signaturePath,
    status: result.status,
    ...(result.signer ? { signer: result.signer } : {}),
    ...(result.manifest ? { manifest: result.manifest } : {}),
  };
  if (byPath.size === 0)
    return [fileResult(result.signaturePath, [], details, result.hashing?.bytes ?? 0)];
  return [...byPath].map(([path, findings]) => fileResult(path, findings, details, 0));
}

function fileResult(
  path: string,
  findings: readonly Finding[],
  details: Record<string, unknown>,
  bytesRead: number,
): FileResult {
  return {
    path,
    format: 'model-signature',
    size: 0,
    bytesRead,
    durationMs: 0,
    status: findings.length ? 'findings' : 'clean',
    findings,
    details,
  };
}
