/**
 * safetensors: header validation on hand-made headers, identification by content, identity
 * claims, and the promise that tensor bytes are never read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_ROOT } from '../../helpers/manifest.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';
import { looksLikeSafetensors } from '../../../src/scan/llm/safetensors.js';
import { parseStrictJson } from '../../../src/io/strict-json.js';

function st(header: string, data: Buffer | number = 0, declared?: number): Buffer {
  let h = Buffer.from(header);
  h = Buffer.concat([h, Buffer.alloc((8 - (h.length % 8)) % 8, 0x20)]);
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(declared ?? h.length));
  return Buffer.concat([len, h, typeof data === 'number' ? Buffer.alloc(data) : data]);
}

const t = (dtype: string, shape: number[], b: number, e: number): string =>
  `{"dtype":"${dtype}","shape":${JSON.stringify(shape)},"data_offsets":[${b},${e}]}`;

describe('safetensors headers', () => {
  const cases: [string, Buffer, string[]][] = [
    ['valid', st(`{"a":${t('F32', [2], 0, 8)},"b":${t('BF16', [4], 8, 16)}}`, 16), []],
    [
      'tensors listed out of offset order',
      st(`{"b":${t('U8', [4], 4, 8)},"a":${t('U8', [4], 0, 4)}}`, 8),
      [],
    ],
    ['empty tensor', st(`{"e":${t('F32', [0, 3], 0, 0)},"a":${t('U8', [1], 0, 1)}}`, 1), []],
    ['metadata only, no data', st('{"__metadata__":{"format":"pt"}}'), []],
    ['sub-byte F4 even count', st(`{"a":${t('F4', [4], 0, 2)}}`, 2), []],
    [
      'length below 2',
      Buffer.concat([Buffer.from([1, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{}')]),
      ['MA5001'],
    ],
    ['length past the loader limit', st(`{"a":${t('U8', [1], 0, 1)}}`, 1, 200_000_000), ['MA5001']],
    ['does not start with {', st(` {"a":${t('U8', [1], 0, 1)}}`, 1), ['MA5002']],
    [
      'deeply nested metadata',
      st('{"__metadata__":' + '['.repeat(100) + ']'.repeat(100) + '}'),
      ['MA5002'],
    ],
    [
      'shape with a float',
      st('{"a":{"dtype":"U8","shape":[1.0],"data_offsets":[0,1]}}', 1),
      ['MA5004'],
    ],
    [
      'offsets above 2^64',
      st(`{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,18446744073709551616]}}`, 1),
      ['MA5004'],
    ],
    ['missing dtype', st('{"a":{"shape":[1],"data_offsets":[0,1]}}', 1), ['MA5004']],
    ['begin after end', st(`{"a":${t('U8', [1], 4, 3)}}`, 4), ['MA5004']],
    ['entry is a string', st('{"a":"x"}'), ['MA5004']],
    ['hole of zeros before first tensor', st(`{"a":${t('U8', [4], 4, 8)}}`, 8), ['MA5009']],
    ['trailing zeros', st(`{"a":${t('U8', [4], 0, 4)}}`, 8), ['MA5010']],
    ['overlap', st(`{"a":${t('U8', [4], 0, 4)},"b":${t('U8', [4], 2, 6)}}`, 6), ['MA5008']],
    ['metadata number', st('{"__metadata__":{"n":1}}'), ['MA5011']],
    ['metadata not an object', st('{"__metadata__":"x"}'), ['MA5011']],
  ];
  test.each(cases)('%s', async (_name, bytes, rules) => {
    const r = await scanBytes(bytes, 'm.safetensors');
    expect(r.format).toBe('safetensors');
    expect(rulesOf(r)).toEqual(rules);
  });

  test('identified by content whatever the name', async () => {
    const r = await scanBytes(st(`{"a":${t('F32', [1], 0, 4)}}`, 4), 'weights.bin');
    expect(r.format).toBe('safetensors');
    expect(r.findings).toEqual([]);
    expect(looksLikeSafetensors(Buffer.from('{"a": 1}'), 8)).toBe(false);
  });

  test('tensor bytes are never read', async () => {
    const r = await scanBytes(
      st(`{"big":${t('U8', [8 << 20], 0, 8 << 20)}}`, 8 << 20),
      'big.safetensors',
    );
    expect(r.findings).toEqual([]);
    // Detectors probe the head and the tail; the 8 MiB of tensor data is never read.
    expect(r.bytesRead).toBeLessThan(1 << 20);
  });

  test('metadata names what the model is', async () => {
    const meta = JSON.stringify({
      'modelspec.title': 'my-lora',
      'modelspec.license': 'mit',
      base_model: 'org/base',
    });
    const r = await scanBytes(st(`{"__metadata__":${meta}}`), 'x.safetensors');
    const claims = r.claims ?? [];
    expect(claims.map((c) => `${c.field}=${c.value}`).sort()).toEqual([
      'base_model=org/base',
      'license=mit',
      'name=my-lora',
    ]);
  });

  test('metadata URLs: ordinary ones pass, dangerous ones are flagged', async () => {
    const ok = await scanBytes(
      st(
        `{"__metadata__":{"source":"https://huggingface.co/org/model","thumbnail":"data:image/png;base64,iVBORw0KGgo="}}`,
      ),
      'u.safetensors',
    );
    expect(ok.findings).toEqual([]);
    const bad = await scanBytes(
      st(`{"__metadata__":{"x":"see file:///etc/passwd or javascript:alert(1)"}}`),
      'u.safetensors',
    );
    expect(rulesOf(bad)).toEqual(['MA5012']);
  });
});

describe('strict JSON', () => {
  test('reports duplicates at every level and keeps number text', () => {
    const { value, duplicates } = parseStrictJson('{"a":{"x":1,"x":2},"a":18446744073709551615}');
    expect(duplicates.map((d) => `${d.path}/${d.key}`)).toEqual(['a/x', '/a']);
    expect(value.kind === 'object' && value.entries[1]![1]).toMatchObject({
      kind: 'number',
      text: '18446744073709551615',
    });
  });
  test.each(['{"a":1,}', '{"a":01}', "{'a':1}", '{"a":1} x', '{"a":"\u0001"}', '{"a":tru}'])(
    'rejects %s',
    (text) => {
      expect(() => parseStrictJson(text)).toThrow();
    },
  );
});

describe('real chat templates stored in metadata stay clean end to end', () => {
  const corpus = JSON.parse(
    readFileSync(join(FIXTURES_ROOT, 'llm', 'templates', 'real-templates.json'), 'utf8'),
  ) as { templates: { name: string; template: string }[] };
  test('every corpus template as __metadata__.chat_template', async () => {
    const noisy: string[] = [];
    for (const t of corpus.templates) {
      const meta = JSON.stringify({ format: 'pt', chat_template: t.template });
      const r = await scanBytes(st(`{"__metadata__":${meta}}`), `${t.name}.safetensors`);
      if (r.findings.length) noisy.push(`${t.name}: ${r.findings.map((f) => f.ruleId).join(',')}`);
    }
    expect(noisy).toEqual([]);
  });

  test('a text file with JSON at byte 8 is not taken for safetensors', async () => {
    const r = await scanBytes(Buffer.from('var cfg={"model":{"a":1}};\n'), 'cfg.js');
    expect(r.format).not.toBe('safetensors');
  });
});
