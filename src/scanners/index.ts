/**
 * The scanner registry: which scanner handles which identified format.
 */
import type { Scanner } from './base.js';
import { pickleScanner } from './pickle.js';

export const SCANNERS: readonly Scanner[] = [pickleScanner];

const byFormat = new Map<string, Scanner>();
for (const s of SCANNERS) for (const f of s.formats) byFormat.set(f, s);

export function scannerFor(format: string): Scanner | undefined {
  return byFormat.get(format);
}
