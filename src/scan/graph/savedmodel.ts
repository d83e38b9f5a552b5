/**
 * TensorFlow SavedModel (saved_model.pb) and Keras SavedModel metadata (keras_metadata.pb):
 * every meta-graph, its function library and nested graphs are judged op by op; Keras layer
 * metadata gets the Keras config analysis; the variables/ directory beside the file is checked.
 */
import { basename } from 'node:path';
import { type ScanContext, type ScanTarget, type Scanner } from '../base.js';
import { LimitExceeded } from '../../io/limits.js';
import { kerasType, tfType } from '../../io/protobuf/schemas.js';
import {
  Decoder,
  isPayloadRef,
  MalformedProtobuf,
  type LazyMessage,
} from '../../io/protobuf/wire.js';
import { KerasConfigAnalyzer } from './keras-config.js';
import { TfGraphAnalyzer } from './tf-graph.js';
import { decodeOptions } from './decode-options.js';

export const SAVEDMODEL_RULES = [
  'MA4020',
  'MA4021',
  'MA4022',
  'MA4023',
  'MA4024',
  'MA4025',
  'MA4026',
];
export const KERAS_CONFIG_RULES = [
  'MA4001',
  'MA4002',
  'MA4003',
  'MA4004',
  'MA4005',
  'MA4006',
  'MA4007',
  'MA4008',
];

/** saved_model.pb starts with saved_model_schema_version = 1, then a MetaGraphDef (field 2). */
export function looksLikeSavedModel(head: Buffer, name: string): boolean {
  if (head.length >= 4 && head[0] === 0x08 && head[1] === 0x01 && head[2] === 0x12) {
    // the MetaGraphDef length varint, then its first field (meta_info_def or graph_def)
    let i = 3;
    while (i < head.length && i < 8 && head[i]! & 0x80) i++;
    const next = head[i + 1];
    if (next === 0x0a || next === 0x12) return true;
  }
  return name === 'saved_model.pb' && head.length > 0 && (head[0] === 0x08 || head[0] === 0x12);
}

export const savedModelScanner: Scanner = {
  id: 'tf-savedmodel',
  formats: ['tf-savedmodel'],
  rules: [...SAVEDMODEL_RULES, ...KERAS_CONFIG_RULES, 'MA1002'],
  async scan(target, ctx) {
    const source = await ctx.randomAccess(target);
    const decoder = new Decoder(source, decodeOptions(ctx));
    let model: LazyMessage;
    try {
      model = await decoder.decode(tfType('SavedModel'), 0, source.size);
    } catch (err) {
      if (!(err instanceof MalformedProtobuf)) throw err;
      ctx.report({
        ruleId: 'MA4025',
        message: `saved_model.pb could not be parsed: ${err.message}`,
        evidence: err.message,
        offset: err.offset,
      });
      return;
    }
    const analyzer = new TfGraphAnalyzer(ctx, source, decoder);
    const metaGraphs = (model.meta_graphs as LazyMessage[] | undefined) ?? [];
    const summaries: Record<string, unknown>[] = [];
    let variablesExpected = false;
    try {
      for (const [i, mg] of metaGraphs.entries()) {
        const info = mg.meta_info_def as LazyMessage | undefined;
        const tags = (info?.tags as string[] | undefined) ?? [];
        const saver = mg.saver_def as LazyMessage | undefined;
        const external = new Set<string>();
        if (typeof saver?.filename_tensor_name === 'string')
          external.add(saver.filename_tensor_name.split(':')[0]!);
        const assets = new Set<string>();
        for (const a of (mg.asset_file_def as LazyMessage[] | undefined) ?? []) {
          const t = (a.tensor_info as LazyMessage | undefined)?.name;
          if (typeof t === 'string') external.add(t.split(':')[0]!);
          if (typeof a.filename === 'string') assets.add(a.filename);
        }
        analyzer.assetFiles = assets;
        const label = `meta-graph ${i}${tags.length ? ` [${tags.join(',')}]` : ''}`;
        const graph = mg.graph_def as LazyMessage | undefined;
        if (graph) await analyzer.graph(graph, { label, externalNames: external, depth: 0 });
        if (saver) variablesExpected = true;
        await kerasObjectMetadata(mg, target, ctx, label);
        summaries.push({
          tags,
          ...(typeof info?.tensorflow_version === 'string'
            ? { tensorflowVersion: info.tensorflow_version }
            : {}),
          assets: [...assets].slice(0, 50),
        });
      }
    } catch (err) {
      if (err instanceof MalformedProtobuf) {
        ctx.report({
          ruleId: 'MA4025',
          message: `a graph inside saved_model.pb could not be parsed: ${err.message}`,
          evidence: err.message,
          offset: err.offset,
        });
      } else throw err;
    }
    const ops = [...analyzer.facts.ops.entries()].sort((a, b) => b[1] - a[1]);
    ctx.detail('tensorflow', {
      schemaVersion: model.saved_model_schema_version,
      metaGraphs: summaries,
      nodes: analyzer.facts.nodes,
      functions: analyzer.facts.functions,
      nestedGraphs: analyzer.facts.nestedGraphs,
      opTypes: ops.length,
      topOps: Object.fromEntries(ops.slice(0, 40)),
      ...(analyzer.facts.customOps.size
        ? { customOps: [...analyzer.facts.customOps].slice(0, 100) }
        : {}),
    });
    if (target.member === undefined && basename(target.path) === 'saved_model.pb')
      await checkVariables(ctx, variablesExpected);
  },
};

