/**
 * The limits every scan runs under, and the errors that stop a scan when one is reached. A leaf
 * module: readers, analysers and scanners all check the same limits.
 */

export interface Limits {
  /** Files larger than this are not read; a limit finding is reported instead. */
  readonly maxFileBytes: number;
  /** Wall-clock budget for one top-level file, members included. */
  readonly timeoutMs: number;
  /** Opcodes interpreted per pickle stream (all pickles of one stream together). */
  readonly maxPickleOpcodes: number;
  /** Values on the pickle stack at once. */
  readonly maxPickleStack: number;
  /** Entries in the pickle memo. */
  readonly maxPickleMemo: number;
  /** Bytes kept of one string or bytes constant; longer payloads are skipped by seeking. */
  readonly maxConstantBytes: number;
  /** Nesting of containers (archive in archive, pickle in pickle). */
  readonly maxDepth: number;
  /** Members examined per container. */
  readonly maxMembers: number;
  /** Total bytes produced by decompression for one top-level file. */
  readonly maxDecompressedBytes: number;
  /** Largest tolerated ratio of decompressed to compressed size for one member. */
  readonly maxCompressionRatio: number;
  /** Largest member copied into memory when a scanner needs random access to it. */
  readonly maxInMemoryBytes: number;
  /** Files and directories looked up or listed around one top-level file (its neighbourhood). */
  readonly maxSiblingLookups: number;
  /** Entries returned by one directory listing of the neighbourhood. */
  readonly maxDirEntries: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxFileBytes: 256 * 1024 ** 3,
  timeoutMs: 120_000,
  maxPickleOpcodes: 100_000_000,
  maxPickleStack: 1_000_000,
  maxPickleMemo: 4_000_000,
  maxConstantBytes: 64 * 1024,
  maxDepth: 8,
  maxMembers: 100_000,
  maxDecompressedBytes: 16 * 1024 ** 3,
  maxCompressionRatio: 200,
  maxInMemoryBytes: 64 * 1024 * 1024,
  maxSiblingLookups: 10_000,
  maxDirEntries: 10_000,
});

/** Scanning must stop: the time budget ran out, the scan was aborted or a limit was reached. */
export class ScanStop extends Error {
  override name = 'ScanStop';
}

/** The time budget ran out or the scan was aborted. */
export class ScanInterrupted extends ScanStop {
  override name = 'ScanInterrupted';
  constructor(readonly reason: 'timeout' | 'aborted') {
    super(reason === 'timeout' ? 'time limit reached' : 'scan aborted');
  }
}

/** A resource limit was reached; the rest of the target was not examined. */
export class LimitExceeded extends ScanStop {
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
