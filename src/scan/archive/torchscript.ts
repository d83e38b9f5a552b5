/**
 * TorchScript archives (torch.jit.save): pickles (data.pkl, constants.pkl, debug pickles) read by
 * the TorchScript unpickler, whose `__torch__.*` classes resolve to the archive's own compiled
 * code rather than Python imports; and that code (code/**.py), checked for what TorchScript can
 * reach outside the model: native libraries, files, further deserialization, custom operators.
 */
import { analyzePickle } from '../pickle/analyze.js';
import { probePickle } from '../../analysis/pickle/probe.js';
import type { ScanContext, ScanTarget } from '../base.js';
import type { FindingInput } from '../../findings/finding.js';
import type { ArchiveEntry, ArchiveLayout } from '../base.js';
import { findingMember, subContext } from './members.js';
import { archiveFolder, storageKeysOf, tieStorages, vouchForMetadata } from './pytorch.js';
import type { ContainerView } from './view.js';

const MAX_CODE = 16 * 1024 * 1024;

/** Operator namespaces PyTorch itself registers. */
const BUILTIN_NAMESPACES = new Set([
  'aten',
  'prim',
  'prims',
  'quantized',
  '_quantized',
  'quantized_decomposed',
  '_caffe2',
  'profiler',
  'cuda',
  'mkldnn',
  'mkl',
  'sparse',
  'fbgemm',
  'c10d',
  '_c10d_functional',
  '_c10d_functional_autograd',
  '_dtensor',
  'onnx',
  'prepacked',
  'xnnpack',
  '_nnapi',
  'metal',
  'vulkan_prepack',
  'rngprims',
  'higher_order',
  'inductor',
  'fx',
  'debugprims',
  '_prims',
  'cpu',
  'mps',
  'quantized_ops',
]);

interface CodeRule {
  readonly re: RegExp;
  readonly what: string;
}

