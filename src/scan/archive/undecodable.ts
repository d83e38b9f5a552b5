/**
 * Compression and encoding formats modelaudit recognises but cannot decode. What they hold was
 * never examined while a loader (or a wrapper script) that decompresses them reads it whole, so
 * each is an ERROR of its own (MA3023), never an unknown-format INFO.
 */
import type { Detector } from '../../identify/identify.js';
import type { Scanner } from '../base.js';

interface UndecodableFormat {
  readonly format: string;
  /** How users name it. */
  readonly label: string;
  /** True when the head carries its signature; absent when the format has none (brotli). */
  readonly magic?: (head: Buffer) => boolean;
  /** Names that identify it when no content signature matched anything. */
  readonly extensions?: readonly string[];
}

function startsWith(head: Buffer, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}

export const UNDECODABLE_FORMATS: readonly UndecodableFormat[] = [
  {
    format: 'lzip',
    label: 'lzip',
    // "LZIP", version 0 or 1, then a dictionary-size byte.
    magic: (h) => startsWith(h, [0x4c, 0x5a, 0x49, 0x50]) && h.length >= 6 && h[4]! <= 1,
  },
  {
    format: 'lzop',
    label: 'lzop',
    magic: (h) => startsWith(h, [0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    format: 'unix-compress',
    label: 'Unix compress (.Z)',
    // 1f 9d, then flags: block mode bit and 9–16 maximum code bits, reserved bits clear.
    magic: (h) =>
      startsWith(h, [0x1f, 0x9d]) &&
      h.length >= 3 &&
      (h[2]! & 0x60) === 0 &&
      (h[2]! & 0x1f) >= 9 &&
      (h[2]! & 0x1f) <= 16,
  },
  {
    format: 'lzfse',
    label: 'LZFSE',
    // Block magics: bvx1 (uncompressed-coded), bvx2 (LZFSE), bvxn (LZVN), bvx- (raw).
    magic: (h) =>
      startsWith(h, [0x62, 0x76, 0x78]) &&
      h.length >= 8 &&
      [0x31, 0x32, 0x6e, 0x2d].includes(h[3]!),
  },
  {
    format: 'snappy-framed',
    label: 'Snappy (framing format)',
    magic: (h) => startsWith(h, [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59]),
  },
  {
    format: 'brotli',
    label: 'brotli',
    // brotli streams have no signature: only the name says what they are.
    extensions: ['.br'],
  },
];

/** Detectors, after every decodable format's (content first; brotli by name only). */
export const undecodableDetectors: readonly Detector[] = UNDECODABLE_FORMATS.map((f) => ({
  format: f.format,
  ...(f.magic ? { content: (i) => f.magic!(i.head) } : {}),
  ...(f.extensions ? { extensions: f.extensions } : {}),
  executable: true,
}));

export const undecodableScanner: Scanner = {
  id: 'undecodable',
  formats: UNDECODABLE_FORMATS.map((f) => f.format),
  rules: ['MA3023'],
  scan(target, ctx) {
    const f = UNDECODABLE_FORMATS.find((u) => u.magic?.(target.head));
    const byName = f
      ? undefined
      : UNDECODABLE_FORMATS.find((u) =>
          u.extensions?.some((e) => target.name.toLowerCase().endsWith(e)),
        );
    const label = (f ?? byName)?.label ?? 'compressed';
    ctx.report({
      ruleId: 'MA3023',
      message: f
        ? `${label} data could not be checked: modelaudit cannot decompress it, and a loader may`
        : `named as ${label}-compressed (which has no signature to check) and not recognised otherwise: it could not be checked, and a loader may decompress it`,
      evidence: `${label}: ${target.head.subarray(0, 16).toString('hex')}`,
    });
    return Promise.resolve();
  },
};
