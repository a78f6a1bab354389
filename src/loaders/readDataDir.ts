/** Reads the loader's inputs from disk, for scripts, tests and the build-time check. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { keyVillageFiles } from '../lib/villages/files.ts';

/** The CSV files of one directory (e.g. a test fixture set), as text, keyed by path from `root`. */
export function readDataDir(dir: string, root = process.cwd()): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((f) => [relative(root, join(dir, f)) || f, readFileSync(join(dir, f), 'utf8')]),
  );
}

const walk = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])) : [];

/**
 * Everything loadDataset() reads, as bytes (so a file that is not UTF-8 can be named):
 * data/*.csv, data/gazetteer/*.csv, the key-village list chosen by `demo`, and content/.
 * `dataDir` replaces data/ (check:data takes another directory; tests use fixture copies).
 */
export function readProjectFiles(root = process.cwd(), options: { dataDir?: string; demo?: boolean } = {}): Record<string, Uint8Array> {
  const dataDir = options.dataDir ?? join(root, 'data');
  const kv = keyVillageFiles(options.demo ?? false);
  const paths = [
    ...readdirSync(dataDir).filter((f) => f.endsWith('.csv') && !(options.demo && f === 'key-villages.csv')).map((f) => join(dataDir, f)),
    ...walk(join(dataDir, 'gazetteer')).filter((f) => f.endsWith('.csv')),
    ...(options.demo ? [kv.list, kv.towns, kv.villages, ...(kv.sources ? [kv.sources] : [])].map((p) => join(root, p)) : []),
    ...walk(join(root, 'content')).filter((f) => /\.mdx?$/.test(f)),
  ];
  return Object.fromEntries(paths.sort().map((p) => [relative(root, p), new Uint8Array(readFileSync(p))]));
}