/** What TorchScript code must never do in a model: reach native code, files or other loaders. */
const DANGEROUS: readonly CodeRule[] = [
  { re: /\bload_library\b/, what: 'loads a native library' },
  { re: /\bfrom_file\b/, what: 'reads a file into a tensor or storage' },
  { re: /\bto_file\b/, what: 'writes a file' },
  {
    re: /\btorch\.(?:save|load)\s*\(|\bops\.aten\.(?:save|load)\b/,
    what: 'serializes or deserializes a file',
  },
  { re: /\btorch\.hub\b/, what: 'downloads code or weights' },
  {
    re: /\b(?:os|posix|nt|subprocess|sys|builtins|importlib|socket|shutil|pty|runpy|ctypes|pickle|marshal|urllib|requests)\s*\.\s*[A-Za-z_]/,
    what: 'names a Python module TorchScript never compiles',
  },
  {
    re: /(?<![.\w])(?:eval|exec|compile|__import__|open)\s*\(/,
    what: 'calls a Python builtin TorchScript never compiles',
  },
];

function isTorchScript(entries: readonly ArchiveEntry[], folder: string): boolean {
  return entries.some(
    (e) => e.name === `${folder}/constants.pkl` || e.name.startsWith(`${folder}/code/`),
  );
}

/** Checks TorchScript source text; reports each dangerous call once per rule. */
export function checkTorchScriptCode(text: string, member: string, ctx: ScanContext): void {
  const lines = text.split('\n');
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const code = line.replace(/#.*$/, '');
    for (const rule of DANGEROUS) {
      const m = rule.re.exec(code);
      if (!m || seen.has(rule.what)) continue;
      seen.add(rule.what);
      ctx.report({
        ruleId: 'MA3017',
        message: `TorchScript code ${rule.what}: ${m[0].trim()}`,
        evidence: line.trim().slice(0, 200),
        line: i + 1,
        member,
      });
    }
    for (const m of code.matchAll(/\bops\.([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const ns = m[1]!;
      if (BUILTIN_NAMESPACES.has(ns) || seen.has(`ns:${ns}`)) continue;
      seen.add(`ns:${ns}`);
      ctx.report({
        ruleId: 'MA3018',
        message: `TorchScript code calls torch.ops.${ns}.${m[2]}, an operator from a native extension library`,
        evidence: line.trim().slice(0, 200),
        line: i + 1,
        member,
      });
    }
  });
}

/**
 * The verdict on an operator a compiled method calls by name (aten::add, my_ext::op), as for the
 * same call written in TorchScript code: an operator that reaches files or native libraries, or
 * one outside PyTorch's own namespaces.
 */
export function judgeOperator(
  ns: string,
  op: string,
): { readonly ruleId: 'MA3017' | 'MA3018'; readonly what: string } | undefined {
  const call = `torch.ops.${ns}.${op}(`;
  for (const rule of DANGEROUS)
    if (rule.re.test(call)) return { ruleId: 'MA3017', what: rule.what };
  if (!BUILTIN_NAMESPACES.has(ns))
    return { ruleId: 'MA3018', what: 'is an operator from a native extension library' };
  return undefined;
}

/**
 * Findings about names the TorchScript unpickler resolves itself: `__torch__.*` classes (the
 * archive's own compiled code, checked above) and the `torch.jit._pickle` list builders it
 * implements natively. Every other finding stands.
 */
function keepTorchScriptFinding(f: FindingInput): boolean {
  const ev = f.evidence ?? '';
  if ((f.ruleId === 'MA2005' || f.ruleId === 'MA2006') && ev.startsWith('__torch__.')) return false;
  if (
    ['MA2003', 'MA2004', 'MA2005', 'MA2006'].includes(f.ruleId) &&
    /^torch\.jit\._pickle\.(build_(int|double|bool|tensor|generic)list|restore_type_tag|build_tensor_from_id)\b/.test(
      ev,
    )
  )
    return false;
  return true;
}

export const torchScriptLayout: ArchiveLayout & {
  matchesNames(e: readonly ArchiveEntry[]): boolean;
} = {
  format: 'torchscript',
  matchesNames(entries) {
    const folder = archiveFolder(entries);
    return folder !== undefined && isTorchScript(entries, folder);
  },
  matches(entries) {
    return this.matchesNames(entries);
  },
  async scan(archive, target, ctx) {
    const view = archive as ContainerView;
    const folder = archiveFolder(view.entries)!;
    let pickles = 0;
    let codeFiles = 0;
    let storages = 0;
    for (const e of view.entries) {
      if (e.isDirectory) continue;
      ctx.checkpoint();
      if (e.name.startsWith(`${folder}/code/`) && /\.py$/.test(e.name)) {
        codeFiles++;
        view.markScanned(e.name);
        let text: string;
        try {
          text = await view.readText(e.name, MAX_CODE);
        } catch (err) {
          ctx.report({
            ruleId: 'MA3012',
            message: `TorchScript code member could not be read: ${err instanceof Error ? err.message : String(err)}`,
            evidence: e.name,
            member: findingMember(target, e.name),
          });
          continue;
        }
        checkTorchScriptCode(text, findingMember(target, e.name), ctx);
        continue;
      }
      if (
        !e.name.startsWith(`${folder}/`) ||
        e.name.startsWith(`${folder}/data/`) ||
        e.name.startsWith(`${folder}/constants/`)
      )
        continue;
      let t: ScanTarget;
      try {
        t = await (e as { open(): Promise<ScanTarget> }).open();
      } catch {
        continue; // the generic pass reports unreadable members
      }
      if (!(await probePickle(t.head, t.size !== undefined && t.head.length >= t.size))) continue;
      view.markScanned(e.name);
      pickles++;
      await analyzePickle(
        t,
        subContext(ctx, { member: findingMember(target, e.name), keep: keepTorchScriptFinding }),
      );
      const own = /^[^/]+\/([^/]+)\.pkl$/.exec(e.name)?.[1];
      if (own) {
        // Tensors of <name>.pkl live in <name>/ (data/, constants/, traced_inputs/…) or .data/.
        const keys = await storageKeysOf(t, ctx);
        storages += tieStorages(view, folder, [own, '.data'], keys, e.name, target, ctx).tied;
      }
    }
    await vouchForMetadata(view, folder);
    ctx.detail('torchscript', { archiveFolder: folder, pickles, codeFiles, storages });
    return 'continue';
  },
};
