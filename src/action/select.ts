/**
 * From the event's change set (or the whole workspace) to a discovery request: the Action keeps
 * only its change-set logic (changes.ts) and hands discover the changed paths, the `paths` and
 * `exclude` globs and the shard. Discovery does the rest: deletions and renames, links that must
 * not lead out of the workspace, SavedModels scanned as one unit, the stable shard split.
 */
import { lstat } from 'node:fs/promises';
import { join, relative as relativePath, resolve } from 'node:path';
import { discover } from '../discover/discover.js';
import { normalizePath, walkStarts } from '../discover/globs.js';
import type { Discovery } from '../discover/types.js';
import type { SkippedEntry } from '../findings/finding.js';
import type { Scope } from './changes.js';

/** How the summary names the unit kinds that are scanned as a whole. */
export const WHOLE_UNIT_FORMATS: Readonly<Record<string, string>> = {
  'saved-model': 'TensorFlow SavedModel',
};

export interface SelectOptions {
  /** The workspace as spelled (reported paths start with it; "." once the Action is in it). */
  readonly workspace: string;
  readonly paths: readonly string[];
  readonly exclude: readonly string[];
  readonly followSymlinks: boolean;
  readonly shardIndex: number;
  readonly shardCount: number;
}

export interface Selection {
  /** What to scan: hand it to scanDiscovery. */
  readonly discovery: Discovery;
  /** Workspace-relative files and whole-unit directories to scan in this shard, sorted. */
  readonly targets: readonly string[];
  /** Directories among the targets scanned as a whole, with the format that made them one. */
  readonly units: readonly { readonly path: string; readonly format: string }[];
  /** Selected paths not scanned, and why (links, missing files, special files), workspace-relative. */
  readonly skipped: readonly SkippedEntry[];
  /** Selected files the change set deletes (nothing left to scan). */
  readonly deleted: readonly string[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Changed files (before shard split) that the globs selected; undefined for full scans. */
  readonly changedSelected: number | undefined;
  /** Targets in all shards together. */
  readonly totalTargets: number;
}

export async function selectTargets(scope: Scope, options: SelectOptions): Promise<Selection> {
  const base = options.workspace;
  const discovery = await discover({
    roots: scope.kind === 'all' ? await existing(base, walkStarts(options.paths)) : [],
    base,
    boundary: base,
    followSymlinks: options.followSymlinks,
    filter: {
      include: options.paths,
      exclude: options.exclude,
      inputs: { include: 'paths', exclude: 'exclude' },
    },
    ...(scope.kind === 'changes' ? { only: scope.files } : {}),
    shard: { index: options.shardIndex, count: options.shardCount },
  });

  const targets = new Set<string>();
  const units = new Map<string, string>();
  for (const f of discovery.files) {
    const whole = f.unit && WHOLE_UNIT_FORMATS[f.unit.kind];
    const unit = whole ? discovery.units.find((u) => u.root === f.unit!.root) : undefined;
    if (whole && unit) {
      targets.add(unit.relative);
      units.set(unit.relative, whole);
    } else if (f.role === 'target') targets.add(f.relative);
  }
  const relative = (path: string): string =>
    normalizePath(relativePath(resolve(base), resolve(path))) || '.';
  return {
    discovery,
    targets: [...targets].sort(),
    units: [...units].sort().map(([path, format]) => ({ path, format })),
    skipped: discovery.skipped
      .filter((s) => s.kind !== 'vcs-dir' && s.kind !== 'excluded' && s.kind !== 'duplicate')
      .map((s) => ({ ...s, path: relative(s.path) })),
    deleted: discovery.deleted,
    renamed: discovery.renamed,
    changedSelected: discovery.stats.changedSelected,
    totalTargets: discovery.stats.shardKeys,
  };
}

/** The walk starts that exist: a missing literal prefix of `paths` selects nothing. */
async function existing(base: string, starts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const s of starts) {
    const path = s === '' ? base : join(base, s);
    if (
      await lstat(path).then(
        () => true,
        () => false,
      )
    )
      out.push(path);
  }
  return out;
}
