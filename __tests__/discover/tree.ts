/**
 * Temporary trees for discovery tests: files, links, FIFOs (mkfifo), sockets (a listening
 * server) and, when running as root, a character device (mknod).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { p } from '../helpers/pickle-builder.js';

/** A pickle that calls os.system: MA2001 when scanned. */
export const EVIL = p()
  .proto(4)
  .stackGlobal('os', 'system')
  .str('touch /tmp/modelaudit-marker-discover')
  .op('TUPLE1')
  .reduce()
  .stop()
  .build();

/** Devices can only be made by root. */
export const IS_ROOT = process.getuid?.() === 0;

const made: string[] = [];
const servers: Server[] = [];

export function tempDir(prefix = 'modelaudit-discover-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

export function cleanupTrees(): Promise<void> {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  return Promise.all(
    servers.splice(0).map((s) => new Promise<void>((done) => s.close(() => done()))),
  ).then(() => undefined);
}

/** Writes files (string or bytes) under `root`, creating directories. */
export function put(root: string, files: Record<string, string | Buffer>): string {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

export function link(root: string, rel: string, target: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  symlinkSync(target, join(root, rel));
}

export function fifo(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  execFileSync('mkfifo', [path]);
}

/** A character device like /dev/null (major 1, minor 3); root only. */
export function charDevice(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  execFileSync('mknod', [path, 'c', '1', '3']);
}

/** A Unix socket file that exists until cleanupTrees(). */
export async function socket(path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const server = createServer();
  servers.push(server);
  await new Promise<void>((done) => server.listen(path, () => done()));
}
