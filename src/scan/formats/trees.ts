/**
 * Gradient-boosting model files other than XGBoost JSON: LightGBM text models, CatBoost .cbm
 * files and XGBoost's legacy binary format. They carry no code; a crafted file can only lie
 * to the native loader about indices, which is reported as malformed structure.
 */
import type { ScanContext, Scanner } from '../base.js';
import { FlatTable, FormatError, PagedReader } from '../../io/paged.js';
import { parseStructure } from './common/structure.js';
import { findSecrets } from './common/secrets.js';

const MAX_LINE = 64 * 1024 * 1024;

export function isLightgbmText(head: Buffer): boolean {
  const t = head.toString('latin1', 0, Math.min(head.length, 256));
  return /^tree\r?\nversion=v\d/.test(t);
}

async function* lines(target: Parameters<Scanner['scan']>[0]): AsyncGenerator<string> {
  const stream = target.openStream();
  try {
    let pending = '';
    for (;;) {
      const chunk = await stream.read(1 << 20);
      if (!chunk) break;
      pending += chunk.toString('latin1');
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        yield pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
      if (pending.length > MAX_LINE) throw new FormatError(`a line longer than ${MAX_LINE} bytes`);
    }
    if (pending) yield pending;
  } finally {
    await stream.close();
  }
}

export const lightgbmScanner: Scanner = {
  id: 'lightgbm',
  formats: ['lightgbm-text'],
  rules: ['MA5900', 'MA5501'],
  async scan(target, ctx) {
    await parseStructure(ctx, 'LightGBM', async () => {
      let maxFeature: number | undefined;
      let trees = 0;
      let tree: Record<string, string> | undefined;
      let section: 'header' | 'trees' | 'tail' = 'header';
      let n = 0;
      const check = (t: Record<string, string>): void => {
        const id = t.Tree;
        const leaves = Number(t.num_leaves);
        if (!Number.isInteger(leaves) || leaves < 1)
          throw new FormatError(`tree ${id} has num_leaves=${t.num_leaves}`);
        if (leaves === 1) return;
        const ints = (k: string): number[] => (t[k] ?? '').split(' ').filter(Boolean).map(Number);
        for (const key of [
          'split_feature',
          'left_child',
          'right_child',
          'threshold',
          'decision_type',
        ]) {
          const len = (t[key] ?? '').split(' ').filter(Boolean).length;
          if (len !== leaves - 1)
            throw new FormatError(
              `tree ${id}: ${key} has ${len} entries for ${leaves - 1} internal nodes`,
            );
        }
        for (const key of ['left_child', 'right_child']) {
          for (const c of ints(key)) {
            if (!Number.isInteger(c) || (c >= 0 && c >= leaves - 1) || (c < 0 && ~c >= leaves))
              throw new FormatError(`tree ${id}: ${key} entry ${c} is outside the tree`);
          }
        }
        if (maxFeature !== undefined)
          for (const f of ints('split_feature'))
            if (!Number.isInteger(f) || f < 0 || f > maxFeature)
              throw new FormatError(
                `tree ${id} splits on feature ${f}, past max_feature_idx=${maxFeature}`,
              );
      };
      for await (const line of lines(target)) {
        if (++n % 100000 === 0) ctx.checkpoint();
        if (section === 'tail') {
          for (const s of findSecrets(line))
            ctx.report({
              ruleId: 'MA5501',
              message: `${s.kind} in LightGBM parameters`,
              evidence: s.masked,
              line: n,
            });
          continue;
        }
        if (line.startsWith('Tree=')) {
          if (tree) check(tree);
          tree = { Tree: line.slice(5) };
          section = 'trees';
          trees++;
          continue;
        }
        if (line === 'end of trees') {
          if (tree) check(tree);
          tree = undefined;
          section = 'tail';
          continue;
        }
        const eq = line.indexOf('=');
        if (eq < 0) continue;
        const key = line.slice(0, eq);
        const value = line.slice(eq + 1);
        if (section === 'header' && key === 'max_feature_idx') maxFeature = Number(value);
        else if (tree) tree[key] = value;
      }
      if (tree) check(tree);
      ctx.detail('lightgbm', { trees, maxFeature });
    });
  },
};

export const catboostScanner: Scanner = {
  id: 'catboost',
  formats: ['catboost'],
  rules: ['MA5900', 'MA5501'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'CatBoost', async () => {
      const coreSize = await r.u32(4);
      if (8 + coreSize > r.size)
        throw new FormatError(`model core of ${coreSize} bytes runs past the ${r.size}-byte file`);
      const core = await FlatTable.root(r, 8, 8 + coreSize);
      const version = await core.string(0, 64);
      const info = await core.vector(2, 4);
      for (let i = 0; i < (info?.length ?? 0) && i < 10_000; i++) {
        const kv = await core.tableAt(info!.start, i);
        const key = (await kv.string(0, 256)) ?? '';
        const value = (await kv.string(1, 1 << 20)) ?? '';
        for (const s of findSecrets(value))
          ctx.report({
            ruleId: 'MA5501',
            message: `${s.kind} in CatBoost model info ${key}`,
            evidence: s.masked,
          });
      }
      const trees = await core.table(1);
      if (trees) await checkCatboostTrees(trees, r, ctx);
      const parts = await core.vector(3, 4);
      const partIds: string[] = [];
      for (let i = 0; i < (parts?.length ?? 0) && i < 1000; i++)
        partIds.push(await core.stringAt(parts!.start, i, 256));
      ctx.detail('catboost', { formatVersion: version, parts: partIds });
    });
  },
};

async function checkCatboostTrees(t: FlatTable, r: PagedReader, ctx: ScanContext): Promise<void> {
  const splits = await t.vector(1, 4);
  const sizes = await t.vector(2, 4);
  const starts = await t.vector(3, 4);
  if (!sizes || !splits) return;
  if (starts && starts.length !== sizes.length)
    throw new FormatError(`${starts.length} tree offsets for ${sizes.length} trees`);
  let total = 0;
  for (let i = 0; i < sizes.length; i++) {
    if (i % 65536 === 0) ctx.checkpoint();
    const size = await r.i32(sizes.start + i * 4);
    if (size < 0) throw new FormatError(`tree ${i} has negative size ${size}`);
    if (starts) {
      const start = await r.i32(starts.start + i * 4);
      if (start < 0 || start + size > splits.length)
        throw new FormatError(
          `tree ${i} spans splits ${start}..${start + size} of ${splits.length}`,
        );
    }
    total += size;
  }
  if (!starts && total > splits.length)
    throw new FormatError(`trees use ${total} splits of ${splits.length}`);
}

export const xgboostBinaryScanner: Scanner = {
  id: 'xgboost-binary',
  formats: ['xgboost-binary'],
  rules: ['MA1006'],
  scan(_target, ctx) {
    ctx.report({
      ruleId: 'MA1006',
      message:
        'XGBoost legacy binary model ("binf"): recognised, its trees are not checked; re-save it as JSON or UBJSON',
      evidence: 'binf',
    });
    return Promise.resolve();
  },
};
