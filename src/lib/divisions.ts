// data/divisions.csv: GB/T 2260 codes for Sichuan, Mianyang and its 9 county-level units.
import { parseCsv } from './csv.ts';

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  code: string;
  level: DivisionLevel;
  parent_code: string;
  name_zh: string;
  short_zh: string;
  name_en: string;
}

const COLUMNS = ['code', 'level', 'parent_code', 'name_zh', 'short_zh', 'name_en'] as const;

export function parseDivisions(csvText: string, fileName = 'data/divisions.csv'): Division[] {
  const { header, records } = parseCsv(csvText);
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new Error(`${fileName}:1: 缺少列 / missing column(s): ${missing.join(', ')}`);
  }
  return records.map((r) => {
    const level = r.values.level.trim();
    if (level !== 'province' && level !== 'prefecture' && level !== 'county') {
      throw new Error(`${fileName}:${r.line}: column "level": unknown level (got "${level}")`);
    }
    return {
      code: r.values.code.trim(),
      level,
      parent_code: r.values.parent_code.trim(),
      name_zh: r.values.name_zh.trim(),
      short_zh: r.values.short_zh.trim(),
      name_en: r.values.name_en.trim(),
    };
  });
}

/** County-level rows, sorted by code. */
export function countiesOf(divisions: readonly Division[]): Division[] {
  return divisions.filter((d) => d.level === 'county').sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
