/**
 * How a format family plugs into the engine: its detectors (format identification), its
 * scanners, and the archive layouts it recognises (a .keras file is a zip with config.json,
 * a PyTorch checkpoint is a zip with data.pkl…). Each family owns one plugin module.
 */
import type { ScanTarget, ScanContext, Scanner } from './base.js';
import type { Detector } from '../identify/identify.js';

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