/** Keras layer metadata kept in SavedUserObject.metadata (TF 2.x Keras SavedModels). */
async function kerasObjectMetadata(
  mg: LazyMessage,
  target: ScanTarget,
  ctx: ScanContext,
  label: string,
): Promise<void> {
  const nodes =
    ((mg.object_graph_def as LazyMessage | undefined)?.nodes as LazyMessage[] | undefined) ?? [];
  for (const [i, node] of nodes.entries()) {
    const user = node.user_object as LazyMessage | undefined;
    const metadata = user?.metadata;
    if (typeof metadata !== 'string' || metadata.length === 0) {
      if (isPayloadRef(metadata))
        ctx.report({
          ruleId: 'MA4008',
          message: `${label}: Keras metadata of object ${i} is too large to examine`,
          evidence: `${metadata.length} bytes`,
        });
      continue;
    }
    const analyzer = new KerasConfigAnalyzer(ctx, target, {
      label: `${label} object ${i} Keras metadata`,
    });
    await analyzer.analyze(metadata);
  }
}

/** variables/ should hold variables.index and its data shards, nothing else. */
async function checkVariables(ctx: ScanContext, expected: boolean): Promise<void> {
  const dir = await ctx.sibling('variables');
  if (dir?.linksOutside) {
    ctx.report({
      ruleId: 'MA4026',
      message:
        'variables/ is a symbolic link leading out of the model directory: TensorFlow would restore the weights from there',
      evidence: dir.linkTarget ? `variables -> ${dir.linkTarget}` : 'variables',
    });
    return;
  }
  const listing = dir?.kind === 'directory' ? await ctx.listDir('variables') : undefined;
  if (!listing) {
    ctx.detail('savedModelVariables', { present: false });
    return;
  }
  if (listing.truncated)
    ctx.report({
      ruleId: 'MA1002',
      message: `variables/ holds more than ${listing.entries.length} entries; the rest were not checked`,
      evidence: 'maxDirEntries',
    });
  const shards = new Map<number, Set<number>>();
  const unexpected: string[] = [];
  let index = false;
  for (const { name: e, kind } of listing.entries) {
    const m = /^variables\.data-(\d{5})-of-(\d{5})$/.exec(e);
    if (kind === 'symlink') unexpected.push(`${e} (symbolic link)`);
    else if (e === 'variables.index') index = true;
    else if (m) {
      const total = Number(m[2]);
      const set = shards.get(total) ?? new Set<number>();
      set.add(Number(m[1]));
      shards.set(total, set);
    } else unexpected.push(e);
  }
  for (const u of unexpected.slice(0, 20))
    ctx.report({
      ruleId: 'MA4026',
      message: `variables/ holds ${JSON.stringify(u)}, which is not a checkpoint file TensorFlow reads`,
      evidence: `variables/${u}`,
    });
  for (const [total, have] of shards)
    if (have.size !== total)
      ctx.report({
        ruleId: 'MA4026',
        message: `variables/ has ${have.size} of ${total} data shards; the model cannot be restored as published`,
        evidence: `variables.data-*-of-${String(total).padStart(5, '0')}`,
      });
  if (shards.size > 0 && !index)
    ctx.report({
      ruleId: 'MA4026',
      message: 'variables/ has data shards but no variables.index',
      evidence: 'variables/variables.index',
    });
  ctx.detail('savedModelVariables', {
    present: true,
    index,
    shards: [...shards.values()].reduce((n, s) => n + s.size, 0),
    expected,
  });
}

/** keras_metadata.pb: Keras layer configs of a TF 2.x Keras SavedModel. */
export const kerasMetadataScanner: Scanner = {
  id: 'keras-metadata',
  formats: ['keras-metadata'],
  rules: [...KERAS_CONFIG_RULES, 'MA4025', 'MA1002'],
  async scan(target, ctx) {
    const source = await ctx.randomAccess(target);
    const decoder = new Decoder(source, decodeOptions(ctx));
    let meta: LazyMessage;
    try {
      meta = await decoder.decode(kerasType('SavedMetadata'), 0, source.size);
    } catch (err) {
      if (err instanceof LimitExceeded || !(err instanceof MalformedProtobuf)) throw err;
      ctx.report({
        ruleId: 'MA4025',
        message: `keras_metadata.pb could not be parsed: ${err.message}`,
        evidence: err.message,
        offset: err.offset,
      });
      return;
    }
    const nodes = (meta.nodes as LazyMessage[] | undefined) ?? [];
    let name: string | undefined;
    for (const node of nodes) {
      ctx.checkpoint();
      const path =
        typeof node.node_path === 'string' ? node.node_path : `node ${String(node.node_id)}`;
      const metadata = node.metadata;
      if (isPayloadRef(metadata)) {
        ctx.report({
          ruleId: 'MA4008',
          message: `Keras metadata of ${path} is too large to examine`,
          evidence: `${metadata.length} bytes`,
        });
        continue;
      }
      if (typeof metadata !== 'string' || !metadata) continue;
      const facts = await new KerasConfigAnalyzer(ctx, target, {
        label: `keras_metadata.pb ${path}`,
      }).analyze(metadata);
      if (path === 'root' && facts?.name) name = facts.name;
    }
    if (name) ctx.claim({ field: 'name', value: name, source: 'keras_metadata.pb:root.name' });
    ctx.detail('keras', { format: 'savedmodel-metadata', objects: nodes.length });
  },
};
