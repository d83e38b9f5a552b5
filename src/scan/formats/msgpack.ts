/**
 * msgpack model files: Flax `serialization.to_bytes` checkpoints (flax_model.msgpack, legacy
 * `checkpoint` files) and other msgpack data. Flax writes three extension types (ndarray,
 * complex, numpy scalar); anything else depends on the loading application's ext_hook.
 * Byte strings that hold pickles are handed to the pickle scanner. Large binary payloads are
 * skipped without reading them.
 */
import { BufferSource, SliceSource } from '../../io/source.js';
import { SourceStream } from '../../io/stream.js';
import { type ScanContext, type ScanTarget, type Scanner } from '../base.js';
import { HEAD_BYTES } from '../../identify/identify.js';
import { StreamCursor } from '../../io/stream-cursor.js';
import { FormatError } from '../../io/paged.js';
import { parseStructure } from './common/structure.js';

const MAX_DEPTH = 256;
const MAX_ITEMS = 50_000_000;
const FLAX_EXT = new Set([1, 2, 3]);
const PEEK = 64;

/** A map (fix, 16 or 32) whose first key is a string: msgpack as model files start. */
export function isMsgpackModel(head: Buffer): boolean {
  if (head.length < 3) return false;
  const b = head[0]!;
  let k = 1;
  if (b >= 0x81 && b <= 0x8f) k = 1;
  else if (b === 0xde) k = 3;
  else if (b === 0xdf) k = 5;
  else return false;
  const s = head[k];
  if (s === undefined) return false;
  let len: number;
  let at: number;
  if (s >= 0xa1 && s <= 0xbf) {
    len = s - 0xa0;
    at = k + 1;
  } else if (s === 0xd9 && head.length > k + 1) {
    len = head[k + 1]!;
    at = k + 2;
  } else return false;
  const key = head.subarray(at, at + Math.min(len, 32));
  return key.length > 0 && /^[\x20-\x7e]+$/.test(key.toString('latin1'));
}

function looksPickle(b: Buffer): boolean {
  return b.length >= 2 && b[0] === 0x80 && b[1]! >= 2 && b[1]! <= 5;
}

