/**
 * Every CSV table in data/: its file, its schema (every column described) and what it is.
 * The loader, the download endpoints and the data dictionary all read this one list.
 */
import { z } from 'astro/zod';
import { figureFields, refineFigure, TOPICS } from './figure.ts';

const { id: idField, ...figureRest } = figureFields;
import { areaCode, decimalOrEmpty, figureId, isoDateOrEmpty, msg, optionalText, text } from './fields.ts';
import { isValidReceipt } from '../lib/feedback/receipt.ts';
import type { ChangelogRow, CheckRow, CountyPairRow, DivisionRow, SourceRow, UnitRow } from '../model.ts';

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: msg(`${what}只能是：${values.join('、')}`, `${what} must be one of: ${values.join(', ')}`) });

export const CATEGORIES = ['unstable', 'marginal', 'sudden', 'all'] as const;
export const STATUSES = ['new', 'monitored', 'eliminated', 'not_eliminated'] as const;
export const MEASURES = ['households', 'persons'] as const;
export const PAIR_TYPES = ['school', 'township', 'village', 'village_enterprise'] as const;

export const figuresSchema = z
  .object({
    id: idField,
    topic: oneOf(TOPICS, '专题').describe('Topic page the figure belongs to: monitoring, income, funds, eastwest, villages or survey.'),
    ...figureRest,
  })
  .superRefine(refineFigure);

export const monitoringSchema = z
  .object({
    id: idField,
    category: oneOf(CATEGORIES, '户类').describe('Household category: unstable 脱贫不稳定户, marginal 边缘易致贫户, sudden 突发严重困难户, all 全部.'),
    status: oneOf(STATUSES, '状态').describe('Monitoring status: new 新增监测对象 (the screening round), monitored 纳入监测, eliminated 已消除风险, not_eliminated 尚未消除风险.'),
    measure: oneOf(MEASURES, '计量').describe('What is counted: households 户 or persons 人.'),
    ...figureRest,
  })
  .superRefine(refineFigure);

export const pairingsSchema = z
  .object({
    id: idField,
    pair_type: oneOf(PAIR_TYPES, '结对类型').describe('Kind of Quzhou–Mianyang pairing: school 学校, township 镇乡, village 村村, village_enterprise 村企.'),
    ...figureRest,
  })
  .superRefine(refineFigure);

export const sourcesSchema = z.object({
  id: text().regex(/^[a-z0-9][a-z0-9-]*$/, { error: msg('来源编号只用小写字母、数字和连字符', 'source ids use lowercase letters, digits and hyphens') }).describe('Stable id of the source, cited by figure rows.'),
  kind: oneOf(['primary', 'secondary'], '来源类型').describe('primary: published by the bureau; secondary: a news report.'),
  publisher_zh: text().describe('Publisher, in Chinese.'),
  publisher_en: text().describe('Publisher, in English.'),
  title_zh: text().describe('Title in Chinese (where the original title is unknown, a description, said so in note_zh).'),
  title_en: text().describe('Title in English.'),
  url: optionalText()
    .refine((u) => u === null || /^https?:\/\/\S+$/.test(u), { error: msg('网址应以 http:// 或 https:// 开头', 'URLs start with http:// or https://') })
    .describe('Address of the original, where known.'),
  year: text().regex(/^\d{4}$/, { error: msg('年份应为4位数字', 'the year is 4 digits') }).meta({ fieldType: 'integer' }).describe('Year of publication.'),
  published_on: isoDateOrEmpty().describe('Exact date of publication, only where the source states it.'),
  date_note_zh: optionalText().describe('What is known about the date where no exact date is stated.'),
  note_zh: optionalText().describe('Notes for readers: what kind of source it is, what is not recorded.'),
});

export const divisionsSchema = z.object({
  code: areaCode().describe('Statistical division code (GB/T 2260).'),
  level: oneOf(['province', 'prefecture', 'county'], '级别').describe('province, prefecture (the city) or county (county-level division).'),
  parent_code: optionalText().describe('Code of the division above, empty for the province.'),
  name_zh: text().describe('Official name in Chinese.'),
  short_zh: text().describe('Short name used in running text, e.g. 北川.'),
  name_en: text().describe('Name in English.'),
});

export const unitsSchema = z.object({
  unit: text().describe('A unit as published, e.g. 万元.'),
  base_unit: text().describe('The base unit it converts to, e.g. 元.'),
  factor: text().regex(/^\d+$/, { error: msg('换算系数应为正整数，如 10000', 'the factor is a whole number, e.g. 10000') }).meta({ fieldType: 'integer' }).describe('How many base units one published unit is (万元 → 10000 元).'),
  kind: oneOf(['count', 'money', 'percent'], '单位类别').describe('count, money or percent.'),
  name_en: text().describe('The unit in English.'),
});

