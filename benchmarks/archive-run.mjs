// Scans the archive benchmark inputs and prints wall time (with and without Node's own start-up),
// in-process scan time, peak RSS and bytes read beside the file size.
// Make the inputs first: python3 benchmarks/archive-make.py
// Run: node benchmarks/archive-run.mjs [--cli path/to/cli.js] [files...]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const cliAt = args.indexOf('--cli');
const cli = cliAt >= 0 ? resolve(args.splice(cliAt, 2)[1]) : join(root, 'dist', 'cli.js');
const out = join(root, 'benchmarks', 'out', 'archive');
const files = args.length ? args : existsSync(out) ? readdirSync(out).map((f) => join(out, f)) : [];
if (files.length === 0) {
  console.error('no inputs: run python3 benchmarks/archive-make.py first');
  process.exit(2);
}

function timed(argv) {
  const r = spawnSync('/usr/bin/time', ['-v', ...argv], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const wall =
    /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr)?.[1] ?? '0';
  return { r, rss, seconds: wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) };
}

// What starting Node.js alone costs on this machine, to read the scan's own share of the wall time.
const idle = timed([process.execPath, '-e', '0']);
console.log(
  `Node.js start-up alone: ${idle.seconds.toFixed(2)} s, ${(idle.rss / 1024).toFixed(0)} MB RSS`,
);
console.log(
  '| file | size | wall | in-process scan | peak RSS | bytes read | read/size | status |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const file of files) {
  const size = statSync(file).size;
  const { r, rss, seconds } = timed([process.execPath, cli, 'scan', '--format', 'json', file]);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  const f = report.files[0];
  console.log(
    `| ${file.split('/').pop()} | ${(size / 1e9).toFixed(2)} GB | ${seconds.toFixed(2)} s | ${(f.durationMs / 1000).toFixed(3)} s | ${(rss / 1024).toFixed(0)} MB | ${(f.bytesRead / 1e6).toFixed(2)} MB | ${((100 * f.bytesRead) / size).toFixed(3)} % | ${f.status} (${f.findings.length} findings) |`,
  );
}
