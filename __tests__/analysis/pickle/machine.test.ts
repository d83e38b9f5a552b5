/**
 * Table-driven tests of the symbolic machine: hand-assembled pickles for each trick, with the
 * rules that must fire and those that must not.
 */
import { p } from '../../helpers/pickle-builder.js';
import { evidenceOf, rulesOf, scanBytes } from '../../helpers/scan.js';

const CMD = 'touch /tmp/modelaudit-marker-unit';

interface Case {
  readonly name: string;
  readonly bytes: () => Buffer;
  readonly rules: readonly string[];
  readonly absent?: readonly string[];
  readonly evidence?: readonly string[];
  readonly file?: string;
}

const cases: readonly Case[] = [
  {
    name: 'protocol 0 GLOBAL + REDUCE of os.system',
    bytes: () =>
      p()
        .global('os', 'system')
        .op('MARK')
        .op('STRING', `'${CMD}'\n`)
        .op('TUPLE')
        .reduce()
        .stop()
        .build(),
    rules: ['MA2001'],
    evidence: [`os.system('${CMD}')`],
  },
  {
    name: 'protocol 4 STACK_GLOBAL of posix.system',
    bytes: () =>
      p().proto(4).stackGlobal('posix', 'system').str(CMD).tuple1().reduce().stop().build(),
    rules: ['MA2001'],
    evidence: ['posix.system'],
  },
  {
    name: 'operands fetched from the memo (MEMOIZE / BINGET)',
    bytes: () =>
      p()
        .proto(4)
        .str('os')
        .op('MEMOIZE')
        .op('POP')
        .str('system')
        .op('MEMOIZE')
        .op('POP')
        .op('BINGET', 0)
        .op('BINGET', 1)
        .op('STACK_GLOBAL')
        .str(CMD)
        .tuple1()
        .reduce()
        .stop()
        .build(),
    rules: ['MA2001'],
    evidence: ['os.system'],
  },
  {
    name: 'memo slot overwritten before the fetch (last write wins, as in C)',
    bytes: () =>
      p()
        .proto(4)
        .str('collections')
        .op('BINPUT', 0)
        .op('POP')
        .str('os')
        .op('BINPUT', 0)
        .op('POP')
        .op('BINGET', 0)
        .str('system')
        .op('STACK_GLOBAL')
        .str(CMD)
        .tuple1()
        .reduce()
        .stop()
        .build(),
    rules: ['MA2001'],
    evidence: ['os.system'],
  },
  {
    name: 'dotted name through a module attribute: pathlib.os.system',
    bytes: () =>
      p().proto(4).stackGlobal('pathlib', 'os.system').str(CMD).tuple1().reduce().stop().build(),
    rules: ['MA2001'],
    evidence: ['pathlib.os.system'],
  },
  {
    name: 'Python 2 module name __builtin__ mapped to builtins',
    bytes: () =>
      p()
        .global('__builtin__', 'eval')
        .op('MARK')
        .op('STRING', "'1+1'\n")
        .op('TUPLE')
        .reduce()
        .stop()
        .build(),
    rules: ['MA2001'],
  },
  {
    name: 'STACK_GLOBAL whose module name is computed by a call',
    bytes: () =>
      p()
        .proto(4)
        .stackGlobal('builtins', 'str')
        .str('os')
        .tuple1()
        .reduce()
        .str('system')
        .op('STACK_GLOBAL')
        .str(CMD)
        .tuple1()
        .reduce()
        .stop()
        .build(),
    rules: ['MA2007', 'MA2008'],
  },
  {
    name: 'getattr(module, "system") resolves to the path it names, then the call is judged',
    bytes: () =>
      p()
        .proto(4)
        .stackGlobal('builtins', 'getattr')
        .stackGlobal('os', 'path')
        .str('system')
        .op('TUPLE2')
        .reduce()
        .str(CMD)
        .tuple1()
        .reduce()
        .stop()
        .build(),
    rules: ['MA2001'],
    evidence: ['os.path.system'],
  },
  {
    name: 'getattr on a value computed at load time stays a dangerous call',
    bytes: () =>
      p()
        .proto(4)
        .stackGlobal('builtins', 'getattr')
        .stackGlobal('builtins', '__import__')
        .str('os')
        .tuple1()
        .reduce()
        .str('system')
        .op('TUPLE2')
        .reduce()
        .str(CMD)
        .tuple1()
        .reduce()
        .stop()
        .build(),
    rules: ['MA2001', 'MA2008'],
    evidence: ['builtins.getattr', 'builtins.__import__'],
  },
  {
    name: 'getattr(zoneinfo.ZoneInfo, "_unpickle") as pandas writes it is resolved, not flagged',
    bytes: () =>
      p()
        .proto(4)
        .stackGlobal('builtins', 'getattr')
        .stackGlobal('zoneinfo', 'ZoneInfo')
        .str('_unpickle')
        .op('TUPLE2')
        .reduce()
        .str('UTC')
        .op('BININT1', 1)
        .op('TUPLE2')
        .reduce()
        .stop()
        .build(),
    rules: [],
  },
  {
    name: 'SETITEM on os.environ',
    bytes: () =>
      p()
        .proto(4)
        .stackGlobal('os', 'environ')
        .str('LD_PRELOAD')
        .str('/tmp/x.so')
        .op('SETITEM')
        .stop()
        .build(),
    rules: ['MA2010', 'MA2002'],
    evidence: ['os.environ'],
  },
  {
    name: 'APPEND on sys.path',
    bytes: () =>
      p().proto(4).stackGlobal('sys', 'path').str('/tmp/evil').op('APPEND').stop().build(),
    rules: ['MA2010'],
  },
  {
    name: 'BUILD applied to an imported class (monkey-patching)',
    bytes: () =>
      p()
        .proto(4)
        .stackGlobal('collections', 'OrderedDict')
        .op('NONE')
        .op('EMPTY_DICT')
        .str('__reduce__')
        .op('NONE')
        .op('SETITEM')
        .op('TUPLE2')
        .op('BUILD')
        .stop()
        .build(),
    rules: ['MA2010'],
  },
  {
    name: 'EXT1 extension code',
    bytes: () => p().proto(2).op('EXT1', 7).str(CMD).tuple1().reduce().stop().build(),
    rules: ['MA2009'],
  },
  {
    name: 'INST call site',
    bytes: () =>
      p().op('MARK').op('STRING', `'${CMD}'\n`).op('INST', 'os\nsystem\n').stop().build(),
    rules: ['MA2001'],
  },
  {
    name: 'OBJ call site',
    bytes: () =>
      p()
        .proto(1)
        .op('MARK')
        .global('os', 'system')
        .op('STRING', `'${CMD}'\n`)
        .op('OBJ')
        .stop()
        .build(),
    rules: ['MA2001'],
  },
  {
    name: 'NEWOBJ of subprocess.Popen',
    bytes: () =>
      p()
        .proto(2)
        .global('subprocess', 'Popen')
        .op('MARK')
        .str(CMD)
        .op('TUPLE')
        .op('NEWOBJ')
        .stop()
        .build(),
    rules: ['MA2001'],
  },
  {
    name: 'NEWOBJ_EX of subprocess.Popen with kwargs',
    bytes: () =>
      p()
        .proto(4)
        .stackGlobal('subprocess', 'Popen')
        .str(CMD)
        .tuple1()
        .op('EMPTY_DICT')
        .str('shell')
        .op('NEWTRUE')
        .op('SETITEM')
        .op('NEWOBJ_EX')
        .stop()
        .build(),
    rules: ['MA2001'],
  },
  {
    name: 'copyreg._reconstructor calling Popen.__init__',
    bytes: () =>
      p()
        .proto(2)
        .global('copyreg', '_reconstructor')
        .global('collections', 'OrderedDict')
        .global('subprocess', 'Popen')
        .op('MARK')
        .str('touch')
        .str('/tmp/modelaudit-marker-unit')
        .op('LIST')
        .op('TUPLE3')
        .reduce()
        .stop()
        .build(),
    rules: ['MA2001'],
    evidence: ['subprocess.Popen'],
  },
  {
    name: 'non-canonical INT argument (0x10)',
    bytes: () =>
      p().op('INT', '0x10\n').op('POP').global('os', 'system').op('POP').op('NONE').stop().build(),
    rules: ['MA2011', 'MA2002'],
  },
  {
    name: 'NUL byte inside a GET index',
    bytes: () =>
      p().op('NONE').op('PUT', '0\n').op('GET', '0\u0000junk\n').op('POP').stop().build(),
    rules: ['MA2011'],
  },
  {
    name: 'opcode crossing a FRAME boundary',
    bytes: () => p().proto(4).frame(3).str('abc').op('POP').op('NONE').stop().build(),
    rules: ['MA2012'],
  },
  {
    name: 'stream ending before STOP',
    bytes: () => p().proto(4).stackGlobal('os', 'system').str(CMD).tuple1().reduce().build(),
    rules: ['MA2001', 'MA2013'],
  },
  {
    name: 'payload first, then an invalid opcode before STOP',
    bytes: () =>
      Buffer.concat([
        p().proto(4).stackGlobal('os', 'system').str(CMD).tuple1().reduce().build(),
        Buffer.from([0xff, 0x00, 0x13]),
      ]),
    rules: ['MA2001', 'MA2013'],
  },
  {
    name: 'garbage after a complete clean pickle',
    bytes: () =>
      Buffer.concat([p().proto(4).op('NONE').stop().build(), Buffer.from([0xff, 0xfe, 0x00])]),
    rules: ['MA2014'],
    absent: ['MA2013'],
  },
  {
    name: 'second pickle of a stream carries the payload',
    bytes: () =>
      Buffer.concat([
        p().proto(4).op('NONE').stop().build(),
        p().proto(4).stackGlobal('os', 'system').str(CMD).tuple1().reduce().stop().build(),
      ]),
    rules: ['MA2001', 'MA2015'],
  },
  {
    name: 'memo shared across stacked pickles',
    bytes: () =>
      Buffer.concat([
        p()
          .proto(4)
          .str('os')
          .op('MEMOIZE')
          .str('system')
          .op('MEMOIZE')
          .op('TUPLE2')
          .stop()
          .build(),
        p()
          .proto(4)
          .op('BINGET', 0)
          .op('BINGET', 1)
          .op('STACK_GLOBAL')
          .str(CMD)
          .tuple1()
          .reduce()
          .stop()
          .build(),
      ]),
    rules: ['MA2001'],
  },
  {
    name: 'persistent ID outside the PyTorch storage shape',
    bytes: () => p().op('PERSID', 'custom-object\n').stop().build(),
    rules: ['MA2016'],
  },
  {
    name: 'call of a class from an unclassified module',
    bytes: () =>
      p().proto(2).global('mylab.models', 'Net').op('EMPTY_TUPLE').reduce().stop().build(),
    rules: ['MA2005'],
    absent: ['MA2001', 'MA2003'],
  },
  {
    name: 'reference to an unclassified name',
    bytes: () => p().proto(2).global('mylab.models', 'Net').stop().build(),
    rules: ['MA2006'],
  },
  {
    name: 'command-runner name in an unclassified module',
    bytes: () =>
      p().proto(2).global('somepkg.util', 'system').str(CMD).tuple1().reduce().stop().build(),
    rules: ['MA2018'],
  },
  {
    name: 'dunder walk in a dotted name',
    bytes: () =>
      p()
        .proto(4)
        .stackGlobal('mylab', 'Net.__init__.__globals__')
        .op('POP')
        .op('NONE')
        .stop()
        .build(),
    rules: ['MA2019'],
  },
  {
    name: 'pickle embedded in a bytes constant',
    bytes: () => {
      const inner = p()
        .proto(4)
        .stackGlobal('os', 'system')
        .str(CMD)
        .tuple1()
        .reduce()
        .stop()
        .build();
      return p()
        .proto(4)
        .stackGlobal('collections', 'OrderedDict')
        .op('POP')
        .binbytes(inner)
        .stop()
        .build();
    },
    rules: ['MA2001', 'MA2022'],
  },
  {
    name: 'base64-encoded pickle in a str constant',
    bytes: () => {
      const inner = p()
        .proto(4)
        .stackGlobal('os', 'system')
        .str(CMD)
        .tuple1()
        .reduce()
        .stop()
        .build();
      return p().proto(4).binunicode(inner.toString('base64')).stop().build();
    },
    rules: ['MA1020', 'MA2001'],
  },
  {
    name: 'OrderedDict with items (benign)',
    bytes: () =>
      p()
        .proto(2)
        .global('collections', 'OrderedDict')
        .op('EMPTY_TUPLE')
        .reduce()
        .op('MARK')
        .str('weight')
        .op('BININT1', 3)
        .str('bias')
        .op('NEWFALSE')
        .op('SETITEMS')
        .stop()
        .build(),
    rules: [],
  },
];

