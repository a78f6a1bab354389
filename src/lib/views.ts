/**
 * Views: named subsets of a table that a chart shows. Each view is downloadable at a
 * stable URL whose file name says the filter, so a chart's 下载数据 link gives exactly
 * the rows the chart draws (e.g. /data/monitoring--status-not_eliminated.csv).
 *
 * Chart pages register the views they draw here; the download endpoints and the dataset
 * catalogue read the same list.
 */
import type { Figure } from '../model.ts';

export interface View {
  /** Table (dataset) id, e.g. "monitoring". */
  table: string;
  /** Dimension column → allowed values. Rows match when every column matches. */
  filter: Record<string, string[]>;
  /** What the view shows, in Chinese, for the dataset page. */
  description_zh: string;
}

const CATEGORIES = ['unstable', 'marginal', 'sudden'];

/** 防返贫监测 chart: eliminated vs not eliminated by household category, households. */
export const VIEW_MONITORING_STATUS_HOUSEHOLDS: View = {
  table: 'monitoring',
  filter: { category: CATEGORIES, status: ['eliminated', 'not_eliminated'], measure: ['households'] },
  description_zh: '按户类分的已消除风险与尚未消除风险户数（防返贫监测页图表）。',
};
/** 防返贫监测 chart: the same in persons. */
export const VIEW_MONITORING_STATUS_PERSONS: View = {
  table: 'monitoring',
  filter: { category: CATEGORIES, status: ['eliminated', 'not_eliminated'], measure: ['persons'] },
  description_zh: '按户类分的已消除风险与尚未消除风险人数（防返贫监测页图表）。',
};
/** 防返贫监测 charts: the new screening round by household category (households and persons). */
export const VIEW_MONITORING_NEW: View = {
  table: 'monitoring',
  filter: { category: CATEGORIES, status: ['new'] },
  description_zh: '集中排查新增的监测对象，按户类分的户数与人数（防返贫监测页图表）。',
};
/** 东西部协作 chart: Quzhou–Mianyang pairings by type. */
export const VIEW_EASTWEST_PAIRINGS: View = {
  table: 'east-west-pairings',
  filter: { pair_type: ['school', 'township', 'village', 'village_enterprise'] },
  description_zh: '衢绵结对数，按学校、镇乡、村村、村企四类（东西部协作页图表）。',
};

export const VIEWS: View[] = [VIEW_MONITORING_STATUS_HOUSEHOLDS, VIEW_MONITORING_STATUS_PERSONS, VIEW_MONITORING_NEW, VIEW_EASTWEST_PAIRINGS];

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
