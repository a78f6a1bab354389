// Validator for data/key-villages.csv. Pure: takes the file text and lookup tables,
// returns typed rows or throws DataError listing every problem in the one format of the
// data check (file:line:column, Excel letter, value, problem and fix, Chinese and English).
import { parseCsv } from '../csv.ts';
import { DataError } from '../../loaders/problems.ts';
import type { CountComparison, CountyCount, Problem } from '../../model.ts';
import { countiesOf, type Division } from '../divisions.ts';
import { shortVillageName, type Gazetteer, type Village } from '../gazetteer/gazetteer.ts';
import {
  KEY_VILLAGE_CATEGORIES,
  KEY_VILLAGE_COLUMNS,
  KEY_VILLAGE_PLAN,
  KeyVillageRowSchema,
  MIANYANG_BBOX,
  type KeyVillage,
  type KeyVillageColumn,
} from './schema.ts';

export interface ValidateOptions {
  /** [west, south, east, north]; default MIANYANG_BBOX. */
  bbox?: readonly [number, number, number, number];
  /** County that must not contain key villages; default 510703 涪城区. Pass null to allow all. */
  excludedCountyCode?: string | null;
  /** If given, source_id must be one of these. */
  knownSourceIds?: ReadonlySet<string>;
}

/** Generic fix hint per column, used for schema-level (format) problems. */
const FIX: Record<KeyVillageColumn, string> = {
  village_code:
    '填写 data/gazetteer/mianyang-villages.csv 中该村的12位代码（按文本格式保存，避免 Excel 改成科学计数法） / use the 12-digit code from data/gazetteer/mianyang-villages.csv (store as text so Excel does not turn it into 5.1E+11)',
  name: '填写村名，如"河石村" / give the village name, e.g. "河石村"',
  town: '填写名录中的乡镇（街道）名称 / give the town name as written in data/gazetteer/mianyang-towns.csv',
  county_code: '填写 data/divisions.csv 中的6位区县代码 / use a 6-digit county code from data/divisions.csv',
  categories: `用英文分号分隔，取值：${KEY_VILLAGE_CATEGORIES.join(';')} / separate with ";" using only these values`,
  lon: '填写十进制度经度，如 104.7412，或经纬度都留空 / give decimal-degree longitude such as 104.7412, or leave lon and lat both empty',
  lat: '填写十进制度纬度，如 31.4675，或经纬度都留空 / give decimal-degree latitude such as 31.4675, or leave lon and lat both empty',
  source_id: '填写来源文件编号（不含空格） / give the id of the source document (no spaces)',
  locator: '填写来源内位置，如"附件2 第3页" / say where in the source, e.g. "annex 2, p. 3"',
};

