/**
 * Checks for classes that are safe only when their pickled state is what the library itself
 * writes: their __setstate__ runs code taken from the state. The safe table names the check
 * (`SafeEntry.stateCheck`); the machine runs it on the state a BUILD applies.
 */

import { formulaProblem } from './formula.js';

/** State keys whose values the machine keeps whatever the size of the dict holding them. */
export const WATCHED_STATE_KEYS: ReadonlySet<string> = new Set([
  '_parse_arg_template',
  'restore_model_spec',
  'restore_design_info',
  'formula',
]);

export type StateCheckName = 'scipy-argparser' | 'statsmodels-formula';

/**
 * The state as the machine knows it: a watched key's text, or why it cannot be read. A key that
 * is not a constant string may be any key: `get` answers 'opaque' for an absent key then.
 */
export type StateView =
  | { readonly kind: 'dict'; get(key: string): { text: string } | 'absent' | 'opaque' }
  | { readonly kind: 'opaque'; readonly why: string };

/** Returns why the state is unsafe, or undefined when it is what the library writes. */
export function runStateCheck(name: StateCheckName, state: StateView): string | undefined {
  switch (name) {
    case 'scipy-argparser':
      return checkScipyArgparser(state);
    case 'statsmodels-formula':
      return checkStatsmodelsFormula(state);
  }
}

/*
 * scipy.stats rv_generic.__setstate__ calls _attach_argparser_methods, which exec()s
 * self._parse_arg_template. scipy generates it from the distribution's shape names with this
 * template (scipy/stats/_distn_infrastructure.py); anything else in the state is code an
 * attacker chose.
 */
const SHAPES = String.raw`((?:[A-Za-z_][A-Za-z0-9_]*, )*)`;
const HEAD = new RegExp(
  String.raw`^\ndef _parse_args\(self, ${SHAPES} (loc=0, scale=1|loc=0)\):\n`,
);

function scipyTemplate(shapes: string, locIn: string): string {
  const locOut = locIn === 'loc=0' ? 'loc, 1' : 'loc, scale';
  return (
    `\ndef _parse_args(self, ${shapes} ${locIn}):\n    return (${shapes}), ${locOut}\n` +
    `\ndef _parse_args_rvs(self, ${shapes} ${locIn}, size=None):\n    return self._argcheck_rvs(${shapes} ${locOut}, size=size)\n` +
    `\ndef _parse_args_stats(self, ${shapes} ${locIn}, moments='mv'):\n    return (${shapes}), ${locOut}, moments\n`
  );
}

function checkScipyArgparser(state: StateView): string | undefined {
  if (state.kind === 'opaque') return `its state cannot be verified (${state.why})`;
  const t = state.get('_parse_arg_template');
  if (t === 'absent') return undefined; // __setstate__ then fails before exec
  if (t === 'opaque') return '_parse_arg_template is not a constant string';
  const m = HEAD.exec(t.text);
  if (!m || t.text !== scipyTemplate(m[1]!, m[2]!)) {
    return '_parse_arg_template, which __setstate__ exec()s, is not the argument parser scipy generates';
  }
  return undefined;
}

/*
 * statsmodels ModelData.__setstate__ (and its Pandas/Patsy/Formulaic subclasses): when the state
 * has restore_model_spec (statsmodels >= 0.14; restore_design_info before), it rebuilds the
 * design matrices by evaluating state["formula"] with patsy or formulaic, which eval() each term
 * as Python. statsmodels writes those keys for every model fitted from a formula, so the formula
 * itself decides: a plain formula over columns passes, anything that runs other code does not.
 */
function checkStatsmodelsFormula(state: StateView): string | undefined {
  if (state.kind === 'opaque') return `its state cannot be verified (${state.why})`;
  const flags = ['restore_model_spec', 'restore_design_info'].map(
    (k) => [k, state.get(k)] as const,
  );
  const flag = flags.find(([, v]) => v !== 'absent');
  if (!flag) return undefined; // the formula is never evaluated
  const f = state.get('formula');
  if (f === 'absent') return undefined; // __setstate__ fails on the missing key before evaluating
  if (f === 'opaque')
    return `${flag[0]} makes it evaluate state["formula"], which is not a constant string`;
  const why = formulaProblem(f.text);
  return why
    ? `${flag[0]} makes it evaluate the formula ${JSON.stringify(f.text.slice(0, 120))} as Python: ${why}`
    : undefined;
}
