/**
 * Runs the symbolic machine over a pickle target: the straight read, a second read as an
 * older C unpickler reading a file when frames are violated, a sweep of bytes the parser
 * could not follow, and nested scans of pickles carried inside constants.
 */
import { BufferSource } from '../../io/source.js';
import { SourceStream, type ByteStream } from '../../io/stream.js';
import { type ScanContext, type ScanTarget } from '../base.js';
import { HEAD_BYTES } from '../../identify/identify.js';
import { LimitExceeded } from '../../io/limits.js';
import {
  PickleMachine,
  type EmbeddedCandidate,
  type LoaderHooks,
  type MachineSummary,
} from '../../analysis/pickle/machine.js';
import { readOpcodes } from '../../analysis/pickle/reader.js';
import { Recorder } from '../../analysis/pickle/recorder.js';
import { sweepForImports } from '../../analysis/pickle/sweep.js';
import { render } from '../../analysis/pickle/values.js';
import { scanHiddenPayload } from '../shared/hidden-payloads.js';

/** Bytes swept for hidden imports after a fault. */
const SWEEP_LIMIT = 64 * 1024 * 1024;

export interface PickleAnalysis extends MachineSummary {
  /** True when the stream was read to its end without a limit stopping it. */
  readonly complete: boolean;
}

export interface AnalyzeOptions {
  /** What the format's loader does beyond the unpickler (joblib array data). */
  readonly hooks?: LoaderHooks;
  /** Sweep unparsed bytes for imports after a fault (default true). */
  readonly sweep?: boolean;
}

/**
 * Scans `target` as a pickle stream (all pickles in it), reporting through `ctx`.
 * Findings gathered before a time or size limit are reported before the limit propagates.
 */
export async function analyzePickle(
  target: ScanTarget,
  ctx: ScanContext,
  options: AnalyzeOptions = {},
): Promise<PickleAnalysis> {
  const hooks = options.hooks;
  const recorder = new Recorder();
  const machine = new PickleMachine(recorder, ctx.limits, () => ctx.checkpoint(), hooks);
  let complete = false;
  let summary: MachineSummary | undefined;
  try {
    await runPass(target.openStream(), machine, 'linear', ctx);
    if (!machine.betweenPickles) {
      recorder.add(
        'MA2013',
        'malformed pickle: the stream ends before the STOP opcode of its last pickle',
        'missing STOP',
        { offset: target.size ?? -1, opcodeIndex: -1, opcode: 'STOP' },
        'malformed',
      );
    }
    summary = machine.finish();
    complete = true;

    if (machine.sawFrameViolation) await fileModePass(target, ctx, recorder, hooks);
    if ((summary.faulted || machine.sawFrameViolation) && options.sweep !== false) {
      await sweep(target, ctx, recorder, new Set(summary.imports.map((i) => i.name)));
    }
  } catch (err) {
    if (!(err instanceof LimitExceeded)) throw err;
    recorder.add(
      'MA1002',
      `scan stopped: ${err.message}`,
      err.limit,
      { offset: -1, opcodeIndex: -1, opcode: '' },
      'limit',
    );
  } finally {
    summary ??= machine.finish();
    for (const f of recorder.findings()) ctx.report(f);
  }
  await scanEmbedded(target, ctx, machine.embedded);
  if (machine.embeddedDropped > 0)
    ctx.report({
      ruleId: 'MA1002',
      message: `${machine.embeddedDropped} more constants that may hold a nested or encoded payload were not examined (only the first ${machine.embedded.length} are)`,
      evidence: 'embedded payload candidates',
    });
  return { ...summary, complete };
}

async function runPass(
  stream: ByteStream,
  machine: PickleMachine,
  frameMode: 'linear' | 'file',
  ctx: ScanContext,
): Promise<void> {
  try {
    await readOpcodes(stream, machine, { keepBytes: ctx.limits.maxConstantBytes, frameMode });
  } finally {
    await stream.close();
  }
}

