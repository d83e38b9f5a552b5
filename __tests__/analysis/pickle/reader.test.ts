import { BufferSource } from '../../../src/io/source.js';
import { IterableStream, SourceStream, type ByteStream } from '../../../src/io/stream.js';
import {
  readOpcodes,
  type FrameViolation,
  type RawOp,
  type ReadFault,
} from '../../../src/analysis/pickle/reader.js';
import { p } from '../../helpers/pickle-builder.js';

async function collect(
  stream: ByteStream,
  frameMode: 'linear' | 'file' = 'linear',
  keepBytes = 65536,
) {
  const ops: RawOp[] = [];
  const faults: ReadFault[] = [];
  const frames: FrameViolation[] = [];
  const end = await readOpcodes(
    stream,
    {
      op: (o) => ops.push(o),
      fault: (f) => faults.push(f),
      frameViolation: (v) => frames.push(v),
      checkpoint: () => {},
    },
    { keepBytes, frameMode },
  );
  return { ops, faults, frames, end, names: ops.map((o) => o.info.name) };
}

const fromBuffer = (b: Buffer): ByteStream => new SourceStream(new BufferSource(b));

async function* oneByteAtATime(b: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i++) yield b.subarray(i, i + 1);
}

describe('opcode reader', () => {
  test('reads every opcode of a multi-pickle stream', async () => {
    const bytes = Buffer.concat([
      p().proto(4).str('a').stop().build(),
      p().op('NONE').stop().build(),
    ]);
    const r = await collect(fromBuffer(bytes));
    expect(r.names).toEqual(['PROTO', 'SHORT_BINUNICODE', 'STOP', 'NONE', 'STOP']);
    expect(r.faults).toEqual([]);
    expect(r.end).toBe(bytes.length);
  });

  test('gives the same opcodes whatever the chunking of the stream', async () => {
    const bytes = p()
      .proto(2)
      .global('collections', 'OrderedDict')
      .op('EMPTY_TUPLE')
      .reduce()
      .op('MARK')
      .str('k')
      .op('INT', '12\n')
      .op('SETITEMS')
      .stop()
      .build();
    const whole = await collect(fromBuffer(bytes));
    const drip = await collect(new IterableStream(oneByteAtATime(bytes)));
    expect(drip.names).toEqual(whole.names);
    expect(drip.ops.map((o) => o.lines ?? o.int)).toEqual(whole.ops.map((o) => o.lines ?? o.int));
  });

  test('skips a large payload, keeping only a prefix, and reads the opcodes after it', async () => {
    const payload = Buffer.alloc(8 * 1024 * 1024, 0x41);
    const bytes = p()
      .proto(4)
      .binbytes8(payload.length, payload)
      .op('POP')
      .global('os', 'system')
      .stop()
      .build();
    const r = await collect(fromBuffer(bytes));
    expect(r.names).toEqual(['PROTO', 'BINBYTES8', 'POP', 'GLOBAL', 'STOP']);
    const big = r.ops[1]!;
    expect(big.truncated).toBe(true);
    expect(big.length).toBe(payload.length);
    expect(big.data!.length).toBeLessThanOrEqual(4096);
    expect(r.ops[3]!.lines).toEqual(['os', 'system']);
  });

  test('reports a payload longer than the stream as truncated', async () => {
    const bytes = Buffer.concat([
      p().proto(4).build(),
      Buffer.from([0x8e]),
      Buffer.from([0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0]),
      Buffer.alloc(100),
    ]);
    const r = await collect(fromBuffer(bytes));
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0]).toMatchObject({ kind: 'truncated', opcode: 'BINBYTES8' });
  });

  test('keeps a prefix of an over-long text line and resumes after its newline', async () => {
    const longLine = 'a'.repeat(200_000);
    const bytes = Buffer.concat([
      Buffer.from(`V${longLine}\n`, 'latin1'),
      p().op('POP').global('os', 'system').stop().build(),
    ]);
    const r = await collect(fromBuffer(bytes), 'linear', 1024);
    expect(r.names).toEqual(['UNICODE', 'POP', 'GLOBAL', 'STOP']);
    expect(r.ops[0]!.truncated).toBe(true);
    expect(r.ops[0]!.lines![0]!.length).toBe(1024);
  });

  test('stops at an invalid opcode', async () => {
    const r = await collect(fromBuffer(Buffer.from([0x80, 0x04, 0xff])));
    expect(r.faults).toEqual([{ kind: 'invalid-opcode', offset: 2, byte: 0xff }]);
  });

  test('requires a newline after text arguments', async () => {
    const r = await collect(fromBuffer(Buffer.from('cos\nsystem', 'latin1')));
    expect(r.faults[0]).toMatchObject({ kind: 'truncated', opcode: 'GLOBAL' });
  });

  test('reports opcodes that cross a FRAME boundary and frames inside frames', async () => {
    // FRAME of 3 bytes, then a 4-byte SHORT_BINUNICODE that runs past it.
    const straddle = p().proto(4).frame(3).str('abc').op('POP').op('NONE').stop().build();
    const a = await collect(fromBuffer(straddle));
    expect(a.frames.map((f) => f.kind)).toEqual(['straddle']);
    const nested = p().proto(4).frame(20).op('NONE').frame(2).op('POP').op('NONE').stop().build();
    const b = await collect(fromBuffer(nested));
    expect(b.frames.map((f) => f.kind)).toContain('nested');
    const beyond = p().proto(4).frame(1000).op('NONE').stop().build();
    const c = await collect(fromBuffer(beyond));
    expect(c.frames.map((f) => f.kind)).toEqual(['beyond-end']);
  });

  test('file mode reads a frame-straddling stream as older C unpicklers read files (cpython#154848)', async () => {
    // Mirrors the example at a small scale: the frame holds "B\x07"; a C unpickler
    // reading a file drops the rest of the frame when the 4-byte length does not fit,
    // reads the length from after the frame and so executes the hidden opcodes.
    const hidden = p()
      .global('builtins', 'print')
      .op('UNICODE', 'Hello\n')
      .tuple1()
      .reduce()
      .build();
    const inner = Buffer.concat([hidden, Buffer.from([0x28])]); // + MARK
    const padded = Buffer.concat([inner, Buffer.alloc(256 + 5 - inner.length, 0x4e)]); // NONE padding
    const bytes = Buffer.concat([
      p().proto(5).op('NONE').op('MARK').frame(2).build(),
      Buffer.from([0x42, 0x07, 0x01, 0x00, 0x00]),
      Buffer.from([0x00, 0x00]),
      padded,
      p().op('POP_MARK').stop().build(),
    ]);
    const linear = await collect(fromBuffer(bytes), 'linear');
    expect(linear.names).not.toContain('GLOBAL');
    const file = await collect(fromBuffer(bytes), 'file');
    expect(file.names).toContain('GLOBAL');
    expect(file.ops.find((o) => o.info.name === 'GLOBAL')!.lines).toEqual(['builtins', 'print']);
  });
});

