/**
 * ExecuTorch programs (.pte, flatbuffer "ET12"). Operators name kernels compiled into the
 * runtime; kernels outside the standard namespaces and backend delegates outside the known
 * backends need code the application links in. Segment offsets must stay inside the file.
 */
import type { Scanner } from '../base.js';
import { FlatTable, FormatError, PagedReader } from '../../io/paged.js';
import { parseStructure } from './common/structure.js';

const STANDARD_NAMESPACES = new Set([
  'aten',
  'quantized_decomposed',
  'dim_order_ops',
  'executorch_prim',
  'llama',
  'torchao',
  'quantized',
  'et_vk',
  'cadence',
  'tosa',
  'mps',
  'qaisw',
  'sdpa',
  'custom_sdpa',
  'update_cache',
  'executorch',
  'prim',
]);
const KNOWN_BACKENDS = new Set([
  'XnnpackBackend',
  'CoreMLBackend',
  'MPSBackend',
  'QnnBackend',
  'VulkanBackend',
  'ArmBackend',
  'EthosUBackend',
  'VgfBackend',
  'CadenceBackend',
  'NeuronBackend',
  'OpenvinoBackend',
  'CudaBackend',
  'MetalBackend',
  'SamsungBackend',
  'EnnBackend',
  'BackendWithCompilerDemo',
]);

export const executorchScanner: Scanner = {
  id: 'executorch',
  formats: ['executorch'],
  rules: ['MA5601', 'MA5900'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'ExecuTorch', async () => {
      // Optional extended header after the identifier: "eh00", length, program size, segment base.
      let segmentBase: number | undefined;
      if (r.size >= 32 && (await r.bytes(8, 4)).toString('latin1') === 'eh00') {
        const programSize = await r.u64(16);
        segmentBase = await r.u64(24);
        if (programSize > r.size || segmentBase > r.size)
          throw new FormatError(
            `extended header declares program ${programSize} and segments at ${segmentBase} in a ${r.size}-byte file`,
          );
      }
      const program = await FlatTable.root(r);
      const plans = await program.vector(1, 4);
      const custom = new Map<string, number>();
      const backends = new Set<string>();
      let operators = 0;
      for (let p = 0; p < (plans?.length ?? 0); p++) {
        const plan = await program.tableAt(plans!.start, p);
        const ops = await plan.vector(6, 4);
        for (let i = 0; i < (ops?.length ?? 0); i++) {
          operators++;
          const op = await plan.tableAt(ops!.start, i);
          const name = (await op.string(0, 256)) ?? '';
          const ns = name.includes('::') ? name.slice(0, name.indexOf('::')) : '';
          if (!STANDARD_NAMESPACES.has(ns)) custom.set(name, (custom.get(name) ?? 0) + 1);
        }
        const delegates = await plan.vector(7, 4);
        for (let i = 0; i < (delegates?.length ?? 0); i++)
          backends.add((await (await plan.tableAt(delegates!.start, i)).string(0, 256)) ?? '');
      }
      const segments = await program.vector(4, 4);
      for (let i = 0; i < (segments?.length ?? 0); i++) {
        const seg = await program.tableAt(segments!.start, i);
        const offPos = await seg.field(0);
        const sizePos = await seg.field(1);
        const off = offPos === undefined ? 0 : await r.u64(offPos);
        const size = sizePos === undefined ? 0 : await r.u64(sizePos);
        if (segmentBase !== undefined && segmentBase + off + size > r.size)
          throw new FormatError(`segment ${i} (${size} bytes at ${off}) lies outside the file`);
      }
      for (const [name, count] of custom)
        ctx.report({
          ruleId: 'MA5601',
          message: `ExecuTorch kernel ${JSON.stringify(name)} (used ${count}×) is outside the standard operator namespaces`,
          evidence: name || '(unnamed)',
        });
      for (const b of backends)
        if (!KNOWN_BACKENDS.has(b))
          ctx.report({
            ruleId: 'MA5601',
            message: `ExecuTorch delegate to backend ${JSON.stringify(b)}, which is not a known backend`,
            evidence: b,
          });
      ctx.detail('executorch', { plans: plans?.length ?? 0, operators, backends: [...backends] });
    });
  },
};
