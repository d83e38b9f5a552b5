import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signModel } from '../../src/signing/sign.js';
import { verifyModel, type VerifyOptions } from '../../src/signing/verify.js';
import {
  keyBundleBySpec,
  keyPair,
  makeModel,
  statementBySpec,
  tempDir,
  type Curve,
} from './helpers.js';

interface Outcome {
  status: string;
  rules: string[];
}

/** One row of the verification matrix: what was done, what we expect, what came out. */
const matrix: { case: string; expected: string; actual: string }[] = [];

function show(o: Outcome): string {
  return o.rules.length ? `${o.status} ${[...new Set(o.rules)].sort().join(',')}` : o.status;
}

async function run(model: string, options: VerifyOptions): Promise<Outcome> {
  const r = await verifyModel(model, options);
  return { status: r.status, rules: r.findings.map((f) => f.ruleId) };
}

async function check(name: string, expected: Outcome, got: Promise<Outcome>): Promise<void> {
  const actual = await got;
  matrix.push({ case: name, expected: show(expected), actual: show(actual) });
  expect(show(actual)).toBe(show(expected));
}

const OK: Outcome = { status: 'verified', rules: [] };
const fails = (...rules: string[]): Outcome => ({ status: 'failed', rules });

const keyPolicy = (publicKey: KeyObject): VerifyOptions => ({
  policy: { method: 'public-key', publicKey },
});

async function signed(
  curve: Curve = 'prime256v1',
  extra: Partial<Parameters<typeof signModel>[1]> = {},
): Promise<{ model: string; keys: ReturnType<typeof keyPair> }> {
  const model = makeModel();
  const keys = keyPair(curve);
  await signModel(model, { privateKey: keys.privateKey, ...extra });
  return { model, keys };
}

afterAll(() => {
  if (!process.env.PRINT_SIGNING_MATRIX) return;
  const w = Math.max(...matrix.map((r) => r.case.length));
  const lines = [
    `${'case'.padEnd(w)} | expected | actual`,
    ...matrix.map((r) => `${r.case.padEnd(w)} | ${r.expected} | ${r.actual}`),
  ];
  process.stdout.write(`\nVerification matrix (${matrix.length} cases)\n${lines.join('\n')}\n`);
});

describe('round trips with our signer', () => {
  test.each<[Curve]>([['prime256v1'], ['secp384r1'], ['secp521r1']])(
    'ECDSA %s signs and verifies',
    async (curve) => {
      const { model, keys } = await signed(curve);
      await check(`round trip ECDSA ${curve}`, OK, run(model, keyPolicy(keys.publicKey)));
    },
  );

  test('shard serialization round trip, small shards', async () => {
    const { model, keys } = await signed('prime256v1', { method: 'shards', shardSize: 1000 });
    const sig = JSON.parse(readFileSync(join(model, 'model.sig'), 'utf8'));
    const statement = JSON.parse(Buffer.from(sig.dsseEnvelope.payload, 'base64').toString());
    const names = statement.predicate.resources.map((r: { name: string }) => r.name);
    // 3000 bytes in 1000-byte shards; the empty file has no shard at all.
    expect(names).toEqual(expect.arrayContaining(['model.safetensors:2000:3000']));
    expect(names.some((n: string) => n.startsWith('empty.bin'))).toBe(false);
    expect(statement.predicate.resources[0].algorithm).toBe('sha256-sharded-1000');
    await check('round trip shards (1000 B)', OK, run(model, keyPolicy(keys.publicKey)));
  });

  test('BLAKE2b round trip', async () => {
    const { model, keys } = await signed('prime256v1', { hashType: 'blake2b' });
    await check('round trip blake2b', OK, run(model, keyPolicy(keys.publicKey)));
  });

  test('single-file model: signature beside it, resource "."', async () => {
    const dir = tempDir();
    const file = join(dir, 'model.pkl');
    writeFileSync(file, 'not really a pickle');
    const keys = keyPair();
    const r = await signModel(file, { privateKey: keys.privateKey });
    expect(r.signaturePath).toBe(`${file}.sig`);
    await check('round trip single file', OK, run(file, keyPolicy(keys.publicKey)));
  });

  test('git paths and the signature itself are left out, and recorded as such', async () => {
    const { model, keys } = await signed();
    const sig = JSON.parse(readFileSync(join(model, 'model.sig'), 'utf8'));
    const statement = JSON.parse(Buffer.from(sig.dsseEnvelope.payload, 'base64').toString());
    expect(statement.predicate.serialization.ignore_paths).toEqual(
      expect.arrayContaining(['.git', '.gitattributes', 'model.sig']),
    );
    expect(statement.predicate.resources.map((r: { name: string }) => r.name)).toEqual([
      'config.json',
      'empty.bin',
      'model.safetensors',
      'tokenizer/vocab.txt',
    ]);
    appendFileSync(join(model, '.git/HEAD'), 'changed');
    writeFileSync(join(model, '.gitignore'), '*.tmp\n');
    await check('git files changed after signing', OK, run(model, keyPolicy(keys.publicKey)));
  });
});