describe('python/cpython#154848, the published example', () => {
  // Built exactly as in the issue. CPython 3.11 (this machine's) prints "Hello, world!" when
  // loading it from a file and returns None from bytes; pickletools shows only BINBYTES.
  const hidden = Buffer.concat([
    Buffer.from('cbuiltins\nprint\nVHello, world!\n', 'latin1'),
    Buffer.from([0x85, 0x52]),
  ]);
  const inner = Buffer.concat([hidden, Buffer.from([0x28])]);
  const bytes = Buffer.concat([
    Buffer.from([0x80, 0x05, 0x4e]),
    Buffer.from('V' + 'a'.repeat(8192 * 16 - 17) + '\n', 'latin1'),
    Buffer.from([0x30, 0x28]),
    Buffer.from([0x95, 2, 0, 0, 0, 0, 0, 0, 0]),
    Buffer.from([0x42, 0x07, 0x01, 0x00, 0x00, 0x00, 0x00]),
    Buffer.concat([inner, Buffer.alloc(256 + 5 - inner.length, 0x4e)]),
    Buffer.from([0x31, 0x2e]),
  ]);

  test('the straight read sees no import; the file-mode read finds builtins.print', async () => {
    const linear = await collect(fromBuffer(bytes), 'linear');
    expect(linear.names).not.toContain('GLOBAL');
    expect(linear.frames.map((f) => f.kind)).toEqual(['straddle']);
    const file = await collect(fromBuffer(bytes), 'file');
    expect(file.ops.filter((o) => o.info.name === 'GLOBAL').map((o) => o.lines)).toEqual([
      ['builtins', 'print'],
    ]);
  });
});
