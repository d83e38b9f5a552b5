/**
 * Single compressed streams (gzip, bzip2, xz, .lzma, LZ4 frames, zstd, zlib; joblib's compressed files
 * are such streams around a joblib pickle): decompressed as a stream under the size and ratio
 * limits, and the content identified and scanned as a member.
 */
import { decompress, sniffCodec, type Codec } from '../../io/decompress.js';
import { BufferSource } from '../../io/source.js';
import { SourceStream, type ByteStream } from '../../io/stream.js';
import type { SniffInput } from '../../identify/identify.js';
import type { Scanner } from '../base.js';
import { isScanStop } from '../../io/limits.js';
import { Undecodable } from '../../io/bytes-input.js';
import { probePickle } from '../../analysis/pickle/probe.js';
import { HEAD_BYTES } from '../../identify/identify.js';
import { analyzePickle } from '../pickle/analyze.js';
import { NAMED_VERDICTS } from './joblib.js';
import {
  MAX_LZMA_DICTIONARY,
  OffsetStream,
  compressedMember,
  finishDecoding,
  undecodableFinding,
  findingMember,
  subContext,
} from './members.js';
import { reportBomb } from './zip.js';

/**
 * joblib < 0.10 ZFiles, as joblib's read_zfile reads them: "ZF", 19 bytes that int(x, 16)
 * accepts as the length (written "0x…" padded with spaces), one optional space more (joblib
 * <= 0.8.4 wrote the header one byte wider), then zlib data.
 */
const ZFILE_LENGTH =
  /^[ \t\n\r\v\f]*[+-]?(?:0[xX])?_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*[ \t\n\r\v\f]*$/;

function zfileDataOffset(head: Buffer): number | undefined {
  if (head.length < 24 || head[0] !== 0x5a || head[1] !== 0x46) return undefined;
  if (!ZFILE_LENGTH.test(head.toString('latin1', 2, 21))) return undefined;
  const at = head[21] === 0x20 ? 22 : 21;
  const cmf = head[at]!;
  const flg = head[at + 1]!;
  return (cmf & 0x0f) === 8 && cmf >>> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 ? at : undefined;
}

export function codecOf(head: Buffer): { codec: Codec; offset: number } | undefined {
  const zfile = zfileDataOffset(head);
  if (zfile !== undefined) return { codec: 'zlib', offset: zfile };
  const codec = sniffCodec(head);
  return codec ? { codec, offset: 0 } : undefined;
}

const FORMAT_OF: Record<Codec, string> = {
  gzip: 'gzip',
  bzip2: 'bzip2',
  xz: 'xz',
  lzma: 'lzma',
  lz4: 'lz4',
  zlib: 'zlib',
  deflate: 'zlib',
  'zip-lzma': 'lzma',
  zstd: 'zstd',
};

/** Codecs identified by a magic number strong enough to trust without decoding. */
const STRONG: ReadonlySet<Codec> = new Set(['gzip', 'bzip2', 'xz', 'lz4', 'zstd']);

const sniffed = new WeakMap<Buffer, Promise<string | undefined>>();

/** The compressed format of a file, 'joblib-compressed' when its start decompresses to joblib. */
export function compressedFormat(input: SniffInput): Promise<string | undefined> {
  let p = sniffed.get(input.head);
  if (!p) {
    p = sniff(input.head);
    sniffed.set(input.head, p);
  }
  return p;
}

async function sniff(head: Buffer): Promise<string | undefined> {
  const c = codecOf(head);
  if (!c) return undefined;
  // Decode what the head holds: weak magic numbers (zlib, .lzma) must produce output.
  const parts: Buffer[] = [];
  let total = 0;
  const stream = decompress(new SourceStream(new BufferSource(head.subarray(c.offset))), c.codec, {
    maxDictionary: MAX_LZMA_DICTIONARY,
  });
  try {
    while (total < 64 * 1024) {
      const chunk = await stream.read(64 * 1024 - total);
      if (!chunk) break;
      parts.push(Buffer.from(chunk));
      total += chunk.length;
    }
  } catch {
    // The head usually ends inside the stream.
  } finally {
    await stream.close().catch(() => undefined);
  }
  if (total === 0 && !STRONG.has(c.codec) && c.offset === 0) return undefined;
  const text = Buffer.concat(parts, total).toString('latin1');
  if (/joblib[\s.]numpy_pickle|NumpyArrayWrapper/.test(text) || c.offset > 0)
    return 'joblib-compressed';
  return FORMAT_OF[c.codec];
}

function innerName(name: string): string {
  const stripped = name.replace(
    /\.(gz|tgz|gzip|bz2|tbz2?|xz|txz|lzma|lz4|z|zlib|zst|zstd|tzst)$/i,
    (m) => (/^\.t/i.test(m) ? '.tar' : ''),
  );
  return stripped && stripped !== name ? stripped : `${name} (decompressed)`;
}

export const compressedScanner: Scanner = {
  id: 'compressed',
  formats: ['gzip', 'bzip2', 'xz', 'lzma', 'lz4', 'zstd', 'zlib', 'joblib-compressed'],
  rules: ['MA3002', 'MA3012', 'MA3023', 'MA1002'],
  async scan(target, ctx) {
    const c = codecOf(target.head);
    if (!c) {
      ctx.report({
        ruleId: 'MA3012',
        message: 'not a compressed stream modelaudit can decode',
        evidence: target.head.subarray(0, 8).toString('hex'),
      });
      return;
    }
    const name = innerName(target.name);
    let member;
    try {
      member = await compressedMember(
        target,
        name,
        {
          codec: c.codec,
          compressed: (): ByteStream =>
            c.offset > 0
              ? new OffsetStream(target.openStream(), c.offset, undefined)
              : target.openStream(),
          size: undefined,
        },
        ctx,
        (r) => reportBomb(ctx, target, name, r),
        // A compressed file's content is the file: loaders find the files it names beside it.
        target.member === undefined || target.sameDirectory === true,
      );
    } catch (err) {
      if (isScanStop(err)) throw err;
      if (err instanceof Undecodable) {
        ctx.report(undecodableFinding(target.name, err));
        return;
      }
      const msg = err instanceof Error ? err.message : String(err);
      ctx.report({
        ruleId: 'MA3012',
        message: `the ${c.codec} stream does not decompress: ${msg}`,
        evidence: msg,
      });
      return;
    }
    ctx.detail('compression', { codec: c.codec });
    if (c.offset > 0 && !(await probePickle(member.head, member.head.length < HEAD_BYTES))) {
      // A ZFile of raw array bytes (a ZNDArrayWrapper's file): joblib hands them to
      // ndarray.__setstate__, whatever name they carry. Only a joblib.load of this very file
      // unpickles them: what that would import or call is judged.
      ctx.detail('joblibZFile', { content: 'raw array bytes' });
      await analyzePickle(
        member,
        subContext(ctx, {
          member: findingMember(target, name),
          keep: (f) => NAMED_VERDICTS.has(f.ruleId),
          note: 'as joblib.load unpickles this file',
        }),
        { sweep: false },
      );
    } else await ctx.scanMember(member);
    await finishDecoding(member, ctx);
  },
};
