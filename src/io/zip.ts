/**
 * A lenient, bounded zip reader of our own, on positioned reads.
 *
 * It reads the archive the way PyTorch's reader (miniz) and Python's zipfile do where they agree,
 * and keeps going where either of them would: wrong CRCs, flag bits that claim encryption on
 * readable data, local headers whose name or fields contradict the central directory, bytes
 * before the archive. Each such contradiction is returned as an issue so the scanner can report
 * it. Only the end record, the central directory and one local header per member are read: member
 * data is never touched until a scanner asks for it, and stored members are plain windows of the
 * file (skipping a multi-GB tensor costs nothing).
 */
import type { RandomAccessSource } from './source.js';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const ZIP64_EOCD_SIZE = 56;
const ZIP64_LOCATOR_SIZE = 20;
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
/** Largest central directory read (a million members with long names fit well below it). */
const MAX_CENTRAL_DIRECTORY = 512 * 1024 * 1024;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const FLAG_UTF8 = 0x0800;

export type ZipIssueKind =
  | 'prefix'
  | 'local-name'
  | 'local-header'
  | 'flags'
  | 'duplicate'
  | 'overlap'
  | 'unlisted'
  | 'malformed'
  | 'path';

export interface ZipIssue {
  readonly kind: ZipIssueKind;
  readonly message: string;
  readonly evidence: string;
  readonly member?: string;
  readonly offset?: number;
  /** Length of the region the issue is about (unlisted bytes). */
  readonly length?: number;
}

export interface ZipEntry {
  readonly index: number;
  /** Name as the central directory gives it (what PyTorch and zipfile look members up by). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Absolute offset of the local header in the source. */
  readonly localOffset: number;
  readonly isDirectory: boolean;
  readonly isSymlink: boolean;
  /** Absolute offset of the member data; undefined when the local header is unusable. */
  dataOffset: number | undefined;
  /** Name in the local header, when it could be read. */
  localName: string | undefined;
}

export interface ZipDirectory {
  readonly entries: ZipEntry[];
  /** Bytes before the archive's first byte (self-extractor stubs, polyglots). */
  readonly prefix: number;
  readonly centralOffset: number;
  readonly centralSize: number;
  readonly issues: ZipIssue[];
  /** True when more members were listed than `maxMembers`. */
  readonly truncated: boolean;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** Finds the end record: the last signature (nearest the end) whose comment fits the file. */
async function findEnd(src: RandomAccessSource): Promise<{ pos: number; buf: Buffer }> {
  const tailLen = Math.min(src.size, EOCD_SIZE + 0xffff);
  const tailStart = src.size - tailLen;
  const tail = await src.read(tailStart, tailLen);
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== SIG_EOCD) continue;
    const commentLen = tail.readUInt16LE(i + 20);
    if (i + EOCD_SIZE + commentLen > tail.length) continue;
    return { pos: tailStart + i, buf: tail.subarray(i, i + EOCD_SIZE) };
  }
  throw new ZipFormatError('no end-of-central-directory record');
}

