/**
 * Runs a structural parse and turns format violations into findings: MA5900 for model formats,
 * MA5614 (INFO) for data-only formats, which cannot run code however broken.
 */
import type { ScanContext } from '../../base.js';
import { FormatError } from '../../../io/paged.js';

export async function parseStructure(
  ctx: ScanContext,
  format: string,
  fn: () => Promise<void>,
  ruleId: 'MA5900' | 'MA5614' = 'MA5900',
): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (err) {
    if (!(err instanceof FormatError) && !(err instanceof RangeError)) throw err;
    ctx.report({
      ruleId,
      message: `${format}: ${err.message}; the rest of the file was not examined`,
      evidence: err.message.slice(0, 160),
    });
    return false;
  }
}
