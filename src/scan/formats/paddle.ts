/**
 * PaddlePaddle: `.pdmodel` programs (protobuf ProgramDesc) and `.pdiparams` weights (a run of
 * serialized LoDTensors). `.pdparams`/`.pdopt` are pickles and go to the pickle scanner by
 * content. Program operators that run Python callbacks or touch files are reported.
 */
import type { Scanner } from '../base.js';
import { FormatError, PagedReader } from '../../io/paged.js';
import { protoFields, protoString } from '../../io/protobuf/fields.js';
import { parseStructure } from './common/structure.js';

const DANGEROUS_OPS: Record<string, string> = {
  py_func: 'calls a Python function registered in the loading process',
  save: 'writes a file',
  save_combine: 'writes a file',
  load: 'reads a file named in the program',
  load_combine: 'reads a file named in the program',
  print: 'writes to standard streams',
};
const MAX_OPS = 5_000_000;

export const paddleProgramScanner: Scanner = {
  id: 'paddle-program',
  formats: ['paddle-program'],
  rules: ['MA5602', 'MA5900'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'PaddlePaddle program', async () => {
      const types = new Map<string, number>();
      let ops = 0;
      for await (const block of protoFields(r, 0, r.size)) {
        if (block.field !== 1 || block.wire !== 2) continue;
        for await (const f of protoFields(r, block.start, block.start + block.length)) {
          if (f.field !== 4 || f.wire !== 2) continue;
          if (++ops > MAX_OPS) throw new FormatError(`more than ${MAX_OPS} operators`);
          if (ops % 4096 === 0) ctx.checkpoint();
          for await (const o of protoFields(r, f.start, f.start + f.length)) {
            if (o.field === 3 && o.wire === 2) {
              const t = await protoString(r, o, 256);
              types.set(t, (types.get(t) ?? 0) + 1);
            }
          }
        }
      }
      for (const [t, n] of types)
        if (DANGEROUS_OPS[t])
          ctx.report({
            ruleId: 'MA5602',
            message: `PaddlePaddle operator ${t} (${n}×) ${DANGEROUS_OPS[t]}`,
            evidence: t,
          });
      ctx.detail('paddle', { operators: ops, types: [...types.keys()].slice(0, 200) });
    });
  },
};

const DTYPE_SIZES: Record<number, number> = {
  0: 1,
  1: 2,
  2: 4,
  3: 8,
  4: 2,
  5: 4,
  6: 8,
  20: 1,
  21: 1,
  22: 2,
  23: 8,
  24: 16,
};

export const paddleParamsScanner: Scanner = {
  id: 'paddle-params',
  formats: ['paddle-params'],
  rules: ['MA5900'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'PaddlePaddle parameters', async () => {
      let pos = 0;
      let tensors = 0;
      while (pos < r.size) {
        if (++tensors % 1024 === 0) ctx.checkpoint();
        if ((await r.u32(pos)) !== 0)
          throw new FormatError(`tensor ${tensors} at ${pos} has version ${await r.u32(pos)}`);
        const lodLevels = await r.u64(pos + 4);
        pos += 12;
        if (lodLevels > 64) throw new FormatError(`tensor with ${lodLevels} LoD levels`);
        for (let i = 0; i < lodLevels; i++) pos += 8 + (await r.u64(pos));
        if ((await r.u32(pos)) !== 0) throw new FormatError(`tensor description version at ${pos}`);
        const descSize = await r.i32(pos + 4);
        if (descSize < 0 || pos + 8 + descSize > r.size)
          throw new FormatError(`tensor description of ${descSize} bytes at ${pos}`);
        let dtype = -1;
        let numel = 1;
        for await (const f of protoFields(r, pos + 8, pos + 8 + descSize)) {
          if (f.field === 1 && f.wire === 0) dtype = f.value!;
          else if (f.field === 2 && f.wire === 0) numel *= f.value!;
          else if (f.field === 2 && f.wire === 2) {
            for (let p = f.start; p < f.start + f.length;) {
              let v = 0;
              let scale = 1;
              for (;;) {
                const b = await r.u8(p++);
                v += (b & 0x7f) * scale;
                scale *= 128;
                if (!(b & 0x80)) break;
              }
              numel *= v;
            }
          }
        }
        const size = DTYPE_SIZES[dtype];
        if (size === undefined) throw new FormatError(`tensor of unknown data type ${dtype}`);
        pos += 8 + descSize + numel * size;
        if (!Number.isSafeInteger(pos) || pos > r.size)
          throw new FormatError(`tensor ${tensors} runs past the end of the file`);
      }
      ctx.detail('paddleParams', { tensors });
    });
  },
};
