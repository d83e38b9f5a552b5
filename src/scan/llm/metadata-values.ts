/**
 * Checks shared by safetensors __metadata__ and GGUF key-value strings: chat templates (handed
 * to the template analyzer), URLs a tool might fetch, code or shell commands, and payloads
 * hidden behind encodings (scanned as members).
 */
import { findCommand } from '../shared/commands.js';
import { scanHiddenPayload } from '../shared/hidden-payloads.js';
import { analyzeTemplate, looksLikeTemplate } from '../../analysis/jinja/analyze.js';
import { type IdentityClaim, type ScanContext, type ScanTarget } from '../base.js';

/** Where a metadata value was read from, for messages, locations and member names. */
export interface MetadataValue {
  /** "gguf" or "safetensors". */
  readonly container: string;
  readonly key: string;
  readonly value: string;
  /** Byte offset of the value in the file, when known. */
  readonly offset?: number;
}

/** Keys whose values are chat templates wherever they appear. */
export function isTemplateKey(key: string): boolean {
  return /(^|[._])(chat_)?templates?($|[._])/i.test(key) || /chat_template/i.test(key);
}

const MAX_VALUE_CHECK = 1 << 20;

/** Runs every metadata check on one string value. */
export async function checkMetadataValue(
  v: MetadataValue,
  target: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  const where = `${v.container} metadata ${v.key}`;
  const offset = v.offset !== undefined ? { offset: v.offset } : {};
  if (isTemplateKey(v.key) || looksLikeTemplate(v.value)) {
    for (const issue of analyzeTemplate(v.value)) {
      ctx.report({
        ruleId: issue.ruleId,
        message: `${where}: ${issue.message}${issue.line !== undefined ? ` (template line ${issue.line})` : ''}`,
        evidence: issue.evidence,
        ...offset,
      });
    }
  }
  const text = v.value.length > MAX_VALUE_CHECK ? v.value.slice(0, MAX_VALUE_CHECK) : v.value;
  for (const finding of suspiciousText(v.key, text)) {
    ctx.report({
      ruleId: 'MA5012',
      message: `${where}: ${finding.message}`,
      evidence: finding.evidence,
      ...offset,
    });
  }
  await scanHiddenPayload(ctx, target, v.value, {
    label: `${v.container}:${v.key}`,
    ...offset,
  });
}

// ---- text checks --------------------------------------------------------------------------

interface TextFinding {
  readonly message: string;
  readonly evidence: string;
}

/** Keys whose purpose is to hold a URL (GGUF general.*, modelspec, HF conventions). */
const URL_KEYS = /(^|[._])(url|urls|repo_url|source|doi|homepage|license\.link|link|thumbnail)$/i;

const RISKY_SCHEMES = new Set([
  'file',
  'javascript',
  'vbscript',
  'smb',
  'ftp',
  'gopher',
  'jar',
  'php',
]);
const EXECUTABLE_PATH =
  /\.(sh|bash|zsh|ps1|psm1|bat|cmd|exe|dll|so|dylib|py|pyc|pl|rb|jar|msi|scr|vbs|js|pkl|pickle|joblib)(?:$|[?#])/i;

function clip(s: string, max = 120): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function suspiciousText(key: string, text: string): TextFinding[] {
  const out: TextFinding[] = [];
  const command = findCommand(text);
  if (command)
    out.push({ message: `value contains code (${command.what})`, evidence: command.evidence });
  for (const url of findUrls(text)) {
    const why = riskyUrl(url, URL_KEYS.test(key));
    if (why) out.push({ message: `value holds a URL ${why}`, evidence: clip(url) });
    if (out.length >= 5) break;
  }
  return out;
}

function findUrls(text: string): string[] {
  const out: string[] = [];
  const re = /\b([a-z][a-z0-9+.-]{1,15}):(\/\/[^\s"'<>`]+|[^\s"'<>`]{4,})/gi;
  for (let m = re.exec(text); m && out.length < 50; m = re.exec(text)) {
    const scheme = m[1]!.toLowerCase();
    if (m[2]!.startsWith('//') || RISKY_SCHEMES.has(scheme) || scheme === 'data') out.push(m[0]);
  }
  return out;
}

function riskyUrl(url: string, urlKey: boolean): string | undefined {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (RISKY_SCHEMES.has(scheme)) return `with the ${scheme}: scheme`;
  if (scheme === 'data') {
    return /^data:image\/(png|jpeg|jpg|gif|webp);/i.test(url)
      ? undefined
      : 'with inline data that is not an image';
  }
  if (!url.startsWith(`${scheme}://`)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password) return 'with embedded credentials';
  const host = parsed.hostname;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('['))
    return 'pointing at a raw IP address';
  if (EXECUTABLE_PATH.test(parsed.pathname)) return 'pointing at a script or executable';
  if (!urlKey && /^(localhost|.*\.onion)$/i.test(host)) return 'pointing at a local or hidden host';
  return undefined;
}

// ---- identity -----------------------------------------------------------------------------

/** Reports what the metadata says the model is, deduplicated and bounded. */
export class ClaimSink {
  private readonly seen = new Set<string>();
  constructor(private readonly ctx: ScanContext) {}

  add(field: IdentityClaim['field'], value: unknown, source: string): void {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') return;
    const text = String(value).trim();
    if (!text || text.length > 512) return;
    const key = `${field}\u0000${text}\u0000${source}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.ctx.claim({ field, value: text, source });
  }
}