export function validateKeyVillages(
  csvText: string,
  fileName: string,
  gazetteer: Gazetteer,
  divisions: readonly Division[],
  options: ValidateOptions = {},
): KeyVillage[] {
  const bbox = options.bbox ?? MIANYANG_BBOX;
  const excluded = options.excludedCountyCode === undefined ? KEY_VILLAGE_PLAN.excludedCountyCode : options.excludedCountyCode;
  const problems: Problem[] = [];
  const { header, records } = parseCsv(csvText);
  const add = (line: number, column: string, problem: string, got: string, fix: string) => {
    const i = header.indexOf(column);
    problems.push({ file: fileName, line, column, columnIndex: i >= 0 ? i + 1 : undefined, value: got, message: `${problem} — 改法/fix: ${fix}` });
  };

  if (header.length === 0) {
    add(1, '(header)', '文件为空，缺少表头 / file is empty, the header row is missing', '', `第一行写入表头 / put this header on line 1: ${KEY_VILLAGE_COLUMNS.join(',')}`);
    throw new DataError(problems);
  }
  const missing = KEY_VILLAGE_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(KEY_VILLAGE_COLUMNS as readonly string[]).includes(h));
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) add(1, h, '表头中列名重复 / column appears twice in the header', h, '删除重复的列 / remove the duplicate column');
    seen.add(h);
  }
  for (const c of missing) {
    add(1, c, '缺少必需的列 / required column is missing', header.join(','), `表头应为 / the header must be: ${KEY_VILLAGE_COLUMNS.join(',')}`);
  }
  for (const c of unknown) {
    add(1, c, '未知列（可能拼写错误）/ unknown column (typo?)', c, `只使用这些列 / use only these columns: ${KEY_VILLAGE_COLUMNS.join(',')}`);
  }
  if (problems.length) throw new DataError(problems);

  const villages = new Map<string, Village>(gazetteer.villages.map((v) => [v.code, v]));
  const townName = new Map<string, string>(gazetteer.towns.map((t) => [t.code, t.name]));
  const counties = new Map(countiesOf(divisions).map((c) => [c.code, c]));
  const firstLineOfCode = new Map<string, number>();
  const rows: KeyVillage[] = [];

  for (const rec of records) {
    const line = rec.line;
    const raw: Record<string, string> = {};
    for (const c of KEY_VILLAGE_COLUMNS) raw[c] = (rec.values[c] ?? '').trim();
    const before = problems.length;

    if (rec.fieldCount !== header.length) {
      add(
        line,
        '(row)',
        `本行有 ${rec.fieldCount} 个字段，表头有 ${header.length} 个 / row has ${rec.fieldCount} fields but the header has ${header.length}`,
        Object.values(rec.values).join(','),
        '含逗号的值须用英文双引号括起，并检查是否漏填或多填 / quote values that contain commas and check for missing or extra cells',
      );
      continue;
    }

    const parsed = KeyVillageRowSchema.safeParse(raw);
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const col = String(issue.path[0] ?? '(row)') as KeyVillageColumn;
        const key = `${col}|${issue.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        add(line, col, issue.message, raw[col] ?? '', FIX[col] ?? '');
      }
    }

    // ---- cross-checks against the gazetteer and divisions -----------------
    const code = raw.village_code;
    const gz = villages.get(code);
    if (/^5107\d{8}$/.test(code)) {
      if (!gz) {
        const sameName = raw.name
          ? gazetteer.villages.filter((v) => v.name === raw.name || shortVillageName(v.name) === raw.name)
          : [];
        const hint = sameName.length
          ? `；同名的村有 / villages with this name: ${sameName.slice(0, 5).map((v) => `${v.code} ${v.name}（${townName.get(v.town_code) ?? v.town_code}）`).join(', ')}`
          : '';
        add(
          line,
          'village_code',
          '代码不在统计用区划代码名录中 / code is not in the NBS 2023 gazetteer (data/gazetteer/mianyang-villages.csv)',
          code,
          `核对代码，在 data/gazetteer/mianyang-villages.csv 中查找该村 / check the code against data/gazetteer/mianyang-villages.csv${hint}`,
        );
      } else {
        if (raw.name && raw.name !== gz.name && raw.name !== shortVillageName(gz.name)) {
          add(
            line,
            'name',
            `村名与代码不符：代码 ${code} 对应"${gz.name}" / name does not match code ${code}, which is "${gz.name}"`,
            raw.name,
            `若代码正确，将村名改为"${shortVillageName(gz.name)}"；若村名正确，改正代码 / if the code is right write "${shortVillageName(gz.name)}"; if the name is right, fix the code`,
          );
        }
        const expectedTown = townName.get(gz.town_code) ?? '';
        if (raw.town && raw.town !== expectedTown) {
          add(
            line,
            'town',
            `乡镇与代码不符：代码 ${code} 属于"${expectedTown}" / town does not match code ${code}, which belongs to "${expectedTown}"`,
            raw.town,
            `改为"${expectedTown}"，或改正代码 / write "${expectedTown}", or fix the code`,
          );
        }
        if (/^5107\d{2}$/.test(raw.county_code) && raw.county_code !== gz.county_code) {
          const c = counties.get(gz.county_code);
          add(
            line,
            'county_code',
            `区县与代码不符：代码 ${code} 属于 ${gz.county_code} ${c?.name_zh ?? ''} / county does not match code ${code}, which is in ${gz.county_code} ${c?.name_en ?? ''}`,
            raw.county_code,
            `改为 ${gz.county_code}，或改正村代码 / write ${gz.county_code}, or fix the village code`,
          );
        }
      }
    }
    if (/^5107\d{2}$/.test(raw.county_code)) {
      if (!counties.has(raw.county_code)) {
        add(line, 'county_code', '不是绵阳市的区县代码 / not a Mianyang county code in data/divisions.csv', raw.county_code, FIX.county_code);
      } else if (excluded && raw.county_code === excluded) {
        const c = counties.get(excluded)!;
        add(
          line,
          'county_code',
          `${c.name_zh}不在公布的重点帮扶村名单范围内（94个村分布在其余8个区县）/ ${c.name_en} has no key-assistance villages in the published plan (94 villages in the other 8 counties)`,
          raw.county_code,
          '核对该村是否确属重点帮扶村及其所在区县 / check that this village really is on the list and which county it is in',
        );
      }
    }

    // ---- coordinates ---------------------------------------------------------
    if ((raw.lon === '') !== (raw.lat === '')) {
      const col = raw.lon === '' ? 'lon' : 'lat';
      const other = col === 'lon' ? 'lat' : 'lon';
      add(line, col, `${other} 已填写而 ${col} 为空：经纬度必须同时填写或同时留空 / ${other} is given but ${col} is empty: give both or neither`, raw[col], FIX[col]);
    } else if (raw.lon !== '') {
      const lon = Number(raw.lon);
      const lat = Number(raw.lat);
      const [w, s, e, n] = bbox;
      const hint = '检查是否经纬度填反、少了小数点或使用了度分秒 / check for swapped lon/lat, a missing decimal point, or degrees-minutes-seconds';
      if (Number.isFinite(lon) && (lon < w || lon > e)) add(line, 'lon', `经度超出绵阳市范围 ${w}–${e} / longitude outside Mianyang (${w}–${e})`, raw.lon, hint);
      if (Number.isFinite(lat) && (lat < s || lat > n)) add(line, 'lat', `纬度超出绵阳市范围 ${s}–${n} / latitude outside Mianyang (${s}–${n})`, raw.lat, hint);
    }
    if (options.knownSourceIds && raw.source_id && !options.knownSourceIds.has(raw.source_id)) {
      add(line, 'source_id', '来源编号未登记 / source id is not in the source register', raw.source_id, '先登记来源文件，或改正编号 / register the source document first, or fix the id');
    }

    // ---- duplicates ----------------------------------------------------------
    if (code) {
      const first = firstLineOfCode.get(code);
      if (first !== undefined) {
        add(line, 'village_code', `与第 ${first} 行重复 / duplicates line ${first}`, code, '删除重复行，多个类别写在同一行用";"分隔 / delete the duplicate; put several categories in one row separated by ";"');
      } else {
        firstLineOfCode.set(code, line);
      }
    }

    if (problems.length === before && parsed.success) rows.push({ ...parsed.data, line });
  }

  if (problems.length) {
    const order = (c: string) => {
      const i = (KEY_VILLAGE_COLUMNS as readonly string[]).indexOf(c);
      return i < 0 ? -1 : i;
    };
    problems.sort((a, b) => a.line - b.line || order(a.column ?? '') - order(b.column ?? ''));
    throw new DataError(problems);
  }
  return rows;
}

// ---------------------------------------------------------------------------

export type { CountComparison, CountyCount };

/** Compare per-county counts with the published total (94 villages, none in 涪城区). */
export function compareWithPublishedTotal(
  rows: readonly Pick<KeyVillage, 'county_code'>[],
  divisions: readonly Division[],
  plan: { publishedTotal: number; excludedCountyCode: string | null } = KEY_VILLAGE_PLAN,
): CountComparison {
  const perCounty: CountyCount[] = countiesOf(divisions).map((c) => ({
    code: c.code,
    name_zh: c.name_zh,
    name_en: c.name_en,
    count: rows.filter((r) => r.county_code === c.code).length,
  }));
  const total = rows.length;
  const published = plan.publishedTotal;
  const problems: string[] = [];
  const ex = plan.excludedCountyCode ? perCounty.find((c) => c.code === plan.excludedCountyCode) : undefined;
  if (ex && ex.count > 0) {
    problems.push(
      `${ex.name_zh}（${ex.code}）有 ${ex.count} 个村，但公布名单不含该区 / ${ex.name_en} (${ex.code}) has ${ex.count} village(s) but the published plan covers none there`,
    );
  }
  if (total !== published) {
    problems.push(
      `共 ${total} 个村，与公布的 ${published} 个不一致（${total < published ? '少' : '多'} ${Math.abs(total - published)} 个）/ ` +
        `${total} villages listed, published total is ${published} (${total < published ? 'missing' : 'extra'} ${Math.abs(total - published)})`,
    );
  }
  const status: CountComparison['status'] =
    ex && ex.count > 0 ? 'excluded-county' : total === 0 ? 'empty' : total < published ? 'incomplete' : total > published ? 'exceeds' : 'matches';
  return { total, published, difference: total - published, perCounty, status, agrees: problems.length === 0, problems };
}
