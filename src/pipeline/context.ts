/**
 * The engine side of ScanContext: stamps findings with path, member, rule severity and
 * scanner; enforces the time budget and the nesting limit; dispatches members back through
 * identification so containers never need to know which scanner handles what.
 */
import { mkdtemp, rm, writeFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Limits } from '../io/limits.js';
import type { Finding, Severity, UnitRef } from '../findings/finding.js';
import { severityRank } from '../findings/finding.js';
import { BufferSource, FileSource, IoStats, type RandomAccessSource } from '../io/source.js';
import { getRule } from '../rules/registry.js';
import {
  type IdentityClaim,
  type MemberResult,
  type ModelMetadataClaim,
  type Neighbourhood,
  type ScanContext,
  type ScanTarget,
  type Scanner,
  type SiblingEntry,
  type SiblingListing,
} from '../scan/base.js';
import { DirectoryNeighbourhood, NO_NEIGHBOURHOOD } from './neighbourhood.js';
import { type FindingInput } from '../findings/finding.js';
import { LimitExceeded, ScanInterrupted } from '../io/limits.js';
import { MalformedInput } from '../io/malformed.js';
import { ARCHIVE_LAYOUTS, DETECTORS, detectorFor, scannerFor } from '../scan/registry.js';
import type { ArchiveLayout } from '../scan/base.js';
import { identify, isExtensionMismatch } from '../identify/identify.js';
import { checkNameMismatch } from '../scan/shared/name-mismatch.js';

const MAX_MEMBER_DETAILS = 2000;
const MAX_CLAIMS = 500;
/** Longest claim value and source kept; metadata values are names, not documents. */
const MAX_CLAIM_VALUE = 512;
const MAX_CLAIM_SOURCE = 200;
const MAX_COMPONENTS = 32;
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;
const MAX_PROBLEMS = 20;

/** Everything gathered while scanning one top-level file. */
export class FileCollector {
  readonly findings: Finding[] = [];
  readonly details: Record<string, unknown> = {};
  readonly members: { member: string; format: string; findings: number }[] = [];
  readonly claims: IdentityClaim[] = [];
  readonly metadata: {
    marks?: ModelMetadataClaim['marks'];
    components: string[];
    problems: string[];
  } = { components: [], problems: [] };
  /** The files around this one, created on first use. */
  neighbourhood: Neighbourhood | undefined;
  format = 'unknown';
  /** Per-file state of the scanners (ScanContext.fileState). */
  readonly state = new Map<symbol, unknown>();
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(
    readonly path: string,
    readonly stats: IoStats,
    /** The model unit the file belongs to (from discovery). */
    readonly unit?: UnitRef,
  ) {}

  onCleanup(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  async cleanup(): Promise<void> {
    for (const fn of this.cleanups.splice(0)) await fn().catch(() => undefined);
  }

  /** What the file's metadata says about its directory, when it said anything. */
  modelMetadata(): ModelMetadataClaim | undefined {
    const { marks, components, problems } = this.metadata;
    if (!marks && !components.length && !problems.length) return undefined;
    return Object.freeze({
      ...(marks ? { marks } : {}),
      ...(components.length ? { components: Object.freeze([...components]) } : {}),
      ...(problems.length ? { problems: Object.freeze([...problems]) } : {}),
    });
  }
}

export class EngineContext implements ScanContext {
  private scannerId = 'engine';
  private count = 0;
  private worst: Severity | undefined;
  /** A decoded stream of a file with a neighbourhood keeps it (ScanTarget.sameDirectory). */
  private inheritsNeighbourhood = false;

  constructor(
    private readonly collector: FileCollector,
    readonly limits: Limits,
    private readonly deadline: number,
    readonly depth: number,
    private readonly target: ScanTarget,
    private readonly signal?: AbortSignal,
  ) {}

  get unit(): UnitRef | undefined {
    return this.collector.unit;
  }