/** True when the end of the source holds a zip end record (used to identify zips with a prefix). */
export async function hasZipEnd(src: RandomAccessSource): Promise<boolean> {
  if (src.size < EOCD_SIZE) return false;
  try {
    const end = await findEnd(src);
    const cdSize = end.buf.readUInt32LE(12);
    const entries = end.buf.readUInt16LE(10);
    if (cdSize === 0xffffffff || entries === 0xffff) {
      // zip64: the locator must sit right before the end record.
      if (end.pos < ZIP64_LOCATOR_SIZE) return false;
      const loc = await src.read(end.pos - ZIP64_LOCATOR_SIZE, 4);
      return loc.readUInt32LE(0) === SIG_ZIP64_LOCATOR;
    }
    if (entries === 0 || cdSize > end.pos) return false;
    // The directory must really start where the end record says it ends.
    const first = await src.read(end.pos - cdSize, 4);
    return first.length === 4 && first.readUInt32LE(0) === SIG_CENTRAL;
  } catch {
    return false;
  }
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Member names: UTF-8 when the flag says so, else code page 437 (as zipfile decodes them). */
export function decodeName(raw: Buffer, flags: number): string {
  if (flags & FLAG_UTF8) return raw.toString('utf8');
  let ascii = true;
  for (const b of raw) if (b >= 0x80) ascii = false;
  if (ascii) return raw.toString('latin1');
  let out = '';
  for (const b of raw) out += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return out;
}

export async function readZipDirectory(
  src: RandomAccessSource,
  maxMembers: number,
): Promise<ZipDirectory> {
  const issues: ZipIssue[] = [];
  const end = await findEnd(src);
  let declaredEntries = end.buf.readUInt16LE(10);
  let cdSize = end.buf.readUInt32LE(12);
  let cdOffset = end.buf.readUInt32LE(16);
  /** Where the central directory must end: the zip64 end record, or the end record. */
  let cdEnd = end.pos;

  if (end.pos >= ZIP64_LOCATOR_SIZE) {
    const loc = await src.read(end.pos - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
    if (loc.readUInt32LE(0) === SIG_ZIP64_LOCATOR) {
      // The zip64 end record sits just before the locator (zipfile looks there when the stated
      // offset is off, e.g. after a prefix).
      let recPos = end.pos - ZIP64_LOCATOR_SIZE - ZIP64_EOCD_SIZE;
      let rec = recPos >= 0 ? await src.read(recPos, ZIP64_EOCD_SIZE) : Buffer.alloc(0);
      if (rec.length < ZIP64_EOCD_SIZE || rec.readUInt32LE(0) !== SIG_ZIP64_EOCD) {
        recPos = u64(loc, 8);
        rec = await src.read(recPos, ZIP64_EOCD_SIZE);
      }
      if (rec.length === ZIP64_EOCD_SIZE && rec.readUInt32LE(0) === SIG_ZIP64_EOCD) {
        declaredEntries = u64(rec, 32);
        cdSize = u64(rec, 40);
        cdOffset = u64(rec, 48);
        cdEnd = recPos;
      } else {
        issues.push({
          kind: 'malformed',
          message: 'a zip64 locator points at no zip64 end record; the 32-bit fields were used',
          evidence: `zip64 locator at offset ${end.pos - ZIP64_LOCATOR_SIZE}`,
          offset: end.pos - ZIP64_LOCATOR_SIZE,
        });
      }
    }
  }

  const cdStart = cdEnd - cdSize;
  if (cdStart < 0) throw new ZipFormatError(`central directory size ${cdSize} exceeds the file`);
  const prefix = cdStart - cdOffset;
  if (prefix < 0)
    throw new ZipFormatError(`central directory offset ${cdOffset} lies beyond its actual place`);
  if (prefix > 0) {
    issues.push({
      kind: 'prefix',
      message: `${prefix} bytes precede the archive; zip readers skip them but a loader that reads the file from its start (torch.load falls back to pickle.load) sees them first`,
      evidence: `${prefix} bytes before offset ${prefix}`,
      offset: 0,
    });
  }
  if (cdSize > MAX_CENTRAL_DIRECTORY)
    throw new ZipFormatError(`central directory of ${cdSize} bytes is larger than supported`);

  const cd = await src.read(cdStart, cdSize);
  const entries: ZipEntry[] = [];
  let pos = 0;
  let truncated = false;
  while (pos + CENTRAL_SIZE <= cd.length && cd.readUInt32LE(pos) === SIG_CENTRAL) {
    if (entries.length >= maxMembers) {
      truncated = true;
      break;
    }
    const madeBy = cd.readUInt16LE(pos + 4);
    const flags = cd.readUInt16LE(pos + 8);
    const method = cd.readUInt16LE(pos + 10);
    const crc = cd.readUInt32LE(pos + 16);
    let compressedSize = cd.readUInt32LE(pos + 20);
    let size = cd.readUInt32LE(pos + 24);
    const nameLen = cd.readUInt16LE(pos + 28);
    const extraLen = cd.readUInt16LE(pos + 30);
    const commentLen = cd.readUInt16LE(pos + 32);
    const external = cd.readUInt32LE(pos + 38);
    let localOffset = cd.readUInt32LE(pos + 42);
    const nameStart = pos + CENTRAL_SIZE;
    if (nameStart + nameLen + extraLen + commentLen > cd.length) {
      issues.push({
        kind: 'malformed',
        message: 'a central directory record runs past the end of the directory',
        evidence: `record at offset ${cdStart + pos}`,
        offset: cdStart + pos,
      });
      break;
    }
    const name = decodeName(cd.subarray(nameStart, nameStart + nameLen), flags);
    // Zip64 extended information: only the fields whose 32-bit value is saturated, in order.
    let e = nameStart + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        const fEnd = Math.min(e + 4 + len, extraEnd);
        if (size === 0xffffffff && f + 8 <= fEnd) {
          size = u64(cd, f);
          f += 8;
        }
        if (compressedSize === 0xffffffff && f + 8 <= fEnd) {
          compressedSize = u64(cd, f);
          f += 8;
        }
        if (localOffset === 0xffffffff && f + 8 <= fEnd) localOffset = u64(cd, f);
      }
      e += 4 + len;
    }
    const host = madeBy >> 8;
    const mode = external >>> 16;
    const isSymlink = host === 3 && (mode & 0o170000) === 0o120000;
    entries.push({
      index: entries.length,
      name,
      method,
      flags,
      crc,
      compressedSize,
      size,
      localOffset: localOffset + prefix,
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
      isSymlink,
      dataOffset: undefined,
      localName: undefined,
    });
    pos = extraEnd + commentLen;
  }
  if (!truncated && pos !== cd.length) {
    issues.push({
      kind: 'malformed',
      message: `the central directory holds ${cd.length - pos} bytes that are not member records`,
      evidence: `offset ${cdStart + pos}`,
      offset: cdStart + pos,
    });
  }
  if (!truncated && declaredEntries !== entries.length) {
    issues.push({
      kind: 'local-header',
      message: `the end record declares ${declaredEntries} members but the central directory lists ${entries.length}; readers that trust the count see a different archive`,
      evidence: `${declaredEntries} declared, ${entries.length} listed`,
    });
  }

  await readLocalHeaders(src, entries, issues);
  checkLayout(src.size, prefix, cdStart, entries, issues);
  return { entries, prefix, centralOffset: cdStart, centralSize: cdSize, issues, truncated };
}

