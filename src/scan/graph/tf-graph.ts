/**
 * Judges TensorFlow graphs op by op: the main graph of every meta-graph, every function of
 * the function library, and graphs serialized inside attributes or string constants (tf.data
 * graphs, DatasetFromGraph inputs), which are decoded and walked the same way.
 */
import type { RandomAccessSource } from '../../io/source.js';
import { tfType } from '../../io/protobuf/schemas.js';
import type { Decoder } from '../../io/protobuf/wire.js';
import {
  isPayloadRef,
  MalformedProtobuf,
  type LazyMap,
  type LazyMessage,
  type LazyValue,
} from '../../io/protobuf/wire.js';
import type { ScanContext } from '../base.js';
import { isStandardTfOp } from './tf-ops.js';
import {
  PATH_PASSTHROUGH,
  PATH_SOURCES,
  TF_OP_TABLE,
  type OpEntry,
} from '../../knowledge/tensorflow-ops.js';

const MAX_NESTED_GRAPH_DEPTH = 4;
/** Nested graphs decoded from attributes, per file. */
const MAX_NESTED_GRAPHS = 256;

export interface GraphFacts {
  ops: Map<string, number>;
  nodes: number;
  functions: number;
  nestedGraphs: number;
  customOps: Set<string>;
}

interface Scope {
  /** Human-readable place, e.g. "meta-graph 0 (serve)", "function __inference_call_123". */
  readonly label: string;
  /** Names fed from outside: function arguments, the saver's filename tensor, asset tensors. */
  readonly externalNames: ReadonlySet<string>;
  readonly depth: number;
}

type Provenance =
  { readonly kind: 'dynamic' } | { readonly kind: 'constant'; readonly values: string[] };

export class TfGraphAnalyzer {
  readonly facts: GraphFacts = {
    ops: new Map(),
    nodes: 0,
    functions: 0,
    nestedGraphs: 0,
    customOps: new Set(),
  };
  private readonly reported = new Set<string>();
  /** Function names defined anywhere in the file: nodes may call them by op name. */
  private readonly functionNames = new Set<string>();
  /** Asset file names of the meta-graph being analysed. */
  assetFiles: ReadonlySet<string> = new Set();

  constructor(
    private readonly ctx: ScanContext,
    private readonly source: RandomAccessSource,
    private readonly decoder: Decoder,
  ) {}

  /** Walks a GraphDef: its nodes, then every function of its library. */
  async graph(graph: LazyMessage, scope: Scope): Promise<void> {
    const library = graph.library as LazyMessage | undefined;
    const functions = (library?.function as LazyMessage[] | undefined) ?? [];
    for (const f of functions) {
      const sig = f.signature as LazyMessage | undefined;
      if (typeof sig?.name === 'string') this.functionNames.add(sig.name);
    }
    await this.nodes((graph.node as LazyMessage[] | undefined) ?? [], scope);
    for (const f of functions) {
      this.ctx.checkpoint();
      this.facts.functions++;
      const sig = f.signature as LazyMessage | undefined;
      const name = typeof sig?.name === 'string' ? sig.name : '(unnamed)';
      const args = new Set<string>();
      for (const a of (sig?.input_arg as LazyMessage[] | undefined) ?? [])
        if (typeof a.name === 'string') args.add(a.name);
      await this.nodes((f.node_def as LazyMessage[] | undefined) ?? [], {
        label: `${scope.label} > function ${name}`,
        externalNames: args,
        depth: scope.depth,
      });
    }
  }

  private async nodes(nodes: readonly LazyMessage[], scope: Scope): Promise<void> {
    const byName = new Map<string, LazyMessage>();
    for (const n of nodes) if (typeof n.name === 'string') byName.set(n.name, n);
    for (const n of nodes) {
      this.facts.nodes++;
      if (this.facts.nodes % 1024 === 0) this.ctx.checkpoint();
      const op = typeof n.op === 'string' ? n.op : '';
      const name = typeof n.name === 'string' ? n.name : '';
      this.facts.ops.set(op, (this.facts.ops.get(op) ?? 0) + 1);
      const entry = TF_OP_TABLE.get(op);
      if (entry) this.judge(n, op, name, entry, byName, scope);
      else if (op && !isStandardTfOp(op) && !this.functionNames.has(op)) {
        this.facts.customOps.add(op);
        this.report(
          'MA4024',
          `${scope.label}: node ${JSON.stringify(name)} uses op ${op}, which is not part of TensorFlow; running the graph needs a custom kernel library`,
          op,
          `custom:${op}`,
        );
      }
      await this.nestedGraphs(n, name, scope);
    }
  }

