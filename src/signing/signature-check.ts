/**
 * Checks the bundle's signature over the DSSE envelope, before anything in the manifest is
 * believed. Two trust policies: a public key (the format's key-based method), or a sigstore
 * certificate identity + OIDC issuer against a trusted root, verified offline by @sigstore/verify
 * (certificate chain, SCTs, transparency-log inclusion proof or promise, identity policy).
 */
import { dsse } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import {
  PolicyError,
  toSignedEntity,
  toTrustMaterial,
  VerificationError,
  Verifier,
  type SignedEntity,
} from '@sigstore/verify';
import {
  createPublicKey,
  verify as cryptoVerify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import type { ParsedBundle } from './bundle.js';
import { IN_TOTO_PAYLOAD_TYPE } from './format.js';
import { describeKey, publicKeyHint, signatureHash, UnsupportedKeyError } from './keys.js';

export type TrustPolicy =
  | { readonly method: 'public-key'; readonly publicKey: KeyObject }
  | {
      readonly method: 'certificate-identity';
      /** Expected subject alternative name (email, URI…), compared exactly. */
      readonly identity: string;
      /** Expected OIDC issuer recorded in the certificate. */
      readonly issuer: string;
      readonly trustedRoot: TrustedRoot;
    };

export type SignatureCheck =
  | { readonly ok: true; readonly payload: Buffer; readonly signer: string }
  | {
      readonly ok: false;
      readonly ruleId: 'MA8002' | 'MA8003' | 'MA8004' | 'MA8005' | 'MA8006';
      readonly message: string;
      readonly evidence?: string;
    };

/** A trusted root file's content is not usable (a configuration error, not a finding). */
export class TrustedRootError extends Error {
  override name = 'TrustedRootError';
}

/** Parses a sigstore trusted root (trusted_root.json) or a client trust config holding one. */
export function parseTrustedRoot(text: string): TrustedRoot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new TrustedRootError(`the trusted root is not JSON: ${(err as Error).message}`);
  }
  const obj = json as { trustedRoot?: unknown; mediaType?: unknown } | null;
  const rootJson = obj && typeof obj === 'object' && 'trustedRoot' in obj ? obj.trustedRoot : obj;
  if (!rootJson || typeof rootJson !== 'object')
    throw new TrustedRootError('the trusted root is not a JSON object');
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(rootJson);
  } catch (err) {
    throw new TrustedRootError(`the trusted root cannot be read: ${(err as Error).message}`);
  }
  if (root.certificateAuthorities.length === 0 || root.tlogs.length === 0)
    throw new TrustedRootError(
      'the trusted root names no certificate authority or no transparency log',
    );
  return root;
}

export function checkSignature(parsed: ParsedBundle, policy: TrustPolicy): SignatureCheck {
  const env = parsed.envelope;
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return {
      ok: false,
      ruleId: 'MA8006',
      message: `the DSSE payload type is not ${IN_TOTO_PAYLOAD_TYPE}`,
      evidence: env.payloadType,
    };
  return policy.method === 'public-key'
    ? checkWithKey(parsed, policy.publicKey)
    : checkWithIdentity(parsed, policy);
}

function checkWithKey(parsed: ParsedBundle, key: KeyObject): SignatureCheck {
  let hash: string;
  try {
    hash = signatureHash(key);
  } catch (err) {
    if (err instanceof UnsupportedKeyError)
      return { ok: false, ruleId: 'MA8006', message: err.message, evidence: describeKey(key) };
    throw err;
  }
  const expectedHint = publicKeyHint(key);
  const m = parsed.material;
  if (m.kind === 'public-key' && m.hint !== '' && m.hint !== expectedHint)
    return {
      ok: false,
      ruleId: 'MA8004',
      message: 'the model was signed with another key than the one given',
      evidence: `bundle key hint ${m.hint}, given key ${expectedHint}`,
    };
  if (m.kind === 'certificate') {
    let certKey: KeyObject;
    try {
      certKey = new X509Certificate(m.certificates[0]!).publicKey;
    } catch (err) {
      return {
        ok: false,
        ruleId: 'MA8002',
        message: 'the signing certificate cannot be parsed',
        evidence: (err as Error).message,
      };
    }
    if (!spki(certKey).equals(spki(key)))
      return {
        ok: false,
        ruleId: 'MA8004',
        message: "the signing certificate's key is not the key given",
        evidence: `certificate key ${publicKeyHint(certKey)}, given key ${expectedHint}`,
      };
  }
  const pae = dsse.preAuthEncoding(parsed.envelope.payloadType, parsed.envelope.payload);
  if (!safeVerify(hash, pae, key, parsed.envelope.signature))
    return {
      ok: false,
      ruleId: 'MA8003',
      message:
        m.kind === 'public-key' && m.hint === ''
          ? 'the signature does not verify with the given key (the manifest was changed, or another key signed it)'
          : 'the signature does not verify: the signed manifest or envelope was changed',
      evidence: `${describeKey(key)}, key ${expectedHint.slice(0, 16)}…`,
    };
  return {
    ok: true,
    payload: parsed.envelope.payload,
    signer: `${describeKey(key)} public key ${expectedHint}`,
  };
}

