/**
 * Core ML models: `.mlmodel` protobufs (and the one inside an `.mlpackage`), the package
 * manifest, and the MIL weight blobs (`weight.bin`). Custom layers and custom models name
 * classes the app must implement; linked models name other files; serialized models carry
 * opaque bytes. Weight blobs are checked to stay inside their file.
 */
import type { IdentityClaim, ScanContext, Scanner } from '../base.js';
import { FormatError, PagedReader } from '../../io/paged.js';
import { protoFields, protoString } from '../../io/protobuf/fields.js';
import { escapeReason } from './common/read.js';
import { findSecrets } from './common/secrets.js';
import { parseStructure } from './common/structure.js';

const MAX_DEPTH = 16;
const MAX_LAYERS = 1_000_000;

export const coremlScanner: Scanner = {
  id: 'coreml',
  formats: ['coreml'],
  rules: ['MA5601', 'MA5304', 'MA5501', 'MA5900', 'MA1006'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    const state = { layers: 0, kinds: new Set<number>() };
    await parseStructure(ctx, 'Core ML', async () => {
      await model(r, 0, r.size, ctx, 0, state);
      ctx.detail('coreml', { modelTypes: [...state.kinds], layers: state.layers });
    });
  },
};

async function model(
  r: PagedReader,
  start: number,
  end: number,
  ctx: ScanContext,
  depth: number,
  state: { layers: number; kinds: Set<number> },
): Promise<void> {
  if (depth > MAX_DEPTH) throw new FormatError(`pipelines nested deeper than ${MAX_DEPTH}`);
  for await (const f of protoFields(r, start, end)) {
    ctx.checkpoint();
    if (f.wire !== 2) continue;
    if (f.field >= 200) state.kinds.add(f.field);
    switch (f.field) {
      case 2:
        if (depth === 0) await description(r, f.start, f.start + f.length, ctx);
        break;
      case 200:
      case 201:
        for await (const p of protoFields(r, f.start, f.start + f.length))
          if (p.field === 1 && p.wire === 2)
            await pipeline(r, p.start, p.start + p.length, ctx, depth, state);
        break;
      case 202:
        await pipeline(r, f.start, f.start + f.length, ctx, depth, state);
        break;
      case 303:
      case 403:
      case 500:
        for await (const l of protoFields(r, f.start, f.start + f.length)) {
          if (l.field !== 1 || l.wire !== 2) continue;
          if (++state.layers > MAX_LAYERS) throw new FormatError(`more than ${MAX_LAYERS} layers`);
          for await (const lf of protoFields(r, l.start, l.start + l.length)) {
            if (lf.field === 500 && lf.wire === 2) {
              const cls = await stringField(r, lf.start, lf.start + lf.length, 10);
              ctx.report({
                ruleId: 'MA5601',
                message: `Core ML custom layer ${JSON.stringify(cls ?? '')}: the app must provide its implementation`,
                evidence: cls ?? 'custom layer',
              });
            }
          }
        }
        break;
      case 555: {
        const cls = await stringField(r, f.start, f.start + f.length, 10);
        ctx.report({
          ruleId: 'MA5601',
          message: `Core ML custom model ${JSON.stringify(cls ?? '')}: the app provides the class that runs it`,
          evidence: cls ?? 'custom model',
        });
        break;
      }
      case 556:
        for await (const lf of protoFields(r, f.start, f.start + f.length)) {
          if (lf.field !== 1 || lf.wire !== 2) continue;
          for await (const p of protoFields(r, lf.start, lf.start + lf.length)) {
            if (p.wire !== 2) continue;
            const value = await stringField(r, p.start, p.start + p.length, 1);
            if (value === undefined) continue;
            const escape = escapeReason(value);
            if (escape)
              ctx.report({
                ruleId: 'MA5304',
                message: `Core ML linked model ${p.field === 1 ? 'file name' : 'search path'} ${JSON.stringify(value)} ${escape}`,
                evidence: value,
              });
          }
        }
        break;
      case 3000: {
        const id = await stringField(r, f.start, f.start + f.length, 1);
        ctx.report({
          ruleId: 'MA1006',
          message: `Core ML serialized model ${JSON.stringify(id ?? '')}: its bytes are in a private format and were not examined`,
          evidence: id ?? 'serializedModel',
        });
        break;
      }
    }
  }
}

