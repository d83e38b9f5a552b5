/**
 * Non-model content under a model file's name: what the content is, and when that is a mismatch.
 */
import { contentKind, nameMismatch } from '../../src/identify/mismatch.js';

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.alloc(32),
]);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(32)]);

describe('what content is', () => {
  test.each([
    [PNG, 'a PNG image'],
    [JPEG, 'a JPEG image'],
    [Buffer.from('%PDF-1.7\n' + 'x'.repeat(40)), 'a PDF document'],
    [Buffer.from('# Title\n\nSome text, ünïcode too.\n'), 'text'],
    [Buffer.alloc(0), 'empty'],
  ])('%#: %s', (head, kind) => {
    expect(contentKind(head, head.length)).toBe(kind);
  });

  test.each([
    ['binary with NULs', Buffer.from([0x80, 0x02, 0x00, 0x00, 0x7d])],
    ['invalid UTF-8', Buffer.from([0x41, 0xc3, 0x28, 0x41])],
    ['control bytes', Buffer.from('abc\x01def')],
  ])('%s is nothing known', (_n, head) => {
    expect(contentKind(head, head.length)).toBeUndefined();
  });

  test('a multi-byte character cut at the end of the sniffed bytes is still text', () => {
    const text = Buffer.from('a'.repeat(4095) + 'é');
    expect(contentKind(text.subarray(0, 4096), 1 << 20)).toBe('text');
  });
});

describe('model names over non-model content', () => {
  const byName = { format: 'zip', by: 'name' } as const;
  test('text named like a checkpoint is scanned as text and judged as the pickle torch.load reads', () => {
    expect(
      nameMismatch('distutils-precedence.pth', byName, Buffer.from('import os\n'), 10),
    ).toEqual({
      named: 'a PyTorch checkpoint (.pth)',
      content: 'text',
      unpickles: true,
      scanAs: 'text-metadata',
    });
  });
  test('an image named .pt has nothing to scan', () => {
    expect(nameMismatch('cat.pt', { format: 'unknown', by: 'none' }, PNG, 1000)).toMatchObject({
      content: 'a PNG image',
      scanAs: undefined,
    });
  });
  test('content identified as a non-model format under a model name', () => {
    const id = { format: 'protobuf-descriptor-set', by: 'content' } as const;
    expect(nameMismatch('x.proto.bin', id, Buffer.alloc(8), 8)?.content).toBe(
      'a protobuf descriptor set',
    );
  });
  test.each([
    [
      'a model format identified by content',
      'model.pt',
      { format: 'pickle', by: 'content' } as const,
      Buffer.from('text'),
    ],
    [
      'binary content the name format cannot be told from',
      'model.pt',
      byName,
      Buffer.from([0x50, 0x4b, 3, 4, 0, 0]),
    ],
    [
      'text under a text name',
      'notes.txt',
      { format: 'text-metadata', by: 'name' } as const,
      Buffer.from('hi'),
    ],
  ])('no mismatch for %s', (_n, name, id, head) => {
    expect(nameMismatch(name, id, head, head.length)).toBeUndefined();
  });
});
