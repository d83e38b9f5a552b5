import type { ScannerPlugin } from '../base.js';
import { ggufScanner, looksLikeGguf } from './gguf.js';
import { looksLikeSafetensors, safetensorsScanner } from './safetensors.js';

/**
 * The llm family: GGUF (magic number) and safetensors (a length, then a JSON object), with
 * their metadata checks and the chat-template analyzer (src/templates).
 */
export const llmPlugin: ScannerPlugin = {
  name: 'llm',
  detectors: [
    { format: 'gguf', content: (i) => looksLikeGguf(i.head), extensions: ['.gguf'] },
    {
      format: 'safetensors',
      content: (i) => looksLikeSafetensors(i.head, i.size),
      extensions: ['.safetensors'],
    },
  ],
  scanners: [ggufScanner, safetensorsScanner],
  layouts: [],
};
