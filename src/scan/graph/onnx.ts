/**
 * ONNX models: the ModelProto is walked lazily (main graph, subgraphs in If/Loop/Scan and any
 * other graph attribute, training graphs, model-local functions) without reading tensor
 * payloads; nodes are judged by domain and operator; external data references are checked
 * against the model directory on disk.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { findCommand, findLibraryPath } from '../shared/commands.js';
import { scanHiddenPayload } from '../shared/hidden-payloads.js';
import type { ScanContext, ScanTarget, Scanner } from '../base.js';
import { onnxType } from '../../io/protobuf/schemas.js';
import {
  Decoder,
  isPayloadRef,
  MalformedProtobuf,
  type LazyMessage,
} from '../../io/protobuf/wire.js';
import { decodeOptions } from './decode-options.js';
import { ONNX_DOMAIN_OPS } from '../../knowledge/onnx-ops.js';

export const ONNX_RULES = [
  'MA1020',
  'MA4047',
  'MA4040',
  'MA4041',
  'MA4042',
  'MA4043',
  'MA4044',
  'MA4045',
  'MA4046',
  'MA1002',
];

/** Domains of the ONNX standard and of ONNX Runtime's own kernels. */
const KNOWN_DOMAINS = new Set([
  'ai.onnx',
  'ai.onnx.ml',
  'ai.onnx.training',
  'ai.onnx.preview',
  'ai.onnx.preview.training',
  'com.microsoft',
  'com.microsoft.nchwc',
  'com.microsoft.experimental',
  'com.microsoft.dml',
  'com.ms.internal.nhwc',
  'org.pytorch.aten',
  'com.microsoft.extensions',
]);
/** Domains whose operator list we hold; unknown operators there are reported. */
const CHECKED_DOMAINS = new Set(['ai.onnx', 'ai.onnx.ml', 'ai.onnx.preview.training']);
/** Operators that import and call Python code (ONNX Runtime, onnxruntime-extensions). */
const PYTHON_OPS = new Set([
  'PyOp',
  'PythonOp',
  'PythonOpGrad',
  'PyFunc',
  'PyOpGrad',
  'PythonOpV2',
]);
/** Attributes by which Python operators name what they call. */
const PYTHON_ATTRS = ['module', 'class_name', 'compute', 'func_name', 'function', 'callable'];
const MAX_GRAPH_DEPTH = 64;

/**
 * ModelProto starts with ir_version (field 1, varint) in every exporter; checking the next
 * field tags as well keeps other protobufs out.
 */
export function looksLikeOnnx(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0x08) return false;
  const ir = head[1]!;
  if (ir < 1 || ir > 20) return false;
  const next = head[2]!;
  // producer_name(2) producer_version(3) domain(4) model_version(5) doc(6) graph(7) opset(8) metadata(14)
  if (![0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42, 0x72].includes(next)) return false;
  // Core ML's Model starts the same way (specificationVersion, then field 2), but its field 2
  // is a ModelDescription message, where ONNX has the producer name: require text there.
  if (next === 0x12) return isShortText(head, 3);
  return true;
}

/** A length-delimited field at `at` whose value starts with printable ASCII. */
function isShortText(head: Buffer, at: number): boolean {
  let len = 0;
  let shift = 0;
  let i = at;
  for (; i < head.length && i < at + 5; i++) {
    len |= (head[i]! & 0x7f) << shift;
    shift += 7;
    if (!(head[i]! & 0x80)) break;
  }
  const start = i + 1;
  const end = Math.min(start + Math.min(len, 32), head.length);
  if (len === 0) return true;
  if (start >= end) return false;
  for (let j = start; j < end; j++) if (head[j]! < 0x20 || head[j]! > 0x7e) return false;
  return true;
}

/** Strings of one attribute judged, and characters of each. */
const MAX_ATTRIBUTE_STRINGS = 256;
const MAX_ATTRIBUTE_TEXT = 64 * 1024;

interface Walk {
  readonly ctx: ScanContext;
  readonly target: ScanTarget;
  readonly localFunctions: Set<string>;
  readonly reported: Set<string>;
  readonly external: ExternalChecker;
  nodes: number;
  graphs: number;
  tensors: number;
  externalTensors: number;
  readonly ops: Map<string, number>;
}

