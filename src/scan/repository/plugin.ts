/**
 * Files that stand in for a model: Git LFS pointers (the checkout did not fetch the object).
 */
import type { Scanner } from '../base.js';
import type { ScannerPlugin } from '../base.js';

const LFS_HEADER = 'version https://git-lfs.github.com/spec/v1';
/** Pointer files are tiny (the spec caps them at 1024 bytes). */
const MAX_POINTER = 1024;

export function isLfsPointer(head: Buffer, size: number | undefined): boolean {
  if (size === undefined || size > MAX_POINTER || head.length < LFS_HEADER.length) return false;
  return head.toString('latin1', 0, LFS_HEADER.length) === LFS_HEADER;
}

export const lfsPointerScanner: Scanner = {
  id: 'git-lfs',
  formats: ['git-lfs-pointer'],
  rules: ['MA7001'],
  scan(target, ctx) {
    const text = target.head.toString('utf8');
    const oid = /^oid (\S+)$/m.exec(text)?.[1];
    const size = /^size (\d+)$/m.exec(text)?.[1];
    ctx.report({
      ruleId: 'MA7001',
      message: `Git LFS pointer for a ${size ? `${size}-byte ` : ''}object that was not fetched; the real model was not scanned`,
      evidence: oid ? `${oid}${size ? ` (${size} bytes)` : ''}` : 'git-lfs pointer',
    });
    ctx.detail('gitLfs', { oid, size: size ? Number(size) : undefined });
    return Promise.resolve();
  },
};

export const repositoryPlugin: ScannerPlugin = {
  name: 'repository',
  detectors: [{ format: 'git-lfs-pointer', content: (i) => isLfsPointer(i.head, i.size) }],
  scanners: [lfsPointerScanner],
  layouts: [],
};
