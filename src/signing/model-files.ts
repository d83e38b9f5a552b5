/**
 * Lists the files a model signature covers, with the format's own walking rules (not the scan
 * walker's): every file under the model root, hidden ones included; ignored paths left out with
 * everything below them; symbolic links refused unless the signature allows them, and then a
 * link to a file counts as that file while a link to a directory is not descended.
 */
import { lstat, opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface ModelFile {
  /** POSIX path relative to the model root; "." when the model is a single file. */
  readonly rel: string;
  readonly abs: string;
  readonly size: number;
}

/** A path that cannot be part of the comparison (reported, never skipped silently). */
export interface ModelFileProblem {
  readonly rel: string;
  readonly abs: string;
  readonly reason: string;
}

export interface ModelFileList {
  readonly files: ModelFile[];
  readonly problems: ModelFileProblem[];
}

export interface WalkRules {
  readonly allowSymlinks: boolean;
  /** Paths relative to the model root; each hides itself and everything below it. */
  readonly ignorePaths: readonly string[];
  /** Stop listing after this many files (a bound on memory); the rest is a problem. */
  readonly maxFiles?: number;
}

const DEFAULT_MAX_FILES = 1_000_000;

/** Splits a relative path into components the way Python's PurePath does ("." and "" dropped). */
function components(p: string): string[] {
  return p.split(/[\\/]/).filter((c) => c !== '' && c !== '.');
}

/** Compiles ignore paths into component lists; absolute paths never match (as in the reference). */
export function compileIgnores(paths: readonly string[]): string[][] {
  return paths.filter((p) => !p.startsWith('/')).map(components);
}

export function isIgnored(rel: string, ignores: readonly string[][]): boolean {
  const parts = components(rel);
  return ignores.some((ig) => ig.length <= parts.length && ig.every((c, i) => c === parts[i]));
}

export async function listModelFiles(root: string, rules: WalkRules): Promise<ModelFileList> {
  const files: ModelFile[] = [];
  const problems: ModelFileProblem[] = [];
  const ignores = compileIgnores(rules.ignorePaths);
  const maxFiles = rules.maxFiles ?? DEFAULT_MAX_FILES;

  const top = await lstat(root);
  if (!top.isDirectory()) {
    const single = await classify(root, '.', top.isSymbolicLink(), rules.allowSymlinks);
    if ('reason' in single) problems.push(single);
    else if (single.kind === 'file') files.push({ rel: '.', abs: root, size: single.size });
    return { files, problems };
  }

  // Depth-first with an explicit stack: no recursion limit on deep trees.
  const stack: string[] = [''];
  while (stack.length > 0) {
    const dirRel = stack.pop()!;
    const dirAbs = dirRel ? join(root, dirRel) : root;
    let dir;
    try {
      dir = await opendir(dirAbs);
    } catch (err) {
      problems.push({ rel: dirRel || '.', abs: dirAbs, reason: errorText(err) });
      continue;
    }
    for await (const entry of dir) {
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      if (isIgnored(rel, ignores)) continue;
      const abs = join(root, rel);
      if (entry.isDirectory()) {
        stack.push(rel);
        continue;
      }
      const c = await classify(abs, rel, entry.isSymbolicLink(), rules.allowSymlinks);
      if ('reason' in c) problems.push(c);
      else if (c.kind === 'file') {
        if (files.length >= maxFiles) {
          problems.push({ rel, abs, reason: `more than ${maxFiles} files in the model` });
          return { files, problems };
        }
        files.push({ rel, abs, size: c.size });
      }
    }
  }
  return { files, problems };
}

type Classified = { kind: 'file'; size: number } | { kind: 'skip' } | ModelFileProblem;

async function classify(
  abs: string,
  rel: string,
  isLink: boolean,
  allowSymlinks: boolean,
): Promise<Classified> {
  if (isLink && !allowSymlinks)
    return { rel, abs, reason: 'symbolic link, and the signature does not allow symlinks' };
  try {
    const st = isLink ? await stat(abs) : await lstat(abs);
    if (st.isFile()) return { kind: 'file', size: st.size };
    // A link to a directory: the reference's recursive glob does not descend into it.
    if (st.isDirectory()) return { kind: 'skip' };
    return { rel, abs, reason: 'not a regular file (FIFO, socket or device)' };
  } catch (err) {
    return { rel, abs, reason: errorText(err) };
  }
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code}: cannot read` : String(e.message ?? err);
}
