/**
 * Word-bounded, case-insensitive matching of names, globs and regular expressions, and model
 * version constraints (docs/name-policies.md, "Matching").
 */
import { matchTerm, parseTerm, TermError } from '../../src/policy/terms.js';
import { globRegExps } from '../../src/discover/globs.js';
import {
  parseConstraint,
  parseVersion,
  versionAfter,
  VersionError,
} from '../../src/policy/version.js';
import { pathPatterns } from '../../src/policy/policy-file.js';

const matches = (term: string, value: string): boolean =>
  matchTerm(parseTerm(term), value) !== undefined;

describe('word terms match on word boundaries, case-insensitively', () => {
  test.each([
    ['llama', 'Llama-2-7b'],
    ['llama', 'meta-llama/Llama-2-7b-hf'],
    ['llama', 'llama2'],
    ['llama', 'Meta-Llama-3.1-8B-Instruct'],
    ['llama', 'TinyLlama-1.1B-Chat-v1.0'],
    ['llama', 'OpenLLaMA'],
    ['llama', 'LLaMA-7B'],
    ['llama', 'CodeLlama-7b-hf'],
    ['llama', 'DeepSeek-R1-Distill-Llama-8B'],
    ['llama', 'dolphin-2.9-llama3-8b'],
    ['llama', 'LlamaIndex'], // camelCase humps are word boundaries
    ['LLAMA', 'llama'],
    ['alpaca', 'tatsu-lab/alpaca-7b-wdiff'],
    ['code llama', 'codellama'],
    ['code llama', 'Code-Llama-13b'],
    ['gpt2', 'gpt-2'],
    ['gpt2', 'gpt2-medium'],
    ['t5', 'google/flan-t5-base'],
    ['bert', 'DistilBERT'],
    ['llama 2', 'Llama-2-7b'],
    ['stable diffusion', 'stable-diffusion-xl-base-1.0'],
    ['qwen', 'Qwen2.5-7B-Instruct'],
    ['phi', 'Phi-3-mini-4k-instruct'],
    ['gpt neox', 'GPTNeoX'],
  ])('%s matches %s', (term, value) => {
    expect(matches(term, value)).toBe(true);
  });

  test.each([
    ['llama', 'llamaindex-utils'],
    ['llama', 'llamafactory'],
    ['llama', 'codellama'], // lower case: one word (the family table knows codellama is Llama)
    ['llama', 'Ollama'],
    ['bert', 'BERTopic_Wikipedia'],
    ['bert', 'RoBERTa-base'],
    ['bert', 'roberta'],
    ['gpt2', 'gpt-20b'],
    ['t5', 'mt5-small'],
    ['phi', 'dolphin-2.9'],
    ['opt', 'optimum-onnx'],
    ['llama 2', 'llama-20b'],
    ['alpaca', 'alpacas'],
    ['mistral', 'mistralrs-server'],
  ])('%s does not match %s', (term, value) => {
    expect(matches(term, value)).toBe(false);
  });

  test('the match position is reported in the original string', () => {
    expect(matchTerm(parseTerm('llama'), 'TinyLlama-1.1B')).toEqual({ start: 4, end: 9 });
  });
});