export const onnxScanner: Scanner = {
  id: 'onnx',
  formats: ['onnx'],
  rules: ONNX_RULES,
  async scan(target, ctx) {
    const source = await ctx.randomAccess(target);
    const decoder = new Decoder(source, decodeOptions(ctx));
    let model: LazyMessage;
    try {
      model = await decoder.decode(onnxType('ModelProto'), 0, source.size);
    } catch (err) {
      if (!(err instanceof MalformedProtobuf)) throw err;
      ctx.report({
        ruleId: 'MA4046',
        message: `ONNX model could not be parsed: ${err.message}`,
        evidence: err.message,
        offset: err.offset,
      });
      return;
    }
    const functions = (model.functions as LazyMessage[] | undefined) ?? [];
    const walk: Walk = {
      ctx,
      target,
      localFunctions: new Set(
        functions.map((f) => `${domainOf(f.domain)}::${String(f.name ?? '')}`),
      ),
      reported: new Set(),
      external: new ExternalChecker(target, ctx),
      nodes: 0,
      graphs: 0,
      tensors: 0,
      externalTensors: 0,
      ops: new Map(),
    };
    const graph = model.graph as LazyMessage | undefined;
    if (graph) await walkGraph(walk, graph, 'graph', 0);
    for (const [i, t] of ((model.training_info as LazyMessage[] | undefined) ?? []).entries()) {
      for (const key of ['initialization', 'algorithm']) {
        const g = t[key] as LazyMessage | undefined;
        if (g) await walkGraph(walk, g, `training_info[${i}].${key}`, 0);
      }
    }
    for (const f of functions) {
      const label = `function ${domainOf(f.domain)}.${String(f.name ?? '')}`;
      for (const n of (f.node as LazyMessage[] | undefined) ?? [])
        await walkNode(walk, n, label, 0);
    }
    const meta = metadataProps(model.metadata_props);
    identity(ctx, model, meta, graph);
    const opsets = ((model.opset_import as LazyMessage[] | undefined) ?? []).map(
      (o) => `${domainOf(o.domain)}:${String(o.version ?? '')}`,
    );
    ctx.detail('onnx', {
      irVersion: model.ir_version,
      ...(typeof model.producer_name === 'string' && model.producer_name
        ? { producer: `${model.producer_name} ${String(model.producer_version ?? '')}`.trim() }
        : {}),
      opsets,
      graphs: walk.graphs,
      nodes: walk.nodes,
      functions: functions.length,
      tensors: walk.tensors,
      externalTensors: walk.externalTensors,
      ...(walk.external.files.size ? { externalFiles: [...walk.external.files].slice(0, 50) } : {}),
      opTypes: Object.fromEntries([...walk.ops.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)),
      ...(Object.keys(meta).length
        ? {
            metadataProps: Object.fromEntries(
              Object.entries(meta)
                .slice(0, 50)
                .map(([k, v]) => [k, v.slice(0, 200)]),
            ),
          }
        : {}),
    });
  },
};

function domainOf(d: unknown): string {
  return typeof d === 'string' && d !== '' ? d : 'ai.onnx';
}

function report(
  w: Walk,
  ruleId: string,
  message: string,
  evidence: string,
  key = `${ruleId}:${evidence}`,
): void {
  if (w.reported.has(key) || w.reported.size > 5000) return;
  w.reported.add(key);
  w.ctx.report({
    ruleId,
    message,
    evidence: evidence.length > 200 ? `${evidence.slice(0, 200)}…` : evidence,
  });
}

async function walkGraph(w: Walk, g: LazyMessage, label: string, depth: number): Promise<void> {
  if (depth > MAX_GRAPH_DEPTH) {
    report(
      w,
      'MA4046',
      `${label}: subgraphs nested deeper than ${MAX_GRAPH_DEPTH} levels were not examined`,
      label,
    );
    return;
  }
  w.graphs++;
  for (const t of (g.initializer as LazyMessage[] | undefined) ?? [])
    await tensor(w, t, `${label} initializer`);
  for (const s of (g.sparse_initializer as LazyMessage[] | undefined) ?? []) {
    for (const k of ['values', 'indices'])
      if (s[k]) await tensor(w, s[k] as LazyMessage, `${label} sparse initializer`);
  }
  for (const n of (g.node as LazyMessage[] | undefined) ?? []) await walkNode(w, n, label, depth);
}

