/**
 * `modelaudit verify` and `modelaudit sign`: OpenSSF model signatures from the command line.
 * Verification findings are rendered by the same reporters as a scan (text, JSON, SARIF).
 */
import { lstat, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { severityRank, SEVERITIES, type Report, type Severity } from '../findings/finding.js';
import { buildReport } from '../pipeline/engine.js';
import { formatJson } from '../report/json.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { loadPrivateKey, loadPublicKey, UnsupportedKeyError } from '../signing/keys.js';
import { signModel, SigningError } from '../signing/sign.js';
import {
  parseTrustedRoot,
  TrustedRootError,
  type TrustPolicy,
} from '../signing/signature-check.js';
import { verificationFileResults, verifyModel } from '../signing/verify.js';

interface Output {
  write(s: string): unknown;
  readonly isTTY?: boolean;
}
export interface SigningCliIO {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;

export const VERIFY_HELP = `Usage: modelaudit verify [options] <path>

Verifies a model directory (or file) against its OpenSSF model signature: a sigstore bundle
with a DSSE-signed in-toto manifest of every file's digest (the model_signing format). The
signature is checked first, then every file is hashed again and compared: missing, extra and
changed files are findings. Verification is offline.

Options:
      --signature <file>                 the signature (default: <path>/model.sig, else <path>.sig)
      --public-key <file>                PEM public key of a key-based signature (ECDSA P-256,
                                         P-384 or P-521)
      --certificate-identity <id>        expected signer identity of a sigstore certificate
                                         (email or URI subject alternative name)
      --certificate-oidc-issuer <url>    expected OIDC issuer of that certificate
      --trusted-root <file>              sigstore trusted root (trusted_root.json, or a client
                                         trust config) that certificates and logs chain to
      --ignore-paths <path>              also leave out this path (relative to the model);
                                         repeatable
      --no-ignore-git-paths              also check .git, .gitattributes, .github, .gitignore
      --ignore-unsigned-files            files the signature does not list are not findings
  -f, --format <fmt>                     text (default), json or sarif
  -o, --output <file>                    write the report to a file instead of stdout
      --fail-on <level>                  error (default), warning, info or none
      --no-color                         never colour the text report
  -h, --help                             print this help

Give either --public-key, or all of --certificate-identity, --certificate-oidc-issuer and
--trusted-root. A model without a signature fails verification.

Exit codes:
  0  the signature verified and every file matches
  1  a finding at or above --fail-on (bad signature, wrong signer, changed/missing/extra file…)
  2  usage error, or a key or trusted root that cannot be read
`;

export const SIGN_HELP = `Usage: modelaudit sign [options] <path>

Signs a model directory (or file) with a private key, writing an OpenSSF model signature
(sigstore bundle, key-based method) that "modelaudit verify --public-key" and the reference
"model_signing verify key" accept. .git, .gitattributes, .github, .gitignore and the signature
itself are left out, and recorded as such.

Options:
      --key <file>             PEM private key: ECDSA P-256, P-384 or P-521 (required)
      --signature <file>       where to write (default: <path>/model.sig, or <path>.sig)
      --shard-size <bytes>     hash files in shards of this size ("shards" serialization)
                               instead of whole files
      --ignore-paths <path>    also leave out this path (relative to the model); repeatable
      --allow-symlinks         sign through symbolic links instead of refusing them
  -h, --help                   print this help
`;

class SigningUsageError extends Error {}

/** Runs `verify` or `sign`; usage problems exit 2 with a message, like every other command. */
export async function signingCommand(
  command: 'verify' | 'sign',
  args: readonly string[],
  io: SigningCliIO,
): Promise<number> {
  try {
    return command === 'verify' ? await verifyCommand(args, io) : await signCommand(args, io);
  } catch (err) {
    const known =
      err instanceof SigningUsageError ||
      err instanceof TrustedRootError ||
      err instanceof UnsupportedKeyError ||
      err instanceof SigningError ||
      (err instanceof Error &&
        /^(ERR_PARSE_ARGS|ERR_OSSL|ENOENT|EACCES|EISDIR)/.test(
          String((err as NodeJS.ErrnoException).code),
        ));
    if (!known) throw err;
    io.stderr.write(
      `modelaudit: ${(err as Error).message}\nRun "modelaudit ${command} --help" for usage.\n`,
    );
    return EXIT_ERROR;
  }
}

async function readInput(what: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new SigningUsageError(
      `cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

async function trustPolicy(values: {
  'public-key'?: string;
  'certificate-identity'?: string;
  'certificate-oidc-issuer'?: string;
  'trusted-root'?: string;
}): Promise<TrustPolicy> {
  const identity = values['certificate-identity'];
  const issuer = values['certificate-oidc-issuer'];
  const root = values['trusted-root'];
  const anyIdentity = identity !== undefined || issuer !== undefined || root !== undefined;
  if (values['public-key'] !== undefined) {
    if (anyIdentity)
      throw new SigningUsageError(
        'give --public-key, or the certificate identity options, not both',
      );
    const pem = await readInput('public key', values['public-key']);
    try {
      return { method: 'public-key', publicKey: loadPublicKey(pem) };
    } catch (err) {
      if (err instanceof UnsupportedKeyError) throw err;
      throw new SigningUsageError(`${values['public-key']} is not a PEM public key`);
    }
  }
  if (!identity || !issuer || !root)
    throw new SigningUsageError(
      'verify needs --public-key, or --certificate-identity, --certificate-oidc-issuer and --trusted-root',
    );
  const trustedRoot = parseTrustedRoot((await readInput('trusted root', root)).toString('utf8'));
  return { method: 'certificate-identity', identity, issuer, trustedRoot };
}

function parseFailOn(value: string | undefined): Severity | 'none' {
  const v = (value ?? 'error').toUpperCase();
  if (v === 'NONE') return 'none';
  if ((SEVERITIES as readonly string[]).includes(v)) return v as Severity;
  throw new SigningUsageError(`--fail-on must be error, warning, info or none, not "${value}"`);
}

async function verifyCommand(args: readonly string[], io: SigningCliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      signature: { type: 'string' },
      'public-key': { type: 'string' },
      'certificate-identity': { type: 'string' },
      'certificate-oidc-issuer': { type: 'string' },
      'trusted-root': { type: 'string' },
      'ignore-paths': { type: 'string', multiple: true },
      'no-ignore-git-paths': { type: 'boolean' },
      'ignore-unsigned-files': { type: 'boolean' },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(VERIFY_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new SigningUsageError('verify takes exactly one model path');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new SigningUsageError(`--format must be text, json or sarif, not "${format}"`);
  const failOn = parseFailOn(values['fail-on']);
  const policy = await trustPolicy(values);
  const modelPath = positionals[0]!;
  await readInputExists(modelPath);

  const started = new Date();
  const t0 = performance.now();
  const result = await verifyModel(modelPath, {
    policy,
    requireSignature: true,
    ...(values.signature !== undefined ? { signaturePath: values.signature } : {}),
    ...(values['ignore-paths'] ? { ignorePaths: values['ignore-paths'] } : {}),
    ignoreGitPaths: !values['no-ignore-git-paths'],
    ignoreUnsignedFiles: Boolean(values['ignore-unsigned-files']),
  });
  const report = buildReport(verificationFileResults(result), [], started, performance.now() - t0);
  const toFile = values.output !== undefined;
  const color =
    !toFile &&
    format === 'text' &&
    !values['no-color'] &&
    !io.env.NO_COLOR &&
    (Boolean(io.stdout.isTTY) || Boolean(io.env.FORCE_COLOR));
  const output =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report, { srcRoot: process.cwd() })
        : verdictLine(result.status, result.signer, result.manifest?.items) +
          formatText(report, { color, verbose: false });
  if (toFile) await writeFile(values.output!, output);
  else io.stdout.write(output);
  return exitCode(report, failOn);
}

async function readInputExists(path: string): Promise<void> {
  try {
    await lstat(path);
  } catch (err) {
    throw new SigningUsageError(
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

function verdictLine(
  status: string,
  signer: string | undefined,
  items: number | undefined,
): string {
  if (status === 'verified')
    return `Signature verified: signed by ${signer}; ${items} signed item${items === 1 ? '' : 's'} match.\n\n`;
  return status === 'unsigned'
    ? 'No signature: the model is not verified.\n\n'
    : 'Verification FAILED.\n\n';
}

function exitCode(report: Report, failOn: Severity | 'none'): number {
  if (failOn === 'none') return EXIT_OK;
  const threshold = severityRank(failOn);
  return report.files.some((f) => f.findings.some((x) => severityRank(x.severity) >= threshold))
    ? EXIT_FINDINGS
    : EXIT_OK;
}

async function signCommand(args: readonly string[], io: SigningCliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      key: { type: 'string' },
      signature: { type: 'string' },
      'shard-size': { type: 'string' },
      'ignore-paths': { type: 'string', multiple: true },
      'allow-symlinks': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(SIGN_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new SigningUsageError('sign takes exactly one model path');
  if (values.key === undefined)
    throw new SigningUsageError('sign needs --key FILE (a PEM private key)');
  let shardSize: number | undefined;
  if (values['shard-size'] !== undefined) {
    shardSize = Number(values['shard-size']);
    if (!Number.isSafeInteger(shardSize) || shardSize <= 0)
      throw new SigningUsageError(
        `--shard-size must be a positive integer, not "${values['shard-size']}"`,
      );
  }
  const pem = await readInput('private key', values.key);
  let privateKey;
  try {
    privateKey = loadPrivateKey(pem);
  } catch (err) {
    if (err instanceof UnsupportedKeyError) throw err;
    throw new SigningUsageError(`${values.key} is not an unencrypted PEM private key`);
  }
  await readInputExists(positionals[0]!);
  const result = await signModel(positionals[0]!, {
    privateKey,
    ...(values.signature !== undefined ? { signaturePath: values.signature } : {}),
    ...(shardSize !== undefined ? { method: 'shards' as const, shardSize } : {}),
    ...(values['ignore-paths'] ? { ignorePaths: values['ignore-paths'] } : {}),
    allowSymlinks: Boolean(values['allow-symlinks']),
  });
  io.stdout.write(
    `Signed ${result.items} item${result.items === 1 ? '' : 's'} of ${positionals[0]} into ${result.signaturePath} (key ${result.keyHint.slice(0, 16)}…).\n`,
  );
  return EXIT_OK;
}
