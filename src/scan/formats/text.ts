/**
 * Text files around models: model cards (README.md, whose front matter names the base model
 * and licence), Jinja chat templates (chat_template.jinja), requirements files, vocabularies
 * and other text. All are checked for credentials; templates go to the template analyzer.
 */
import { basename } from 'node:path';
import { analyzeTemplate } from '../../analysis/jinja/analyze.js';
import type { ScanContext, Scanner } from '../base.js';
import { decodeUtf8, readWhole } from './common/read.js';
import { findSecrets, isSecretKeyValue, lineOf, mask } from './common/secrets.js';
import { checkRequirementLines } from './requirements.js';
import { claimLicenseTitle, claimModelCard, isLicenseFile, isReadme } from './model-card.js';

const MAX_TEXT_BYTES = 64 * 1024 * 1024;

export const TEXT_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.cfg',
  '.ini',
  '.toml',
  '.env',
  '.csv',
  '.tsv',
  '.gitattributes',
  '.gitignore',
  '.rst',
  '.vocab',
  '.jsonl',
];
export const TEMPLATE_EXTENSIONS = ['.jinja', '.jinja2', '.j2'];

export const textScanner: Scanner = {
  id: 'text-metadata',
  formats: ['text-metadata', 'model-card', 'jinja-template', 'requirements'],
  rules: ['MA5501', 'MA5502', 'MA5504', 'MA1006'],
  async scan(target, ctx) {
    const buf = await readWhole(target, MAX_TEXT_BYTES);
    if (!buf) {
      if (isReadme(target.name))
        ctx.modelMetadata({
          problems: [`over ${MAX_TEXT_BYTES} bytes; the model card was not read`],
        });
      ctx.report({
        ruleId: 'MA1006',
        message: `text file over ${MAX_TEXT_BYTES} bytes was not checked for credentials`,
        evidence: `${target.size ?? '?'} bytes`,
      });
      return;
    }
    const text = decodeUtf8(buf) ?? buf.toString('latin1');
    const name = basename(target.name);
    const lower = name.toLowerCase();
    for (const s of findSecrets(text))
      ctx.report({
        ruleId: 'MA5501',
        message: `${s.kind} in ${name}`,
        evidence: s.masked,
        line: lineOf(text, s.index),
      });
    if (TEMPLATE_EXTENSIONS.some((e) => lower.endsWith(e))) {
      for (const issue of analyzeTemplate(text))
        ctx.report({
          ruleId: issue.ruleId,
          message: `${name}: ${issue.message}`,
          evidence: issue.evidence,
          ...(issue.line !== undefined ? { line: issue.line } : {}),
        });
      return;
    }
    if (/(^|[-_.])(requirements|constraints)[\w.-]*\.(txt|in)$/.test(lower)) {
      checkRequirementLines(text.split(/\r?\n/), ctx, name);
      return;
    }
    if (/\.(env|ini|cfg|toml)$/.test(lower) || lower === '.env') checkKeyValues(text, ctx, name);
    if (/\.(md|markdown)$/.test(lower)) claimModelCard(text, name, ctx);
    if (isLicenseFile(name)) claimLicenseTitle(text, name, ctx);
  },
};

function checkKeyValues(text: string, ctx: ScanContext, name: string): void {
  const lines = text.split(/\r?\n/);
  let reports = 0;
  lines.forEach((line, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z0-9_.-]+)\s*[=:]\s*["']?([^"'\s#]+)["']?/.exec(line);
    if (m && isSecretKeyValue(m[1]!, m[2]!) && reports++ < 20)
      ctx.report({
        ruleId: 'MA5502',
        message: `${name}: ${m[1]} holds a value that looks like a credential`,
        evidence: `${m[1]} = ${mask(m[2]!, 3)}`,
        line: i + 1,
      });
  });
}
