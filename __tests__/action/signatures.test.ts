import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError, parseInputs } from '../../src/action/inputs.js';
import { withSignatureFindings } from '../../src/action/signatures.js';
import { buildReport } from '../../src/pipeline/engine.js';
import { signModel } from '../../src/signing/sign.js';
import { keyPair, makeModel, pem } from '../signing/helpers.js';

const parse = (values: Record<string, string>) => parseInputs((n) => values[n] ?? '');

describe('Action model-signature inputs', () => {
  test('off by default; key or identity group required when on', () => {
    expect(parse({}).signatures.verify).toEqual([]);
    expect(
      parse({ 'verify-signature': 'models/a', 'public-key': 'k.pub' }).signatures,
    ).toMatchObject({
      verify: ['models/a'],
      publicKey: 'k.pub',
    });
    expect(() => parse({ 'verify-signature': 'models/a' })).toThrow(InputError);
    expect(() =>
      parse({ 'verify-signature': 'models/a', 'public-key': 'k', 'trusted-root': 'r' }),
    ).toThrow(/not both/);
    expect(() => parse({ 'verify-signature': '../x', 'public-key': 'k' })).toThrow(
      /inside the workspace/,
    );
  });

  test('verification findings join the report (and the gate counts them)', async () => {
    const model = makeModel();
    const workspace = join(model, '..');
    const k = keyPair();
    writeFileSync(join(workspace, 'k.pub'), pem(k.publicKey));
    await signModel(model, { privateKey: k.privateKey });
    writeFileSync(join(model, 'extra.py'), 'import os\n');
    const empty = buildReport([], [], new Date(), 0);
    const inputs = parse({ 'verify-signature': relative(workspace, model), 'public-key': 'k.pub' });
    const report = await withSignatureFindings(empty, inputs.signatures, workspace);
    expect(report.totals.findings.ERROR).toBe(1);
    expect(report.files.flatMap((f) => f.findings.map((x) => x.ruleId))).toEqual(['MA8008']);
  });
});
