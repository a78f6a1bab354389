/**
 * The portal's model types: what a validated dataset is made of. No imports, so pages,
 * src/lib, src/loaders and scripts can all share these types without importing each other.
 * The zod schemas in src/schemas/ are checked against these interfaces at compile time.
 */

/** An exact rational number (BigInt numerator and positive denominator). */
export interface Rational {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

export const PERIOD_TYPES = ['as_of', 'range', 'since', 'year', 'month', 'at_publication', 'undated'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const TOPICS = ['monitoring', 'income', 'funds', 'eastwest', 'villages', 'survey'] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * A problem found in the project's inputs, with everything an editor needs to fix it in
 * Excel or a text editor: file, line, column, the value read, and what to do — in Chinese
 * and English.
 */
export interface Problem {
  file: string;
  /** 1-based line in the file as Excel and editors count it; 0 for the whole file. */
  line: number;
  column?: string;
  /** 1-based column position (A = 1). */
  columnIndex?: number;
  value?: string;
  /** "中文说明 | English explanation", each with the fix. */
  message: string;
}

/** A correction of a published figure (data/corrections.csv), oldest first per figure. */
export interface Correction {
  id: string;
  figure_id: string;
  /** Date the correction was published (YYYY-MM-DD). */
  date: string;
  old_value: string;
  new_value: string;
  unit: string;
  reason_zh: string;
  reason_en: string;
  /** Source of the corrected value (sources.csv). */
  source_id: string;
  locator: string;
  /** Public reference (receipt) of the reader's report that led to it; never personal data. */
  report_ref: string | null;
}

export interface Figure {
  id: string;
  /** Table (dataset) the row comes from. */
  table: string;
  topic: Topic;
  label_zh: string;
  label_en: string;
  /** As published; for a derived figure, computed (rounded to `decimals` where it does not end). */
  value: string;
  unit: string;
  /** The value in the base unit, exact (or rounded like `value` for a non-ending share). */
  base_value: string;
  base_unit: string;
  unit_kind: 'count' | 'money' | 'percent';
  period: { type: PeriodType; start: string | null; end: string | null; label: string };
  area_code: string;
  source_id: string;
  locator: string;
  kind: 'published' | 'derived';
  formula: string | null;
  /** The formula with each id replaced by its value, e.g. "795 ÷ 2214 × 100". */
  formula_shown: string | null;
  decimals: number | null;
  note_zh: string | null;
  /** The table's own dimension columns (category, status, measure, pair_type …). */
  dims: Record<string, string>;
  /** Exact value in base units, for arithmetic. */
  exact: Rational;
  /** Corrections of this figure, oldest first (empty if never corrected). */
  corrections: Correction[];
  file: string;
  line: number;
}

export interface CheckResult {
  id: string;
  label_zh: string;
  label_en: string;
  expression: string;
  /** The check with values filled in: "134 + 195 + 112 = 441". */
  shown: string;
  ok: boolean;
  figure_ids: string[];
}

export interface SourceRow {
  id: string;
  kind: 'primary' | 'secondary';
  publisher_zh: string;
  publisher_en: string;
  title_zh: string;
  title_en: string;
  url: string | null;
  year: string;
  published_on: string | null;
  date_note_zh: string | null;
  note_zh: string | null;
}

export interface DivisionRow {
  code: string;
  level: 'province' | 'prefecture' | 'county';
  parent_code: string | null;
  name_zh: string;
  short_zh: string;
  name_en: string;
}

export interface UnitRow {
  unit: string;
  base_unit: string;
  factor: string;
  kind: 'count' | 'money' | 'percent';
  name_en: string;
}

export interface CheckRow {
  id: string;
  label_zh: string;
  label_en: string;
  expression: string;
}

export interface CountyPairRow {
  id: string;
  zhejiang_county_code: string;
  zhejiang_county_zh: string;
  zhejiang_county_en: string;
  zhejiang_city_zh: string;
  mianyang_county_code: string;
  since: string | null;
  since_label: string;
  source_ids: string;
  locator: string;
  note_zh: string | null;
}

/** One recorded data change. `id` is the key: several changes may share a date. */
export interface ChangelogRow {
  id: string;
  date: string;
  /** Dataset ids separated by ";". */
  tables: string;
  summary_zh: string;
  summary_en: string;
  /** Set for entries generated from data/corrections.csv: the correction's id. */
  correction?: string;
}

export const KEY_VILLAGE_CATEGORIES = ['脱贫村', '重点生态功能区覆盖村', '重大工程项目区覆盖村', '传统历史文化村', '掉边掉角边缘村'] as const;
export type KeyVillageCategory = (typeof KEY_VILLAGE_CATEGORIES)[number];

/** A validated row of the key-village list. */
export interface KeyVillage {
  village_code: string;
  name: string;
  town: string;
  county_code: string;
  categories: KeyVillageCategory[];
  lon: number | null;
  lat: number | null;
  source_id: string;
  locator: string;
  line: number;
}

export interface CountyCount {
  code: string;
  name_zh: string;
  name_en: string;
  count: number;
}

export interface CountComparison {
  /** Rows in the file. */
  total: number;
  /** Published total (94). */
  published: number;
  /** total − published. */
  difference: number;
  /** Every county from divisions.csv, sorted by code, with its row count. */
  perCounty: CountyCount[];
  /**
   * empty: header only; incomplete: fewer rows than published; matches: equal and none in the
   * excluded county; exceeds: more rows than published; excluded-county: rows in 涪城区.
   */
  status: 'empty' | 'incomplete' | 'matches' | 'exceeds' | 'excluded-county';
  /** True only when the file agrees with the published total. */
  agrees: boolean;
  /** Human-readable disagreements, "中文 / English"; empty when agrees. */
  problems: string[];
}

export interface KeyVillageFiles {
  /** The key-village list, relative to the project root. */
  list: string;
  /** The gazetteer it is checked against. */
  towns: string;
  villages: string;
  /** Demo only: the synthetic source register the demo rows cite. */
  sources?: string;
}

export interface KeyVillageList {
  files: KeyVillageFiles;
  rows: KeyVillage[];
  /** Per-county counts against the published total; `status: 'empty'` for a header-only file. */
  comparison: CountComparison;
}

/** A data release: every change published on one date. */
export interface Release {
  /** Semantic version of the data package: 1.<n>.0 for the n-th release after the first. */
  version: string;
  date: string;
  /** The changes of this release. */
  changes: ChangelogRow[];
}

export interface Dataset {
  figures: Figure[];
  byId: ReadonlyMap<string, Figure>;
  sources: SourceRow[];
  divisions: DivisionRow[];
  units: UnitRow[];
  countyPairs: CountyPairRow[];
  /** Data changes (changelog.csv and one entry per correction), newest first. */
  changelog: ChangelogRow[];
  /** Every correction, newest first. */
  corrections: Correction[];
  /** Releases, newest first; releases[0] is the current one. */
  releases: Release[];
  checks: CheckResult[];
  keyVillages: KeyVillageList;
  /** Validated rows of every table, as in the CSV, for downloads. */
  tables: Record<string, Record<string, unknown>[]>;
}
