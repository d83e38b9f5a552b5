/**
 * PyTorch checkpoints: the zip layout torch.save writes (data.pkl, tensor storages tied to it by
 * persistent IDs, small metadata members), and the legacy stream format (magic number,
 * protocol, sys_info, model and storage-key pickles, then raw storages).
 */
import { SliceSource, type RandomAccessSource } from '../../io/source.js';
import { SourceStream } from '../../io/stream.js';
import { analyzePickle } from '../pickle/analyze.js';
import { PickleMachine } from '../../analysis/pickle/machine.js';
import {
  readOpcodes,
  type OpHandler,
  type RawOp,
  type ReadFault,
} from '../../analysis/pickle/reader.js';
import { Recorder } from '../../analysis/pickle/recorder.js';
import { type ScanContext, type ScanTarget, type Scanner } from '../base.js';
import { HEAD_BYTES } from '../../identify/identify.js';
import type { ArchiveEntry, ArchiveLayout } from '../base.js';
import { findingMember } from './members.js';
import type { ContainerView } from './view.js';

/** The top folder of a torch zip: the first member's first path component (as torch reads it). */
export function archiveFolder(entries: readonly ArchiveEntry[]): string | undefined {
  const first = entries[0]?.name;
  if (!first) return undefined;
  const slash = first.indexOf('/');
  return slash > 0 ? first.slice(0, slash) : undefined;
}

/** Small members torch writes beside data.pkl, vouched for only when they hold what torch writes. */
const METADATA: Readonly<Record<string, RegExp>> = {
  version: /^\d{1,6}\r?\n?$/,
  '.data/version': /^\d{1,6}\r?\n?$/,
  byteorder: /^(little|big)\r?\n?$/,
  '.data/serialization_id': /^[A-Za-z0-9_-]{1,128}\r?\n?$/,
  '.format_version': /^\d{1,6}\r?\n?$/,
  '.storage_alignment': /^\d{1,8}\r?\n?$/,
};
const MAX_METADATA = 256;

/** Persistent-ID storage keys of a pickle, from a silent run of the machine. */
export async function storageKeysOf(t: ScanTarget, ctx: ScanContext): Promise<ReadonlySet<string>> {
  const machine = new PickleMachine(new Recorder(), ctx.limits, () => ctx.checkpoint());
  const stream = t.openStream();
  try {
    await readOpcodes(stream, machine, {
      keepBytes: ctx.limits.maxConstantBytes,
      frameMode: 'linear',
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'ScanInterrupted') throw err;
  } finally {
    await stream.close();
  }
  return machine.finish().storageKeys;
}

/** Marks metadata members as checked when their content is what torch writes there. */
export async function vouchForMetadata(view: ContainerView, folder: string): Promise<void> {
  for (const [n, shape] of Object.entries(METADATA)) {
    const name = `${folder}/${n}`;
    const entry = view.entries.find((e) => e.name === name);
    if (!entry || entry.size === undefined || entry.size > MAX_METADATA) continue;
    let text: string;
    try {
      text = await view.readText(name, MAX_METADATA);
    } catch {
      continue;
    }
    if (shape.test(text)) view.markHandled(name);
  }
}

/** Ties storage keys to `<folder>/<dir>/<key>` members; reports keys with no member. */
export function tieStorages(
  view: ContainerView,
  folder: string,
  dirs: readonly string[],
  keys: ReadonlySet<string>,
  pickleName: string,
  target: ScanTarget,
  ctx: ScanContext,
): { tied: number; bytes: number } {
  let tied = 0;
  let bytes = 0;
  const missing: string[] = [];
  for (const key of keys) {
    const found = dirs
      .map((d) => `${folder}/${d}/${key}`)
      .map((n) => view.entries.find((e) => e.name === n && !e.isDirectory))
      .find(Boolean);
    if (found) {
      view.markHandled(found.name);
      tied++;
      bytes += found.size ?? 0;
    } else missing.push(key);
  }
  if (missing.length > 0) {
    ctx.report({
      ruleId: 'MA3014',
      message: `${missing.length} storage record(s) in ${pickleName} point at members that are not in the archive (${dirs.map((d) => `${folder}/${d}/`).join(' or ')})`,
      evidence: missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : ''),
      member: findingMember(target, pickleName),
    });
  }
  return { tied, bytes };
}

