/**
 * R serialization (readRDS / load: .rds, .RData) in the XDR binary form, after any gzip,
 * bzip2 or xz layer has been removed by the container scanners. Promises (PROMSXP) run code
 * when the value is first used (CVE-2024-27322); closures and byte code that call system,
 * download or native-loading functions run them when called. The ASCII and native forms are
 * recognised but not parsed.
 */
import type { Scanner } from '../base.js';
import { StreamCursor } from '../../io/stream-cursor.js';
import { FormatError } from '../../io/paged.js';
import { parseStructure } from './common/structure.js';

const MAX_DEPTH = 4096;
const MAX_ITEMS = 50_000_000;

const DANGEROUS_CALLS = new Set([
  'system',
  'system2',
  'shell',
  'shell.exec',
  'pipe',
  'download.file',
  'source',
  'sys.source',
  'dyn.load',
  'library.dynam',
  'socketConnection',
  'make.socket',
  'socketAccept',
  'url',
  'curlGetHeaders',
  'Sys.setenv',
  'unlink',
  'file.remove',
  'processx::run',
]);

export function rSerializationKind(head: Buffer): 'xdr' | 'ascii' | 'native' | undefined {
  let h = head;
  if (h.toString('latin1', 0, 5) === 'RDX2\n' || h.toString('latin1', 0, 5) === 'RDX3\n')
    h = h.subarray(5);
  if (h.length < 14) return undefined;
  const fmt = h.toString('latin1', 0, 2);
  if (fmt === 'X\n') {
    const v = h.readInt32BE(2);
    return v === 2 || v === 3 ? 'xdr' : undefined;
  }
  if (fmt === 'A\n' && /^A\n[23]\n\d+\n\d+\n/.test(h.toString('latin1', 0, 32))) return 'ascii';
  if (fmt === 'B\n' && (h.readInt32LE(2) === 2 || h.readInt32LE(2) === 3)) return 'native';
  return undefined;
}

