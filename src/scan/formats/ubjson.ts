/**
 * UBJSON, as XGBoost writes it (`save_model("model.ubj")`): parsed into values (numeric
 * arrays in their optimized form become typed arrays), then checked like the JSON model.
 */
import type { Scanner } from '../base.js';
import { StreamCursor } from '../../io/stream-cursor.js';
import { FormatError } from '../../io/paged.js';
import { parseStructure } from './common/structure.js';
import { analyzeJson } from '../huggingface/json-metadata.js';

const MAX_UBJ_BYTES = 512 * 1024 * 1024;
const MAX_DEPTH = 128;
const MAX_ITEMS = 100_000_000;

/** XGBoost's UBJSON starts with an object whose first key is "learner" or "version". */
export function isUbjsonModel(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0x7b) return false;
  const text = head.toString('latin1', 0, Math.min(head.length, 64));
  return /^\{[iUIlL]/.test(text) && /learner|version/.test(text);
}

const SIZES: Record<string, number> = {
  i: 1,
  U: 1,
  I: 2,
  l: 4,
  L: 8,
  d: 4,
  D: 8,
  C: 1,
  T: 0,
  F: 0,
  Z: 0,
  N: 0,
};

export const ubjsonScanner: Scanner = {
  id: 'ubjson',
  formats: ['xgboost-ubjson'],
  rules: ['MA5900', 'MA1006', 'MA5501', 'MA5502', 'MA5503'],
  async scan(target, ctx) {
    if ((target.size ?? 0) > MAX_UBJ_BYTES) {
      ctx.report({
        ruleId: 'MA1006',
        message: `UBJSON model over ${MAX_UBJ_BYTES} bytes was not parsed`,
        evidence: `${target.size} bytes`,
      });
      return;
    }
    const stream = target.openStream();
    const c = new StreamCursor(stream);
    let items = 0;
    let root: unknown;
    try {
      await parseStructure(ctx, 'UBJSON', async () => {
        const num = async (m: string): Promise<number | bigint> => {
          const b = await c.take(SIZES[m] ?? 0);
          switch (m) {
            case 'i':
              return b.readInt8(0);
            case 'U':
              return b.readUInt8(0);
            case 'I':
              return b.readInt16BE(0);
            case 'l':
              return b.readInt32BE(0);
            case 'L':
              return b.readBigInt64BE(0);
            case 'd':
              return b.readFloatBE(0);
            case 'D':
              return b.readDoubleBE(0);
            default:
              throw new FormatError(
                `${JSON.stringify(m)} is not a numeric marker at offset ${c.offset}`,
              );
          }
        };
        const length = async (): Promise<number> => {
          const m = String.fromCharCode(await c.u8());
          const n = Number(await num(m));
          if (!Number.isSafeInteger(n) || n < 0)
            throw new FormatError(`bad length ${n} at offset ${c.offset}`);
          return n;
        };
        const str = async (): Promise<string> => (await c.take(await length())).toString('utf8');
        const typed = async (type: string, count: number): Promise<unknown> => {
          const size = SIZES[type];
          if (size === undefined)
            throw new FormatError(`bad element type ${JSON.stringify(type)} at offset ${c.offset}`);
          if (size === 0)
            return new Array(count).fill(type === 'T' ? true : type === 'F' ? false : null);
          const b = Buffer.from(await c.take(count * size));
          const out =
            type === 'd'
              ? new Float32Array(count)
              : type === 'D'
                ? new Float64Array(count)
                : type === 'L'
                  ? new Float64Array(count)
                  : new Int32Array(count);
          for (let i = 0; i < count; i++) {
            const o = i * size;
            out[i] =
              type === 'i'
                ? b.readInt8(o)
                : type === 'U'
                  ? b.readUInt8(o)
                  : type === 'I'
                    ? b.readInt16BE(o)
                    : type === 'l'
                      ? b.readInt32BE(o)
                      : type === 'L'
                        ? Number(b.readBigInt64BE(o))
                        : type === 'd'
                          ? b.readFloatBE(o)
                          : b.readDoubleBE(o);
          }
          return out;
        };
        const value = async (marker: string, depth: number): Promise<unknown> => {
          if (depth > MAX_DEPTH) throw new FormatError(`nesting deeper than ${MAX_DEPTH}`);
          if (++items > MAX_ITEMS) throw new FormatError(`more than ${MAX_ITEMS} values`);
          if (items % 65536 === 0) ctx.checkpoint();
          switch (marker) {
            case 'Z':
              return null;
            case 'T':
              return true;
            case 'F':
              return false;
            case 'S':
            case 'H':
              return str();
            case 'C':
              return String.fromCharCode(await c.u8());
            case '[':
            case '{': {
              const isObj = marker === '{';
              let m = String.fromCharCode(await c.u8());
              let type: string | undefined;
              let count: number | undefined;
              if (m === '$') {
                type = String.fromCharCode(await c.u8());
                m = String.fromCharCode(await c.u8());
                if (m !== '#')
                  throw new FormatError(`typed container without a count at offset ${c.offset}`);
              }
              if (m === '#') count = await length();
              if (!isObj && type && count !== undefined) return typed(type, count);
              const out: unknown[] = [];
              const obj: Record<string, unknown> = {};
              for (let i = 0; count === undefined || i < count; i++) {
                if (count === undefined) {
                  if (i > 0) m = String.fromCharCode(await c.u8());
                  if (m === (isObj ? '}' : ']')) break;
                  while (m === 'N') m = String.fromCharCode(await c.u8());
                }
                if (isObj) {
                  let key: string;
                  if (count === undefined) {
                    const n = Number(await num(m));
                    key = (await c.take(n)).toString('utf8');
                  } else key = await str();
                  obj[key] = await value(type ?? String.fromCharCode(await c.u8()), depth + 1);
                } else {
                  const mk = count === undefined ? m : (type ?? String.fromCharCode(await c.u8()));
                  out.push(await value(mk, depth + 1));
                }
              }
              return isObj ? obj : out;
            }
            default:
              return num(marker);
          }
        };
        root = await value(String.fromCharCode(await c.u8()), 0);
        if (!(await c.atEnd()))
          throw new FormatError(`bytes follow the top-level value at offset ${c.offset}`);
      });
    } finally {
      await stream.close();
    }
    if (root !== undefined) await analyzeJson(root, target, ctx);
  },
};