async function readLocalHeaders(
  src: RandomAccessSource,
  entries: ZipEntry[],
  issues: ZipIssue[],
): Promise<void> {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const dup = seen.get(entry.name);
    if (dup !== undefined) {
      issues.push({
        kind: 'duplicate',
        message: `two members are named ${JSON.stringify(entry.name)}; loaders differ on which one they read (both were scanned)`,
        evidence: entry.name,
        member: entry.name,
      });
    } else seen.set(entry.name, entry.index);

    if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) && entry.method === 0) {
      issues.push({
        kind: 'flags',
        message: `the central directory marks the stored member ${JSON.stringify(entry.name)} as encrypted; PyTorch ignores the flag and reads the bytes as they are, so they were scanned as stored`,
        evidence: `flags 0x${entry.flags.toString(16).padStart(4, '0')}`,
        member: entry.name,
      });
    }

    const head = await src.read(entry.localOffset, LOCAL_SIZE);
    if (head.length < LOCAL_SIZE || head.readUInt32LE(0) !== SIG_LOCAL) {
      issues.push({
        kind: 'malformed',
        message: `member ${JSON.stringify(entry.name)} has no local header at offset ${entry.localOffset}; its data cannot be located`,
        evidence: `offset ${entry.localOffset}`,
        member: entry.name,
        offset: entry.localOffset,
      });
      continue;
    }
    const flags = head.readUInt16LE(6);
    const method = head.readUInt16LE(8);
    const crc = head.readUInt32LE(14);
    const csize = head.readUInt32LE(18);
    const usize = head.readUInt32LE(22);
    const nameLen = head.readUInt16LE(26);
    const extraLen = head.readUInt16LE(28);
    const rawName = await src.read(entry.localOffset + LOCAL_SIZE, nameLen);
    const localName = decodeName(rawName, flags);
    entry.localName = localName;
    entry.dataOffset = entry.localOffset + LOCAL_SIZE + nameLen + extraLen;
    if (localName !== entry.name) {
      issues.push({
        kind: 'local-name',
        message: `the local header names member ${JSON.stringify(entry.name)} ${JSON.stringify(localName)}; PyTorch goes by the central directory, other readers by the local header`,
        evidence: `${entry.name} ≠ ${localName}`,
        member: entry.name,
        offset: entry.localOffset,
      });
    }
    const diffs: string[] = [];
    if (method !== entry.method) diffs.push(`method ${method} ≠ ${entry.method}`);
    if (
      (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !==
      (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION))
    )
      diffs.push(`encryption flags 0x${flags.toString(16)} ≠ 0x${entry.flags.toString(16)}`);
    if (!(flags & FLAG_DATA_DESCRIPTOR) && !(entry.flags & FLAG_DATA_DESCRIPTOR)) {
      if (crc !== entry.crc) diffs.push(`crc ${hex(crc)} ≠ ${hex(entry.crc)}`);
      if (csize !== 0xffffffff && csize !== entry.compressedSize)
        diffs.push(`compressed size ${csize} ≠ ${entry.compressedSize}`);
      if (usize !== 0xffffffff && usize !== entry.size) diffs.push(`size ${usize} ≠ ${entry.size}`);
    }
    if (entry.method === 0 && entry.compressedSize !== entry.size)
      diffs.push(`stored member with compressed size ${entry.compressedSize} ≠ size ${entry.size}`);
    if (diffs.length > 0) {
      issues.push({
        kind: 'local-header',
        message: `the local header of ${JSON.stringify(entry.name)} contradicts the central directory (${diffs.join(', ')}); the central directory was followed`,
        evidence: diffs.join(', '),
        member: entry.name,
        offset: entry.localOffset,
      });
    }
    if (entry.dataOffset + entry.compressedSize > src.size) {
      issues.push({
        kind: 'malformed',
        message: `member ${JSON.stringify(entry.name)} runs ${entry.dataOffset + entry.compressedSize - src.size} bytes past the end of the file`,
        evidence: `data ${entry.dataOffset}+${entry.compressedSize} > ${src.size}`,
        member: entry.name,
        offset: entry.dataOffset,
      });
    }
  }
}

