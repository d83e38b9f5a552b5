/**
 * Serialized ONNX tensors: recognised only when every field is a TensorProto field as ONNX writes
 * it, checked for consistent sizes and for external data outside their directory; the protobuf
 * shapes of other formats (a GraphDef, an ONNX model, a SavedModel) never match.
 */
import { isOnnxTensor } from '../../../src/scan/graph/onnx-tensor.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';

const varint = (n: number): number[] => {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n);
  return out;
};
const field = (n: number, wire: number): number[] => varint((n << 3) | wire);
const bytesField = (n: number, b: Buffer): Buffer =>
  Buffer.concat([Buffer.from([...field(n, 2), ...varint(b.length)]), b]);

/** TensorProto: dims, data_type FLOAT, name, raw_data. */
function tensor(dims: number[], raw: Buffer, name = 'input', extra: Buffer[] = []): Buffer {
  return Buffer.concat([
    Buffer.from(dims.flatMap((d) => [...field(1, 0), ...varint(d)])),
    Buffer.from([...field(2, 0), 1]),
    bytesField(8, Buffer.from(name)),
    bytesField(9, raw),
    ...extra,
  ]);
}

describe('ONNX tensors', () => {
  test('a float tensor is recognised and clean', async () => {
    const bytes = tensor([2, 3], Buffer.alloc(24));
    expect(isOnnxTensor(bytes, bytes.length)).toBe(true);
    const r = await scanBytes(bytes, 'input_0.pb');
    expect([r.format, r.findings]).toEqual(['onnx-tensor-pb', []]);
  });

  test.each([
    [
      'a GraphDef (nodes are a length-delimited field 1)',
      bytesField(1, Buffer.from('0a016e12044164640a', 'hex')),
    ],
    ['an ONNX model', Buffer.from('0807120770797468726f6e', 'hex')],
    ['a SavedModel', Buffer.from('080112020801', 'hex')],
    [
      'a tensor without a data type',
      Buffer.concat([Buffer.from([...field(1, 0), 2]), bytesField(9, Buffer.alloc(8))]),
    ],
    ['a data type ONNX does not define', Buffer.from([...field(1, 0), 2, ...field(2, 0), 99])],
    ['an unprintable name', tensor([1], Buffer.alloc(4), '\x00\x01')],
  ])('%s is not a tensor', (_n, bytes) => {
    expect(isOnnxTensor(bytes, bytes.length)).toBe(false);
  });

  test('raw data that does not match the dims is the malformed-data INFO', async () => {
    const r = await scanBytes(tensor([2, 3], Buffer.alloc(20)), 'output_0.pb');
    expect(rulesOf(r)).toEqual(['MA5614']);
  });

  test.each([
    ['../../etc/passwd', 'MA4040'],
    ['/etc/passwd', 'MA4040'],
    ['weights.bin', 'MA4041'], // not beside it
  ])('external data at %s is %s', async (location, rule) => {
    const entry = (k: string, v: string): Buffer =>
      bytesField(13, Buffer.concat([bytesField(1, Buffer.from(k)), bytesField(2, Buffer.from(v))]));
    const bytes = Buffer.concat([
      tensor([2], Buffer.alloc(0), 'w').subarray(0, -2), // no raw_data
      entry('location', location),
      Buffer.from([...field(14, 0), 1]),
    ]);
    expect(rulesOf(await scanBytes(bytes, 'input_0.pb'))).toEqual([rule]);
  });
});
