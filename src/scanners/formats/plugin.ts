import type { ScannerPlugin } from '../plugin.js';

/** The formats family: detectors, scanners and archive layouts (filled in by its issue). */
export const formatsPlugin: ScannerPlugin = {
  name: 'formats',
  detectors: [],
  scanners: [],
  layouts: [],
};