describe('tampering', () => {
  test('a changed file', async () => {
    const { model, keys } = await signed();
    const p = join(model, 'model.safetensors');
    const b = readFileSync(p);
    b[100] ^= 1;
    writeFileSync(p, b);
    const r = await verifyModel(model, keyPolicy(keys.publicKey));
    expect(r.findings[0]).toMatchObject({
      ruleId: 'MA8009',
      severity: 'ERROR',
      location: { path: p },
    });
    expect(r.findings[0]!.evidence).toMatch(/^model\.safetensors: signed sha256 [0-9a-f]{64}, now/);
    await check('tampered file (one bit)', fails('MA8009'), run(model, keyPolicy(keys.publicKey)));
  });

  test('a changed shard, and a file whose size changed (shards)', async () => {
    const { model, keys } = await signed('prime256v1', { method: 'shards', shardSize: 1000 });
    const p = join(model, 'model.safetensors');
    const b = readFileSync(p);
    b[1500] ^= 1;
    writeFileSync(p, b);
    const r = await verifyModel(model, keyPolicy(keys.publicKey));
    expect(r.findings.map((f) => f.evidence?.split(':').slice(0, 3).join(':'))).toEqual([
      'model.safetensors:1000:2000',
    ]);
    await check('tampered shard', fails('MA8009'), run(model, keyPolicy(keys.publicKey)));
    appendFileSync(p, 'x');
    await check('shards: file grew', fails('MA8009'), run(model, keyPolicy(keys.publicKey)));
  });

  test('an extra file and a missing file', async () => {
    const { model, keys } = await signed();
    writeFileSync(join(model, 'evil.pkl'), 'cos\nsystem\n');
    await check('extra file', fails('MA8008'), run(model, keyPolicy(keys.publicKey)));
    await check(
      'extra file, ignoreUnsignedFiles',
      OK,
      run(model, { ...keyPolicy(keys.publicKey), ignoreUnsignedFiles: true }),
    );
    rmSync(join(model, 'evil.pkl'));
    rmSync(join(model, 'tokenizer/vocab.txt'));
    await check('missing file', fails('MA8007'), run(model, keyPolicy(keys.publicKey)));
  });

  test('a tampered manifest (digest swapped, signature kept)', async () => {
    const { model, keys } = await signed();
    const sigPath = join(model, 'model.sig');
    const bundle = JSON.parse(readFileSync(sigPath, 'utf8'));
    const st = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    st.predicate.resources[0].digest = createHash('sha256').update('evil').digest('hex');
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(st, null, 2)).toString('base64');
    writeFileSync(sigPath, JSON.stringify(bundle));
    await check('tampered manifest', fails('MA8003'), run(model, keyPolicy(keys.publicKey)));
  });

  test('a manifest re-encoded (same JSON, other whitespace) no longer verifies', async () => {
    const { model, keys } = await signed();
    const sigPath = join(model, 'model.sig');
    const bundle = JSON.parse(readFileSync(sigPath, 'utf8'));
    const st = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
    writeFileSync(sigPath, JSON.stringify(bundle));
    await check('re-encoded payload', fails('MA8003'), run(model, keyPolicy(keys.publicKey)));
  });

  test('a bundle re-encoded (keys reordered, compact) still verifies', async () => {
    const { model, keys } = await signed();
    const sigPath = join(model, 'model.sig');
    const b = JSON.parse(readFileSync(sigPath, 'utf8'));
    const reordered = {
      dsseEnvelope: {
        signatures: b.dsseEnvelope.signatures,
        payloadType: b.dsseEnvelope.payloadType,
        payload: b.dsseEnvelope.payload,
      },
      verificationMaterial: b.verificationMaterial,
      mediaType: b.mediaType,
    };
    writeFileSync(sigPath, JSON.stringify(reordered));
    await check('re-encoded bundle JSON', OK, run(model, keyPolicy(keys.publicKey)));
  });

  test.each([
    ['truncated bundle', (s: string) => s.slice(0, Math.floor(s.length / 2))],
    ['empty signature file', () => ''],
    [
      'bundle without envelope',
      (s: string) => {
        const b = JSON.parse(s);
        delete b.dsseEnvelope;
        return JSON.stringify(b);
      },
    ],
    [
      'bundle with two signatures',
      (s: string) => {
        const b = JSON.parse(s);
        b.dsseEnvelope.signatures.push(b.dsseEnvelope.signatures[0]);
        return JSON.stringify(b);
      },
    ],
    ['not a sigstore bundle', () => '{"payload": "x"}'],
    ['JSON array', () => '[]'],
  ])('%s is malformed', async (name, mutate) => {
    const { model, keys } = await signed();
    const sigPath = join(model, 'model.sig');
    writeFileSync(sigPath, mutate(readFileSync(sigPath, 'utf8')));
    await check(name, fails('MA8002'), run(model, keyPolicy(keys.publicKey)));
  });
});