const DATA_PKL = /^[^/]+\/data\.pkl$/;

function isTorchScript(entries: readonly ArchiveEntry[], folder: string): boolean {
  return entries.some(
    (e) => e.name === `${folder}/constants.pkl` || e.name.startsWith(`${folder}/code/`),
  );
}

export const pytorchZipLayout: ArchiveLayout & {
  matchesNames(names: readonly ArchiveEntry[]): boolean;
} = {
  format: 'pytorch-zip',
  matchesNames(entries) {
    const folder = archiveFolder(entries);
    if (folder === undefined) return false;
    if (isTorchScript(entries, folder)) return false;
    return entries.some((e) => DATA_PKL.test(e.name));
  },
  matches(entries) {
    return this.matchesNames(entries);
  },
  async scan(archive, target, ctx) {
    const view = archive as ContainerView;
    const folder = archiveFolder(view.entries)!;
    const pickles = view.entries.filter((e) => DATA_PKL.test(e.name));
    if (pickles.length > 1) {
      ctx.report({
        ruleId: 'MA3015',
        message: `${pickles.length} folders hold a data.pkl; torch.load reads ${folder}/data.pkl (the folder of the first member)`,
        evidence: pickles.map((p) => p.name).join(', '),
      });
    }
    let storages = 0;
    let storageBytes = 0;
    for (const p of pickles) {
      let t: ScanTarget;
      try {
        t = await view.open(p.name);
      } catch {
        continue; // unreadable (encrypted, unsupported): the generic pass reports it
      }
      await ctx.scanMember(t);
      const keys = await storageKeysOf(t, ctx);
      const pFolder = p.name.slice(0, p.name.indexOf('/'));
      const r = tieStorages(view, pFolder, ['data'], keys, p.name, target, ctx);
      storages += r.tied;
      storageBytes += r.bytes;
      await vouchForMetadata(view, pFolder);
    }
    ctx.detail('pytorch', {
      archiveFolder: folder,
      storages,
      storageBytes,
      pickles: pickles.length,
    });
    return 'continue';
  },
};

// ---- legacy format ------------------------------------------------------------------------

/** 0x1950a86a20f9469cfc6c, the number torch's legacy format starts with. */
const MAGIC = Buffer.from('6cfc9c46f9206aa85019', 'hex');
const MAGIC_DECIMAL = '119547037146038801333356';

/**
 * True when the stream starts with the legacy magic number pickle, in any protocol:
 * [PROTO n] [FRAME] LONG1 <magic> STOP, or LONG text "119547037146038801333356L".
 */
export function startsWithLegacyMagic(head: Buffer): boolean {
  let p = 0;
  if (head[p] === 0x80) p += 2;
  if (head[p] === 0x95) p += 9;
  if (head[p] === 0x8a && head[p + 1] === 10) {
    return head.subarray(p + 2, p + 12).equals(MAGIC) && head[p + 12] === 0x2e;
  }
  if (head[p] === 0x4c /* LONG */ || head[p] === 0x49 /* INT */) {
    const nl = head.indexOf(0x0a, p);
    if (nl < 0 || nl - p > 40) return false;
    const text = head.toString('latin1', p + 1, nl).replace(/L$/, '');
    return text === MAGIC_DECIMAL && head[nl + 1] === 0x2e;
  }
  return false;
}

