import { isScanStop } from '../../io/limits.js';
/**
 * The 7z container scanner: the header read with our bounded reader, each member decoded as a
 * stream (solid folders decoded from their start and skipped to the member), identified and
 * scanned; encrypted and unsupported members reported.
 */
import { Undecodable } from '../../io/bytes-input.js';
import { BufferSource, SliceSource } from '../../io/source.js';
import {
  CODERS,
  SEVEN_ZIP_MAGIC,
  folderStream,
  readSevenZip,
  type SevenZipArchive,
} from '../../io/sevenzip.js';
import type { Scanner } from '../base.js';
import {
  MAX_LZMA_DICTIONARY,
  LimitStream,
  OffsetStream,
  decodedMember,
  findingMember,
  linkEscape,
  pathEscape,
  storedMember,
  undecodableFinding,
} from './members.js';
import { ContainerView, MemberUnreadable, scanContainer, type ContainerMember } from './view.js';
import { reportBomb } from './zip.js';

export function isSevenZip(head: Buffer): boolean {
  return head.length >= 6 && head.subarray(0, 6).equals(SEVEN_ZIP_MAGIC);
}

const OPTS = { maxDictionary: MAX_LZMA_DICTIONARY };

export const sevenZipScanner: Scanner = {
  id: '7z',
  formats: ['7z'],
  rules: ['MA3001', 'MA3002', 'MA3003', 'MA3012', 'MA3013', 'MA3023', 'MA1002'],
  async scan(target, ctx) {
    const src = await ctx.randomAccess(target);
    let archive: SevenZipArchive;
    try {
      archive = await readSevenZip(src, OPTS, ctx.limits.maxMembers);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      const encrypted = /encrypted/.test(msg);
      ctx.report({
        ruleId: encrypted ? 'MA3003' : 'MA3012',
        message: encrypted
          ? 'the 7z archive is password-protected (its header is encrypted); nothing in it could be read'
          : `not a readable 7z archive: ${msg}`,
        evidence: msg,
      });
      return;
    }
    const members: ContainerMember[] = archive.entries.map((e, index) => ({
      index,
      name: e.name,
      size: e.size,
      isDirectory: e.isDirectory,
      notAFile: e.isSymlink,
      async open() {
        if (e.folder === undefined)
          return storedMember(target, e.name, new BufferSource(Buffer.alloc(0)), ctx.limits);
        const f = archive.folders[e.folder]!;
        const chain = f.coders.map((c) => CODERS[c.id] ?? c.id);
        if (chain.includes('AES-256'))
          throw new MemberUnreadable(
            'MA3003',
            `member ${JSON.stringify(e.name)} is encrypted (7z AES-256) and cannot be read`,
            e.name,
          );
        if (
          f.coders.length !== 1 ||
          !['copy', 'LZMA', 'LZMA2', 'Deflate', 'BZip2', 'zstd'].includes(chain[0]!)
        )
          throw new MemberUnreadable(
            'MA3013',
            `member ${JSON.stringify(e.name)} uses the 7z coder chain ${chain.join(' + ')}, which modelaudit does not decode; it was not scanned`,
            chain.join(' + '),
          );
        if (chain[0] === 'copy')
          return storedMember(
            target,
            e.name,
            new SliceSource(src, f.packOffset + e.offset, e.size),
            ctx.limits,
          );
        try {
          return await decodedMember(
            target,
            e.name,
            () => {
              const folder = folderStream(src, f, OPTS);
              const member = new LimitStream(new OffsetStream(folder, e.offset, undefined), e.size);
              // Ratios are judged on the whole folder (members of a solid folder share its input).
              return {
                stream: member,
                consumed: () =>
                  Math.max(1, f.packSize) *
                  ((e.offset + member.position) / Math.max(1, f.unpackSize)),
              };
            },
            e.size,
            ctx,
            (r) => reportBomb(ctx, target, e.name, r),
          );
        } catch (err) {
          if (isScanStop(err)) throw err;
          if (err instanceof Undecodable) {
            const f = undecodableFinding(e.name, err);
            throw new MemberUnreadable('MA3023', f.message, f.evidence);
          }
          const msg = err instanceof Error ? err.message : String(err);
          throw new MemberUnreadable(
            'MA3012',
            `member ${JSON.stringify(e.name)} does not decode: ${msg}`,
            msg,
          );
        }
      },
    }));
    for (const e of archive.entries) {
      const why = pathEscape(e.name);
      if (why)
        ctx.report({
          ruleId: 'MA3001',
          message: `member name ${JSON.stringify(e.name)} ${why}`,
          evidence: e.name,
          member: findingMember(target, e.name),
        });
      if (e.isSymlink) {
        // A 7z symlink's data is its target path.
        let link = '';
        try {
          link = (await members[archive.entries.indexOf(e)]!.open()).head.toString('utf8', 0, 4096);
        } catch {
          continue;
        }
        const linkWhy = linkEscape(e.name, link, true);
        if (linkWhy)
          ctx.report({
            ruleId: 'MA3001',
            message: `symbolic link ${JSON.stringify(e.name)} ${linkWhy}`,
            evidence: `${e.name} -> ${link}`,
            member: findingMember(target, e.name),
          });
      }
    }
    const layout = await scanContainer(new ContainerView('7z', members), target, ctx);
    ctx.detail('archive', {
      kind: '7z',
      members: archive.entries.length,
      folders: archive.folders.length,
      ...(layout ? { layout } : {}),
    });
  },
};
