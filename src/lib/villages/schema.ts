// Schema of one row of data/key-villages.csv (乡村振兴重点帮扶村).
import { z } from 'astro/zod';

import { KEY_VILLAGE_CATEGORIES, type KeyVillage, type KeyVillageCategory } from '../../model.ts';

/** The five categories of key-assistance villages, exactly as written in the CSV. */
export { KEY_VILLAGE_CATEGORIES, type KeyVillage, type KeyVillageCategory };

export const KEY_VILLAGE_COLUMNS = [
  'village_code',
  'name',
  'town',
  'county_code',
  'categories',
  'lon',
  'lat',
  'source_id',
  'locator',
] as const;
export type KeyVillageColumn = (typeof KEY_VILLAGE_COLUMNS)[number];

/** Mianyang's bounding box [west, south, east, north] in degrees (county shapes + ~0.05° margin). */
export const MIANYANG_BBOX = [103.7, 30.65, 105.8, 33.1] as const;

/** Published plan: 94 key-assistance villages across the 8 counties other than 涪城区. */
export const KEY_VILLAGE_PLAN = {
  publishedTotal: 94,
  excludedCountyCode: '510703',
  excludedCountyName: '涪城区',
} as const;

/** Separators accepted in `categories`: ASCII ";" (canonical) and full-width "；". */
export const CATEGORY_SEPARATOR = /[;；]/;

/**
 * Field-level rules. Cross-file checks (code in gazetteer, name/county match,
 * 涪城区 exclusion, duplicates, lon/lat pairing) live in validateKeyVillages().
 */
export const KeyVillageRowSchema = z.object({
  village_code: z
    .string()
    .regex(/^5107\d{8}$/, '必须是以 5107 开头的12位统计用区划代码 / must be a 12-digit NBS code starting with 5107')
    .describe('12位统计用区划代码（村级），见 data/gazetteer/mianyang-villages.csv / 12-digit NBS village-level code'),
  name: z
    .string()
    .min(1, '不能为空 / must not be empty')
    .describe('村名，如"河石村"，或正式名称"河石村村民委员会" / village name, short ("河石村") or official committee name'),
  town: z
    .string()
    .min(1, '不能为空 / must not be empty')
    .describe('所属乡镇（街道）名称，须与名录一致 / name of the town or street the village belongs to, as in the gazetteer'),
  county_code: z
    .string()
    .regex(/^5107\d{2}$/, '必须是6位区县代码，如 510722 / must be a 6-digit county code such as 510722')
    .describe('所属区县代码（GB/T 2260），见 data/divisions.csv / 6-digit county code from data/divisions.csv'),
  categories: z
    .string()
    .transform((s, ctx) => {
      const items = s.split(CATEGORY_SEPARATOR).map((c) => c.trim()).filter((c) => c !== '');
      if (items.length === 0) {
        ctx.addIssue({ code: 'custom', message: '至少填写一个类别 / at least one category is required' });
        return z.NEVER;
      }
      const valid = new Set<string>(KEY_VILLAGE_CATEGORIES);
      const bad = items.filter((c) => !valid.has(c));
      if (bad.length) {
        ctx.addIssue({
          code: 'custom',
          message: `无效类别 / unknown categor${bad.length > 1 ? 'ies' : 'y'}: ${bad.map((b) => `"${b}"`).join(', ')}`,
        });
        return z.NEVER;
      }
      if (new Set(items).size !== items.length) {
        ctx.addIssue({ code: 'custom', message: '类别重复 / a category is listed twice' });
        return z.NEVER;
      }
      return items as KeyVillageCategory[];
    })
    .describe(`帮扶类别，用";"分隔（也接受全角"；"），取值：${KEY_VILLAGE_CATEGORIES.join('、')} / ";"-separated list of categories, each one of the five`),
  lon: z
    .string()
    .transform((s, ctx) => {
      if (s === '') return null;
      const n = Number(s);
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: '必须是十进制经度数字 / must be a decimal longitude' });
        return z.NEVER;
      }
      return n;
    })
    .describe('经度（可选，WGS84/CGCS2000，十进制度）/ longitude, optional, WGS84/CGCS2000 decimal degrees'),
  lat: z
    .string()
    .transform((s, ctx) => {
      if (s === '') return null;
      const n = Number(s);
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: '必须是十进制纬度数字 / must be a decimal latitude' });
        return z.NEVER;
      }
      return n;
    })
    .describe('纬度（可选，须与经度同时填写）/ latitude, optional, must be given together with lon'),
  source_id: z
    .string()
    .min(1, '必须注明来源编号 / a source id is required')
    .regex(/^\S*$/, '来源编号不能含空格 / must not contain spaces')
    .describe('来源文件编号（指向来源登记表）/ id of the published document this row comes from'),
  locator: z
    .string()
    .describe('来源内定位，如"附件2 第3页 第15行"（可选）/ where in the source, e.g. "annex 2, p. 3, row 15" (optional)'),
});

// The model's KeyVillage is what this schema produces (checked at compile time).
const agrees: [z.output<typeof KeyVillageRowSchema> & { line: number }] extends [KeyVillage] ? (KeyVillage extends z.output<typeof KeyVillageRowSchema> & { line: number } ? true : false) : false = true;
void agrees;
