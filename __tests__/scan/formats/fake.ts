/**
 * Test doubles for the formats family: a ScanContext that records findings and claims, an
 * in-memory ArchiveView, and targets over buffers.
 */
import { resolveLimits } from '../../../src/options/options.js';
import { BufferSource } from '../../../src/io/source.js';
import { SourceStream } from '../../../src/io/stream.js';
import type {
  IdentityClaim,
  MemberResult,
  ScanContext,
  ScanTarget,
} from '../../../src/scan/base.js';
import type { FindingInput } from '../../../src/findings/finding.js';
import type { ArchiveView } from '../../../src/scan/base.js';
import { ARCHIVE_LAYOUTS } from '../../../src/scan/registry.js';

export class FakeContext implements ScanContext {
  readonly limits = resolveLimits();
  readonly depth = 0;
  readonly findings: FindingInput[] = [];
  readonly claims: IdentityClaim[] = [];
  readonly members: ScanTarget[] = [];
  readonly details: Record<string, unknown> = {};
  report(f: FindingInput): void {
    this.findings.push(f);
  }
  detail(key: string, value: unknown): void {
    this.details[key] = value;
  }
  claim(c: IdentityClaim): void {
    this.claims.push(c);
  }
  checkpoint(): void {}
  private readonly state = new Map<symbol, unknown>();
  fileState<T>(key: symbol, create: () => T): T {
    if (!this.state.has(key)) this.state.set(key, create());
    return this.state.get(key) as T;
  }
  scanMember(target: ScanTarget): Promise<MemberResult> {
    this.members.push(target);
    return Promise.resolve({ format: 'fake', findings: 0, worst: undefined });
  }
  randomAccess(target: ScanTarget): Promise<BufferSource> {
    return Promise.resolve(target.source as BufferSource);
  }
  layouts(): typeof ARCHIVE_LAYOUTS {
    return ARCHIVE_LAYOUTS;
  }
  rules(): string[] {
    return [...new Set(this.findings.map((f) => f.ruleId))].sort();
  }
}

export function bufferTarget(data: Buffer | string, name = 'sample', member?: string): ScanTarget {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  const source = new BufferSource(buf);
  return {
    path: `/nonexistent/${name}`,
    ...(member ? { member } : {}),
    name,
    size: buf.length,
    head: buf.subarray(0, 64 * 1024),
    openStream: () => new SourceStream(source),
    source,
  };
}

/** An archive held in memory, as container scanners hand archives to layouts. */
export function fakeArchive(files: Record<string, string | Buffer>, kind = 'zip'): ArchiveView {
  const entries = Object.entries(files).map(([name, data]) => ({
    name,
    size: Buffer.byteLength(data),
    isDirectory: false,
  }));
  return {
    kind,
    entries,
    open: (name) => Promise.resolve(bufferTarget(Buffer.from(files[name]!), name, name)),
    readText: (name, limit) => {
      const v = files[name];
      if (v === undefined) return Promise.reject(new Error(`no member ${name}`));
      const text = Buffer.from(v).toString('utf8');
      if (Buffer.byteLength(text) > limit) return Promise.reject(new RangeError('too large'));
      return Promise.resolve(text);
    },
  };
}
