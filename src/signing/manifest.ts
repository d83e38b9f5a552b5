/**
 * The signed manifest: which files (or shards of files) a model has and their digests, and the
 * in-toto statement that carries it. Building follows the reference signer (model_signing v1.x)
 * so that its verifier accepts what we sign; parsing accepts what it writes, v1.0 and v0.2.
 */
import { createHash } from 'node:crypto';
import {
  HASH_TYPES,
  IN_TOTO_STATEMENT_TYPE,
  PREDICATE_DIGESTS_V01,
  PREDICATE_V1,
} from './format.js';

export type SerializationMethod = 'files' | 'shards';

/** How the model was serialized into manifest items; recorded in the predicate. */
export interface Serialization {
  readonly method: SerializationMethod;
  /** "sha256" or "blake2b". */
  readonly hashType: string;
  readonly allowSymlinks: boolean;
  /** Bytes per shard ("shards" only). */
  readonly shardSize?: number;
  /** Paths relative to the model root that were left out (with all their children). */
  readonly ignorePaths: readonly string[];
}

/** One file, or one shard [start, end) of a file, and its digest. */
export interface ManifestItem {
  /** POSIX path relative to the model root ("." for a single-file model). */
  readonly path: string;
  readonly start?: number;
  readonly end?: number;
  /** Digest algorithm as the format names it: "sha256", "sha256-sharded-1000000000"… */
  readonly algorithm: string;
  /** Lowercase hex. */
  readonly digest: string;
}

export interface Manifest {
  /** Informative only: the model directory's name when it was signed. */
  readonly modelName: string;
  readonly predicateType: string;
  readonly serialization: Serialization;
  readonly items: readonly ManifestItem[];
}

/** The signature's content is broken ("malformed") or uses what we do not check ("unsupported"). */
export class SignatureFormatError extends Error {
  override name = 'SignatureFormatError';
  constructor(
    readonly kind: 'malformed' | 'unsupported',
    message: string,
    readonly evidence?: string,
  ) {
    super(message);
  }
}

/** The resource name of an item: the path, plus ":start:end" for a shard. */
export function itemName(item: Pick<ManifestItem, 'path' | 'start' | 'end'>): string {
  return item.start === undefined ? item.path : `${item.path}:${item.start}:${item.end}`;
}

/** The per-resource algorithm name the format records for a serialization. */
export function itemAlgorithm(s: Serialization): string {
  return s.method === 'shards' ? `${s.hashType}-sharded-${s.shardSize}` : s.hashType;
}

/** Digest length in hex characters for a hash type. */
function hexLength(hashType: string): number {
  return hashType === 'blake2b' ? 128 : 64;
}

/** Code-point order, as Python compares str (UTF-16 order differs above U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}

/** The reference signer's order: paths component by component, then shard offsets. */
export function compareItems(a: ManifestItem, b: ManifestItem): number {
  const pa = a.path.split('/');
  const pb = b.path.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = compareCodePoints(pa[i]!, pb[i]!);
    if (c !== 0) return c;
  }
  return pa.length - pb.length || (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0);
}

/** SHA-256 over every item digest in order: the statement subject's digest (v1.0). */
function rootDigest(digests: readonly string[]): string {
  const h = createHash('sha256');
  for (const d of digests) h.update(Buffer.from(d, 'hex'));
  return h.digest('hex');
}

/** The in-toto statement (v1.0 predicate) for a manifest, as a JSON-ready object. */
export function buildStatement(manifest: Omit<Manifest, 'predicateType'>): object {
  const items = [...manifest.items].sort(compareItems);
  const s = manifest.serialization;
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [
      { name: manifest.modelName, digest: { sha256: rootDigest(items.map((i) => i.digest)) } },
    ],
    predicateType: PREDICATE_V1,
    predicate: {
      serialization: {
        method: s.method,
        hash_type: s.hashType,
        allow_symlinks: s.allowSymlinks,
        ...(s.method === 'shards' ? { shard_size: s.shardSize } : {}),
        ...(s.ignorePaths.length ? { ignore_paths: [...s.ignorePaths] } : {}),
      },
      resources: items.map((i) => ({
        name: itemName(i),
        algorithm: i.algorithm,
        digest: i.digest,
      })),
    },
  };
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function malformed(message: string, evidence?: unknown): never {
  throw new SignatureFormatError(
    'malformed',
    message,
    evidence === undefined ? undefined : clip(evidence),
  );
}

function unsupported(message: string, evidence?: unknown): never {
  throw new SignatureFormatError(
    'unsupported',
    message,
    evidence === undefined ? undefined : clip(evidence),
  );
}

