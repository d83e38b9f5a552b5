/**
 * Archive layouts of the formats family. The container scanner (zip, tar) offers each
 * archive to the layouts; these add what the format means on top of the member-by-member
 * scan, which still runs afterwards ("continue"): TorchServe .mar manifests and handlers,
 * NeMo .nemo configurations, skops schemas, llamafile executables wrapping a GGUF, and Core
 * ML packages stored as zips.
 */
import { basename } from 'node:path';
import type { ScanContext, ScanTarget } from '../base.js';
import type { ArchiveEntry, ArchiveLayout, ArchiveView } from '../base.js';
import { escapeReason } from './common/read.js';
import { judgeReference } from './common/refs.js';
import { analyzePython } from '../../analysis/python/analyze.js';
import { getRule } from '../../rules/registry.js';
import { checkRequirementLines } from './requirements.js';
import { isApe } from './native.js';
import { checkSkopsSchema } from './skops.js';
import { checkCoreMlManifest } from './coreml.js';

const SMALL = 4 * 1024 * 1024;
const strip = (n: string): string => n.replace(/^\.\//, '');
const findEntry = (entries: readonly ArchiveEntry[], name: string): ArchiveEntry | undefined =>
  entries.find((e) => !e.isDirectory && strip(e.name) === name);

async function readJson(archive: ArchiveView, name: string, ctx: ScanContext): Promise<unknown> {
  try {
    return JSON.parse(await archive.readText(name, SMALL)) as unknown;
  } catch (err) {
    ctx.report({
      ruleId: 'MA5307',
      message: `${name} cannot be read as JSON: ${(err as Error).message}`,
      evidence: name,
      member: name,
    });
    return undefined;
  }
}

/** Built-in TorchServe handlers (ts.torch_handler.*). */
const TORCHSERVE_HANDLERS = new Set([
  'image_classifier',
  'image_segmenter',
  'object_detector',
  'text_classifier',
  'text_handler',
  'base_handler',
  'vision_handler',
  'request_envelope',
]);

export const torchServeLayout: ArchiveLayout = {
  format: 'torchserve-mar',
  matches: (entries) => findEntry(entries, 'MAR-INF/MANIFEST.json') !== undefined,
  async scan(archive, _target, ctx) {
    const entryName = findEntry(archive.entries, 'MAR-INF/MANIFEST.json')!.name;
    const manifest = (await readJson(archive, entryName, ctx)) as
      { model?: Record<string, unknown>; runtime?: unknown } | undefined;
    const model = manifest?.model;
    if (!model || typeof model !== 'object') {
      ctx.report({
        ruleId: 'MA5307',
        message: 'MAR-INF/MANIFEST.json has no model section',
        evidence: 'model',
      });
      return 'continue';
    }
    if (typeof model.modelName === 'string')
      ctx.claim({
        field: 'name',
        value: model.modelName,
        source: 'MAR-INF/MANIFEST.json:model.modelName',
      });
    if (typeof model.modelVersion === 'string')
      ctx.claim({
        field: 'version',
        value: model.modelVersion,
        source: 'MAR-INF/MANIFEST.json:model.modelVersion',
      });
    for (const key of [
      'serializedFile',
      'handler',
      'modelFile',
      'requirementsFile',
      'extensions',
    ]) {
      const v = model[key];
      if (typeof v === 'string' && escapeReason(v.split(':')[0]!))
        ctx.report({
          ruleId: 'MA5304',
          message: `MANIFEST.json model.${key} ${JSON.stringify(v)} ${escapeReason(v.split(':')[0]!)}`,
          evidence: v,
        });
    }
    const names = new Set(archive.entries.map((e) => strip(e.name)));
    const code: string[] = [];
    const handler = typeof model.handler === 'string' ? model.handler : '';
    const handlerFile = handler.split(':')[0]!;
    if (handler && !TORCHSERVE_HANDLERS.has(handler)) {
      const file = names.has(handlerFile)
        ? handlerFile
        : names.has(`${handlerFile}.py`)
          ? `${handlerFile}.py`
          : undefined;
      if (file) code.push(file);
      else {
        const v = judgeReference(handler.replace(':', '.'));
        if (v.level === 'dangerous')
          ctx.report({
            ruleId: 'MA5308',
            message: `MANIFEST.json handler ${handler}: ${v.reason}`,
            evidence: handler,
          });
        else
          ctx.report({
            ruleId: 'MA5302',
            message: `MANIFEST.json handler ${handler} is not in the archive; TorchServe imports it from the environment`,
            evidence: handler,
          });
      }
    }
    if (typeof model.modelFile === 'string' && names.has(model.modelFile))
      code.push(model.modelFile);
    const pyMembers = [...names].filter((n) => n.endsWith('.py'));
    if (code.length || pyMembers.length) {
      ctx.report({
        ruleId: 'MA5301',
        message: `TorchServe runs Python shipped in the archive when it loads the model: ${[...new Set([...code, ...pyMembers])].slice(0, 8).join(', ')}`,
        evidence: handler || pyMembers[0]!,
      });
      const dangerous: string[] = [];
      for (const file of [...new Set([...code, ...pyMembers])].slice(0, 24)) {
        const entry = archive.entries.find((e) => strip(e.name) === file);
        if (!entry) continue;
        let text: string;
        try {
          text = await archive.readText(entry.name, SMALL);
        } catch {
          continue;
        }
        for (const f of analyzePython(text).findings)
          if (getRule(f.ruleId).severity === 'ERROR')
            dangerous.push(`${file}:${f.line} ${f.evidence}`);
      }
      if (dangerous.length)
        ctx.report({
          ruleId: 'MA5303',
          message: `the archive's handler code makes dangerous calls: ${dangerous.slice(0, 8).join('; ')}`,
          evidence: dangerous.slice(0, 3).join(', '),
        });
    }
    const req = typeof model.requirementsFile === 'string' ? model.requirementsFile : undefined;
    if (
      req &&
      names.has(req) &&
      !/(^|[-_.])(requirements|constraints)[\w.-]*\.(txt|in)$/i.test(basename(req))
    ) {
      const entry = archive.entries.find((e) => strip(e.name) === req)!;
      checkRequirementLines((await archive.readText(entry.name, SMALL)).split(/\r?\n/), ctx, req);
    }
    ctx.detail('torchserve', {
      handler,
      runtime: manifest?.runtime,
      serializedFile: model.serializedFile,
    });
    return 'continue';
  },
};

export const nemoLayout: ArchiveLayout = {
  format: 'nemo',
  matches: (entries) =>
    entries.some((e) => !e.isDirectory && basename(e.name) === 'model_config.yaml'),
  async scan(archive, _target, ctx) {
    // model_config.yaml itself is scanned by the member pass (Hydra targets, the model class).
    const members = archive.entries.filter((e) => !e.isDirectory).map((e) => strip(e.name));
    ctx.detail('nemo', { members: members.slice(0, 50) });
    return 'continue';
  },
};

export const skopsLayout: ArchiveLayout = {
  format: 'skops',
  matches: (entries, target) =>
    findEntry(entries, 'schema.json') !== undefined &&
    (target.name.toLowerCase().endsWith('.skops') || entries.some((e) => e.name.endsWith('.npy'))),
  async scan(archive, _target, ctx) {
    const schema = await readJson(archive, findEntry(archive.entries, 'schema.json')!.name, ctx);
    if (schema !== undefined) checkSkopsSchema(schema, ctx);
    return 'continue';
  },
};

export const llamafileLayout: ArchiveLayout = {
  format: 'llamafile',
  matches: (entries, target) =>
    isApe(target.head) && entries.some((e) => e.name.toLowerCase().endsWith('.gguf')),
  scan(archive, _target, ctx) {
    const models = archive.entries
      .filter((e) => e.name.toLowerCase().endsWith('.gguf'))
      .map((e) => e.name);
    ctx.report({
      ruleId: 'MA5605',
      message: `llamafile: an executable (Actually Portable Executable) wrapping ${models.join(', ')}; running it runs native code that cannot be vetted, the embedded model is scanned below`,
      evidence: 'APE executable',
    });
    return Promise.resolve('continue' as const);
  },
};

export const coreMlPackageLayout: ArchiveLayout = {
  format: 'coreml-package',
  matches: (entries) =>
    entries.some((e) => /(^|\/)Manifest\.json$/.test(e.name)) &&
    entries.some((e) => e.name.includes('Data/com.apple.CoreML/')),
  async scan(archive, target, ctx) {
    const entry = archive.entries.find((e) => /(^|\/)Manifest\.json$/.test(e.name))!;
    const manifest = await readJson(archive, entry.name, ctx);
    if (manifest !== undefined) checkCoreMlManifest(manifest, ctx);
    void target;
    return 'continue';
  },
};

export const FORMAT_LAYOUTS: readonly ArchiveLayout[] = [
  torchServeLayout,
  nemoLayout,
  skopsLayout,
  llamafileLayout,
  coreMlPackageLayout,
];

export type { ScanTarget };
