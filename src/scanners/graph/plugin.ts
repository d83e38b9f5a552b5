import type { ScannerPlugin } from '../plugin.js';

/** The graph family: detectors, scanners and archive layouts (filled in by its issue). */
export const graphPlugin: ScannerPlugin = {
  name: 'graph',
  detectors: [],
  scanners: [],
  layouts: [],
};
