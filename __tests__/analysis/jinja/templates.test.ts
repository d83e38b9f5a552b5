/**
 * The chat-template analyzer: a corpus of real templates must stay clean, every escape
 * technique must be an ERROR, and no input makes it throw or hang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTemplate } from '../../../src/analysis/jinja/analyze.js';
import { decodePythonString, tokenize } from '../../../src/analysis/jinja/lexer.js';
import { findRule } from '../../../src/rules/registry.js';
import { FIXTURES_ROOT } from '../../helpers/manifest.js';

interface Corpus<T> {
  readonly templates: readonly T[];
}
const real = JSON.parse(
  readFileSync(join(FIXTURES_ROOT, 'llm', 'templates', 'real-templates.json'), 'utf8'),
) as Corpus<{ name: string; source: string; template: string }>;
const attacks = JSON.parse(
  readFileSync(join(FIXTURES_ROOT, 'llm', 'templates', 'malicious-templates.json'), 'utf8'),
) as Corpus<{ id: string; technique: string; rules: string[]; template: string }>;

const errors = (t: string): string[] =>
  analyzeTemplate(t)
    .filter((i) => findRule(i.ruleId)?.severity === 'ERROR')
    .map((i) => i.ruleId);

describe('real chat templates analyse clean', () => {
  test('the corpus is present and diverse', () => {
    expect(real.templates.length).toBeGreaterThanOrEqual(90);
    const names = real.templates.map((t) => t.name).join(' ');
    for (const family of [
      'llama2',
      'llama3',
      'mistral',
      'gemma',
      'qwen',
      'phi',
      'deepseek',
      'command-r',
      'tinyllama',
      'gpt-oss',
    ])
      expect(names).toContain(family);
  });
  test.each(real.templates.map((t) => [t.name, t.template] as const))('%s', (_name, template) => {
    expect(analyzeTemplate(template)).toEqual([]);
  });
});

describe('sandbox escapes are ERRORs', () => {
  test.each(attacks.templates.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    const issues = analyzeTemplate(t.template);
    const found = new Set(issues.map((i) => i.ruleId));
    expect({ technique: t.technique, missing: t.rules.filter((r) => !found.has(r)) }).toEqual({
      technique: t.technique,
      missing: [],
    });
    expect(errors(t.template).length).toBeGreaterThan(0);
  });

  // Each row: a way to reach a dunder or a gadget that string filters miss.
  const techniques: [string, string, string][] = [
    ['direct dunder', '{{ messages.__class__ }}', 'MA5201'],
    ['dunder item', "{{ messages['__class__'] }}", 'MA5201'],
    ['adjacent literals', "{{ messages['__cla' 'ss__'] }}", 'MA5201'],
    ['octal escapes', "{{ messages['\\137\\137class\\137\\137'] }}", 'MA5206'],
    ['unicode escapes', "{{ messages['\\u005f\\u005fclass\\u005f\\u005f'] }}", 'MA5201'],
    ['concatenation with +', "{{ messages['_' + '_class_' + '_'] }}", 'MA5202'],
    ['tilde', "{{ messages['_' ~ '_class__'] }}", 'MA5202'],
    ['replace filter', "{{ messages['xxclassxx'|replace('x','_')] }}", 'MA5202'],
    ['string method replace', "{{ messages['xxclassxx'.replace('x','_')] }}", 'MA5202'],
    ['slicing reversal', "{{ messages['__ssalc__'[::-1]] }}", 'MA5201'],
    ['reverse of built pieces', "{{ messages[('__' ~ 'ssalc' ~ '__')|reverse] }}", 'MA5202'],
    ['join of list', "{{ messages[['_','_','class','_','_']|join] }}", 'MA5202'],
    ['format %c', "{{ messages['%c%cclass%c%c'|format(95,95,95,95)] }}", 'MA5202'],
    ['lower of upper', "{{ messages['__CLASS__'|lower] }}", 'MA5201'],
    ['set variable', "{% set k = '_' * 2 ~ 'class' ~ '_' * 2 %}{{ messages[k] }}", 'MA5202'],
    ['set block capture', '{% set k %}__class__{% endset %}{{ messages[k] }}', 'MA5202'],
    ['loop variable', "{% for k in ['_' ~ '_class__'] %}{{ messages[k] }}{% endfor %}", 'MA5202'],
    ['with block', "{% with k = '__' ~ 'class__' %}{{ messages[k] }}{% endwith %}", 'MA5202'],
    [
      'macro default',
      "{% macro f(o, k='_'~'_class__') %}{{ o[k] }}{% endmacro %}{{ f(messages) }}",
      'MA5202',
    ],
    [
      'macro keyword arg',
      "{% macro f(o, k) %}{{ o|attr(k) }}{% endmacro %}{{ f(messages, k='__'~'class__') }}",
      'MA5202',
    ],
    ['attr filter built', "{{ messages|attr('_'*2 ~ 'class' ~ '_'*2) }}", 'MA5202'],
    ['map attribute dotted', "{{ messages|map(attribute='__class__.__mro__')|list }}", 'MA5201'],
    ['map attr filter', "{{ messages|map('attr', '__class__')|list }}", 'MA5201'],
    ['selectattr', "{{ messages|selectattr('__class__')|list }}", 'MA5201'],
    ['sort attribute', "{{ messages|sort(attribute='__len__') }}", 'MA5201'],
    ['groupby built', "{{ messages|groupby('_'~'_class__') }}", 'MA5202'],
    ['object repr pieces', '{{ messages[(lipsum|string)[0]] }}', 'MA5202'],
    [
      'format method on built string',
      "{{ ('{0.' ~ '_'*2 ~ 'class' ~ '_'*2 ~ '}').format(messages) }}",
      'MA5202',
    ],
    ['format_map fields', "{{ '{m.__class__}'.format_map({'m': messages}) }}", 'MA5201'],
    ['private attribute', '{{ self._TemplateReference__context }}', 'MA5203'],
    ['private via attr', "{{ messages|attr('_private') }}", 'MA5203'],
    ['frame walk', '{{ x.gi_frame.f_globals }}', 'MA5203'],
    ['python2 func_globals', '{{ f.func_globals }}', 'MA5203'],
    ['mro method', "{{ ''.mro() }}", 'MA5203'],
    ['os global', "{{ os.popen('id') }}", 'MA5204'],
    ['subprocess global', "{{ subprocess.check_output('id') }}", 'MA5204'],
    ['import global', "{{ __import__('os') }}", 'MA5201'],
    ['config object', '{{ config.items() }}', 'MA5204'],
    ['range attribute', '{{ range.x }}', 'MA5204'],
    ['namespace function attribute', '{{ namespace.y }}', 'MA5204'],
    ['raise_exception attribute', '{{ raise_exception.z }}', 'MA5204'],
    ['cycler instance odd attribute', '{% set c = cycler(1, 2) %}{{ c.x }}', 'MA5204'],
    ['include', "{% include 'x' %}", 'MA5205'],
    ['import', "{% import 'x' as y %}", 'MA5205'],
    ['from import', "{% from 'x' import y %}", 'MA5205'],
    ['extends', "{% extends 'base' %}", 'MA5205'],
    ['named escape', "{{ messages['\\N{LATIN SMALL LETTER X}'] }}", 'MA5206'],
    ['js constructor', '{{ messages.constructor }}', 'MA5203'],
    ['dunder in dict keyword', '{{ dict(__class__=1) }}', 'MA5201'],
    [
      'caller argument',
      "{% macro m() %}{{ caller('_' ~ '_class__') }}{% endmacro %}{% call(k) m() %}{{ messages[k] }}{% endcall %}",
      'MA5202',
    ],
    [
      'recursive loop argument',
      "{% for k in ['a'] recursive %}{{ messages[k] }}{{ loop(['_' ~ '_class__']) }}{% endfor %}",
      'MA5202',
    ],
    [
      'varargs',
      "{% macro m() %}{{ messages[varargs[0]] }}{% endmacro %}{{ m('_' ~ '_class__') }}",
      'MA5202',
    ],
    [
      'cycler carrying a built name',
      "{% set c = cycler('_' ~ '_class__') %}{{ messages[c.next()] }}",
      'MA5202',
    ],
    [
      'dict items keys',
      "{% for k, v in {'_' ~ '_class__': 1}|items %}{{ messages[k] }}{% endfor %}",
      'MA5202',
    ],
    ['unbalanced', '{{ messages[ }}', 'MA5208'],
    ['unknown tag', "{% exec 'x' %}", 'MA5208'],
  ];
  test.each(techniques)('%s', (_name, template, rule) => {
    const issues = analyzeTemplate(template);
    expect(issues.map((i) => i.ruleId)).toContain(rule);
    expect(errors(template).length).toBeGreaterThan(0);
  });

  test('issues carry the template line and quote the expression', () => {
    const [issue] = analyzeTemplate('{{ a }}\n{{ b }}\n{{ c.__class__ }}');
    expect(issue).toMatchObject({ ruleId: 'MA5201', line: 3, evidence: 'c.__class__' });
  });
});

describe('input-supplied lookup names', () => {
  const warnings: [string, string][] = [
    ['attr filter with input name', '{{ messages|attr(name) }}'],
    ['chained input keys', '{{ tools[a][b] }}'],
    ['special token as key', '{{ messages[bos_token] }}'],
    ['input key on a global', '{{ lipsum[key] }}'],
  ];
  test.each(warnings)('%s is a WARNING', (_name, template) => {
    const issues = analyzeTemplate(template);
    expect(issues.map((i) => i.ruleId)).toContain('MA5207');
  });

  const fine: [string, string][] = [
    ['table lookup by role', "{% set names = {'user': 'U'} %}{{ names[message.role] }}"],
    ['index arithmetic', '{{ messages[loop.index0 - 1] }}'],
    ['range index', '{% for i in range(messages|length) %}{{ messages[i].role }}{% endfor %}'],
    [
      'namespace counter',
      '{% set ns = namespace(i=0) %}{% set ns.i = ns.i + 1 %}{{ messages[ns.i] }}',
    ],
  ];
  test.each(fine)('%s is clean', (_name, template) => {
    expect(analyzeTemplate(template)).toEqual([]);
  });
});

describe('ordinary Jinja stays clean', () => {
  const ok: [string, string][] = [
    ['raw block', '{% raw %}{{ x.__class__ }}{% endraw %}'],
    ['comment', '{# {{ x.__class__ }} #}{{ messages[0].content }}'],
    ['whitespace control', '{%- for m in messages -%}{{- m.content -}}{%- endfor -%}'],
    ['nested dict literal in output', "{{ {'a': {'b': 1}} | tojson }}"],
    [
      'tests and in',
      "{% if m is defined and 'x' not in m.content and m.content is string %}ok{% endif %}",
    ],
    [
      'loop controls',
      '{% for m in messages %}{% if loop.first %}{% continue %}{% endif %}{% break %}{% endfor %}',
    ],
    ['generation tag', '{% generation %}{{ m.content }}{% endgeneration %}'],
    ['filter block', '{% filter upper %}hello{% endfilter %}'],
    ['call block', '{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}x{% endcall %}'],
    ['recursive loop', '{% for t in tree recursive %}{{ loop(t.children) }}{% endfor %}'],
    ['cycler use', "{% set c = cycler('a', 'b') %}{{ c.next() }}"],
    ['dunder-free underscores in text', "{{ '____' }}{{ 'snake_case_name' }}"],
    ['escaped newlines', "{{ '\\n\\t\\u2581' }}"],
    [
      'strftime and raise',
      "{{ strftime_now('%d %b %Y') }}{% if not messages %}{{ raise_exception('no') }}{% endif %}",
    ],
  ];
  test.each(ok)('%s', (_name, template) => {
    expect(analyzeTemplate(template)).toEqual([]);
  });
});

describe('lexer', () => {
  test('decodes string literals the way Python unicode-escape does', () => {
    expect(decodePythonString('\\x5f\\u005f\\U0000005f\\137\\N{LOW LINE}', 1)).toEqual({
      value: '_____',
      obfuscated: true,
    });
    expect(decodePythonString('a\\nb\\q\\\\', 1)).toEqual({
      value: 'a\nb\\q\\',
      obfuscated: false,
    });
    expect(() => decodePythonString('\\x5', 1)).toThrow();
  });
  test('balances braces inside tags as jinja2 does', () => {
    const types = tokenize("{{ {'a': {'b': 1}} }}").map((t) => t.type);
    expect(types.filter((t) => t === 'variable_end')).toHaveLength(1);
  });
});

describe('robustness', () => {
  test('deep nesting is a finding, not a stack overflow', () => {
    const deep = '{{ ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + ' }}';
    expect(analyzeTemplate(deep).map((i) => i.ruleId)).toEqual(['MA5208']);
  });
  test('an oversized template is reported, not analysed', () => {
    expect(analyzeTemplate('x'.repeat(100), { maxLength: 10 }).map((i) => i.ruleId)).toEqual([
      'MA5209',
    ]);
  });
  test('never throws on garbage', () => {
    let seed = 1;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [
      '{{',
      '}}',
      '{%',
      '%}',
      '{#',
      '#}',
      "'",
      '"',
      '\\',
      '(',
      ')',
      '[',
      ']',
      '.',
      '|',
      'x',
      '__',
      ' ',
      'for',
      'in',
      'set',
      '=',
      '~',
    ];
    for (let i = 0; i < 500; i++) {
      const s = Array.from(
        { length: 1 + Math.floor(rnd() * 40) },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join('');
      expect(() => analyzeTemplate(s)).not.toThrow();
    }
  });
  test('a large real-looking template is analysed whole (timings live in benchmarks/)', () => {
    const big = real.templates
      .map((t) => t.template)
      .join('\n')
      .repeat(3);
    expect(big.length).toBeGreaterThan(100_000);
    expect(() => analyzeTemplate(big, { maxLength: big.length })).not.toThrow();
  });
});
