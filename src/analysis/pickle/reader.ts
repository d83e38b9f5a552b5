/**
 * Streaming pickle opcode reader.
 *
 * Parses opcodes out of a bounded window over a ByteStream. Small arguments are decoded;
 * large counted payloads (BINBYTES8, BINUNICODE8, BYTEARRAY8, long BINSTRINGs…) keep only a
 * prefix and the rest is skipped: by seeking when the stream sits on a random-access source,
 * by discarding otherwise. Memory therefore stays bounded whatever the file size.
 *
 * FRAME opcodes are tracked but, like the C unpickler before CPython 3.13.15/3.14.7 reading
 * from memory, do not split the stream: opcodes are read straight through and anything that
 * crosses a frame boundary is reported. In `file` frame mode the reader instead emulates those
 * older C unpicklers reading from a file object whose frame was fetched with read() rather
 * than served from a peek() buffer: a read that does not fit in what is left of the frame
 * drops that rest and continues after the frame (python/cpython#154848). Which of the two
 * happens depends on buffer sizes at run time, so the analyzer judges both readings.
 */
import type { ByteStream } from '../../io/stream.js';
import { OPCODES, fixedArgSize, type OpcodeInfo } from './opcodes.js';

export interface RawOp {
  readonly info: OpcodeInfo;
  /** Position of the opcode byte in the stream. */
  readonly offset: number;
  /** Position just after the opcode and all of its argument bytes. */
  readonly end: number;
  /** Fixed integer argument (u1, u2, i4, u4, u8), or a counted argument's declared length. */
  readonly int?: number;
  readonly float?: number;
  /** Text argument(s) without the newline, latin1-decoded; possibly a truncated prefix. */
  readonly lines?: readonly string[];
  /**
   * Counted argument bytes: the whole payload, or a prefix when `truncated`. A view of the
   * reader's window, valid only while the handler runs: copy what must be kept.
   */
  readonly data?: Buffer;
  /** Declared length of a counted argument. */
  readonly length?: number;
  /** True when `lines` or `data` hold only a prefix of the argument. */
  readonly truncated: boolean;
  /** Stream position of a counted payload's first byte. */
  readonly dataOffset?: number;
}

export type ReadFault =
  | { readonly kind: 'invalid-opcode'; readonly offset: number; readonly byte: number }
  | {
      readonly kind: 'truncated';
      readonly offset: number;
      readonly opcode: string;
      readonly detail: string;
    }
  | {
      readonly kind: 'bad-argument';
      readonly offset: number;
      readonly opcode: string;
      readonly detail: string;
    };

export type FrameViolation =
  | { readonly kind: 'straddle'; readonly op: RawOp; readonly frameEnd: number }
  | { readonly kind: 'nested'; readonly op: RawOp; readonly frameEnd: number }
  | {
      readonly kind: 'beyond-end';
      readonly op: RawOp;
      readonly frameEnd: number;
      readonly size: number;
    };

export interface ReaderOptions {
  /** Bytes of an argument kept in memory; longer ones are skipped. */
  readonly keepBytes: number;
  /** How frame boundaries are treated: straight through, or as an old C unpickler on a file. */
  readonly frameMode: 'linear' | 'file';
}

export interface RawSkip {
  readonly bytes: number;
  readonly padded: boolean;
}

export interface OpHandler {
  /** Called for each opcode, synchronously, in stream order. */
  op(op: RawOp): void;
  fault(fault: ReadFault): void;
  frameViolation(v: FrameViolation): void;
  /** Called between chunks; may throw to abort (time limits). */
  checkpoint(): void;
  /**
   * Raw bytes the loader reads straight from the file after the opcode just handled (joblib
   * array data), which the reader skips; `padded`: a length byte and that many padding bytes
   * come first. Undefined for none.
   */
  takeRawSkip?(): RawSkip | undefined;
}

const CHUNK = 1 << 20;
const MIN_CHUNK = 64 * 1024;
/** Most bytes buffered to splice a frame in `file` mode; beyond it the payload is skipped linearly. */
const MAX_SPLICE_WINDOW = 1 << 20;
/** Largest 8-byte length treated as a number; anything larger is beyond any real stream. */
const MAX_LENGTH = Number.MAX_SAFE_INTEGER;

type Parsed =
  | {
      t: 'op';
      readonly op: RawOp;
      readonly take: number;
      readonly skip: number;
      readonly skipLines: number;
    }
  | { readonly t: 'need'; readonly bytes: number }
  | { readonly t: 'fault'; readonly fault: ReadFault };

/**
 * Reads every opcode of `stream` until its end or a fault, handing each to `handler`.
 * Returns the stream position where reading stopped.
 */
