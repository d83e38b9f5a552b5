import type { Rule } from './types.js';

/** Rules of the formats family (MA5xxx), filled in by its issue. */
export const FORMAT_RULES: readonly Rule[] = [];
