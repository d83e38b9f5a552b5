/**
 * PyTorch containers: zip checkpoints (storages tied to data.pkl), the legacy stream format
 * and TorchScript code checks.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveLimits } from '../../../src/options/options.js';
import type { ScanContext } from '../../../src/scan/base.js';
import type { FindingInput } from '../../../src/findings/finding.js';
import { startsWithLegacyMagic } from '../../../src/scan/archive/pytorch.js';
import { checkTorchScriptCode } from '../../../src/scan/archive/torchscript.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';
import { PAYLOAD, zip } from './build.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures');
const MAGIC = Buffer.from('6cfc9c46f9206aa85019', 'hex');

describe('legacy magic number, in every protocol', () => {
  test.each([
    ['protocol 0/1', Buffer.from('L119547037146038801333356L\n.', 'latin1'), true],
    [
      'protocol 2',
      Buffer.concat([Buffer.from([0x80, 2, 0x8a, 10]), MAGIC, Buffer.from('.')]),
      true,
    ],
    [
      'protocol 4 framed',
      Buffer.concat([
        Buffer.from([0x80, 4, 0x95, 13, 0, 0, 0, 0, 0, 0, 0, 0x8a, 10]),
        MAGIC,
        Buffer.from('.'),
      ]),
      true,
    ],
    ['another number', Buffer.from('L119547037146038801333357L\n.', 'latin1'), false],
    ['a payload', PAYLOAD, false],
  ])('%s', (_n, head, yes) => {
    expect(startsWithLegacyMagic(head)).toBe(yes);
  });
});

const pickle = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );
const MAGIC_PKL = Buffer.concat([Buffer.from([0x80, 2, 0x8a, 10]), MAGIC, Buffer.from('.')]);
const PROTO_PKL = pickle([0x80, 2], 'M', [0xe9, 0x03], '.');
const SYSINFO_PKL = pickle([0x80, 2], '}q\x00.');
const KEYS_PKL = pickle([0x80, 2], ']q\x00.');

describe('legacy format', () => {
  test('five clean pickles and raw storage bytes are clean', async () => {
    const r = await scanBytes(
      Buffer.concat([
        MAGIC_PKL,
        PROTO_PKL,
        SYSINFO_PKL,
        SYSINFO_PKL,
        KEYS_PKL,
        Buffer.alloc(64, 0x63),
      ]),
      'm.pt',
    );
    expect(r.format).toBe('pytorch-legacy');
    expect(r.findings).toEqual([]);
  });

  test.each([
    ['magic', [PAYLOAD]],
    ['sys_info', [MAGIC_PKL, PROTO_PKL, PAYLOAD]],
    ['model', [MAGIC_PKL, PROTO_PKL, SYSINFO_PKL, PAYLOAD, KEYS_PKL]],
    ['storage keys', [MAGIC_PKL, PROTO_PKL, SYSINFO_PKL, SYSINFO_PKL, PAYLOAD]],
  ])('a payload as the %s pickle is found', async (_n, parts) => {
    const r = await scanBytes(Buffer.concat(parts as Buffer[]), 'm.pt');
    expect(rulesOf(r)).toContain('MA2001');
  });

  test("each pickle has its own memo (a GET of an earlier pickle's memo is malformed)", async () => {
    const model = pickle([0x80, 2], 'h\x00.');
    const r = await scanBytes(
      Buffer.concat([
        MAGIC_PKL,
        PROTO_PKL,
        pickle([0x80, 2], 'X\x02\x00\x00\x00osq\x00.'),
        model,
        KEYS_PKL,
      ]),
      'm.pt',
    );
    expect(rulesOf(r)).toContain('MA2013');
  });

  test('missing pickles and a wrong protocol number are reported', async () => {
    expect(
      rulesOf(await scanBytes(Buffer.concat([MAGIC_PKL, PROTO_PKL, SYSINFO_PKL]), 'a.pt')),
    ).toEqual(['MA3016']);
    const wrong = pickle([0x80, 2], 'M', [0xe8, 0x03], '.');
    expect(
      rulesOf(
        await scanBytes(
          Buffer.concat([MAGIC_PKL, wrong, SYSINFO_PKL, SYSINFO_PKL, KEYS_PKL]),
          'b.pt',
        ),
      ),
    ).toEqual(['MA3016']);
  });
});

describe('zip checkpoints', () => {
  const benign = readFileSync(join(FIX, 'archive', 'benign', 'torch_state_dict.pt'));

  test('the benign checkpoint ties every storage and is clean', async () => {
    const r = await scanBytes(benign, 'm.pt');
    expect(r.format).toBe('pytorch-zip');
    expect(r.findings).toEqual([]);
    expect((r.details as { pytorch?: { storages: number } }).pytorch?.storages).toBeGreaterThan(0);
  });

  test('a storage record naming a missing member is reported', async () => {
    const pkl = pickle(
      [0x80, 2],
      '}(X\x01\x00\x00\x00w',
      'ctorch._utils\n_rebuild_tensor_v2\n((X\x07\x00\x00\x00storagectorch\nFloatStorage\nX\x02\x00\x00\x0042X\x03\x00\x00\x00cpuK\x01tQK\x00K\x01\x85K\x01\x85\x89ccollections\nOrderedDict\n)RtRu.',
    );
    const r = await scanBytes(
      zip([
        { name: 'archive/data.pkl', data: pkl },
        { name: 'archive/version', data: Buffer.from('3\n') },
      ]),
      'm.pt',
    );
    expect(rulesOf(r)).toEqual(['MA3014']);
    expect(r.findings[0]!.evidence).toBe('42');
  });

  test('a metadata member that is not short text is scanned by content', async () => {
    const r = await scanBytes(
      zip([
        { name: 'archive/data.pkl', data: pickle([0x80, 2], 'N.') },
        { name: 'archive/version', data: PAYLOAD },
      ]),
      'm.pt',
    );
    expect(rulesOf(r)).toContain('MA2001');
  });
});

describe('TorchScript code', () => {
  function check(code: string): string[] {
    const found: FindingInput[] = [];
    const ctx = {
      report: (f: FindingInput) => found.push(f),
      limits: resolveLimits(),
    } as unknown as ScanContext;
    checkTorchScriptCode(code, 'code/__torch__.py', ctx);
    return found.map((f) => f.ruleId);
  }

  test.each([
    ['  _0 = torch.linear(x, self.weight)\n  return torch.relu(_0)', []],
    ['  _1 = getattr(self.layers, "0")\n  return ops.prim.NumToTensor(2)', []],
    ['  torch.ops.load_library("/tmp/x.so")', ['MA3017']],
    ['  _0 = torch.from_file("/etc/passwd", False, 10)', ['MA3017']],
    ['  torch.save(x, "/tmp/out")', ['MA3017']],
    ['  os.system("id")', ['MA3017']],
    ['  _0 = eval("1")', ['MA3017']],
    ['  return ops.my_ext.op(x)', ['MA3018']],
    ['  # torch.ops.load_library in a comment only', []],
  ])('%j', (code, rules) => {
    expect(check(code)).toEqual(rules);
  });
});
