/**
 * A private sigstore instance made by hand for tests, from the published specifications only:
 * X.509 certificates written in DER here (RFC 5280), a Fulcio-style leaf with the OIDC issuer
 * extensions (1.3.6.1.4.1.57264.1.1 / .1.8) and an embedded SCT (RFC 6962 §3.2), a Rekor
 * "dsse" v0.0.1 log entry with a signed entry timestamp and an RFC 6962 inclusion proof under a
 * signed checkpoint (C2SP signed note), a trusted_root.json (protobuf-specs TrustedRoot) and a
 * sigstore bundle v0.3. Nothing here comes from src/signing or from the sigstore libraries.
 */
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { paeBySpec, CURVE_HASH, type Curve } from './helpers.js';

// --- DER (X.690) -----------------------------------------------------------------------------
function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let len: number[];
  if (n < 0x80) len = [n];
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = [0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from([tag, ...len]), content]);
}
const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const bits = (b: Buffer, unused = 0): Buffer =>
  tlv(0x03, Buffer.concat([Buffer.from([unused]), b]));
const ctx = (n: number, content: Buffer): Buffer => tlv(0xa0 | n, content);
function int(n: number | Buffer): Buffer {
  const hex = typeof n === 'number' ? n.toString(16) : '';
  let b = typeof n === 'number' ? Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex') : n;
  if (b[0]! & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}
function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}
function time(d: Date): Buffer {
  const s = d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return tlv(0x17, Buffer.from(s, 'ascii'));
}
const name = (cn: string): Buffer => seq(set(seq(oid('2.5.4.3'), utf8(cn))));
function ext(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

const SIG_ALG: Record<Curve, string> = {
  prime256v1: '1.2.840.10045.4.3.2',
  secp384r1: '1.2.840.10045.4.3.3',
  secp521r1: '1.2.840.10045.4.3.4',
};

function spkiDer(key: KeyObject): Buffer {
  return (key.type === 'public' ? key : createPublicKey(key)).export({
    type: 'spki',
    format: 'der',
  });
}

function tbsCert(o: {
  serial: number;
  issuer: string;
  subject: string | null;
  notBefore: Date;
  notAfter: Date;
  publicKey: KeyObject;
  signerCurve: Curve;
  extensions: Buffer[];
}): Buffer {
  return seq(
    ctx(0, int(2)),
    int(o.serial),
    seq(oid(SIG_ALG[o.signerCurve])),
    name(o.issuer),
    seq(time(o.notBefore), time(o.notAfter)),
    o.subject === null ? seq() : name(o.subject),
    spkiDer(o.publicKey),
    ctx(3, seq(...o.extensions)),
  );
}

function signCert(tbs: Buffer, signer: KeyObject, curve: Curve): Buffer {
  return seq(tbs, seq(oid(SIG_ALG[curve])), bits(sign(CURVE_HASH[curve], tbs, signer)));
}

// --- the instance ------------------------------------------------------------------------------
export interface Instance {
  readonly caKey: KeyObject;
  readonly caCert: Buffer;
  readonly rekorKey: KeyObject;
  readonly ctKey: KeyObject;
  readonly trustedRoot: object;
}

const logId = (key: KeyObject): Buffer => createHash('sha256').update(spkiDer(key)).digest();
const START = new Date('2024-01-01T00:00:00Z');

export function makeInstance(): Instance {
  const ca = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const rekorKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const ctKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const tbs = tbsCert({
    serial: 1,
    issuer: 'test-fulcio-root',
    subject: 'test-fulcio-root',
    notBefore: START,
    notAfter: new Date('2034-01-01T00:00:00Z'),
    publicKey: ca.publicKey,
    signerCurve: 'prime256v1',
    extensions: [
      ext('2.5.29.19', true, seq(bool(true))),
      ext('2.5.29.15', true, bits(Buffer.from([0x06]), 1)), // keyCertSign, cRLSign
    ],
  });
  const caCert = signCert(tbs, ca.privateKey, 'prime256v1');
  const logEntry = (key: KeyObject, baseUrl: string): object => ({
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: spkiDer(key).toString('base64'),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start: START.toISOString() },
    },
    logId: { keyId: logId(key).toString('base64') },
  });
  return {
    caKey: ca.privateKey,
    caCert,
    rekorKey,
    ctKey,
    trustedRoot: {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [logEntry(rekorKey, 'https://rekor.test')],
      certificateAuthorities: [
        {
          subject: { organization: 'test', commonName: 'test-fulcio-root' },
          uri: 'https://fulcio.test',
          certChain: { certificates: [{ rawBytes: caCert.toString('base64') }] },
          validFor: { start: START.toISOString() },
        },
      ],
      ctlogs: [logEntry(ctKey, 'https://ctfe.test')],
      timestampAuthorities: [],
    },
  };
}

export interface LeafOptions {
  identity: string;
  issuer: string;
  curve?: Curve;
  signedAt?: Date;
}

