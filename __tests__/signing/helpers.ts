/**
 * Test helpers for model signatures. The hand-built bundles here follow the published
 * specifications directly (DSSE protocol, in-toto Statement v1, sigstore bundle JSON, the
 * model_signing v1.0 predicate) and share no code with src/signing, so a test that passes with
 * them shows interoperation with the format, not agreement of our writer with our reader.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type Curve = 'prime256v1' | 'secp384r1' | 'secp521r1';
export const CURVE_HASH: Record<Curve, string> = {
  prime256v1: 'sha256',
  secp384r1: 'sha384',
  secp521r1: 'sha512',
};

export function keyPair(curve: Curve = 'prime256v1'): {
  privateKey: KeyObject;
  publicKey: KeyObject;
} {
  return generateKeyPairSync('ec', { namedCurve: curve });
}

export function tempDir(prefix = 'ma-sign-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A small model directory: weights, config, a nested file, and git files that are ignored. */
export function makeModel(files: Record<string, string | Buffer> = DEFAULT_FILES): string {
  const root = join(tempDir(), 'tiny-model');
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

export const DEFAULT_FILES: Record<string, string | Buffer> = {
  'config.json': '{"model_type": "tiny"}\n',
  'model.safetensors': Buffer.alloc(3000, 7),
  'tokenizer/vocab.txt': 'a\nb\nc\n',
  'empty.bin': '',
  '.gitattributes': '*.safetensors filter=lfs\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
};

const sha256hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** DSSE v1 pre-authentication encoding, written from the protocol text (lengths in bytes). */
export function paeBySpec(payloadType: string, payload: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `),
    payload,
  ]);
}

export interface HandResource {
  name: string;
  content: Buffer | string;
}

/**
 * An in-toto statement with the model_signing v1.0 predicate, "files" serialization, SHA-256:
 * subject digest = SHA-256 over the resources' raw digests in listed order.
 */
export function statementBySpec(
  modelName: string,
  resources: HandResource[],
  extra: { ignorePaths?: string[]; allowSymlinks?: boolean } = {},
): object {
  const digests = resources.map((r) => sha256hex(Buffer.from(r.content)));
  const root = createHash('sha256');
  for (const d of digests) root.update(Buffer.from(d, 'hex'));
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: modelName, digest: { sha256: root.digest('hex') } }],
    predicateType: 'https://model_signing/signature/v1.0',
    predicate: {
      resources: resources.map((r, i) => ({
        algorithm: 'sha256',
        name: r.name,
        digest: digests[i],
      })),
      serialization: {
        allow_symlinks: extra.allowSymlinks ?? false,
        method: 'files',
        hash_type: 'sha256',
        ignore_paths: extra.ignorePaths ?? [
          '.git',
          'model.sig',
          '.gitattributes',
          '.gitignore',
          '.github',
        ],
      },
    },
  };
}

/** The reference's key hint: SHA-256 (hex) of the PEM SubjectPublicKeyInfo text. */
export function hintBySpec(publicKey: KeyObject): string {
  return sha256hex(publicKey.export({ type: 'spki', format: 'pem' }) as string);
}

/** A sigstore bundle v0.3 (key-based method) around a DSSE envelope, signed here. */
export function keyBundleBySpec(
  statement: object | Buffer,
  privateKey: KeyObject,
  publicKey: KeyObject,
  curve: Curve = 'prime256v1',
  opts: { hint?: string | null } = {},
): string {
  const payload = Buffer.isBuffer(statement)
    ? statement
    : Buffer.from(JSON.stringify(statement, null, 2));
  const payloadType = 'application/vnd.in-toto+json';
  const sig = sign(CURVE_HASH[curve], paeBySpec(payloadType, payload), privateKey);
  const hint = opts.hint === null ? undefined : (opts.hint ?? hintBySpec(publicKey));
  return JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: hint === undefined ? {} : { hint }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType,
      signatures: [{ sig: sig.toString('base64'), keyid: '' }],
    },
  });
}

export function pem(key: KeyObject): string {
  return key.export(
    key.type === 'private' ? { type: 'pkcs8', format: 'pem' } : { type: 'spki', format: 'pem' },
  ) as string;
}
