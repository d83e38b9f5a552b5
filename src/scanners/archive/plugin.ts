import type { ScannerPlugin } from '../plugin.js';

/** The archive family: detectors, scanners and archive layouts (filled in by its issue). */
export const archivePlugin: ScannerPlugin = {
  name: 'archive',
  detectors: [],
  scanners: [],
  layouts: [],
};