async function walkNode(w: Walk, n: LazyMessage, label: string, depth: number): Promise<void> {
  w.nodes++;
  if (w.nodes % 1024 === 0) w.ctx.checkpoint();
  const domain = domainOf(n.domain);
  const op = typeof n.op_type === 'string' ? n.op_type : '';
  const name = typeof n.name === 'string' && n.name ? n.name : op;
  const where = `${label}: node ${JSON.stringify(name)} (${domain === 'ai.onnx' ? '' : `${domain}.`}${op})`;
  const opKey = `${domain === 'ai.onnx' ? '' : `${domain}.`}${op}`;
  w.ops.set(opKey, (w.ops.get(opKey) ?? 0) + 1);
  const attrs = (n.attribute as LazyMessage[] | undefined) ?? [];

  const pythonNames = attrs
    .filter(
      (a) =>
        PYTHON_ATTRS.includes(String(a.name)) && (Buffer.isBuffer(a.s) || typeof a.s === 'string'),
    )
    .map((a) => `${String(a.name)}=${Buffer.isBuffer(a.s) ? a.s.toString('utf8') : String(a.s)}`);
  const isLocal = w.localFunctions.has(`${domain}::${op}`);
  if (
    PYTHON_OPS.has(op) ||
    (!isLocal && attrs.some((a) => a.name === 'module') && pythonNames.length >= 2)
  ) {
    report(
      w,
      'MA4043',
      `${where} is a Python operator: the runtime imports and calls ${pythonNames.join(', ') || 'a Python function'}`,
      `${domain}.${op}${pythonNames.length ? ` ${pythonNames.join(' ')}` : ''}`,
    );
  } else if (!isLocal) {
    if (!KNOWN_DOMAINS.has(domain))
      report(
        w,
        'MA4044',
        `${where} comes from the custom operator domain ${JSON.stringify(domain)}, which needs a custom operator library`,
        `${domain}.${op}`,
      );
    else if (
      CHECKED_DOMAINS.has(domain) ||
      (domain.startsWith('com.microsoft') && ONNX_DOMAIN_OPS.has(domain))
    ) {
      if (!ONNX_DOMAIN_OPS.get(domain)?.has(op))
        report(
          w,
          'MA4045',
          `${where}: ${domain} defines no operator ${JSON.stringify(op)}`,
          `${domain}.${op}`,
        );
    }
  }

  const custom = !isLocal && !KNOWN_DOMAINS.has(domain);
  for (const a of attrs) {
    const aname = `${where} attribute ${String(a.name ?? '')}`;
    await checkStrings(w, a, aname, custom);
    if (a.g)
      await walkGraph(
        w,
        a.g as LazyMessage,
        `${label} > ${name}.${String(a.name ?? '')}`,
        depth + 1,
      );
    for (const [i, g] of ((a.graphs as LazyMessage[] | undefined) ?? []).entries())
      await walkGraph(w, g, `${label} > ${name}.${String(a.name ?? '')}[${i}]`, depth + 1);
    if (a.t) await tensor(w, a.t as LazyMessage, aname);
    for (const t of (a.tensors as LazyMessage[] | undefined) ?? []) await tensor(w, t, aname);
    for (const s of [a.sparse_tensor, ...((a.sparse_tensors as unknown[] | undefined) ?? [])] as (
      LazyMessage | undefined
    )[]) {
      if (!s) continue;
      for (const k of ['values', 'indices']) if (s[k]) await tensor(w, s[k] as LazyMessage, aname);
    }
  }
}

/** Attribute strings: commands handed to custom kernels, payloads hidden behind encodings. */
async function checkStrings(
  w: Walk,
  a: LazyMessage,
  label: string,
  custom: boolean,
): Promise<void> {
  const values = [a.s, ...((a.strings as unknown[] | undefined) ?? [])].filter(
    (v): v is Buffer | string => Buffer.isBuffer(v) || typeof v === 'string',
  );
  for (const v of values.slice(0, MAX_ATTRIBUTE_STRINGS)) {
    const text = (Buffer.isBuffer(v) ? v.toString('latin1', 0, MAX_ATTRIBUTE_TEXT) : v).slice(
      0,
      MAX_ATTRIBUTE_TEXT,
    );
    if (custom) {
      const hit = findCommand(text) ?? findLibraryPath(text);
      if (hit) report(w, 'MA4047', `${label} hands the custom kernel a ${hit.what}`, hit.evidence);
    }
    await scanHiddenPayload(w.ctx, w.target, v, { label });
  }
}

async function tensor(w: Walk, t: LazyMessage, label: string): Promise<void> {
  w.tensors++;
  const entries = metadataProps(t.external_data);
  if (t.data_location !== 1 && Object.keys(entries).length === 0) return;
  w.externalTensors++;
  const name = typeof t.name === 'string' ? t.name : '';
  await w.external.check(entries, `${label} ${JSON.stringify(name)}`, (ruleId, message, evidence) =>
    report(w, ruleId, message, evidence, `${ruleId}:${evidence}`),
  );
}

/** StringStringEntryProto lists to a plain record (later keys win, as in the ONNX loader). */
function metadataProps(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of (list as LazyMessage[] | undefined) ?? []) {
    const k = typeof e.key === 'string' ? e.key : '';
    const v =
      typeof e.value === 'string'
        ? e.value
        : isPayloadRef(e.value)
          ? `<${e.value.length} bytes>`
          : '';
    if (k && !Object.prototype.hasOwnProperty.call(Object.prototype, k)) out[k] = v;
  }
  return out;
}

