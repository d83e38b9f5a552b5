/**
 * Native executables and shared libraries (ELF, PE, Mach-O) where models are expected, and
 * Actually Portable Executables (llamafile: a program with a GGUF model appended as a zip;
 * the zip container scanner hands it to the llamafile layout, which reports it).
 */
import type { Scanner } from '../base.js';

/** APE: a shell-script / PE polyglot header ("MZqFpD='"), or its ELF and "jartsr" variants. */
export function isApe(head: Buffer): boolean {
  const t = head.toString('latin1', 0, 8);
  return t.startsWith('MZqFpD') || t.startsWith('jartsr') || t.startsWith('APEDBG');
}

export function nativeKind(head: Buffer): string | undefined {
  if (head.length < 16) return undefined;
  if (isApe(head)) return 'Actually Portable Executable';
  if (
    head[0] === 0x7f &&
    head.toString('latin1', 1, 4) === 'ELF' &&
    (head[4] === 1 || head[4] === 2)
  )
    return 'ELF';
  const m = head.readUInt32BE(0);
  if (m === 0xfeedface || m === 0xfeedfacf || m === 0xcefaedfe || m === 0xcffaedfe) return 'Mach-O';
  // Universal binaries share 0xCAFEBABE with Java classes; these have a small arch count.
  if (m === 0xcafebabe && head.readUInt32BE(4) > 0 && head.readUInt32BE(4) < 20)
    return 'Mach-O universal';
  if (head[0] === 0x4d && head[1] === 0x5a && head.length >= 64) {
    const pe = head.readUInt32LE(60);
    if (pe + 4 <= head.length && head.toString('latin1', pe, pe + 4) === 'PE\0\0') return 'PE';
  }
  return undefined;
}

export const nativeScanner: Scanner = {
  id: 'native-executable',
  formats: ['native-executable'],
  rules: ['MA5605'],
  scan(target, ctx) {
    const kind = nativeKind(target.head) ?? 'executable';
    ctx.report({
      ruleId: 'MA5605',
      message: `${target.name} is a native ${kind} program or library: loading or running it executes machine code that cannot be vetted by reading it`,
      evidence: kind,
    });
    return Promise.resolve();
  },
};
