/**
 * Writing to the workflow log safely. File names come from pull requests and evidence from
 * scanned files: a line break followed by "::" would be read by the runner as a workflow
 * command (set an output, add a mask, stop commands…). Single values are made printable;
 * multi-line reports are fenced with a random stop-commands token.
 */
import { randomUUID } from 'node:crypto';

/** A value safe to put on one log line: control characters shown as escapes. */
export function printable(s: string): string {
  return s.replace(
    /[\p{Cc}\u2028\u2029]/gu,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Writes multi-line untrusted text with workflow commands disabled while it is printed. */
export function writeUntrusted(write: (s: string) => void, text: string): void {
  const token = randomUUID();
  write(`::stop-commands::${token}\n`);
  write(text.endsWith('\n') ? text : `${text}\n`);
  write(`::${token}::\n`);
}
