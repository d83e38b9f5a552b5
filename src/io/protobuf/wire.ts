/**
 * A lazy protobuf decoder over positioned reads. Messages are decoded against a protobufjs
 * schema (schemas.ts) into plain objects, but a multi-gigabyte message is never read whole:
 *
 * - fields that are not in the schema (tensor payloads are left out on purpose) are skipped by
 *   moving the read position past their length prefix, without reading their bytes;
 * - `bytes`/`string` fields longer than `keepBytes` become a PayloadRef (offset and length in
 *   the source) instead of being read;
 * - a sub-message longer than `inlineBytes` is walked field by field with small positioned
 *   reads; shorter ones are read in one go and decoded from memory with protobufjs's Reader
 *   (whose skip/skipType also moves past unwanted fields without copying them).
 *
 * Memory is bounded by what the schema keeps: the names, op types and attributes of a graph,
 * never its weights. A budget on kept bytes and decoded messages fails closed (LimitExceeded).
 */
import { MalformedInput } from '../malformed.js';
import protobuf from 'protobufjs';
import type { RandomAccessSource } from '../source.js';
import { LimitExceeded } from '../limits.js';

/** A field that was too long to keep: where its bytes are in the source. */
export interface PayloadRef {
  readonly $ref: true;
  readonly offset: number;
  readonly length: number;
}

export type LazyValue = number | boolean | string | Buffer | PayloadRef | LazyMessage | LazyMap;
export type LazyMap = Map<string, LazyValue>;

/** A decoded message: schema field names to values (arrays for repeated fields). */
export interface LazyMessage {
  readonly $offset: number;
  readonly $length: number;
  readonly [field: string]: unknown;
}