function clip(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function str(obj: Json, key: string, where: string): string {
  const v = obj[key];
  if (typeof v !== 'string') malformed(`${where}.${key} is not a string`, v);
  return v;
}

function hexDigest(v: unknown, hashType: string, where: string): string {
  if (typeof v !== 'string' || v.length !== hexLength(hashType) || !/^[0-9a-fA-F]+$/.test(v))
    malformed(`${where} is not a ${hashType} digest`, v);
  return v.toLowerCase();
}

/** Parses the decoded DSSE payload (the statement's JSON text) into a manifest. */
export function parseStatement(payload: string): Manifest {
  let statement: unknown;
  try {
    statement = JSON.parse(payload);
  } catch (err) {
    malformed(`the signed payload is not JSON: ${(err as Error).message}`);
  }
  if (!isObject(statement)) malformed('the signed payload is not a JSON object');
  if (statement._type !== IN_TOTO_STATEMENT_TYPE)
    unsupported(`statement type is not ${IN_TOTO_STATEMENT_TYPE}`, statement._type);
  if (statement.predicateType === PREDICATE_V1) return parseV1(statement);
  if (statement.predicateType === PREDICATE_DIGESTS_V01) return parseDigestsV01(statement);
  return unsupported('unknown predicate type', statement.predicateType);
}

function parseSerialization(v: unknown): Serialization {
  if (!isObject(v)) malformed('predicate.serialization is missing', v);
  const method = v.method;
  if (method !== 'files' && method !== 'shards')
    unsupported('unknown serialization method', method);
  const hashType = v.hash_type;
  if (typeof hashType !== 'string' || !(hashType in HASH_TYPES))
    unsupported('unsupported hash type', hashType);
  const allow = v.allow_symlinks;
  if (typeof allow !== 'boolean' && allow !== 'true' && allow !== 'false')
    malformed('serialization.allow_symlinks is not a boolean', allow);
  let shardSize: number | undefined;
  if (method === 'shards') {
    // Protobuf's JSON writes integers held in a Struct as doubles ("1000000000.0" → 1e9).
    const n = v.shard_size;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0)
      malformed('serialization.shard_size is not a positive integer', n);
    shardSize = n;
  }
  const ignore = v.ignore_paths ?? [];
  if (!Array.isArray(ignore) || !ignore.every((p) => typeof p === 'string'))
    malformed('serialization.ignore_paths is not a list of paths', ignore);
  return {
    method,
    hashType,
    allowSymlinks: allow === true || allow === 'true',
    ...(shardSize !== undefined ? { shardSize } : {}),
    ignorePaths: ignore as string[],
  };
}

function parseItemName(
  name: string,
  method: SerializationMethod,
): { path: string; start?: number; end?: number } {
  if (method === 'files') return { path: name };
  const m = /^(.*):(\d+):(\d+)$/s.exec(name);
  if (!m) return malformed('a shard resource name is not "path:start:end"', name);
  const start = Number(m[2]);
  const end = Number(m[3]);
  if (!Number.isSafeInteger(end) || end <= start)
    malformed('a shard resource has an empty or reversed range', name);
  return { path: m[1]!, start, end };
}

function parseV1(statement: Json): Manifest {
  const subjects = statement.subject;
  if (!Array.isArray(subjects) || subjects.length !== 1 || !isObject(subjects[0]))
    malformed('a v1.0 statement has exactly one subject', subjects);
  const subject = subjects[0] as Json;
  const modelName = str(subject, 'name', 'subject');
  if (!isObject(subject.digest)) malformed('subject.digest is missing');
  const expectedRoot = hexDigest(subject.digest.sha256, 'sha256', 'subject.digest.sha256');
  const predicate = statement.predicate;
  if (!isObject(predicate)) malformed('statement.predicate is missing');
  const serialization = parseSerialization(predicate.serialization);
  const resources = predicate.resources;
  if (!Array.isArray(resources)) malformed('predicate.resources is not a list', resources);
  const algorithm = itemAlgorithm(serialization);
  const seen = new Set<string>();
  const items: ManifestItem[] = [];
  for (const [i, r] of resources.entries()) {
    if (!isObject(r)) malformed(`predicate.resources[${i}] is not an object`, r);
    const name = str(r, 'name', `resources[${i}]`);
    const alg = str(r, 'algorithm', `resources[${i}]`);
    if (alg !== algorithm)
      unsupported(`resource algorithm does not match the serialization (${algorithm})`, alg);
    const digest = hexDigest(r.digest, serialization.hashType, `resources[${i}].digest`);
    if (seen.has(name)) malformed('a resource is listed twice', name);
    seen.add(name);
    items.push({ ...parseItemName(name, serialization.method), algorithm: alg, digest });
  }
  const actualRoot = rootDigest(items.map((i) => i.digest));
  if (actualRoot !== expectedRoot)
    malformed(
      'the subject digest does not match the listed resources',
      `subject ${expectedRoot}, resources hash to ${actualRoot}`,
    );
  return { modelName, predicateType: PREDICATE_V1, serialization, items };
}

/** v0.2 statements: one subject per file, SHA-256, files serialization without symlinks. */
function parseDigestsV01(statement: Json): Manifest {
  const subjects = statement.subject;
  if (!Array.isArray(subjects)) malformed('statement.subject is not a list', subjects);
  const seen = new Set<string>();
  const items: ManifestItem[] = [];
  for (const [i, s] of subjects.entries()) {
    if (!isObject(s) || !isObject(s.digest)) malformed(`subject[${i}] has no digest`, s);
    const name = str(s, 'name', `subject[${i}]`);
    if (seen.has(name)) malformed('a subject is listed twice', name);
    seen.add(name);
    items.push({
      path: name,
      algorithm: 'sha256',
      digest: hexDigest(s.digest.sha256, 'sha256', `subject[${i}].digest.sha256`),
    });
  }
  return {
    modelName: '',
    predicateType: PREDICATE_DIGESTS_V01,
    serialization: { method: 'files', hashType: 'sha256', allowSymlinks: false, ignorePaths: [] },
    items,
  };
}
