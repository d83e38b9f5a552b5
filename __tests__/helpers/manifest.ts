/**
 * Fixture manifests: each fixture directory lists its samples, what made them and what the
 * scan must find (fixtures/<family>/<class>/manifest.json).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FixtureEntry {
  readonly id?: string;
  readonly file: string;
  readonly class: 'malicious' | 'benign' | 'suspicious';
  readonly technique?: string;
  readonly bypassClass?: string;
  readonly reference?: string;
  readonly producer?: string;
  readonly format?: string;
  readonly marker?: string;
  readonly expect: {
    readonly clean?: boolean;
    readonly severity?: 'ERROR' | 'WARNING' | 'INFO';
    readonly rules?: readonly string[];
    readonly evidence?: readonly string[];
  };
}

export interface LoadedFixture extends FixtureEntry {
  readonly path: string;
  readonly manifest: string;
}

export const FIXTURES_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** Every manifest.json under fixtures/, with each entry's absolute path. */
export function loadFixtures(): LoadedFixture[] {
  const out: LoadedFixture[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name === 'manifest.json') {
        const m = JSON.parse(readFileSync(path, 'utf8')) as { fixtures: FixtureEntry[] };
        for (const f of m.fixtures)
          out.push({ ...f, path: join(dirname(path), f.file), manifest: path });
      }
    }
  };
  if (existsSync(FIXTURES_ROOT)) walk(FIXTURES_ROOT);
  return out;
}
