/**
 * Python source and bytecode shipped with models: custom modeling code, TorchServe handlers,
 * MLflow loader modules, diffusers components. Source is tokenized and analysed (never run);
 * bytecode is reported, since it cannot be reviewed and may shadow the source.
 */
import { BufferSource } from '../../io/source.js';
import { SourceStream } from '../../io/stream.js';
import { type ScanContext, type ScanTarget, type Scanner } from '../base.js';
import { HEAD_BYTES } from '../../identify/identify.js';
import { findSecrets, lineOf } from '../formats/common/secrets.js';
import { decodeUtf8, readWhole } from '../formats/common/read.js';
import { analyzePython, type PyAnalysis } from '../../analysis/python/analyze.js';

/** Largest source file analysed; real modeling files stay well below. */
export const MAX_PYTHON_SOURCE = 8 * 1024 * 1024;

export const PYTHON_RULES = [
  'MA5401',
  'MA5402',
  'MA5403',
  'MA5404',
  'MA5405',
  'MA5406',
  'MA5407',
  'MA5408',
  'MA5409',
  'MA5410',
  'MA5411',
  'MA5414',
  'MA5415',
  'MA5416',
  'MA5501',
];

/** Reports an analysis of `text` (secrets included) through `ctx`. */
export async function reportPython(
  text: string,
  ctx: ScanContext,
  target: ScanTarget,
): Promise<PyAnalysis> {
  const a = analyzePython(text);
  for (const f of a.findings)
    ctx.report({ ruleId: f.ruleId, message: f.message, evidence: f.evidence, line: f.line });
  for (const e of a.errors.slice(0, 5))
    ctx.report({
      ruleId: 'MA5414',
      message: `part of the file was not analysed: ${e.message}`,
      evidence: e.message,
      line: e.line,
    });
  for (const s of findSecrets(text))
    ctx.report({
      ruleId: 'MA5501',
      message: `${s.kind} in Python source`,
      evidence: s.masked,
      line: lineOf(text, s.index),
    });
  for (const p of a.payloads) {
    const source = new BufferSource(p.data);
    const label = `payload decoded at line ${p.line}`;
    await ctx.scanMember({
      path: target.path,
      member: target.member ? `${target.member} > ${label}` : label,
      name: 'payload.pkl',
      size: p.data.length,
      head: p.data.subarray(0, HEAD_BYTES),
      openStream: () => new SourceStream(source),
      source,
    });
  }
  return a;
}

export const pythonSourceScanner: Scanner = {
  id: 'python-source',
  formats: ['python-source'],
  rules: [...PYTHON_RULES, 'MA1003'],
  async scan(target, ctx) {
    // Members of model archives are model code; a file on disk only inside a model unit
    // (discovery finds them by name: config.json, MLmodel, hubconf.py…).
    if (target.member === undefined && ctx.unit === undefined) {
      ctx.report({
        ruleId: 'MA1003',
        message:
          'Python source outside a model directory: analysed only as code shipped with a model (in a directory with config.json, MLmodel, hubconf.py…)',
        evidence: 'python-source',
      });
      return;
    }
    const buf = await readWhole(target, MAX_PYTHON_SOURCE);
    if (!buf) {
      ctx.report({
        ruleId: 'MA5414',
        message: `Python file larger than ${MAX_PYTHON_SOURCE} bytes was not analysed`,
        evidence: `${target.size ?? 'unknown'} bytes`,
      });
      return;
    }
    let text = decodeUtf8(buf);
    if (text === undefined) {
      ctx.report({
        ruleId: 'MA5414',
        message: 'Python file is not valid UTF-8; analysed as Latin-1',
        evidence: 'invalid UTF-8',
      });
      text = buf.toString('latin1');
    }
    const a = await reportPython(text, ctx, target);
    ctx.detail('python', { imports: a.imports, findings: a.findings.length });
  },
};

/** PEP 552: flags word after the magic; bit 0 hash-based, bit 1 check_source. */
export const pythonBytecodeScanner: Scanner = {
  id: 'python-bytecode',
  formats: ['python-bytecode'],
  rules: ['MA5412', 'MA5413', 'MA1003'],
  async scan(target, ctx) {
    if (target.member === undefined && ctx.unit === undefined) {
      ctx.report({
        ruleId: 'MA1003',
        message:
          'Python bytecode outside a model directory: judged only when it ships with a model',
        evidence: 'python-bytecode',
      });
      return;
    }
    const h = target.head;
    const flags = h.length >= 8 ? h.readUInt32LE(4) : 0;
    const magic = h.length >= 2 ? h.readUInt16LE(0) : 0;
    if ((flags & 1) === 1 && (flags & 2) === 0) {
      ctx.report({
        ruleId: 'MA5413',
        message:
          'hash-based .pyc with source checking off: Python imports it whatever the .py says',
        evidence: `magic ${magic}, flags ${flags}`,
      });
    } else {
      ctx.report({
        ruleId: 'MA5412',
        message: 'compiled Python bytecode travels with the model and cannot be reviewed as source',
        evidence: `magic ${magic}, flags ${flags}`,
      });
    }
    return;
  },
};

/** A .pyc header: a 2-byte version magic followed by \r\n, and a flags word of 0–3. */
export function isPythonBytecode(head: Buffer): boolean {
  if (head.length < 16) return false;
  if (head[2] !== 0x0d || head[3] !== 0x0a) return false;
  const magic = head.readUInt16LE(0);
  // CPython 3.x magics are 3000–3999 (3.0 to 3.14 and later), 2.7 is 62211.
  if (!((magic >= 3000 && magic < 4000) || magic === 62211)) return false;
  if (magic === 62211) return true;
  return head.readUInt32LE(4) <= 3 && head[16] === 0xe3; // marshalled code object follows
}