export const rdsScanner: Scanner = {
  id: 'r-serialized',
  formats: ['r-serialized'],
  rules: ['MA5611', 'MA5612', 'MA5900', 'MA1006'],
  async scan(target, ctx) {
    const kind = rSerializationKind(target.head);
    if (kind !== 'xdr') {
      ctx.report({
        ruleId: 'MA1006',
        message: `R serialization in ${kind ?? 'an unknown'} form: recognised, not parsed`,
        evidence: kind ?? 'unknown',
      });
      return;
    }
    const refs: (string | undefined)[] = [];
    let promises = 0;
    let items = 0;
    const calls = new Map<string, number>();
    // Parse from a fresh stream with the header handled explicitly.
    const s2 = target.openStream();
    const d = new StreamCursor(s2);
    try {
      await parseStructure(ctx, 'R serialization', async () => {
        const int = async (): Promise<number> => (await d.take(4)).readInt32BE(0);
        let prefix = (await d.take(2)).toString('latin1');
        if (prefix === 'RD') {
          await d.skip(3);
          prefix = (await d.take(2)).toString('latin1');
        }
        if (prefix !== 'X\n') throw new FormatError('not an XDR stream');
        const version = await int();
        await d.skip(8);
        if (version === 3) {
          const n = await int();
          if (n < 0 || n > 256) throw new FormatError(`native encoding name of ${n} bytes`);
          await d.skip(n);
        }
        const length = async (): Promise<number> => {
          let n = await int();
          if (n === -1) {
            const hi = await int();
            const lo = await int();
            n = hi * 2 ** 32 + (lo >>> 0);
          }
          if (n < 0 || !Number.isSafeInteger(n))
            throw new FormatError(`bad length ${n} at offset ${d.offset}`);
          return n;
        };
        const charsxp = async (): Promise<string | undefined> => {
          const n = await int();
          if (n === -1) return undefined;
          if (n < 0) throw new FormatError(`string of ${n} bytes`);
          if (n > 4096) {
            await d.skip(n);
            return undefined;
          }
          return (await d.take(n)).toString('utf8');
        };
        /** Reads one item; returns the symbol name when it is (or refers to) a symbol. */
        const item = async (depth: number, inCode: boolean): Promise<string | undefined> => {
          if (depth > MAX_DEPTH) throw new FormatError(`nesting deeper than ${MAX_DEPTH}`);
          if (++items > MAX_ITEMS) throw new FormatError(`more than ${MAX_ITEMS} items`);
          if (items % 65536 === 0) ctx.checkpoint();
          const flags = await int();
          const type = flags & 0xff;
          const hasAttr = (flags & (1 << 9)) !== 0;
          const hasTag = (flags & (1 << 10)) !== 0;
          switch (type) {
            case 254:
            case 242:
            case 241:
            case 253:
            case 252:
            case 251:
            case 247:
              return undefined;
            case 255: {
              let idx = flags >> 8;
              if (idx === 0) idx = await int();
              if (idx < 1 || idx > refs.length)
                throw new FormatError(`reference ${idx} of ${refs.length}`);
              return refs[idx - 1];
            }
            case 248:
            case 250:
            case 249: {
              await int();
              const n = await length();
              for (let i = 0; i < n; i++) await item(depth + 1, false);
              refs.push(undefined);
              return undefined;
            }
            case 1: {
              // SYMSXP: its name is a CHARSXP item.
              const at = refs.length;
              refs.push(undefined);
              const nameFlags = await int();
              if ((nameFlags & 0xff) !== 9)
                throw new FormatError(`symbol name of type ${nameFlags & 0xff}`);
              const name = await charsxp();
              refs[at] = name;
              return name;
            }
            case 4: {
              refs.push(undefined);
              await int();
              await item(depth + 1, inCode);
              await item(depth + 1, inCode);
              await item(depth + 1, inCode);
              await item(depth + 1, inCode);
              return undefined;
            }
            case 2:
            case 6:
            case 3:
            case 5:
            case 17: {
              if (type === 5) promises++;
              const code = inCode || type !== 2;
              // Pairlists are read iteratively along the cdr chain.
              let t = type;
              let attr = hasAttr;
              let tag = hasTag;
              for (let guard = 0; ; guard++) {
                if (guard > MAX_ITEMS) throw new FormatError('pairlist too long');
                if (attr) await item(depth + 1, code);
                if (tag) await item(depth + 1, code);
                const car = await item(depth + 1, code || t === 6);
                if (t === 6 && car) calls.set(car, (calls.get(car) ?? 0) + 1);
                // The cdr: another pairlist cell continues the loop.
                const f = await int();
                const ct = f & 0xff;
                if (ct === 2 || ct === 6 || ct === 3 || ct === 5 || ct === 17) {
                  if (ct === 5) promises++;
                  t = ct;
                  attr = (f & (1 << 9)) !== 0;
                  tag = (f & (1 << 10)) !== 0;
                  continue;
                }
                await rest(f, depth + 1, code);
                return undefined;
              }
            }
            default:
              return rest(flags, depth, inCode);
          }
        };
        /** Reads an item whose flags word was already consumed. */
        const rest = async (
          flags: number,
          depth: number,
          inCode: boolean,
        ): Promise<string | undefined> => {
          const type = flags & 0xff;
          const hasAttr = (flags & (1 << 9)) !== 0;
          switch (type) {
            case 254:
            case 242:
            case 241:
            case 253:
            case 252:
            case 251:
            case 247:
              return undefined;
            case 255:
            case 248:
            case 250:
            case 249:
            case 1:
            case 4:
            case 2:
            case 6:
            case 3:
            case 5:
            case 17: {
              // Re-dispatch through item() by pushing the flags back is not possible on a
              // stream; handle the common leaf forms here.
              if (type === 255) {
                let idx = flags >> 8;
                if (idx === 0) idx = await int();
                if (idx < 1 || idx > refs.length)
                  throw new FormatError(`reference ${idx} of ${refs.length}`);
                return refs[idx - 1];
              }
              if (type === 1) {
                const at = refs.length;
                refs.push(undefined);
                await int();
                refs[at] = await charsxp();
                return refs[at];
              }
              if (type === 248 || type === 250 || type === 249) {
                await int();
                const n = await length();
                for (let i = 0; i < n; i++) await item(depth + 1, false);
                refs.push(undefined);
                return undefined;
              }
              if (type === 4) {
                refs.push(undefined);
                await int();
                for (let i = 0; i < 4; i++) await item(depth + 1, inCode);
                return undefined;
              }
              throw new FormatError(`unexpected pairlist type ${type}`);
            }
            case 22:
              refs.push(undefined);
              await item(depth + 1, inCode);
              await item(depth + 1, inCode);
              break;
            case 23:
              refs.push(undefined);
              break;
            case 7:
            case 8:
              await d.skip(await int());
              break;
            case 9:
              await charsxp();
              return undefined;
            case 10:
            case 13:
              await d.skip((await length()) * 4);
              break;
            case 14:
              await d.skip((await length()) * 8);
              break;
            case 15:
              await d.skip((await length()) * 16);
              break;
            case 24:
              await d.skip(await length());
              break;
            case 16: {
              const n = await length();
              for (let i = 0; i < n; i++) await item(depth + 1, inCode);
              break;
            }
            case 19:
            case 20: {
              const n = await length();
              for (let i = 0; i < n; i++) await item(depth + 1, inCode || type === 20);
              break;
            }
            case 21:
              await bytecode(depth + 1);
              break;
            case 25:
              break;
            case 238: {
              // ALTREP: (class, package, type) info, then state and attributes.
              await item(depth + 1, false);
              await item(depth + 1, false);
              await item(depth + 1, false);
              return undefined;
            }
            default:
              throw new FormatError(`unknown item type ${type} at offset ${d.offset - 4}`);
          }
          if (hasAttr) await item(depth + 1, inCode);
          return undefined;
        };
        const bytecode = async (depth: number): Promise<void> => {
          const reps = await int();
          if (reps < 0 || reps > 1 << 24)
            throw new FormatError(`byte code with ${reps} shared cells`);
          await bc1(depth);
        };
        const bc1 = async (depth: number): Promise<void> => {
          await item(depth + 1, true); // the code vector
          const n = await int();
          if (n < 0) throw new FormatError(`byte code with ${n} constants`);
          for (let i = 0; i < n; i++) {
            const type = await int();
            if (type === 21) await bc1(depth + 1);
            else if (
              type === 6 ||
              type === 2 ||
              type === 243 ||
              type === 244 ||
              type === 240 ||
              type === 239
            )
              await bcLang(type, depth + 1);
            else await item(depth + 1, true);
          }
        };
        const bcLang = async (type: number, depth: number): Promise<string | undefined> => {
          if (depth > MAX_DEPTH) throw new FormatError(`nesting deeper than ${MAX_DEPTH}`);
          if (type === 243) {
            await int();
            return undefined;
          }
          if (type === 244 || type === 6 || type === 2 || type === 240 || type === 239) {
            let t = type;
            if (t === 244) {
              await int();
              t = await int();
            }
            if (t === 240 || t === 239) await item(depth + 1, true);
            await item(depth + 1, true); // tag
            const car = await bcLang(await int(), depth + 1);
            if ((t === 6 || t === 240) && car) calls.set(car, (calls.get(car) ?? 0) + 1);
            await bcLang(await int(), depth + 1);
            return undefined;
          }
          // Any other item follows its marker in full.
          return item(depth + 1, true);
        };
        await item(0, false);
      });
    } finally {
      await s2.close();
    }
    if (promises)
      ctx.report({
        ruleId: 'MA5611',
        message: `${promises} unevaluated promise(s): R evaluates their expression when the loaded value is first used`,
        evidence: `${promises} PROMSXP`,
      });
    const bad = [...calls.keys()].filter((k) => DANGEROUS_CALLS.has(k));
    if (bad.length)
      ctx.report({
        ruleId: 'MA5612',
        message: `serialized R code calls ${bad.join(', ')}`,
        evidence: bad.join(', '),
      });
    ctx.detail('rds', { items, calls: [...calls.keys()].slice(0, 50) });
  },
};
