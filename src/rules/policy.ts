import type { Rule } from './types.js';

/** Rules of the policy family (MA6xxx), filled in by its issue. */
export const POLICY_RULES: readonly Rule[] = [];
