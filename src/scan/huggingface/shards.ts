/**
 * Sharded checkpoints: the `*.index.json` weight map names the shard of every tensor. Shard
 * names are joined with the model directory by the loaders, so absolute paths and `..` reach
 * other files; shards in another format than the index promises hide an executable checkpoint
 * in a data-only one; missing shards were never scanned.
 */
import { extname } from 'node:path';
import type { ScanContext, ScanTarget } from '../base.js';
import { escapeReason, hasNeighbourhood } from '../formats/common/read.js';

const MAX_SHARDS = 100_000;

function expectedExtension(indexName: string): string | undefined {
  const n = indexName.toLowerCase();
  if (n.endsWith('.safetensors.index.json')) return '.safetensors';
  if (n.endsWith('.bin.index.json')) return '.bin';
  if (n.endsWith('.msgpack.index.json')) return '.msgpack';
  if (n.endsWith('.h5.index.json')) return '.h5';
  return undefined;
}

export async function checkShardIndex(
  index: Record<string, unknown>,
  target: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  const map = index.weight_map;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    ctx.report({
      ruleId: 'MA5307',
      message: `${target.name}: weight_map is not an object`,
      evidence: typeof map,
    });
    return;
  }
  const shards = new Map<string, number>();
  let bad = 0;
  for (const [tensor, shard] of Object.entries(map as Record<string, unknown>)) {
    if (typeof shard !== 'string') {
      if (bad++ < 3)
        ctx.report({
          ruleId: 'MA5307',
          message: `${target.name}: weight_map.${tensor} is not a file name`,
          evidence: JSON.stringify(shard).slice(0, 80),
        });
      continue;
    }
    shards.set(shard, (shards.get(shard) ?? 0) + 1);
    if (shards.size > MAX_SHARDS) break;
  }
  const expected = expectedExtension(target.name);
  const local = hasNeighbourhood(target);
  const extensions = new Set<string>();
  let missing = 0;
  for (const [shard, tensors] of shards) {
    ctx.checkpoint();
    const escape = escapeReason(shard);
    if (escape) {
      ctx.report({
        ruleId: 'MA5304',
        message: `${target.name} maps ${tensors} tensor(s) to ${JSON.stringify(shard)}, which ${escape}: the loader would read that file`,
        evidence: shard,
      });
      continue;
    }
    const ext = extname(shard).toLowerCase();
    extensions.add(ext);
    if (expected && ext !== expected) {
      ctx.report({
        ruleId: 'MA5306',
        message: `${target.name} promises ${expected} shards but maps tensors to ${shard}`,
        evidence: shard,
      });
    }
    const entry = local ? await ctx.sibling(shard) : undefined;
    if (entry?.linksOutside) {
      ctx.report({
        ruleId: 'MA5304',
        message: `${target.name} maps ${tensors} tensor(s) to ${shard}, a symbolic link leading out of the model directory: the loader would read that file`,
        evidence: entry.linkTarget ? `${shard} -> ${entry.linkTarget}` : shard,
      });
      continue;
    }
    if (local && entry?.kind !== 'file') {
      if (missing++ < 20)
        ctx.report({
          ruleId: 'MA5305',
          message: `${target.name} maps ${tensors} tensor(s) to ${shard}, which is not in the directory`,
          evidence: shard,
        });
    }
  }
  if (!expected && extensions.size > 1)
    ctx.report({
      ruleId: 'MA5306',
      message: `${target.name} mixes shard formats: ${[...extensions].join(', ')}`,
      evidence: [...extensions].join(', '),
    });
  ctx.detail('shardIndex', { shards: shards.size, missing });
}
