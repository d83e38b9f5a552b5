/**
 * MLflow model directories: the `MLmodel` file names the flavors and the files they load.
 * The python_function flavor imports `loader_module` (custom modules from the bundled `code/`
 * directory run on load), custom PythonModels are cloudpickled, and every file path in the
 * flavors is joined with the model directory.
 */
import type { ScanContext, ScanTarget } from '../base.js';
import { escapeReason } from './common/read.js';
import { judgeReference } from './common/refs.js';
import { checkCustomCode, parseClassReference, type CodeRef } from '../huggingface/custom-code.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const PATH_KEY = /(path|file|model|data|code|env|conda|virtualenv|artifact|dir|python_model)$/i;

export async function checkMlflowModel(
  doc: unknown,
  target: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  if (!isObj(doc) || !isObj(doc.flavors)) {
    ctx.report({
      ruleId: 'MA5307',
      message: 'MLmodel has no flavors mapping',
      evidence: 'flavors',
    });
    return;
  }
  const flavors = doc.flavors;
  ctx.detail('mlflow', { flavors: Object.keys(flavors), mlflowVersion: doc.mlflow_version });
  // Every path a flavor names is joined with the model directory.
  const walk = (v: unknown, path: string, key: string): void => {
    if (typeof v === 'string') {
      if (
        PATH_KEY.test(key) &&
        !/\s/.test(v) &&
        v.length < 1024 &&
        (v.includes('/') || v.includes('\\') || /\.[a-z0-9]{1,8}$/i.test(v) || v.startsWith('..'))
      ) {
        const escape = escapeReason(v);
        if (escape)
          ctx.report({
            ruleId: 'MA5304',
            message: `MLmodel: ${path} = ${JSON.stringify(v)} ${escape}`,
            evidence: v,
          });
      }
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, key));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, k);
  };
  walk(flavors, 'flavors', 'flavors');
  if (
    typeof doc.artifact_path === 'string' &&
    escapeReason(doc.artifact_path) &&
    !/^[a-z]+:\/\//.test(doc.artifact_path)
  )
    ctx.report({
      ruleId: 'MA5304',
      message: `MLmodel: artifact_path ${escapeReason(doc.artifact_path)}`,
      evidence: doc.artifact_path,
    });

  const pyfunc = flavors.python_function;
  const refs: CodeRef[] = [];
  if (isObj(pyfunc)) {
    const loader = pyfunc.loader_module;
    const codeDir = typeof pyfunc.code === 'string' ? pyfunc.code : undefined;
    if (typeof loader === 'string' && !loader.startsWith('mlflow.')) {
      const v = judgeReference(`${loader}._load_pyfunc`);
      if (v.level === 'dangerous') {
        ctx.report({
          ruleId: 'MA5308',
          message: `MLmodel: python_function.loader_module ${loader}: ${v.reason}`,
          evidence: loader,
        });
      } else {
        const r = parseClassReference(
          'python_function.loader_module',
          `${loader}._load_pyfunc`,
          codeDir,
        );
        if (r) refs.push(r);
      }
    }
    if (typeof pyfunc.python_model === 'string')
      ctx.report({
        ruleId: 'MA5301',
        message: `MLmodel: a custom PythonModel (${pyfunc.python_model}) is unpickled with cloudpickle on load${codeDir ? `, with ${codeDir} on sys.path` : ''}`,
        evidence: pyfunc.python_model,
      });
    else if (codeDir && !refs.length)
      ctx.report({
        ruleId: 'MA5301',
        message: `MLmodel: python_function puts bundled code (${codeDir}) on sys.path`,
        evidence: codeDir,
      });
  }
  await checkCustomCode(refs, target, ctx, 'MLmodel (python_function loader_module)');
  const tf = flavors.transformers;
  if (isObj(tf) && typeof tf.source_model_name === 'string')
    ctx.claim({
      field: 'base_model',
      value: tf.source_model_name,
      source: 'MLmodel:flavors.transformers.source_model_name',
    });
  if (isObj(doc.metadata)) {
    for (const key of ['name', 'model_name'])
      if (typeof doc.metadata[key] === 'string')
        ctx.claim({
          field: 'name',
          value: doc.metadata[key] as string,
          source: `MLmodel:metadata.${key}`,
        });
  }
}
