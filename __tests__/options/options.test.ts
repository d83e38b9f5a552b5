/**
 * One options grammar for every face. The same values go through the CLI's argv, the Action's
 * inputs and the library's options object and must resolve to the same options; bad values are
 * usage errors naming the flag, the input or the key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseInputs, InputError } from '../../src/action/inputs.js';
import { scanOptionsFromArgs } from '../../src/cli/main.js';
import { parseBoolean, parseDuration, parseSize, splitList } from '../../src/options/grammar.js';
import { OptionsError, resolveOptions, type ScanOptions } from '../../src/options/options.js';
import { scanOptionsJsonSchema, scanOptionsSchema } from '../../src/options/schema.js';

describe('the grammar', () => {
  test.each([
    ['4096', 4096],
    ['4096b', 4096],
    ['512K', 512 * 1024],
    ['512kb', 512 * 1024],
    ['512KiB', 512 * 1024],
    ['512MB', 512 * 1024 ** 2],
    ['10G', 10 * 1024 ** 3],
    ['10 GiB', 10 * 1024 ** 3],
    ['10gb', 10 * 1024 ** 3],
    ['1.5g', 1.5 * 1024 ** 3],
    ['2T', 2 * 1024 ** 4],
    ['10X', undefined],
    ['G', undefined],
    ['-1', undefined],
    ['10iB', undefined],
  ])('size %s', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  test.each([
    ['120', 120_000],
    ['90s', 90_000],
    ['2m', 120_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['2 M', 120_000],
    ['soon', undefined],
    ['2d', undefined],
  ])('duration %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  test.each([
    ['llama, alpaca', ['llama', 'alpaca']],
    ['llama\nalpaca\r\n\n', ['llama', 'alpaca']],
    ['llama,\n# a comment\n  qwen  ', ['llama', 'qwen']],
    ['models/{a,b}/**, [x,y].pkl', ['models/{a,b}/**', '[x,y].pkl']],
    ['/llama-\\d{1,2}b/, /a,b/i, qwen', ['/llama-\\d{1,2}b/', '/a,b/i', 'qwen']],
    ['/models/a.pkl,b', ['/models/a.pkl', 'b']],
    [',,', []],
  ])('list %j', (text, items) => expect(splitList(text)).toEqual(items));

  test('booleans', () => {
    expect(['true', 'Yes', 'ON', '1'].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(['false', 'no', 'Off', '0'].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean('maybe')).toBeUndefined();
  });
});

/** The same values, spelled for each face. */
const CASES: {
  name: string;
  argv: string[];
  inputs: Record<string, string>;
  library: Record<string, unknown>;
}[] = [
  { name: 'defaults', argv: [], inputs: {}, library: {} },
  {
    name: 'every shared option',
    argv: [
      '--fail-on',
      'Warning',
      '--max-file-size',
      '10G',
      '--timeout',
      '2m',
      '--follow-symlinks',
      '--blacklist',
      'llama, qwen',
      '--blacklist',
      '/mistral-\\d{1,2}b/',
    ],
    inputs: {
      'fail-on': 'Warning',
      'max-file-size': '10G',
      timeout: '2m',
      'follow-symlinks': 'true',
      blacklist: 'llama, qwen\n/mistral-\\d{1,2}b/',
    },
    library: {
      failOn: 'Warning',
      maxFileSize: '10G',
      timeout: '2m',
      followSymlinks: true,
      blacklist: ['llama, qwen', '/mistral-\\d{1,2}b/'],
    },
  },
  {
    name: 'typed values in the library, text elsewhere',
    argv: ['--fail-on', 'none', '--max-file-size', '512MB', '--timeout', '90'],
    inputs: { 'fail-on': 'NONE', 'max-file-size': '512 MiB', timeout: '90s' },
    library: { failOn: 'none', maxFileSize: 512 * 1024 ** 2, timeout: 90 },
  },
];

/** A resolved ScanOptions without the parts that are functions or identities. */
function comparable(o: ScanOptions): object {
  return {
    limits: o.limits,
    failOn: o.failOn,
    followSymlinks: o.followSymlinks,
    concurrency: o.concurrency,
    namePolicy: o.namePolicy?.deny.map((d) => JSON.stringify(d)),
  };
}

describe.each(CASES)('$name: argv, Action inputs and the library agree', (c) => {
  test('resolved options are equal', () => {
    const cli = resolveOptions(scanOptionsFromArgs(c.argv).options);
    const action = resolveOptions(parseInputs((n) => c.inputs[n] ?? '').scanOptions);
    const library = resolveOptions(c.library);
    expect(comparable(cli)).toEqual(comparable(library));
    expect(comparable(action)).toEqual(comparable(library));
  });
});

