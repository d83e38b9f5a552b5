/** Targets over bytes held in memory, handed back to identification as members. */
import { HEAD_BYTES } from '../../identify/identify.js';
import { BufferSource } from '../../io/source.js';
import { SourceStream } from '../../io/stream.js';
import type { ScanTarget } from '../base.js';

/** A member of `parent` named `name` (appended to the member chain) over `bytes`. */
export function memberTarget(
  parent: ScanTarget,
  name: string,
  bytes: Buffer,
  hint = name,
): ScanTarget {
  const source = new BufferSource(bytes);
  const member = [parent.member, name].filter(Boolean).join(' > ');
  return {
    path: parent.path,
    member,
    name: hint,
    size: bytes.length,
    head: bytes.subarray(0, HEAD_BYTES),
    openStream: () => new SourceStream(source),
    source,
  };
}