  private judge(
    n: LazyMessage,
    op: string,
    name: string,
    entry: OpEntry,
    byName: Map<string, LazyMessage>,
    scope: Scope,
  ): void {
    const inputs = ((n.input as string[] | undefined) ?? []).filter((i) => !i.startsWith('^'));
    const where = `${scope.label}: node ${JSON.stringify(name)} (${op})`;
    const paths = (entry.paths ?? []).map((i) =>
      inputs[i] !== undefined ? this.provenance(inputs[i]!, byName, scope, 0) : undefined,
    );
    const constants = paths.flatMap((p) => (p?.kind === 'constant' ? p.values : []));
    const pathText = constants.length
      ? ` on ${constants.map((c) => JSON.stringify(c)).join(', ')}`
      : '';
    const attrs = n.attr as LazyMap | undefined;
    switch (entry.category) {
      case 'python': {
        const token = attrString(attrs, 'token');
        this.report(
          'MA4021',
          `${where} ${entry.reason}${token ? ` (token ${JSON.stringify(token)})` : ''}`,
          `${op}${token ? `(${token})` : ''}`,
        );
        return;
      }
      case 'file': {
        if (
          (op === 'CacheDataset' || op === 'CacheDatasetV2') &&
          constants.every((c) => c === '') &&
          paths.every((p) => p?.kind !== 'dynamic')
        )
          return; // an in-memory cache
        const attrPath = attrString(attrs, 'filename');
        this.report(
          'MA4020',
          `${where} ${entry.reason}${pathText}${attrPath ? ` (${JSON.stringify(attrPath)})` : ''}`,
          `${op}${constants.length ? `(${constants.join(', ')})` : ''}`,
        );
        return;
      }
      case 'checkpoint':
      case 'table-file': {
        const fixed = paths.some((p) => p?.kind === 'constant');
        if (!fixed) return; // fed by the saver placeholder, a function argument or an asset
        if (
          entry.category === 'table-file' &&
          constants.every((c) => this.assetFiles.has(c) || isPlainAssetName(c, this.assetFiles))
        )
          return;
        this.report(
          'MA4022',
          `${where} ${entry.reason}, aimed at a fixed path${pathText}`,
          `${op}(${constants.join(', ')})`,
        );
        return;
      }
      case 'external': {
        const detail = externalDetail(attrs);
        this.report(
          'MA4023',
          `${where} ${entry.reason}${detail ? `: ${detail}` : ''}`,
          `${op}${detail ? ` ${detail}` : ''}`,
        );
        return;
      }
      case 'attr': {
        const a = entry.attr!;
        const v = attrString(attrs, a.name) ?? '';
        if (a.dangerous(v))
          this.report(
            'MA4020',
            `${where} ${entry.reason}: ${a.name}=${JSON.stringify(v)}`,
            `${op}(${a.name}=${v})`,
          );
        return;
      }
    }
  }

  /** Where the value of an input tensor comes from: a constant string, or outside the graph. */
  private provenance(
    input: string,
    byName: Map<string, LazyMessage>,
    scope: Scope,
    depth: number,
  ): Provenance {
    const nodeName = input.replace(/^\^/, '').split(':')[0]!;
    if (depth > 32 || scope.externalNames.has(nodeName)) return { kind: 'dynamic' };
    const node = byName.get(nodeName);
    if (!node) return { kind: 'dynamic' };
    const op = typeof node.op === 'string' ? node.op : '';
    if (op === 'Const') {
      const tensor = (node.attr as LazyMap | undefined)?.get('value') as LazyMessage | undefined;
      const t = tensor?.tensor as LazyMessage | undefined;
      const values = ((t?.string_val as LazyValue[] | undefined) ?? []).map(stringOf);
      return { kind: 'constant', values };
    }
    if (PATH_SOURCES.has(op)) return { kind: 'dynamic' };
    if (PATH_PASSTHROUGH.has(op)) {
      const values: string[] = [];
      for (const i of ((node.input as string[] | undefined) ?? []).filter(
        (x) => !x.startsWith('^'),
      )) {
        const p = this.provenance(i, byName, scope, depth + 1);
        if (p.kind === 'dynamic') return p;
        values.push(...p.values);
      }
      return { kind: 'constant', values: op === 'StringJoin' ? [values.join('')] : values };
    }
    return { kind: 'dynamic' };
  }

