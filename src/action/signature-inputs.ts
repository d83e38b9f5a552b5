/**
 * The Action's model-signature inputs: which models must verify, and against what (a public
 * key, or a sigstore identity + OIDC issuer + trusted root). Parsed apart from the scan inputs
 * so the group stays in one place; inputs.ts lists the specs and calls the parser.
 */
/** Same shape as inputs.ts's InputSpec (not imported: inputs.ts imports this module). */
interface SignatureInputSpec {
  readonly name: string;
  readonly description: string;
  readonly default: string;
}

export const SIGNATURE_INPUT_SPECS: readonly SignatureInputSpec[] = [
  {
    name: 'verify-signature',
    description:
      'Model directories (or files) whose OpenSSF model signature must verify, one per line, relative to the workspace (signature: `<path>/model.sig`, else `<path>.sig`). Missing, extra and changed files, a bad signature or another signer are ERROR findings in the report.',
    default: '',
  },
  {
    name: 'public-key',
    description:
      'PEM public key (path in the workspace) of key-based model signatures (ECDSA P-256, P-384 or P-521).',
    default: '',
  },
  {
    name: 'certificate-identity',
    description:
      'Expected signer identity (email or URI) of sigstore certificate signatures; needs `certificate-oidc-issuer` and `trusted-root`.',
    default: '',
  },
  {
    name: 'certificate-oidc-issuer',
    description: 'Expected OIDC issuer of the sigstore signing certificate.',
    default: '',
  },
  {
    name: 'trusted-root',
    description:
      'Sigstore trusted root file (`trusted_root.json`, path in the workspace) that certificates and transparency logs chain to; verification is offline.',
    default: '',
  },
];

export interface SignatureInputs {
  /** Models to verify; empty when signatures are not checked. */
  readonly verify: readonly string[];
  readonly publicKey: string | undefined;
  readonly identity: string | undefined;
  readonly issuer: string | undefined;
  readonly trustedRoot: string | undefined;
}

export function parseSignatureInputs(
  raw: (name: string) => string,
  lines: (name: string) => string[],
): { value: SignatureInputs; problems: string[] } {
  const problems: string[] = [];
  const verify = lines('verify-signature');
  const value: SignatureInputs = {
    verify,
    publicKey: raw('public-key') || undefined,
    identity: raw('certificate-identity') || undefined,
    issuer: raw('certificate-oidc-issuer') || undefined,
    trustedRoot: raw('trusted-root') || undefined,
  };
  for (const p of verify)
    if (p.split(/[\\/]/).includes('..'))
      problems.push(`verify-signature paths stay inside the workspace: "${p}" uses ".."`);
  const identityParts = [value.identity, value.issuer, value.trustedRoot].filter(Boolean).length;
  if (verify.length > 0) {
    if (value.publicKey && identityParts > 0)
      problems.push('give public-key, or the certificate-identity inputs, not both');
    else if (!value.publicKey && identityParts !== 3)
      problems.push(
        'verify-signature needs public-key, or certificate-identity, certificate-oidc-issuer and trusted-root',
      );
  }
  return { value, problems };
}
