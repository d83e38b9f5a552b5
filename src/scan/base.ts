/**
 * The Scanner interface: one module per format family implements it. A scanner gets a
 * target (bytes it may read, never load) and a read-only context, and reports findings
 * through the context. It never prints, exits or reads configuration itself.
 */
import type { Limits } from '../options/options.js';
import type { Severity } from '../findings/finding.js';
import type { RandomAccessSource } from '../io/source.js';
import type { ByteStream } from '../io/stream.js';
import type { ArchiveLayout } from './plugin.js';

/** Bytes sniffed at the start of every file or member. */
export const HEAD_BYTES = 64 * 1024;

/** Something to scan: a file, or a member of a container. */
export interface ScanTarget {
  /** Path of the top-level file on disk. */
  readonly path: string;
  /** Member chain inside the top-level file (" > "-joined), undefined for the file itself. */
  readonly member?: string;
  /** Base name of the member or file, the only use of which is as a format hint. */
  readonly name: string;
  /** Length in bytes when known (decompressed streams may not know it). */
  readonly size: number | undefined;
  /** The first bytes (up to HEAD_BYTES). */
  readonly head: Buffer;
  /** A fresh sequential stream over the content from its first byte. */
  openStream(): ByteStream;
  /** Positioned reads, when the content sits on disk or in memory uncompressed. */
  readonly source?: RandomAccessSource;
}

export interface FindingInput {
  readonly ruleId: string;
  readonly message: string;
  readonly evidence?: string;
  readonly offset?: number;
  readonly opcodeIndex?: number;
  readonly line?: number;
  /** A sub-part of the target (appended to the member chain), e.g. "data.pkl". */
  readonly member?: string;
  /** Overrides the rule's default severity; reserved for rules documented to vary. */
  readonly severity?: Severity;
}

/** A fact about what model this is, read from its own metadata (name policies use it). */
export interface IdentityClaim {
  readonly field:
    | 'name'
    | 'family'
    | 'architecture'
    | 'base_model'
    | 'version'
    | 'license'
    | 'author'
    | 'finetune'
    | 'quantization'
    /** Parameter-count label such as "8B" or "8x7B" (GGUF general.size_label). */
    | 'size_label';
  readonly value: string;
  /** Where it was read, e.g. "gguf:general.name", "config.json:_name_or_path". */
  readonly source: string;
}

export interface ScanContext {
  readonly limits: Limits;
  /** Container nesting depth of the current target (0 for a file on disk). */
  readonly depth: number;
  report(finding: FindingInput): void;
  /** Records a fact about the target for the report (format version, members, counts…). */
  detail(key: string, value: unknown): void;
  /** Records what the target's metadata says the model is (name, family, licence…). */
  claim(claim: IdentityClaim): void;
  /** Throws ScanInterrupted once the time budget is spent or the scan is aborted. */
  checkpoint(): void;
  /** Identifies and scans a member of a container, under the depth limit. */
  scanMember(target: ScanTarget): Promise<MemberResult>;
  /** Positioned reads on a target, copying a stream into memory (within limits) if needed. */
  randomAccess(target: ScanTarget): Promise<RandomAccessSource>;
  /** Archive layouts every family registered (containers ask them what an archive is). */
  layouts(): readonly ArchiveLayout[];
}

/** What scanning one member amounted to. */
export interface MemberResult {
  readonly format: string;
  readonly findings: number;
  readonly worst: Severity | undefined;
}

export interface Scanner {
  readonly id: string;
  /** Formats (from utils/filetype) this scanner handles. */
  readonly formats: readonly string[];
  /** Rule IDs it may report. */
  readonly rules: readonly string[];
  scan(target: ScanTarget, ctx: ScanContext): Promise<void>;
}

/** Base of errors raised by scanners; the engine turns them into findings. */
export class ScannerError extends Error {
  override name = 'ScannerError';
}

/** The time budget ran out or the scan was aborted. */
export class ScanInterrupted extends ScannerError {
  override name = 'ScanInterrupted';
  constructor(readonly reason: 'timeout' | 'aborted') {
    super(reason === 'timeout' ? 'time limit reached' : 'scan aborted');
  }
}

/** A resource limit was reached; the rest of the target was not examined. */
export class LimitExceeded extends ScannerError {
  override name = 'LimitExceeded';
  constructor(
    readonly limit: keyof Limits,
    readonly value: number,
    detail: string,
  ) {
    super(`${limit} (${value}) reached: ${detail}`);
  }
}

/** A time limit, an abort or a resource limit: scanning must stop, not report a parse error. */
export function isScanStop(err: unknown): err is ScanInterrupted | LimitExceeded {
  return err instanceof ScanInterrupted || err instanceof LimitExceeded;
}
