/**
 * Writing multi-line untrusted text to the workflow log. File names come from pull requests and
 * evidence from scanned files: a line break followed by "::" would be read by the runner as a
 * workflow command (set an output, add a mask, stop commands…). The text itself is already
 * escaped by its renderer (`printable`, src/report/escape.ts); as a second wall, workflow
 * commands are disabled with a random stop-commands token while it is printed.
 */
import { randomUUID } from 'node:crypto';

/** Writes multi-line untrusted text with workflow commands disabled while it is printed. */
export function writeUntrusted(write: (s: string) => void, text: string): void {
  const token = randomUUID();
  write(`::stop-commands::${token}\n`);
  write(text.endsWith('\n') ? text : `${text}\n`);
  write(`::${token}::\n`);
}
