/**
 * Building blocks shared by every table schema. CSV cells arrive as strings; an empty
 * cell means "not given". Every message is bilingual and says how to fix the cell.
 */
import { z } from 'astro/zod';

/**
 * Machine type of a column in downloads (Frictionless table-schema types). CSV cells are
 * strings until a transform turns them into something else, which zod cannot report, so
 * the builders below say it with `.meta({ fieldType })`; the data dictionary reads it.
 */
export type FieldType = 'string' | 'number' | 'integer' | 'date' | 'boolean';

/** A bilingual message: Chinese first, then English after " | ". */
export const msg = (zh: string, en: string) => `${zh} | ${en}`;

export const ID_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const text = () =>
  z.string().trim().min(1, { error: msg('此项必填，不能为空', 'required; the cell is empty') });

export const optionalText = () => z.string().trim().transform((s) => (s === '' ? null : s));

export const figureId = () =>
  text().regex(ID_PATTERN, {
    error: msg(
      '编号只能用小写英文字母、数字、下划线，以“.”分段，如 monitoring.new.all.households',
      'ids use lowercase letters, digits and underscores in dot-separated parts, e.g. monitoring.new.all.households',
    ),
  });

export const decimalOrEmpty = () =>
  z
    .string()
    .trim()
    .regex(/^(-?\d+(\.\d+)?)?$/, {
      error: msg(
        '不是数字：请只填阿拉伯数字和小数点，不带单位、千分位逗号或空格（如 1134.58）',
        'not a number: use digits and a decimal point only, without units, thousands separators or spaces (e.g. 1134.58)',
      ),
    })
    .transform((s) => (s === '' ? null : s))
    .meta({ fieldType: 'number' satisfies FieldType });

/** A real calendar date in ISO form, or empty. */
export const isoDateOrEmpty = () =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || (DATE_PATTERN.test(s) && isRealDate(s)), {
      error: msg('日期格式应为 YYYY-MM-DD 且为真实日期（如 2021-08-31），或留空', 'dates are YYYY-MM-DD and must exist (e.g. 2021-08-31), or empty'),
    })
    .transform((s) => (s === '' ? null : s))
    .meta({ fieldType: 'date' satisfies FieldType });

export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const areaCode = () =>
  text().regex(/^\d{6}$/, { error: msg('行政区划代码应为6位数字，如 510700（绵阳市）', 'area codes are 6 digits, e.g. 510700 (Mianyang)') });