describe('signer', () => {
  test('a wrong key: hint mismatch names the signer mismatch', async () => {
    const { model } = await signed();
    const other = keyPair();
    await check(
      'wrong key (hinted bundle)',
      fails('MA8004'),
      run(model, keyPolicy(other.publicKey)),
    );
  });

  test('a wrong key without a hint fails the signature', async () => {
    const model = makeModel({ 'a.bin': 'aaa' });
    const k = keyPair();
    const st = statementBySpec('tiny-model', [{ name: 'a.bin', content: 'aaa' }]);
    writeFileSync(
      join(model, 'model.sig'),
      keyBundleBySpec(st, k.privateKey, k.publicKey, 'prime256v1', { hint: null }),
    );
    await check('hintless bundle, right key', OK, run(model, keyPolicy(k.publicKey)));
    await check(
      'hintless bundle, wrong key',
      fails('MA8003'),
      run(model, keyPolicy(keyPair().publicKey)),
    );
  });

  test('a key type the format does not allow is unsupported', async () => {
    const { model } = await signed();
    const ed = generateKeyPairSync('ed25519').publicKey;
    await check('Ed25519 public key', fails('MA8006'), run(model, keyPolicy(ed)));
  });
});

describe('bundles built by hand from the published format', () => {
  test.each<[Curve]>([['prime256v1'], ['secp384r1'], ['secp521r1']])(
    'a hand-built %s bundle verifies, and then detects tampering',
    async (curve) => {
      const files = { 'weights.bin': Buffer.alloc(5000, 3), 'sub/config.json': '{}' };
      const model = makeModel(files);
      const k = keyPair(curve);
      const st = statementBySpec('tiny-model', [
        { name: 'sub/config.json', content: files['sub/config.json'] },
        { name: 'weights.bin', content: files['weights.bin'] },
      ]);
      writeFileSync(
        join(model, 'model.sig'),
        keyBundleBySpec(st, k.privateKey, k.publicKey, curve),
      );
      await check(`hand-built ${curve}`, OK, run(model, keyPolicy(k.publicKey)));
      writeFileSync(join(model, 'weights.bin'), Buffer.alloc(5000, 4));
      await check(
        `hand-built ${curve}, file changed`,
        fails('MA8009'),
        run(model, keyPolicy(k.publicKey)),
      );
    },
  );

  test('a v0.2 statement (predicate Digests/v0.1, one subject per file) verifies', async () => {
    const model = makeModel({ 'a.bin': 'A', 'b.bin': 'B' });
    const k = keyPair();
    const st = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: ['a.bin', 'b.bin'].map((name) => ({
        name,
        digest: {
          sha256: createHash('sha256')
            .update(name === 'a.bin' ? 'A' : 'B')
            .digest('hex'),
        },
        annotations: { actual_hash_algorithm: 'file-sha256' },
      })),
      predicateType: 'https://model_signing/Digests/v0.1',
      predicate: { unused: 'Unused, just passed due to API requirements' },
    };
    writeFileSync(join(model, 'model.sig'), keyBundleBySpec(st, k.privateKey, k.publicKey));
    await check('hand-built v0.2 Digests statement', OK, run(model, keyPolicy(k.publicKey)));
  });

  test('a signed manifest whose subject digest contradicts its resources is malformed', async () => {
    const model = makeModel({ 'a.bin': 'A' });
    const k = keyPair();
    const st = statementBySpec('m', [{ name: 'a.bin', content: 'A' }]) as {
      subject: { digest: { sha256: string } }[];
    };
    st.subject[0]!.digest.sha256 = '0'.repeat(64);
    writeFileSync(join(model, 'model.sig'), keyBundleBySpec(st, k.privateKey, k.publicKey));
    await check('inconsistent subject digest', fails('MA8002'), run(model, keyPolicy(k.publicKey)));
  });

  test.each([
    ['unknown predicate type', { predicateType: 'https://example.com/other/v1' }],
    ['blake3 serialization', { blake3: true }],
    ['unknown serialization method', { method: 'tensors' }],
  ])('%s is unsupported', async (name, change) => {
    const model = makeModel({ 'a.bin': 'A' });
    const k = keyPair();
    const st = statementBySpec('m', [{ name: 'a.bin', content: 'A' }]) as {
      predicateType: string;
      predicate: {
        serialization: Record<string, unknown>;
        resources: { algorithm: string }[];
      };
    };
    if ('predicateType' in change) st.predicateType = change.predicateType;
    if ('blake3' in change) {
      st.predicate.serialization.hash_type = 'blake3';
      st.predicate.resources[0]!.algorithm = 'blake3';
    }
    if ('method' in change) st.predicate.serialization.method = change.method;
    writeFileSync(join(model, 'model.sig'), keyBundleBySpec(st, k.privateKey, k.publicKey));
    await check(name, fails('MA8006'), run(model, keyPolicy(k.publicKey)));
  });

  test('a message-signature bundle (not DSSE) is unsupported', async () => {
    const model = makeModel({ 'a.bin': 'A' });
    const k = keyPair();
    writeFileSync(
      join(model, 'model.sig'),
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: { publicKey: { hint: 'x' }, tlogEntries: [] },
        messageSignature: {
          messageDigest: { algorithm: 'SHA2_256', digest: Buffer.alloc(32, 1).toString('base64') },
          signature: Buffer.alloc(70, 2).toString('base64'),
        },
      }),
    );
    await check('message-signature bundle', fails('MA8006'), run(model, keyPolicy(k.publicKey)));
  });
});

