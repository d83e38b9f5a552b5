/**
 * ONNX Runtime's flatbuffer format ("ORTM", .ort). Operators in the ONNX and Microsoft
 * domains are runtime kernels; other domains need a custom-op library registered with the
 * session, and onnxruntime-extensions' Python operators call back into Python.
 */
import type { ScanContext, Scanner } from '../base.js';
import { FlatTable, FormatError, PagedReader } from '../../io/paged.js';
import { parseStructure } from '../formats/common/structure.js';
import { findSecrets } from '../formats/common/secrets.js';

const STANDARD_DOMAINS = new Set([
  '',
  'ai.onnx',
  'ai.onnx.ml',
  'ai.onnx.training',
  'ai.onnx.preview.training',
  'com.microsoft',
  'com.microsoft.nchwc',
  'com.microsoft.experimental',
  'com.microsoft.dml',
  'com.ms.internal.nhwc',
  'com.ms.internal.nchwc',
]);
const MAX_NODES = 2_000_000;
const MAX_GRAPH_DEPTH = 32;

export const ortScanner: Scanner = {
  id: 'onnxruntime-ort',
  formats: ['onnxruntime-ort'],
  rules: ['MA5601', 'MA5602', 'MA5501', 'MA5900'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'ORT', async () => {
      const session = await FlatTable.root(r);
      const ortVersion = await session.string(0, 64);
      const model = await session.table(1);
      if (!model) throw new FormatError('the session has no model');
      const opsets = await model.vector(1, 4);
      const domains: string[] = [];
      for (let i = 0; i < (opsets?.length ?? 0); i++)
        domains.push((await (await model.tableAt(opsets!.start, i)).string(0, 256)) ?? '');
      const producer = await model.string(2, 256);
      const props = await model.vector(9, 4);
      for (let i = 0; i < (props?.length ?? 0) && i < 1000; i++) {
        const e = await model.tableAt(props!.start, i);
        const value = (await e.string(1, 65536)) ?? '';
        for (const s of findSecrets(value))
          ctx.report({
            ruleId: 'MA5501',
            message: `${s.kind} in ORT metadata ${(await e.string(0, 128)) ?? ''}`,
            evidence: s.masked,
          });
      }
      const seen = new Map<string, number>();
      let nodes = 0;
      const walk = async (graph: FlatTable, depth: number): Promise<void> => {
        if (depth > MAX_GRAPH_DEPTH)
          throw new FormatError(`subgraphs nested deeper than ${MAX_GRAPH_DEPTH}`);
        const list = await graph.vector(2, 4);
        for (let i = 0; i < (list?.length ?? 0); i++) {
          if (++nodes > MAX_NODES) throw new FormatError(`more than ${MAX_NODES} nodes`);
          if (nodes % 4096 === 0) ctx.checkpoint();
          const node = await graph.tableAt(list!.start, i);
          const domain = (await node.string(2, 256)) ?? '';
          const op = (await node.string(5, 256)) ?? '';
          if (!STANDARD_DOMAINS.has(domain)) {
            const key = `${domain}::${op}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
          }
          const attrs = await node.vector(10, 4);
          for (let a = 0; a < (attrs?.length ?? 0); a++) {
            const attr = await node.tableAt(attrs!.start, a);
            const g = await attr.table(7);
            if (g) await walk(g, depth + 1);
            const gs = await attr.vector(12, 4);
            for (let k = 0; k < (gs?.length ?? 0); k++)
              await walk(await attr.tableAt(gs!.start, k), depth + 1);
          }
        }
      };
      const graph = await model.table(7);
      if (graph) await walk(graph, 0);
      reportDomains(seen, ctx);
      ctx.detail('ort', { ortVersion, producer, opsetDomains: domains, nodes });
    });
  },
};

function reportDomains(seen: Map<string, number>, ctx: ScanContext): void {
  for (const [key, count] of seen) {
    const [domain, op] = key.split('::') as [string, string];
    if (domain === 'ai.onnx.contrib' && /^Py/.test(op))
      ctx.report({
        ruleId: 'MA5602',
        message: `operator ${op} of onnxruntime-extensions (used ${count}×) calls a Python function registered by the application`,
        evidence: key,
      });
    else
      ctx.report({
        ruleId: 'MA5601',
        message: `operator ${op} in custom domain ${JSON.stringify(domain)} (used ${count}×) needs a custom-op library registered with the session`,
        evidence: key,
      });
  }
}