/** Overlapping members and bytes no member accounts for (where extra local headers can hide). */
function checkLayout(
  fileSize: number,
  prefix: number,
  cdStart: number,
  entries: readonly ZipEntry[],
  issues: ZipIssue[],
): void {
  const spans = entries
    .filter((e) => e.dataOffset !== undefined)
    .map((e) => ({
      e,
      start: e.localOffset,
      end: Math.min(fileSize, e.dataOffset! + e.compressedSize),
      slack: e.flags & FLAG_DATA_DESCRIPTOR ? 24 : 0,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let cursor = prefix;
  let prev: (typeof spans)[number] | undefined;
  for (const s of spans) {
    if (prev && s.start < cursor) {
      issues.push({
        kind: 'overlap',
        message: `members ${JSON.stringify(prev.e.name)} and ${JSON.stringify(s.e.name)} share bytes (a trick of zip bombs and of archives that show different content to different readers)`,
        evidence: `${prev.e.name} ends at ${cursor}, ${s.e.name} starts at ${s.start}`,
        member: s.e.name,
        offset: s.start,
      });
    } else if (s.start > cursor + (prev?.slack ?? 0)) {
      pushUnlisted(issues, cursor, s.start);
    }
    if (s.end >= cursor) {
      cursor = s.end;
      prev = s;
    }
  }
  if (cdStart > cursor + (prev?.slack ?? 0)) pushUnlisted(issues, cursor, cdStart);
}

function pushUnlisted(issues: ZipIssue[], from: number, to: number): void {
  issues.push({
    kind: 'unlisted',
    message: `${to - from} bytes at offset ${from} belong to no listed member; readers that walk local headers may find content there (scanned as a member)`,
    evidence: `bytes ${from}-${to}`,
    offset: from,
    length: to - from,
  });
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