describe('model walking rules', () => {
  test('no signature: INFO, or ERROR when required', async () => {
    const model = makeModel({ 'a.bin': 'A' });
    const k = keyPair();
    const r = await verifyModel(model, keyPolicy(k.publicKey));
    expect(r.status).toBe('unsigned');
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['MA8001', 'INFO']]);
    const req = await verifyModel(model, { ...keyPolicy(k.publicKey), requireSignature: true });
    expect(req.findings.map((f) => [f.ruleId, f.severity])).toEqual([['MA8001', 'ERROR']]);
    matrix.push({
      case: 'no signature',
      expected: 'unsigned MA8001 INFO',
      actual: `${r.status} ${r.findings[0]!.ruleId} ${r.findings[0]!.severity}`,
    });
    matrix.push({
      case: 'no signature, required',
      expected: 'unsigned MA8001 ERROR',
      actual: `${req.status} ${req.findings[0]!.ruleId} ${req.findings[0]!.severity}`,
    });
  });

  test('a symbolic link the signature does not allow cannot be checked', async () => {
    const { model, keys } = await signed();
    symlinkSync(join(model, 'config.json'), join(model, 'link.json'));
    await check(
      'symlink, allow_symlinks false',
      fails('MA8010'),
      run(model, keyPolicy(keys.publicKey)),
    );
  });

  test('a symbolic link is hashed as its target when the signature allows links', async () => {
    const model = makeModel({ 'a.bin': 'A' });
    symlinkSync(join(model, 'a.bin'), join(model, 'b.bin'));
    const k = keyPair();
    await signModel(model, { privateKey: k.privateKey, allowSymlinks: true });
    await check('symlink, allow_symlinks true', OK, run(model, keyPolicy(k.publicKey)));
  });

  test('the signature beside a directory (PATH.sig) is found', async () => {
    const model = makeModel({ 'a.bin': 'A' });
    const k = keyPair();
    await signModel(model, { privateKey: k.privateKey, signaturePath: `${model}.sig` });
    const r = await verifyModel(model, keyPolicy(k.publicKey));
    expect(r.signaturePath).toBe(`${model}.sig`);
    expect(r.status).toBe('verified');
  });
});

describe('hashing', () => {
  test('worker threads and the in-process path agree, and both hash every byte once', async () => {
    const { model, keys } = await signed('prime256v1', { method: 'shards', shardSize: 700 });
    const inProcess = await verifyModel(model, {
      ...keyPolicy(keys.publicKey),
      hashing: { workers: 0 },
    });
    const threaded = await verifyModel(model, {
      ...keyPolicy(keys.publicKey),
      hashing: { workers: 2, inProcessBelowBytes: 0 },
    });
    expect(inProcess.status).toBe('verified');
    expect(threaded.status).toBe('verified');
    expect(inProcess.hashing?.workers).toBe(0);
    expect(threaded.hashing?.workers).toBe(2);
    // config.json + model.safetensors (3000 B) + vocab.txt: every byte hashed exactly once.
    const bytes = 23 + 3000 + 6;
    expect(inProcess.hashing?.bytes).toBe(bytes);
    expect(threaded.hashing?.bytes).toBe(bytes);
    expect(threaded.hashing?.jobs).toBe(inProcess.hashing?.jobs);
  });
});
