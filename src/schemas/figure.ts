/**
 * The base schema of a figure row. Each figure table (figures, monitoring, pairings)
 * extends it with the table's own dimension columns.
 */
import { z } from 'astro/zod';
import { areaCode, decimalOrEmpty, figureId, isoDateOrEmpty, msg, optionalText, text } from './fields.ts';

import { PERIOD_TYPES, TOPICS } from '../model.ts';

export { PERIOD_TYPES, TOPICS };

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: msg(`${what}只能是：${values.join('、')}`, `${what} must be one of: ${values.join(', ')}`) });

export const figureFields = {
  id: figureId().describe('Stable id of the figure, used by pages, checks and formulas. Never reuse or rename a published id.'),
  label_zh: text().describe('What the figure counts, in Chinese, close to the source wording.'),
  label_en: text().describe('What the figure counts, in English.'),
  value: decimalOrEmpty().describe('The value exactly as published, in the published unit (1134.58 for 1134.58万元). Empty for a derived figure: the build computes it from the formula.'),
  unit: text().describe('The unit exactly as published (户, 人, 人次, 万人次, 个, 所, 家, 期, 万元, 亿元, %). Must be listed in units.csv.'),
  period_type: enumOf(PERIOD_TYPES, '时期类型').describe('Kind of period: as_of (a date), range (start to end), since (start to publication), year, month, at_publication (the date of publication), undated (the source gives no time).'),
  period_start: isoDateOrEmpty().describe('First day of the period (YYYY-MM-DD), where the kind of period has one.'),
  period_end: isoDateOrEmpty().describe('Last day of the period, or the as-of date (YYYY-MM-DD), where the kind of period has one.'),
  period_label: text().describe('The period as shown to readers, as the source states it, e.g. 截至2021年8月底.'),
  area_code: areaCode().describe('Administrative code of the area the figure covers: 510700 for the whole city; a county code for a county. Must be in divisions.csv.'),
  source_id: text().describe('Id of the source in sources.csv.'),
  locator: text().describe('Where in the source the figure stands, e.g. (一)二 for part (一), item 二是.'),
  kind: enumOf(['published', 'derived'], '类型').describe('published: stated in the source; derived: computed by the build from the formula.'),
  formula: optionalText().describe('For a derived figure: the formula over other figure ids, e.g. a + b. Empty for a published figure.'),
  decimals: z
    .string()
    .trim()
    .regex(/^(\d)?$/, { error: msg('小数位数应为0–9的一位数字，或留空', 'decimals is one digit 0–9, or empty') })
    .transform((s) => (s === '' ? null : Number(s)))
    .meta({ fieldType: 'integer' })
    .describe('For a derived figure whose value does not end (a share): the number of decimals it is shown with.'),
  note_zh: optionalText().describe('A note for readers: the original wording, or what the source leaves open.'),
};

type FigureShape = typeof figureFields;
type Row = z.output<z.ZodObject<FigureShape>>;

/** Rules that span columns. Each issue names the column to fix. */
export function refineFigure(row: Row, ctx: z.RefinementCtx) {
  const issue = (column: string, zh: string, en: string) => ctx.addIssue({ code: 'custom', path: [column], message: msg(zh, en), input: (row as Record<string, unknown>)[column] });
  if (row.kind === 'published') {
    if (row.value === null) issue('value', '已发布数字必须填写数值', 'a published figure needs its value');
    if (row.formula !== null) issue('formula', '已发布数字不能带公式；如为推算数，请把 kind 改为 derived 并清空 value', 'a published figure has no formula; for a computed figure set kind to derived and empty the value');
  } else {
    if (row.value !== null) issue('value', '推算数的数值由构建计算，请清空 value 列', 'a derived value is computed by the build: empty the value cell');
    if (row.formula === null) issue('formula', '推算数必须写明公式，如 a + b', 'a derived figure needs a formula, e.g. a + b');
  }
  const { period_type: t, period_start: s, period_end: e } = row;
  const need = (start: boolean, end: boolean, zh: string, en: string) => {
    if (start !== (s !== null)) issue('period_start', `时期类型 ${t} ${start ? '需要' : '不应填写'}开始日期：${zh}`, `period type ${t} ${start ? 'needs' : 'takes no'} start date: ${en}`);
    if (end !== (e !== null)) issue('period_end', `时期类型 ${t} ${end ? '需要' : '不应填写'}结束日期：${zh}`, `period type ${t} ${end ? 'needs' : 'takes no'} end date: ${en}`);
  };
  switch (t) {
    case 'as_of': need(false, true, '只填截至日期 period_end', 'fill period_end only'); break;
    case 'range': need(true, true, '填写起止日期', 'fill both dates'); break;
    case 'since': need(true, false, '只填开始日期 period_start', 'fill period_start only'); break;
    case 'year': need(true, true, '填写 YYYY-01-01 与 YYYY-12-31', 'fill YYYY-01-01 and YYYY-12-31'); break;
    case 'month': need(true, true, '填写该月第一天与最后一天', "fill the month's first and last day"); break;
    default: need(false, false, '两个日期都留空', 'leave both dates empty');
  }
  if (s && e && s > e) issue('period_end', '结束日期早于开始日期', 'the end date is before the start date');
  if (t === 'year' && s && e && !(s.endsWith('-01-01') && e.endsWith('-12-31') && s.slice(0, 4) === e.slice(0, 4))) {
    issue('period_start', '整年时期应为同一年的 01-01 至 12-31', 'a year runs from 01-01 to 12-31 of one year');
  }
  if (t === 'month' && s && e) {
    const last = new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)), 0)).toISOString().slice(0, 10);
    if (!s.endsWith('-01') || e !== last) issue('period_start', `月份时期应为该月第一天至最后一天（${s.slice(0, 8)}01 至 ${last}）`, `a month runs from its first to its last day (${s.slice(0, 8)}01 to ${last})`);
  }
}
