/**
 * The open-data catalogue as data: every table in TABLES is a dataset, plus a combined
 * table of all figures (generated from the figure tables) and the key-village list (not
 * yet published). Each dataset carries the exact rows a download holds, in machine form,
 * and a schema from which its data dictionary is generated.
 *
 * Pure: a function of the validated Dataset and the chart views, so scripts and tests can
 * build the same catalogue the site serves.
 */
import { z } from 'astro/zod';
import type { ChangelogRow } from '../../model.ts';
import { TABLES } from '../../schemas/tables.ts';
import { figureFields } from '../../schemas/figure.ts';
import { text } from '../../schemas/fields.ts';
import type { Dataset, Figure } from '../../model.ts';
import { KeyVillageRowSchema } from '../villages/schema.ts';
import { viewFigures, viewStem, type View } from '../views.ts';
import { columnsOf, shapeOf, withMeta, type ColumnDoc } from './columns.ts';

/** A cell in machine form: text as validated, a number as its decimal string, or empty. */
export type Cell = string | null;
export type Row = Record<string, Cell>;

export interface Period {
  /** Earliest and latest date covered (ISO). */
  start: string | null;
  end: string | null;
  /** Rows without an end date (undated, as of publication, since …): counted as their source's year. */
  undatedRows: number;
  /** Publication years of the sources of those rows. */
  sourceYears: string[];
  /** What the dates describe, in Chinese. */
  basis_zh: string;
}

export interface DatasetView {
  stem: string;
  view: View;
  rows: Row[];
}

export interface OpenDataset {
  id: string;
  title_zh: string;
  title_en: string;
  description_zh: string;
  /** published: data in the portal; unpublished: the bureau has not published it yet. */
  status: 'published' | 'unpublished';
  /** How the dataset comes about: a curated table, or generated from other tables. */
  origin_zh: string;
  columns: ColumnDoc[];
  primaryKey: string[];
  rows: Row[];
  period: Period | null;
  /** Ids of sources (sources.csv) its rows cite. */
  sourceIds: string[];
  /** Data changes touching it, newest first. */
  changes: ChangelogRow[];
  /** Date of the newest change, or null if never published. */
  updated: string | null;
  /** Chart views: subsets of this table that charts draw. */
  views: DatasetView[];
}

/** Columns the build adds to a figure table's download. */
const computedColumns = {
  value: withMeta(figureFields.value, {
    description: 'The value in the published unit: as published, or for a derived row (kind = derived) computed by the build from the formula, rounded to `decimals` where it does not end.',
    unit: 'unit 列 (column unit)',
  }),
  base_value: text().meta({ fieldType: 'number', unit: 'base_unit 列 (column base_unit)', description: 'The value converted to the base unit with the factor in units.csv, exactly (e.g. 1134.58 万元 → 11345800 元); rounded like value for a share that does not end. Computed by the build.' }),
  base_unit: text().describe('The base unit of base_value (e.g. 元). From units.csv.'),
};

/** A figure table's download schema: its own columns with base_value and base_unit after unit. */
function figureDownloadSchema(schema: z.core.$ZodType) {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const [k, v] of Object.entries(shapeOf(schema))) {
    if (k === 'value') shape.value = computedColumns.value;
    else shape[k] = v;
    if (k === 'unit') Object.assign(shape, { base_value: computedColumns.base_value, base_unit: computedColumns.base_unit });
  }
  return z.object(shape);
}

/** The combined table of every figure, as the site shows them. */
export const allFiguresSchema = z.object({
  id: figureFields.id,
  table: text().describe('The dataset (table) the row comes from: monitoring, figures or east-west-pairings.'),
  topic: text().describe('Topic page: monitoring, income, funds, eastwest, villages or survey.'),
  label_zh: figureFields.label_zh,
  label_en: figureFields.label_en,
  value: computedColumns.value,
  unit: figureFields.unit,
  base_value: computedColumns.base_value,
  base_unit: computedColumns.base_unit,
  unit_kind: z.enum(['count', 'money', 'percent']).describe('Kind of unit: count, money or percent.'),
  period_type: figureFields.period_type,
  period_start: figureFields.period_start,
  period_end: figureFields.period_end,
  period_label: figureFields.period_label,
  area_code: figureFields.area_code,
  source_id: figureFields.source_id,
  source_title_zh: text().describe('Title of the source (from sources.csv), in Chinese.'),
  source_url: z.string().describe('Address of the source, where known (from sources.csv).'),
  locator: figureFields.locator,
  kind: figureFields.kind,
  formula: figureFields.formula,
  formula_shown: z.string().describe('For a derived row: the formula with each figure id replaced by its value, e.g. 795 ÷ 2214 × 100.'),
  decimals: figureFields.decimals,
  category: z.string().describe('monitoring rows only: household category (unstable, marginal, sudden, all).'),
  status: z.string().describe('monitoring rows only: monitoring status (new, monitored, eliminated, not_eliminated).'),
  measure: z.string().describe('monitoring rows only: households or persons.'),
  pair_type: z.string().describe('east-west-pairings rows only: kind of pairing (school, township, village, village_enterprise).'),
  note_zh: figureFields.note_zh,
});

