/**
 * Claims: what a file's own metadata says about the model it belongs to. Scanners make them
 * (through the scan context), the engine stores them on the file's result, and the policy
 * stage groups files into models and infers identities from them alone, without reading the
 * disk again. Plain frozen values, so they serialise to the JSON report unchanged.
 */

/** What a claim says: the identity fields name policies work with. */
export const CLAIM_FIELDS = [
  'name',
  'family',
  'architecture',
  'base_model',
  'version',
  'license',
  'author',
  'finetune',
  'quantization',
  /** Parameter-count label such as "8B" or "8x7B" (GGUF general.size_label). */
  'size_label',
  /** A model card tag ("llama-2", "text-generation"…). */
  'tag',
] as const;

export type ClaimField = (typeof CLAIM_FIELDS)[number];

/** A fact about what model this is, read from its own metadata. */
export interface IdentityClaim {
  readonly field: ClaimField;
  readonly value: string;
  /** Where it was read, e.g. "gguf:general.name", "config.json:_name_or_path". */
  readonly source: string;
}

/**
 * The kind of metadata that makes its directory one model: a Hugging Face config
 * (config.json), a PEFT adapter config, a diffusers pipeline index (model_index.json) or a
 * model card with Hub front matter.
 */
export type ModelMarker = 'config' | 'adapter' | 'pipeline' | 'model-card';

/** What a metadata file on disk says about the directory it sits in. */
export interface ModelMetadataClaim {
  /** The file makes its directory a model directory. */
  readonly marks?: ModelMarker;
  /** Sub-folders a pipeline index names as its components (unet, text_encoder…). */
  readonly components?: readonly string[];
  /** What could not be read of it (invalid JSON, unclosed front matter…): identity may be incomplete. */
  readonly problems?: readonly string[];
}
