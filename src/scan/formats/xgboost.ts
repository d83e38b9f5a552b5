/**
 * XGBoost models saved as JSON or UBJSON (`Booster.save_model`). They hold no code; what a
 * crafted file can do is lie to the native loader about its trees: child and feature indices
 * outside their arrays, array lengths that disagree with the declared node counts. Those are
 * reported as malformed structure.
 */
import type { ScanContext } from '../base.js';

type Obj = Record<string, unknown>;
const MAX_REPORTS = 10;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

function asArray(v: unknown): ArrayLike<unknown> | undefined {
  if (Array.isArray(v)) return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return v as unknown as ArrayLike<number>;
  return undefined;
}

function int(v: unknown): number | undefined {
  const n =
    typeof v === 'string'
      ? Number(v)
      : typeof v === 'number'
        ? v
        : typeof v === 'bigint'
          ? Number(v)
          : NaN;
  return Number.isInteger(n) ? n : undefined;
}

export function checkXgboostModel(model: Obj, ctx: ScanContext): void {
  let reports = 0;
  const bad = (message: string, evidence: string): void => {
    if (reports++ < MAX_REPORTS)
      ctx.report({ ruleId: 'MA5900', message: `XGBoost model: ${message}`, evidence });
  };
  const learner = model.learner;
  if (!isObj(learner)) return bad('learner is not an object', typeof learner);
  const params = isObj(learner.learner_model_param) ? learner.learner_model_param : {};
  const numFeature = int(params.num_feature);
  const booster = learner.gradient_booster;
  if (!isObj(booster)) return bad('gradient_booster is missing', 'gradient_booster');
  const name = booster.name;
  ctx.detail('xgboost', {
    booster: name,
    version: model.version,
    numFeature,
    objective: isObj(learner.objective) ? learner.objective.name : undefined,
  });
  const inner = isObj(booster.gbtree) ? booster.gbtree : booster; // dart wraps a gbtree
  const m = isObj(inner.model) ? inner.model : undefined;
  if (name === 'gblinear') {
    const w = asArray(isObj(booster.model) ? booster.model.weights : undefined);
    if (!w) bad('gblinear model without weights', 'weights');
    return;
  }
  if (!m) return bad('tree booster without a model', String(name));
  const trees = asArray(m.trees);
  if (!trees) return bad('trees is not an array', 'trees');
  const declared = isObj(m.gbtree_model_param) ? int(m.gbtree_model_param.num_trees) : undefined;
  if (declared !== undefined && declared !== trees.length)
    bad(`declares ${declared} trees but holds ${trees.length}`, 'gbtree_model_param.num_trees');
  const treeInfo = asArray(m.tree_info);
  if (treeInfo && treeInfo.length !== trees.length)
    bad(`tree_info has ${treeInfo.length} entries for ${trees.length} trees`, 'tree_info');
  for (let t = 0; t < trees.length && reports < MAX_REPORTS; t++) {
    if (t % 256 === 0) ctx.checkpoint();
    const tree = trees[t];
    if (!isObj(tree)) {
      bad(`tree ${t} is not an object`, `trees[${t}]`);
      continue;
    }
    const tp = isObj(tree.tree_param) ? tree.tree_param : {};
    const nodes = int(tp.num_nodes);
    const left = asArray(tree.left_children);
    const right = asArray(tree.right_children);
    const split = asArray(tree.split_indices);
    if (nodes === undefined || nodes < 1 || !left || !right || !split) {
      bad(`tree ${t} lacks num_nodes or its child/split arrays`, `trees[${t}]`);
      continue;
    }
    for (const [key, arr] of [
      ['left_children', left],
      ['right_children', right],
      ['split_indices', split],
      ['split_conditions', asArray(tree.split_conditions)],
      ['default_left', asArray(tree.default_left)],
    ] as const) {
      if (arr && arr.length !== nodes)
        bad(`tree ${t}: ${key} has ${arr.length} entries for ${nodes} nodes`, `trees[${t}].${key}`);
    }
    const treeFeatures = int(tp.num_feature) ?? numFeature;
    const n = Math.min(nodes, left.length, right.length, split.length);
    for (let i = 0; i < n; i++) {
      const l = int(left[i]);
      const r = int(right[i]);
      if (
        l === undefined ||
        r === undefined ||
        l < -1 ||
        r < -1 ||
        l >= nodes ||
        r >= nodes ||
        l === i ||
        r === i
      ) {
        bad(
          `tree ${t} node ${i} points to children ${String(left[i])}/${String(right[i])} outside 0..${nodes - 1}`,
          `trees[${t}].left_children[${i}]`,
        );
        break;
      }
      if (l !== -1) {
        const f = int(split[i]);
        if (f === undefined || f < 0 || (treeFeatures !== undefined && f >= treeFeatures)) {
          bad(
            `tree ${t} node ${i} splits on feature ${String(split[i])}, outside 0..${(treeFeatures ?? 0) - 1}`,
            `trees[${t}].split_indices[${i}]`,
          );
          break;
        }
      }
    }
  }
}
