import { isScanStop } from '../../io/limits.js';
/**
 * The zip container scanner: reads the directory with our lenient reader, reports every lie
 * the headers tell, scans bytes before the archive and between members, offers the archive to
 * the layouts (PyTorch, TorchScript, npz, Keras…) and scans every remaining member by content.
 */
import type { BombReport, Codec } from '../../io/decompress.js';
import { Undecodable } from '../../io/bytes-input.js';
import { crc32 } from '../../io/crc32.js';
import { SourceStream } from '../../io/stream.js';
import type { RandomAccessSource } from '../../io/source.js';
import { SliceSource } from '../../io/source.js';
import {
  FLAG_ENCRYPTED,
  FLAG_STRONG_ENCRYPTION,
  readZipDirectory,
  type ZipDirectory,
  type ZipEntry,
  type ZipIssue,
} from '../../io/zip.js';
import type { ScanContext, ScanTarget, Scanner } from '../base.js';
import {
  budgetOf,
  compressedMember,
  findingMember,
  linkEscape,
  pathEscape,
  storedMember,
  undecodableFinding,
} from './members.js';
import { ContainerView, MemberUnreadable, scanContainer, type ContainerMember } from './view.js';

/** Declared expansions are judged past this size (small members compress as they please). */
const DECLARED_RATIO_FLOOR = 1 << 20;

/** Members up to this size get their CRC checked (large stored tensors are never read). */
const CRC_CHECK_LIMIT = 16 * 1024 * 1024;

const METHODS: Record<number, Codec | 'stored'> = {
  0: 'stored',
  8: 'deflate',
  12: 'bzip2',
  14: 'zip-lzma',
  93: 'zstd',
  95: 'xz',
};
const METHOD_NAMES: Record<number, string> = {
  9: 'Deflate64',
  98: 'PPMd',
  99: 'AES encryption',
  1: 'Shrink',
  6: 'Implode',
};

/** Views of a whole zip file scanned as "read from its first byte" (never a zip again). */
const wholeFileViews = new WeakSet<RandomAccessSource>();

export function isWholeFileView(source: RandomAccessSource): boolean {
  return wholeFileViews.has(source);
}

type DirectoryResult = { dir: ZipDirectory } | { error: string };
const directories = new WeakMap<RandomAccessSource, Promise<DirectoryResult>>();

/** The directory of a zip source, read once per source (detectors and the scanner share it). */
export function zipDirectoryOf(
  source: RandomAccessSource,
  maxMembers: number,
): Promise<DirectoryResult> {
  let d = directories.get(source);
  if (!d) {
    d = readZipDirectory(source, maxMembers).then(
      (dir) => ({ dir }),
      (err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }),
    );
    directories.set(source, d);
  }
  return d;
}

const ISSUE_RULES: Record<ZipIssue['kind'], string> = {
  prefix: 'MA3008',
  'local-name': 'MA3005',
  'local-header': 'MA3007',
  flags: 'MA3006',
  duplicate: 'MA3009',
  overlap: 'MA3010',
  unlisted: 'MA3011',
  malformed: 'MA3012',
  path: 'MA3001',
};

