import { BufferSource } from '../../../src/io/source.js';
import { SourceStream } from '../../../src/io/stream.js';
import { sweepForImports } from '../../../src/analysis/pickle/sweep.js';
import { p } from '../../helpers/pickle-builder.js';

const sweep = (b: Buffer, known?: Set<string>) =>
  sweepForImports(new SourceStream(new BufferSource(b)), 1 << 20, () => {}, known);

describe('byte sweep for hidden imports', () => {
  test('finds GLOBAL text and STACK_GLOBAL operand pairs, memoized or not', async () => {
    const hidden = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      p().global('os', 'system').build(),
      p().str('subprocess').op('MEMOIZE').str('Popen').op('MEMOIZE').op('STACK_GLOBAL').build(),
    ]);
    const hits = await sweep(hidden);
    expect(hits.map((h) => `${h.module}.${h.name}`)).toEqual(['os.system', 'subprocess.Popen']);
  });

  test('adjacent strings that are not STACK_GLOBAL operands (dict keys) are not imports', async () => {
    const keys = p()
      .op('EMPTY_DICT')
      .op('MARK')
      .str('numargs')
      .str('__doc__')
      .str('system')
      .str('x')
      .op('SETITEMS')
      .build();
    expect(await sweep(keys)).toEqual([]);
  });

  test('imports the straight read already judged are left out', async () => {
    expect(await sweep(p().global('os', 'system').build(), new Set(['os.system']))).toEqual([]);
  });
});
