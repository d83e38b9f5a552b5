/**
 * joblib: the raw array bytes joblib.load reads after each NumpyArrayWrapper are skipped
 * exactly (alignment padding included), object arrays are read as nested pickles with their
 * own memo, and whatever cannot be resolved is an ERROR rather than a misread.
 */
import type { FileResult } from '../../../src/findings/finding.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';
import { global4, sbu } from './build.js';

const CMD = 'touch /tmp/modelaudit-marker-test';
const b = (...parts: (Buffer | string | number[])[]): Buffer =>
  Buffer.concat(
    parts.map((p) =>
      typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p),
    ),
  );
const int = (n: number): Buffer => {
  const x = Buffer.alloc(5);
  x[0] = 0x4a;
  x.writeInt32LE(n, 1);
  return x;
};
/** os.system(CMD), leaving the result on the stack. */
const PAYLOAD_OPS = b('cos\nsystem\n', sbu(CMD), [0x85, 0x52]);

function dtype(code: string, flags = 0, elsize = -1): Buffer {
  return b(
    global4('numpy', 'dtype'),
    sbu(code),
    [0x89, 0x88, 0x87, 0x52],
    '(K\x03',
    sbu('<'),
    'NNN',
    int(elsize),
    int(-1),
    int(flags),
    't',
    'b',
  );
}

interface WrapperOpts {
  shape?: Buffer;
  dtype?: Buffer;
  aligned?: boolean;
}

/** NEWOBJ of NumpyArrayWrapper, its state dict, BUILD. */
function wrapper(o: WrapperOpts = {}): Buffer {
  const items = [
    sbu('subclass'),
    global4('numpy', 'ndarray'),
    sbu('shape'),
    o.shape ?? b(int(4), [0x85]),
    sbu('order'),
    sbu('C'),
    sbu('dtype'),
    o.dtype ?? dtype('u1'),
    sbu('allow_mmap'),
    [0x88],
    ...(o.aligned === false ? [] : [sbu('numpy_array_alignment_bytes'), b('K\x10')]),
  ] as (Buffer | number[])[];
  return b(
    global4('joblib.numpy_pickle', 'NumpyArrayWrapper'),
    ')',
    [0x81],
    '}(',
    ...items,
    'u',
    'b',
  );
}

/** A joblib-style file: a list of items. */
const file = (...items: (Buffer | string | number[])[]): Buffer =>
  b([0x80, 0x04], ']', '(', ...items, 'e', '.');
const STOPS = Buffer.alloc(4, 0x2e); // raw array bytes that a naive reader takes for STOP

function verdict(r: FileResult): string {
  return rulesOf(r).join(',');
}

