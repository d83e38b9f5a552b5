/**
 * The "shards" serialization cuts every file into [start, end) ranges of shard_size bytes, the
 * last one shorter; an empty file has no shard at all (so it is not in the manifest).
 */
export function shardRanges(size: number, shardSize: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < size; start += shardSize)
    ranges.push([start, Math.min(start + shardSize, size)]);
  return ranges;
}

/**
 * Whether signed shards are exactly the layout of a file of `size` bytes. Counts first, so a
 * hostile tiny shard_size never makes us build billions of ranges.
 */
export function matchesShardLayout(
  shards: readonly { readonly start?: number; readonly end?: number }[],
  size: number,
  shardSize: number,
): boolean {
  if (shards.length !== Math.ceil(size / shardSize)) return false;
  const starts = shards
    .map((s) => [s.start ?? -1, s.end ?? -1] as const)
    .sort((a, b) => a[0] - b[0]);
  return starts.every(
    ([s, e], i) => s === i * shardSize && e === Math.min((i + 1) * shardSize, size),
  );
}
