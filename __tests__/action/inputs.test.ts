import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_SPECS, InputError, parseInputs } from '../../src/action/inputs.js';
import { OUTPUT_NAMES } from '../../src/action/run.js';
import { ROOT } from './harness.js';

function parse(values: Record<string, string>) {
  return parseInputs((name) => values[name] ?? '');
}

function problems(values: Record<string, string>): readonly string[] {
  try {
    parse(values);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  return [];
}

describe('parseInputs', () => {
  test('defaults when nothing is set (as when dist/index.js runs without action.yml)', () => {
    const i = parse({});
    expect(i).toMatchObject({
      paths: ['**'],
      exclude: [],
      scan: 'changed',
      failOn: 'error',
      uploadSarif: true,
      waitForProcessing: true,
      sarifFile: undefined,
      category: undefined,
      annotateFrom: 'INFO',
      token: '',
      shardIndex: 1,
      shardCount: 1,
      policyFile: undefined,
      settings: {
        failOn: 'error',
        maxFileBytes: undefined,
        timeoutMs: undefined,
        followSymlinks: false,
        blacklist: [],
      },
    });
  });

  test('lists take lines or commas, drop blanks and comments, keep {a,b} globs whole', () => {
    const i = parse({
      paths: 'models/**\n\n# comment\n!models/tmp\r\nweights/{a,b}/*.pkl, more/**',
      blacklist: 'llama\n  Mistral-7B  , qwen\n',
    });
    expect(i.paths).toEqual(['models/**', '!models/tmp', 'weights/{a,b}/*.pkl', 'more/**']);
    expect(i.settings.blacklist).toEqual(['llama', 'Mistral-7B', 'qwen']);
  });

  test.each([
    ['500', 500],
    ['512K', 512 * 1024],
    ['10G', 10 * 1024 ** 3],
    ['1.5 GiB', 1.5 * 1024 ** 3],
    ['512MB', 512 * 1024 ** 2],
    ['2tb', 2 * 1024 ** 4],
  ])('max-file-size %s', (value, bytes) => {
    expect(parse({ 'max-file-size': value }).settings.maxFileBytes).toBe(bytes);
  });

  test.each([
    ['true', 'INFO'],
    ['warning', 'WARNING'],
    ['ERROR', 'ERROR'],
    ['false', undefined],
    ['none', undefined],
  ])('annotations %s', (value, from) => {
    expect(parse({ annotations: value }).annotateFrom).toBe(from);
  });

  test('fail-on and scan accept any case; none disables the gate', () => {
    expect(parse({ 'fail-on': 'Warning', scan: 'ALL' })).toMatchObject({
      failOn: 'warning',
      scan: 'all',
    });
    expect(parse({ 'fail-on': 'none' }).failOn).toBe('none');
  });

  test('every bad value is reported at once, with what is allowed', () => {
    const p = problems({
      'fail-on': 'critical',
      scan: 'some',
      'upload-sarif': 'maybe',
      'max-file-size': '-1',
      timeout: 'soon',
      'follow-symlinks': 'perhaps',
      annotations: 'loud',
      'shard-index': '0',
      'shard-count': 'two',
      paths: '../outside',
    });
    expect(p).toEqual(
      expect.arrayContaining([
        'fail-on must be error, warning, info or none, not "critical"',
        'scan must be changed or all, not "some"',
        'upload-sarif must be true or false, not "maybe"',
        expect.stringContaining('max-file-size must be a positive size'),
        expect.stringContaining('timeout must be a positive duration'),
        'follow-symlinks must be true or false, not "perhaps"',
        expect.stringContaining('annotations must be true, false'),
        'shard-index must be a whole number from 1 to 10000, not "0"',
        'shard-count must be a whole number from 1 to 10000, not "two"',
        'paths and exclude stay inside the workspace: "../outside" uses ".."',
      ]),
    );
    // An invalid glob is an input problem naming the input (picomatch, the one dialect).
    expect(problems({ exclude: 'models/[z-a]' })).toEqual([
      'invalid glob "models/[z-a]" in exclude: Range out of order in character class',
    ]);
    expect(problems({ 'shard-index': '3', 'shard-count': '2' })).toEqual([
      'shard-index (3) must be between 1 and shard-count (2)',
    ]);
    expect(new InputError(['a', 'b']).message).toBe('invalid inputs:\n  - a\n  - b');
  });
});

/** Just enough YAML for action.yml: top-level sections, 2-space keys, 4-space fields. */
function readActionYml(): {
  inputs: Map<string, { description: string; default: string }>;
  outputs: string[];
  runs: Record<string, string>;
} {
  const lines = readFileSync(join(ROOT, 'action.yml'), 'utf8').split('\n');
  const inputs = new Map<string, { description: string; default: string }>();
  const outputs: string[] = [];
  const runs: Record<string, string> = {};
  let section = '';
  let key = '';
  let folding = false;
  for (const line of lines) {
    if (/^\S/.test(line)) {
      section = line.replace(/:.*$/, '');
      folding = false;
      continue;
    }
    const item = /^ {2}([a-z-]+):\s*(.*)$/.exec(line);
    if (item) {
      key = item[1]!;
      folding = false;
      if (section === 'inputs') inputs.set(key, { description: '', default: '' });
      if (section === 'outputs') outputs.push(key);
      if (section === 'runs') runs[key] = item[2]!;
      continue;
    }
    const field = /^ {4}([a-z]+):\s*(.*)$/.exec(line);
    if (field && section === 'inputs') {
      const entry = inputs.get(key)!;
      folding = field[1] === 'description' && field[2] === '>-';
      if (field[1] === 'default') entry.default = field[2]!.replace(/^'(.*)'$/, '$1');
      continue;
    }
    if (folding && /^ {6}\S/.test(line)) {
      const entry = inputs.get(key)!;
      entry.description = `${entry.description} ${line.trim()}`.trim();
    }
  }
  return { inputs, outputs, runs };
}

describe('action.yml', () => {
  const yml = readActionYml();

  test('runs dist/index.js on node24', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  test('declares exactly the inputs the code parses, with the same defaults and descriptions', () => {
    expect([...yml.inputs.keys()]).toEqual(INPUT_SPECS.map((s) => s.name));
    for (const spec of INPUT_SPECS) {
      expect({ name: spec.name, ...yml.inputs.get(spec.name) }).toEqual({
        name: spec.name,
        description: spec.description,
        default: spec.default,
      });
    }
  });

  test('declares exactly the outputs the code sets', () => {
    expect(yml.outputs).toEqual([...OUTPUT_NAMES]);
  });
});