export const checksSchema = z.object({
  id: text().regex(/^[a-z0-9][a-z0-9-]*$/, { error: msg('核对编号只用小写字母、数字和连字符', 'check ids use lowercase letters, digits and hyphens') }).describe('Stable id of the cross-check.'),
  label_zh: text().describe('What the check asserts, in Chinese.'),
  label_en: text().describe('What the check asserts, in English.'),
  expression: text().describe('The assertion over figure ids, with one comparison: =, <=, >=, < or >. Compared in base units, exactly.'),
});

export const countyPairsSchema = z.object({
  id: text().describe('Stable id of the pairing.'),
  zhejiang_county_code: areaCode().describe('Statistical code of the Zhejiang county-level division.'),
  zhejiang_county_zh: text().describe('Zhejiang county-level division, in Chinese.'),
  zhejiang_county_en: text().describe('Zhejiang county-level division, in English.'),
  zhejiang_city_zh: text().describe('Its city, in Chinese.'),
  mianyang_county_code: areaCode().describe('Code of the paired Mianyang county (in divisions.csv).'),
  since: optionalText()
    .refine((s) => s === null || /^\d{4}(-\d{2})?$/.test(s), { error: msg('起始时间格式为 YYYY 或 YYYY-MM', 'since is YYYY or YYYY-MM') })
    .describe('When the pairing started (YYYY or YYYY-MM), where a source states it.'),
  since_label: text().describe('The start as shown to readers, or why it is unknown.'),
  source_ids: text().describe('Ids of the sources (sources.csv) for this pairing, separated by ";".'),
  locator: text().describe('Where in the sources the facts stand.'),
  note_zh: optionalText().describe('What the sources say about the pairing.'),
});

const requiredDate = (what_zh: string, what_en: string) =>
  isoDateOrEmpty()
    .refine((d) => d !== null, { error: msg(`请填写${what_zh} YYYY-MM-DD`, `the ${what_en} is required (YYYY-MM-DD)`) })
    .transform((d) => d as string);

const slug = (what_zh: string, what_en: string) =>
  text().regex(/^[a-z0-9][a-z0-9-]*$/, { error: msg(`${what_zh}只用小写字母、数字和连字符，如 2026-12-03-correction`, `${what_en} use lowercase letters, digits and hyphens, e.g. 2026-12-03-correction`) });

export const changelogSchema = z.object({
  id: slug('变更编号', 'change ids').describe('Stable id of the change (its key; several changes may share a date), e.g. 2026-11-29-first-release. Used in the feed and in links.'),
  date: requiredDate('变更日期', 'date of the change').describe('Date the change was published (YYYY-MM-DD).'),
  tables: text().describe('Ids of the datasets the change touched, separated by ";" (any table here, all-figures or key-villages).'),
  summary_zh: text().describe('What changed and why, in Chinese.'),
  summary_en: text().describe('What changed and why, in English.'),
});

export const correctionsSchema = z.object({
  id: slug('更正编号', 'correction ids').describe('Stable id of the correction, e.g. 2026-12-03-halls. The errata page links to it.'),
  figure_id: figureId().describe('Id of the corrected figure (in monitoring.csv, figures.csv or east-west-pairings.csv).'),
  date: requiredDate('更正日期', 'date of the correction').describe('Date the correction was published (YYYY-MM-DD).'),
  old_value: decimalOrEmpty().refine((v) => v !== null, { error: msg('请填写更正前的数值', 'the value before the correction is required') }).describe('The value shown before the correction, in the figure\'s unit.'),
  new_value: decimalOrEmpty().refine((v) => v !== null, { error: msg('请填写更正后的数值', 'the corrected value is required') }).describe('The corrected value; the figure row must hold it (the latest correction of a figure).'),
  unit: text().describe('The unit of both values, as the figure row states it.'),
  reason_zh: text().describe('Why the value was corrected, in Chinese.'),
  reason_en: text().describe('Why the value was corrected, in English.'),
  source_id: text().describe('Id of the source (sources.csv) that gives the corrected value.'),
  locator: text().describe('Where in that source the corrected value stands.'),
  report_ref: optionalText()
    .refine((r) => r === null || isValidReceipt(r), { error: msg('查询码格式不对：只填读者纠错的查询码（如 MY…），不要填姓名、电话等个人信息', 'not a receipt: give only the public reference of the reader\'s report (MY…), never a name or contact') })
    .describe('Where a reader\'s report (数据纠错) led to the correction: its public reference (receipt) only, never personal data. Empty otherwise.'),
});

