/**
 * Decides whether bytes are a pickle by running the opcode reader and the machine over the
 * first bytes: protocol 0/1 pickles have no magic number, only text opcodes, so a file is a
 * pickle when the C unpickler would get through its start without an error.
 */
import { DEFAULT_LIMITS } from '../../io/limits.js';
import { BufferSource } from '../../io/source.js';
import { SourceStream } from '../../io/stream.js';
import { PickleMachine } from './machine.js';
import { HIGHEST_PROTOCOL } from './opcodes.js';
import {
  readOpcodes,
  type FrameViolation,
  type OpHandler,
  type RawOp,
  type ReadFault,
} from './reader.js';
import { Recorder } from './recorder.js';

/** Opcodes needed before text that parses as opcodes counts as a pickle. */
const MIN_OPCODES = 3;

class Probe implements OpHandler {
  ops = 0;
  stopped = false;
  fatal = false;
  constructor(
    private readonly machine: PickleMachine,
    private readonly complete: boolean,
  ) {}
  op(op: RawOp): void {
    if (this.stopped) return;
    this.ops++;
    this.machine.op(op);
    if (op.info.name === 'STOP') this.stopped = true;
  }
  fault(f: ReadFault): void {
    // Running out of sniffed bytes is expected when the head is only the start of the file.
    if (this.stopped || (f.kind === 'truncated' && !this.complete)) return;
    this.fatal = true;
  }
  frameViolation(_v: FrameViolation): void {}
  checkpoint(): void {}
}

/**
 * True when `head` starts like a pickle: a PROTO header of a known protocol, or opcodes that
 * the C unpickler would run without error for at least a few steps (or to a STOP).
 * `complete` says whether `head` is the whole content.
 */
export async function probePickle(head: Buffer, complete: boolean): Promise<boolean> {
  if (head.length >= 2 && head[0] === 0x80 && head[1]! >= 2 && head[1]! <= HIGHEST_PROTOCOL)
    return true;
  // A PROTO the C unpickler refuses (0x80 0x06…) still makes a pickle for lenient readers
  // such as pickletools: judge the rest of the stream.
  if (head.length >= 4 && head[0] === 0x80) return probeOpcodes(head.subarray(2), complete);
  if (head.length < 2) return false;
  return probeOpcodes(head, complete);
}

async function probeOpcodes(head: Buffer, complete: boolean): Promise<boolean> {
  const recorder = new Recorder();
  const machine = new PickleMachine(recorder, DEFAULT_LIMITS, () => {});
  const probe = new Probe(machine, complete);
  const sample = head.subarray(0, Math.min(head.length, 16 * 1024));
  try {
    await readOpcodes(new SourceStream(new BufferSource(sample)), probe, {
      keepBytes: 4096,
      frameMode: 'linear',
    });
  } catch {
    return false;
  }
  if (probe.fatal || recorder.hasRule('MA2013')) return false;
  return probe.stopped ? probe.ops >= 2 : probe.ops >= MIN_OPCODES;
}
