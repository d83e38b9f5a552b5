/**
 * Shared plumbing of the container scanners: member targets (stored members are windows of the
 * file; compressed ones stream through a guarded decompressor), the per-file decompression
 * budget, member path checks, and sub-contexts that attribute findings to a member.
 */
import { posix } from 'node:path';
import type { Limits } from '../../io/limits.js';
import {
  DecompressionBudget,
  GuardedStream,
  decompress,
  type BombReport,
  type Codec,
} from '../../io/decompress.js';
import type { RandomAccessSource } from '../../io/source.js';
import { SliceSource } from '../../io/source.js';
import { SourceStream, type ByteStream } from '../../io/stream.js';
import { type ScanContext, type ScanTarget } from '../base.js';
import { HEAD_BYTES } from '../../identify/identify.js';
import { type FindingInput } from '../../findings/finding.js';
import { LimitExceeded } from '../../io/limits.js';

/** Largest LZMA dictionary allocated (xz -9 and 7-Zip's ultra preset use 64 MiB). */
export const MAX_LZMA_DICTIONARY = 256 * 1024 * 1024;

const budgets = new WeakMap<ScanTarget, DecompressionBudget>();
/** Decoded members, and whether one of their streams was read to the end. */
const decoded = new WeakMap<ScanTarget, { complete: boolean }>();

/**
 * Decompresses the rest of a member its scanner did not read to the end (unknown formats read
 * only their head), so a bomb is found whatever the member holds. Memory stays bounded: the
 * output is counted and dropped.
 */
export async function finishDecoding(t: ScanTarget, ctx: ScanContext): Promise<void> {
  const state = decoded.get(t);
  if (!state || state.complete) return;
  const stream = t.openStream();
  try {
    for (;;) {
      ctx.checkpoint();
      if (!(await stream.read(1 << 20))) break;
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'ScanInterrupted') throw err;
    // Limits and corrupt data were reported by the guard.
  } finally {
    await stream.close();
  }
}

/** The decompression budget of the top-level file `target` belongs to. */
export function budgetOf(target: ScanTarget, limits: Limits): DecompressionBudget {
  let b = budgets.get(target);
  if (!b) {
    b = new DecompressionBudget(limits.maxDecompressedBytes);
    budgets.set(target, b);
  }
  return b;
}

/** Member chain of a member of `parent`: "model.pt > archive/data.pkl". */
export function memberChain(parent: ScanTarget, name: string): string {
  return `${parent.member ?? parent.name} > ${name}`;
}

export function baseName(name: string): string {
  const parts = name.split(/[/\\]/).filter(Boolean);
  return parts[parts.length - 1] ?? name;
}

/** A member whose bytes sit uncompressed in `source` (stored zip member, tar member…). */
export async function storedMember(
  parent: ScanTarget,
  name: string,
  source: RandomAccessSource,
  limits: Limits,
): Promise<ScanTarget> {
  const head = await source.read(0, Math.min(HEAD_BYTES, source.size));
  const target: ScanTarget = {
    path: parent.path,
    member: memberChain(parent, name),
    name: baseName(name),
    size: source.size,
    head,
    openStream: () => new SourceStream(source, 0, head),
    source,
  };
  budgets.set(target, budgetOf(parent, limits));
  return target;
}

export interface CompressedSpec {
  readonly codec: Codec;
  /** The compressed bytes, from their first byte. */
  readonly compressed: () => ByteStream;
  /** Declared uncompressed size, if any. */
  readonly size: number | undefined;
}

/**
 * A member that must be decompressed to be read. Reading its head decompresses its start once;
 * every openStream() decompresses afresh (bounded by the budget and the ratio limit), and the
 * first time a limit is reached the container reports a decompression-bomb finding.
 */
export async function compressedMember(
  parent: ScanTarget,
  name: string,
  spec: CompressedSpec,
  ctx: ScanContext,
  onBomb: (r: BombReport) => void,
): Promise<ScanTarget> {
  return decodedMember(
    parent,
    name,
    () => {
      const raw = spec.compressed();
      return {
        stream: decompress(raw, spec.codec, { maxDictionary: MAX_LZMA_DICTIONARY }),
        consumed: () => raw.position,
      };
    },
    spec.size,
    ctx,
    onBomb,
  );
}