test('the resolved values are the documented ones (binary units, seconds)', () => {
  const o = resolveOptions(CASES[1]!.library);
  expect(o.limits.maxFileBytes).toBe(10 * 1024 ** 3);
  expect(o.limits.timeoutMs).toBe(120_000);
  expect(o.failOn).toBe('warning');
  expect(o.namePolicy?.deny).toHaveLength(3);
});

describe('errors are usage errors that name the flag, the input or the key', () => {
  function cliError(argv: string[]): string {
    try {
      scanOptionsFromArgs(argv);
    } catch (err) {
      if (err instanceof OptionsError) return err.message;
      throw err;
    }
    return '';
  }
  function actionError(inputs: Record<string, string>): string {
    try {
      parseInputs((n) => inputs[n] ?? '');
    } catch (err) {
      if (err instanceof InputError) return err.message;
      throw err;
    }
    return '';
  }
  function libraryError(options: Record<string, unknown>): string {
    try {
      resolveOptions(options);
    } catch (err) {
      if (err instanceof OptionsError) return err.message;
      throw err;
    }
    return '';
  }

  test.each([
    ['max-file-size', 'maxFileSize', '10X', 'must be a positive size'],
    ['timeout', 'timeout', 'soon', 'must be a positive duration'],
    ['fail-on', 'failOn', 'critical', 'must be error, warning, info or none'],
    ['blacklist', 'blacklist', '', 'names no item'],
  ])('%s', (flag, key, value, words) => {
    expect(cliError([`--${flag}`, value])).toContain(`--${flag} ${words}`);
    if (value !== '') expect(actionError({ [flag]: value })).toContain(`${flag} ${words}`);
    expect(libraryError({ [key]: value })).toContain(`${key} ${words}`);
  });

  test('unknown library keys and limits are errors, not silently ignored', () => {
    expect(libraryError({ maxFilesize: '1G' })).toBe('maxFilesize is not an option');
    expect(libraryError({ limits: { maxDepht: 3 } })).toBe('limits.maxDepht is not an option');
    expect(libraryError({ limits: { maxDepth: -1 } })).toContain('limits.maxDepth');
    expect(libraryError({ followSymlinks: 'perhaps' })).toContain(
      'followSymlinks must be true or false',
    );
    expect(libraryError({ blacklist: ['llama'], namePolicy: { blacklist: ['qwen'] } })).toContain(
      'namePolicy',
    );
  });

  test('the CLI exits 2 and the message names the flag', async () => {
    const { main } = await import('../../src/cli/main.js');
    let err = '';
    const code = await main(['scan', '--max-file-size', '10X', '.'], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
      env: {},
    });
    expect(code).toBe(2);
    expect(err).toContain('--max-file-size must be a positive size');
  });
});

describe('schema/options.schema.json', () => {
  const path = new URL('../../schema/options.schema.json', import.meta.url);
  const generated = JSON.stringify(scanOptionsJsonSchema(), null, 2) + '\n';
  if (process.env.MODELAUDIT_WRITE_SCHEMA) writeFileSync(path, generated);

  test('is generated from the options schema (MODELAUDIT_WRITE_SCHEMA=1 npm test to refresh)', () => {
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(generated));
  });

  test('accepts and refuses what the parser accepts and refuses', () => {
    const ajv = new Ajv2020.default({ strict: false });
    const validate = ajv.compile(JSON.parse(generated) as object);
    const samples: Record<string, unknown>[] = [
      { 'fail-on': 'Warning' },
      { 'fail-on': 'critical' },
      { 'max-file-size': '10 GiB' },
      { 'max-file-size': '10X' },
      { 'max-file-size': 4096 },
      { 'max-file-size': -5 },
      { timeout: '2m' },
      { timeout: 'soon' },
      { 'follow-symlinks': 'Yes' },
      { 'follow-symlinks': 'perhaps' },
      { blacklist: ['llama'] },
      { blacklist: 7 },
      { concurrency: '8' },
      { concurrency: 100 },
      { unknown: 1 },
    ];
    const kebabToCamel = (k: string) => k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    for (const sample of samples) {
      const camel = Object.fromEntries(
        Object.entries(sample).map(([k, v]) => [kebabToCamel(k), v]),
      );
      expect({ sample, valid: validate(sample) }).toEqual({
        sample,
        valid: scanOptionsSchema.safeParse(camel).success,
      });
    }
  });
});
