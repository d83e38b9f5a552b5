/**
 * Model cards and licence files, read once by the text scanner: front matter parsed once and
 * bounded into typed claims; a README with Hub keys marks its directory; what cannot be parsed
 * is a problem of the model, never silence.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanFile } from '../../../src/pipeline/engine.js';
import { resolveOptions } from '../../../src/options/options.js';
import type { FileResult } from '../../../src/findings/finding.js';
import { CARD_FRONT_MATTER_CHARS, frontMatter } from '../../../src/scan/formats/model-card.js';

async function scanNamed(name: string, content: string): Promise<FileResult> {
  const dir = mkdtempSync(join(tmpdir(), 'modelaudit-card-'));
  writeFileSync(join(dir, name), content);
  return scanFile(join(dir, name), resolveOptions());
}

const claimsOf = (r: FileResult): string[] =>
  (r.claims ?? []).map((c) => `${c.field}=${c.value} (${c.source})`);

describe('model cards', () => {
  test('README.md front matter: every identity key, lists bounded, and the directory marked', async () => {
    const r = await scanNamed(
      'README.md',
      [
        '---',
        'license: other',
        'license_name: llama3',
        'base_model: [meta-llama/Meta-Llama-3-8B]',
        'model_name: Acme Support Bot',
        'model_creator: acme',
        'model_type: llama',
        `tags: [${Array.from({ length: 40 }, (_, i) => `t${i}`).join(', ')}]`,
        'model-index:',
        '  - name: acme-bot-8b',
        '---',
        '# Acme',
      ].join('\n'),
    );
    const claims = claimsOf(r);
    expect(claims.slice(0, 5)).toEqual([
      'base_model=meta-llama/Meta-Llama-3-8B (README.md:base_model)',
      'name=Acme Support Bot (README.md:model_name)',
      'name=acme-bot-8b (README.md:model-index.name)',
      'license=other (README.md:license)',
      'license=llama3 (README.md:license_name)',
    ]);
    expect(claims.filter((c) => c.startsWith('tag='))).toHaveLength(32);
    expect(claims).toContain('architecture=llama (README.md:model_type)');
    expect(claims).toContain('author=acme (README.md:model_creator)');
    expect(r.modelMetadata).toEqual({ marks: 'model-card' });
    expect(r.findings).toEqual([]);
  });

  test('other Markdown claims what its front matter says but marks no model', async () => {
    const r = await scanNamed('notes.md', '---\nlicense: mit\n---\n');
    expect(claimsOf(r)).toEqual(['license=mit (notes.md:license)']);
    expect(r.modelMetadata).toBeUndefined();
  });

  test('a README without Hub keys marks nothing', async () => {
    const r = await scanNamed('README.md', '---\ntitle: docs\n---\n# Hello\n');
    expect(r.claims).toBeUndefined();
    expect(r.modelMetadata).toBeUndefined();
  });

  test('an alias bomb is a problem, not a hang', async () => {
    const bomb =
      '---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' +
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nlicense: mit\n---\n';
    const r = await scanNamed('README.md', bomb);
    expect(r.modelMetadata?.problems).toEqual([
      expect.stringMatching(/^invalid YAML front matter/),
    ]);
    expect(r.claims).toBeUndefined();
  });

  test('front matter must close near the top of the card', async () => {
    const late = `---\nlicense: mit\n${'x: y\n'.repeat(CARD_FRONT_MATTER_CHARS / 5)}---\n`;
    const r = await scanNamed('README.md', late);
    expect(r.modelMetadata?.problems).toEqual([
      `front matter not closed within ${CARD_FRONT_MATTER_CHARS} characters`,
    ]);
    expect(frontMatter('# no front matter\n---\nlicense: mit\n---\n')).toBeUndefined();
  });
});

describe('licence files', () => {
  test.each([
    ['LICENSE', 'LLAMA 2 COMMUNITY LICENSE AGREEMENT\n...', 'llama2'],
    [
      'LICENSE.txt',
      '                                 Apache License\n                           Version 2.0, January 2004\n',
      'apache-2.0',
    ],
    ['LICENCE', 'Gemma Terms of Use\n', 'gemma'],
  ])('%s names its licence in its title', async (name, text, licence) => {
    const r = await scanNamed(name, text);
    expect(claimsOf(r)).toEqual([`license=${licence} (${name}:title)`]);
  });

  test('a licence named only far below the title is not claimed', async () => {
    const r = await scanNamed('LICENSE', `${'Copyright notice.\n'.repeat(200)}MIT License\n`);
    expect(r.claims).toBeUndefined();
  });
});
