import { BufferSource } from '../../../src/io/source.js';
import { onnxType, tfType } from '../../../src/io/protobuf/schemas.js';
import {
  Decoder,
  MalformedProtobuf,
  isPayloadRef,
  type LazyMessage,
} from '../../../src/io/protobuf/wire.js';
import { CountingSource } from '../../scan/graph/helpers.js';

const OPTIONS = {
  keepBytes: 1024,
  inlineBytes: 4096,
  maxDepth: 50,
  budgetBytes: 16 * 1024 * 1024,
  checkpoint: () => undefined,
};

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}
const field = (id: number, wire: number): Buffer => varint(id * 8 + wire);
const ld = (id: number, data: Buffer): Buffer =>
  Buffer.concat([field(id, 2), varint(data.length), data]);
const str = (id: number, s: string): Buffer => ld(id, Buffer.from(s));

/** An ONNX ModelProto whose single initializer carries `payload` bytes of raw_data. */
function modelWithPayload(payload: number): Buffer {
  const tensor = Buffer.concat([
    str(8, 'W'),
    field(2, 0),
    varint(1),
    ld(9, Buffer.alloc(payload, 7)),
  ]);
  const node = Buffer.concat([str(1, 'x'), str(2, 'y'), str(4, 'Relu')]);
  const graph = Buffer.concat([ld(1, node), str(2, 'g'), ld(5, tensor)]);
  return Buffer.concat([field(1, 0), varint(8), str(2, 'unit-test'), ld(7, graph)]);
}

describe('lazy protobuf decoding', () => {
  test('tensor payloads are skipped by position, not read', async () => {
    const bytes = modelWithPayload(8 * 1024 * 1024);
    const source = new CountingSource(new BufferSource(bytes));
    const m = await new Decoder(source, OPTIONS).decode(onnxType('ModelProto'), 0, bytes.length);
    const graph = m.graph as LazyMessage;
    expect((graph.node as LazyMessage[])[0]!.op_type).toBe('Relu');
    expect((graph.initializer as LazyMessage[])[0]!.name).toBe('W');
    expect(m.producer_name).toBe('unit-test');
    expect(source.bytes).toBeLessThan(256 * 1024); // a few 64 KiB windows of an 8 MiB file
  });

  test('long strings become payload references', async () => {
    const bytes = Buffer.concat([field(1, 0), varint(8), str(6, 'd'.repeat(5000))]);
    const m = await new Decoder(new BufferSource(bytes), OPTIONS).decode(
      onnxType('ModelProto'),
      0,
      bytes.length,
    );
    expect(isPayloadRef(m.doc_string)).toBe(true);
  });

  test('maps are decoded from their entry messages', () => {
    const attr = Buffer.concat([str(1, 'token'), ld(2, ld(2, Buffer.from('pyfunc_1')))]);
    const node = Buffer.concat([str(1, 'n'), str(2, 'PyFunc'), ld(5, attr)]);
    const n = new Decoder(new BufferSource(node), OPTIONS).decodeBuffer(tfType('NodeDef'), node, 0);
    const value = (n.attr as Map<string, LazyMessage>).get('token')!;
    expect(Buffer.isBuffer(value.s) && value.s.toString()).toBe('pyfunc_1');
  });

  test.each([
    ['length past the end', Buffer.concat([field(7, 2), varint(1000), Buffer.alloc(10)])],
    ['field number 0', Buffer.from([0x00, 0x01])],
    ['unterminated varint', Buffer.from([0x08, 0xff, 0xff, 0xff])],
    ['stray end-group', Buffer.from([0x0c])],
    ['invalid wire type', Buffer.from([0x0e, 0x00])],
  ])('%s is MalformedProtobuf', async (_n, bytes) => {
    await expect(
      new Decoder(new BufferSource(bytes), OPTIONS).decode(onnxType('ModelProto'), 0, bytes.length),
    ).rejects.toBeInstanceOf(MalformedProtobuf);
  });

  test('deep nesting is bounded', async () => {
    let g: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 80; i++) {
      const attr = Buffer.concat([str(1, 'then_branch'), ld(6, g)]);
      g = ld(1, Buffer.concat([str(4, 'If'), ld(5, attr)]));
    }
    const bytes = ld(7, g);
    await expect(
      new Decoder(new BufferSource(bytes), OPTIONS).decode(onnxType('ModelProto'), 0, bytes.length),
    ).rejects.toBeInstanceOf(MalformedProtobuf);
  });

  test('every truncation fails with MalformedProtobuf or decodes, never anything else', async () => {
    const full = modelWithPayload(300);
    for (let n = 1; n < full.length; n++) {
      const part = full.subarray(0, n);
      try {
        await new Decoder(new BufferSource(part), OPTIONS).decode(
          onnxType('ModelProto'),
          0,
          part.length,
        );
      } catch (err) {
        expect(err).toBeInstanceOf(MalformedProtobuf);
      }
    }
  });
});
