// Decoder throughput against the native tools: an incompressible .bz2 and .zst (what compressed
// weights look like) decoded by `modelaudit scan` and by `bzip2 -d` / `zstd -d`, side by side.
// Inputs are generated at run time into a temporary directory and removed afterwards.
//
// Run: node benchmarks/decoders-run.mjs [--size-mb 1024] [--node path/to/node] [--cli dist/cli.js]
// Needs bzip2 and zstd on PATH (Debian: apt-get install bzip2 zstd) and GNU time (/usr/bin/time).
// --node runs the scanner under another Node.js (node ≥ 22.15 uses its own zstd decoder).
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizeMb = Number(opt('--size-mb', '1024'));
const node = resolve(opt('--node', process.execPath));
const cli = resolve(opt('--cli', join(root, 'dist', 'cli.js')));
const dir = mkdtempSync(join(tmpdir(), 'modelaudit-decoders-'));

function timed(argv, stdout = 'ignore') {
  const r = spawnSync('/usr/bin/time', ['-v', ...argv], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    stdio: ['ignore', stdout, 'pipe'],
  });
  const field = (re) => re.exec(r.stderr)?.[1];
  const wall = (field(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/) ?? '0')
    .split(':')
    .reduce((acc, part) => acc * 60 + Number(part), 0);
  const cpu =
    Number(field(/User time \(seconds\): ([\d.]+)/)) +
    Number(field(/System time \(seconds\): ([\d.]+)/));
  const rss = Number(field(/Maximum resident set size \(kbytes\): (\d+)/)) / 1024;
  if (r.status !== 0 && !(argv.includes('scan') && r.status === 1))
    throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { r, wall, cpu, rss };
}

try {
  // Incompressible content, made once and compressed by each tool.
  const plain = join(dir, 'weights.bin');
  const fd = openSync(plain, 'w');
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < sizeMb; i++) writeSync(fd, randomFillSync(chunk));
  closeSync(fd);
  const bytes = statSync(plain).size;
  console.error(`compressing ${sizeMb} MB of random bytes with bzip2 and zstd…`);
  spawnSync('bzip2', ['-k', '-9', plain], { stdio: 'inherit' });
  spawnSync('zstd', ['-q', '-3', '-T1', plain, '-o', `${plain}.zst`], { stdio: 'inherit' });
  rmSync(plain);

  const rows = [];
  for (const [file, tool] of [
    [`${plain}.bz2`, ['bzip2', '-dc']],
    [`${plain}.zst`, ['zstd', '-dc', '-T1']],
  ]) {
    const name = file.split('/').pop();
    const nativeRun = timed([...tool, file], 'ignore');
    rows.push({ name, decoder: tool.join(' '), ...nativeRun });
    const scan = timed(
      [node, cli, 'scan', '--format', 'json', '--timeout', '100000', file],
      'pipe',
    );
    const report = JSON.parse(scan.r.stdout);
    const f = report.files[0];
    const rules = [...new Set(f.findings.map((x) => `${x.severity} ${x.ruleId}`))].join(', ');
    rows.push({
      name,
      decoder: `modelaudit scan (${f.status}; ${rules || 'no findings'})`,
      ...scan,
    });
  }
  console.log(
    `Node.js ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}, ${sizeMb} MB of incompressible content`,
  );
  console.log('| input | decoder | wall | CPU | MB/s (wall) | MB/s (CPU) | peak RSS |');
  console.log('|---|---|---|---|---|---|---|');
  for (const x of rows)
    console.log(
      `| ${x.name} (${(statSync(join(dir, x.name)).size / 1e6).toFixed(0)} MB) | ${x.decoder} | ${x.wall.toFixed(1)} s | ${x.cpu.toFixed(1)} s | ${(bytes / 1e6 / x.wall).toFixed(1)} | ${(bytes / 1e6 / x.cpu).toFixed(1)} | ${x.rss.toFixed(0)} MB |`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
