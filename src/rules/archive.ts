import type { Rule } from './types.js';

/** Rules of the archive family (MA3xxx), filled in by its issue. */
export const ARCHIVE_RULES: readonly Rule[] = [];