/** The bytes are not a well-formed protobuf message. */
export class MalformedProtobuf extends MalformedInput {
  override name = 'MalformedProtobuf';
  constructor(
    message: string,
    override readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

export interface DecodeOptions {
  /** Longest bytes/string value kept in memory; longer ones become PayloadRefs. */
  readonly keepBytes: number;
  /** Longest sub-message read into memory in one go. */
  readonly inlineBytes: number;
  /** Deepest message nesting accepted. */
  readonly maxDepth: number;
  /** Budget for everything kept (bytes, plus a fixed cost per message). */
  readonly budgetBytes: number;
  /** Called regularly; throws to stop (time budget). */
  readonly checkpoint: () => void;
}

export function isPayloadRef(v: unknown): v is PayloadRef {
  return typeof v === 'object' && v !== null && (v as PayloadRef).$ref === true;
}

/** Read window of positioned decoding. */
const WINDOW = 64 * 1024;

/** Per-message cost charged to the budget (object, arrays, bookkeeping). */
const MESSAGE_COST = 96;

/** Decoding state shared by one top-level decode. */
export class Decoder {
  private spent = 0;
  private calls = 0;

  constructor(
    private readonly source: RandomAccessSource,
    readonly options: DecodeOptions,
  ) {}

  /** Decodes the message of `type` stored at [start, end) of the source. */
  async decode(type: protobuf.Type, start: number, end: number, depth = 0): Promise<LazyMessage> {
    if (end > this.source.size) throw new MalformedProtobuf('message runs past the end', start);
    if (end - start <= this.options.inlineBytes) {
      const buf = await this.source.read(start, end - start);
      return this.decodeBuffer(type, buf, start, depth);
    }
    return this.decodePositioned(type, start, end, depth);
  }

  /** Decodes a message held in memory; `base` is its offset in the source. */
  decodeBuffer(type: protobuf.Type, buf: Buffer, base: number, depth = 0): LazyMessage {
    this.enter(depth, base);
    const out: Record<string, unknown> = { $offset: base, $length: buf.length };
    const reader = protobuf.Reader.create(buf);
    while (reader.pos < reader.len) {
      const at = reader.pos;
      let tag: number;
      try {
        tag = reader.uint32();
      } catch {
        throw new MalformedProtobuf('truncated field tag', base + at);
      }
      const id = tag >>> 3;
      const wire = tag & 7;
      if (id === 0) throw new MalformedProtobuf('field number 0', base + at);
      const field = type.fieldsById[id];
      try {
        if (!field || !this.wireMatches(field, wire)) {
          if (wire === 4) throw new MalformedProtobuf('unexpected end-group', base + at);
          reader.skipType(wire);
          continue;
        }
        if (wire === 2) {
          const len = reader.uint32();
          const from = reader.pos;
          if (from + len > reader.len)
            throw new MalformedProtobuf('length past the end', base + at);
          reader.skip(len);
          const value = this.lengthDelimitedSync(field, buf, from, len, base, depth);
          if (value !== undefined) store(out, field, value);
        } else {
          store(out, field, readScalar(reader, field, wire));
        }
      } catch (err) {
        if (err instanceof MalformedProtobuf || err instanceof LimitExceeded) throw err;
        throw new MalformedProtobuf(
          `field ${id}: ${err instanceof Error ? err.message : String(err)}`,
          base + at,
        );
      }
    }
    return out as LazyMessage;
  }

  private lengthDelimitedSync(
    field: protobuf.Field,
    buf: Buffer,
    from: number,
    len: number,
    base: number,
    depth: number,
  ): LazyValue | undefined {
    const entryType = this.entryType(field);
    if (entryType)
      return this.decodeBuffer(entryType, buf.subarray(from, from + len), base + from, depth + 1);
    if (field.type === 'string' || field.type === 'bytes') {
      if (len > this.options.keepBytes) return { $ref: true, offset: base + from, length: len };
      this.charge(len, base + from);
      const bytes = buf.subarray(from, from + len);
      return field.type === 'string' ? bytes.toString('utf8') : Buffer.from(bytes);
    }
    // Packed repeated scalars: decoded only when small.
    if (len > this.options.keepBytes) return undefined;
    const values: LazyValue[] = [];
    const reader = protobuf.Reader.create(buf.subarray(from, from + len));
    while (reader.pos < reader.len) values.push(readScalar(reader, field, packedWire(field)));
    this.charge(values.length * 8, base + from);
    return values as unknown as LazyValue;
  }

  private async decodePositioned(
    type: protobuf.Type,
    start: number,
    end: number,
    depth: number,
  ): Promise<LazyMessage> {
    this.enter(depth, start);
    const out: Record<string, unknown> = { $offset: start, $length: end - start };
    const cursor = new WireCursor(this.source, start, end);
    while (cursor.pos < end) {
      if (++this.calls % 4096 === 0) this.options.checkpoint();
      const at = cursor.pos;
      const tag = await cursor.varint();
      const id = Math.floor(tag / 8);
      const wire = tag % 8;
      if (id === 0) throw new MalformedProtobuf('field number 0', at);
      const field = type.fieldsById[id];
      const wanted = field !== undefined && this.wireMatches(field, wire);
      switch (wire) {
        case 0: {
          const v = await cursor.varint();
          if (wanted) store(out, field, varintValue(field, v));
          break;
        }
        case 1:
        case 5: {
          const n = wire === 1 ? 8 : 4;
          if (wanted) {
            const b = await cursor.bytes(n);
            store(out, field, fixedValue(field, b));
          } else cursor.skip(n);
          break;
        }
        case 2: {
          const len = await cursor.varint();
          const from = cursor.pos;
          if (from + len > end) throw new MalformedProtobuf('length past the end', at);
          cursor.skip(len);
          if (!wanted) break;
          const entryType = this.entryType(field);
          let value: LazyValue | undefined;
          if (entryType) {
            value =
              len <= this.options.inlineBytes
                ? this.decodeBuffer(entryType, await cursor.slice(from, len), from, depth + 1)
                : await this.decodePositioned(entryType, from, from + len, depth + 1);
          } else if (len <= this.options.keepBytes) {
            const buf = await cursor.slice(from, len);
            value = this.lengthDelimitedSync(field, buf, 0, len, from, depth);
          } else if (field.type === 'string' || field.type === 'bytes')
            value = { $ref: true, offset: from, length: len };
          if (value !== undefined) store(out, field, value);
          break;
        }
        case 3:
          await cursor.skipGroup(id);
          break;
        default:
          throw new MalformedProtobuf(`invalid wire type ${wire}`, at);
      }
    }
    if (cursor.pos !== end) throw new MalformedProtobuf('field runs past the message end', end);
    return out as LazyMessage;
  }

  /** The message type a length-delimited field holds, if it holds a message. */
  private entryType(field: protobuf.Field): protobuf.Type | undefined {
    field.resolve();
    return field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
  }

  private wireMatches(field: protobuf.Field, wire: number): boolean {
    if (field.type === 'string' || field.type === 'bytes') return wire === 2;
    field.resolve();
    if (field.resolvedType instanceof protobuf.Type) return wire === 2;
    // Scalars: their own wire type, or 2 for a packed repeated run.
    return wire === packedWire(field) || (wire === 2 && field.repeated);
  }

  private enter(depth: number, offset: number): void {
    if (depth > this.options.maxDepth)
      throw new MalformedProtobuf(`messages nested deeper than ${this.options.maxDepth}`, offset);
    this.charge(MESSAGE_COST, offset);
  }

  private charge(bytes: number, offset: number): void {
    this.spent += bytes;
    if (this.spent > this.options.budgetBytes)
      throw new LimitExceeded(
        'maxInMemoryBytes',
        this.options.budgetBytes,
        `protobuf metadata kept in memory exceeds the budget (at offset ${offset})`,
      );
  }
}

/**
 * Sequential reads over [pos, end) of a source through a window: small fields and small
 * messages are served from one 64 KiB read instead of a read each; long fields are skipped
 * without loading them.
 */
class WireCursor {
  private window: Buffer = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly source: RandomAccessSource,
    public pos: number,
    private readonly end: number,
  ) {}

  private async byte(): Promise<number> {
    if (this.pos >= this.end) throw new MalformedProtobuf('truncated value', this.pos);
    if (this.pos < this.windowStart || this.pos >= this.windowStart + this.window.length) {
      this.windowStart = this.pos;
      this.window = await this.source.read(this.pos, Math.min(WINDOW, this.end - this.pos));
      if (this.window.length === 0) throw new MalformedProtobuf('truncated value', this.pos);
    }
    return this.window[this.pos++ - this.windowStart]!;
  }

  /** The bytes [from, from + len), from the window when it holds them. */
  async slice(from: number, len: number): Promise<Buffer> {
    const end = this.windowStart + this.window.length;
    if (from >= this.windowStart && from + len <= end)
      return this.window.subarray(from - this.windowStart, from - this.windowStart + len);
    if (len <= WINDOW / 2) {
      this.windowStart = from;
      this.window = await this.source.read(from, Math.min(WINDOW, this.end - from));
      if (this.window.length < len) throw new MalformedProtobuf('truncated value', from);
      return this.window.subarray(0, len);
    }
    return this.source.read(from, len);
  }

  async varint(): Promise<number> {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = await this.byte();
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    throw new MalformedProtobuf('varint longer than 10 bytes', this.pos);
  }

  async bytes(n: number): Promise<Buffer> {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = await this.byte();
    return out;
  }

  skip(n: number): void {
    this.pos += n;
  }

  async skipGroup(id: number): Promise<void> {
    for (;;) {
      const at = this.pos;
      const tag = await this.varint();
      const wire = tag % 8;
      if (wire === 4) {
        if (Math.floor(tag / 8) !== id) throw new MalformedProtobuf('mismatched end-group', at);
        return;
      }
      if (wire === 0) await this.varint();
      else if (wire === 1) this.skip(8);
      else if (wire === 5) this.skip(4);
      else if (wire === 2) this.skip(await this.varint());
      else if (wire === 3) await this.skipGroup(Math.floor(tag / 8));
      else throw new MalformedProtobuf(`invalid wire type ${wire}`, at);
      if (this.pos > this.end) throw new MalformedProtobuf('group runs past the end', at);
    }
  }
}

function packedWire(field: protobuf.Field): number {
  switch (field.type) {
    case 'double':
    case 'fixed64':
    case 'sfixed64':
      return 1;
    case 'float':
    case 'fixed32':
    case 'sfixed32':
      return 5;
    default:
      return 0;
  }
}

function readScalar(reader: protobuf.Reader, field: protobuf.Field, wire: number): LazyValue {
  switch (field.type) {
    case 'float':
      return reader.float();
    case 'double':
      return reader.double();
    case 'bool':
      return reader.bool();
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64': {
      const v = (reader as unknown as Record<string, () => number | { toNumber(): number }>)[
        field.type
      ]!.call(reader);
      return typeof v === 'number' ? v : v.toNumber();
    }
    default:
      if (wire === 5) return reader.fixed32();
      return field.type === 'sint32' ? reader.sint32() : reader.int32();
  }
}

