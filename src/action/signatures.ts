/**
 * Verifies the models named by `verify-signature` and adds the findings to the scan report, so
 * annotations, the job summary, SARIF and the verdict treat them like every other finding.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Report } from '../findings/finding.js';
import { buildReport } from '../pipeline/engine.js';
import { decideVerdict } from '../verdict/verdict.js';
import { loadPublicKey } from '../signing/keys.js';
import { parseTrustedRoot, type TrustPolicy } from '../signing/signature-check.js';
import { verificationFileResults, verifyModel } from '../signing/verify.js';
import { InputError } from './inputs.js';
import type { SignatureInputs } from './signature-inputs.js';

async function policyOf(inputs: SignatureInputs, workspace: string): Promise<TrustPolicy> {
  const read = async (what: string, path: string): Promise<Buffer> => {
    try {
      return await readFile(resolve(workspace, path));
    } catch {
      throw new InputError([`${what} ${path} cannot be read in the workspace`]);
    }
  };
  if (inputs.publicKey) {
    try {
      return {
        method: 'public-key',
        publicKey: loadPublicKey(await read('public-key', inputs.publicKey)),
      };
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError([`public-key ${inputs.publicKey}: ${(err as Error).message}`]);
    }
  }
  let trustedRoot;
  try {
    trustedRoot = parseTrustedRoot(
      (await read('trusted-root', inputs.trustedRoot!)).toString('utf8'),
    );
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([`trusted-root ${inputs.trustedRoot}: ${(err as Error).message}`]);
  }
  return {
    method: 'certificate-identity',
    identity: inputs.identity!,
    issuer: inputs.issuer!,
    trustedRoot,
  };
}

/** The report with every named model's verification findings added (unchanged when none). */
export async function withSignatureFindings(
  report: Report,
  inputs: SignatureInputs,
  workspace: string,
): Promise<Report> {
  if (inputs.verify.length === 0) return report;
  const policy = await policyOf(inputs, workspace);
  const files = [...report.files];
  for (const path of inputs.verify) {
    const result = await verifyModel(resolve(workspace, path), { policy, requireSignature: true });
    files.push(...verificationFileResults(result));
  }
  const rebuilt = buildReport(
    files,
    report.errors,
    new Date(report.startedAt),
    report.durationMs,
    report.models ?? [],
    report.skipped,
  );
  // The verification findings count like any other: the one verdict function decides again,
  // at the same threshold, before anything renders it.
  return {
    ...rebuilt,
    verdict: decideVerdict(rebuilt, { failOn: report.verdict?.failOn ?? 'error' }),
  };
}