export const msgpackScanner: Scanner = {
  id: 'msgpack',
  formats: ['flax-msgpack'],
  rules: ['MA5606', 'MA5607', 'MA5900'],
  async scan(target, ctx) {
    const stream = target.openStream();
    const c = new StreamCursor(stream);
    const exts = new Map<number, number>();
    let items = 0;
    const pickles: { offset: number; length: number; data?: Buffer }[] = [];
    try {
      await parseStructure(ctx, 'msgpack', async () => {
        const value = async (depth: number): Promise<void> => {
          if (depth > MAX_DEPTH) throw new FormatError(`nesting deeper than ${MAX_DEPTH}`);
          if (++items > MAX_ITEMS) throw new FormatError(`more than ${MAX_ITEMS} values`);
          if (items % 65536 === 0) ctx.checkpoint();
          const b = await c.u8();
          if (b <= 0x7f || b >= 0xe0 || b === 0xc0 || b === 0xc2 || b === 0xc3) return;
          if (b >= 0x80 && b <= 0x8f) return container((b & 0x0f) * 2, depth);
          if (b >= 0x90 && b <= 0x9f) return container(b & 0x0f, depth);
          if (b >= 0xa0 && b <= 0xbf) return c.skip(b & 0x1f);
          switch (b) {
            case 0xc4:
              return bin((await c.take(1))[0]!);
            case 0xc5:
              return bin((await c.take(2)).readUInt16BE(0));
            case 0xc6:
              return bin((await c.take(4)).readUInt32BE(0));
            case 0xc7:
              return ext((await c.take(1))[0]!);
            case 0xc8:
              return ext((await c.take(2)).readUInt16BE(0));
            case 0xc9:
              return ext((await c.take(4)).readUInt32BE(0));
            case 0xca:
              return c.skip(4);
            case 0xcb:
              return c.skip(8);
            case 0xcc:
            case 0xd0:
              return c.skip(1);
            case 0xcd:
            case 0xd1:
              return c.skip(2);
            case 0xce:
            case 0xd2:
              return c.skip(4);
            case 0xcf:
            case 0xd3:
              return c.skip(8);
            case 0xd4:
              return ext(1);
            case 0xd5:
              return ext(2);
            case 0xd6:
              return ext(4);
            case 0xd7:
              return ext(8);
            case 0xd8:
              return ext(16);
            case 0xd9:
              return c.skip((await c.take(1))[0]!);
            case 0xda:
              return c.skip((await c.take(2)).readUInt16BE(0));
            case 0xdb:
              return c.skip((await c.take(4)).readUInt32BE(0));
            case 0xdc:
              return container((await c.take(2)).readUInt16BE(0), depth);
            case 0xdd:
              return container((await c.take(4)).readUInt32BE(0), depth);
            case 0xde:
              return container((await c.take(2)).readUInt16BE(0) * 2, depth);
            case 0xdf:
              return container((await c.take(4)).readUInt32BE(0) * 2, depth);
            default:
              throw new FormatError(
                `byte 0x${b.toString(16)} at offset ${c.offset - 1} is not a msgpack type (0xc1 is never used)`,
              );
          }
        };
        const container = async (n: number, depth: number): Promise<void> => {
          for (let i = 0; i < n; i++) await value(depth + 1);
        };
        const bin = async (n: number): Promise<void> => {
          const offset = c.offset;
          if (n >= 2) {
            const peek = await c.take(Math.min(n, PEEK));
            if (looksPickle(peek)) {
              const rest = n - peek.length;
              if (!target.source && n <= ctx.limits.maxConstantBytes) {
                const tail = await c.take(rest);
                pickles.push({ offset, length: n, data: Buffer.concat([peek, tail]) });
                return;
              }
              pickles.push({ offset, length: n });
            }
            await c.skip(n - peek.length);
            return;
          }
          await c.skip(n);
        };
        const ext = async (n: number): Promise<void> => {
          const type = (await c.take(1)).readInt8(0);
          exts.set(type, (exts.get(type) ?? 0) + 1);
          if (type === 1 || type === 3) {
            // Flax ndarray / numpy scalar: a msgpack payload [shape, dtype, bytes] or [dtype, bytes].
            const peek = await c.take(Math.min(n, 96));
            const text = peek.toString('latin1');
            if (text.includes('\xa6object'))
              ctx.report({
                ruleId: 'MA5607',
                message: `Flax ${type === 1 ? 'ndarray' : 'scalar'} with an object dtype at offset ${c.offset}: numpy would need to unpickle it`,
                evidence: 'dtype O',
              });
            await c.skip(n - peek.length);
            return;
          }
          await c.skip(n);
        };
        await value(0);
        if (!(await c.atEnd()))
          throw new FormatError(
            `bytes follow the top-level value at offset ${c.offset}; msgpack.unpackb rejects the file`,
          );
      });
    } finally {
      await stream.close();
    }
    for (const [type, count] of exts)
      if (!FLAX_EXT.has(type))
        ctx.report({
          ruleId: 'MA5607',
          message: `msgpack extension type ${type} (${count}×) is not one Flax writes; its meaning is up to the loader's ext_hook`,
          evidence: `ext ${type}`,
        });
    await scanPickles(pickles, target, ctx);
    ctx.detail('msgpack', { values: items, extensions: Object.fromEntries(exts) });
  },
};

async function scanPickles(
  list: { offset: number; length: number; data?: Buffer }[],
  target: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  for (const p of list.slice(0, 100)) {
    const source = p.data
      ? new BufferSource(p.data)
      : target.source
        ? new SliceSource(target.source, p.offset, p.length)
        : undefined;
    if (!source) continue;
    const label = `pickle in msgpack bytes at offset ${p.offset}`;
    const result = await ctx.scanMember({
      path: target.path,
      member: target.member ? `${target.member} > ${label}` : label,
      name: 'embedded.pkl',
      size: source.size,
      head: await source.read(0, Math.min(HEAD_BYTES, source.size)),
      openStream: () => new SourceStream(source),
      source,
    });
    ctx.report({
      ruleId: 'MA5606',
      message: `a msgpack byte string at offset ${p.offset} holds a pickle (${result.findings} findings inside${result.worst ? `, worst ${result.worst}` : ''})`,
      evidence: `${p.length} bytes at ${p.offset}`,
    });
  }
}