  report(input: FindingInput): void {
    const rule = getRule(input.ruleId);
    const member = [this.target.member, input.member].filter(Boolean).join(' > ') || undefined;
    const finding: Finding = Object.freeze({
      ruleId: rule.id,
      severity: input.severity ?? rule.severity,
      message: input.message,
      location: Object.freeze({
        path: this.collector.path,
        ...(member ? { member } : {}),
        ...(input.offset !== undefined && input.offset >= 0 ? { offset: input.offset } : {}),
        ...(input.opcodeIndex !== undefined && input.opcodeIndex >= 0
          ? { opcodeIndex: input.opcodeIndex }
          : {}),
        ...(input.line !== undefined ? { line: input.line } : {}),
      }),
      ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
      ...(rule.cwe ? { cwe: rule.cwe } : {}),
      scanner: this.scannerId,
    });
    this.collector.findings.push(finding);
    this.count++;
    if (this.worst === undefined || severityRank(finding.severity) > severityRank(this.worst))
      this.worst = finding.severity;
  }

  detail(key: string, value: unknown): void {
    if (this.target.member === undefined) this.collector.details[key] = value;
    else {
      const perMember = (this.collector.details.memberDetails ??= {}) as Record<
        string,
        Record<string, unknown>
      >;
      if (Object.keys(perMember).length < MAX_MEMBER_DETAILS)
        (perMember[this.target.member] ??= {})[key] = value;
    }
  }

  claim(claim: IdentityClaim): void {
    if (this.collector.claims.length >= MAX_CLAIMS) return;
    const value = claim.value.replace(CONTROL_CHARS, ' ').trim().slice(0, MAX_CLAIM_VALUE);
    if (!value) return;
    const source = (
      this.target.member ? `${this.target.member}: ${claim.source}` : claim.source
    ).slice(0, MAX_CLAIM_SOURCE);
    this.collector.claims.push(Object.freeze({ field: claim.field, value, source }));
  }

  modelMetadata(claim: ModelMetadataClaim): void {
    if (!this.isTopLevel()) return; // a config.json inside an archive says nothing about a directory
    const m = this.collector.metadata;
    m.marks ??= claim.marks;
    for (const c of claim.components ?? [])
      if (m.components.length < MAX_COMPONENTS && !m.components.includes(c)) m.components.push(c);
    for (const p of claim.problems ?? [])
      if (m.problems.length < MAX_PROBLEMS) m.problems.push(p.slice(0, MAX_CLAIM_VALUE));
  }

  sibling(rel: string): Promise<SiblingEntry | undefined> {
    return this.neighbourhood().sibling(rel);
  }

  listDir(rel: string): Promise<SiblingListing | undefined> {
    return this.neighbourhood().listDir(rel);
  }

  private isTopLevel(): boolean {
    return this.depth === 0 && this.target.member === undefined;
  }

  /**
   * The directory around the top-level file; archive members have none, except the decoded
   * content of a compressed top-level file, whose loader resolves names beside the file.
   */
  private neighbourhood(): Neighbourhood {
    if (!this.isTopLevel() && !this.inheritsNeighbourhood) return NO_NEIGHBOURHOOD;
    return (this.collector.neighbourhood ??= new DirectoryNeighbourhood(
      dirname(this.collector.path),
      this.collector.stats,
      this.limits,
      () => this.checkpoint(),
    ));
  }

  layouts(): readonly ArchiveLayout[] {
    return ARCHIVE_LAYOUTS;
  }

  fileState<T>(key: symbol, create: () => T): T {
    const state = this.collector.state;
    if (!state.has(key)) state.set(key, create());
    return state.get(key) as T;
  }

  checkpoint(): void {
    if (this.signal?.aborted) throw new ScanInterrupted('aborted');
    if (Date.now() > this.deadline) throw new ScanInterrupted('timeout');
  }

  async scanMember(target: ScanTarget): Promise<MemberResult> {
    this.checkpoint();
    const child = new EngineContext(
      this.collector,
      this.limits,
      this.deadline,
      this.depth + 1,
      target,
      this.signal,
    );
    child.inheritsNeighbourhood =
      target.sameDirectory === true &&
      (this.inheritsNeighbourhood || (this.depth === 0 && this.target.member === undefined));
    if (child.depth > this.limits.maxDepth) {
      child.report({
        ruleId: 'MA1002',
        message: `nesting deeper than ${this.limits.maxDepth} levels; this member was not scanned`,
        evidence: 'maxDepth',
      });
      return { format: 'unscanned', findings: child.count, worst: child.worst };
    }
    const format = await child.run();
    if (this.collector.members.length < MAX_MEMBER_DETAILS) {
      this.collector.members.push({
        member: target.member ?? target.name,
        format,
        findings: child.count,
      });
    }
    this.count += child.count;
    if (
      child.worst &&
      (this.worst === undefined || severityRank(child.worst) > severityRank(this.worst))
    )
      this.worst = child.worst;
    return { format, findings: child.count, worst: child.worst };
  }

