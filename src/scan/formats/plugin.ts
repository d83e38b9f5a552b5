/**
 * The formats family: Hugging Face repositories and the metadata around models (JSON, YAML,
 * text, Python), and the model formats no other family covers. Detectors go by content
 * (magic numbers, flatbuffer identifiers, document shapes); names only decide between text
 * formats, after every content detector (the pickle probe included) had its say, except for a
 * few well-known extensionless names that are claimed only when the bytes are not a pickle.
 */
import { basename } from 'node:path';
import { probePickle } from '../../analysis/pickle/probe.js';
import type { Detector, SniffInput } from '../../identify/identify.js';
import type { ScannerPlugin } from '../base.js';
import { FORMAT_SCANNERS } from './scanners.js';
import { FORMAT_LAYOUTS } from './layouts.js';
import { TEMPLATE_EXTENSIONS, TEXT_EXTENSIONS } from './text.js';
import { BINARY_DETECTORS } from './detect-binary.js';

/** First non-blank byte, skipping a UTF-8 byte-order mark. */
function firstChar(head: Buffer): { char: string; at: number } | undefined {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)
  )
    i++;
  return i < head.length ? { char: String.fromCharCode(head[i]!), at: i } : undefined;
}

function looksText(head: Buffer): boolean {
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
  }
  return true;
}

/** JSON metadata files without a .json extension. */
const JSON_NAMES = new Set([
  '_METADATA',
  '_CHECKPOINT_METADATA',
  '_sharding',
  '.zarray',
  '.zattrs',
  '.zgroup',
  '.zmetadata',
  'zarr.json',
]);

function isJson(i: SniffInput): boolean {
  const f = firstChar(i.head);
  if (!f || (f.char !== '{' && f.char !== '[')) return false;
  const name = basename(i.name);
  if (!(name.toLowerCase().endsWith('.json') || JSON_NAMES.has(name))) {
    // Without the name, demand a JSON object with a string key.
    if (!/^\{\s*"/.test(i.head.toString('utf8', f.at, f.at + 64))) return false;
  }
  return looksText(i.head);
}

function headText(i: SniffInput, n = 4096): string {
  return i.head.toString('utf8', 0, Math.min(i.head.length, n));
}

const HF_CONFIG_KEYS =
  /"(model_type|architectures|auto_map|_diffusers_version|transformers_version|_name_or_path|chat_template|tokenizer_class|peft_type)"\s*:/;

/** Known extensionless text files of model repositories. */
const TEXT_NAMES = new Set([
  'LICENSE',
  'LICENCE',
  'NOTICE',
  'README',
  'COPYING',
  'CODEOWNERS',
  '.gitattributes',
  '.gitignore',
  '.env',
  'USE_POLICY',
  'AUTHORS',
]);

async function notPickle(i: SniffInput): Promise<boolean> {
  return !(await probePickle(i.head, i.size !== undefined && i.head.length >= i.size));
}

const TEXT_DETECTORS: readonly Detector[] = [
  {
    format: 'hf-shard-index',
    content: (i) => isJson(i) && /"weight_map"\s*:/.test(headText(i, 1 << 16)),
  },
  {
    format: 'xgboost-json',
    content: (i) => isJson(i) && /^\s*\{\s*"learner"\s*:/.test(headText(i, 256)),
  },
  { format: 'hf-config', content: (i) => isJson(i) && HF_CONFIG_KEYS.test(headText(i, 1 << 16)) },
  { format: 'json-metadata', content: (i) => isJson(i), extensions: ['.json'] },
  {
    format: 'mlflow-mlmodel',
    content: (i) =>
      basename(i.name) === 'MLmodel' && looksText(i.head) && /^flavors:/m.test(headText(i)),
  },
  {
    format: 'text-metadata',
    content: async (i) =>
      TEXT_NAMES.has(basename(i.name)) && looksText(i.head) && (await notPickle(i)),
    extensions: TEXT_EXTENSIONS,
  },
  { format: 'jinja-template', extensions: TEMPLATE_EXTENSIONS },
  { format: 'yaml-metadata', extensions: ['.yaml', '.yml'] },
  { format: 'python-source', extensions: ['.py', '.pyw'] },
];

export const formatsPlugin: ScannerPlugin = {
  name: 'formats',
  detectors: [...BINARY_DETECTORS, ...TEXT_DETECTORS],
  scanners: FORMAT_SCANNERS,
  layouts: FORMAT_LAYOUTS,
};
