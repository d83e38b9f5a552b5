/**
 * The data flow, guarded by the suite itself (beside `npm run lint:layers`): scanners and the
 * engines they share never touch the filesystem (bytes come through the scan context), and the
 * policy stage works from the scanned files' claims: nothing it runs imports the filesystem.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = new URL('../src/', import.meta.url).pathname;
const SYSTEM = /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|dgram)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every module specifier a file imports, re-exports or loads dynamically. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** A relative specifier ("./x.js") as the source file it names. */
function sourceOf(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return resolve(dirname(from), spec).replace(/\.js$/, '.ts');
}

describe('no filesystem below the pipeline', () => {
  const layers = ['scan', 'analysis', 'knowledge', 'identify'];
  const files = layers.flatMap((l) => filesUnder(join(SRC, l)));

  test('the scanned layers hold modules', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(layers)('no module under src/%s imports the filesystem, processes or sockets', (l) => {
    const offenders = filesUnder(join(SRC, l)).flatMap((f) =>
      importsOf(f)
        .filter((s) => SYSTEM.test(s))
        .map((s) => `${relative(SRC, f)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  test('the check sees an import of the filesystem when there is one', () => {
    const probe = ts.preProcessFile("import { open } from 'node:fs/promises';\n", true, true);
    expect(probe.importedFiles.map((f) => f.fileName).filter((s) => SYSTEM.test(s))).toEqual([
      'node:fs/promises',
    ]);
  });
});

describe('the policy stage never reads the disk', () => {
  test('nothing the stage runs imports the filesystem or parses metadata again', () => {
    const seen = new Set<string>();
    const system: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        // No YAML parser either: model cards are parsed once, by the scanner.
        if (SYSTEM.test(spec) || spec === 'yaml') system.push(`${relative(SRC, file)} → ${spec}`);
        const next = sourceOf(file, spec);
        if (next) visit(next);
      }
    };
    visit(join(SRC, 'policy', 'stage.ts'));
    expect([...seen].map((f) => relative(SRC, f))).toContain('policy/grouping.ts');
    expect(system).toEqual([]);
  });
});