export const transcriptSchema = z.object({
  figure_id: figureId().describe('Id of the figure in the figure tables.'),
  source_id: text().describe('Id of the source (sources.csv) the figure is read from.'),
  locator: text().describe('Where in the source it stands, as in the figure row.'),
  value: decimalOrEmpty().refine((v) => v !== null, { error: msg('请填写来源中的数值', 'the value as the source prints it is required') }).describe('The value exactly as the source prints it.'),
  unit: text().describe('The unit exactly as the source prints it.'),
  period_label: text().describe('The period, as the figure row labels it.'),
});

export interface TableDef {
  /** File name under data/, also the dataset id for downloads. */
  id: string;
  file: string;
  title_zh: string;
  title_en: string;
  description_zh: string;
  schema: z.ZodType<Record<string, unknown>, Record<string, string>>;
  /** Column that identifies a row. */
  key: string;
  /** Topic for figure tables without a topic column. */
  topic?: (typeof TOPICS)[number];
  figures: boolean;
}

export const TABLES = [
  { id: 'monitoring', file: 'monitoring.csv', title_zh: '防返贫监测对象', title_en: 'Poverty-relapse monitoring subjects', description_zh: '按户类、状态、计量（户/人）划分的监测对象数。', schema: monitoringSchema, key: 'id', topic: 'monitoring', figures: true },
  { id: 'figures', file: 'figures.csv', title_zh: '其他公开数字', title_en: 'Other published figures', description_zh: '各专题的单项数字：排查、应急基金、增收就业、资金、调研、重点帮扶村、东西部协作。', schema: figuresSchema, key: 'id', figures: true },
  { id: 'east-west-pairings', file: 'east-west-pairings.csv', title_zh: '衢绵结对数', title_en: 'Quzhou–Mianyang pairing counts', description_zh: '按结对类型划分的衢绵结对数。', schema: pairingsSchema, key: 'id', topic: 'eastwest', figures: true },
  { id: 'county-pairs', file: 'county-pairs.csv', title_zh: '东西部协作县（区）结对', title_en: 'East-West county pairings', description_zh: '衢州市各区与绵阳市各县的结对关系，来源为新闻报道。', schema: countyPairsSchema, key: 'id', figures: false },
  { id: 'sources', file: 'sources.csv', title_zh: '数据来源', title_en: 'Sources', description_zh: '本门户引用的全部来源。', schema: sourcesSchema, key: 'id', figures: false },
  { id: 'divisions', file: 'divisions.csv', title_zh: '行政区划', title_en: 'Administrative divisions', description_zh: '四川省、绵阳市及其9个县级行政区的代码与名称。', schema: divisionsSchema, key: 'code', figures: false },
  { id: 'units', file: 'units.csv', title_zh: '计量单位', title_en: 'Units', description_zh: '发布单位与基本单位的换算。', schema: unitsSchema, key: 'unit', figures: false },
  { id: 'changelog', file: 'changelog.csv', title_zh: '数据更新记录', title_en: 'Data changelog', description_zh: '每次数据变更的编号、日期、涉及的表和说明。', schema: changelogSchema, key: 'id', figures: false },
  { id: 'corrections', file: 'corrections.csv', title_zh: '更正记录', title_en: 'Corrections', description_zh: '已发布数字的每次更正：原值、新值、日期、原因、依据，以及促成更正的读者纠错查询码。', schema: correctionsSchema, key: 'id', figures: false },
  { id: 'source-transcript', file: 'source-transcript.csv', title_zh: '来源数字复核转录', title_en: 'Source transcript (second keying)', description_zh: '按来源逐项第二次录入的数字（值、单位、位置、时期），构建时与各数字表逐项比对，防止录入或调换错误。', schema: transcriptSchema, key: 'figure_id', figures: false },
  { id: 'checks', file: 'checks.csv', title_zh: '交叉核对规则', title_en: 'Cross-checks', description_zh: '构建时逐条验证的数字关系。', schema: checksSchema, key: 'id', figures: false },
] as const satisfies readonly TableDef[];

// The model types (src/model.ts) are what these schemas produce: checked here at compile time.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree: [
  Same<z.output<typeof sourcesSchema>, SourceRow>,
  Same<z.output<typeof divisionsSchema>, DivisionRow>,
  Same<z.output<typeof unitsSchema>, UnitRow>,
  Same<z.output<typeof checksSchema>, CheckRow>,
  Same<z.output<typeof countyPairsSchema>, CountyPairRow>,
  Same<z.output<typeof changelogSchema>, Omit<ChangelogRow, 'correction'>>,
] = [true, true, true, true, true, true];
void typesAgree;
