// Bundles the CLI (and, once it exists, the Action) with ncc into single committed files:
// dist/cli.js and dist/index.js. Output is deterministic so CI can diff it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const bundles = [
  { entry: 'src/cli/bin.ts', out: 'cli.js', shebang: true },
  { entry: 'src/action/main.ts', out: 'index.js', shebang: false },
];

mkdirSync(outDir, { recursive: true });
for (const b of bundles) {
  if (!existsSync(join(root, b.entry))) continue;
  const tmp = join(root, '.ncc-tmp', b.out);
  rmSync(tmp, { recursive: true, force: true });
  const r = spawnSync(
    process.execPath,
    [
      ncc,
      'build',
      join(root, b.entry),
      '-o',
      tmp,
      '--quiet',
      '--target',
      'es2022',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  const produced = existsSync(join(tmp, 'index.mjs'))
    ? join(tmp, 'index.mjs')
    : join(tmp, 'index.js');
  let code = readFileSync(produced, 'utf8');
  if (b.shebang && !code.startsWith('#!')) code = '#!/usr/bin/env node\n' + code;
  writeFileSync(join(outDir, b.out), code, { mode: 0o755 });
  if (existsSync(join(tmp, 'licenses.txt'))) {
    renameSync(join(tmp, 'licenses.txt'), join(outDir, b.out.replace(/\.js$/, '.licenses.txt')));
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(`bundled ${b.entry} -> ${join(outDir, b.out)}`);
}
rmSync(join(root, '.ncc-tmp'), { recursive: true, force: true });
