/**
 * Runs the engine on in-memory bytes by writing them to a temporary file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOptions } from '../../src/options/options.js';
import { type Limits } from '../../src/io/limits.js';
import { scanFile } from '../../src/pipeline/engine.js';
import type { FileResult } from '../../src/findings/finding.js';

const dir = mkdtempSync(join(tmpdir(), 'modelaudit-test-'));
let n = 0;

export async function scanBytes(
  bytes: Buffer,
  name = 'sample.pkl',
  limits: Partial<Limits> = {},
): Promise<FileResult> {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, bytes);
  return scanFile(path, resolveOptions({ limits }));
}

export function rulesOf(r: FileResult): string[] {
  return [...new Set(r.findings.map((f) => f.ruleId))].sort();
}

export function evidenceOf(r: FileResult): string {
  return r.findings.map((f) => `${f.ruleId} ${f.evidence ?? ''} ${f.message}`).join('\n');
}
