/**
 * Memory bounds of the graph family, derived from the scan limits.
 */
import type { DecodeOptions } from '../../io/protobuf/wire.js';
import type { ScanContext } from '../base.js';

/** Lazy protobuf decoding: what is kept in memory and how deep messages may nest. */
export function decodeOptions(ctx: ScanContext): DecodeOptions {
  const memory = ctx.limits.maxInMemoryBytes;
  return {
    keepBytes: Math.min(memory, 4 * 1024 * 1024),
    inlineBytes: 256 * 1024,
    maxDepth: 100,
    budgetBytes: Math.max(256 * 1024 * 1024, memory * 4),
    checkpoint: () => ctx.checkpoint(),
  };
}
