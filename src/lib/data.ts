/**
 * The validated dataset, for pages and endpoints: loadDataset() — the same function as
 * check:data and the build check — over the bundled files. The CSV texts are bundled by
 * Vite, so on-demand routes on the server see exactly the data the static pages were built
 * from. In a demo build the synthetic key-village files are read from disk instead (at build
 * time), so the default build never bundles a demo row.
 */
import { readFileSync } from 'node:fs';
import { loadDataset } from '../loaders/loadDataset.ts';
import type { Dataset, Figure, SourceRow } from '../model.ts';
import { msg } from '../schemas/fields.ts';
import { siteConfig } from './siteConfig.ts';
import { DEMO_FILES } from './villages/files.ts';

const bundled = import.meta.glob(['/data/*.csv', '/data/gazetteer/*.csv', '/content/**/*.mdx'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const files: Record<string, string> = Object.fromEntries(Object.entries(bundled).map(([k, v]) => [k.replace(/^\//, ''), v]));
if (siteConfig.demo) {
  delete files['data/key-villages.csv'];
  for (const p of Object.values(DEMO_FILES)) files[p] = readFileSync(p, 'utf8');
}

export const data: Dataset = loadDataset(files, { demo: siteConfig.demo });

/** A figure by id. Ids in content/ are validated with the data; an id typed in page code that does not exist fails the build here. */
export function figure(id: string): Figure {
  const f = data.byId.get(id);
  if (!f) throw new Error(msg(`未知的数字编号“${id}”：请使用 data/*.csv 中的编号`, `unknown figure id "${id}": use an id from data/*.csv`));
  return f;
}

export function source(id: string): SourceRow {
  const s = data.sources.find((x) => x.id === id);
  if (!s) throw new Error(msg(`未知的来源编号“${id}”`, `unknown source id "${id}"`));
  return s;
}

export function checksFor(id: string) {
  return data.checks.filter((c) => c.figure_ids.includes(id));
}
