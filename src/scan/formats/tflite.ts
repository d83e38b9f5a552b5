/**
 * TensorFlow Lite flatbuffers ("TFL3"). Builtin operators are kernels of the runtime; custom
 * operators need an implementation registered by the application, and Flex ("select TF")
 * operators run TensorFlow kernels, some of which read and write files or call Python.
 */
import type { Scanner } from '../base.js';
import { FlatTable, FormatError, PagedReader } from '../../io/paged.js';
import { parseStructure } from './common/structure.js';

const CUSTOM = 32;
const MAX_OPERATORS = 2_000_000;

/** Custom operators the stock TFLite interpreter registers itself. */
const STOCK_CUSTOM_OPS = new Set([
  'TFLite_Detection_PostProcess',
  'Mfcc',
  'AudioSpectrogram',
  'NumericVerify',
]);

/** TensorFlow ops that touch files, the network or Python: dangerous as Flex ops. */
export const DANGEROUS_TF_OPS = new Set([
  'ReadFile',
  'WriteFile',
  'MatchingFiles',
  'PyFunc',
  'PyFuncStateless',
  'EagerPyFunc',
  'Save',
  'SaveV2',
  'SaveSlices',
  'Restore',
  'RestoreV2',
  'RestoreSlice',
  'MergeV2Checkpoints',
  'ShardedFilename',
  'PrintV2',
  'WholeFileReader',
  'WholeFileReaderV2',
  'TextLineReader',
  'TextLineReaderV2',
  'FixedLengthRecordReader',
  'FixedLengthRecordReaderV2',
  'TFRecordReader',
  'TFRecordReaderV2',
  'LMDBReader',
  'ReaderReadV2',
  'ReaderRead',
  'ImmutableConst',
  'CreateSummaryFileWriter',
  'WriteSummary',
  'DebugIdentity',
  'DebugIdentityV2',
  'DebugNanCount',
  'DebugNumericSummary',
  'ExecuteTPUEmbeddingPartitioner',
  'LoadAndRemapMatrix',
  'DecodeProtoV2',
  'EncodeProto',
]);

export const tfliteScanner: Scanner = {
  id: 'tflite',
  formats: ['tflite'],
  rules: ['MA5601', 'MA5602', 'MA5900'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'TFLite', async () => {
      const model = await FlatTable.root(r);
      const version = await model.u32(0);
      const codes = await model.vector(1, 4);
      const ops: { custom?: string; builtin: number }[] = [];
      for (let i = 0; i < (codes?.length ?? 0); i++) {
        const c = await model.tableAt(codes!.start, i);
        const deprecated = await c.u8(0);
        const builtin = Math.max(deprecated, await c.i32(3));
        const custom = await c.string(1, 512);
        ops.push({ builtin, ...(custom !== undefined ? { custom } : {}) });
      }
      const used = new Map<number, number>();
      const subgraphs = await model.vector(2, 4);
      let operators = 0;
      for (let s = 0; s < (subgraphs?.length ?? 0); s++) {
        ctx.checkpoint();
        const sg = await model.tableAt(subgraphs!.start, s);
        const list = await sg.vector(3, 4);
        for (let k = 0; k < (list?.length ?? 0); k++) {
          if (++operators > MAX_OPERATORS)
            throw new FormatError(`more than ${MAX_OPERATORS} operators`);
          const op = await sg.tableAt(list!.start, k);
          const idx = await op.u32(0);
          if (idx >= ops.length)
            throw new FormatError(
              `operator ${k} of subgraph ${s} uses opcode ${idx} of ${ops.length}`,
            );
          used.set(idx, (used.get(idx) ?? 0) + 1);
          if (k % 4096 === 0) ctx.checkpoint();
        }
      }
      const buffers = await model.vector(4, 4);
      for (let b = 0; b < (buffers?.length ?? 0); b++) {
        const buf = await model.tableAt(buffers!.start, b);
        const off = await buf.field(1);
        const size = await buf.field(2);
        if (off !== undefined && size !== undefined) {
          const o = await r.u64(off);
          const n = await r.u64(size);
          if (o > 1 && o + n > r.size)
            throw new FormatError(`buffer ${b} (${n} bytes at ${o}) lies outside the file`);
        }
        if (b % 4096 === 0) ctx.checkpoint();
      }
      const customOps: string[] = [];
      for (const [idx, count] of used) {
        const op = ops[idx]!;
        if (op.builtin !== CUSTOM) continue;
        const name = op.custom ?? '';
        customOps.push(name);
        if (name.startsWith('Flex')) {
          const tfOp = name.slice(4);
          if (DANGEROUS_TF_OPS.has(tfOp))
            ctx.report({
              ruleId: 'MA5602',
              message: `TFLite Flex operator ${tfOp} (used ${count}×) runs a TensorFlow kernel that touches files or runs Python`,
              evidence: name,
            });
          continue;
        }
        if (STOCK_CUSTOM_OPS.has(name)) continue;
        ctx.report({
          ruleId: 'MA5601',
          message: `TFLite custom operator ${JSON.stringify(name)} (used ${count}×) needs an implementation registered by the application`,
          evidence: name || '(unnamed custom op)',
        });
      }
      ctx.detail('tflite', {
        version,
        opcodes: ops.length,
        operators,
        subgraphs: subgraphs?.length ?? 0,
        customOps,
      });
    });
  },
};
