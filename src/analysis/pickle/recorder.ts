/**
 * Collects what the pickle machine observed, merging repeats: a checkpoint that calls the
 * same unclassified class ten thousand times yields one finding with a count, not ten
 * thousand. Findings are emitted in the order they were first seen.
 */
import type { FindingInput } from '../../findings/finding.js';
import type { Site } from './values.js';

interface Entry {
  readonly ruleId: string;
  readonly message: string;
  readonly evidence: string;
  readonly site: Site;
  count: number;
}

export class Recorder {
  private readonly entries = new Map<string, Entry>();
  /** Appended to every message, e.g. "as read by a file-mode C unpickler". */
  context = '';

  constructor(private readonly maxEntries = 10_000) {}

  /** Records one observation; `key` merges repeats (defaults to the evidence). */
  add(ruleId: string, message: string, evidence: string, site: Site, key = evidence): void {
    const k = `${ruleId}\u0000${key}`;
    const e = this.entries.get(k);
    if (e) {
      e.count++;
      return;
    }
    if (this.entries.size >= this.maxEntries) return;
    const full = this.context ? `${message} (${this.context})` : message;
    this.entries.set(k, { ruleId, message: full, evidence, site, count: 1 });
  }

  /** Forgets an observation (one the caller has since found to be harmless). */
  drop(ruleId: string, key: string): void {
    this.entries.delete(`${ruleId}\u0000${key}`);
  }

  has(ruleId: string, key: string): boolean {
    return this.entries.has(`${ruleId}\u0000${key}`);
  }

  hasRule(ruleId: string): boolean {
    for (const e of this.entries.values()) if (e.ruleId === ruleId) return true;
    return false;
  }

  get size(): number {
    return this.entries.size;
  }

  findings(): FindingInput[] {
    return [...this.entries.values()].map((e) => ({
      ruleId: e.ruleId,
      message: e.count > 1 ? `${e.message} (${e.count} occurrences)` : e.message,
      evidence: e.evidence,
      offset: e.site.offset,
      opcodeIndex: e.site.opcodeIndex,
    }));
  }
}