export async function readOpcodes(
  stream: ByteStream,
  handler: OpHandler,
  options: ReaderOptions,
): Promise<number> {
  const win = new Window(stream);
  let frameEnd: number | undefined;
  const streamSize = stream.size;

  for (;;) {
    handler.checkpoint();
    // Parse as many opcodes as the window holds before awaiting more input.
    for (;;) {
      if (win.available === 0) {
        if (win.eof) return win.position;
        break;
      }
      const parsed = parseOp(win, options.keepBytes);
      if (parsed.t === 'need') {
        if (win.eof) {
          // parseOp asks for more only when the argument is not complete yet.
          const b = win.byteAt(0);
          handler.fault({
            kind: 'truncated',
            offset: win.position,
            opcode: OPCODES[b]?.name ?? `0x${b.toString(16)}`,
            detail: 'the stream ends inside this opcode',
          });
          return win.position;
        }
        await win.fill(parsed.bytes);
        break;
      }
      if (parsed.t === 'fault') {
        handler.fault(parsed.fault);
        return win.position;
      }

      const { op, take, skip, skipLines } = parsed;
      if (frameEnd !== undefined) {
        if (op.offset >= frameEnd) frameEnd = undefined;
        else if (op.end > frameEnd) {
          handler.frameViolation({ kind: 'straddle', op, frameEnd });
          if (options.frameMode === 'file') {
            const dropped = await dropFrameRemainder(win, op, frameEnd);
            frameEnd = undefined;
            if (dropped) continue; // re-parse this opcode from the spliced bytes
          }
          frameEnd = undefined;
        }
      }
      if (op.info.name === 'FRAME') {
        if (frameEnd !== undefined) handler.frameViolation({ kind: 'nested', op, frameEnd });
        const size = op.int ?? 0;
        frameEnd = op.end + size;
        if (streamSize !== undefined && frameEnd > streamSize) {
          handler.frameViolation({ kind: 'beyond-end', op, frameEnd, size: streamSize });
        }
      }
      win.consume(take);
      handler.op(op);
      const rawSkip = handler.takeRawSkip?.();
      if (rawSkip) {
        let raw = rawSkip.bytes;
        if (frameEnd !== undefined && op.end < frameEnd) {
          // The loader reads raw data from the file, which is past the whole frame already.
          handler.fault({
            kind: 'bad-argument',
            offset: op.offset,
            opcode: op.info.name,
            detail: `the loader reads ${raw} bytes of raw data from after the enclosing FRAME, out of stream order`,
          });
          return win.position;
        }
        frameEnd = undefined;
        if (rawSkip.padded) {
          await win.fill(1);
          if (win.available > 0) raw += 1 + win.byteAt(0);
          else raw += 1;
        }
        const skipped = await win.skip(raw);
        if (skipped < raw) {
          handler.fault({
            kind: 'truncated',
            offset: op.offset,
            opcode: op.info.name,
            detail: `the loader reads ${raw} bytes of raw data after it but the stream ends ${raw - skipped} bytes short`,
          });
          return win.position;
        }
        break;
      }
      if (skip > 0) {
        const skipped = await win.skip(skip);
        if (skipped < skip) {
          handler.fault({
            kind: 'truncated',
            offset: op.offset,
            opcode: op.info.name,
            detail: `argument declares ${op.length ?? skip} bytes but the stream ends ${skip - skipped} bytes short`,
          });
          return win.position;
        }
        break;
      }
      if (skipLines > 0) {
        const ok = await win.skipLines(skipLines);
        if (!ok) {
          handler.fault({
            kind: 'truncated',
            offset: op.offset,
            opcode: op.info.name,
            detail: 'the stream ends inside a text argument',
          });
          return win.position;
        }
        break;
      }
    }
    if (win.available === 0 && !win.eof) await win.fill(1);
  }
}

/**
 * Old C unpicklers reading a file serve each read from the frame buffer only when it fits;
 * otherwise they drop what is left of the frame and read from the file after it. Removes the
 * dropped bytes from the window so the opcode can be parsed again as such a loader reads it.
 * Returns false when the split point lies beyond the window (inside a skipped payload).
 */
async function dropFrameRemainder(win: Window, op: RawOp, frameEnd: number): Promise<boolean> {
  const reads = readCallBoundaries(win, op);
  let cut = op.offset;
  for (const [start, end] of reads) {
    if (end > frameEnd) {
      cut = start;
      break;
    }
  }
  const need = frameEnd - win.position;
  if (need > win.available) {
    if (need > MAX_SPLICE_WINDOW) return false;
    await win.fill(need);
    if (need > win.available) return false;
  }
  win.remove(cut - win.position, frameEnd - win.position);
  return true;
}

