/**
 * The one base of every reader's "this input is not what its format says" error. Readers throw
 * their own subclass (with the offset where they know it); scanners catch the ones they can
 * name with a family rule, and the engine turns any other into one finding (MA1009), so a
 * malformed file is always a finding and never a crash or "clean".
 */
export class MalformedInput extends Error {
  override name = 'MalformedInput';
  constructor(
    message: string,
    /** Byte offset in the file or member where the reader gave up, when known. */
    readonly offset?: number,
  ) {
    super(message);
  }
}
