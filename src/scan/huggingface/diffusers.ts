/**
 * diffusers `model_index.json`: each component is `[library, class]`. diffusers imports the
 * library by name (`importlib.import_module`), so a library outside diffusers/transformers
 * runs that module's code; a library named after a .py file in the component folder, or a
 * `_class_name` given as `[module, class]`, is custom code loaded with trust_remote_code.
 */
import type { ScanContext, ScanTarget } from '../base.js';
import { hasNeighbourhood } from '../formats/common/read.js';
import { judgeReference } from '../formats/common/refs.js';
import { checkCustomCode, parseClassReference, type CodeRef } from './custom-code.js';

/** Pipeline modules of diffusers that model indexes name as libraries (diffusers.pipelines.X). */
const DIFFUSERS_PIPELINE_MODULES = new Set([
  'stable_diffusion',
  'stable_diffusion_xl',
  'stable_diffusion_safe',
  'stable_diffusion_3',
  'stable_diffusion_2',
  'controlnet',
  'controlnet_xs',
  'deepfloyd_if',
  'kandinsky',
  'kandinsky2_2',
  'kandinsky3',
  'unclip',
  'alt_diffusion',
  'latent_diffusion',
  'paint_by_example',
  'versatile_diffusion',
  'wuerstchen',
  'stable_cascade',
  'audioldm',
  'audioldm2',
  'shap_e',
  'blip_diffusion',
  'semantic_stable_diffusion',
  'pixart_alpha',
  'flux',
  'deprecated',
  'pipeline_utils',
  'onnx_utils',
]);

const KNOWN_LIBRARIES = new Set([
  'diffusers',
  'transformers',
  'onnxruntime',
  'onnxruntime.training',
  'peft',
]);

export async function checkDiffusersIndex(
  index: Record<string, unknown>,
  target: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  const local = hasNeighbourhood(target);
  const refs: CodeRef[] = [];
  const cls = index._class_name;
  if (Array.isArray(cls) && typeof cls[0] === 'string' && typeof cls[1] === 'string') {
    const r = parseClassReference('_class_name', `${cls[0]}.${cls[1]}`);
    if (r) refs.push(r);
  }
  if (typeof index.custom_pipeline === 'string') {
    const r = parseClassReference('custom_pipeline', index.custom_pipeline);
    if (r) refs.push(r);
  }
  for (const [component, spec] of Object.entries(index)) {
    if (component.startsWith('_') || !Array.isArray(spec) || spec.length !== 2) continue;
    const [library, className] = spec as unknown[];
    if (library === null || library === undefined) continue;
    if (typeof library !== 'string' || typeof className !== 'string') {
      ctx.report({
        ruleId: 'MA5307',
        message: `model_index.json: component ${component} is not [library, class]`,
        evidence: JSON.stringify(spec).slice(0, 80),
      });
      continue;
    }
    if (KNOWN_LIBRARIES.has(library) || DIFFUSERS_PIPELINE_MODULES.has(library)) continue;
    // A module file beside the component's weights is custom component code (also when it
    // is a link leading out of the model, which the custom-code check reports).
    const module = local ? await ctx.sibling(`${component}/${library}.py`) : undefined;
    if (module && (module.kind === 'file' || module.linksOutside)) {
      const r = parseClassReference(`${component}`, `${library}.${className}`, component);
      if (r) refs.push(r);
      continue;
    }
    const ref = `${library}.${className}`;
    const v = judgeReference(ref);
    if (v.level === 'dangerous')
      ctx.report({
        ruleId: 'MA5308',
        message: `model_index.json: component ${component} makes diffusers import ${ref}: ${v.reason}`,
        evidence: ref,
      });
    else if (v.level === 'unknown' || !/^[a-z_][a-z0-9_.]*$/.test(library))
      ctx.report({
        ruleId: 'MA5309',
        message: `model_index.json: component ${component} is loaded from library ${library}, outside diffusers and transformers${v.level === 'unknown' ? ` (${v.reason})` : ''}`,
        evidence: ref,
      });
  }
  await checkCustomCode(refs, target, ctx, 'model_index.json (custom pipeline or components)');
}