/** A member produced by a decoder (`open` gives the decoded stream and the input it used). */
export async function decodedMember(
  parent: ScanTarget,
  name: string,
  openDecoded: () => { stream: ByteStream; consumed: () => number },
  size: number | undefined,
  ctx: ScanContext,
  onBomb: (r: BombReport) => void,
): Promise<ScanTarget> {
  const budget = budgetOf(parent, ctx.limits);
  let reported = false;
  let corruptReported = false;
  let headRead = false;
  const state = { complete: false };
  const open = (): ByteStream => {
    const { stream, consumed } = openDecoded();
    return new GuardedStream(
      new EndWatcher(stream, () => (state.complete = true)),
      consumed,
      budget,
      ctx.limits.maxCompressionRatio,
      (r) => {
        if (!reported) {
          reported = true;
          onBomb(r);
        }
        return new LimitExceeded(
          r.limit,
          r.limit === 'maxDecompressedBytes' ? budget.maxBytes : ctx.limits.maxCompressionRatio,
          `decompressing ${name}`,
        );
      },
      (err) => {
        const msg = err instanceof Error ? err.message : String(err);
        if (!corruptReported && headRead) {
          corruptReported = true;
          ctx.report({
            ruleId: 'MA3012',
            message: `the compressed data of ${JSON.stringify(name)} does not decode past its start: ${msg}`,
            evidence: msg,
            member: findingMember(parent, name),
          });
        }
        return err instanceof Error ? err : new Error(msg);
      },
      size,
    );
  };
  const head = await readHead(open());
  headRead = true;
  const target: ScanTarget = {
    path: parent.path,
    member: memberChain(parent, name),
    name: baseName(name),
    size,
    head,
    openStream: open,
  };
  budgets.set(target, budget);
  decoded.set(target, state);
  return target;
}

