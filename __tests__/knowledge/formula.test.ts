/**
 * Model formulas statsmodels' ModelData.__setstate__ evaluates: the column arithmetic and
 * transforms of real formulas pass, anything that reaches code, attributes or builtins does not.
 */
import { formulaProblem } from '../../src/knowledge/callables/formula.js';

describe('model formulas', () => {
  test.each([
    'y ~ x',
    'y ~ x + z - 1',
    'y ~ x * z + x:z',
    'np.log(y) ~ C(g) + np.sqrt(x)',
    'y ~ I(x ** 2) + I(x > 0)',
    "y ~ C(g, Treatment(reference='b'))",
    "y ~ Q('weird name') + bs(x, df=4)",
    'y ~ center(x) + standardize(z) + scale(w)',
    'y ~ x + C(g, contr.treatment)',
    'y ~ 0 + x',
    'y ~ x | g',
    "résultat ~ données + C(groupe, levels=['a', 'b'])",
  ])('%s passes', (formula) => {
    expect(formulaProblem(formula)).toBeUndefined();
  });

  test.each([
    ["y ~ I(__import__('os').system('id'))", '__import__'],
    ["y ~ I(exec('import os'))", 'exec'],
    ["y ~ I(eval('1'))", 'eval'],
    ["y ~ I(open('/etc/passwd').read())", 'open'],
    ['y ~ I(x.__class__)', '__class__'],
    ['y ~ I(os.system)', 'attribute'],
    ["y ~ I(np.load('x.npy'))", 'attribute'],
    ["y ~ I(getattr(x, 'y'))", 'getattr'],
    ['y ~ I((lambda: 1)())', 'lambda'],
    ["y ~ I(f'{x}')", 'prefix'],
    ['y ~ I(handlers[0](x))', 'computed'],
    ["y ~ I(system('id'))", 'system'],
    ['y ~ I(max(x, key=system))', 'max'],
    ['y ~ I([s for s in x])', 'for'],
    ['y ~ I(x := 1)', ':='],
    ['y ~ x' + ' + x'.repeat(2000), 'long'],
  ])('%s is refused', (formula, why) => {
    expect(formulaProblem(formula)).toContain(why);
  });
});