/** The separate reads a C unpickler makes for one opcode: opcode byte, fixed argument, payload or lines. */
function readCallBoundaries(win: Window, op: RawOp): [number, number][] {
  const calls: [number, number][] = [[op.offset, op.offset + 1]];
  const kind = op.info.arg;
  let pos = op.offset + 1;
  if (kind === 'line' || kind === 'line2') {
    const lines = kind === 'line' ? 1 : 2;
    for (let i = 0; i < lines; i++) {
      const nl = win.indexOfNewline(pos - win.position);
      const end = nl < 0 ? op.end : win.position + nl + 1;
      calls.push([pos, end]);
      pos = end;
    }
    return calls;
  }
  const fixed = fixedArgSize(kind);
  if (fixed > 0) {
    calls.push([pos, pos + fixed]);
    pos += fixed;
  }
  if (kind === 'bytes1' || kind === 'bytes4' || kind === 'bytes8') calls.push([pos, op.end]);
  return calls;
}

/** Parses one opcode at the start of the window. */
function parseOp(win: Window, keepBytes: number): Parsed {
  const code = win.byteAt(0);
  const info = OPCODES[code];
  const offset = win.position;
  if (!info) return { t: 'fault', fault: { kind: 'invalid-opcode', offset, byte: code } };

  const kind = info.arg;
  if (kind === 'none') return opResult(mkOp(info, offset, offset + 1, false), 1);

  if (kind === 'line' || kind === 'line2')
    return parseLines(win, info, kind === 'line' ? 1 : 2, keepBytes);

  const fixed = fixedArgSize(kind);
  if (win.available < 1 + fixed) return { t: 'need', bytes: 1 + fixed };
  const b = win.buffer;
  const at = win.offsetOf(1);

  switch (kind) {
    case 'u1':
      return opResult(mkOp(info, offset, offset + 2, false, b[at]), 2);
    case 'u2':
      return opResult(mkOp(info, offset, offset + 3, false, b.readUInt16LE(at)), 3);
    case 'i4':
      return opResult(mkOp(info, offset, offset + 5, false, b.readInt32LE(at)), 5);
    case 'u4':
      return opResult(mkOp(info, offset, offset + 5, false, b.readUInt32LE(at)), 5);
    case 'f8':
      return opResult(mkOp(info, offset, offset + 9, false, undefined, b.readDoubleBE(at)), 9);
    case 'u8': {
      const v = b.readBigUInt64LE(at);
      const n = v > BigInt(MAX_LENGTH) ? MAX_LENGTH : Number(v);
      return opResult(mkOp(info, offset, offset + 9, false, n), 9);
    }
    default:
      break;
  }

  // Counted argument: length field, then payload.
  let length: number;
  if (kind === 'bytes1') length = b[at]!;
  else if (kind === 'bytes4') {
    // BINSTRING and LONG4 are signed for pickle.py and pickletools; _pickle.c reads the
    // length unsigned for BINSTRING (python/cpython#135321) and signed for LONG4.
    const signed = b.readInt32LE(at);
    if (signed < 0 && info.name === 'LONG4') {
      return {
        t: 'fault',
        fault: { kind: 'bad-argument', offset, opcode: info.name, detail: 'negative byte count' },
      };
    }
    length = b.readUInt32LE(at);
  } else {
    const v = b.readBigUInt64LE(at);
    length = v > BigInt(MAX_LENGTH) ? MAX_LENGTH : Number(v);
  }
  const head = 1 + fixed;
  const dataOffset = offset + head;
  const end = dataOffset + length;
  if (length <= keepBytes) {
    if (win.available < head + length) return { t: 'need', bytes: head + length };
    const data = b.subarray(at + fixed, at + fixed + length);
    return opResult(
      mkOp(info, offset, end, false, length, undefined, undefined, data, length, dataOffset),
      head + length,
    );
  }
  // Large payload: keep a prefix (for sniffing nested pickles), skip the rest.
  const keep = Math.min(4096, keepBytes);
  if (win.available < head + keep && !win.eof) return { t: 'need', bytes: head + keep };
  const have = Math.min(keep, win.available - head);
  const data = b.subarray(at + fixed, at + fixed + have);
  return opResult(
    mkOp(info, offset, end, true, length, undefined, undefined, data, length, dataOffset),
    head + have,
    length - have,
  );
}

function parseLines(win: Window, info: OpcodeInfo, count: number, keepBytes: number): Parsed {
  const offset = win.position;
  const lines: string[] = [];
  let truncated = false;
  let pos = 1;
  for (let i = 0; i < count; i++) {
    const nl = win.indexOfNewline(pos);
    if (nl < 0) {
      const pending = win.available - pos;
      if (pending <= keepBytes && !win.eof)
        return { t: 'need', bytes: win.available + Math.max(4096, pending) };
      if (win.eof && pending <= keepBytes) {
        return {
          t: 'fault',
          fault: {
            kind: 'truncated',
            offset,
            opcode: info.name,
            detail: 'text argument is not terminated by a newline',
          },
        };
      }
      // A line longer than we keep: take a prefix and skip to its newline (and any later line).
      lines.push(win.text(pos, pos + keepBytes));
      while (lines.length < count) lines.push('');
      return opResult(
        mkOp(info, offset, offset + win.available, true, undefined, undefined, lines),
        win.available,
        0,
        count - i,
      );
    }
    if (nl - pos > keepBytes) {
      lines.push(win.text(pos, pos + keepBytes));
      truncated = true;
    } else lines.push(win.text(pos, nl));
    pos = nl + 1;
  }
  return opResult(mkOp(info, offset, offset + pos, truncated, undefined, undefined, lines), pos);
}