  async randomAccess(target: ScanTarget): Promise<RandomAccessSource> {
    if (target.source) return target.source;
    const stream = target.openStream();
    try {
      const limit = this.limits.maxInMemoryBytes;
      const parts: Buffer[] = [];
      let total = 0;
      for (;;) {
        this.checkpoint();
        const chunk = await stream.read(1 << 20);
        if (!chunk) break;
        total += chunk.length;
        if (total > limit) {
          // Too large for memory: spill the rest to a private temporary file.
          return await this.spill(parts, chunk, stream);
        }
        parts.push(Buffer.from(chunk));
      }
      return new BufferSource(Buffer.concat(parts, total));
    } finally {
      await stream.close();
    }
  }

  private async spill(
    parts: Buffer[],
    pending: Buffer,
    stream: ReturnType<ScanTarget['openStream']>,
  ): Promise<RandomAccessSource> {
    const dir = await mkdtemp(join(tmpdir(), 'modelaudit-'));
    this.collector.onCleanup(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'member');
    await writeFile(file, Buffer.concat(parts));
    const handle = await open(file, 'a');
    try {
      await handle.write(pending);
      for (;;) {
        this.checkpoint();
        const chunk = await stream.read(1 << 20);
        if (!chunk) break;
        await handle.write(chunk);
      }
    } finally {
      await handle.close();
    }
    const source = await FileSource.open(file, new IoStats());
    this.collector.onCleanup(() => source.close());
    return source;
  }

  /** Identifies the target and runs its scanner; returns the format. */
  async run(): Promise<string> {
    const target = this.target;
    let id = await identify(
      {
        head: target.head,
        name: target.name,
        size: target.size,
        ...(target.source ? { source: target.source } : {}),
      },
      DETECTORS,
    );
    this.scannerId = 'identify';
    const mismatch = await checkNameMismatch(target, id, this);
    if (mismatch) id = { format: mismatch.scanAs ?? 'not-a-model', by: 'content' };
    if (target.member === undefined) this.collector.format = id.format;
    const scanner = scannerFor(id.format);
    if (!scanner && mismatch) return id.format; // MA1005 said what the content is
    if (!scanner) {
      this.scannerId = 'identify';
      this.report({
        ruleId: 'MA1003',
        message:
          id.format === 'unknown'
            ? 'not a format modelaudit recognises; it was not scanned for code'
            : `recognised as ${id.format}, but no scanner handles it`,
        evidence: describeHead(target.head),
      });
      return id.format;
    }
    if (isExtensionMismatch(target.name, detectorFor(id.format))) {
      this.scannerId = 'identify';
      this.report({
        ruleId: 'MA1005',
        message: `named like a data-only file but its content is ${id.format}`,
        evidence: `${target.name}: ${id.format}`,
      });
    }
    await this.runScanner(scanner, target);
    return id.format;
  }

  private async runScanner(scanner: Scanner, target: ScanTarget): Promise<void> {
    this.scannerId = scanner.id;
    try {
      await scanner.scan(target, this);
    } catch (err) {
      if (err instanceof ScanInterrupted) throw err; // the whole file's budget is spent
      if (err instanceof LimitExceeded) {
        this.report({
          ruleId: 'MA1002',
          message: `scan incomplete: ${err.message}`,
          evidence: err.limit,
        });
        return;
      }
      if (err instanceof MalformedInput) {
        this.report({
          ruleId: 'MA1009',
          message: `${target.member ?? target.name} is malformed: ${err.message}; the rest was not examined`,
          evidence: err.message.slice(0, 200),
          ...(err.offset !== undefined && err.offset >= 0 ? { offset: err.offset } : {}),
        });
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      this.report({
        ruleId: 'MA1004',
        message: `the ${scanner.id} scanner failed: ${message}`,
        evidence: message,
      });
    }
  }
}

/** A short, printable description of the first bytes, for unknown-format findings. */
function describeHead(head: Buffer): string {
  const sample = head.subarray(0, 16);
  const printable = /^[\x20-\x7e\t\r\n]*$/.test(sample.toString('latin1'));
  return printable ? JSON.stringify(sample.toString('latin1')) : sample.toString('hex');
}
