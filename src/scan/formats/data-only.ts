/**
 * Data-only formats met in model directories, recognised so that they are not reported as
 * unknown, and checked as far as their structure allows: SentencePiece models (protobuf of
 * pieces), OCDBT files of Orbax/TensorStore checkpoints (magic and declared length).
 */
import type { Scanner } from '../base.js';
import { FormatError, PagedReader } from '../../io/paged.js';
import { protoFields } from '../../io/protobuf/fields.js';
import { parseStructure } from './common/structure.js';

/** A SentencePiece ModelProto starts with a piece: field 1 holding field 1 (the piece text). */
export function isSentencePiece(head: Buffer): boolean {
  if (head.length < 8 || head[0] !== 0x0a) return false;
  let i = 1;
  while (i < 6 && head[i]! & 0x80) i++;
  return (
    head[i + 1] === 0x0a &&
    /^(<unk>|<s>|<pad>|<\/s>|\[UNK\]|<mask>)/.test(head.toString('latin1', i + 3, i + 12))
  );
}

export const sentencePieceScanner: Scanner = {
  id: 'sentencepiece',
  formats: ['sentencepiece'],
  rules: ['MA5900'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'SentencePiece', async () => {
      let pieces = 0;
      for await (const f of protoFields(r, 0, r.size)) {
        if (f.field === 1) pieces++;
        if (pieces % 65536 === 0) ctx.checkpoint();
      }
      ctx.detail('sentencepiece', { pieces });
    });
  },
};

/** OCDBT manifest (0x0cdb3a2a) and data files (0x0cdb20de), big-endian magic. */
export function isOcdbt(head: Buffer): boolean {
  if (head.length < 12) return false;
  const m = head.readUInt32BE(0);
  return m === 0x0cdb3a2a || m === 0x0cdb20de;
}

export const ocdbtScanner: Scanner = {
  id: 'ocdbt',
  formats: ['orbax-ocdbt'],
  rules: ['MA5900'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    await parseStructure(ctx, 'OCDBT', async () => {
      const length = await r.u64(4);
      if (length !== r.size) throw new FormatError(`declares ${length} bytes, file has ${r.size}`);
    });
  },
};

export { FormatError };

/** A FileDescriptorSet: field 1 (a FileDescriptorProto) whose own field 1 names a .proto file. */
export function isDescriptorSet(head: Buffer): boolean {
  if (head.length < 8 || head[0] !== 0x0a) return false;
  let i = 1;
  while (i < 6 && head[i]! & 0x80) i++;
  if (head[i + 1] !== 0x0a) return false;
  const len = head[i + 2]!;
  if (len & 0x80 || len < 7) return false;
  const name = head.toString('latin1', i + 3, i + 3 + len);
  return name.length === len && /^[\x21-\x7e]+\.proto$/.test(name);
}

/** Protobuf descriptor sets (protoc --descriptor_set_out): schemas, no code and no weights. */
export const descriptorSetScanner: Scanner = {
  id: 'protobuf-descriptor-set',
  formats: ['protobuf-descriptor-set'],
  rules: ['MA5614'],
  async scan(target, ctx) {
    const r = new PagedReader(await ctx.randomAccess(target));
    const files: string[] = [];
    await parseStructure(
      ctx,
      'protobuf descriptor set',
      async () => {
        for await (const f of protoFields(r, 0, r.size)) {
          if (f.field !== 1 || f.wire !== 2)
            throw new FormatError(`field ${f.field} (wire ${f.wire}) is not a file descriptor`);
          ctx.checkpoint();
          const first = await protoFields(r, f.start, f.start + f.length).next();
          const name =
            !first.done && first.value.field === 1 && first.value.wire === 2
              ? (await r.bytes(first.value.start, Math.min(first.value.length, 1024))).toString(
                  'utf8',
                )
              : '';
          if (!name.endsWith('.proto'))
            throw new FormatError(`file descriptor at ${f.start} names no .proto file`);
          files.push(name);
        }
      },
      'MA5614',
    );
    ctx.detail('descriptorSet', { files: files.length, names: files.slice(0, 20) });
  },
};
