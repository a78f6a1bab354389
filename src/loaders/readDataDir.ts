/** Reads data/*.csv from disk for scripts, tests and the build-time check. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function readDataDir(dir: string, root = process.cwd()): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((f) => [relative(root, join(dir, f)) || f, readFileSync(join(dir, f), 'utf8')]),
  );
}
