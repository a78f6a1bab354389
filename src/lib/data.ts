/**
 * The validated dataset, for pages and endpoints. The CSV texts are bundled by Vite, so
 * on-demand routes on the server see exactly the data the static pages were built from.
 */
import { loadDataset, type Dataset, type Figure } from '../loaders/loadDataset.ts';

const files = import.meta.glob('/data/*.csv', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const data: Dataset = loadDataset(Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replace(/^\//, ''), v])));

/** A figure by id; an unknown id fails the build. */
export function figure(id: string): Figure {
  const f = data.byId.get(id);
  if (!f) throw new Error(`Unknown figure id "${id}". Known ids are listed in data/*.csv.`);
  return f;
}

export function source(id: string) {
  const s = data.sources.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown source id "${id}"`);
  return s;
}

export function checksFor(id: string) {
  return data.checks.filter((c) => c.figure_ids.includes(id));
}