describe('symbolic pickle machine', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await scanBytes(c.bytes(), c.file ?? 'case.pkl');
    const rules = rulesOf(result);
    for (const r of c.rules) expect(rules).toContain(r);
    for (const r of c.absent ?? []) expect(rules).not.toContain(r);
    if (c.rules.length === 0) expect(result.findings).toEqual([]);
    for (const e of c.evidence ?? []) expect(evidenceOf(result)).toContain(e);
    if (c.rules.some((r) => ['MA2001', 'MA2007', 'MA2009', 'MA2010', 'MA2013'].includes(r))) {
      expect(result.findings.some((f) => f.severity === 'ERROR')).toBe(true);
    }
  });

  test('a protocol-0 pickle named .txt is identified by content and flagged as mismatched', async () => {
    const r = await scanBytes(
      p()
        .global('os', 'system')
        .op('MARK')
        .op('STRING', `'${CMD}'\n`)
        .op('TUPLE')
        .reduce()
        .stop()
        .build(),
      'notes.txt',
    );
    expect(r.format).toBe('pickle');
    expect(rulesOf(r)).toEqual(expect.arrayContaining(['MA2001', 'MA1005']));
  });

  test('findings carry offsets and opcode indices', async () => {
    const r = await scanBytes(
      p().proto(4).stackGlobal('os', 'system').str(CMD).tuple1().reduce().stop().build(),
    );
    const call = r.findings.find((f) => f.ruleId === 'MA2001')!;
    expect(call.location.offset).toBeGreaterThan(0);
    expect(call.location.opcodeIndex).toBeGreaterThan(0);
    expect(call.cwe).toBe('CWE-502');
    expect(call.scanner).toBe('pickle');
  });

  test('the opcode limit stops the scan with a finding', async () => {
    const r = await scanBytes(
      p().proto(4).op('NONE').op('POP').op('NONE').op('POP').op('NONE').stop().build(),
      'big.pkl',
      { maxPickleOpcodes: 3 },
    );
    expect(rulesOf(r)).toContain('MA1002');
  });

  test('a pickle with 10 000 calls of one unclassified class yields one finding with a count', async () => {
    const b = p().proto(2).global('mylab.models', 'Net').op('BINPUT', 0).op('MARK');
    for (let i = 0; i < 10_000; i++) b.op('BINGET', 0).op('EMPTY_TUPLE').reduce();
    const r = await scanBytes(b.op('LIST').stop().build());
    const calls = r.findings.filter((f) => f.ruleId === 'MA2005');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.message).toContain('10000 occurrences');
  });

  test('large payloads are skipped, not read', async () => {
    const payload = Buffer.alloc(32 * 1024 * 1024, 1);
    const r = await scanBytes(
      p().proto(4).binbytes8(payload.length, payload).op('POP').op('NONE').stop().build(),
    );
    expect(r.findings).toEqual([]);
    expect(r.bytesRead).toBeLessThan(2 * 1024 * 1024);
  });
});