describe('joblib array data', () => {
  test('a payload after aligned raw array bytes is found', async () => {
    const r = await scanBytes(file(wrapper(), b([3, 9, 9, 9]), STOPS, PAYLOAD_OPS), 'x.joblib');
    expect(r.format).toBe('joblib');
    expect(verdict(r)).toContain('MA2001');
  });

  test('the same file without the payload is clean', async () => {
    const r = await scanBytes(file(wrapper(), b([3, 9, 9, 9]), STOPS, sbu('fine')), 'x.joblib');
    expect(r.findings).toEqual([]);
  });

  test('without the alignment attribute no padding byte is read', async () => {
    const r = await scanBytes(file(wrapper({ aligned: false }), STOPS, PAYLOAD_OPS), 'x.joblib');
    expect(verdict(r)).toContain('MA2001');
    const clean = await scanBytes(
      file(wrapper({ aligned: false }), STOPS, sbu('fine')),
      'y.joblib',
    );
    expect(clean.findings).toEqual([]);
  });

  test('shape products and item sizes: 2x3 float64', async () => {
    const w = wrapper({ shape: b('K\x02K\x03', [0x86]), dtype: dtype('f8') });
    const r = await scanBytes(file(w, [0], Buffer.alloc(48, 0x2e), sbu('fine')), 'x.joblib');
    expect(r.findings).toEqual([]);
  });

  test('unicode arrays take the element size from the dtype state', async () => {
    const w = wrapper({ shape: b(int(2), [0x85]), dtype: dtype('U3', 8, 12) });
    const r = await scanBytes(file(w, [0], Buffer.alloc(24, 0x2e), PAYLOAD_OPS), 'x.joblib');
    expect(verdict(r)).toContain('MA2001');
  });

  test('an object array is a nested pickle with its own memo', async () => {
    // The outer memo 0 holds 'posix'; the nested pickle overwrites its own memo 0 with 'math'.
    // joblib resumes the outer pickle with its memo intact: GET 0 is 'posix', so this calls posix.system.
    const nested = b([0x80, 0x02], sbu('math'), [0x94], [0x30], 'N.');
    const outer = file(
      sbu('posix'),
      [0x94],
      [0x30],
      wrapper({ dtype: dtype('O8', 63) }),
      nested,
      'h\x00',
      sbu('system'),
      [0x93],
      sbu(CMD),
      [0x85, 0x52],
    );
    const r = await scanBytes(outer, 'x.joblib');
    expect(r.findings.find((f) => f.ruleId === 'MA2001')?.evidence).toContain('posix.system');
  });

  test('dtype flags that claim hasobject make joblib unpickle the data', async () => {
    const nested = b([0x80, 0x02], PAYLOAD_OPS, '.');
    const r = await scanBytes(
      file(wrapper({ dtype: dtype('f8', 1) }), nested, sbu('after')),
      'x.joblib',
    );
    expect(verdict(r)).toContain('MA2001');
  });

  test('BUILD again on a memoized wrapper reads data again', async () => {
    const w = b(global4('joblib.numpy_pickle', 'NumpyArrayWrapper'), ')', [0x81], [0x94]);
    const state = b('}(', sbu('shape'), int(2), [0x85], sbu('dtype'), dtype('u1'), 'u');
    const data = b([0], '..');
    const r = await scanBytes(
      file(w, state, 'b', data, 'h\x00', '}', 'b', data, PAYLOAD_OPS),
      'x.joblib',
    );
    expect(verdict(r)).toContain('MA2001');
  });

  test('a shape computed at load time is an ERROR of its own', async () => {
    const shape = b(global4('builtins', 'len'), sbu('abc'), [0x85, 0x52, 0x85]);
    const r = await scanBytes(file(wrapper({ shape }), [0], 'abc', sbu('x')), 'x.joblib');
    expect(verdict(r)).toContain('MA3019');
  });

  test('array data cut short is malformed', async () => {
    const r = await scanBytes(
      b([0x80, 0x04], ']', '(', wrapper({ shape: b(int(1000), [0x85]) }), [0], 'abc'),
      'x.joblib',
    );
    expect(verdict(r)).toContain('MA2013');
  });

  test('array data inside a FRAME with opcodes after it is an ERROR', async () => {
    const body = b(']', '(', wrapper(), sbu('inside the frame'));
    const framed = b(
      [0x80, 0x04, 0x95],
      Buffer.from(new BigUint64Array([BigInt(body.length)]).buffer),
      body,
      [0],
      'abcd',
      'e.',
    );
    const r = await scanBytes(framed, 'x.joblib');
    expect(r.findings.some((f) => f.severity === 'ERROR')).toBe(true);
  });

  test('pickle.load reading array bytes as opcodes: what they run is reported', async () => {
    // padding byte 'c' (99): joblib skips 99 bytes + 4 of data; pickle.load runs GLOBAL os.system.
    const ops = b(PAYLOAD_OPS, '.');
    const raw = b(ops, Buffer.alloc(104 - ops.length));
    const r = await scanBytes(file(wrapper(), raw, sbu('after')), 'x.joblib');
    const f = r.findings.find((x) => x.ruleId === 'MA2001');
    expect(f?.message).toContain('pickle.load');
  });
});
