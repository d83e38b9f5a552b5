/**
 * LZ4 frame streams (the format of lz4.frame, which joblib uses), decoded block by block in
 * pure TypeScript. Memory: one block (at most 4 MiB) plus 64 KiB of history. Checksums are not
 * verified. Skippable frames are skipped; the legacy frame format is read too.
 */
import { BytesInput, DecodeError } from './bytes-input.js';
import type { ByteStream } from './stream.js';

const MAGIC = 0x184d2204;
const LEGACY_MAGIC = 0x184c2102;
const HISTORY = 64 * 1024;
const BLOCK_SIZES: Record<number, number> = { 4: 64 << 10, 5: 256 << 10, 6: 1 << 20, 7: 4 << 20 };

/** Decodes one LZ4 block into out[start…]; `out` holds the history before `start`. */
function decodeBlock(src: Buffer, out: Buffer, start: number, historyStart: number): number {
  let s = 0;
  let o = start;
  for (;;) {
    if (s >= src.length) throw new DecodeError('truncated LZ4 block');
    const token = src[s++]!;
    let litLen = token >>> 4;
    if (litLen === 15) {
      let b: number;
      do {
        if (s >= src.length) throw new DecodeError('truncated LZ4 block');
        b = src[s++]!;
        litLen += b;
      } while (b === 255);
    }
    if (s + litLen > src.length || o + litLen > out.length)
      throw new DecodeError('LZ4 literals overflow the block');
    src.copy(out, o, s, s + litLen);
    s += litLen;
    o += litLen;
    if (s === src.length) return o - start; // the last sequence has literals only
    if (s + 2 > src.length) throw new DecodeError('truncated LZ4 block');
    const offset = src[s]! | (src[s + 1]! << 8);
    s += 2;
    if (offset === 0 || o - offset < historyStart) throw new DecodeError('bad LZ4 match offset');
    let matchLen = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (s >= src.length) throw new DecodeError('truncated LZ4 block');
        b = src[s++]!;
        matchLen += b;
      } while (b === 255);
    }
    if (o + matchLen > out.length) throw new DecodeError('LZ4 match overflows the block');
    for (let i = 0; i < matchLen; i++, o++) out[o] = out[o - offset]!;
  }
}

export async function* lz4(stream: ByteStream): AsyncGenerator<Buffer> {
  const input = new BytesInput(stream);
  let frames = 0;
  for (;;) {
    await input.ensure(4);
    if (frames > 0 && input.available === 0) return;
    const magic = input.take(4);
    if (magic.length < 4) {
      if (frames > 0) return;
      throw new DecodeError('not an LZ4 frame');
    }
    const m = magic.readUInt32LE(0);
    if ((m & 0xfffffff0) === 0x184d2a50) {
      await input.ensure(4);
      const len = input.take(4).readUInt32LE(0);
      await input.ensure(len);
      input.take(len);
      continue;
    }
    if (m === LEGACY_MAGIC) {
      frames++;
      yield* legacyFrame(input);
      return;
    }
    if (m !== MAGIC) {
      if (frames > 0) return;
      throw new DecodeError('not an LZ4 frame');
    }
    frames++;
    await input.ensure(15);
    const flg = input.byte();
    const bd = input.byte();
    if (flg >>> 6 !== 1) throw new DecodeError('unsupported LZ4 frame version');
    const blockChecksum = Boolean(flg & 0x10);
    const contentChecksum = Boolean(flg & 0x04);
    const independent = Boolean(flg & 0x20);
    if (flg & 0x08) input.take(8);
    if (flg & 0x01) input.take(4);
    input.byte(); // header checksum
    const maxBlock = BLOCK_SIZES[(bd >>> 4) & 7];
    if (!maxBlock) throw new DecodeError('bad LZ4 block size');
    const out = Buffer.allocUnsafe(HISTORY + maxBlock);
    let history = 0; // bytes of history at out[HISTORY - history, HISTORY)
    for (;;) {
      await input.ensure(4);
      const word = input.take(4);
      if (word.length < 4) throw new DecodeError('truncated LZ4 frame');
      const size = word.readUInt32LE(0);
      if (size === 0) break;
      const raw = (size & 0x80000000) !== 0;
      const len = size & 0x7fffffff;
      if (len > maxBlock) throw new DecodeError('LZ4 block larger than the frame allows');
      await input.ensure(len + (blockChecksum ? 4 : 0));
      const data = input.take(len);
      if (data.length < len) throw new DecodeError('truncated LZ4 block');
      if (blockChecksum) input.take(4);
      let produced: number;
      if (raw) {
        data.copy(out, HISTORY);
        produced = len;
      } else {
        produced = decodeBlock(data, out, HISTORY, independent ? HISTORY : HISTORY - history);
      }
      yield Buffer.from(out.subarray(HISTORY, HISTORY + produced));
      if (!independent) {
        // Keep the last 64 KiB (of history and this block) in front of the next block.
        const keep = Math.min(HISTORY, history + produced);
        out.copy(out, HISTORY - keep, HISTORY + produced - keep, HISTORY + produced);
        history = keep;
      }
    }
    if (contentChecksum) {
      await input.ensure(4);
      input.take(4);
    }
  }
}

/** The legacy format: 8 MiB independent blocks, each prefixed by its compressed size. */
async function* legacyFrame(input: BytesInput): AsyncGenerator<Buffer> {
  const out = Buffer.allocUnsafe(8 << 20);
  for (;;) {
    await input.ensure(4);
    if (input.available < 4) return;
    const len = input.buf.readUInt32LE(input.pos);
    if (len === LEGACY_MAGIC || len > (8 << 20) + (8 << 20) / 255 + 16) return;
    input.take(4);
    await input.ensure(len);
    const data = input.take(len);
    if (data.length < len) throw new DecodeError('truncated LZ4 block');
    const n = decodeBlock(data, out, 0, 0);
    yield Buffer.from(out.subarray(0, n));
  }
}
