/**
 * Hugging Face sharded PyTorch checkpoints: pytorch_model.bin.index.json maps each weight to
 * the shard file transformers loads with torch.load. The shards themselves are PyTorch zips;
 * the index decides which files are loaded, so its entries must stay inside the model folder.
 */
import { readAll } from '../../io/stream.js';
import type { SniffInput } from '../../utils/filetype.js';
import type { Scanner } from '../base.js';
import { pathEscape } from './members.js';

const MAX_INDEX = 64 * 1024 * 1024;

/** A `*.bin.index.json`, or JSON with a weight_map naming .bin shards. */
export function isShardIndex(i: SniffInput): boolean {
  const start = i.head.toString('utf8', 0, Math.min(i.head.length, 4096)).trimStart();
  if (!start.startsWith('{')) return false;
  const text = i.head.toString('utf8');
  if (!text.includes('"weight_map"')) return false;
  return /\.bin\.index\.json$/i.test(i.name) || /"[^"]*\.bin"\s*[,}]/.test(text);
}

export const shardIndexScanner: Scanner = {
  id: 'shard-index',
  formats: ['pytorch-shard-index'],
  rules: ['MA3001', 'MA3022'],
  async scan(target, ctx) {
    const stream = target.openStream();
    let text: string;
    try {
      text = (await readAll(stream, MAX_INDEX)).toString('utf8');
    } catch {
      ctx.report({
        ruleId: 'MA3022',
        message: `shard index larger than ${MAX_INDEX} bytes`,
        evidence: `${target.size} bytes`,
      });
      return;
    } finally {
      await stream.close();
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      ctx.report({
        ruleId: 'MA3022',
        message: `shard index is not valid JSON: ${msg}`,
        evidence: msg,
      });
      return;
    }
    const map = (json as { weight_map?: unknown } | null)?.weight_map;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      ctx.report({
        ruleId: 'MA3022',
        message: 'shard index has no weight_map object',
        evidence: 'weight_map',
      });
      return;
    }
    const shards = new Set<string>();
    const bad: string[] = [];
    for (const [weight, file] of Object.entries(map as Record<string, unknown>)) {
      if (typeof file !== 'string' || file === '') {
        bad.push(weight);
        continue;
      }
      if (shards.has(file)) continue;
      shards.add(file);
      const why = pathEscape(file);
      if (why) {
        ctx.report({
          ruleId: 'MA3001',
          message: `the shard index makes transformers load ${JSON.stringify(file)}, which ${why}`,
          evidence: file,
        });
      }
    }
    if (bad.length > 0) {
      ctx.report({
        ruleId: 'MA3022',
        message: `${bad.length} weight(s) map to something other than a file name`,
        evidence: bad.slice(0, 5).join(', '),
      });
    }
    ctx.detail('shardIndex', {
      shards: [...shards].slice(0, 1000),
      weights: Object.keys(map).length,
    });
  },
};
