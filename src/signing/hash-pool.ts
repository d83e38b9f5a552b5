/**
 * Digests of files and file ranges, streamed in fixed-size chunks (memory stays at one chunk
 * buffer per worker whatever the model's size) and spread over worker threads so that several
 * files, or several shards of one file, hash on several cores at once.
 *
 * The worker's source is inline (evaluated by `new Worker(..., { eval: true })`) so the committed
 * single-file bundles keep working: there is no second file for ncc to miss.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface HashJob {
  readonly path: string;
  readonly start: number;
  /** Exclusive end; undefined hashes to the end of the file. */
  readonly end?: number;
  /** Node digest name: "sha256" or "blake2b512". */
  readonly algorithm: string;
}

export interface HashOutcome {
  /** Lowercase hex, absent when the file could not be read. */
  readonly digest?: string;
  readonly bytes: number;
  readonly error?: string;
}

export interface HashStats {
  readonly jobs: number;
  readonly bytes: number;
  /** Worker threads used (0: hashed on the calling thread). */
  readonly workers: number;
}

export interface HashPoolOptions {
  /** Worker threads; default: the machine's parallelism (at most 8). 0 hashes in-process. */
  readonly workers?: number;
  /** Below this many bytes in total, hash in-process: starting threads costs more. */
  readonly inProcessBelowBytes?: number;
}

const CHUNK = 1024 * 1024;
const DEFAULT_IN_PROCESS_BELOW = 16 * 1024 * 1024;

// Plain CommonJS, run in each worker. Opens non-blocking so that a FIFO swapped in after the walk
// cannot hang the read, and refuses anything that is not a regular file.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const buf = Buffer.allocUnsafe(${CHUNK});
parentPort.on('message', (job) => {
  let fd;
  try {
    fd = fs.openSync(job.path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    if (!fs.fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    const h = createHash(job.algorithm);
    let pos = job.start;
    let bytes = 0;
    for (;;) {
      const want = job.end === undefined ? buf.length : Math.min(buf.length, job.end - pos);
      if (want <= 0) break;
      const n = fs.readSync(fd, buf, 0, want, pos);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
      pos += n;
      bytes += n;
    }
    parentPort.postMessage({ id: job.id, digest: h.digest('hex'), bytes });
  } catch (e) {
    parentPort.postMessage({ id: job.id, bytes: 0, error: (e.code ? e.code + ': ' : '') + 'cannot read' });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
});
`;

/** Hashes every job; outcomes come back in the jobs' order. Never throws for unreadable files. */
export async function hashJobs(
  jobs: readonly HashJob[],
  options: HashPoolOptions = {},
): Promise<{ outcomes: HashOutcome[]; stats: HashStats }> {
  const total = jobs.reduce((s, j) => s + (j.end ?? Infinity) - j.start, 0);
  const wanted = options.workers ?? Math.min(8, availableParallelism());
  const below = options.inProcessBelowBytes ?? DEFAULT_IN_PROCESS_BELOW;
  const workers = jobs.length === 0 || total < below ? 0 : Math.min(wanted, jobs.length);
  const outcomes = workers === 0 ? await hashInProcess(jobs) : await hashInWorkers(jobs, workers);
  return {
    outcomes,
    stats: { jobs: jobs.length, bytes: outcomes.reduce((s, o) => s + o.bytes, 0), workers },
  };
}

async function hashInProcess(jobs: readonly HashJob[]): Promise<HashOutcome[]> {
  const buf = Buffer.allocUnsafe(CHUNK);
  const out: HashOutcome[] = [];
  for (const job of jobs) out.push(await hashOne(job, buf));
  return out;
}

async function hashOne(job: HashJob, buf: Buffer): Promise<HashOutcome> {
  let fh;
  try {
    fh = await open(job.path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!(await fh.stat()).isFile()) return { bytes: 0, error: 'ENOTREG: cannot read' };
    const h = createHash(job.algorithm);
    let pos = job.start;
    let bytes = 0;
    for (;;) {
      const want = job.end === undefined ? buf.length : Math.min(buf.length, job.end - pos);
      if (want <= 0) break;
      const { bytesRead } = await fh.read(buf, 0, want, pos);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
      pos += bytesRead;
      bytes += bytesRead;
    }
    return { digest: h.digest('hex'), bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { bytes: 0, error: `${code ? `${code}: ` : ''}cannot read` };
  } finally {
    await fh?.close();
  }
}

interface WorkerReply {
  readonly id: number;
  readonly digest?: string;
  readonly bytes: number;
  readonly error?: string;
}

async function hashInWorkers(jobs: readonly HashJob[], count: number): Promise<HashOutcome[]> {
  const outcomes: HashOutcome[] = new Array<HashOutcome>(jobs.length);
  // Largest first, so one big file does not start last and leave the other threads idle.
  const order = jobs
    .map((j, i) => ({ i, size: (j.end ?? Number.MAX_SAFE_INTEGER) - j.start }))
    .sort((a, b) => b.size - a.size)
    .map((x) => x.i);
  let next = 0;
  const pool = Array.from({ length: count }, () => new Worker(WORKER_SOURCE, { eval: true }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= order.length) return resolve();
              const id = order[next++]!;
              worker.postMessage({ ...jobs[id]!, id });
            };
            worker.on('message', (r: WorkerReply) => {
              outcomes[r.id] = {
                bytes: r.bytes,
                ...(r.digest !== undefined ? { digest: r.digest } : {}),
                ...(r.error !== undefined ? { error: r.error } : {}),
              };
              feed();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < order.length || code !== 0)
                reject(new Error(`hash worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return outcomes;
}
