import { analyzePickle } from './analyze.js';
import { PICKLE_RULES } from '../../rules/pickle.js';
import type { Scanner } from '../base.js';

/** Plain pickle streams, whatever their name: every pickle in the stream is judged. */
export const pickleScanner: Scanner = {
  id: 'pickle',
  formats: ['pickle'],
  rules: [...PICKLE_RULES.map((r) => r.id), 'MA1002'],
  async scan(target, ctx) {
    const a = await analyzePickle(target, ctx);
    ctx.detail('pickle', {
      pickles: a.pickles,
      protocols: a.protocols,
      opcodes: a.opcodes,
      imports: a.imports,
      ...(a.storageReferences > 0 ? { storageReferences: a.storageReferences } : {}),
    });
  },
};
