/**
 * Signs a model with a private key, the format's key-based method: hash every file (or shard),
 * build the v1.0 in-toto statement, sign its DSSE pre-authentication encoding with ECDSA and
 * write the sigstore bundle. What the reference `model_signing verify key` accepts.
 */
import { dsse } from '@sigstore/core';
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import { lstat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { buildKeyBundle } from './bundle.js';
import {
  DEFAULT_SHARD_SIZE,
  DEFAULT_SIGNATURE_NAME,
  GIT_IGNORE_PATHS,
  HASH_TYPES,
  IN_TOTO_PAYLOAD_TYPE,
} from './format.js';
import { hashJobs, type HashJob, type HashPoolOptions, type HashStats } from './hash-pool.js';
import { publicKeyHint, signatureHash } from './keys.js';
import {
  buildStatement,
  itemAlgorithm,
  type ManifestItem,
  type Serialization,
} from './manifest.js';
import { listModelFiles } from './model-files.js';
import { shardRanges } from './shards.js';

export interface SignOptions {
  readonly privateKey: KeyObject;
  /** Default: PATH/model.sig for a directory, PATH.sig for a file. */
  readonly signaturePath?: string;
  readonly method?: 'files' | 'shards';
  readonly shardSize?: number;
  readonly hashType?: 'sha256' | 'blake2b';
  readonly allowSymlinks?: boolean;
  /** More paths to leave out, relative to the model root. */
  readonly ignorePaths?: readonly string[];
  readonly ignoreGitPaths?: boolean;
  readonly hashing?: HashPoolOptions;
}

export interface SignResult {
  readonly signaturePath: string;
  readonly items: number;
  readonly keyHint: string;
  readonly hashing: HashStats;
}

/** Signing refuses a model it cannot read whole: a partial signature would mislead. */
export class SigningError extends Error {
  override name = 'SigningError';
}

export async function signModel(modelPath: string, options: SignOptions): Promise<SignResult> {
  const hash = signatureHash(options.privateKey);
  const isDir = (await lstat(modelPath)).isDirectory();
  const signaturePath =
    options.signaturePath ?? (isDir ? join(modelPath, DEFAULT_SIGNATURE_NAME) : `${modelPath}.sig`);
  const method = options.method ?? 'files';
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  if (method === 'shards' && (!Number.isSafeInteger(shardSize) || shardSize <= 0))
    throw new SigningError(`shard size must be a positive integer, not ${shardSize}`);

  const ignorePaths: string[] = [...(options.ignoreGitPaths === false ? [] : GIT_IGNORE_PATHS)];
  const sigRel = relative(resolve(modelPath), resolve(signaturePath));
  if (isDir && sigRel && !sigRel.startsWith('..') && !sigRel.startsWith(sep))
    ignorePaths.push(sigRel.split(sep).join('/'));
  ignorePaths.push(...(options.ignorePaths ?? []));

  const serialization: Serialization = {
    method,
    hashType: options.hashType ?? 'sha256',
    allowSymlinks: options.allowSymlinks ?? false,
    ...(method === 'shards' ? { shardSize } : {}),
    ignorePaths: isDir ? ignorePaths : [],
  };
  const listing = await listModelFiles(modelPath, {
    allowSymlinks: serialization.allowSymlinks,
    ignorePaths: serialization.ignorePaths,
  });
  if (listing.problems.length > 0)
    throw new SigningError(
      `cannot sign: ${listing.problems.map((p) => `${p.rel}: ${p.reason}`).join('; ')}`,
    );

  const algorithm = HASH_TYPES[serialization.hashType]!;
  const jobs: HashJob[] = [];
  const keys: Omit<ManifestItem, 'digest'>[] = [];
  const itemAlg = itemAlgorithm(serialization);
  for (const file of listing.files) {
    if (method === 'files') {
      jobs.push({ path: file.abs, start: 0, algorithm });
      keys.push({ path: file.rel, algorithm: itemAlg });
    } else
      for (const [start, end] of shardRanges(file.size, shardSize)) {
        jobs.push({ path: file.abs, start, end, algorithm });
        keys.push({ path: file.rel, start, end, algorithm: itemAlg });
      }
  }
  const { outcomes, stats } = await hashJobs(jobs, options.hashing);
  const items: ManifestItem[] = outcomes.map((o, i) => {
    if (o.digest === undefined)
      throw new SigningError(`cannot sign: ${keys[i]!.path}: ${o.error ?? 'unreadable'}`);
    return { ...keys[i]!, digest: o.digest };
  });

  const statement = buildStatement({
    modelName: basename(resolve(modelPath)),
    serialization,
    items,
  });
  const payload = Buffer.from(JSON.stringify(statement, null, 2), 'utf8');
  const pae = dsse.preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload);
  const signature = cryptoSign(hash, pae, options.privateKey);
  const keyHint = publicKeyHint(options.privateKey);
  await writeFile(
    signaturePath,
    buildKeyBundle({ payloadType: IN_TOTO_PAYLOAD_TYPE, payload, signature }, keyHint),
  );
  return { signaturePath, items: items.length, keyHint, hashing: stats };
}
