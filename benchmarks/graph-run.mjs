// Scans the graph-family benchmark inputs (python3 benchmarks/graph-make.py) with the CLI under
// GNU time and prints wall time, peak RSS and bytes read. MODELAUDIT_CLI overrides the CLI
// (default: the bundled dist/cli.js).
// Run: node benchmarks/graph-run.mjs [files...]
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'benchmarks', 'out', 'graph');
const defaults = [
  'keras-2g.h5',
  'onnx-1p9g-inline.onnx',
  'onnx-external/model.onnx',
  'savedmodel-1g/saved_model.pb',
].map((f) => join(out, f));
const files = process.argv.slice(2).length ? process.argv.slice(2) : defaults.filter(existsSync);
if (files.length === 0) {
  console.error('no inputs: run python3 benchmarks/graph-make.py first');
  process.exit(2);
}
const cli = process.env.MODELAUDIT_CLI ?? join(root, 'dist', 'cli.js');
console.log('| file | size (with external data) | wall | peak RSS | bytes read | findings |');
console.log('|---|---|---|---|---|---|');
for (const file of files) {
  let size = statSync(file).size;
  const data = `${file}.data`;
  if (existsSync(data)) size += statSync(data).size;
  const r = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, cli, 'scan', '--format', 'json', file],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  const wall =
    /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr)?.[1] ?? '?';
  const seconds = wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  const f = report.files[0];
  const rules = [...new Set(f.findings.map((x) => x.ruleId))].join(' ') || 'clean';
  console.log(
    `| ${file.replace(`${out}/`, '')} | ${(size / 1e9).toFixed(2)} GB | ${seconds.toFixed(2)} s | ${(Number(rss) / 1024).toFixed(0)} MB | ${(f.bytesRead / 1e6).toFixed(2)} MB | ${rules} |`,
  );
}
