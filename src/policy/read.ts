/**
 * Bounded reads of the small metadata files beside a model (config.json, README.md…). They are
 * parsed, never executed; a file over its cap, a link leading out of the model, a special file
 * or unparseable content is a problem to report, never a crash or a hang.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly truncated: boolean }
  | { readonly ok: false; readonly missing: boolean; readonly problem?: string };

/** Non-blocking open so that a FIFO planted as "config.json" cannot hang the scan. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Reads up to `cap` bytes of a file as UTF-8. With `allowTruncate` a longer file yields its
 * first `cap` bytes (README front matter sits at the top); otherwise it is a problem. Symbolic
 * links are followed only when they resolve inside `containedIn` (a Hugging Face cache's
 * snapshot links point into its blobs directory).
 */
export async function readBounded(
  path: string,
  cap: number,
  containedIn: string,
  allowTruncate = false,
): Promise<ReadResult> {
  let info;
  try {
    info = await lstat(path);
  } catch {
    return { ok: false, missing: true };
  }
  if (info.isSymbolicLink()) {
    try {
      const [target, root] = await Promise.all([realpath(path), realpath(containedIn)]);
      if (!inside(root, target))
        return { ok: false, missing: false, problem: 'symbolic link out of the model; not read' };
      info = await stat(path);
    } catch {
      return { ok: false, missing: false, problem: 'dangling symbolic link; not read' };
    }
  }
  if (info.isDirectory()) return { ok: false, missing: true };
  if (!info.isFile()) return { ok: false, missing: false, problem: 'not a regular file; not read' };
  if (info.size > cap && !allowTruncate)
    return {
      ok: false,
      missing: false,
      problem: `${info.size} bytes, over the ${cap}-byte cap for metadata; not read`,
    };
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, missing: false, problem: 'not a regular file; not read' };
    const want = Math.min(st.size, cap);
    const buf = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await handle.read(buf, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { ok: true, text: buf.subarray(0, got).toString('utf8'), truncated: st.size > cap };
  } catch (err) {
    return { ok: false, missing: false, problem: `unreadable: ${(err as Error).message}` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