  /** Decodes and walks GraphDefs serialized in string attributes or string constants. */
  private async nestedGraphs(n: LazyMessage, name: string, scope: Scope): Promise<void> {
    if (scope.depth >= MAX_NESTED_GRAPH_DEPTH) return;
    const attrs = n.attr as LazyMap | undefined;
    if (!attrs) return;
    for (const [key, value] of attrs) {
      for (const candidate of stringsOf(value as LazyMessage)) {
        if (this.facts.nestedGraphs >= MAX_NESTED_GRAPHS) return;
        const graph = await this.tryGraph(candidate);
        if (!graph) continue;
        this.facts.nestedGraphs++;
        await this.graph(graph, {
          label: `${scope.label} > node ${JSON.stringify(name)} attr ${key} (serialized graph)`,
          externalNames: new Set(),
          depth: scope.depth + 1,
        });
      }
    }
  }

  /** A GraphDef decoded from bytes, when the bytes plausibly are one. */
  private async tryGraph(
    v: Buffer | { offset: number; length: number },
  ): Promise<LazyMessage | undefined> {
    const first = Buffer.isBuffer(v) ? v[0] : (await this.source.read(v.offset, 1))[0];
    const length = Buffer.isBuffer(v) ? v.length : v.length;
    if (first !== 0x0a || length < 8) return undefined; // GraphDef starts with field 1 (node)
    try {
      const g = Buffer.isBuffer(v)
        ? this.decoder.decodeBuffer(tfType('GraphDef'), v, 0)
        : await this.decoder.decode(tfType('GraphDef'), v.offset, v.offset + v.length);
      const nodes = (g.node as LazyMessage[] | undefined) ?? [];
      if (nodes.length === 0) return undefined;
      const plausible = nodes.every(
        (x) => typeof x.op === 'string' && /^[A-Za-z_][\w>.-]*$/.test(x.op),
      );
      return plausible ? g : undefined;
    } catch (err) {
      if (err instanceof MalformedProtobuf) return undefined;
      throw err;
    }
  }

  report(
    ruleId: string,
    message: string,
    evidence: string,
    key = `${ruleId}:${evidence}:${message}`,
  ): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (this.reported.size > 5000) return;
    this.ctx.report({
      ruleId,
      message,
      evidence: evidence.length > 200 ? `${evidence.slice(0, 200)}…` : evidence,
    });
  }
}

function stringOf(v: LazyValue): string {
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (isPayloadRef(v)) return `<${v.length} bytes>`;
  return String(v);
}

function attrString(attrs: LazyMap | undefined, name: string): string | undefined {
  const a = attrs?.get(name) as LazyMessage | undefined;
  if (!a) return undefined;
  if (Buffer.isBuffer(a.s)) return a.s.toString('utf8');
  if (typeof a.s === 'string') return a.s;
  return undefined;
}

/** Strings an attribute carries: s, list.s, tensor string_val (bytes or payload references). */
function stringsOf(a: LazyMessage | undefined): (Buffer | { offset: number; length: number })[] {
  if (!a || typeof a !== 'object') return [];
  const out: (Buffer | { offset: number; length: number })[] = [];
  const add = (v: unknown): void => {
    if (Buffer.isBuffer(v) || isPayloadRef(v)) out.push(v);
  };
  add(a.s);
  const list = a.list as LazyMessage | undefined;
  for (const s of (list?.s as unknown[] | undefined) ?? []) add(s);
  const tensors = [
    a.tensor as LazyMessage | undefined,
    ...((list?.tensor as LazyMessage[] | undefined) ?? []),
  ];
  for (const t of tensors) for (const s of (t?.string_val as unknown[] | undefined) ?? []) add(s);
  return out;
}

function externalDetail(attrs: LazyMap | undefined): string {
  if (!attrs) return '';
  const parts: string[] = [];
  for (const key of [
    'debug_urls',
    'memory_region_name',
    'address',
    'data_source_name',
    'db_uri',
    'target',
  ]) {
    const a = attrs.get(key) as LazyMessage | undefined;
    if (!a) continue;
    const vals = [a.s, ...(((a.list as LazyMessage | undefined)?.s as unknown[]) ?? [])]
      .filter((x): x is Buffer => Buffer.isBuffer(x))
      .map((x) => x.toString('utf8'));
    if (vals.length) parts.push(`${key}=${vals.join(',')}`);
  }
  return parts.join(' ');
}

/** A relative file name inside assets/ (TF1 graphs keep the bare asset name in a Const). */
function isPlainAssetName(c: string, assets: ReadonlySet<string>): boolean {
  const base = c.replace(/^.*assets[\\/]/, '');
  return assets.has(base) && !c.includes('..') && !c.startsWith('/');
}
