/**
 * Views: named subsets of a table that a chart shows. Each view is downloadable at a
 * stable URL whose file name says the filter, so a chart's 下载数据 link gives exactly
 * the rows the chart draws (e.g. /data/monitoring--status-not_eliminated.csv).
 *
 * Chart pages register the views they draw here; the download endpoints and the dataset
 * catalogue read the same list.
 */
import type { Figure } from '../loaders/loadDataset.ts';

export interface View {
  /** Table (dataset) id, e.g. "monitoring". */
  table: string;
  /** Dimension column → allowed values. Rows match when every column matches. */
  filter: Record<string, string[]>;
  /** What the view shows, in Chinese, for the dataset page. */
  description_zh: string;
}

export const VIEWS: View[] = [];

/** The file stem for a view: table--col-v1+v2--col2-v (columns sorted, values as given). */
export function viewStem(v: Pick<View, 'table' | 'filter'>): string {
  const parts = Object.keys(v.filter)
    .sort()
    .map((k) => `${k}-${v.filter[k].join('+')}`);
  return [v.table, ...parts].join('--');
}

export function viewHref(v: Pick<View, 'table' | 'filter'>, ext: 'csv' | 'json' = 'csv'): string {
  return `/data/${viewStem(v)}.${ext}`;
}

/** The figures of a view, in table order. */
export function viewFigures(v: Pick<View, 'table' | 'filter'>, figures: Figure[]): Figure[] {
  return figures.filter((f) => f.table === v.table && Object.entries(v.filter).every(([k, vals]) => vals.includes(f.dims[k] ?? (f as unknown as Record<string, string>)[k])));
}
