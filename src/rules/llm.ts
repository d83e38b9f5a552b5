import type { Rule } from './types.js';

/** Rules of the llm family (MA5xxx), filled in by its issue. */
export const LLM_RULES: readonly Rule[] = [];
