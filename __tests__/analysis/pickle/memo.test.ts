import { COMPACTED, Memo } from '../../../src/analysis/pickle/memo.js';
import { container, type Value } from '../../../src/analysis/pickle/values.js';

const str = (text: string): Value => ({ k: 'str', text, truncated: false, length: text.length });
const global: Value = {
  k: 'global',
  module: 'os',
  name: 'system',
  cls: { level: 'unclassified' },
  site: { offset: 0, opcodeIndex: 0, opcode: 'GLOBAL' },
  invoked: false,
};

describe('memo', () => {
  test('last write wins and the size counts distinct indices (MEMOIZE semantics)', () => {
    const m = new Memo(10, 10);
    m.put(5, str('collections'));
    m.put(5, str('os'));
    expect(m.get(5)).toMatchObject({ k: 'str', text: 'os' });
    expect(m.size).toBe(1);
    m.put(m.size, str('system'));
    expect(m.get(1)).toMatchObject({ text: 'system' });
  });

  test('refuses new indices past the entry limit', () => {
    const m = new Memo(2, 10);
    expect(m.put(0, str('a'))).toBe(true);
    expect(m.put(1, str('b'))).toBe(true);
    expect(m.put(2, str('c'))).toBe(false);
    expect(m.put(1, str('d'))).toBe(true);
  });

  test('drops plain data past its budget but always keeps callables', () => {
    const m = new Memo(100, 1);
    m.put(0, container('list', [str('x')]));
    m.put(1, container('list', [str('y')]));
    m.put(2, global);
    m.put(3, container('tuple', [global]));
    expect(m.get(0)).toMatchObject({ k: 'list' });
    expect(m.get(1)).toBe(COMPACTED);
    expect(m.get(2)).toBe(global);
    expect(m.get(3)).toMatchObject({ k: 'tuple' });
    expect(m.compacted).toBe(true);
  });
});