/** Finds where the pickle starting at `start` ends (just after its STOP), without judging it. */
class StopFinder implements OpHandler {
  end: number | undefined;
  faulted = false;
  op(op: RawOp): void {
    if (this.end === undefined && op.info.name === 'STOP') {
      this.end = op.end;
      throw new StopFound();
    }
  }
  fault(_f: ReadFault): void {
    this.faulted = true;
  }
  frameViolation(): void {}
  checkpoint(): void {}
}
class StopFound extends Error {}

async function pickleEnd(
  src: RandomAccessSource,
  start: number,
  ctx: ScanContext,
): Promise<number | undefined> {
  const finder = new StopFinder();
  try {
    await readOpcodes(new SourceStream(src, start), finder, {
      keepBytes: ctx.limits.maxConstantBytes,
      frameMode: 'linear',
    });
  } catch (err) {
    if (!(err instanceof StopFound)) throw err;
  }
  return finder.end;
}

const LEGACY_PARTS = ['magic number', 'protocol version', 'sys_info', 'model', 'storage keys'];

export const pytorchLegacyScanner: Scanner = {
  id: 'pytorch-legacy',
  formats: ['pytorch-legacy'],
  rules: ['MA3016', 'MA1002'],
  async scan(target, ctx) {
    const src = await ctx.randomAccess(target);
    let pos = 0;
    const found: { part: string; start: number; end: number }[] = [];
    for (let i = 0; i < LEGACY_PARTS.length && pos < src.size; i++) {
      ctx.checkpoint();
      const end = await pickleEnd(src, pos, ctx);
      const bounded = new SliceSource(src, 0, end ?? src.size);
      const start = pos;
      // Each pickle is read by a fresh pickle.load(f): its own memo, offsets kept absolute.
      const part: ScanTarget = {
        path: target.path,
        ...(target.member !== undefined ? { member: target.member } : {}),
        name: target.name,
        size: bounded.size,
        head: await bounded.read(start, Math.min(HEAD_BYTES, bounded.size - start)),
        openStream: () => new SourceStream(bounded, start),
        source: bounded,
      };
      await analyzePickle(part, ctx);
      if (end === undefined) break; // a malformed pickle: reported by the analysis; nothing after it is read
      found.push({ part: LEGACY_PARTS[i]!, start, end });
      pos = end;
    }
    if (found.length < LEGACY_PARTS.length) {
      ctx.report({
        ruleId: 'MA3016',
        message: `legacy PyTorch file with ${found.length} of the ${LEGACY_PARTS.length} pickles torch.load reads (${LEGACY_PARTS.slice(found.length).join(', ')} missing)`,
        evidence: `${found.length} pickles`,
        offset: pos,
      });
    } else {
      await checkLegacyValues(src, found, ctx);
    }
    ctx.detail('pytorchLegacy', {
      pickles: found.map((f) => ({ part: f.part, offset: f.start, length: f.end - f.start })),
      storageBytes: src.size - pos,
    });
  },
};

/** The protocol-version pickle holds 1001; sys_info a small dict. Anything else is odd. */
async function checkLegacyValues(
  src: RandomAccessSource,
  found: readonly { part: string; start: number; end: number }[],
  ctx: ScanContext,
): Promise<void> {
  const proto = found[1]!;
  const bytes = await src.read(proto.start, Math.min(64, proto.end - proto.start));
  // [PROTO n] [FRAME n] then 1001 as BININT2, BININT or INT, then STOP.
  const text = bytes
    .toString('latin1')
    .replace(/^\x80./s, '')
    .replace(/^\x95[\s\S]{8}/, '');
  // eslint-disable-next-line no-control-regex
  const ok = /^(M\xe9\x03|J\xe9\x03\x00\x00|I1001\n)\.$/.test(text);
  if (!ok) {
    ctx.report({
      ruleId: 'MA3016',
      message:
        'the protocol-version pickle of this legacy PyTorch file is not the 1001 torch writes',
      evidence: bytes.subarray(0, 16).toString('hex'),
      offset: proto.start,
    });
  }
}
