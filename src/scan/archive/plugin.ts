/**
 * The archive family: containers (zip, tar, 7z, compressed streams) and the pickle-bearing
 * formats built on them (PyTorch zip and legacy checkpoints, TorchScript, joblib, NumPy).
 * Detectors go by content: zips also by their end record (archives with a prefix).
 */
import { hasZipEnd } from '../../io/zip.js';
import { probePickle } from '../../analysis/pickle/probe.js';
import type { Detector, SniffInput } from '../../identify/identify.js';
import { DEFAULT_LIMITS } from '../../io/limits.js';
import type { ScannerPlugin } from '../base.js';
import { compressedFormat, compressedScanner } from './compressed.js';
import { isJoblib, joblibScanner } from './joblib.js';
import { isNpy, npyScanner, npzLayout } from './numpy.js';
import { pytorchLegacyScanner, pytorchZipLayout, startsWithLegacyMagic } from './pytorch.js';
import { sevenZipScanner, isSevenZip } from './sevenzip.js';
import { tarScanner } from './tar.js';
import { isTarHeader } from '../../io/tar.js';
import { torchScriptLayout } from './torchscript.js';
import { undecodableDetectors, undecodableScanner } from './undecodable.js';
import { isTorchMobileFlatbuffer, torchMobileScanner } from './torch-mobile.js';
import { isWholeFileView, zipDirectoryOf, zipScanner } from './zip.js';
import type { ArchiveEntry } from '../base.js';

function startsLikeZip(h: Buffer): boolean {
  return (
    h.length >= 4 &&
    h[0] === 0x50 &&
    h[1] === 0x4b &&
    (h[2] === 3 || h[2] === 5) &&
    (h[3] === 4 || h[3] === 6)
  );
}

/** A zip by its first bytes, or by its end record (archives with bytes in front of them). */
async function isZip(i: SniffInput): Promise<boolean> {
  if (startsLikeZip(i.head)) return true;
  return i.source !== undefined && !isWholeFileView(i.source) && (await hasZipEnd(i.source));
}

/** A zip whose directory matches a layout (needs positioned reads; member streams are plain zips). */
function zipLayoutDetector(
  format: string,
  match: (e: readonly ArchiveEntry[]) => boolean,
): Detector {
  return {
    format,
    async content(i) {
      if (!i.source || !startsLikeZip(i.head)) return false;
      const d = await zipDirectoryOf(i.source, DEFAULT_LIMITS.maxMembers);
      return 'dir' in d && match(d.dir.entries);
    },
    executable: true,
  };
}

function compressedDetector(format: string, extensions: readonly string[]): Detector {
  return {
    format,
    content: async (i) => (await compressedFormat(i)) === format,
    extensions,
    executable: true,
  };
}

export const archivePlugin: ScannerPlugin = {
  name: 'archive',
  detectors: [
    { format: 'pytorch-legacy', content: (i) => startsWithLegacyMagic(i.head), executable: true },
    { format: 'numpy', content: (i) => isNpy(i.head), extensions: ['.npy'] },
    {
      format: 'torch-mobile-flatbuffer',
      content: (i) => isTorchMobileFlatbuffer(i.head),
      executable: true,
    },
    zipLayoutDetector('torchscript', (e) => torchScriptLayout.matchesNames(e)),
    zipLayoutDetector('pytorch-zip', (e) => pytorchZipLayout.matchesNames(e)),
    zipLayoutDetector('npz', (e) => npzLayout.matchesNames(e)),
    {
      format: 'zip',
      content: (i) => startsLikeZip(i.head),
      extensions: ['.zip', '.npz', '.pt', '.pth'],
      executable: true,
    },
    { format: 'tar', content: (i) => isTarHeader(i.head), extensions: ['.tar'], executable: true },
    { format: '7z', content: (i) => isSevenZip(i.head), extensions: ['.7z'], executable: true },
    compressedDetector('joblib-compressed', []),
    compressedDetector('gzip', ['.gz', '.tgz']),
    compressedDetector('bzip2', ['.bz2']),
    compressedDetector('xz', ['.xz']),
    compressedDetector('lzma', ['.lzma']),
    compressedDetector('lz4', ['.lz4']),
    compressedDetector('zstd', ['.zst', '.zstd', '.tzst']),
    compressedDetector('zlib', []),
    ...undecodableDetectors,
    {
      format: 'joblib',
      content: async (i) =>
        (await probePickle(i.head, i.size !== undefined && i.head.length >= i.size)) &&
        (await isJoblib(i)),
      extensions: ['.joblib'],
      executable: true,
    },
    // Last: a zip found by its end record behind other bytes (polyglots, self-extractors).
    { format: 'zip', content: isZip, executable: true },
  ],
  scanners: [
    zipScanner,
    pytorchLegacyScanner,
    tarScanner,
    sevenZipScanner,
    compressedScanner,
    undecodableScanner,
    joblibScanner,
    npyScanner,
    torchMobileScanner,
  ],
  layouts: [torchScriptLayout, pytorchZipLayout, npzLayout],
};
