import { ARCHIVE_RULES } from './archive.js';
import { FORMAT_RULES } from './formats.js';
import { GENERAL_RULES } from './general.js';
import { GRAPH_RULES } from './graph.js';
import { LLM_RULES } from './llm.js';
import { PICKLE_RULES } from './pickle.js';
import { POLICY_RULES } from './policy.js';
import { REPOSITORY_RULES } from './repository.js';
import { SIGNING_RULES } from './signing.js';
import type { Rule } from './types.js';

export type { Rule, RuleFamily } from './types.js';

/** Base address of the rule documentation (one anchor per rule). */
export const RULE_DOCS_URL = 'https://github.com/modelaudit/modelaudit/blob/main/docs/rules.md';

/** Every rule ever published. IDs are never reused; retired rules stay listed with `retired`. */
export const ALL_RULES: readonly Rule[] = Object.freeze([
  ...GENERAL_RULES,
  ...PICKLE_RULES,
  ...ARCHIVE_RULES,
  ...GRAPH_RULES,
  ...LLM_RULES,
  ...FORMAT_RULES,
  ...POLICY_RULES,
  ...REPOSITORY_RULES,
  ...SIGNING_RULES,
]);

const byKey = new Map<string, Rule>();
for (const rule of ALL_RULES) {
  byKey.set(rule.id.toUpperCase(), rule);
  byKey.set(rule.name.toLowerCase(), rule);
}

/** Looks a rule up by ID ("MA2001") or name ("pickle-dangerous-call"), case-insensitively. */
export function findRule(key: string): Rule | undefined {
  return byKey.get(key.toUpperCase()) ?? byKey.get(key.toLowerCase());
}

export function getRule(id: string): Rule {
  const rule = findRule(id);
  if (!rule) throw new Error(`unknown rule ID ${id}`);
  return rule;
}

export function ruleHelpUrl(rule: Rule): string {
  return `${RULE_DOCS_URL}#${rule.id.toLowerCase()}-${rule.name}`;
}
