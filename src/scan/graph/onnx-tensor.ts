/**
 * Serialized ONNX tensors (onnx.TensorProto), as the ONNX backend test suite stores model inputs
 * and outputs (test_data_set_0/input_0.pb). A tensor is data: dims, a data type, values. Protobuf
 * has no magic number, so a tensor is recognised only when every field is one TensorProto has,
 * with the wire type the ONNX writer uses (dims unpacked, as proto2 writes them), and a data type
 * it defines: a TensorFlow GraphDef, whose nodes are a length-delimited field 1, never matches.
 * External data (a location beside the file that numpy_helper.to_array reads) is checked like
 * a model's.
 */
import type { Scanner } from '../base.js';
import { FormatError, PagedReader } from '../../io/paged.js';
import { protoFields, type ProtoField } from '../../io/protobuf/fields.js';
import { parseStructure } from '../formats/common/structure.js';

/** TensorProto field number → the wire types the ONNX writer produces for it. */
const FIELDS: ReadonlyMap<number, readonly number[]> = new Map([
  [1, [0]], // dims
  [2, [0]], // data_type
  [3, [2]], // segment
  [4, [2, 5]], // float_data
  [5, [2, 0]], // int32_data
  [6, [2]], // string_data
  [7, [2, 0]], // int64_data
  [8, [2]], // name
  [9, [2]], // raw_data
  [10, [2, 1]], // double_data
  [11, [2, 0]], // uint64_data
  [12, [2]], // doc_string
  [13, [2]], // external_data
  [14, [0]], // data_location
  [16, [2]], // metadata_props
]);

/** Bytes per element by data type (TensorProto.DataType); 0.5 for the 4-bit types. */
const ELEMENT_SIZE: ReadonlyMap<number, number> = new Map([
  [1, 4],
  [2, 1],
  [3, 1],
  [4, 2],
  [5, 2],
  [6, 4],
  [7, 8],
  [9, 1],
  [10, 2],
  [11, 8],
  [12, 4],
  [13, 8],
  [14, 8],
  [15, 16],
  [16, 2],
  [17, 1],
  [18, 1],
  [19, 1],
  [20, 1],
  [21, 0.5],
  [22, 0.5],
  [23, 0.5],
  [24, 1],
]);
const MAX_DATA_TYPE = 32;
const STRING = 8;

/** Reads a varint at `i` of `b`; undefined when it runs past `b`. */
function varint(b: Buffer, i: number): { value: number; next: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let n = 0; n < 10 && i < b.length; n++, i++) {
    value += (b[i]! & 0x7f) * scale;
    scale *= 128;
    if (!(b[i]! & 0x80)) return { value, next: i + 1 };
  }
  return undefined;
}

/**
 * True when the first bytes are a TensorProto as ONNX writes it: known fields in their wire
 * types, a data type it defines, a printable name, lengths that fit the file.
 */
export function isOnnxTensor(head: Buffer, size: number | undefined): boolean {
  if (size === undefined || head.length < 4) return false;
  let i = 0;
  let dataType: number | undefined;
  let fields = 0;
  while (i < head.length) {
    const tag = varint(head, i);
    if (!tag) break;
    const field = Math.floor(tag.value / 8);
    const wire = tag.value & 7;
    if (!FIELDS.get(field)?.includes(wire)) return false;
    i = tag.next;
    fields++;
    if (wire === 0) {
      const v = varint(head, i);
      if (!v) break;
      if (field === 2) {
        if (v.value < 1 || v.value > MAX_DATA_TYPE) return false;
        dataType = v.value;
      }
      i = v.next;
    } else if (wire === 2) {
      const len = varint(head, i);
      if (!len || len.next + len.value > size)
        return len !== undefined ? false : dataType !== undefined;
      if (
        field === 8 &&
        !/^[\x20-\x7e]*$/.test(
          head.toString('latin1', len.next, Math.min(len.next + len.value, head.length)),
        )
      )
        return false;
      i = len.next + len.value;
    } else i += wire === 1 ? 8 : 4;
  }
  return dataType !== undefined && fields >= 2 && (i === size || head.length < size);
}

export const onnxTensorScanner: Scanner = {
  id: 'onnx-tensor',
  formats: ['onnx-tensor-pb'],
  rules: ['MA5614', 'MA4040', 'MA4041'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    const dims: number[] = [];
    let dataType = 0;
    let name = '';
    let external = false;
    const lengths = new Map<number, number>();
    const externalFields: ProtoField[] = [];
    await parseStructure(
      ctx,
      'ONNX tensor',
      async () => {
        for await (const f of protoFields(r, 0, r.size)) {
          if (!FIELDS.get(f.field)?.includes(f.wire))
            throw new FormatError(`field ${f.field} (wire ${f.wire}) is not a TensorProto field`);
          if (f.field === 1) dims.push(f.value ?? 0);
          else if (f.field === 2) dataType = f.value ?? 0;
          else if (f.field === 8)
            name = (await r.bytes(f.start, Math.min(f.length, 256))).toString('utf8');
          else if (f.field === 13) externalFields.push(f);
          else if (f.field === 14) external = f.value === 1;
          if (f.wire === 2) lengths.set(f.field, (lengths.get(f.field) ?? 0) + f.length);
        }
        const size = ELEMENT_SIZE.get(dataType);
        const raw = lengths.get(9);
        if (raw !== undefined && size !== undefined && dataType !== STRING) {
          const count = dims.reduce((a, b) => a * b, 1);
          const want = Math.ceil(count * size);
          if (want !== raw)
            throw new FormatError(
              `raw_data holds ${raw} bytes where dims ${JSON.stringify(dims)} need ${want}`,
            );
        }
      },
      'MA5614',
    );
    if (external || externalFields.length > 0) {
      const location = await externalLocation(r, externalFields);
      const escapes =
        location === undefined ||
        location.startsWith('/') ||
        location.startsWith('\\') ||
        /^[a-zA-Z]:/.test(location) ||
        location.split(/[\\/]/).includes('..') ||
        location.includes('\0');
      if (escapes)
        ctx.report({
          ruleId: 'MA4040',
          message: `tensor ${JSON.stringify(name)} reads its data from ${JSON.stringify(location ?? '')}, outside its directory`,
          evidence: location ?? '(no location)',
        });
      else if ((await ctx.sibling(location.replace(/\\/g, '/')))?.kind !== 'file')
        ctx.report({
          ruleId: 'MA4041',
          message: `tensor ${JSON.stringify(name)} reads its data from ${JSON.stringify(location)}, which is not beside it`,
          evidence: location,
        });
    }
    ctx.detail('onnxTensor', { name, dataType, dims, external });
  },
};

/** The "location" entry of external_data (StringStringEntryProto key 1, value 2). */
async function externalLocation(
  r: PagedReader,
  entries: readonly ProtoField[],
): Promise<string | undefined> {
  let location: string | undefined;
  for (const e of entries) {
    let key = '';
    let value = '';
    for await (const f of protoFields(r, e.start, e.start + e.length)) {
      const text = (await r.bytes(f.start, Math.min(f.length, 4096))).toString('utf8');
      if (f.field === 1) key = text;
      else if (f.field === 2) value = text;
    }
    if (key === 'location') location = value;
  }
  return location;
}
