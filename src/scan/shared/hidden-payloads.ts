/**
 * Payloads hidden behind encodings in values of any container (pickle constants, JSON and YAML
 * values, safetensors and GGUF metadata, ONNX attributes, Keras configs): decoded with bounded
 * work and scanned as nested members. A loader still needs a second stage to run them, but
 * whoever planted one expects a second stage, so the finding takes the severity of what was
 * found inside (MA1020).
 */
import { PeelBudget, peelPayload, type PayloadKind } from '../../analysis/encoded/peel.js';
import { mayHidePayload } from '../../analysis/encoded/sniff.js';
import type { ScanContext, ScanTarget, MemberResult } from '../base.js';
import { memberTarget } from './member-target.js';

const BUDGET = Symbol('hidden-payload budget');

/** The name identification sees for each kind (content decides; the name is a hint). */
const HINT: Record<PayloadKind, string> = {
  pickle: 'payload.pkl',
  archive: 'payload.bin',
  source: 'payload.py',
  template: 'payload.jinja',
};

export interface PayloadSite {
  /** Where the value sits, for messages and the member chain: "config.json:$.a.b". */
  readonly label: string;
  readonly offset?: number;
  readonly line?: number;
  readonly opcodeIndex?: number;
}

/**
 * Decodes `value` if it hides a payload and scans what comes out. Returns the nested scan's
 * result, or undefined when the value hides nothing.
 */
export async function scanHiddenPayload(
  ctx: ScanContext,
  target: ScanTarget,
  value: Buffer | string,
  site: PayloadSite,
): Promise<MemberResult | undefined> {
  if (!mayHidePayload(value)) return undefined;
  const budget = ctx.fileState(BUDGET, () => new PeelBudget());
  const wasExhausted = budget.exhausted;
  ctx.checkpoint();
  const payload = await peelPayload(value, budget);
  const position = {
    ...(site.offset !== undefined ? { offset: site.offset } : {}),
    ...(site.line !== undefined ? { line: site.line } : {}),
    ...(site.opcodeIndex !== undefined ? { opcodeIndex: site.opcodeIndex } : {}),
  };
  if (!payload) {
    if (budget.exhausted && !wasExhausted)
      ctx.report({
        ruleId: 'MA1002',
        message: `decoding of hidden payloads stopped at ${site.label}: the ${budget.maxBytes}-byte budget for this file is spent, so later encoded values were not examined`,
        evidence: 'hidden-payload budget',
        ...position,
      });
    return undefined;
  }
  const layers = payload.layers.join(' > ');
  const result = await ctx.scanMember(
    memberTarget(target, `${site.label} (${layers})`, payload.bytes, HINT[payload.kind]),
  );
  const inside =
    result.findings > 0
      ? `${result.findings} finding${result.findings === 1 ? '' : 's'} inside, worst ${result.worst}`
      : 'nothing dangerous inside';
  ctx.report({
    ruleId: 'MA1020',
    severity: result.worst ?? 'INFO',
    message: `${site.label} hides ${describe(payload.kind)} behind ${layers} (${inside}); a second-stage loader would run it`,
    evidence: `${preview(value)} → ${payload.kind}, ${payload.bytes.length} bytes`,
    ...position,
  });
  return result;
}

function describe(kind: PayloadKind): string {
  return {
    pickle: 'a pickle',
    archive: 'an archive or executable',
    source: 'Python source',
    template: 'a template',
  }[kind];
}

function preview(value: Buffer | string): string {
  const text = typeof value === 'string' ? value : value.toString('latin1', 0, 48);
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const clean = text.slice(0, 40).replace(/[\u0000-\u001f\u007f-\u00ff]/g, '.');
  return text.length > 40 ? `${clean}…` : clean;
}
