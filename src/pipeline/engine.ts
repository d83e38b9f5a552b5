/**
 * discover → identify → scan → policy → report. One top-level file at a time per worker slot,
 * each under its own time budget; findings are collected per file, then the policy stage
 * groups the files into models, infers what each model is and applies the name policy.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveOptions, type ScanOptions, type ScanOptionsInput } from '../options/options.js';
import {
  compareFindings,
  countBySeverity,
  emptyCounts,
  type FileResult,
  type ModelResult,
  type OperationalError,
  type Report,
  type SkippedEntry,
  type UnitRef,
} from '../findings/finding.js';
import { BufferSource, FileSource, IoStats } from '../io/source.js';
import { SourceStream } from '../io/stream.js';
import { identifyModels } from '../policy/stage.js';
import { type ScanTarget } from '../scan/base.js';
import { HEAD_BYTES } from '../identify/identify.js';
import { ScanInterrupted } from '../io/limits.js';
import { VERSION } from '../version.js';
import { decideVerdict } from '../verdict/verdict.js';
import { EngineContext, FileCollector } from './context.js';
import { discover, findUnit } from '../discover/discover.js';
import { describeError } from '../discover/entries.js';
import type { DiscoveredFile, Discovery } from '../discover/types.js';
import { skippedResult, unreadableErrors } from './skipped.js';

export const REPORT_SCHEMA_VERSION = '1.4.0';

/** Scans files and directories; never throws for bad input, only for bad options. */
export async function scan(
  paths: readonly string[],
  input: ScanOptionsInput = {},
): Promise<Report> {
  const options = resolveOptions(input);
  const startedAt = new Date();
  const t0 = performance.now();
  const found = await discover({ roots: paths, followSymlinks: options.followSymlinks });
  return scanFound(found, options, startedAt, t0);
}

/**
 * Scans what a discovery returned (the Action discovers with its change set, filter and
 * shard, then scans the result): the files, and the skipped entries as findings.
 */
export async function scanDiscovery(
  found: Discovery,
  input: ScanOptionsInput = {},
): Promise<Report> {
  return scanFound(found, resolveOptions(input), new Date(), performance.now());
}

