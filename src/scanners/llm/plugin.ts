import type { ScannerPlugin } from '../plugin.js';

/** The llm family: detectors, scanners and archive layouts (filled in by its issue). */
export const llmPlugin: ScannerPlugin = {
  name: 'llm',
  detectors: [],
  scanners: [],
  layouts: [],
};
