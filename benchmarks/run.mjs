// Scans the benchmark inputs with the bundled CLI and prints time, throughput and peak RSS.
// Make the inputs first: python3 benchmarks/make_pickles.py
// Run: node benchmarks/run.mjs [files...]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'benchmarks', 'out');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : existsSync(out)
    ? readdirSync(out).map((f) => join(out, f))
    : [];
if (files.length === 0) {
  console.error('no inputs: run python3 benchmarks/make_pickles.py first');
  process.exit(2);
}
const cli = join(root, 'dist', 'cli.js');
console.log('| file | size | wall | throughput | peak RSS | bytes read | findings |');
console.log('|---|---|---|---|---|---|---|');
for (const file of files) {
  const size = statSync(file).size;
  // GNU time reports the child's peak RSS ("Maximum resident set size", KB).
  const r = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, cli, 'scan', '--format', 'json', file],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
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
  const gbps = size / 1e9 / seconds;
  console.log(
    `| ${file.split('/').pop()} | ${(size / 1e9).toFixed(2)} GB | ${seconds.toFixed(2)} s | ${gbps.toFixed(2)} GB/s | ${(Number(rss) / 1024).toFixed(0)} MB | ${(f.bytesRead / 1e6).toFixed(1)} MB | ${f.findings.length} |`,
  );
}
