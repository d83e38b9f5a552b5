/**
 * Hand-assembles pickle streams opcode by opcode for tests.
 */
import { OP } from '../../src/analysis/pickle/opcodes.js';

export class P {
  private readonly parts: Buffer[] = [];

  op(name: string, ...args: (number | string | Buffer)[]): this {
    const code = OP[name];
    if (code === undefined) throw new Error(`no opcode ${name}`);
    this.parts.push(Buffer.from([code]));
    for (const a of args) this.raw(a);
    return this;
  }

  raw(a: number | string | Buffer): this {
    if (typeof a === 'number') this.parts.push(Buffer.from([a]));
    else if (typeof a === 'string') this.parts.push(Buffer.from(a, 'latin1'));
    else this.parts.push(a);
    return this;
  }

  proto(n: number): this {
    return this.op('PROTO', n);
  }
  /** GLOBAL module\nname\n */
  global(module: string, name: string): this {
    return this.op('GLOBAL', `${module}\n${name}\n`);
  }
  /** SHORT_BINUNICODE */
  str(s: string): this {
    const b = Buffer.from(s, 'utf8');
    return this.op('SHORT_BINUNICODE', b.length, b);
  }
  binunicode(s: string): this {
    const b = Buffer.from(s, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(b.length);
    return this.op('BINUNICODE', len, b);
  }
  stackGlobal(module: string, name: string): this {
    return this.str(module).str(name).op('STACK_GLOBAL');
  }
  binbytes(data: Buffer): this {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(data.length);
    return this.op('BINBYTES', len, data);
  }
  binbytes8(length: number, data?: Buffer): this {
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(length));
    return this.op('BINBYTES8', len, data ?? Buffer.alloc(length));
  }
  frame(length: number): this {
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(length));
    return this.op('FRAME', len);
  }
  tuple1(): this {
    return this.op('TUPLE1');
  }
  reduce(): this {
    return this.op('REDUCE');
  }
  stop(): this {
    return this.op('STOP');
  }
  /** callee(arg) via GLOBAL + SHORT_BINUNICODE + TUPLE1 + REDUCE. */
  call(module: string, name: string, arg: string): this {
    return this.global(module, name).str(arg).tuple1().reduce();
  }
  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export const p = (): P => new P();