/** Parsing is synchronous and its result is read before any await: reuse one object. */
const scratch: { t: 'op'; op: RawOp; take: number; skip: number; skipLines: number } = {
  t: 'op',
  op: undefined as unknown as RawOp,
  take: 0,
  skip: 0,
  skipLines: 0,
};

/** Every RawOp has the same shape (same fields, same order), keeping the machine's reads monomorphic. */
function mkOp(
  info: OpcodeInfo,
  offset: number,
  end: number,
  truncated: boolean,
  int?: number,
  float?: number,
  lines?: readonly string[],
  data?: Buffer,
  length?: number,
  dataOffset?: number,
): RawOp {
  return { info, offset, end, int, float, lines, data, length, truncated, dataOffset };
}

function opResult(op: RawOp, take: number, skip = 0, skipLines = 0): Parsed {
  scratch.op = op;
  scratch.take = take;
  scratch.skip = skip;
  scratch.skipLines = skipLines;
  return scratch;
}

/** A growable window of buffered stream bytes; `position` is the stream offset of its first byte. */
class Window {
  buffer: Buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  position = 0;
  eof = false;
  /** Read size: starts small after a skip (the next payload may be near), grows to CHUNK. */
  private chunk = MIN_CHUNK;

  constructor(private readonly stream: ByteStream) {
    this.position = stream.position;
  }

  get available(): number {
    return this.end - this.start;
  }

  byteAt(i: number): number {
    return this.buffer[this.start + i]!;
  }

  offsetOf(i: number): number {
    return this.start + i;
  }

  text(from: number, to: number): string {
    return this.buffer.toString('latin1', this.start + from, this.start + to);
  }

  indexOfNewline(from: number): number {
    const i = this.buffer.indexOf(0x0a, this.start + from);
    return i < 0 || i >= this.end ? -1 : i - this.start;
  }

  consume(n: number): void {
    this.start += n;
    this.position += n;
  }

  /** Ensures at least `n` bytes are buffered, unless the stream ends first. */
  async fill(n: number): Promise<void> {
    while (this.available < n && !this.eof) {
      if (
        this.start > 0 &&
        (this.start > this.buffer.length / 2 || this.end === this.buffer.length)
      ) {
        this.buffer.copy(this.buffer, 0, this.start, this.end);
        this.end -= this.start;
        this.start = 0;
      }
      const want = Math.max(n - this.available, this.chunk);
      this.chunk = Math.min(CHUNK, this.chunk * 2);
      if (this.end + want > this.buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(this.end + want, this.buffer.length * 2));
        this.buffer.copy(grown, 0, 0, this.end);
        this.buffer = grown;
      }
      const chunk = await this.stream.read(this.buffer.length - this.end);
      if (!chunk) {
        this.eof = true;
        break;
      }
      chunk.copy(this.buffer, this.end);
      this.end += chunk.length;
    }
  }

  /** Skips `n` bytes, buffered first, then from the stream. Returns how many were skipped. */
  async skip(n: number): Promise<number> {
    const fromBuffer = Math.min(n, this.available);
    this.consume(fromBuffer);
    let rest = n - fromBuffer;
    if (rest === 0) return n;
    this.chunk = MIN_CHUNK;
    const skipped = await this.stream.skip(rest);
    this.position += skipped;
    rest -= skipped;
    if (rest > 0) this.eof = true;
    return n - rest;
  }

  /** Discards bytes up to and including the `count`-th newline. */
  async skipLines(count: number): Promise<boolean> {
    let left = count;
    for (;;) {
      while (left > 0) {
        const nl = this.indexOfNewline(0);
        if (nl < 0) break;
        this.consume(nl + 1);
        left--;
      }
      if (left === 0) return true;
      this.consume(this.available);
      await this.fill(1);
      if (this.available === 0) return false;
    }
  }

  /** Removes buffered bytes [from, to) (relative to the window start). */
  remove(from: number, to: number): void {
    if (to <= from) return;
    const a = this.start + from;
    const b = this.start + to;
    this.buffer.copy(this.buffer, a, b, this.end);
    this.end -= b - a;
    // The removed bytes were consumed as far as stream positions go: later opcodes keep their
    // true offsets only approximately, which is acceptable for this emulation pass.
  }
}