describe('globs and regular expressions', () => {
  test('globs match the whole value', () => {
    expect(matches('meta-llama/*', 'meta-llama/Llama-2-7b-hf')).toBe(true);
    expect(matches('meta-llama/*', 'acme/meta-llama-fork')).toBe(false);
    expect(matches('*llama*', 'llamaindex-utils')).toBe(true); // substring only when asked
    expect(matches('*-uncensored*', 'WizardLM-7B-Uncensored')).toBe(true);
    expect(matches('gemma-[27]-*', 'gemma-2-9b')).toBe(true);
    expect(matches('{qwen,qwq}*', 'QwQ-32B')).toBe(true);
  });
  test('regular expressions are searched, always case-insensitive', () => {
    expect(matches('/^meta-llama\\//', 'meta-llama/Llama-2-7b-hf')).toBe(true);
    expect(matches('/llama/', 'llamaindex-utils')).toBe(true);
    expect(matches('/uncensored|abliterated/', 'Llama-3-8B-Abliterated')).toBe(true);
  });
  test('bad terms are refused with a reason', () => {
    expect(() => parseTerm('/llama(/')).toThrow(/invalid regular expression/);
    expect(() => parseTerm('/llama/g')).toThrow(/flag "g" is not allowed/);
    expect(() => parseTerm('  ')).toThrow(TermError);
    expect(() => parseTerm('---')).toThrow(/no letters or digits/);
    expect(() => parseTerm('llama-[2')).toThrow(/unclosed "\["/);
  });
  test('path globs: * stops at /, ** crosses it, bare names match at any depth', () => {
    expect(globRegExps('models/*', 'test')[0]!.test('models/a/b')).toBe(false);
    expect(globRegExps('models/**', 'test')[0]!.test('models/a/b')).toBe(true);
    expect(() => pathPatterns('[z-a]')).toThrow(
      'invalid glob "[z-a]": Range out of order in character class',
    );
    const vendor = pathPatterns('**/vendor/**');
    expect(vendor.some((r) => r.test('fixtures/policy/models/lone/vendor/llama.pkl'))).toBe(true);
    const bare = pathPatterns('legacy-llama');
    expect(bare.some((r) => r.test('repo/models/legacy-llama'))).toBe(true);
    expect(bare.some((r) => r.test('repo/models/legacy-llama/model.bin'))).toBe(true);
    expect(bare.some((r) => r.test('repo/models/legacy-llama-2'))).toBe(false);
  });
});

describe('versions', () => {
  test.each([
    ['Llama-2-7b', 'llama', '2'],
    ['Meta-Llama-3.1-8B-Instruct', 'llama', '3.1'],
    ['Qwen2.5-7B', 'qwen', '2.5'],
    ['phi-1_5', 'phi', '1.5'],
    ['Mistral-7B-Instruct-v0.2', 'mistral', '0.2'],
    ['stable-diffusion-v1-5', 'stable-diffusion', '1.5'],
    ['whisper-large-v3', 'whisper', '3'],
    ['gemma-2-9b-it', 'gemma', '2'],
    ['Mixtral-8x7B-v0.1', 'mixtral', '0.1'],
  ])('%s: %s version %s', (value, family, version) => {
    const m = matchTerm(parseTerm(family.replace('-', ' ')), value)!;
    expect(versionAfter(value, m.end)).toBe(version);
  });
  test('sizes are not versions', () => {
    for (const v of ['gemma-7b', 'Qwen-72B', 'pythia-160m', 'TinyLlama-1.1B'])
      expect(versionAfter(v, v.search(/[-]/))).toBeUndefined();
  });
  test('constraints', () => {
    const t = (c: string, v: string): boolean => parseConstraint(c).test(parseVersion(v)!);
    expect(t('<3', '2')).toBe(true);
    expect(t('<3', '3.1')).toBe(false);
    expect(t('>=3 <4', '3.1')).toBe(true);
    expect(t('>= 3', '3')).toBe(true);
    expect(t('3', '3.2.1')).toBe(true);
    expect(t('3.x', '3.2')).toBe(true);
    expect(t('3', '30')).toBe(false);
    expect(t('=3.1', '3.1.0')).toBe(true);
    expect(t('^2', '2.5')).toBe(true);
    expect(t('^2', '3')).toBe(false);
    expect(t('~3.1', '3.1.4')).toBe(true);
    expect(t('~3.1', '3.2')).toBe(false);
    expect(t('<2 || >=3.1', '3.2')).toBe(true);
    expect(t('!=2', 'v2.0')).toBe(false);
    expect(() => parseConstraint('newer than 3')).toThrow(VersionError);
    expect(() => parseConstraint('>=3.x')).toThrow(/wildcard/);
  });
});
