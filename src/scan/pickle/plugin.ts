import { probePickle } from '../../analysis/pickle/probe.js';
import type { ScannerPlugin } from '../base.js';
import { pickleScanner } from './scanner.js';

/** Plain pickle streams: identified by running their first opcodes, so this plugin goes last. */
export const picklePlugin: ScannerPlugin = {
  name: 'pickle',
  detectors: [
    {
      format: 'pickle',
      content: (i) => probePickle(i.head, i.size !== undefined && i.head.length >= i.size),
      extensions: ['.pkl', '.pickle', '.pck', '.pcl'],
      executable: true,
    },
  ],
  scanners: [pickleScanner],
  layouts: [],
};
