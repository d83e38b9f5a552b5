import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { makeModel, pem, tempDir } from './helpers.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
  });
  return { code, out, err };
}

describe('modelaudit sign / verify', () => {
  const dir = tempDir();
  const keys = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  const keyFile = join(dir, 'key.pem');
  const pubFile = join(dir, 'key.pub');
  writeFileSync(keyFile, pem(keys.privateKey));
  writeFileSync(pubFile, pem(keys.publicKey));

  test('sign then verify exits 0; a changed file exits 1 with the finding in every format', async () => {
    const model = makeModel();
    const s = await cli('sign', '--key', keyFile, model);
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/^Signed 4 items of .* into .*model\.sig/);
    const v = await cli('verify', '--public-key', pubFile, model);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^Signature verified: signed by ECDSA P-384 public key/);

    writeFileSync(join(model, 'config.json'), '{"model_type": "evil"}\n');
    const text = await cli('verify', '--public-key', pubFile, model);
    expect(text.code).toBe(1);
    expect(text.out).toContain('MA8009  signed-file-changed');
    const json = JSON.parse(
      (await cli('verify', '--public-key', pubFile, '-f', 'json', model)).out,
    );
    expect(json.files[0].findings[0]).toMatchObject({
      ruleId: 'MA8009',
      scanner: 'model-signature',
    });
    const sarif = JSON.parse(
      (await cli('verify', '--public-key', pubFile, '-f', 'sarif', model)).out,
    );
    expect(sarif.runs[0].results[0].ruleId).toBe('MA8009');
    expect((await cli('verify', '--public-key', pubFile, '--fail-on', 'none', model)).code).toBe(0);
  });

  test('--signature, shards, and a missing signature fails verification', async () => {
    const model = makeModel();
    const sig = join(dir, 'elsewhere.sig');
    expect(
      (await cli('sign', '--key', keyFile, '--signature', sig, '--shard-size', '1024', model)).code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(sig, 'utf8')).mediaType).toBe(
      'application/vnd.dev.sigstore.bundle.v0.3+json',
    );
    expect((await cli('verify', '--public-key', pubFile, '--signature', sig, model)).code).toBe(0);
    const none = await cli('verify', '--public-key', pubFile, model);
    expect(none.code).toBe(1);
    expect(none.out).toContain('MA8001');
  });

  test.each([
    [['verify', 'x'], /needs --public-key/],
    [['verify', '--public-key', 'k', '--certificate-identity', 'a', 'x'], /not both/],
    [
      ['verify', '--certificate-identity', 'a', 'x'],
      /--certificate-oidc-issuer and --trusted-root/,
    ],
    [['verify', '--public-key', '/nonexistent/key.pub', 'x'], /cannot read public key/],
    [['sign', 'x'], /needs --key/],
    [['sign', '--key', 'k', '--shard-size', '0', 'x'], /--shard-size must be a positive integer/],
    [['verify', '--bogus'], /Unknown option/],
  ])('usage error %j exits 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test('an Ed25519 key is refused for signing', async () => {
    const ed = join(dir, 'ed.pem');
    writeFileSync(ed, pem(generateKeyPairSync('ed25519').privateKey));
    const r = await cli('sign', '--key', ed, makeModel());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ECDSA P-256, P-384 or P-521/);
  });

  test('help', async () => {
    expect((await cli('verify', '--help')).out).toMatch(/^Usage: modelaudit verify/);
    expect((await cli('sign', '-h')).out).toMatch(/^Usage: modelaudit sign/);
  });
});
