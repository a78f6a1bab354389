/**
 * The charts the topic pages draw, as pure functions of the dataset: which figures, in
 * which order, with which labels, and the one-sentence takeaway. Every number in a
 * takeaway is read from the figures, never typed. Each chart names the view (views.ts)
 * that its 下载数据 link downloads.
 */
import type { Dataset, Figure } from '../../model.ts';
import { withUnit } from '../format.ts';
import { CATEGORY_ORDER, CATEGORY_ZH, PAIR_TYPE_ZH, STATUS_ZH } from '../dims.ts';
import { VIEW_EASTWEST_PAIRINGS, VIEW_MONITORING_NEW, VIEW_MONITORING_STATUS_HOUSEHOLDS, VIEW_MONITORING_STATUS_PERSONS, viewFigures, type View } from '../views.ts';
import type { BarRow } from './barChart.ts';

export interface ChartDef {
  /** Unique in the page: SVG ids and anchors derive from it. */
  id: string;
  title: string;
  takeaway: string;
  figures: Figure[];
  rows: BarRow[];
  view: View;
}

const show = (f: Figure) => withUnit(f.value, f.unit);
// A derived value says so on the bar itself, not only in the table and card.
const bar = (f: Figure, label: string, extra: Partial<BarRow> = {}): BarRow => ({ label, value: Number(f.base_value), display: f.kind === 'derived' ? `${show(f)}（推算）` : show(f), id: f.id, ...extra });
const pick = (figs: Figure[], dims: Record<string, string>) => {
  const f = figs.find((x) => Object.entries(dims).every(([k, v]) => x.dims[k] === v));
  if (!f) throw new Error(`No figure with ${JSON.stringify(dims)}`);
  return f;
};

/**
 * "A最多（x），B最少（y）" from the figures themselves; says nothing when the
 * largest or smallest is tied, because then there is no single largest or smallest.
 */
export function extremes(figs: Figure[], name: (f: Figure) => string): string {
  if (figs.length < 2) return '';
  const sorted = [...figs].sort((a, b) => Number(b.base_value) - Number(a.base_value));
  const [hi, lo] = [sorted[0], sorted[sorted.length - 1]];
  const parts: string[] = [];
  if (sorted[1].base_value !== hi.base_value) parts.push(`${name(hi)}最多（${show(hi)}）`);
  if (sorted[sorted.length - 2].base_value !== lo.base_value) parts.push(`${name(lo)}最少（${show(lo)}）`);
  return parts.join('，');
}

const prefixed = (p: string, s: string) => (s ? p + s : '');

/** Eliminated vs not eliminated, by household category, in one measure. */
export function monitoringStatusChart(d: Dataset, measure: 'households' | 'persons'): ChartDef {
  const view = measure === 'households' ? VIEW_MONITORING_STATUS_HOUSEHOLDS : VIEW_MONITORING_STATUS_PERSONS;
  const figs = viewFigures(view, d.figures);
  const rows: BarRow[] = [];
  const ordered: Figure[] = [];
  for (const c of CATEGORY_ORDER) {
    for (const [i, s] of (['eliminated', 'not_eliminated'] as const).entries()) {
      const f = pick(figs, { category: c, status: s });
      ordered.push(f);
      rows.push(bar(f, `${STATUS_ZH[s]}`, { series: i, group: CATEGORY_ZH[c] }));
    }
  }
  const all = d.figures.filter((f) => f.table === 'monitoring' && f.dims.category === 'all' && f.dims.measure === measure);
  const total = pick(all, { status: 'monitored' });
  const elim = pick(all, { status: 'eliminated' });
  const notElim = pick(all, { status: 'not_eliminated' });
  const noun = measure === 'households' ? '户数' : '人数';
  return {
    id: `monitoring-status-${measure}`,
    title: `监测对象${noun}：按户类分已消除风险与尚未消除风险`,
    takeaway: `${total.period.label}，纳入监测的${show(total)}中，已消除风险${show(elim)}，尚未消除风险${show(notElim)}。`,
    figures: ordered,
    rows,
    view,
  };
}

/** The new screening round, households by category. */
export function monitoringNewChart(d: Dataset, measure: 'households' | 'persons'): ChartDef {
  const figs = viewFigures(VIEW_MONITORING_NEW, d.figures).filter((f) => f.dims.measure === measure);
  const ordered = CATEGORY_ORDER.map((c) => pick(figs, { category: c }));
  const total = pick(d.figures.filter((f) => f.table === 'monitoring'), { category: 'all', status: 'new', measure });
  const noun = measure === 'households' ? '户数' : '人数';
  return {
    id: `monitoring-new-${measure}`,
    title: `集中排查新增监测对象${noun}：按户类分`,
    takeaway: `集中排查新增监测对象共${show(total)}${prefixed('，其中', extremes(ordered, (f) => CATEGORY_ZH[f.dims.category]))}。`,
    figures: ordered,
    rows: ordered.map((f) => bar(f, CATEGORY_ZH[f.dims.category])),
    view: VIEW_MONITORING_NEW,
  };
}

/** Quzhou–Mianyang pairings by type. */
export function pairingsChart(d: Dataset): ChartDef {
  const figs = viewFigures(VIEW_EASTWEST_PAIRINGS, d.figures);
  const ordered = VIEW_EASTWEST_PAIRINGS.filter.pair_type.map((t) => pick(figs, { pair_type: t }));
  return {
    id: 'eastwest-pairings',
    title: '衢绵结对数：按结对类型分',
    takeaway: `${ordered[0].period.label}，${prefixed('衢绵结对中，', extremes(ordered, (f) => PAIR_TYPE_ZH[f.dims.pair_type])) || '衢绵结对数按类型见图'}。`,
    figures: ordered,
    rows: ordered.map((f) => bar(f, PAIR_TYPE_ZH[f.dims.pair_type])),
    view: VIEW_EASTWEST_PAIRINGS,
  };
}
