/**
 * Where a symbolic link leads, and whether discovery may follow it: only to targets inside the
 * boundary (the root, or the request's boundary), and only when asked, except that a link
 * inside a Hugging Face cache entry that stays inside that entry is always followed (that is
 * how the cache stores files). Loops end in ELOOP or in a directory already walked.
 */
import type { BigIntStats } from 'node:fs';
import { readlink, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SkipKind } from '../findings/finding.js';
import { entryType, errorCode, describeError, type EntryType } from './entries.js';
import { display, fromFs, isInside, type FsPath } from './fs-path.js';
import { cacheEntryOf } from './hf-cache.js';

export type LinkVerdict =
  | {
      readonly follow: true;
      readonly real: FsPath;
      readonly type: EntryType;
      readonly info: BigIntStats;
    }
  | {
      readonly follow: false;
      readonly kind: SkipKind;
      readonly reason: string;
      readonly target: string;
      /** What the target is, when it could be found. */
      readonly type?: EntryType;
      /** The target does not exist. */
      readonly dangling?: boolean;
    };

export interface LinkRules {
  /** Resolved directory the links may lead into. */
  readonly boundary: FsPath;
  /** How to name the boundary in reasons. */
  readonly boundaryLabel: string;
  readonly follow: boolean;
}

/**
 * Judges the link at `path`. `dirReal` is the resolved directory holding it (a broken link's
 * target is resolved from there); a path whose parents are links is judged the same way.
 */
export async function judgeLink(
  path: FsPath,
  dirReal: FsPath,
  rules: LinkRules,
): Promise<LinkVerdict> {
  const written = await readlink(path, { encoding: 'buffer' }).then(
    (b) => display(fromFs(b)),
    () => undefined,
  );
  let real: FsPath;
  try {
    real = fromFs(await realpath(path, { encoding: 'buffer' }));
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ELOOP')
      return skip('symlink-loop', 'symbolic link loop: it never reaches a file', written ?? '');
    const lexical = written !== undefined ? resolve(display(dirReal), written) : display(dirReal);
    if (code !== 'ENOENT' && code !== 'ENOTDIR')
      return skip(
        'unreadable',
        `symbolic link could not be resolved: ${describeError(err)}`,
        lexical,
      );
    if (!isInside(lexical, rules.boundary) && !inSameCacheEntry(dirReal, lexical))
      return {
        ...skip(
          'symlink-outside-root',
          `symbolic link leading outside ${rules.boundaryLabel} (its target does not exist here)`,
          lexical,
        ),
        dangling: true,
      };
    return {
      ...skip('symlink-broken', 'broken symbolic link: its target does not exist', lexical),
      dangling: true,
    };
  }
  const target = display(real);
  let info: BigIntStats | undefined;
  try {
    info = await stat(real, { bigint: true });
  } catch {
    info = undefined;
  }
  const type = info ? entryType(info) : undefined;
  const inCache = inSameCacheEntry(dirReal, real);
  if (!isInside(real, rules.boundary) && !inCache)
    return skip(
      'symlink-outside-root',
      `symbolic link leading outside ${rules.boundaryLabel}`,
      target,
      type,
    );
  if (!rules.follow && !inCache)
    return skip(
      'symlink-not-followed',
      'symbolic link not followed (follow-symlinks is off)',
      target,
      type,
    );
  if (!info || !type)
    return skip('symlink-broken', 'broken symbolic link: its target cannot be read', target);
  return { follow: true, real, type, info };
}

type Skip = Extract<LinkVerdict, { follow: false }>;

function skip(kind: SkipKind, reason: string, target: string, type?: EntryType): Skip {
  return { follow: false, kind, reason, target, ...(type ? { type } : {}) };
}

/** Both paths in the same Hugging Face cache entry (the link's own directory decides which). */
function inSameCacheEntry(dirReal: FsPath, target: FsPath): boolean {
  if (typeof dirReal !== 'string') return false;
  const entry = cacheEntryOf(join(dirReal, '_'));
  return entry !== undefined && isInside(target, entry.root);
}
