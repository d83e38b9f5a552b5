// Signs and verifies a generated model directory of GB-scale with the bundled CLI, and prints
// wall time, throughput and peak RSS (GNU time) for each run. Not a test: run it by hand.
//
//   npm run build && node benchmarks/signing-run.mjs [total-GB=10] [dir=/tmp/modelaudit-sign-bench]
//
// The model: 4 safetensors-like shards of random bytes written in 1 MiB blocks (real disk and
// page-cache reads), plus sparse files (holes read as zeros, so they measure hashing, not the
// disk), plus a few small JSON files. The page cache is not dropped between runs (no root
// assumption); the first verify after generation reads from cache where memory allows.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomFillSync } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const totalGB = Number(process.argv[2] ?? 10);
const dir = resolve(process.argv[3] ?? '/tmp/modelaudit-sign-bench');
const GB = 1e9;

function makeModel() {
  rmSync(dir, { recursive: true, force: true });
  const model = join(dir, 'model');
  mkdirSync(model, { recursive: true });
  const randomBytes = Math.round((totalGB * GB) / 2);
  const perRandom = Math.floor(randomBytes / 4);
  const block = Buffer.alloc(1 << 20);
  for (let i = 1; i <= 4; i++) {
    const fd = openSync(join(model, `model-0000${i}-of-00004.safetensors`), 'w');
    for (let left = perRandom; left > 0; left -= block.length) {
      randomFillSync(block);
      writeSync(fd, block, 0, Math.min(block.length, left));
    }
    closeSync(fd);
  }
  const sparseBytes = totalGB * GB - 4 * perRandom;
  for (let i = 1; i <= 2; i++) {
    const p = join(model, `sparse-${i}.bin`);
    writeFileSync(p, '');
    truncateSync(p, Math.floor(sparseBytes / 2));
  }
  writeFileSync(join(model, 'config.json'), '{"model_type": "bench"}\n');
  writeFileSync(join(model, 'tokenizer.json'), JSON.stringify({ vocab: {} }));
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(dir, 'key.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
  return { model, bytes: 4 * perRandom + 2 * Math.floor(sparseBytes / 2) };
}

function timed(label, args, bytes) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpu = /Percent of CPU this job got: (\d+)%/.exec(r.stderr)?.[1];
  console.log(
    `| ${label} | ${(bytes / GB).toFixed(2)} GB | ${seconds.toFixed(1)} s | ${(bytes / 1e6 / seconds).toFixed(0)} MB/s | ${(rssKb / 1024).toFixed(0)} MiB | ${cpu}% | exit ${r.status} |`,
  );
  if (r.status !== 0 && label.startsWith('verify')) console.log(r.stdout.slice(0, 2000));
}

const { model, bytes } = makeModel();
console.log(`model: ${model} (${(bytes / GB).toFixed(2)} GB, half random, half sparse)`);
console.log('| run | size | wall | throughput | peak RSS | CPU | result |');
console.log('|---|---|---|---|---|---|---|');
timed('sign (files)', ['sign', '--key', join(dir, 'key.pem'), model], bytes);
timed('verify (files)', ['verify', '--public-key', join(dir, 'key.pub'), model], bytes);
timed('verify (files, again)', ['verify', '--public-key', join(dir, 'key.pub'), model], bytes);
timed(
  'sign (shards 1 GB)',
  ['sign', '--key', join(dir, 'key.pem'), '--shard-size', '1000000000', model],
  bytes,
);
timed('verify (shards 1 GB)', ['verify', '--public-key', join(dir, 'key.pub'), model], bytes);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
