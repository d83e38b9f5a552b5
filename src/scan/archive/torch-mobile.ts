/**
 * TorchScript mobile models saved as a flatbuffer (file identifier "PTMF"; torch.jit's
 * _save_for_lite_interpreter with the flatbuffer format, upgrader models .ptl.ff), which
 * torch.jit.mobile._load_for_lite_interpreter runs. Unlike the zip form there is no pickle: the
 * module is a table of compiled functions whose instructions call operators by name, object
 * types, constants, the TorchScript source (jit_sources) and extra files. Operators and source are
 * judged as in a TorchScript zip (MA3017, MA3018), custom classes by their namespace, and extra
 * files are scanned as members. Tensor storage is skipped.
 */
import type { ScanContext, ScanTarget, Scanner } from '../base.js';
import { FlatTable, FormatError, PagedReader } from '../../io/paged.js';
import { BufferSource } from '../../io/source.js';
import { parseStructure } from '../formats/common/structure.js';
import { storedMember } from './members.js';
import { checkTorchScriptCode, judgeOperator } from './torchscript.js';

/** Flatbuffer file identifier at bytes 4–8. */
export function isTorchMobileFlatbuffer(head: Buffer): boolean {
  return head.length >= 16 && head.toString('latin1', 4, 8) === 'PTMF';
}

// Field indexes of mobile_bytecode.fbs (torch/csrc/jit/serialization).
const MODULE = { bytecodeVersion: 0, extraFiles: 1, ivalues: 4, objectTypes: 7, jitSources: 8 };
const IVALUE = { type: 0, value: 1 };
const IVALUE_FUNCTION = 16;
const FUNCTION = { qn: 0, operators: 2 };
const OPERATOR = { name: 0, overload: 1 };
const OBJECT_TYPE = { name: 0, type: 1 };
const CUSTOM_CLASS = 2;
const EXTRA_FILE = { name: 0, content: 1 };

const MAX_SOURCE = 16 * 1024 * 1024;
/** Namespaces of TorchBind classes PyTorch registers itself (torch.classes.<ns>.<Class>). */
const BUILTIN_CLASS_NAMESPACES = new Set([
  'quantized',
  'xnnpack',
  'mkldnn',
  'metal',
  'vulkan',
  'sparse',
  'dist_c10d',
  'c10d',
  'profiler',
  'cuda',
  'torch',
  'aten',
]);

export const torchMobileScanner: Scanner = {
  id: 'torch-mobile',
  formats: ['torch-mobile-flatbuffer'],
  rules: ['MA3017', 'MA3018', 'MA5900', 'MA1002'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    const found = { functions: 0, operators: 0, objectTypes: 0, sources: 0, extraFiles: 0 };
    const extras: { name: string; content: Buffer }[] = [];
    let version = 0;
    await parseStructure(ctx, 'TorchScript mobile flatbuffer', async () => {
      const module = await FlatTable.root(r);
      version = await module.u32(MODULE.bytecodeVersion);
      const reported = new Set<string>();
      const ivalues = await module.vector(MODULE.ivalues, 4);
      for (let i = 0; i < (ivalues?.length ?? 0); i++) {
        if (i % 1024 === 0) ctx.checkpoint();
        const iv = await module.tableAt(ivalues!.start, i);
        if ((await iv.u8(IVALUE.type)) !== IVALUE_FUNCTION) continue;
        const fn = await iv.table(IVALUE.value);
        if (!fn) throw new FormatError(`function ivalue ${i} has no table`);
        found.functions++;
        const qn = (await fn.string(FUNCTION.qn, 512)) ?? '';
        const ops = await fn.vector(FUNCTION.operators, 4);
        for (let j = 0; j < (ops?.length ?? 0); j++) {
          found.operators++;
          const op = await fn.tableAt(ops!.start, j);
          const name = (await op.string(OPERATOR.name, 512)) ?? '';
          const sep = name.indexOf('::');
          const ns = sep > 0 ? name.slice(0, sep) : '';
          const verdict = judgeOperator(ns, sep > 0 ? name.slice(sep + 2) : name);
          if (!verdict || reported.has(name)) continue;
          reported.add(name);
          const overload = (await op.string(OPERATOR.overload, 256)) ?? '';
          ctx.report({
            ruleId: verdict.ruleId,
            message: `compiled method ${qn || '(unnamed)'} calls the operator ${name}${overload ? `.${overload}` : ''}, which ${verdict.what}`,
            evidence: name,
          });
        }
      }
      const types = await module.vector(MODULE.objectTypes, 4);
      for (let i = 0; i < (types?.length ?? 0); i++) {
        found.objectTypes++;
        const t = await module.tableAt(types!.start, i);
        if ((await t.u8(OBJECT_TYPE.type)) !== CUSTOM_CLASS) continue;
        const name = (await t.string(OBJECT_TYPE.name, 512)) ?? '';
        const ns = /(?:^|\.)classes\.([A-Za-z0-9_]+)\./.exec(name)?.[1] ?? '';
        if (BUILTIN_CLASS_NAMESPACES.has(ns) || reported.has(name)) continue;
        reported.add(name);
        ctx.report({
          ruleId: 'MA3018',
          message: `the model holds an object of the custom class ${name}, which a native extension library must register`,
          evidence: name,
        });
      }
      const sources = await module.vector(MODULE.jitSources, 4);
      for (let i = 0; i < (sources?.length ?? 0); i++) {
        found.sources++;
        const f = await module.tableAt(sources!.start, i);
        const name = (await f.string(EXTRA_FILE.name, 512)) ?? `source ${i}`;
        const text = (await f.string(EXTRA_FILE.content, MAX_SOURCE)) ?? '';
        checkTorchScriptCode(text, name, ctx);
      }
      const files = await module.vector(MODULE.extraFiles, 4);
      for (let i = 0; i < (files?.length ?? 0); i++) {
        found.extraFiles++;
        const f = await module.tableAt(files!.start, i);
        const name = (await f.string(EXTRA_FILE.name, 512)) ?? `extra file ${i}`;
        const content = await flatBytes(f, EXTRA_FILE.content, ctx.limits.maxInMemoryBytes);
        if (content !== 'too large') {
          if (content) extras.push({ name, content });
        } else
          ctx.report({
            ruleId: 'MA1002',
            message: `extra file ${JSON.stringify(name)} is larger than the in-memory limit and was not scanned`,
            evidence: 'maxInMemoryBytes',
          });
      }
    });
    for (const e of extras) await scanExtra(target, e.name, e.content, ctx);
    ctx.detail('torchMobile', { bytecodeVersion: version, ...found });
  },
};

/** The bytes of a string/[ubyte] field, or undefined when absent. */
async function flatBytes(
  t: FlatTable,
  index: number,
  max: number,
): Promise<Buffer | undefined | 'too large'> {
  const v = await t.vector(index, 1);
  if (!v) return undefined;
  return v.length > max ? 'too large' : t.r.bytes(v.start, v.length);
}

async function scanExtra(
  target: ScanTarget,
  name: string,
  content: Buffer,
  ctx: ScanContext,
): Promise<void> {
  const member = await storedMember(target, `extra/${name}`, new BufferSource(content), ctx.limits);
  await ctx.scanMember(member);
}
