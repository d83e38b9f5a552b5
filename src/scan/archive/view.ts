/**
 * The archive view containers (zip, tar, 7z) hand to layouts, and the generic pass that
 * identifies and scans every member a layout did not take care of.
 */
import { readAll } from '../../io/stream.js';
import type { ScanContext, ScanTarget } from '../base.js';
import type { ArchiveEntry, ArchiveView } from '../base.js';
import { finishDecoding, findingMember } from './members.js';

/** A member that cannot be read; `ruleId` says why (encrypted, unsupported, malformed). */
export class MemberUnreadable extends Error {
  override name = 'MemberUnreadable';
  constructor(
    readonly ruleId: string,
    message: string,
    readonly evidence: string,
  ) {
    super(message);
  }
}

export interface ContainerMember extends ArchiveEntry {
  readonly index: number;
  /** Opens the member for scanning; throws MemberUnreadable when it cannot be read. */
  open(): Promise<ScanTarget>;
  /** Why the member is not scanned as a file (links, devices), if so. */
  readonly notAFile?: boolean;
}

export class ContainerView implements ArchiveView {
  private readonly handled = new Set<number>();
  private readonly unread = new Set<string>();
  readonly entries: readonly ContainerMember[];

  constructor(
    readonly kind: string,
    members: readonly ContainerMember[],
  ) {
    this.entries = members;
  }

  private find(name: string): ContainerMember {
    const m = this.entries.find((e) => e.name === name && !e.isDirectory);
    if (!m) throw new Error(`no member named ${JSON.stringify(name)}`);
    return m;
  }

  has(name: string): boolean {
    return this.entries.some((e) => e.name === name && !e.isDirectory);
  }

  /** Opens a member for a layout, which then scans it itself: the generic pass skips it. */
  async open(name: string): Promise<ScanTarget> {
    const m = this.find(name);
    const t = await m.open();
    this.handled.add(m.index);
    return t;
  }

  async readText(name: string, limit: number): Promise<string> {
    const target = await this.find(name).open();
    const stream = target.openStream();
    try {
      return (await readAll(stream, limit)).toString('utf8');
    } finally {
      await stream.close();
    }
  }

  /**
   * Marks a member as taken care of by a layout without a scan of its own (tensor storages
   * read by the loader as raw numbers, small metadata members it checked).
   */
  markHandled(name: string): void {
    this.unread.add(name);
    for (const e of this.entries) if (e.name === name) this.handled.add(e.index);
  }

  /** Marks a member a layout read and scanned itself (the generic pass skips it). */
  markScanned(name: string): void {
    for (const e of this.entries) if (e.name === name) this.handled.add(e.index);
  }

  /** True for members a layout vouched for without reading them whole (no CRC check). */
  isCheckedWithoutReading(name: string): boolean {
    return this.unread.has(name);
  }

  isHandled(m: ContainerMember): boolean {
    return this.handled.has(m.index);
  }
}

/**
 * Offers the view to the registered layouts (the first match scans it), then identifies and
 * scans every member no layout took care of. Returns the layout's format, if one matched.
 */
export async function scanContainer(
  view: ContainerView,
  target: ScanTarget,
  ctx: ScanContext,
  afterMember?: (m: ContainerMember, t: ScanTarget, format: string) => Promise<void>,
): Promise<string | undefined> {
  const layout = ctx.layouts().find((l) => {
    try {
      return l.matches(view.entries, target);
    } catch {
      return false;
    }
  });
  if (layout) {
    let result: 'handled' | 'continue' = 'continue';
    try {
      result = await layout.scan(view, target, ctx);
    } catch (err) {
      if (err instanceof Error && err.name === 'ScanInterrupted') throw err;
      if (err instanceof Error && err.name === 'LimitExceeded') throw err;
      const msg = err instanceof Error ? err.message : String(err);
      ctx.report({
        ruleId: 'MA3012',
        message: `the ${layout.format} layout could not read the archive: ${msg}; its members were scanned one by one`,
        evidence: msg,
      });
    }
    if (result === 'handled') return layout.format;
  }
  for (const m of view.entries) {
    if (m.isDirectory || m.notAFile || view.isHandled(m)) continue;
    ctx.checkpoint();
    await scanOne(m, target, ctx, afterMember);
  }
  return layout?.format;
}

export async function scanOne(
  m: ContainerMember,
  parent: ScanTarget,
  ctx: ScanContext,
  afterMember?: (m: ContainerMember, t: ScanTarget, format: string) => Promise<void>,
): Promise<void> {
  let t: ScanTarget;
  try {
    t = await m.open();
  } catch (err) {
    if (err instanceof MemberUnreadable) {
      ctx.report({
        ruleId: err.ruleId,
        message: err.message,
        evidence: err.evidence,
        member: findingMember(parent, m.name),
      });
      return;
    }
    if (err instanceof Error && err.name === 'ScanInterrupted') throw err;
    const msg = err instanceof Error ? err.message : String(err);
    ctx.report({
      ruleId: err instanceof Error && err.name === 'LimitExceeded' ? 'MA1002' : 'MA3012',
      message: `member ${JSON.stringify(m.name)} could not be read: ${msg}`,
      evidence: msg,
      member: findingMember(parent, m.name),
    });
    return;
  }
  const r = await ctx.scanMember(t);
  await finishDecoding(t, ctx);
  if (afterMember) await afterMember(m, t, r.format);
}
