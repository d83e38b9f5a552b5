/**
 * Hugging Face cache entries (`…/models--org--name/{blobs,refs,snapshots}/…`): one model each,
 * recognised from the path alone.
 */

/** `…/models--org--name/…` → the cache entry's directory and repository id. */
export function hfCacheEntry(path: string): { root: string; repoId: string } | undefined {
  const re = /(^|[\\/])models--([^\\/]+)(?=[\\/])/g;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(path); m; m = re.exec(path)) last = m;
  if (!last) return undefined;
  const [org, ...rest] = last[2]!.split('--');
  const repoId = rest.length > 0 ? `${org}/${rest.join('--')}` : org!;
  return { root: path.slice(0, last.index + last[0].length), repoId };
}
