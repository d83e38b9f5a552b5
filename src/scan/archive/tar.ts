/**
 * The tar container scanner (plain tar; compressed tars arrive here as the decompressed member
 * of a gzip, bzip2 or xz stream): every file member identified and scanned, links and names
 * that escape the extraction directory reported, data after the end of the archive scanned.
 */
import { SliceSource } from '../../io/source.js';
import { TarFormatError, readTar, type TarEntry } from '../../io/tar.js';
import type { ScanTarget, Scanner } from '../base.js';
import { findingMember, linkEscape, pathEscape, storedMember } from './members.js';
import { ContainerView, scanContainer, type ContainerMember } from './view.js';

/** Bytes after the end marker checked for content (tar pads to 10 KiB records with zeros). */
const TRAILER_CHECK = 1024 * 1024;

export const tarScanner: Scanner = {
  id: 'tar',
  formats: ['tar'],
  rules: ['MA3001', 'MA3011', 'MA3012', 'MA1002'],
  async scan(target, ctx) {
    const src = await ctx.randomAccess(target);
    let listing;
    try {
      listing = await readTar(src, ctx.limits.maxMembers);
    } catch (err) {
      const msg = err instanceof TarFormatError ? err.message : String(err);
      ctx.report({
        ruleId: 'MA3012',
        message: `not a readable tar archive: ${msg}`,
        evidence: msg,
      });
      return;
    }
    if (listing.truncated) {
      ctx.report({
        ruleId: 'MA1002',
        message: `the archive holds more than ${ctx.limits.maxMembers} members; the rest were not scanned`,
        evidence: 'maxMembers',
      });
    }
    if (listing.problem) {
      ctx.report({
        ruleId: 'MA3012',
        message: `tar archive is damaged: ${listing.problem.message}`,
        evidence: listing.problem.message,
        offset: listing.problem.offset,
      });
    }
    for (const e of listing.entries) checkPaths(e, target, ctx);

    const members: ContainerMember[] = listing.entries.map((e, index) => ({
      index,
      name: e.name,
      size: e.size,
      isDirectory: e.type === 'directory',
      notAFile: e.type !== 'file' && e.type !== 'other',
      open: () =>
        storedMember(target, e.name, new SliceSource(src, e.dataOffset, e.size), ctx.limits),
    }));
    const layout = await scanContainer(new ContainerView('tar', members), target, ctx);

    // Content after the end of the archive: tar readers stop, other tools may not.
    if (listing.end < src.size) {
      const rest = await src.read(listing.end, Math.min(TRAILER_CHECK, src.size - listing.end));
      const firstNonZero = rest.findIndex((b) => b !== 0);
      if (firstNonZero >= 0 || src.size - listing.end > TRAILER_CHECK) {
        const at = listing.end + Math.max(0, firstNonZero);
        ctx.report({
          ruleId: 'MA3011',
          message: `${src.size - at} bytes follow the end of the tar archive; tar readers stop before them (scanned as a member)`,
          evidence: `bytes from offset ${at}`,
          offset: at,
        });
        await ctx.scanMember(
          await storedMember(
            target,
            `(bytes after the archive at offset ${at})`,
            new SliceSource(src, at, src.size - at),
            ctx.limits,
          ),
        );
      }
    }
    ctx.detail('archive', {
      kind: 'tar',
      members: listing.entries.length,
      ...(layout ? { layout } : {}),
    });
  },
};

function checkPaths(e: TarEntry, target: ScanTarget, ctx: Parameters<Scanner['scan']>[1]): void {
  const why = pathEscape(e.name);
  if (why) {
    ctx.report({
      ruleId: 'MA3001',
      message: `member name ${JSON.stringify(e.name)} ${why}`,
      evidence: e.name,
      member: findingMember(target, e.name),
    });
  }
  if (e.type === 'symlink' || e.type === 'hardlink') {
    const linkWhy = linkEscape(e.name, e.linkname, e.type === 'symlink');
    if (linkWhy) {
      ctx.report({
        ruleId: 'MA3001',
        message: `${e.type === 'symlink' ? 'symbolic' : 'hard'} link ${JSON.stringify(e.name)} ${linkWhy}`,
        evidence: `${e.name} -> ${e.linkname}`,
        member: findingMember(target, e.name),
      });
    }
  }
}
