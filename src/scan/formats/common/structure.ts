/** Runs a structural parse and turns format violations into MA5900 findings. */
import type { ScanContext } from '../../base.js';
import { FormatError } from '../../../io/paged.js';

export async function parseStructure(
  ctx: ScanContext,
  format: string,
  fn: () => Promise<void>,
): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (err) {
    if (!(err instanceof FormatError) && !(err instanceof RangeError)) throw err;
    ctx.report({
      ruleId: 'MA5900',
      message: `${format}: ${err.message}; the rest of the file was not examined`,
      evidence: err.message.slice(0, 160),
    });
    return false;
  }
}
