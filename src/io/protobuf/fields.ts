/** Protobuf wire-format walking over positioned reads, with every length bounds-checked. */
import { FormatError, type PagedReader } from '../paged.js';

export interface ProtoField {
  readonly field: number;
  readonly wire: number;
  /** Varint value (wire 0), or undefined. */
  readonly value?: number;
  /** Length-delimited payload position and length (wire 2). */
  readonly start: number;
  readonly length: number;
}

async function varint(
  r: PagedReader,
  pos: number,
  end: number,
): Promise<{ value: number; next: number }> {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new FormatError(`varint runs past its message at ${pos}`);
    const b = await r.u8(pos++);
    result += (b & 0x7f) * scale;
    scale *= 128;
    if ((b & 0x80) === 0) return { value: result, next: pos };
  }
  throw new FormatError(`varint longer than 10 bytes at ${pos}`);
}

/** Every field of the message in [start, end). */
export async function* protoFields(
  r: PagedReader,
  start: number,
  end: number,
): AsyncGenerator<ProtoField> {
  let pos = start;
  while (pos < end) {
    const tag = await varint(r, pos, end);
    pos = tag.next;
    const field = Math.floor(tag.value / 8);
    const wire = tag.value & 7;
    if (field === 0) throw new FormatError(`field number 0 at ${pos}`);
    switch (wire) {
      case 0: {
        const v = await varint(r, pos, end);
        yield { field, wire, value: v.value, start: pos, length: v.next - pos };
        pos = v.next;
        break;
      }
      case 1:
        if (pos + 8 > end) throw new FormatError(`fixed64 runs past its message at ${pos}`);
        yield { field, wire, start: pos, length: 8 };
        pos += 8;
        break;
      case 5:
        if (pos + 4 > end) throw new FormatError(`fixed32 runs past its message at ${pos}`);
        yield { field, wire, start: pos, length: 4 };
        pos += 4;
        break;
      case 2: {
        const len = await varint(r, pos, end);
        pos = len.next;
        if (pos + len.value > end)
          throw new FormatError(
            `field ${field} of ${len.value} bytes at ${pos} runs past its message`,
          );
        yield { field, wire, start: pos, length: len.value };
        pos += len.value;
        break;
      }
      default:
        throw new FormatError(`wire type ${wire} (field ${field}) at ${pos} is not valid protobuf`);
    }
  }
}

export async function protoString(r: PagedReader, f: ProtoField, max = 4096): Promise<string> {
  return (await r.bytes(f.start, Math.min(f.length, max))).toString('utf8');
}
