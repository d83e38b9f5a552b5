/**
 * Lua Torch7 files (torch.save, binary mode). Objects are typed records; functions are
 * serialized as Lua bytecode that torch.load turns back into callables (loadstring), and
 * classes are rebuilt by their own read methods. Tensors and storages are skipped by length.
 */
import type { Scanner } from '../base.js';
import { StreamCursor } from '../../io/stream-cursor.js';
import { FormatError } from '../../io/paged.js';
import { parseStructure } from './common/structure.js';

const T_NIL = 0,
  T_NUMBER = 1,
  T_STRING = 2,
  T_TABLE = 3,
  T_TORCH = 4,
  T_BOOLEAN = 5,
  T_FUNCTION = 6,
  T_LEGACY_RECUR = 7,
  T_RECUR = 8;
const MAX_DEPTH = 256;
const MAX_OBJECTS = 10_000_000;
const KNOWN_NAMESPACES =
  /^(torch|nn|cunn|cudnn|cutorch|optim|nngraph|rnn|dpnn|image|inn|fbnn|nnx|tds|graph)\./;

const STORAGE_SIZES: Record<string, number> = {
  Byte: 1,
  Char: 1,
  Short: 2,
  Int: 4,
  Long: 8,
  Float: 4,
  Double: 8,
  Half: 2,
  Cuda: 4,
  CudaByte: 1,
  CudaChar: 1,
  CudaShort: 2,
  CudaInt: 4,
  CudaLong: 8,
  CudaDouble: 8,
  CudaHalf: 2,
};

export function isTorch7(head: Buffer): boolean {
  if (head.length < 16) return false;
  const type = head.readInt32LE(0);
  if (head.readInt32LE(4) !== 1) return false;
  if (type === T_TORCH) {
    const len = head.readInt32LE(8);
    return len > 2 && len < 64 && head.toString('latin1', 12, 14) === 'V ';
  }
  return false;
}

export const torch7Scanner: Scanner = {
  id: 'torch7',
  formats: ['torch7'],
  rules: ['MA5609', 'MA5610', 'MA5900'],
  async scan(target, ctx) {
    const stream = target.openStream();
    const c = new StreamCursor(stream);
    const seen = new Set<number>();
    const classes = new Map<string, number>();
    let functions = 0;
    let objects = 0;
    try {
      await parseStructure(ctx, 'Torch7', async () => {
        const int = async (): Promise<number> => (await c.take(4)).readInt32LE(0);
        const long = async (): Promise<number> => {
          const v = (await c.take(8)).readBigInt64LE(0);
          if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER))
            throw new FormatError(`implausible 64-bit size ${v} at offset ${c.offset - 8}`);
          return Number(v);
        };
        const str = async (max = 1 << 20): Promise<string> => {
          const n = await int();
          if (n < 0 || n > 1 << 30)
            throw new FormatError(`string of ${n} bytes at offset ${c.offset}`);
          if (n > max) {
            await c.skip(n);
            return '';
          }
          return (await c.take(n)).toString('latin1');
        };
        const read = async (depth: number): Promise<void> => {
          if (depth > MAX_DEPTH) throw new FormatError(`objects nested deeper than ${MAX_DEPTH}`);
          if (++objects > MAX_OBJECTS) throw new FormatError(`more than ${MAX_OBJECTS} objects`);
          if (objects % 65536 === 0) ctx.checkpoint();
          const type = await int();
          switch (type) {
            case T_NIL:
              return;
            case T_NUMBER:
              return c.skip(8);
            case T_BOOLEAN:
              return c.skip(4);
            case T_STRING:
              await str(0);
              return;
            case T_TABLE:
            case T_TORCH:
            case T_FUNCTION:
            case T_RECUR:
            case T_LEGACY_RECUR: {
              const index = await int();
              if (seen.has(index)) return; // a reference to an object already read
              seen.add(index);
              if (type === T_TABLE) {
                const size = await int();
                if (size < 0) throw new FormatError(`table of size ${size}`);
                for (let i = 0; i < size; i++) {
                  await read(depth + 1);
                  await read(depth + 1);
                }
                return;
              }
              if (type === T_TORCH) {
                let version = await str(256);
                let className = version;
                if (version.startsWith('V ')) className = await str(256);
                else version = 'V 0';
                classes.set(className, (classes.get(className) ?? 0) + 1);
                const m = /^torch\.(\w*?)(Tensor|Storage)$/.exec(className);
                if (m) {
                  const kind = m[1] || 'Double';
                  const elem = STORAGE_SIZES[kind] ?? STORAGE_SIZES[kind.replace(/^Cuda/, '')] ?? 4;
                  if (m[2] === 'Tensor') {
                    const dims = await int();
                    if (dims < 0 || dims > 64)
                      throw new FormatError(`tensor with ${dims} dimensions`);
                    await c.skip(dims * 16 + 8);
                    await read(depth + 1);
                  } else {
                    await c.skip((await long()) * elem);
                  }
                  return;
                }
                await read(depth + 1); // default read: a table of fields
                return;
              }
              // Lua function: bytecode, then its upvalues.
              functions++;
              const code = await str(0);
              void code;
              await read(depth + 1);
              return;
            }
            default:
              throw new FormatError(`unknown object type ${type} at offset ${c.offset - 4}`);
          }
        };
        await read(0);
      });
    } finally {
      await stream.close();
    }
    if (functions)
      ctx.report({
        ruleId: 'MA5609',
        message: `${functions} serialized Lua function(s): torch.load rebuilds them from bytecode, which runs when called`,
        evidence: `${functions} function(s)`,
      });
    const unknown = [...classes.keys()].filter((k) => k && !KNOWN_NAMESPACES.test(k));
    if (unknown.length)
      ctx.report({
        ruleId: 'MA5610',
        message: `classes outside the torch and nn namespaces: ${unknown.slice(0, 10).join(', ')}`,
        evidence: unknown.slice(0, 5).join(', '),
      });
    ctx.detail('torch7', { objects, classes: [...classes.keys()].slice(0, 100) });
  },
};
