/**
 * GGUF: bounded parsing of hand-built files (every count can lie), both byte orders and v1,
 * identity claims, suspicious fixtures at WARNING, and tensor data never read.
 */
import { existsSync } from 'node:fs';
import { resolveOptions } from '../../../src/options/options.js';
import { scanFile } from '../../../src/pipeline/engine.js';
import { loadFixtures } from '../../helpers/manifest.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';

/** A little GGUF builder: v1 uses 32-bit lengths, v2/v3 64-bit. */
class G {
  private kvs: Buffer[] = [];
  private infos: Buffer[] = [];
  data = Buffer.alloc(0);
  constructor(
    private readonly version = 3,
    private readonly le = true,
  ) {}
  private u32(n: number): Buffer {
    const b = Buffer.alloc(4);
    if (this.le) b.writeUInt32LE(n);
    else b.writeUInt32BE(n);
    return b;
  }
  private u64(n: bigint): Buffer {
    const b = Buffer.alloc(8);
    if (this.le) b.writeBigUInt64LE(n);
    else b.writeBigUInt64BE(n);
    return b;
  }
  private len(n: number | bigint): Buffer {
    return this.version === 1 ? this.u32(Number(n)) : this.u64(BigInt(n));
  }
  str(s: string): Buffer {
    const b = Buffer.from(s);
    return Buffer.concat([this.len(b.length), b]);
  }
  string(key: string, value: string): this {
    this.kvs.push(Buffer.concat([this.str(key), this.u32(8), this.str(value)]));
    return this;
  }
  strings(key: string, values: string[]): this {
    this.kvs.push(
      Buffer.concat([
        this.str(key),
        this.u32(9),
        this.u32(8),
        this.len(values.length),
        ...values.map((v) => this.str(v)),
      ]),
    );
    return this;
  }
  uint32(key: string, value: number): this {
    this.kvs.push(Buffer.concat([this.str(key), this.u32(4), this.u32(value)]));
    return this;
  }
  tensor(name: string, dims: number[], type: number, offset: number): this {
    const d = dims.map((x) => (this.version === 1 ? this.u32(x) : this.u64(BigInt(x))));
    this.infos.push(
      Buffer.concat([
        this.str(name),
        this.u32(dims.length),
        ...d,
        this.u32(type),
        this.u64(BigInt(offset)),
      ]),
    );
    return this;
  }
  build(): Buffer {
    const head = Buffer.concat([
      Buffer.from('GGUF'),
      this.u32(this.version),
      this.len(this.infos.length),
      this.len(this.kvs.length),
      ...this.kvs,
      ...this.infos,
    ]);
    const pad = Buffer.alloc((32 - (head.length % 32)) % 32);
    return Buffer.concat([head, pad, this.data]);
  }
}

const escape = "{{ lipsum.__globals__['os'].popen('touch /tmp/modelaudit-marker-gguf-unit') }}";

describe('GGUF parsing', () => {
  const cases: [string, () => Buffer, string[]][] = [
    ['minimal v3', () => new G().string('general.architecture', 'llama').build(), []],
    [
      'v3 with a tensor',
      () => Object.assign(new G().tensor('w', [8], 0, 0), { data: Buffer.alloc(32) }).build(),
      [],
    ],
    [
      'big-endian',
      () =>
        Object.assign(new G(3, false).tensor('w', [8], 0, 0), { data: Buffer.alloc(32) }).build(),
      [],
    ],
    [
      'v1 (32-bit lengths)',
      () =>
        Object.assign(new G(1).string('a', 'b').tensor('w', [8], 0, 0), {
          data: Buffer.alloc(32),
        }).build(),
      [],
    ],
    [
      'Q4_K tensor',
      () =>
        Object.assign(new G().tensor('q', [256, 2], 12, 0), { data: Buffer.alloc(288) }).build(),
      [],
    ],
    [
      '5 dimensions',
      () =>
        Object.assign(new G().tensor('w', [1, 1, 1, 1, 8], 0, 0), {
          data: Buffer.alloc(32),
        }).build(),
      ['MA5108'],
    ],
    [
      'escaping template, big-endian',
      () => new G(3, false).string('tokenizer.chat_template', escape).build(),
      ['MA5201', 'MA5203', 'MA5204'],
    ],
    [
      'escaping template in a template list',
      () => new G().strings('tokenizer.chat_templates', ['{{ x }}', escape]).build(),
      ['MA5201', 'MA5203', 'MA5204'],
    ],
    [
      'alignment stored as a string',
      () => new G().string('general.alignment', '32').build(),
      ['MA5110'],
    ],
    [
      'bytes after the data',
      () =>
        Object.assign(new G().tensor('w', [8], 0, 0), {
          data: Buffer.concat([Buffer.alloc(32), Buffer.from('zip?')]),
        }).build(),
      ['MA1003', 'MA5114'],
    ],
  ];
  test.each(cases)('%s', async (_name, make, rules) => {
    const r = await scanBytes(make(), 'm.gguf');
    expect(r.format).toBe('gguf');
    expect(rulesOf(r)).toEqual(rules);
  });

  test('identity claims from general.*', async () => {
    const g = new G()
      .string('general.name', 'Meta Llama 3.1 8B Instruct')
      .string('general.basename', 'Meta-Llama-3.1')
      .string('general.architecture', 'llama')
      .string('general.size_label', '8B')
      .string('general.base_model.0.name', 'Llama 3.1 8B')
      .uint32('general.file_type', 15);
    const r = await scanBytes(g.build(), 'x.gguf');
    const claims = (r.details.identityClaims ?? []) as { field: string; value: string }[];
    expect(claims.map((c) => `${c.field}=${c.value}`)).toEqual([
      'name=Meta Llama 3.1 8B Instruct',
      'family=Meta-Llama-3.1',
      'architecture=llama',
      'size_label=8B',
      'base_model=Llama 3.1 8B',
      'quantization=MOSTLY_Q4_K_M',
    ]);
  });

  test('large vocabularies are walked and tensor data is never read', async () => {
    const tokens = Array.from({ length: 150_000 }, (_, i) => `token_${i}`);
    const g = new G().strings('tokenizer.ggml.tokens', tokens).tensor('w', [4 << 20], 0, 0);
    g.data = Buffer.alloc(16 << 20);
    const bytes = g.build();
    const r = await scanBytes(bytes, 'vocab.gguf');
    expect(r.findings).toEqual([]);
    expect(r.bytesRead).toBeLessThan(bytes.length - (16 << 20) + (2 << 20));
  });
});

describe('suspicious llm fixtures are WARNINGs with their rules', () => {
  const suspicious = loadFixtures().filter(
    (f) => f.class === 'suspicious' && /fixtures\/llm\//.test(f.path),
  );
  test('there are some', () => expect(suspicious.length).toBeGreaterThan(0));
  test.each(suspicious.map((f) => [f.file, f] as const))('%s', async (_file, f) => {
    expect(existsSync(f.path)).toBe(true);
    const r = await scanFile(f.path, resolveOptions());
    const rules = new Set(r.findings.map((x) => x.ruleId));
    for (const rule of f.expect.rules ?? []) expect(rules.has(rule)).toBe(true);
    expect(r.findings.filter((x) => x.severity === 'ERROR')).toEqual([]);
  });
});
