/**
 * XML model formats: PMML and OpenVINO IR (.xml beside its .bin weights), and other XML. The
 * document is tokenized without ever resolving entities or fetching anything: a DOCTYPE with
 * entity declarations or external identifiers is an XXE attempt; OpenVINO layers outside the
 * standard opsets come from extension libraries; Const layers must stay inside the weights.
 */
import { basename, extname } from 'node:path';
import type { ScanContext, ScanTarget, Scanner } from '../base.js';
import { decodeUtf8, hasNeighbourhood, readWhole } from './common/read.js';
import { findSecrets, lineOf } from './common/secrets.js';

const MAX_XML_BYTES = 256 * 1024 * 1024;

export function xmlRoot(head: Buffer): string | undefined {
  const text = head.toString('utf8', 0, Math.min(head.length, 8192));
  const stripped = text
    .replace(/^\ufeff/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[\s\S]*?(\[[\s\S]*?\])?\s*>/i, '');
  const m = /^\s*<([A-Za-z_][\w:.-]*)/.exec(stripped);
  return m?.[1];
}

interface Element {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly index: number;
}

function* elements(text: string): Generator<Element> {
  const re =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<([A-Za-z_][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[1]) continue;
    const attrs: Record<string, string> = {};
    const ar = /([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let a = ar.exec(m[2] ?? ''); a; a = ar.exec(m[2] ?? ''))
      attrs[a[1]!] = unescapeXml(a[2] ?? a[3] ?? '');
    yield { name: m[1], attrs, index: m.index };
  }
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
  );
}

export const xmlScanner: Scanner = {
  id: 'xml-model',
  formats: ['pmml', 'openvino-ir', 'xml-metadata'],
  rules: ['MA5603', 'MA5604', 'MA5601', 'MA5900', 'MA5501', 'MA1006'],
  async scan(target, ctx) {
    const buf = await readWhole(target, MAX_XML_BYTES);
    if (!buf) {
      ctx.report({
        ruleId: 'MA1006',
        message: `XML over ${MAX_XML_BYTES} bytes was not parsed`,
        evidence: `${target.size ?? '?'} bytes`,
      });
      return;
    }
    const text = decodeUtf8(buf) ?? buf.toString('latin1');
    checkDoctype(text, ctx);
    for (const s of findSecrets(text))
      ctx.report({
        ruleId: 'MA5501',
        message: `${s.kind} in ${target.name}`,
        evidence: s.masked,
        line: lineOf(text, s.index),
      });
    const root = xmlRoot(buf.subarray(0, 8192));
    if (root === 'net') await checkOpenVino(text, target, ctx);
    else if (root === 'PMML') checkPmml(text, ctx);
  },
};

function checkDoctype(text: string, ctx: ScanContext): void {
  const dt = /<!DOCTYPE\s+([^\s[>]+)([^[>]*)(\[([\s\S]*?)\])?\s*>/i.exec(text);
  const entities = [...text.matchAll(/<!ENTITY\s+(%\s+)?([^\s>]+)\s+([^>]*)>/gi)];
  const includes =
    /<[\w.-]*:?include\b[^>]*XInclude|xmlns:\w+\s*=\s*["']http:\/\/www\.w3\.org\/2001\/XInclude["']/i.test(
      text,
    );
  if (entities.length) {
    const external = entities.filter((e) => /\b(SYSTEM|PUBLIC)\b/.test(e[3] ?? ''));
    const e = (external[0] ?? entities[0])!;
    ctx.report({
      ruleId: 'MA5603',
      message: `the DOCTYPE declares ${entities.length} entit${entities.length === 1 ? 'y' : 'ies'}${external.length ? `, ${external.length} of them external (a parser resolving them reads files or URLs)` : ' (entity expansion can exhaust memory)'}`,
      evidence: e[0].slice(0, 200),
      line: lineOf(text, e.index ?? 0),
    });
  } else if (dt && /\b(SYSTEM|PUBLIC)\b/.test(dt[2] ?? '')) {
    ctx.report({
      ruleId: 'MA5603',
      message: 'the DOCTYPE names an external DTD that validating parsers fetch',
      evidence: dt[0].slice(0, 200),
      line: lineOf(text, dt.index),
    });
  } else if (dt) {
    ctx.report({
      ruleId: 'MA5604',
      message: 'the XML carries a DOCTYPE declaration',
      evidence: dt[0].slice(0, 200),
      line: lineOf(text, dt.index),
    });
  }
  if (includes)
    ctx.report({
      ruleId: 'MA5603',
      message: 'the XML uses XInclude, which pulls in other files or URLs',
      evidence: 'XInclude',
    });
}

function checkPmml(text: string, ctx: ScanContext): void {
  for (const e of elements(text)) {
    if (e.name === 'PMML') ctx.detail('pmml', { version: e.attrs.version });
    else if (e.name === 'Application' && e.attrs.name)
      ctx.detail('pmmlApplication', `${e.attrs.name} ${e.attrs.version ?? ''}`.trim());
    if (e.index > 1 << 20) break;
  }
}

const STANDARD_OPSET =
  /^(opset\d+|experimental|internal|ie_internal_opset|ngraph_internal|extension_opset_internal)$/;

async function checkOpenVino(text: string, target: ScanTarget, ctx: ScanContext): Promise<void> {
  const custom = new Map<string, number>();
  let maxEnd = 0;
  let layers = 0;
  let net: string | undefined;
  for (const e of elements(text)) {
    if (e.name === 'net') {
      net = e.attrs.name;
      if (net) ctx.claim({ field: 'name', value: net, source: `${target.name}:net.name` });
    } else if (e.name === 'layer') {
      layers++;
      const version = e.attrs.version ?? '';
      if (version && !STANDARD_OPSET.test(version)) {
        const key = `${version}::${e.attrs.type ?? '?'}`;
        custom.set(key, (custom.get(key) ?? 0) + 1);
      }
    } else if (e.name === 'data' && e.attrs.offset !== undefined && e.attrs.size !== undefined) {
      const end = Number(e.attrs.offset) + Number(e.attrs.size);
      if (!Number.isFinite(end) || Number(e.attrs.offset) < 0 || Number(e.attrs.size) < 0) {
        ctx.report({
          ruleId: 'MA5900',
          message: `OpenVINO constant with offset ${e.attrs.offset} and size ${e.attrs.size}`,
          evidence: `offset=${e.attrs.offset} size=${e.attrs.size}`,
          line: lineOf(text, e.index),
        });
      } else maxEnd = Math.max(maxEnd, end);
    }
  }
  for (const [key, count] of custom) {
    const [opset, type] = key.split('::');
    ctx.report({
      ruleId: 'MA5601',
      message: `OpenVINO layer type ${type} from opset ${JSON.stringify(opset)} (${count}×) comes from an extension library`,
      evidence: key,
    });
  }
  if (hasNeighbourhood(target) && maxEnd > 0) {
    const bin = `${basename(target.name, extname(target.name))}.bin`;
    // Weights missing, or not a file beside the IR: nothing to compare.
    const weights = await ctx.sibling(bin);
    if (weights?.kind === 'file' && maxEnd > weights.size)
      ctx.report({
        ruleId: 'MA5900',
        message: `OpenVINO constants reach byte ${maxEnd} of ${bin}, which has ${weights.size}`,
        evidence: `${maxEnd} > ${weights.size}`,
      });
  }
  ctx.detail('openvino', { net, layers, customLayers: [...custom.keys()] });
}