/** A Fulcio-style leaf for `identity` with an SCT from the instance's CT log. */
export function issueLeaf(inst: Instance, o: LeafOptions): { cert: Buffer; key: KeyObject } {
  const curve = o.curve ?? 'prime256v1';
  const leaf = generateKeyPairSync('ec', { namedCurve: curve });
  const at = o.signedAt ?? new Date('2025-06-01T12:00:00Z');
  const sanTag = /^[a-z]+:\/\//.test(o.identity) ? 0x86 : 0x81;
  const base = {
    serial: 4242,
    issuer: 'test-fulcio-root',
    subject: null,
    notBefore: new Date(at.getTime() - 60_000),
    notAfter: new Date(at.getTime() + 10 * 60_000),
    publicKey: leaf.publicKey,
    signerCurve: 'prime256v1' as Curve,
  };
  const exts = [
    ext('2.5.29.15', true, bits(Buffer.from([0x80]), 7)), // digitalSignature
    ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.3'))), // codeSigning
    ext('2.5.29.17', true, seq(tlv(sanTag, Buffer.from(o.identity, 'ascii')))),
    ext('1.3.6.1.4.1.57264.1.1', false, Buffer.from(o.issuer, 'ascii')),
    ext('1.3.6.1.4.1.57264.1.8', false, utf8(o.issuer)),
  ];
  // RFC 6962 §3.2: the CT log signs the precertificate TBS (the TBS without the SCT extension).
  const preTbs = tbsCert({ ...base, extensions: exts });
  const issuerKeyHash = createHash('sha256').update(spkiDer(inst.caKey)).digest();
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(at.getTime() - 1000));
  const u24 = Buffer.from([
    (preTbs.length >> 16) & 0xff,
    (preTbs.length >> 8) & 0xff,
    preTbs.length & 0xff,
  ]);
  const signed = Buffer.concat([
    Buffer.from([0, 0]), // v1, certificate_timestamp
    ts,
    Buffer.from([0, 1]), // precert_entry
    issuerKeyHash,
    u24,
    preTbs,
    Buffer.from([0, 0]), // no extensions
  ]);
  const ctSig = sign('sha256', signed, inst.ctKey);
  const sct = Buffer.concat([
    Buffer.from([0]),
    logId(inst.ctKey),
    ts,
    Buffer.from([0, 0]),
    Buffer.from([4, 3]), // sha256, ecdsa
    u16(ctSig.length),
    ctSig,
  ]);
  const list = Buffer.concat([u16(sct.length + 2), u16(sct.length), sct]);
  const tbs = tbsCert({
    ...base,
    extensions: [...exts, ext('1.3.6.1.4.1.11129.2.4.2', false, octets(list))],
  });
  return { cert: signCert(tbs, inst.caKey, 'prime256v1'), key: leaf.privateKey };
}

function u16(n: number): Buffer {
  return Buffer.from([(n >> 8) & 0xff, n & 0xff]);
}

function certPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}

/** Signs a statement with a leaf, logs it (SET + inclusion proof) and returns the bundle JSON. */
export function sigstoreBundle(
  inst: Instance,
  leaf: { cert: Buffer; key: KeyObject },
  statement: object,
  opts: { curve?: Curve; integratedTime?: Date; payloadOverride?: Buffer } = {},
): string {
  const curve = opts.curve ?? 'prime256v1';
  const payloadType = 'application/vnd.in-toto+json';
  const payload = Buffer.from(JSON.stringify(statement, null, 2));
  const sig = sign(CURVE_HASH[curve], paeBySpec(payloadType, payload), leaf.key);
  const envelope = {
    payload: payload.toString('base64'),
    payloadType,
    signatures: [{ sig: sig.toString('base64'), keyid: '' }],
  };
  const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
  // Rekor "dsse" v0.0.1 canonicalized body (keys sorted, no spaces).
  const body = Buffer.from(
    JSON.stringify({
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        envelopeHash: { algorithm: 'sha256', value: sha(JSON.stringify(envelope)) },
        payloadHash: { algorithm: 'sha256', value: sha(payload) },
        signatures: [
          {
            signature: sig.toString('base64'),
            verifier: Buffer.from(certPem(leaf.cert)).toString('base64'),
          },
        ],
      },
    }),
  );
  const integratedTime = Math.floor(
    (opts.integratedTime ?? new Date('2025-06-01T12:00:00Z')).getTime() / 1000,
  );
  const rekorId = logId(inst.rekorKey);
  const setPayload = JSON.stringify({
    body: body.toString('base64'),
    integratedTime,
    logID: rekorId.toString('hex'),
    logIndex: 0,
  });
  const set = sign('sha256', Buffer.from(setPayload), inst.rekorKey);
  // A one-leaf tree: the root is the RFC 6962 leaf hash, the proof is empty.
  const rootHash = createHash('sha256')
    .update(Buffer.concat([Buffer.from([0]), body]))
    .digest();
  const note = `rekor.test - 1\n1\n${rootHash.toString('base64')}\n`;
  const noteSig = Buffer.concat([
    rekorId.subarray(0, 4),
    sign('sha256', Buffer.from(note), inst.rekorKey),
  ]);
  const checkpoint = `${note}\n\u2014 rekor.test ${noteSig.toString('base64')}\n`;
  return JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      certificate: { rawBytes: leaf.cert.toString('base64') },
      tlogEntries: [
        {
          logIndex: '0',
          logId: { keyId: rekorId.toString('base64') },
          kindVersion: { kind: 'dsse', version: '0.0.1' },
          integratedTime: String(integratedTime),
          inclusionPromise: { signedEntryTimestamp: set.toString('base64') },
          inclusionProof: {
            logIndex: '0',
            rootHash: rootHash.toString('base64'),
            treeSize: '1',
            hashes: [],
            checkpoint: { envelope: checkpoint },
          },
          canonicalizedBody: body.toString('base64'),
        },
      ],
    },
    dsseEnvelope: opts.payloadOverride
      ? { ...envelope, payload: opts.payloadOverride.toString('base64') }
      : envelope,
  });
}
