/**
 * The content/name mismatch (MA1005) for content that is no model under a model file's name:
 * reported, then the content is scanned as what it is. When the named loader would unpickle
 * it anyway (torch.load, numpy.load), what that would import or call is judged too, so a
 * pickle the content probe did not recognise still cannot pass as text.
 */
import type { Identification } from '../../identify/identify.js';
import { nameMismatch } from '../../identify/mismatch.js';
import { NAMED_VERDICTS } from '../archive/joblib.js';
import { subContext } from '../archive/members.js';
import type { ScanContext, ScanTarget } from '../base.js';
import { analyzePickle } from '../pickle/analyze.js';

/** Reports a mismatch, if any, and returns the format to scan the content as (or none). */
export async function checkNameMismatch(
  target: ScanTarget,
  id: Identification,
  ctx: ScanContext,
): Promise<{ readonly scanAs: string | undefined } | undefined> {
  const m = nameMismatch(target.name, id, target.head, target.size);
  if (!m) return undefined;
  ctx.report({
    ruleId: 'MA1005',
    message: `named like ${m.named} but the content is ${m.content}; ${m.scanAs ? 'it was scanned as what it is' : 'it holds nothing a model loader runs'}`,
    evidence: `${target.name}: ${m.content}`,
  });
  if (m.unpickles) {
    await analyzePickle(
      target,
      subContext(ctx, {
        keep: (f) => NAMED_VERDICTS.has(f.ruleId) || f.ruleId === 'MA2008',
        note: `as the loader of ${m.named} would unpickle it`,
      }),
      { sweep: false },
    );
  }
  return { scanAs: m.scanAs };
}
