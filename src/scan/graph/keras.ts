/**
 * Keras models: legacy HDF5 files (.h5, .hdf5, and model.weights.h5 inside .keras archives)
 * read with the bounded HDF5 reader, and the .keras archive layout (config.json,
 * metadata.json, model.weights.h5) that the zip container hands over.
 */
import { readAll } from '../../io/stream.js';
import { type ScanContext, type ScanTarget, type Scanner } from '../base.js';
import type { ArchiveEntry, ArchiveLayout, ArchiveView } from '../base.js';
import { Hdf5Error, Hdf5File, type H5Attribute } from '../../io/hdf5.js';
import { KerasConfigAnalyzer, type ConfigFacts } from './keras-config.js';
import { KERAS_CONFIG_RULES } from './savedmodel.js';

/** Root attributes Keras reads back as JSON when loading a legacy .h5 model. */
const CONFIG_ATTRIBUTES = ['model_config', 'training_config'];
/** Largest config.json / metadata.json read from a .keras archive. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

export const kerasH5Scanner: Scanner = {
  id: 'keras-h5',
  formats: ['hdf5'],
  rules: [...KERAS_CONFIG_RULES, 'MA4009', 'MA1002'],
  async scan(target, ctx) {
    const source = await ctx.randomAccess(target);
    let file: Hdf5File;
    let root: H5Attribute[];
    let weights: H5Attribute[] = [];
    let groups: string[] = [];
    try {
      file = await Hdf5File.open(source, {
        maxValueBytes: ctx.limits.maxInMemoryBytes,
        checkpoint: () => ctx.checkpoint(),
      });
      root = await file.attributes(file.rootAddress);
      const links = await file.links(file.rootAddress);
      groups = [...links.keys()];
      const mw = links.get('model_weights');
      if (mw !== undefined) weights = await file.attributes(mw);
    } catch (err) {
      if (!(err instanceof Hdf5Error)) throw err;
      ctx.report({
        ruleId: 'MA4009',
        message: `HDF5 structure could not be read: ${err.message}`,
        evidence: err.message,
        offset: err.offset,
      });
      return;
    }
    const attr = (list: H5Attribute[], name: string): H5Attribute | undefined =>
      list.find((a) => a.name === name);
    let facts: ConfigFacts | undefined;
    for (const name of CONFIG_ATTRIBUTES) {
      const a = attr(root, name);
      if (!a) continue;
      if (typeof a.value !== 'string') {
        ctx.report({
          ruleId: 'MA4008',
          message: `${name} attribute could not be read as text: ${a.note ?? 'unexpected type'}`,
          evidence: name,
        });
        continue;
      }
      const f = await new KerasConfigAnalyzer(ctx, target, {
        label: `${name} attribute`,
        legacyH5: true,
      }).analyze(a.value);
      if (name === 'model_config') facts = f;
    }
    const version = text(attr(root, 'keras_version')) ?? text(attr(weights, 'keras_version'));
    const backend = text(attr(root, 'backend')) ?? text(attr(weights, 'backend'));
    const isKeras = Boolean(
      facts || version || attr(root, 'layer_names') || attr(weights, 'layer_names'),
    );
    ctx.detail('hdf5', {
      superblockVersion: file.superblockVersion,
      rootAttributes: root.map((a) => a.name).slice(0, 100),
      rootGroups: groups.slice(0, 100),
    });
    if (isKeras)
      ctx.detail('keras', {
        format: facts ? 'h5-model' : 'h5-weights',
        ...(version ? { kerasVersion: version } : {}),
        ...(backend ? { backend } : {}),
        ...(facts ? { modelClass: facts.className, layers: facts.layers } : {}),
        ...(facts?.customObjects.length ? { customObjects: facts.customObjects } : {}),
      });
    if (facts?.name)
      ctx.claim({ field: 'name', value: facts.name, source: 'h5:model_config.config.name' });
  },
};

function text(a: H5Attribute | undefined): string | undefined {
  if (!a) return undefined;
  if (typeof a.value === 'string') return a.value;
  return undefined;
}

/** A .keras archive: a zip with config.json plus metadata.json and/or model.weights.h5. */
export const kerasArchiveLayout: ArchiveLayout = {
  format: 'keras',
  matches(entries: readonly ArchiveEntry[]): boolean {
    const names = new Set(entries.map((e) => e.name.replace(/^\.\//, '')));
    return (
      names.has('config.json') && (names.has('metadata.json') || names.has('model.weights.h5'))
    );
  },
  async scan(archive: ArchiveView, target: ScanTarget, ctx: ScanContext): Promise<'continue'> {
    const facts = await analyzeArchiveConfig(archive, target, ctx);
    let metadata: Record<string, unknown> = {};
    if (archive.entries.some((e) => e.name === 'metadata.json')) {
      try {
        const parsed: unknown = JSON.parse(await readMember(archive, 'metadata.json'));
        if (parsed && typeof parsed === 'object') metadata = parsed as Record<string, unknown>;
      } catch (err) {
        ctx.report({
          ruleId: 'MA4008',
          message: `metadata.json could not be read: ${(err as Error).message}`,
          evidence: 'metadata.json',
          member: 'metadata.json',
        });
      }
    }
    ctx.detail('keras', {
      format: 'keras-v3',
      ...(typeof metadata.keras_version === 'string'
        ? { kerasVersion: metadata.keras_version }
        : {}),
      ...(typeof metadata.date_saved === 'string' ? { dateSaved: metadata.date_saved } : {}),
      ...(facts ? { modelClass: facts.className, layers: facts.layers } : {}),
      ...(facts?.customObjects.length ? { customObjects: facts.customObjects } : {}),
    });
    if (facts?.name)
      ctx.claim({ field: 'name', value: facts.name, source: 'keras:config.json:config.name' });
    // model.weights.h5 and assets are identified and scanned one by one by the container.
    return 'continue';
  },
};

/**
 * Reads a small JSON member through open(), which tells the container the layout scanned it
 * (so it is not identified again as an unknown file).
 */
async function readMember(archive: ArchiveView, name: string): Promise<string> {
  const member = await archive.open(name);
  const stream = member.openStream();
  try {
    return (await readAll(stream, MAX_JSON_BYTES)).toString('utf8');
  } finally {
    await stream.close();
  }
}

async function analyzeArchiveConfig(
  archive: ArchiveView,
  target: ScanTarget,
  ctx: ScanContext,
): Promise<ConfigFacts | undefined> {
  let json: string;
  try {
    json = await readMember(archive, 'config.json');
  } catch (err) {
    ctx.report({
      ruleId: 'MA4008',
      message: `config.json could not be read: ${(err as Error).message}`,
      evidence: 'config.json',
      member: 'config.json',
    });
    return undefined;
  }
  return new KerasConfigAnalyzer(ctx, target, {
    label: 'config.json',
    member: 'config.json',
  }).analyze(json);
}