/** Re-reads the stream as CPython < 3.13.15/3.14.7 reads a file when frames are violated. */
async function fileModePass(
  target: ScanTarget,
  ctx: ScanContext,
  into: Recorder,
  hooks?: LoaderHooks,
): Promise<void> {
  const recorder = new Recorder();
  recorder.context = 'as an older C unpickler reads it from a file';
  const machine = new PickleMachine(recorder, ctx.limits, () => ctx.checkpoint(), hooks);
  await runPass(target.openStream(), machine, 'file', ctx);
  machine.finish();
  for (const f of recorder.findings()) {
    // Only what the straight read did not already show.
    if (
      f.ruleId === 'MA2012' ||
      f.ruleId === 'MA2013' ||
      f.ruleId === 'MA2014' ||
      f.ruleId === 'MA2015'
    )
      continue;
    if (!into.has(f.ruleId, f.evidence ?? '')) {
      into.add(f.ruleId, f.message, f.evidence ?? '', {
        offset: f.offset ?? -1,
        opcodeIndex: f.opcodeIndex ?? -1,
        opcode: '',
      });
    }
  }
}

/** Imports the straight read already judged are left out: the sweep is for the ones it missed. */
async function sweep(
  target: ScanTarget,
  ctx: ScanContext,
  recorder: Recorder,
  known: ReadonlySet<string>,
): Promise<void> {
  const stream = target.openStream();
  try {
    const hits = await sweepForImports(stream, SWEEP_LIMIT, () => ctx.checkpoint(), known);
    for (const h of hits) {
      const name = `${h.module}.${h.name}`;
      recorder.add(
        'MA2021',
        `bytes at offset ${h.offset} import ${name} (${h.cls.reason}), outside the opcodes a straight read reaches`,
        name,
        { offset: h.offset, opcodeIndex: -1, opcode: 'sweep' },
        name,
      );
    }
  } finally {
    await stream.close();
  }
}

/** Encoded values longer than this are not read back from the file to be decoded. */
const MAX_ENCODED_READ_BACK = 16 * 1024 * 1024;

async function scanEmbedded(
  target: ScanTarget,
  ctx: ScanContext,
  candidates: readonly EmbeddedCandidate[],
): Promise<void> {
  for (const c of candidates) {
    const v = c.value;
    const outer = target.source;
    // Small values were kept whole; larger ones are read back from the outer file.
    const source = c.data
      ? new BufferSource(c.data)
      : outer &&
          v.dataOffset !== undefined &&
          (c.encoding === 'raw' || v.length <= MAX_ENCODED_READ_BACK)
        ? sliceOf(outer, v.dataOffset, v.length)
        : undefined;
    if (!source) continue;
    if (c.encoding === 'encoded') {
      await scanHiddenPayload(ctx, target, await source.read(0, source.size), {
        label: `constant at offset ${c.site.offset}`,
        offset: c.site.offset,
        opcodeIndex: c.site.opcodeIndex,
      });
      continue;
    }
    const label = `embedded pickle at offset ${c.site.offset}`;
    const member: ScanTarget = {
      path: target.path,
      member: target.member ? `${target.member} > ${label}` : label,
      name: 'embedded.pkl',
      size: source.size,
      head: await source.read(0, Math.min(HEAD_BYTES, source.size)),
      openStream: (): ByteStream => new SourceStream(source),
      source,
    };
    const result = await ctx.scanMember(member);
    if (result.findings > 0) {
      ctx.report({
        ruleId: 'MA2022',
        message: `a pickle is embedded in a constant (${result.findings} findings inside, worst ${result.worst})`,
        evidence: render(v, 80),
        offset: c.site.offset,
        opcodeIndex: c.site.opcodeIndex,
      });
    }
  }
}

function sliceOf(
  source: NonNullable<ScanTarget['source']>,
  offset: number,
  size: number,
): BufferSourceLike {
  return {
    size,
    read: (position: number, length: number) =>
      source.read(offset + position, Math.max(0, Math.min(length, size - position))),
  };
}

type BufferSourceLike = NonNullable<ScanTarget['source']>;
