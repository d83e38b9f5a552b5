import type { Rule } from './types.js';

const FORMAT =
  'https://github.com/sigstore/model-transparency/blob/main/docs/model_signing_format.md';
const BUNDLE = 'https://github.com/sigstore/protobuf-specs/blob/main/protos/sigstore_bundle.proto';
const DSSE = 'https://github.com/secure-systems-lab/dsse/blob/master/protocol.md';
const STATEMENT = 'https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md';

/** Model signature verification (MA8xxx): OpenSSF model signing, sigstore bundles. */
export const SIGNING_RULES: readonly Rule[] = [
  {
    id: 'MA8001',
    name: 'model-signature-missing',
    title: 'No model signature found',
    family: 'signatures',
    severity: 'INFO',
    description:
      'No signature file was found for the model (by default `model.sig` inside a model directory, ' +
      'or `<file>.sig` beside a single-file model). Without a signature nothing says who produced ' +
      'the model or that its files are the ones that were published. The finding is an INFO, or ' +
      'an ERROR where the configuration requires signatures for the path.',
    remediation:
      'Ask the publisher for a model signature (OpenSSF model signing, `model_signing sign`), or ' +
      'sign what you scanned with `modelaudit sign PATH --key KEY` and verify it before loading.',
    references: [FORMAT],
  },
  {
    id: 'MA8002',
    name: 'model-signature-malformed',
    title: 'Model signature cannot be read',
    family: 'signatures',
    severity: 'ERROR',
    cwe: 'CWE-347',
    description:
      'The signature file is not a well-formed sigstore bundle holding a DSSE envelope over an ' +
      'in-toto statement that describes the model: it is truncated, not JSON, re-encoded, lacks ' +
      'a required field, or its manifest contradicts itself (the subject digest does not match ' +
      'the listed resources, a resource is listed twice). A signature that cannot be read proves ' +
      'nothing, so the model is treated as unsigned and broken.',
    remediation:
      'Fetch the signature again from the publisher; if it stays broken, do not trust the model ' +
      'until a valid signature is available.',
    references: [BUNDLE, DSSE, STATEMENT],
  },
  {
    id: 'MA8003',
    name: 'model-signature-invalid',
    title: 'Model signature does not verify',
    family: 'signatures',
    severity: 'ERROR',
    cwe: 'CWE-347',
    description:
      'The DSSE signature does not verify over the signed manifest with the expected key: the ' +
      'manifest (or the envelope around it) was changed after signing, or the signature was made ' +
      'by a different key than the one named in the bundle. Nothing in the manifest can be ' +
      'trusted, so file digests are not compared.',
    remediation:
      'Treat the model as tampered: do not load it. Obtain the model and its signature again from ' +
      'the publisher.',
    references: [DSSE],
  },
  {
    id: 'MA8004',
    name: 'model-signer-mismatch',
    title: 'Model signed by someone else',
    family: 'signatures',
    severity: 'ERROR',
    cwe: 'CWE-347',
    description:
      'The signature was made with a key or by an identity other than the one required: the ' +
      "bundle's public-key hint or certificate key does not match `--public-key`, or the signing " +
      "certificate's identity (subject alternative name) or OIDC issuer is not the one given. A " +
      'valid signature by the wrong party says nothing about the model.',
    remediation:
      'Check which key or identity should have signed the model; verify with that one, or do not ' +
      'trust the model.',
    references: [FORMAT],
  },
  {
    id: 'MA8005',
    name: 'model-signature-untrusted',
    title: 'Signing certificate or transparency log not trusted',
    family: 'signatures',
    severity: 'ERROR',
    cwe: 'CWE-295',
    description:
      'The signing certificate does not chain to a certificate authority of the trusted root, was ' +
      'not valid when the signature was logged, has no verifiable certificate-transparency ' +
      'timestamp, or the transparency-log entry (inclusion proof, checkpoint or signed entry ' +
      'timestamp) does not verify against the logs of the trusted root.',
    remediation:
      'Verify with the trusted root of the sigstore instance that signed the model (public-good ' +
      'or your own); a signature that only fails here may come from an untrusted instance.',
    references: [BUNDLE, 'https://docs.sigstore.dev/about/security/'],
  },
  {
    id: 'MA8006',
    name: 'model-signature-unsupported',
    title: 'Model signature uses an unsupported method',
    family: 'signatures',
    severity: 'ERROR',
    description:
      'The signature uses something this verifier does not check: a bundle media type, DSSE ' +
      'payload type, in-toto predicate type, serialization method, hash algorithm (e.g. BLAKE3) ' +
      'or key type it does not know. It is reported instead of being treated as verified.',
    remediation:
      'Re-sign with SHA-256 (or BLAKE2b) file or shard serialization and an ECDSA P-256, P-384 or ' +
      'P-521 key or sigstore certificate, or verify with the reference `model_signing` tool.',
    references: [FORMAT],
  },
  {
    id: 'MA8007',
    name: 'signed-file-missing',
    title: 'Signed file is missing from the model',
    family: 'signatures',
    severity: 'ERROR',
    cwe: 'CWE-354',
    description:
      'The signed manifest lists a file (or a shard of one) that the model no longer has. A model ' +
      'missing part of what was signed is not the model that was published and may load ' +
      'something else in its place.',
    remediation: 'Restore the missing file from the publisher, then verify again.',
    references: [FORMAT],
  },
  {
    id: 'MA8008',
    name: 'unsigned-file-present',
    title: 'Model holds a file the signature does not cover',
    family: 'signatures',
    severity: 'ERROR',
    cwe: 'CWE-354',
    description:
      'The model holds a file that the signed manifest does not list (after the ignore rules the ' +
      'signature records: `.git`, `.gitattributes`, `.github`, `.gitignore`, the signature ' +
      'itself and any recorded `ignore_paths`). Loaders pick files up by name, so an added ' +
      'pickle or Python module runs although the signature still verifies for the other files.',
    remediation:
      'Remove the file, or have the publisher sign the model with it. Scan the extra file: it was ' +
      'not part of what the signer vouched for.',
    references: [FORMAT],
  },
  {
    id: 'MA8009',
    name: 'signed-file-changed',
    title: 'Model file differs from what was signed',
    family: 'signatures',
    severity: 'ERROR',
    cwe: 'CWE-354',
    description:
      'A file (or shard of a file) has a digest other than the one in the signed manifest: it was ' +
      'modified, truncated or replaced after signing.',
    remediation:
      'Treat the file as tampered: do not load it. Fetch the model again from the publisher.',
    references: [FORMAT],
  },
  {
    id: 'MA8010',
    name: 'signed-model-unreadable',
    title: 'Model file cannot be checked against its signature',
    family: 'signatures',
    severity: 'ERROR',
    description:
      'A path in the model could not be hashed: it is unreadable, a special file (FIFO, socket, ' +
      'device), or a symbolic link while the signature was made without `allow_symlinks`. What ' +
      'cannot be checked is not verified.',
    remediation:
      'Make the file readable or replace the link by the file it points to, then verify again.',
    references: [FORMAT],
  },
];
