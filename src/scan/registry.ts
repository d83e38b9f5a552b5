/**
 * The scanner registry: every family's plugin, in the order their detectors run.
 */
import type { Detector } from '../identify/identify.js';
import { archivePlugin } from './archive/plugin.js';
import type { Scanner } from './base.js';
import { formatsPlugin } from './formats/plugin.js';
import { graphPlugin } from './graph/plugin.js';
import { llmPlugin } from './llm/plugin.js';
import { picklePlugin } from './pickle/plugin.js';
import { repositoryPlugin } from './repository/plugin.js';
import type { ArchiveLayout, ScannerPlugin } from './base.js';

/** Specific magic-byte detectors first; the pickle probe, a heuristic, last. */
export const PLUGINS: readonly ScannerPlugin[] = [
  repositoryPlugin,
  archivePlugin,
  graphPlugin,
  llmPlugin,
  formatsPlugin,
  picklePlugin,
];

export const DETECTORS: readonly Detector[] = PLUGINS.flatMap((p) => p.detectors);
export const SCANNERS: readonly Scanner[] = PLUGINS.flatMap((p) => p.scanners);
export const ARCHIVE_LAYOUTS: readonly ArchiveLayout[] = PLUGINS.flatMap((p) => p.layouts);

const byFormat = new Map<string, Scanner>();
for (const s of SCANNERS) for (const f of s.formats) if (!byFormat.has(f)) byFormat.set(f, s);

export function scannerFor(format: string): Scanner | undefined {
  return byFormat.get(format);
}

export function detectorFor(format: string): Detector | undefined {
  return DETECTORS.find((d) => d.format === format);
}
