/**
 * Payloads behind encodings: every text encoding decodes as Python's base64 module encodes
 * (vectors produced by fixtures/payloads/make_fixtures.py's encoders), ordinary strings are
 * never taken for payloads, and the work is bounded by the shared budget.
 */
import { deflateSync, gzipSync } from 'node:zlib';
import { PeelBudget, peelPayload, payloadKind } from '../../../src/analysis/encoded/peel.js';
import { mayHidePayload } from '../../../src/analysis/encoded/sniff.js';
import { candidateEncodings, decodeText } from '../../../src/analysis/encoded/text-encodings.js';

const PICKLE = Buffer.from('80026361000a620a71005802000000696471018571025271032e', 'hex');

describe('text encodings decode like Python', () => {
  // base64.b85encode(b'hello world!!') / base64.a85encode(..., adobe=True) / b32encode
  test.each([
    ['base85', 'Xk~0{Zy<MXa%^NFAp', 'hello world!!'],
    ['ascii85', '<~BOu!rD]j7BEbo80+T~>', 'hello world!!'],
    ['base32', 'NBSWY3DPEB3W64TMMQQSC===', 'hello world!!'],
    ['hex', '68656c6c6f20776f726c642121', 'hello world!!'],
    ['base64url', 'aGVsbG8gd29ybGQhIT8_', 'hello world!!??'],
  ] as const)('%s', (encoding, encoded, plain) => {
    expect(decodeText(encoding, encoded)?.toString('latin1')).toBe(plain);
  });

  test('a string outside the alphabet is never decoded', () => {
    expect(decodeText('hex', 'xyz0')).toBeUndefined();
    expect(decodeText('base32', 'abc1')).toBeUndefined();
  });
});

describe('what may hide a payload', () => {
  test.each([
    ['a sha256 digest', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['a parameter name', 'model.layers.0.self_attn.q_proj.weight'],
    [
      'a base64 PNG',
      Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(40)]).toString('base64'),
    ],
    ['a sentence', 'The quick brown fox jumps over the lazy dog, twice over.'],
    ['a UUID', '123e4567-e89b-12d3-a456-426614174000'],
  ])('%s is passed over', (_what, text) => {
    expect(mayHidePayload(text)).toBe(false);
  });

  test.each([
    ['base64 pickle', PICKLE.toString('base64')],
    ['hex pickle', PICKLE.toString('hex')],
    ['base64 zlib', deflateSync(PICKLE).toString('base64')],
    ['hex gzip', gzipSync(PICKLE).toString('hex')],
  ])('%s is looked at', (_what, text) => {
    expect(mayHidePayload(text)).toBe(true);
  });
});

describe('peeling', () => {
  test('layers come off outermost first and the pickle is found', async () => {
    const value = Buffer.from(deflateSync(PICKLE).toString('base64')).toString('hex');
    const p = await peelPayload(value, new PeelBudget());
    expect(p?.layers).toEqual(['hex', 'base64', 'zlib']);
    expect(p?.kind).toBe('pickle');
    expect(p?.bytes.equals(PICKLE)).toBe(true);
  });

  test('plain text is not a payload without at least one layer', async () => {
    expect(await peelPayload('import os\nos.system("x")\n', new PeelBudget())).toBeUndefined();
    expect(payloadKind(Buffer.from('import os\nos.system("x")\n'))).toBe('source');
  });

  test('the budget bounds the work and says so', async () => {
    const budget = new PeelBudget(1024, 1024);
    const big = deflateSync(Buffer.alloc(64 * 1024, 0x61)).toString('base64');
    expect(await peelPayload(big, budget)).toBeUndefined();
    expect(budget.exhausted).toBe(true);
    expect(budget.bytes).toBeLessThanOrEqual(1024);
  });

  test('nesting deeper than the budget allows stops', async () => {
    let v: Buffer = PICKLE;
    for (let i = 0; i < 8; i++) v = Buffer.from(v.toString('base64'));
    const p = await peelPayload(v, new PeelBudget(64 << 20, 16 << 20, 6));
    expect(p).toBeUndefined();
    expect(candidateEncodings(v.toString())).toContain('base64');
  });
});
