/**
 * XXH64 (seed 0), incremental, in 32-bit halves: zstd frames end with the low 32 bits of the
 * XXH64 of their content, and a decoder that skips the check would accept content that the
 * reference decoder (and every loader built on it) refuses.
 */

// The five primes, as [high, low] 32-bit halves.
const P1H = 0x9e3779b1;
const P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d;
const P2L = 0x27d4eb4f;
const P3H = 0x165667b1;
const P3L = 0x9e3779f9;
const P4H = 0x85ebca77;
const P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f;
const P5L = 0x165667c5;

/** Result registers of the 64-bit helpers (avoids allocating a pair per operation). */
let rh = 0;
let rl = 0;

function mul(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  rl = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  rh =
    (a1 * b1 +
      (p01 >>> 16) +
      (p10 >>> 16) +
      (mid >>> 16) +
      Math.imul(ah, bl) +
      Math.imul(al, bh)) >>>
    0;
}

function add(ah: number, al: number, bh: number, bl: number): void {
  const lo = al + bl;
  rl = lo >>> 0;
  rh = (ah + bh + (lo > 0xffffffff ? 1 : 0)) >>> 0;
}

function rotl(h: number, l: number, n: number): void {
  if (n >= 32) {
    const t = h;
    h = l;
    l = t;
    n -= 32;
  }
  if (n === 0) {
    rh = h;
    rl = l;
    return;
  }
  rh = ((h << n) | (l >>> (32 - n))) >>> 0;
  rl = ((l << n) | (h >>> (32 - n))) >>> 0;
}

/** acc = rotl(acc + lane * P2, 31) * P1 */
function round(ah: number, al: number, lh: number, ll: number): void {
  mul(lh, ll, P2H, P2L);
  add(ah, al, rh, rl);
  rotl(rh, rl, 31);
  mul(rh, rl, P1H, P1L);
}

export class Xxh64 {
  private v = new Uint32Array(8); // v1..v4 as [h, l] pairs
  private readonly pending = new Uint8Array(32);
  private pendingLen = 0;
  private total = 0;

  constructor() {
    // v1 = P1 + P2, v2 = P2, v3 = 0, v4 = -P1
    add(P1H, P1L, P2H, P2L);
    this.v[0] = rh;
    this.v[1] = rl;
    this.v[2] = P2H;
    this.v[3] = P2L;
    // -P1 mod 2^64
    add(~P1H >>> 0, ~P1L >>> 0, 0, 1);
    this.v[6] = rh;
    this.v[7] = rl;
  }

  update(data: Uint8Array): void {
    this.total += data.length;
    let i = 0;
    if (this.pendingLen > 0) {
      const take = Math.min(32 - this.pendingLen, data.length);
      this.pending.set(data.subarray(0, take), this.pendingLen);
      this.pendingLen += take;
      i = take;
      if (this.pendingLen < 32) return;
      this.stripe(this.pending, 0);
      this.pendingLen = 0;
    }
    for (; i + 32 <= data.length; i += 32) this.stripe(data, i);
    if (i < data.length) {
      this.pending.set(data.subarray(i), 0);
      this.pendingLen = data.length - i;
    }
  }

  private stripe(d: Uint8Array, p: number): void {
    const v = this.v;
    for (let k = 0; k < 4; k++, p += 8) {
      const ll = (d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16) | (d[p + 3]! << 24)) >>> 0;
      const lh = (d[p + 4]! | (d[p + 5]! << 8) | (d[p + 6]! << 16) | (d[p + 7]! << 24)) >>> 0;
      round(v[2 * k]!, v[2 * k + 1]!, lh, ll);
      v[2 * k] = rh;
      v[2 * k + 1] = rl;
    }
  }

  /** The low 32 bits of the digest (what zstd stores). */
  digest32(): number {
    const v = this.v;
    let hh: number;
    let hl: number;
    if (this.total >= 32) {
      rotl(v[0]!, v[1]!, 1);
      let ah = rh;
      let al = rl;
      rotl(v[2]!, v[3]!, 7);
      add(ah, al, rh, rl);
      ah = rh;
      al = rl;
      rotl(v[4]!, v[5]!, 12);
      add(ah, al, rh, rl);
      ah = rh;
      al = rl;
      rotl(v[6]!, v[7]!, 18);
      add(ah, al, rh, rl);
      hh = rh;
      hl = rl;
      for (let k = 0; k < 4; k++) {
        round(0, 0, v[2 * k]!, v[2 * k + 1]!);
        hh = (hh ^ rh) >>> 0;
        hl = (hl ^ rl) >>> 0;
        mul(hh, hl, P1H, P1L);
        add(rh, rl, P4H, P4L);
        hh = rh;
        hl = rl;
      }
    } else {
      hh = P5H;
      hl = P5L;
    }
    add(hh, hl, Math.floor(this.total / 0x100000000) >>> 0, this.total >>> 0);
    hh = rh;
    hl = rl;
    const d = this.pending;
    const n = this.pendingLen;
    let p = 0;
    for (; p + 8 <= n; p += 8) {
      const ll = (d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16) | (d[p + 3]! << 24)) >>> 0;
      const lh = (d[p + 4]! | (d[p + 5]! << 8) | (d[p + 6]! << 16) | (d[p + 7]! << 24)) >>> 0;
      round(0, 0, lh, ll);
      hh = (hh ^ rh) >>> 0;
      hl = (hl ^ rl) >>> 0;
      rotl(hh, hl, 27);
      mul(rh, rl, P1H, P1L);
      add(rh, rl, P4H, P4L);
      hh = rh;
      hl = rl;
    }
    if (p + 4 <= n) {
      const w = (d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16) | (d[p + 3]! << 24)) >>> 0;
      mul(0, w, P1H, P1L);
      hh = (hh ^ rh) >>> 0;
      hl = (hl ^ rl) >>> 0;
      rotl(hh, hl, 23);
      mul(rh, rl, P2H, P2L);
      add(rh, rl, P3H, P3L);
      hh = rh;
      hl = rl;
      p += 4;
    }
    for (; p < n; p++) {
      mul(0, d[p]!, P5H, P5L);
      hh = (hh ^ rh) >>> 0;
      hl = (hl ^ rl) >>> 0;
      rotl(hh, hl, 11);
      mul(rh, rl, P1H, P1L);
      hh = rh;
      hl = rl;
    }
    // Avalanche: h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32.
    hl = (hl ^ (hh >>> 1)) >>> 0;
    mul(hh, hl, P2H, P2L);
    hh = rh;
    hl = rl;
    const l29 = ((hl >>> 29) | (hh << 3)) >>> 0;
    hh = (hh ^ (hh >>> 29)) >>> 0;
    hl = (hl ^ l29) >>> 0;
    mul(hh, hl, P3H, P3L);
    return (rl ^ rh) >>> 0;
  }
}