function varintValue(field: protobuf.Field, v: number): LazyValue {
  if (field.type === 'bool') return v !== 0;
  if (field.type === 'int32' && v >= 2 ** 31) return v - 2 ** 32 >= -(2 ** 31) ? v - 2 ** 32 : -1;
  return v;
}

function fixedValue(field: protobuf.Field, b: Buffer): LazyValue {
  if (field.type === 'float') return b.readFloatLE(0);
  if (field.type === 'double') return b.readDoubleLE(0);
  return b.length === 4 ? b.readUInt32LE(0) : Number(b.readBigUInt64LE(0));
}

function store(out: Record<string, unknown>, field: protobuf.Field, value: LazyValue): void {
  // Map fields are declared as repeated *MapEntry {key = 1; value = 2;} messages.
  if (field.resolvedType instanceof protobuf.Type && field.resolvedType.name.endsWith('MapEntry')) {
    const entry = value as LazyMessage;
    const map = (out[field.name] ??= new Map()) as LazyMap;
    const key = entry.key;
    map.set(typeof key === 'string' ? key : String(key ?? ''), (entry.value as LazyValue) ?? '');
    return;
  }
  if (field.repeated) {
    const list = (out[field.name] ??= []) as LazyValue[];
    if (Array.isArray(value)) for (const v of value as LazyValue[]) list.push(v);
    else list.push(value);
  } else out[field.name] = value;
}

/** Reads a PayloadRef's first `max` bytes (or all of it when shorter). */
export async function readPayload(
  source: RandomAccessSource,
  ref: PayloadRef,
  max: number,
): Promise<Buffer> {
  return source.read(ref.offset, Math.min(ref.length, max));
}
