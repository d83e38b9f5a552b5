// Fails when the committed bundles in dist/ differ from a fresh build of the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fresh = mkdtempSync(join(tmpdir(), 'modelaudit-dist-'));
try {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), fresh], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const built = readdirSync(fresh).filter((f) => f.endsWith('.js'));
  if (built.length === 0) {
    console.error('check-dist: the build produced no bundle');
    process.exit(1);
  }
  let stale = false;
  for (const name of built) {
    const committed = join(root, 'dist', name);
    if (
      !existsSync(committed) ||
      !readFileSync(committed).equals(readFileSync(join(fresh, name)))
    ) {
      console.error(
        `check-dist: dist/${name} is not the bundle of the current sources; run "npm run build" and commit dist/`,
      );
      stale = true;
    }
  }
  if (stale) process.exit(1);
  console.log(`check-dist: ${built.join(', ')} match a fresh build`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