/** Key villages: lon/lat are numbers once given (the village schema parses them). */
const keyVillageDownloadSchema = z.object({
  ...KeyVillageRowSchema.shape,
  lon: withMeta(KeyVillageRowSchema.shape.lon, { fieldType: 'number', unit: '度 (decimal degrees)' }),
  lat: withMeta(KeyVillageRowSchema.shape.lat, { fieldType: 'number', unit: '度 (decimal degrees)' }),
});

/** A validated value in machine form: no grouping, ISO dates as they are, lists joined by ";". */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(';');
  return String(v);
}

function machineRow(columns: ColumnDoc[], row: Record<string, unknown>): Row {
  return Object.fromEntries(columns.map((c) => [c.name, toCell(row[c.name])]));
}

/** A figure table's row with the computed value, base_value and base_unit of its figure. */
function figureRow(row: Record<string, unknown>, f: Figure | undefined): Record<string, unknown> {
  if (!f) throw new Error(`figure ${String(row.id)} missing from the dataset`);
  return { ...row, value: f.value, base_value: f.base_value, base_unit: f.base_unit };
}

function allFiguresRow(f: Figure, data: Dataset): Record<string, unknown> {
  const s = data.sources.find((x) => x.id === f.source_id);
  return {
    ...f, ...f.dims,
    period_type: f.period.type, period_start: f.period.start, period_end: f.period.end, period_label: f.period.label,
    source_title_zh: s?.title_zh, source_url: s?.url,
  };
}

/**
 * The period figure rows cover: their stated dates; a row without an end date (undated,
 * "as of publication", "since …") counts as its source's year of publication, and says so.
 */
function figurePeriod(figures: Figure[], data: Dataset): Period | null {
  if (!figures.length) return null;
  const dates: string[] = [];
  const years = new Set<string>();
  let openRows = 0;
  for (const f of figures) {
    if (f.period.start) dates.push(f.period.start);
    if (f.period.end) dates.push(f.period.end);
    else {
      const y = data.sources.find((s) => s.id === f.source_id)?.year;
      openRows++;
      if (y) {
        years.add(y);
        if (!f.period.start) dates.push(`${y}-01-01`);
        dates.push(`${y}-12-31`);
      }
    }
  }
  dates.sort();
  return { start: dates[0] ?? null, end: dates.at(-1) ?? null, undatedRows: openRows, sourceYears: [...years].sort(), basis_zh: '各行数字所指的时期' };
}

function datesPeriod(dates: (string | null | undefined)[], basis_zh: string): Period | null {
  const ds = dates.filter((d): d is string => !!d).sort();
  return ds.length ? { start: ds[0], end: ds.at(-1)!, undatedRows: 0, sourceYears: [], basis_zh } : null;
}

const changesFor = (data: Dataset, tables: string[]) =>
  data.changelog.filter((c) => String(c.tables).split(';').map((t) => t.trim()).some((t) => tables.includes(t)));

