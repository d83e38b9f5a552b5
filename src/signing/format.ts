/**
 * Constants of the OpenSSF model signing format (sigstore/model-transparency): a sigstore
 * bundle holding a DSSE envelope whose payload is an in-toto statement describing the model.
 */

/** The bundle media types a model signature may carry (v0.3 is what signers write today). */
export const BUNDLE_MEDIA_TYPES = [
  'application/vnd.dev.sigstore.bundle.v0.3+json',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
] as const;
export const BUNDLE_MEDIA_TYPE_WRITTEN = BUNDLE_MEDIA_TYPES[0];

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** v1.0 predicate: one subject (model name + digest over all resources), resources in the predicate. */
export const PREDICATE_V1 = 'https://model_signing/signature/v1.0';
/** v0.2 predicate: one subject per file, no serialization record (sigstore-signed models of 2024). */
export const PREDICATE_DIGESTS_V01 = 'https://model_signing/Digests/v0.1';

/** Paths every signer and verifier of the format ignores by default (relative to the model root). */
export const GIT_IGNORE_PATHS = ['.git', '.gitattributes', '.github', '.gitignore'] as const;

/** Default signature file name inside a model directory. */
export const DEFAULT_SIGNATURE_NAME = 'model.sig';

/** Default shard size of the "shards" serialization (1 GB, decimal, as the reference uses). */
export const DEFAULT_SHARD_SIZE = 1_000_000_000;

/** Hash types of the serialization record mapped to Node's digest names. */
export const HASH_TYPES: Readonly<Record<string, string>> = {
  sha256: 'sha256',
  blake2b: 'blake2b512',
};

/** Largest signature file read: a manifest of millions of shards still fits well below it. */
export const MAX_SIGNATURE_BYTES = 64 * 1024 * 1024;
