/**
 * CRC-32 (IEEE 802.3, as zip, gzip and xz use it), incremental: Node.js's own implementation
 * where the runtime has it (zlib.crc32, Node.js ≥ 20.15 / 22.2), a table-driven one otherwise.
 */
import * as zlib from 'node:zlib';

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The portable implementation (also what tests compare the native one against). */
export function crc32Portable(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

type Crc32 = (data: Uint8Array, crc?: number) => number;
const native = (zlib as unknown as { crc32?: Crc32 }).crc32;

/** Continues a CRC over `data` (start with crc = 0). */
export const crc32: Crc32 =
  typeof native === 'function' ? (data, crc = 0) => native(data, crc) : crc32Portable;
