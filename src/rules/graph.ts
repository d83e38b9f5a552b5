import type { Rule } from './types.js';

/** Rules of the graph family (MA4xxx), filled in by its issue. */
export const GRAPH_RULES: readonly Rule[] = [];