/** Every dataset of the catalogue, in TABLES order, then all-figures and key-villages. */
export function buildDatasets(data: Dataset, views: readonly View[] = [], keyVillages: readonly Record<string, unknown>[] = []): OpenDataset[] {
  const out: OpenDataset[] = [];
  for (const t of TABLES) {
    const schema = t.figures ? figureDownloadSchema(t.schema) : t.schema;
    const columns = columnsOf(schema);
    const validated = data.tables[t.id] ?? [];
    const raw = t.figures ? validated.map((r) => figureRow(r, data.byId.get(String(r.id)))) : validated;
    const figures = t.figures ? data.figures.filter((f) => f.table === t.id) : [];
    let period: Period | null = null;
    let sourceIds: string[] = [];
    if (t.figures) {
      period = figurePeriod(figures, data);
      sourceIds = figures.map((f) => f.source_id);
    } else if (t.id === 'sources') {
      period = datesPeriod(data.sources.flatMap((s) => [`${s.year}-01-01`, `${s.year}-12-31`]), '来源的发布年份');
    } else if (t.id === 'county-pairs') {
      sourceIds = data.countyPairs.flatMap((p) => p.source_ids.split(';').map((s) => s.trim()));
    } else if (t.id === 'changelog') {
      period = datesPeriod(data.changelog.map((c) => c.date), '数据变更的日期');
    }
    // The changelog table changes whenever a change is recorded.
    const changes = t.id === 'changelog' ? data.changelog : changesFor(data, [t.id]);
    out.push({
      id: t.id, title_zh: t.title_zh, title_en: t.title_en, description_zh: t.description_zh,
      status: 'published',
      origin_zh: `整理自来源的数据表 data/${t.file}，经构建时逐行校验${t.figures ? '；value 列对推算行填入构建计算的值，并增加 base_value、base_unit 两列（换算为基本单位）' : ''}。`,
      columns, primaryKey: [t.key],
      rows: raw.map((r) => machineRow(columns, r)),
      period, sourceIds: [...new Set(sourceIds)].sort(),
      changes, updated: changes[0]?.date ?? null,
      views: views.filter((v) => v.table === t.id).map((v) => {
        const ids = new Set(viewFigures(v, data.figures).map((f) => f.id));
        return { stem: viewStem(v), view: v, rows: raw.filter((r) => ids.has(String(r.id))).map((r) => machineRow(columns, r)) };
      }),
    });
  }

  const figureTables = TABLES.filter((t) => t.figures).map((t) => t.id);
  const allColumns = columnsOf(allFiguresSchema);
  const allChanges = changesFor(data, [...figureTables, 'units', 'sources']);
  out.push({
    id: 'all-figures', title_zh: '全部数字（合并表）', title_en: 'All figures (combined)',
    description_zh: '本门户展示的全部数字合为一表：每行一个数字，含发布值与单位、换算为基本单位的值、时期、来源及推算公式。',
    status: 'published',
    origin_zh: `由构建从 ${figureTables.join('、')} 三张数字表生成（并据 units.csv 换算、据 sources.csv 填入来源标题），不是单独维护的表；内容与这三张表逐行一致。`,
    columns: allColumns, primaryKey: ['id'],
    rows: data.figures.map((f) => machineRow(allColumns, allFiguresRow(f, data))),
    period: figurePeriod(data.figures, data),
    sourceIds: [...new Set(data.figures.map((f) => f.source_id))].sort(),
    changes: allChanges, updated: allChanges[0]?.date ?? null, views: [],
  });

  // The key-village list: the schema is ready, the list itself is not published yet.
  const villageColumns = columnsOf(keyVillageDownloadSchema);
  const planned = data.byId.get('villages.key.total');
  const published = keyVillages.length > 0;
  const villageChanges = changesFor(data, ['key-villages']);
  out.push({
    id: 'key-villages', title_zh: '乡村振兴重点帮扶村名单', title_en: 'Key villages for rural revitalization assistance',
    description_zh: `重点帮扶村的名称、所属乡镇与区县、帮扶类别和位置。${planned ? `本局公布确定重点帮扶村 ${planned.value}${planned.unit}（${planned.period.label}）。` : ''}${published ? '' : '逐村名单尚未公布，本数据集目前只有表头、没有数据行（未公布）。'}`,
    status: published ? 'published' : 'unpublished',
    origin_zh: '名单公布后录入 data/key-villages.csv，构建时与统计用区划代码名录逐行核对。',
    columns: villageColumns, primaryKey: ['village_code'],
    rows: keyVillages.map((r) => machineRow(villageColumns, r)),
    period: null, sourceIds: [...new Set(keyVillages.map((r) => String(r.source_id)))].sort(),
    changes: villageChanges, updated: villageChanges[0]?.date ?? null, views: [],
  });
  return out;
}
