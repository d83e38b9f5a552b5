import { readFileSync } from 'node:fs';
import { renderRulesMarkdown } from '../../src/rules/docs.js';
import { ALL_RULES, findRule, ruleHelpUrl } from '../../src/rules/registry.js';
import { SCANNERS } from '../../src/scan/registry.js';
import { VERSION } from '../../src/version.js';

describe('rule registry', () => {
  test('IDs and names are unique and well-formed', () => {
    const ids = ALL_RULES.map((r) => r.id);
    const names = ALL_RULES.map((r) => r.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(/^MA[1-8]\d{3}$/);
      expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['INFO', 'WARNING', 'ERROR']).toContain(r.severity);
      expect(r.description.length).toBeGreaterThan(80);
      expect(r.remediation.length).toBeGreaterThan(10);
      if (r.cwe) expect(r.cwe).toMatch(/^CWE-\d+$/);
    }
  });

  test('rules are found by ID or name, case-insensitively', () => {
    expect(findRule('ma2001')?.name).toBe('pickle-dangerous-call');
    expect(findRule('PICKLE-DANGEROUS-CALL')?.id).toBe('MA2001');
    expect(findRule('MA9999')).toBeUndefined();
    expect(ruleHelpUrl(findRule('MA2001')!)).toMatch(/#ma2001-pickle-dangerous-call$/);
  });

  test('every rule a scanner declares exists', () => {
    for (const s of SCANNERS) for (const id of s.rules) expect(findRule(id)).toBeDefined();
  });

  test('the documented rule list covers every rule', () => {
    const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderRulesMarkdown(ALL_RULES));
  });

  test('the version matches package.json', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });
});
