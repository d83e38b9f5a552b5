import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrustedRoot, TrustedRootError } from '../../src/signing/signature-check.js';
import { verifyModel, type VerifyOptions } from '../../src/signing/verify.js';
import { keyBundleBySpec, keyPair, makeModel, statementBySpec } from './helpers.js';
import { issueLeaf, makeInstance, sigstoreBundle } from './sigstore-by-hand.js';

const IDENTITY = 'release-bot@example.com';
const ISSUER = 'https://accounts.example.com';
const inst = makeInstance();
const files = { 'weights.bin': Buffer.alloc(4000, 9), 'config.json': '{}' };
const statement = statementBySpec('tiny-model', [
  { name: 'config.json', content: files['config.json'] },
  { name: 'weights.bin', content: files['weights.bin'] },
]);

function policy(
  over: Partial<{ identity: string; issuer: string; root: object }> = {},
): VerifyOptions {
  return {
    policy: {
      method: 'certificate-identity',
      identity: over.identity ?? IDENTITY,
      issuer: over.issuer ?? ISSUER,
      trustedRoot: parseTrustedRoot(JSON.stringify(over.root ?? inst.trustedRoot)),
    },
  };
}

async function outcome(bundle: string, options: VerifyOptions = policy()): Promise<string> {
  const model = makeModel(files);
  writeFileSync(join(model, 'model.sig'), bundle);
  const r = await verifyModel(model, options);
  return [r.status, ...r.findings.map((f) => f.ruleId)].join(' ');
}

describe('sigstore certificate bundles (hand-built private instance, offline)', () => {
  const leaf = issueLeaf(inst, { identity: IDENTITY, issuer: ISSUER });

  test('a bundle from the trusted instance with the right identity verifies', async () => {
    const model = makeModel(files);
    writeFileSync(join(model, 'model.sig'), sigstoreBundle(inst, leaf, statement));
    const r = await verifyModel(model, policy());
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('verified');
    expect(r.signer).toBe(`${IDENTITY} (issuer ${ISSUER})`);
  });

  test('a URI identity (workflow) on a P-384 leaf verifies', async () => {
    const uri = 'https://github.com/example/models/.github/workflows/sign.yml@refs/heads/main';
    const p384 = issueLeaf(inst, { identity: uri, issuer: ISSUER, curve: 'secp384r1' });
    expect(
      await outcome(
        sigstoreBundle(inst, p384, statement, { curve: 'secp384r1' }),
        policy({ identity: uri }),
      ),
    ).toBe('verified');
  });

  test('the client trust config form of the trusted root is accepted', async () => {
    const root = parseTrustedRoot(
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json',
        trustedRoot: inst.trustedRoot,
      }),
    );
    expect(root.tlogs).toHaveLength(1);
  });

  test.each([
    ['wrong identity', policy({ identity: 'someone-else@example.com' }), 'failed MA8004'],
    [
      'wrong issuer',
      policy({ issuer: 'https://token.actions.githubusercontent.com' }),
      'failed MA8004',
    ],
    ['another trusted root', policy({ root: makeInstance().trustedRoot }), 'failed MA8005'],
  ])('%s', async (_name, options, expected) => {
    expect(await outcome(sigstoreBundle(inst, leaf, statement), options)).toBe(expected);
  });

  test('a payload changed after logging is caught (log body and signature)', async () => {
    const evil = Buffer.from(JSON.stringify({ ...statement, predicateType: 'x' }));
    expect(await outcome(sigstoreBundle(inst, leaf, statement, { payloadOverride: evil }))).toBe(
      'failed MA8003',
    );
  });

  test('a changed model file under a valid certificate signature', async () => {
    const model = makeModel(files);
    writeFileSync(join(model, 'model.sig'), sigstoreBundle(inst, leaf, statement));
    writeFileSync(join(model, 'weights.bin'), Buffer.alloc(4000, 8));
    const r = await verifyModel(model, policy());
    expect(r.findings.map((f) => f.ruleId)).toEqual(['MA8009']);
  });

  test('logged outside the certificate validity is untrusted', async () => {
    const late = sigstoreBundle(inst, leaf, statement, {
      integratedTime: new Date('2025-06-02T12:00:00Z'),
    });
    expect(await outcome(late)).toBe('failed MA8005');
  });

  test('a certificate from an untrusted CA (same names) is untrusted', async () => {
    const rogue = makeInstance();
    const rogueLeaf = issueLeaf(rogue, { identity: IDENTITY, issuer: ISSUER });
    expect(await outcome(sigstoreBundle(rogue, rogueLeaf, statement))).toBe('failed MA8005');
  });

  test('a key-based bundle cannot satisfy an identity policy', async () => {
    const k = keyPair();
    expect(await outcome(keyBundleBySpec(statement, k.privateKey, k.publicKey))).toBe(
      'failed MA8004',
    );
  });

  test('a tampered tlog entry (body) is caught', async () => {
    const b = JSON.parse(sigstoreBundle(inst, leaf, statement));
    const entry = b.verificationMaterial.tlogEntries[0];
    const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString());
    body.spec.payloadHash.value = '0'.repeat(64);
    entry.canonicalizedBody = Buffer.from(JSON.stringify(body)).toString('base64');
    expect(await outcome(JSON.stringify(b))).toBe('failed MA8005');
  });

  test('an unusable trusted root is a configuration error', () => {
    expect(() => parseTrustedRoot('{')).toThrow(TrustedRootError);
    expect(() => parseTrustedRoot('{"mediaType":"x"}')).toThrow(TrustedRootError);
  });
});
