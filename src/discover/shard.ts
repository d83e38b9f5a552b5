/**
 * Shards: a stable split of the files (a SavedModel counts as one) between parallel jobs. A
 * path's shard depends only on the path, so a file stays in its shard as others come and go.
 */
import { createHash } from 'node:crypto';

/** 1-based shard of a key out of `count`. */
export function shardOf(key: string, count: number): number {
  if (count <= 1) return 1;
  const h = createHash('sha256').update(key).digest();
  return (h.readUInt32BE(0) % count) + 1;
}