async function scanFound(
  found: Discovery,
  options: ScanOptions,
  startedAt: Date,
  t0: number,
): Promise<Report> {
  const errors: OperationalError[] = [...found.errors, ...unreadableErrors(found.skipped)];
  for (const e of errors)
    options.onEvent?.({ type: 'operational-error', path: e.path, message: e.message });

  const results: (FileResult | undefined)[] = new Array(found.files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < found.files.length) {
      if (options.signal?.aborted) return;
      const i = next++;
      const file = found.files[i]!;
      try {
        results[i] = await scanFile(file.path, options, file);
      } catch (err) {
        const e = { path: file.path, message: describeError(err) };
        errors.push(e);
        options.onEvent?.({ type: 'operational-error', ...e });
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, found.files.length) }, worker),
  );
  const scanned = results.filter((r): r is FileResult => r !== undefined);
  // Policy: models and their identity from the scanners' claims (context files included) and
  // discovery's units, never from the disk; name-policy findings are only ever added.
  const { files, models } = identifyModels(scanned, {
    roots: found.roots,
    units: found.units,
    skipped: found.skipped,
    ...(options.namePolicy ? { policy: options.namePolicy } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const notRead = found.skipped.flatMap((s) => skippedResult(s) ?? []);
  const all = [...files, ...notRead].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const report = buildReport(all, errors, startedAt, performance.now() - t0, models, found.skipped);
  // Verdict: which findings count (skipped entries' included), whether the run fails and why,
  // decided once for every face.
  return { ...report, verdict: decideVerdict(report, { failOn: options.failOn }) };
}

export function buildReport(
  files: readonly FileResult[],
  errors: readonly OperationalError[],
  startedAt: Date,
  durationMs: number,
  models: readonly ModelResult[] = [],
  skipped: readonly SkippedEntry[] = [],
): Report {
  const findings = emptyCounts();
  let bytesRead = 0;
  for (const f of files) {
    bytesRead += f.bytesRead;
    const c = countBySeverity(f.findings);
    findings.INFO += c.INFO;
    findings.WARNING += c.WARNING;
    findings.ERROR += c.ERROR;
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'modelaudit', version: VERSION },
    startedAt: startedAt.toISOString(),
    durationMs: round(durationMs),
    files,
    errors,
    models,
    skipped,
    totals: {
      files: files.length,
      filesWithFindings: files.filter((f) => f.findings.length > 0).length,
      bytesRead,
      findings,
    },
  };
}

/**
 * Scans one file. Throws only when the file cannot be opened or read at all (an operational
 * error); anything wrong with its content becomes a finding.
 */
export async function scanFile(
  path: string,
  options: ScanOptions,
  file?: DiscoveredFile,
): Promise<FileResult> {
  const t0 = performance.now();
  const fsPath = file?.fsPath ?? path;
  const info = await stat(fsPath);
  if (!info.isFile()) throw new Error('not a regular file');
  options.onEvent?.({ type: 'file-start', path, size: info.size });
  const stats = new IoStats();
  // A file scanned on its own (not from a discovery) still learns its model unit.
  const unit: UnitRef | undefined = file ? file.unit : await findUnit(path);
  const collector = new FileCollector(path, stats, unit);
  const limits = options.limits;

  const finish = (): FileResult => {
    const findings = [...collector.findings].sort(compareFindings);
    const details = {
      ...collector.details,
      ...(collector.members.length ? { members: collector.members } : {}),
    };
    const metadata = collector.modelMetadata();
    const result: FileResult = {
      path,
      format: collector.format,
      size: info.size,
      bytesRead: stats.bytesRead,
      durationMs: round(performance.now() - t0),
      status: findings.length > 0 ? 'findings' : 'clean',
      findings,
      details,
      ...(unit ? { unit } : {}),
      ...(file && file.role !== 'target' ? { role: file.role } : {}),
      ...(collector.claims.length ? { claims: [...collector.claims] } : {}),
      ...(metadata ? { modelMetadata: metadata } : {}),
    };
    options.onEvent?.({
      type: 'file-done',
      path,
      findings: findings.length,
      durationMs: result.durationMs,
    });
    return result;
  };

  const placeholder: ScanTarget = {
    path,
    name: basename(path),
    size: info.size,
    head: Buffer.alloc(0),
    openStream: () => {
      throw new Error('not opened');
    },
  };

  if (info.size > limits.maxFileBytes) {
    const ctx = new EngineContext(collector, limits, Infinity, 0, placeholder, options.signal);
    ctx.report({
      ruleId: 'MA1002',
      message: `file is ${info.size} bytes, over the ${limits.maxFileBytes}-byte limit; it was not scanned`,
      evidence: 'maxFileBytes',
    });
    return finish();
  }

  const source = await FileSource.open(fsPath, stats);
  try {
    const head = await source.read(0, HEAD_BYTES);
    // A file that fits in its head is served from memory: it is read from disk once.
    const content = head.length >= source.size ? new BufferSource(head) : source;
    const target: ScanTarget = {
      path,
      name: basename(path),
      size: source.size,
      head,
      openStream: () => new SourceStream(content, 0, head),
      source: content,
    };
    const ctx = new EngineContext(
      collector,
      limits,
      Date.now() + limits.timeoutMs,
      0,
      target,
      options.signal,
    );
    try {
      await ctx.run();
    } catch (err) {
      if (!(err instanceof ScanInterrupted)) throw err;
      ctx.report({
        ruleId: 'MA1001',
        message:
          err.reason === 'timeout'
            ? `scan stopped after ${limits.timeoutMs} ms; the rest of the file was not examined`
            : 'scan aborted before the file was fully examined',
        evidence: err.reason === 'timeout' ? `timeoutMs=${limits.timeoutMs}` : 'aborted',
      });
    }
  } finally {
    await collector.cleanup();
    await source.close();
  }
  return finish();
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
