/**
 * Credentials and remote references in text and metadata. Token formats are matched by their
 * documented prefixes and shapes; values that look like documentation placeholders are
 * ignored so that model cards with examples stay clean. Evidence is always masked.
 */

export interface SecretHit {
  readonly kind: string;
  /** Masked evidence: a prefix and the length, never the secret. */
  readonly masked: string;
  /** Offset of the match in the scanned text. */
  readonly index: number;
}

interface SecretPattern {
  readonly kind: string;
  readonly re: RegExp;
  /** Characters of the match shown before masking. */
  readonly show: number;
}

const PATTERNS: readonly SecretPattern[] = [
  { kind: 'AWS access key', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g, show: 4 },
  { kind: 'Hugging Face token', re: /\bhf_[A-Za-z0-9]{34,40}\b/g, show: 3 },
  { kind: 'Hugging Face org token', re: /\bapi_org_[A-Za-z0-9]{34}\b/g, show: 8 },
  {
    kind: 'OpenAI API key',
    re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b|\bsk-[A-Za-z0-9]{48}\b|\bsk-proj-[A-Za-z0-9_-]{40,}\b/g,
    show: 3,
  },
  { kind: 'Anthropic API key', re: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}\b/g, show: 7 },
  { kind: 'GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g, show: 4 },
  { kind: 'GitHub fine-grained token', re: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g, show: 11 },
  { kind: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/g, show: 6 },
  { kind: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, show: 5 },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g, show: 4 },
  { kind: 'Stripe secret key', re: /\b[sr]k_live_[0-9a-zA-Z]{24,}\b/g, show: 8 },
  { kind: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/g, show: 4 },
  { kind: 'Replicate token', re: /\br8_[A-Za-z0-9]{37}\b/g, show: 3 },
  {
    kind: 'private key',
    re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
    show: 30,
  },
];

/** Shapes of documentation placeholders. */
const PLACEHOLDER = /x{6,}|X{6,}|\*{4,}|EXAMPLE|example|your|YOUR|<|>|\.\.\.|0{12,}|(.)\1{9,}/;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

export function mask(value: string, show: number): string {
  return `${value.slice(0, Math.min(show, value.length))}… (${value.length} chars)`;
}

/** Credential-shaped substrings of `text`. */
export function findSecrets(text: string, max = 20): SecretHit[] {
  const out: SecretHit[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const value = m[0];
      if (p.kind !== 'private key') {
        if (PLACEHOLDER.test(value) || entropy(value) < 3) continue;
      } else if (!/[A-Za-z0-9+/]{40,}/.test(text.slice(m.index + value.length, m.index + 400))) {
        continue; // a header without key material is documentation
      }
      out.push({ kind: p.kind, masked: mask(value, p.show), index: m.index });
      if (out.length >= max) return out;
    }
  }
  return out;
}

/** Keys whose values are credentials when set. */
const SECRET_KEY =
  /(?:^|[_.-])(?:api[_-]?key|apikey|secret(?:[_-]?key)?|client[_-]?secret|password|passwd|access[_-]?key(?:[_-]?id)?|secret[_-]?access[_-]?key|auth[_-]?token|access[_-]?token|hub[_-]?token|hf[_-]?token|private[_-]?key|bearer[_-]?token|wandb[_-]?api[_-]?key)$/i;

/** Whether a metadata key/value pair looks like a credential that was left in. */
export function isSecretKeyValue(key: string, value: string): boolean {
  if (!SECRET_KEY.test(key)) return false;
  const v = value.trim();
  if (v.length < 8 || v.length > 4096) return false;
  if (PLACEHOLDER.test(v) || /^\$\{|^%\(|^\$[A-Z_]|^env:|^None$|^null$/i.test(v)) return false;
  if (/\s/.test(v)) return false; // prose, not a token
  return entropy(v) >= 3;
}

const URL_SCHEME = /^(?:https?|ftp|s3|gs|gcs|hdfs|az|abfss?|wasbs?|file|dbfs|runs|models):\/\//i;

export function isUrl(value: string): boolean {
  return URL_SCHEME.test(value.trim());
}

/**
 * Keys that loaders resolve to files or downloads. A URL in one of them is fetched at load
 * time; URLs in descriptions, licences or homepages are not.
 */
const LOADER_KEY =
  /(?:^|[_.-])(?:path|paths|file|filename|filepath|files|url|uri|model|model_name|name_or_path|checkpoint|ckpt|weights|pretrained|pretrained_model|pretrained_model_name_or_path|source|location|vocab|vocab_file|merges_file|tokenizer|tokenizer_file|model_path|artifact_path|artifact_uri|model_uri|data|restore_from|init_from|resume_from|load_from|base_model|base_model_name_or_path|config_file|repo|repo_id|manifest_filepath)$/i;
const NOT_LOADER_KEY =
  /(?:homepage|home_page|license|licence|paper|citation|website|docs?|documentation|description|repository_url|issues?|contact|author|readme|card)/i;

export function isLoaderKey(key: string): boolean {
  return LOADER_KEY.test(key) && !NOT_LOADER_KEY.test(key);
}

/** 1-based line number of `index` in `text`. */
export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
