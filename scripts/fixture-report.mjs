// Scans every fixture listed in a manifest with the bundled CLI and prints, per directory and
// class (and per bypass class or format), how many were flagged ERROR / WARNING / clean.
// Run: node scripts/fixture-report.mjs [fixtures-subdir]
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = resolve(root, process.argv[2] ?? 'fixtures');

const manifests = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name === 'manifest.json') manifests.push(path);
  }
})(base);

const entries = manifests.flatMap((m) =>
  JSON.parse(readFileSync(m, 'utf8')).fixtures.map((f) => ({
    ...f,
    path: join(dirname(m), f.file),
    dir: relative(root, dirname(m)),
  })),
);
const r = spawnSync(
  process.execPath,
  [
    join(root, 'dist', 'cli.js'),
    'scan',
    '--format',
    'json',
    '--fail-on',
    'none',
    ...entries.map((e) => e.path),
  ],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  },
);
const report = JSON.parse(r.stdout);
const byPath = new Map(report.files.map((f) => [resolve(f.path), f]));

const groups = new Map();
let problems = 0;
for (const e of entries) {
  const f = byPath.get(resolve(e.path));
  const worst = !f
    ? 'missing'
    : f.findings.some((x) => x.severity === 'ERROR')
      ? 'ERROR'
      : f.findings.some((x) => x.severity === 'WARNING')
        ? 'WARNING'
        : f.findings.length
          ? 'INFO'
          : 'clean';
  const key = `${e.dir} | ${e.class} | ${e.bypassClass ?? e.format ?? ''}`;
  const g = groups.get(key) ?? { n: 0, ERROR: 0, WARNING: 0, INFO: 0, clean: 0, missing: 0 };
  g.n++;
  g[worst]++;
  groups.set(key, g);
  // Benign files that must get one finding (files damaged on purpose) say so in expect.
  const ok =
    e.class === 'malicious'
      ? worst === 'ERROR'
      : e.class === 'benign'
        ? worst === (e.expect?.clean === false || e.expect?.severity ? e.expect.severity : 'clean')
        : true;
  if (!ok) {
    problems++;
    console.error(`NOT AS EXPECTED: ${e.dir}/${e.file} (${e.class}) -> ${worst}`);
  }
}
console.log('| directory | class | kind | n | ERROR | WARNING | INFO only | clean |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [key, g] of [...groups.entries()].sort()) {
  const [dir, cls, kind] = key.split(' | ');
  console.log(
    `| ${dir} | ${cls} | ${kind} | ${g.n} | ${g.ERROR} | ${g.WARNING} | ${g.INFO} | ${g.clean} |`,
  );
}
const totals = entries.reduce((acc, e) => ((acc[e.class] = (acc[e.class] ?? 0) + 1), acc), {});
console.log(
  `\n${entries.length} fixtures (${Object.entries(totals)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}); ${problems} not as expected; scanned in ${report.durationMs} ms`,
);
process.exitCode = problems ? 1 : 0;
