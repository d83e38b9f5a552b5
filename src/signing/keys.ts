/**
 * Keys of the format's key-based method: ECDSA on P-256, P-384 or P-521, each signing with the
 * hash of its own size (SHA-256, SHA-384, SHA-512), DER signatures, as the reference signer does.
 * Node's crypto does the cryptography; this module only checks types and picks parameters.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

const CURVE_HASH: Readonly<Record<string, string>> = {
  prime256v1: 'sha256',
  secp384r1: 'sha384',
  secp521r1: 'sha512',
};

const CURVE_NAMES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

/** A key this format cannot use (wrong type or curve); the message says which. */
export class UnsupportedKeyError extends Error {
  override name = 'UnsupportedKeyError';
}

/** The digest that goes with a key's curve, or an UnsupportedKeyError. */
export function signatureHash(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType !== 'ec' || curve === undefined || !(curve in CURVE_HASH))
    throw new UnsupportedKeyError(
      `${describeKey(key)}: model signing keys are ECDSA P-256, P-384 or P-521`,
    );
  return CURVE_HASH[curve]!;
}

export function describeKey(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType === 'ec')
    return `ECDSA ${curve ? (CURVE_NAMES[curve] ?? curve) : 'unknown curve'}`;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  return `${key.asymmetricKeyType ?? 'unknown'}${bits ? ` ${bits}-bit` : ''} key`;
}

/** Loads a PEM (or DER SPKI) public key; a certificate PEM yields its key. */
export function loadPublicKey(data: Buffer | string): KeyObject {
  const key = createPublicKey(data);
  signatureHash(key);
  return key;
}

/** Loads a PEM private key (unencrypted, or with the passphrase given). */
export function loadPrivateKey(data: Buffer | string, passphrase?: string): KeyObject {
  const key = createPrivateKey(passphrase === undefined ? data : { key: data, passphrase });
  signatureHash(key);
  return key;
}

/**
 * The bundle's public-key hint as the reference writes it: hex SHA-256 of the key's PEM
 * SubjectPublicKeyInfo text (64-column base64, trailing newline), identical to Node's PEM export.
 */
export function publicKeyHint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const pem = pub.export({ type: 'spki', format: 'pem' });
  return createHash('sha256').update(pem).digest('hex');
}