async function pipeline(
  r: PagedReader,
  start: number,
  end: number,
  ctx: ScanContext,
  depth: number,
  state: { layers: number; kinds: Set<number> },
): Promise<void> {
  for await (const m of protoFields(r, start, end))
    if (m.field === 1 && m.wire === 2)
      await model(r, m.start, m.start + m.length, ctx, depth + 1, state);
}

async function stringField(
  r: PagedReader,
  start: number,
  end: number,
  field: number,
): Promise<string | undefined> {
  for await (const f of protoFields(r, start, end))
    if (f.field === field && f.wire === 2) return protoString(r, f, 1024);
  return undefined;
}

async function description(
  r: PagedReader,
  start: number,
  end: number,
  ctx: ScanContext,
): Promise<void> {
  for await (const f of protoFields(r, start, end)) {
    if (f.field !== 100 || f.wire !== 2) continue;
    const claims: Record<number, IdentityClaim['field']> = {
      2: 'version',
      3: 'author',
      4: 'license',
    };
    for await (const m of protoFields(r, f.start, f.start + f.length)) {
      if (m.wire !== 2) continue;
      if (claims[m.field]) {
        const v = (await protoString(r, m, 300)).trim();
        if (v)
          ctx.claim({
            field: claims[m.field]!,
            value: v,
            source: `mlmodel:metadata.${claims[m.field]}`,
          });
      } else if (m.field === 100) {
        let key = '';
        for await (const kv of protoFields(r, m.start, m.start + m.length)) {
          if (kv.wire !== 2) continue;
          const v = await protoString(r, kv, 1 << 20);
          if (kv.field === 1) key = v;
          else
            for (const s of findSecrets(v))
              ctx.report({
                ruleId: 'MA5501',
                message: `${s.kind} in Core ML metadata ${key}`,
                evidence: s.masked,
              });
        }
      }
    }
  }
}

/** Manifest.json of an .mlpackage: item paths are joined with the package directory. */
export function checkCoreMlManifest(manifest: unknown, ctx: ScanContext): void {
  const items = (manifest as { itemInfoEntries?: unknown })?.itemInfoEntries;
  if (!items || typeof items !== 'object') return;
  for (const [id, item] of Object.entries(items as Record<string, unknown>)) {
    const path = (item as { path?: unknown })?.path;
    if (typeof path !== 'string') continue;
    const escape = escapeReason(path);
    if (escape)
      ctx.report({
        ruleId: 'MA5304',
        message: `Manifest.json item ${id} path ${JSON.stringify(path)} ${escape}`,
        evidence: path,
      });
  }
}

/** MIL weight storage (weight.bin): a 64-byte header, then 64-byte blob records and data. */
export function isCoreMlWeights(head: Buffer): boolean {
  return (
    head.length >= 72 &&
    head.readUInt32LE(4) === 2 &&
    head.readUInt32LE(0) < 1 << 24 &&
    head.readUInt32LE(64) === 0xdeadbeef
  );
}

export const coremlWeightsScanner: Scanner = {
  id: 'coreml-weights',
  formats: ['coreml-weights'],
  rules: ['MA5900'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'Core ML weights', async () => {
      const count = await r.u32(0);
      let pos = 64;
      for (let i = 0; i < count; i++) {
        if (i % 4096 === 0) ctx.checkpoint();
        if ((await r.u32(pos)) !== 0xdeadbeef)
          throw new FormatError(`blob ${i} record at ${pos} lacks its sentinel`);
        const size = await r.u64(pos + 8);
        const offset = await r.u64(pos + 16);
        if (offset < pos + 64 || offset + size > r.size)
          throw new FormatError(`blob ${i} (${size} bytes at ${offset}) lies outside the file`);
        pos = Math.ceil((offset + size) / 64) * 64;
      }
      ctx.detail('coremlWeights', { blobs: count });
    });
  },
};
