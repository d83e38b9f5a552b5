/**
 * Code that metadata makes a loader import: `auto_map` class references, custom pipelines and
 * components, handler and loader modules. Each reference is checked for paths that leave the
 * model directory and for code living elsewhere; local module files (and the sibling modules
 * they import relatively, which transformers copies along) are analysed, and the dangerous
 * calls they make are summarised on the metadata file that pulls them in.
 */
import { getRule } from '../../rules/registry.js';
import type { ScanContext, ScanTarget } from '../base.js';
import { decodeUtf8, escapeReason, hasNeighbourhood } from '../formats/common/read.js';
import { analyzePython } from '../../analysis/python/analyze.js';
import { MAX_PYTHON_SOURCE } from '../python/scanner.js';

export interface CodeRef {
  /** Where the reference sits, e.g. "auto_map.AutoModel". */
  readonly key: string;
  /** The reference as written. */
  readonly raw: string;
  /** Module path relative to the model directory, without ".py". */
  readonly module: string;
  /** Repository holding the code when it is not this one ("org/repo--module.Class"). */
  readonly repo?: string;
  /** Sub-directory the module lives in (diffusers components). */
  readonly subdir?: string;
}

/** Parses "module.Class" or "org/repo--module.Class"; undefined when it is not a reference. */
export function parseClassReference(
  key: string,
  raw: string,
  subdir?: string,
): CodeRef | undefined {
  let ref = raw.trim();
  if (!ref) return undefined;
  let repo: string | undefined;
  const dash = ref.indexOf('--');
  if (dash > 0) {
    repo = ref.slice(0, dash);
    ref = ref.slice(dash + 2);
  }
  const dot = ref.lastIndexOf('.');
  const module = dot > 0 ? ref.slice(0, dot) : ref;
  return { key, raw, module, ...(repo ? { repo } : {}), ...(subdir ? { subdir } : {}) };
}

const MAX_FILES = 24;

export async function checkCustomCode(
  refs: readonly CodeRef[],
  target: ScanTarget,
  ctx: ScanContext,
  what: string,
): Promise<void> {
  if (!refs.length) return;
  const shown = refs.slice(0, 6).map((r) => `${r.key} → ${r.raw}`);
  ctx.report({
    ruleId: 'MA5301',
    message: `${what} makes the loader import Python code shipped with the model: ${shown.join('; ')}${refs.length > 6 ? ` (+${refs.length - 6} more)` : ''}`,
    evidence: refs
      .map((r) => r.raw)
      .slice(0, 6)
      .join(', '),
  });
  const local = hasNeighbourhood(target);
  const toAnalyse: string[] = [];
  const reported = new Set<string>();
  for (const r of refs) {
    const modulePath =
      r.module.includes('/') || r.module.includes('\\') ? r.module : r.module.replace(/\./g, '/');
    const escape =
      escapeReason(modulePath) ??
      (/[\\/]/.test(r.module) ? 'contains a path separator' : undefined);
    if (escape) {
      ctx.report({
        ruleId: 'MA5304',
        message: `${r.key} names module ${JSON.stringify(r.module)}, which ${escape}: the loader would import code from outside the model`,
        evidence: r.raw,
      });
      continue;
    }
    if (r.repo) {
      if (!reported.has(r.raw)) {
        reported.add(r.raw);
        ctx.report({
          ruleId: 'MA5302',
          message: `${r.key} loads code from another repository (${r.repo}); it is fetched at load time and was not scanned`,
          evidence: r.raw,
        });
      }
      continue;
    }
    if (!local) continue;
    const file = `${r.subdir ? `${r.subdir}/` : ''}${modulePath}.py`;
    const entry = await ctx.sibling(file);
    if (entry?.linksOutside) {
      if (!reported.has(file)) {
        reported.add(file);
        ctx.report({
          ruleId: 'MA5304',
          message: `${r.key} refers to ${file}, a symbolic link leading out of the model directory: the loader would import code from there, which was not scanned`,
          evidence: entry.linkTarget ? `${file} -> ${entry.linkTarget}` : r.raw,
        });
      }
      continue;
    }
    if (entry?.kind !== 'file') {
      if (!reported.has(file)) {
        reported.add(file);
        ctx.report({
          ruleId: 'MA5302',
          message: `${r.key} refers to ${file}, which is not in the directory: it was not scanned (loaders fetch it from the hub or the environment)`,
          evidence: r.raw,
        });
      }
      continue;
    }
    if (!toAnalyse.includes(file)) toAnalyse.push(file);
  }
  if (!local || !toAnalyse.length) return;

  const dangerous: string[] = [];
  for (let i = 0; i < toAnalyse.length && i < MAX_FILES; i++) {
    ctx.checkpoint();
    const file = toAnalyse[i]!;
    const buf = await (await ctx.sibling(file))?.read(MAX_PYTHON_SOURCE);
    const text = buf && (decodeUtf8(buf) ?? buf.toString('latin1'));
    if (text === undefined) continue;
    const a = analyzePython(text);
    for (const f of a.findings) {
      if (getRule(f.ruleId).severity === 'ERROR') dangerous.push(`${file}:${f.line} ${f.evidence}`);
    }
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const rel of a.relativeImports) {
      const next = `${base}${rel}.py`;
      if (!toAnalyse.includes(next) && (await ctx.sibling(next))?.kind === 'file')
        toAnalyse.push(next);
    }
  }
  ctx.detail('customCode', { files: toAnalyse.slice(0, MAX_FILES) });
  if (dangerous.length) {
    ctx.report({
      ruleId: 'MA5303',
      message: `custom code imported through ${what} makes dangerous calls: ${dangerous.slice(0, 8).join('; ')}${dangerous.length > 8 ? ` (+${dangerous.length - 8} more)` : ''}`,
      evidence: dangerous.slice(0, 3).join(', '),
    });
  }
}