function isEncrypted(e: ZipEntry): boolean {
  return (e.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 || e.method === 99;
}

function zipMember(
  e: ZipEntry,
  src: RandomAccessSource,
  parent: ScanTarget,
  ctx: ScanContext,
): ContainerMember {
  return {
    index: e.index,
    name: e.name,
    size: e.size,
    isDirectory: e.isDirectory,
    notAFile: e.isSymlink,
    async open(): Promise<ScanTarget> {
      if (e.dataOffset === undefined)
        throw new MemberUnreadable(
          'MA3012',
          `member ${JSON.stringify(e.name)} has no usable local header; its data cannot be located`,
          e.name,
        );
      const method = METHODS[e.method];
      if (e.method === 99 || (isEncrypted(e) && method !== 'stored')) {
        // Encrypted compressed data does not decompress; try, in case the flag lies.
        if (method === undefined || method === 'stored')
          throw new MemberUnreadable(
            'MA3003',
            `member ${JSON.stringify(e.name)} is encrypted (${METHOD_NAMES[e.method] ?? `method ${e.method}`}) and cannot be read`,
            e.name,
          );
      }
      if (method === undefined)
        throw new MemberUnreadable(
          'MA3013',
          `member ${JSON.stringify(e.name)} uses compression method ${e.method} (${METHOD_NAMES[e.method] ?? 'unknown'}), which modelaudit does not decode; it was not scanned`,
          `method ${e.method}`,
        );
      const data = new SliceSource(src, e.dataOffset, e.compressedSize);
      if (method === 'stored') return storedMember(parent, e.name, data, ctx.limits);
      try {
        return await compressedMember(
          parent,
          e.name,
          { codec: method, compressed: () => new SourceStream(data), size: e.size },
          ctx,
          (r) => reportBomb(ctx, parent, e.name, r),
        );
      } catch (err) {
        if (isScanStop(err)) throw err;
        const msg = err instanceof Error ? err.message : String(err);
        if (err instanceof Undecodable && !isEncrypted(e)) {
          const f = undecodableFinding(e.name, err);
          throw new MemberUnreadable('MA3023', f.message, f.evidence);
        }
        if (isEncrypted(e))
          throw new MemberUnreadable(
            'MA3003',
            `member ${JSON.stringify(e.name)} is encrypted and cannot be read (${msg})`,
            e.name,
          );
        throw new MemberUnreadable(
          'MA3012',
          `member ${JSON.stringify(e.name)} does not decompress: ${msg}`,
          msg,
        );
      }
    },
  };
}

export function reportBomb(
  ctx: ScanContext,
  parent: ScanTarget,
  name: string,
  r: BombReport,
): void {
  ctx.report({
    ruleId: 'MA3002',
    message:
      r.limit === 'maxDecompressedBytes'
        ? `decompressing ${JSON.stringify(name)} passed the limit of ${ctx.limits.maxDecompressedBytes} bytes decompressed for this file; the rest was not examined`
        : `${JSON.stringify(name)} expands more than ${ctx.limits.maxCompressionRatio} times (${r.produced} bytes from ${r.consumed}); decompression stopped there`,
    evidence: `${r.produced} bytes from ${r.consumed} compressed`,
    member: findingMember(parent, name),
  });
}

async function crcOf(t: ScanTarget, ctx: ScanContext): Promise<number> {
  const stream = t.openStream();
  let crc = 0;
  try {
    for (;;) {
      ctx.checkpoint();
      const chunk = await stream.read(1 << 20);
      if (!chunk) break;
      crc = crc32(chunk, crc);
    }
  } finally {
    await stream.close();
  }
  return crc;
}

export const zipScanner: Scanner = {
  id: 'zip',
  formats: ['zip', 'pytorch-zip', 'torchscript', 'npz'],
  rules: [
    'MA3001',
    'MA3002',
    'MA3003',
    'MA3004',
    'MA3005',
    'MA3006',
    'MA3007',
    'MA3008',
    'MA3009',
    'MA3010',
    'MA3011',
    'MA3012',
    'MA3013',
    'MA3023',
    'MA1002',
  ],
  async scan(target, ctx) {
    const src = await ctx.randomAccess(target);
    budgetOf(target, ctx.limits);
    const read = await zipDirectoryOf(src, ctx.limits.maxMembers);
    if ('error' in read) {
      ctx.report({
        ruleId: 'MA3012',
        message: `not a readable zip archive: ${read.error}`,
        evidence: read.error,
      });
      return;
    }
    // The directory may have been read for identification under the default member limit.
    const listed = read.dir;
    const dir: ZipDirectory =
      listed.entries.length > ctx.limits.maxMembers
        ? { ...listed, entries: listed.entries.slice(0, ctx.limits.maxMembers), truncated: true }
        : listed;
    if (dir.truncated) {
      ctx.report({
        ruleId: 'MA1002',
        message: `the archive lists more than ${ctx.limits.maxMembers} members; the rest were not scanned`,
        evidence: 'maxMembers',
      });
    }
    for (const issue of dir.issues) {
      ctx.report({
        ruleId: ISSUE_RULES[issue.kind],
        message: issue.message,
        evidence: issue.evidence,
        ...(issue.offset !== undefined ? { offset: issue.offset } : {}),
        ...(issue.member !== undefined ? { member: findingMember(target, issue.member) } : {}),
      });
    }
    // What a loader reading from the first byte sees, and what walkers of local headers see.
    if (dir.prefix > 0) {
      const whole = new SliceSource(src, 0, src.size);
      wholeFileViews.add(whole);
      await ctx.scanMember(
        await storedMember(target, '(file read from its first byte)', whole, ctx.limits),
      );
    }
    for (const issue of dir.issues) {
      if (issue.kind !== 'unlisted' || issue.offset === undefined || !issue.length) continue;
      await scanUnlisted(src, issue.offset, issue.length, target, ctx);
    }
    checkDeclaredSizes(dir, target, ctx);
    for (const e of dir.entries) {
      const why = pathEscape(e.name);
      if (why) {
        ctx.report({
          ruleId: 'MA3001',
          message: `member name ${JSON.stringify(e.name)} ${why}`,
          evidence: e.name,
          member: findingMember(target, e.name),
        });
      }
      if (e.isSymlink) await checkSymlink(e, src, target, ctx);
    }

    const members = dir.entries.map((e) => zipMember(e, src, target, ctx));
    const view = new ContainerView('zip', members);
    const layout = await scanContainer(view, target, ctx, async (m, _t, format) => {
      const e = dir.entries[m.index]!;
      if (isEncrypted(e) && format === 'unknown') {
        ctx.report({
          ruleId: 'MA3003',
          message: `member ${JSON.stringify(e.name)} is flagged as encrypted and its content is unreadable`,
          evidence: e.name,
          member: findingMember(target, e.name),
        });
      }
    });
    // CRCs of the members small enough to read whole (the scan above already read most of them).
    let checked = 0;
    for (const e of dir.entries) {
      if (e.isDirectory || e.dataOffset === undefined || e.size > CRC_CHECK_LIMIT) continue;
      if (view.isCheckedWithoutReading(e.name)) continue;
      if (isEncrypted(e) && e.method !== 0) continue;
      if (METHODS[e.method] === undefined) continue;
      let t: ScanTarget;
      try {
        t = await members[e.index]!.open();
      } catch {
        continue;
      }
      let crc: number;
      try {
        crc = await crcOf(t, ctx);
      } catch (err) {
        if (err instanceof Error && err.name === 'ScanInterrupted') throw err;
        continue;
      }
      checked++;
      if (crc !== e.crc) {
        ctx.report({
          ruleId: 'MA3004',
          message: `the CRC-32 of ${JSON.stringify(e.name)} is 0x${crc.toString(16).padStart(8, '0')} but the directory records 0x${e.crc.toString(16).padStart(8, '0')}; PyTorch ignores CRCs, zipfile refuses the member`,
          evidence: `crc 0x${crc.toString(16).padStart(8, '0')} ≠ 0x${e.crc.toString(16).padStart(8, '0')}`,
          member: findingMember(target, e.name),
        });
      }
    }
    ctx.detail('archive', {
      kind: 'zip',
      members: dir.entries.length,
      ...(layout ? { layout } : {}),
      ...(dir.prefix > 0 ? { prefixBytes: dir.prefix } : {}),
      crcChecked: checked,
    });
  },
};

/** Ratios and totals the directory declares: a bomb is reported before anything is inflated. */
function checkDeclaredSizes(dir: ZipDirectory, parent: ScanTarget, ctx: ScanContext): void {
  let total = 0;
  for (const e of dir.entries) {
    if (e.method === 0 || e.isDirectory) continue;
    total += e.size;
    if (
      e.size > DECLARED_RATIO_FLOOR &&
      e.size > ctx.limits.maxCompressionRatio * Math.max(1, e.compressedSize)
    ) {
      ctx.report({
        ruleId: 'MA3002',
        message: `${JSON.stringify(e.name)} declares ${e.size} bytes from ${e.compressedSize} compressed, more than ${ctx.limits.maxCompressionRatio} times`,
        evidence: `${e.size} bytes from ${e.compressedSize} compressed`,
        member: findingMember(parent, e.name),
      });
    }
  }
  if (total > ctx.limits.maxDecompressedBytes) {
    ctx.report({
      ruleId: 'MA3002',
      message: `the members declare ${total} bytes decompressed in all, more than the limit of ${ctx.limits.maxDecompressedBytes}`,
      evidence: `${total} bytes from ${dir.entries.reduce((a, e) => a + e.compressedSize, 0)} compressed`,
    });
  }
}

/**
 * Bytes no directory entry covers: local headers found there are read as members (what a
 * streaming reader would extract); anything else is scanned as raw bytes.
 */
async function scanUnlisted(
  src: RandomAccessSource,
  offset: number,
  length: number,
  parent: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  const end = offset + length;
  let pos = offset;
  while (pos + 30 <= end) {
    const h = await src.read(pos, 30);
    if (h.readUInt32LE(0) !== 0x04034b50) break;
    const method = h.readUInt16LE(8);
    const csize = h.readUInt32LE(18);
    const usize = h.readUInt32LE(22);
    const nameLen = h.readUInt16LE(26);
    const extraLen = h.readUInt16LE(28);
    const name = (await src.read(pos + 30, nameLen)).toString('utf8');
    const dataStart = pos + 30 + nameLen + extraLen;
    const size = Math.min(csize, end - dataStart);
    const label = `(unlisted member ${JSON.stringify(name)} at offset ${pos})`;
    const data = new SliceSource(src, dataStart, Math.max(0, size));
    const codec = METHODS[method];
    try {
      const t =
        codec === 'stored' || codec === undefined
          ? await storedMember(parent, label, data, ctx.limits)
          : await compressedMember(
              parent,
              label,
              { codec, compressed: () => new SourceStream(data), size: usize },
              ctx,
              (r) => reportBomb(ctx, parent, label, r),
            );
      await ctx.scanMember(t);
    } catch (err) {
      if (err instanceof Error && err.name === 'ScanInterrupted') throw err;
    }
    pos = dataStart + Math.max(0, size);
  }
  if (pos < end) {
    await ctx.scanMember(
      await storedMember(
        parent,
        `(unlisted bytes at offset ${pos})`,
        new SliceSource(src, pos, end - pos),
        ctx.limits,
      ),
    );
  }
}

async function checkSymlink(
  e: ZipEntry,
  src: RandomAccessSource,
  parent: ScanTarget,
  ctx: ScanContext,
): Promise<void> {
  let linkTarget = '';
  try {
    const m = zipMember(e, src, parent, ctx);
    const t = await m.open();
    linkTarget = t.head.subarray(0, 4096).toString('utf8');
  } catch {
    return;
  }
  const why = linkEscape(e.name, linkTarget, true);
  if (why) {
    ctx.report({
      ruleId: 'MA3001',
      message: `symbolic link ${JSON.stringify(e.name)} ${why}`,
      evidence: `${e.name} -> ${linkTarget}`,
      member: findingMember(parent, e.name),
    });
  }
}
