import { alarmingNames, MarshalError, summarizeCode } from '../../src/io/marshal.js';

// marshal.dumps of code objects compiled by CPython 3.11 (never executed).
const LAMBDA_OS_SYSTEM =
  '4wEAAAAAAAAAAAAAAAMAAAADAAAA80oAAACXAHQBAAAAAAAAAAAAAGQBpgEAAKsBAAAAAAAAAACgAQAAAAAAAAAAAAAAAAAAAAAAAAAAZAKmAQAAqwEAAAAAAAAAAHABfABTACkDTtoCb3N6B2VjaG8gaGkpAtoKX19pbXBvcnRfX9oGc3lzdGVtKQHaAXhzAQAAACD6CDxsYW1iZGE++gg8bGFtYmRhPnIHAAAAAQAAAHMhAAAAgACNKpBU0Qoa1Aoa1woh0gohoCnRCizUCizQCjGwAYAA8wAAAAA=';
const NESTED_SUBPROCESS =
  '4wEAAAAAAAAAAAAAAAIAAAADAAAA8ygAAACHAZcAZAFkAGwAigGIAWYBZAKECHwARACmAAAAqwAAAAAAAAAAAFMAKQNO6QAAAABjAQAAAAAAAAAAAAAABQAAABMAAADzPAAAAJUBlwBnAHwAXRh9AYkCoAAAAAAAAAAAAAAAAAAAAAAAAAAAAGQAZwGmAQAAqwEAAAAAAAAAAJECjBlTACkB2gJpZCkB2gNydW4pA9oCLjDaAV/aCnN1YnByb2Nlc3NzAwAAACAggPoHPHN0ZGluPvoKPGxpc3Rjb21wPnoZb3V0ZXIuPGxvY2Fscz4uPGxpc3Rjb21wPggAAABzJwAAAPiAANALLtALLtALLqBxiEqPTopOmESYNtEMItQMItALLtALLtALLvMAAAAAKQFyCAAAACkC2gF0cggAAABzAgAAACBAcgkAAADaBW91dGVycg0AAAAGAAAAcykAAAD4gADYBBXQBBXQBBXQBBXYCy7QCy7QCy7QCy6oQdALLtELLtQLLtAELnILAAAA';

/** A Python 3.8–3.10 code object, assembled by hand (6 int fields, varnames/freevars/cellvars). */
function py38Code(): Buffer {
  const i32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    return b;
  };
  const short = (s: string): Buffer =>
    Buffer.concat([Buffer.from([0x7a, s.length]), Buffer.from(s, 'latin1')]);
  const bytes = (b: Buffer): Buffer => Buffer.concat([Buffer.from('s'), i32(b.length), b]);
  const tuple = (items: Buffer[]): Buffer =>
    Buffer.concat([Buffer.from([0x29, items.length]), ...items]);
  return Buffer.concat([
    Buffer.from('c'),
    i32(1),
    i32(0),
    i32(0),
    i32(1),
    i32(3),
    i32(67),
    bytes(Buffer.from([0x74, 0, 0xa0, 1])),
    tuple([Buffer.from('N'), short('rm -rf /tmp/x')]),
    tuple([short('os'), short('system')]),
    tuple([short('x')]),
    tuple([]),
    tuple([]),
    short('<lambda>'),
    short('<lambda>'),
    i32(1),
    bytes(Buffer.alloc(2)),
  ]);
}

describe('marshal code summaries (never executed)', () => {
  test.each([
    [
      'python 3.11 lambda calling os.system',
      Buffer.from(LAMBDA_OS_SYSTEM, 'base64'),
      'python-3.11+',
      ['__import__', 'system'],
      'echo hi',
    ],
    [
      'python 3.11 function with a nested comprehension',
      Buffer.from(NESTED_SUBPROCESS, 'base64'),
      'python-3.11+',
      ['run'],
      'id',
    ],
    ['python 3.8 layout', py38Code(), 'python-3.8-3.10', ['os', 'system'], 'rm -rf /tmp/x'],
  ])('%s', (_name, bytes, layout, names, constant) => {
    const s = summarizeCode(bytes);
    expect(s.layout).toBe(layout);
    for (const n of names) expect(s.names).toContain(n);
    expect(s.strings).toContain(constant);
    expect(alarmingNames(s).length).toBeGreaterThan(0);
  });

  test('nested code objects are visited', () => {
    const s = summarizeCode(Buffer.from(NESTED_SUBPROCESS, 'base64'));
    expect(s.nested).toBeGreaterThan(0);
    expect(s.names).toEqual(expect.arrayContaining(['subprocess', 'run']));
  });

  test.each([
    ['empty', Buffer.alloc(0)],
    ['not a code object', Buffer.from('N')],
    ['unknown type byte', Buffer.from([0x01, 0x02])],
    ['truncated', Buffer.from(LAMBDA_OS_SYSTEM, 'base64').subarray(0, 40)],
    ['runaway tuple', Buffer.from([0x28, 0xff, 0xff, 0xff, 0x7f])],
  ])('%s input fails with MarshalError', (_name, bytes) => {
    expect(() => summarizeCode(bytes)).toThrow(MarshalError);
  });

  test('every truncation of a real code object fails cleanly', () => {
    const full = Buffer.from(LAMBDA_OS_SYSTEM, 'base64');
    for (let n = 0; n < full.length; n++) {
      try {
        summarizeCode(full.subarray(0, n));
      } catch (err) {
        expect(err).toBeInstanceOf(MarshalError);
      }
    }
  });
});
