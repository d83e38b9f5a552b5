/**
 * TorchScript mobile flatbuffers: recognised by their file identifier, their compiled methods'
 * operators judged like TorchScript code, and a broken table a structural ERROR.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTorchMobileFlatbuffer } from '../../../src/scan/archive/torch-mobile.js';
import { judgeOperator } from '../../../src/scan/archive/torchscript.js';
import { FIXTURES_ROOT } from '../../helpers/manifest.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';

const SCALE = readFileSync(join(FIXTURES_ROOT, 'realfiles', 'benign', 'scale_mobile.ptl'));

describe('TorchScript mobile flatbuffers', () => {
  test('a model torch saved is recognised and clean, its operators listed', async () => {
    expect(isTorchMobileFlatbuffer(SCALE)).toBe(true);
    const r = await scanBytes(SCALE, 'scale.ptl');
    expect([r.format, r.findings]).toEqual(['torch-mobile-flatbuffer', []]);
    expect(r.details.torchMobile).toMatchObject({ functions: 1 });
    expect((r.details.torchMobile as { operators: number }).operators).toBeGreaterThan(0);
  });

  test.each([
    ['aten::relu', 'evil::relu', 'MA3018'],
    ['aten::relu', 'aten::save', 'MA3017'],
  ])('%s renamed %s is %s', async (from, to, rule) => {
    const edited = Buffer.from(SCALE.toString('latin1').replace(from, to), 'latin1');
    expect(rulesOf(await scanBytes(edited, 'edited.ptl'))).toEqual([rule]);
  });

  test('a root table pointing outside the file is a structural ERROR', async () => {
    const broken = Buffer.from(SCALE);
    broken.writeUInt32LE(0x7fff0000, 0);
    const r = await scanBytes(broken, 'broken.ptl');
    expect(rulesOf(r)).toEqual(['MA5900']);
    expect(r.findings[0]!.severity).toBe('ERROR');
  });

  test.each([
    ['aten', 'add', undefined],
    ['prim', 'NumToTensor', undefined],
    ['aten', 'from_file', 'MA3017'],
    ['my_ext', 'op', 'MA3018'],
  ])('operator %s::%s', (ns, op, rule) => {
    expect(judgeOperator(ns, op)?.ruleId).toBe(rule);
  });
});