type Reporter = (ruleId: string, message: string, evidence: string) => void;

/** Resolves external data locations against the model's directory, once per location. */
class ExternalChecker {
  readonly files = new Set<string>();
  private readonly sizes = new Map<string, number | 'missing' | 'escape'>();
  private readonly dir: string | undefined;

  constructor(
    target: ScanTarget,
    private readonly ctx: ScanContext,
  ) {
    this.dir = target.member === undefined ? dirname(target.path) : undefined;
  }

  async check(entries: Record<string, string>, label: string, report: Reporter): Promise<void> {
    const location = entries.location;
    if (location === undefined || location === '') {
      report('MA4042', `${label} is stored externally but names no location`, 'location=""');
      return;
    }
    this.files.add(location);
    const escapes =
      isAbsolute(location) ||
      /^[a-zA-Z]:[\\/]/.test(location) ||
      location.startsWith('\\') ||
      location.split(/[\\/]/).includes('..') ||
      location.includes('\0');
    if (escapes) {
      report(
        'MA4040',
        `${label} reads its data from ${JSON.stringify(location)}, outside the model directory`,
        location,
      );
      return;
    }
    if (!this.dir) return; // inside an archive: only the lexical check applies
    let size = this.sizes.get(location);
    if (size === undefined) {
      size = await this.resolve(location);
      this.sizes.set(location, size);
    }
    if (size === 'escape') {
      report(
        'MA4040',
        `${label} reads its data from ${JSON.stringify(location)}, a symbolic link leading outside the model directory`,
        location,
      );
      return;
    }
    if (size === 'missing') {
      report(
        'MA4041',
        `${label} reads its data from ${JSON.stringify(location)}, which does not exist beside the model`,
        location,
      );
      return;
    }
    const offset = entries.offset !== undefined ? Number(entries.offset) : 0;
    const length = entries.length !== undefined ? Number(entries.length) : size - offset;
    if (
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(length) ||
      offset < 0 ||
      length < 0 ||
      offset + length > size
    )
      report(
        'MA4042',
        `${label} claims bytes ${entries.offset ?? 0}+${entries.length ?? '?'} of ${JSON.stringify(location)}, which has ${size} bytes`,
        `${location}@${entries.offset ?? 0}+${entries.length ?? '?'}`,
      );
  }

  private async resolve(location: string): Promise<number | 'missing' | 'escape'> {
    this.ctx.checkpoint();
    const dir = this.dir!;
    const path = join(dir, location);
    try {
      await lstat(path);
    } catch {
      return 'missing';
    }
    try {
      const real = await realpath(path);
      const root = await realpath(dir);
      const rel = relative(root, real);
      if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return 'escape';
      return (await stat(real)).size;
    } catch {
      return 'missing';
    }
  }
}

/** What the model's metadata says it is. */
function identity(
  ctx: ScanContext,
  model: LazyMessage,
  meta: Record<string, string>,
  graph: LazyMessage | undefined,
): void {
  const nameKeys = [
    'name',
    'model_name',
    'model',
    'title',
    '_name_or_path',
    'name_or_path',
    'base_model',
  ];
  for (const [k, v] of Object.entries(meta)) {
    const key = k.toLowerCase();
    if (!v || v.length > 200) continue;
    if (nameKeys.includes(key))
      ctx.claim({
        field: key === 'base_model' ? 'base_model' : 'name',
        value: v,
        source: `onnx:metadata_props.${k}`,
      });
    else if (key === 'license')
      ctx.claim({ field: 'license', value: v, source: `onnx:metadata_props.${k}` });
    else if (key === 'author')
      ctx.claim({ field: 'author', value: v, source: `onnx:metadata_props.${k}` });
    else if (key === 'version' || key === 'model_version')
      ctx.claim({ field: 'version', value: v, source: `onnx:metadata_props.${k}` });
  }
  if (
    typeof graph?.name === 'string' &&
    graph.name &&
    graph.name.length <= 200 &&
    !/^(main_graph|graph|torch_jit|torch-jit-export|tf2onnx)$/.test(graph.name)
  )
    ctx.claim({ field: 'name', value: graph.name, source: 'onnx:graph.name' });
  if (typeof model.model_version === 'number' && model.model_version > 0)
    ctx.claim({
      field: 'version',
      value: String(model.model_version),
      source: 'onnx:model_version',
    });
  if (typeof model.producer_name === 'string' && model.producer_name)
    ctx.detail('onnxProducer', model.producer_name);
  const doc = typeof model.doc_string === 'string' ? model.doc_string : '';
  const hint = /\b(?:model|name)\s*[:=]\s*([\w./-]{2,100})/i.exec(doc);
  if (hint) ctx.claim({ field: 'name', value: hint[1]!, source: 'onnx:doc_string' });
}
