import type { Rule } from './types.js';

const DOCS = 'https://github.com/modelaudit/modelaudit/blob/main/docs/name-policies.md';

/**
 * Rules of the name-policy family (MA6xxx): which models may be used, judged by what their own
 * metadata says they are (src/name-policies). They only add findings: identity never lowers
 * the severity of a security finding, and exceptions never waive one.
 */
export const POLICY_RULES: readonly Rule[] = [
  {
    id: 'MA6001',
    name: 'name-policy-denied',
    title: 'Model denied by the name policy',
    family: 'name-policy',
    severity: 'ERROR',
    cwe: 'CWE-1357',
    description:
      'A name or family of this model matches a deny entry of the name policy (a --blacklist ' +
      "name or a `deny` entry of the policy file). The identity is inferred from the model's own " +
      'metadata (config.json, model card, GGUF general.* keys, safetensors/ONNX/Keras metadata), ' +
      'the derivation chain (a Vicuna or a fine-tune whose base model is Llama counts as Llama) ' +
      'and, as weaker evidence, its paths. Matching is case-insensitive and word-bounded. The ' +
      'evidence names the field that triggered the match.',
    remediation:
      'Remove the model or replace it with an allowed one. If the match is wrong, check the ' +
      'evidence field; a per-path exception in the policy file can waive it with a reason.',
    references: [DOCS],
  },
  {
    id: 'MA6002',
    name: 'name-policy-not-allowed',
    title: 'Model not on the allow list of the name policy',
    family: 'name-policy',
    severity: 'ERROR',
    cwe: 'CWE-1357',
    description:
      'The name policy has an allow list and this model is not on it: no `name` entry matches ' +
      'one of its names, and not every family inferred for it (a merge of an allowed and another ' +
      'family is not allowed) is covered by a `family` or plain entry, with its version ' +
      'constraint when one is given.',
    remediation:
      'Use an allowed model, or extend the allow list after review. The message lists the ' +
      'families that are not allowed.',
    references: [DOCS],
  },
  {
    id: 'MA6003',
    name: 'model-identity-unknown',
    title: 'The identity of the model could not be determined',
    family: 'name-policy',
    severity: 'INFO',
    description:
      "A name policy is in force but neither the model's metadata nor a scanner claim names it, " +
      'its family or its architecture (file and directory names alone do not count). The policy ' +
      'could only judge it by its path. Reported so an unidentified model is never taken for an ' +
      'allowed one; a policy with `requireIdentity: true` reports MA6004 instead.',
    remediation:
      'Ship the model with its config.json or model card, or set requireIdentity in the policy ' +
      'to refuse unidentified models.',
    references: [DOCS],
  },
  {
    id: 'MA6004',
    name: 'model-identity-required',
    title: 'The policy requires a known identity and the model has none',
    family: 'name-policy',
    severity: 'ERROR',
    description:
      "The name policy sets `requireIdentity: true` and this model's metadata does not say what " +
      'it is (no name, family or architecture outside its file and directory names). A model ' +
      'nobody can name cannot be checked against a deny list.',
    remediation:
      "Add the model's config.json or model card, or a per-path exception with the reason the " +
      'model is acceptable.',
    references: [DOCS],
  },
  {
    id: 'MA6005',
    name: 'license-policy-denied',
    title: 'Model licence denied or not allowed by the policy',
    family: 'name-policy',
    severity: 'ERROR',
    description:
      "A licence found in the model's metadata (model card `license`/`license_name`, GGUF " +
      "`general.license`, the LICENSE file's title) matches a `licenses.deny` entry of the " +
      'policy, or the policy has a `licenses.allow` list that does not include it. Every licence ' +
      'found is checked: metadata that disagrees is judged by its most restrictive statement.',
    remediation: 'Use a model under an accepted licence, or have the licence reviewed.',
    references: [DOCS],
  },
  {
    id: 'MA6006',
    name: 'license-unknown',
    title: 'The policy requires a known licence and the model has none',
    family: 'name-policy',
    severity: 'ERROR',
    description:
      'The policy has a licence allow list or `licenses.requireKnown: true`, and no licence was ' +
      "found in the model's metadata, so it cannot be shown to be acceptable.",
    remediation: 'Add a model card with a `license` field, or an exception with a reason.',
    references: [DOCS],
  },
  {
    id: 'MA6007',
    name: 'identity-metadata-unreadable',
    title: 'Metadata that names the model could not be read',
    family: 'name-policy',
    severity: 'WARNING',
    description:
      'A metadata file of the model (config.json, model_index.json, README front matter…) is ' +
      'over its size cap, not valid JSON or YAML, a special file or a link out of the model. The ' +
      'identity was inferred without it and may be incomplete.',
    remediation: 'Check the file named in the evidence; a damaged config may also hide a disguise.',
    references: [DOCS],
  },
  {
    id: 'MA6008',
    name: 'name-policy-failure',
    title: 'The name policy could not be evaluated for this model',
    family: 'name-policy',
    severity: 'ERROR',
    description:
      'An internal error stopped modelaudit from inferring the identity of this model or ' +
      'evaluating the name policy on it. The model is reported (fail closed) rather than passed.',
    remediation: 'Report the error message to the maintainers.',
    references: [DOCS],
  },
  {
    id: 'MA6009',
    name: 'name-policy-exception',
    title: 'A name-policy violation was waived by a per-path exception',
    family: 'name-policy',
    severity: 'INFO',
    description:
      'The model violates the name policy, but a per-path exception of the policy file covers ' +
      'it. The waived rule, the exception and its reason are reported so the waiver stays ' +
      'visible. Exceptions only ever waive name-policy rules, never security findings.',
    remediation: 'Review exceptions periodically; remove them when they are no longer needed.',
    references: [DOCS],
  },
];
