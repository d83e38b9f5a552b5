/**
 * Reading and writing the signature file: a sigstore bundle (JSON, protobuf-specs mapping)
 * whose content is a DSSE envelope. Parsing is the maintained @sigstore libraries'; this module
 * bounds the read, names what is wrong, and writes the key-based bundles the reference writes.
 */
import { assertBundle, ValidationError, type Bundle } from '@sigstore/bundle';
import { Bundle as BundleMessage } from '@sigstore/protobuf-specs';
import { open } from 'node:fs/promises';
import { BUNDLE_MEDIA_TYPE_WRITTEN, BUNDLE_MEDIA_TYPES, MAX_SIGNATURE_BYTES } from './format.js';
import { SignatureFormatError } from './manifest.js';

export interface DsseContent {
  readonly payloadType: string;
  /** The signed bytes (the statement's JSON text). */
  readonly payload: Buffer;
  readonly signature: Buffer;
}

export type VerificationMaterialKind =
  | { readonly kind: 'public-key'; readonly hint: string }
  | { readonly kind: 'certificate'; readonly certificates: readonly Buffer[] };

export interface ParsedBundle {
  /** The protobuf-specs message, for @sigstore/verify. */
  readonly bundle: Bundle;
  readonly mediaType: string;
  readonly envelope: DsseContent;
  readonly material: VerificationMaterialKind;
  readonly tlogEntries: number;
}

/** Reads the signature file, at most MAX_SIGNATURE_BYTES; undefined when there is none. */
export async function readSignatureFile(
  path: string,
  maxBytes = MAX_SIGNATURE_BYTES,
): Promise<Buffer | undefined> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const st = await fh.stat();
    if (!st.isFile())
      throw new SignatureFormatError('malformed', 'the signature path is not a regular file');
    if (st.size > maxBytes)
      throw new SignatureFormatError(
        'malformed',
        `the signature file is larger than ${maxBytes} bytes`,
        `${st.size} bytes`,
      );
    const buf = Buffer.alloc(st.size);
    const { bytesRead } = await fh.read(buf, 0, st.size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Parses a bundle's JSON text; every defect is a SignatureFormatError. */
export function parseBundle(data: Buffer | string): ParsedBundle {
  let json: unknown;
  try {
    json = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch (err) {
    throw new SignatureFormatError(
      'malformed',
      'the signature is not JSON (truncated or not a sigstore bundle)',
      (err as Error).message,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new SignatureFormatError('malformed', 'the signature is not a JSON object');
  const mediaType = (json as { mediaType?: unknown }).mediaType;
  if (typeof mediaType !== 'string' || !mediaType.startsWith('application/vnd.dev.sigstore.bundle'))
    throw new SignatureFormatError(
      'malformed',
      'not a sigstore bundle (mediaType)',
      String(mediaType),
    );
  if (!(BUNDLE_MEDIA_TYPES as readonly string[]).includes(mediaType))
    throw new SignatureFormatError('unsupported', 'unknown sigstore bundle version', mediaType);

  let bundle: Bundle;
  try {
    bundle = BundleMessage.fromJSON(json) as Bundle;
    assertBundle(bundle);
  } catch (err) {
    const fields = err instanceof ValidationError ? err.fields?.join(', ') : undefined;
    throw new SignatureFormatError(
      'malformed',
      'the sigstore bundle is incomplete or has fields of the wrong type',
      fields || (err as Error).message,
    );
  }
  if (bundle.content.$case !== 'dsseEnvelope')
    throw new SignatureFormatError(
      'unsupported',
      'the bundle signs a message digest, not a DSSE envelope over a model manifest',
      bundle.content.$case,
    );
  const env = bundle.content.dsseEnvelope;
  const vm = bundle.verificationMaterial.content;
  let material: VerificationMaterialKind;
  switch (vm.$case) {
    case 'publicKey':
      material = { kind: 'public-key', hint: vm.publicKey.hint };
      break;
    case 'certificate':
      material = { kind: 'certificate', certificates: [Buffer.from(vm.certificate.rawBytes)] };
      break;
    case 'x509CertificateChain':
      material = {
        kind: 'certificate',
        certificates: vm.x509CertificateChain.certificates.map((c) => Buffer.from(c.rawBytes)),
      };
      break;
  }
  return {
    bundle,
    mediaType,
    envelope: {
      payloadType: env.payloadType,
      payload: Buffer.from(env.payload),
      signature: Buffer.from(env.signatures[0]!.sig),
    },
    material,
    tlogEntries: bundle.verificationMaterial.tlogEntries.length,
  };
}

/** The key-based bundle the reference signer writes (v0.3, public-key hint, no log entries). */
export function buildKeyBundle(envelope: DsseContent, hint: string): string {
  const json = {
    mediaType: BUNDLE_MEDIA_TYPE_WRITTEN,
    verificationMaterial: { publicKey: { hint }, tlogEntries: [] },
    dsseEnvelope: {
      payload: envelope.payload.toString('base64'),
      payloadType: envelope.payloadType,
      signatures: [{ sig: envelope.signature.toString('base64'), keyid: '' }],
    },
  };
  return JSON.stringify(json, null, 2) + '\n';
}
