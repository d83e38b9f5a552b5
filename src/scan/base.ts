/**
 * The Scanner interface: one module per format family implements it. A scanner gets a
 * target (bytes it may read, never load) and a read-only context, and reports findings
 * through the context. It never prints, exits or reads configuration itself.
 */
import type { Limits } from '../io/limits.js';
import type { FindingInput, Severity, UnitRef } from '../findings/finding.js';
import type { RandomAccessSource } from '../io/source.js';
import type { ByteStream } from '../io/stream.js';
import type { Detector } from '../identify/identify.js';

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
  /** The model unit (directory forming one model) the file on disk belongs to, from discovery. */
  readonly unit?: UnitRef;
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
  /**
   * State shared by everything scanned within one top-level file (budgets, caches), created on
   * first use: per-file state never lives in module globals.
   */
  fileState<T>(key: symbol, create: () => T): T;
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

/*
 * How a format family plugs into the engine: its detectors (format identification), its
 * scanners, and the archive layouts it recognises (a .keras file is a zip with config.json,
 * a PyTorch checkpoint is a zip with data.pkl…). Each family owns one plugin module.
 */

/** A member of an archive, as listed by its directory. */
export interface ArchiveEntry {
  readonly name: string;
  /** Uncompressed size when the archive declares it. */
  readonly size: number | undefined;
  readonly isDirectory: boolean;
}

/** An opened archive, as containers hand it to the layouts that recognise it. */
export interface ArchiveView {
  /** Container kind: "zip", "tar"… */
  readonly kind: string;
  readonly entries: readonly ArchiveEntry[];
  /** Opens a member for scanning (streaming, bounded by the limits). */
  open(name: string): Promise<ScanTarget>;
  /** Reads a small member whole as UTF-8, failing past `limit` bytes. */
  readText(name: string, limit: number): Promise<string>;
}

/**
 * A format that is an archive with a known layout. The container scanner lists the members,
 * asks each layout whether it matches, and lets the first match scan the archive. Members the
 * layout does not scan itself are still identified and scanned one by one, unless the layout
 * returns "handled".
 */
export interface ArchiveLayout {
  readonly format: string;
  matches(entries: readonly ArchiveEntry[], target: ScanTarget): boolean;
  scan(archive: ArchiveView, target: ScanTarget, ctx: ScanContext): Promise<'handled' | 'continue'>;
}

export interface ScannerPlugin {
  readonly name: string;
  /** Run in order, before the pickle probe (which is a heuristic and goes last). */
  readonly detectors: readonly Detector[];
  readonly scanners: readonly Scanner[];
  readonly layouts: readonly ArchiveLayout[];
}