function spki(key: KeyObject): Buffer {
  return (key.type === 'private' ? createPublicKey(key) : key).export({
    type: 'spki',
    format: 'der',
  });
}

function safeVerify(hash: string | null, data: Buffer, key: KeyObject, sig: Buffer): boolean {
  try {
    return cryptoVerify(hash, data, key, sig);
  } catch {
    return false;
  }
}

function checkWithIdentity(
  parsed: ParsedBundle,
  policy: Extract<TrustPolicy, { method: 'certificate-identity' }>,
): SignatureCheck {
  if (parsed.material.kind !== 'certificate')
    return {
      ok: false,
      ruleId: 'MA8004',
      message:
        'the model was signed with a bare key, not by a certificate identity (verify it with --public-key)',
      evidence: `public key hint ${parsed.material.hint || '(none)'}`,
    };
  try {
    const verifier = new Verifier(toTrustMaterial(policy.trustedRoot), {
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1,
    });
    const pae = dsse.preAuthEncoding(parsed.envelope.payloadType, parsed.envelope.payload);
    const signer = verifier.verify(withCurveHash(toSignedEntity(parsed.bundle), pae), {
      subjectAlternativeName: policy.identity,
      extensions: { issuer: policy.issuer },
    });
    return {
      ok: true,
      payload: parsed.envelope.payload,
      signer: `${signer.identity?.subjectAlternativeName ?? '?'} (issuer ${signer.identity?.extensions?.issuer ?? '?'})`,
    };
  } catch (err) {
    return identityFailure(err);
  }
}

/**
 * @sigstore/verify checks ECDSA signatures with the key's default digest (SHA-256); sigstore and
 * model-signing sign with the digest of the curve's size, so P-384 and P-521 need their own.
 */
function withCurveHash(entity: SignedEntity, pae: Buffer): SignedEntity {
  const content = entity.signature;
  return {
    ...entity,
    signature: {
      signature: content.signature,
      compareSignature: (s) => content.compareSignature(s),
      compareDigest: (d) => content.compareDigest(d),
      verifySignature: (key) => {
        if (key.asymmetricKeyType !== 'ec') return content.verifySignature(key);
        let hash: string;
        try {
          hash = signatureHash(key);
        } catch {
          return false;
        }
        return safeVerify(hash, pae, key, content.signature);
      },
    },
  };
}

function identityFailure(err: unknown): SignatureCheck {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof PolicyError)
    return {
      ok: false,
      ruleId: 'MA8004',
      message: 'the signing certificate names another identity or OIDC issuer',
      evidence: message,
    };
  if (err instanceof VerificationError) {
    if (err.code === 'SIGNATURE_ERROR' || err.code === 'TLOG_BODY_ERROR')
      return {
        ok: false,
        ruleId: 'MA8003',
        message:
          err.code === 'TLOG_BODY_ERROR'
            ? 'the envelope is not the one recorded in the transparency log: it was changed after signing'
            : 'the signature does not verify: the signed manifest or envelope was changed',
        evidence: message,
      };
    return {
      ok: false,
      ruleId: 'MA8005',
      message: `the signature's certificate or transparency-log entry is not trusted (${err.code})`,
      evidence: message,
    };
  }
  return {
    ok: false,
    ruleId: 'MA8002',
    message: 'the certificate or transparency-log entry in the bundle cannot be parsed',
    evidence: message,
  };
}