/** Calls `onEnd` when the stream is read to its end. */
class EndWatcher implements ByteStream {
  constructor(
    private readonly inner: ByteStream,
    private readonly onEnd: () => void,
  ) {}
  get position(): number {
    return this.inner.position;
  }
  get size(): number | undefined {
    return this.inner.size;
  }
  async read(max: number): Promise<Buffer | null> {
    const chunk = await this.inner.read(max);
    if (!chunk) this.onEnd();
    return chunk;
  }
  skip(n: number): Promise<number> {
    return this.inner.skip(n);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** At most `limit` bytes of `inner`. */
export class LimitStream implements ByteStream {
  position = 0;
  constructor(
    private readonly inner: ByteStream,
    private readonly limit: number,
  ) {}
  get size(): number {
    return this.limit;
  }
  async read(max: number): Promise<Buffer | null> {
    const left = this.limit - this.position;
    if (left <= 0) return null;
    const chunk = await this.inner.read(Math.min(max, left));
    if (chunk) this.position += chunk.length;
    return chunk;
  }
  async skip(n: number): Promise<number> {
    const k = await this.inner.skip(Math.min(n, this.limit - this.position));
    this.position += k;
    return k;
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The first HEAD_BYTES of a stream (then closed). Throws what the decoder throws. */
export async function readHead(stream: ByteStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    while (total < HEAD_BYTES) {
      const chunk = await stream.read(HEAD_BYTES - total);
      if (!chunk) break;
      parts.push(Buffer.from(chunk));
      total += chunk.length;
    }
  } finally {
    await stream.close();
  }
  return Buffer.concat(parts, total);
}

/** A window of `source` as a member (prefix bytes, unlisted regions…). */
export function slice(source: RandomAccessSource, offset: number, length: number): SliceSource {
  return new SliceSource(source, offset, length);
}

/**
 * Why a member path would land outside the extraction directory, or undefined when it stays
 * inside: absolute paths, drive letters, UNC paths and ".." components (with either slash).
 */
export function pathEscape(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL byte';
  const p = name.replace(/\\/g, '/');
  if (p.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(p)) return 'starts with a drive letter';
  const parts = p.split('/');
  let depth = 0;
  for (const part of parts) {
    if (part === '..') {
      depth--;
      if (depth < 0) return 'climbs out of the extraction directory with ".."';
    } else if (part !== '.' && part !== '') depth++;
  }
  return undefined;
}

/** Why a link named `name` pointing at `target` escapes, or undefined. `relativeToMember`: symlinks. */
export function linkEscape(
  name: string,
  target: string,
  relativeToMember: boolean,
): string | undefined {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/') || /^[A-Za-z]:/.test(t)) return `points at the absolute path ${target}`;
  const base = relativeToMember ? posix.dirname(name.replace(/\\/g, '/')) : '.';
  const joined = posix.join(base === '.' ? '' : base, t);
  if (joined === '..' || joined.startsWith('../')) return `points outside the archive (${target})`;
  return undefined;
}

export interface SubContextOptions {
  /** Appended to the member chain of every finding. */
  readonly member?: string;
  /** Findings for which this returns false are dropped. */
  readonly keep?: (finding: FindingInput) => boolean;
  /** Added to each kept finding's message. */
  readonly note?: string;
}

/**
 * A context that reports through `ctx` with a member appended and an optional filter (used when
 * a container runs an analyzer itself instead of handing the member back to identification).
 */
export function subContext(ctx: ScanContext, opts: SubContextOptions): ScanContext {
  return {
    limits: ctx.limits,
    depth: ctx.depth,
    unit: ctx.unit,
    report(f) {
      if (opts.keep && !opts.keep(f)) return;
      const member = [opts.member, f.member].filter(Boolean).join(' > ') || undefined;
      ctx.report({
        ...f,
        ...(member ? { member } : {}),
        ...(opts.note ? { message: `${f.message} (${opts.note})` } : {}),
      });
    },
    detail: (key, value) => ctx.detail(opts.member ? `${opts.member}: ${key}` : key, value),
    claim: (c) => ctx.claim(c),
    checkpoint: () => ctx.checkpoint(),
    fileState: (key, create) => ctx.fileState(key, create),
    scanMember: (t) => ctx.scanMember(t),
    randomAccess: (t) => ctx.randomAccess(t),
    layouts: () => ctx.layouts(),
  };
}

/** Member name as a sub-context member: bare for nested targets, "file > name" at the top. */
export function findingMember(parent: ScanTarget, name: string): string {
  return parent.member === undefined ? `${parent.name} > ${name}` : name;
}

/** A stream over `inner` from byte `offset` on (positions relative to the new start). */
export class OffsetStream implements ByteStream {
  private skipped = false;
  position = 0;

  constructor(
    private readonly inner: ByteStream,
    private readonly offset: number,
    readonly size: number | undefined,
  ) {}

  private async start(): Promise<void> {
    if (this.skipped) return;
    this.skipped = true;
    await this.inner.skip(this.offset);
  }

  async read(max: number): Promise<Buffer | null> {
    await this.start();
    const chunk = await this.inner.read(max);
    if (chunk) this.position += chunk.length;
    return chunk;
  }

  async skip(n: number): Promise<number> {
    await this.start();
    const k = await this.inner.skip(n);
    this.position += k;
    return k;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The part of `parent` from `offset` on, as a member (stored slice when positioned reads exist). */
export async function tailMember(
  parent: ScanTarget,
  name: string,
  offset: number,
  limits: Limits,
): Promise<ScanTarget> {
  if (parent.source)
    return storedMember(
      parent,
      name,
      new SliceSource(parent.source, offset, parent.source.size - offset),
      limits,
    );
  const size = parent.size !== undefined ? Math.max(0, parent.size - offset) : undefined;
  const open = (): ByteStream => new OffsetStream(parent.openStream(), offset, size);
  const head = await readHead(open());
  const target: ScanTarget = {
    path: parent.path,
    member: memberChain(parent, name),
    name: baseName(name),
    size,
    head,
    openStream: open,
  };
  budgets.set(target, budgetOf(parent, limits));
  return target;
}
