import { describe, it, expect } from 'vitest';
import {
  KeyVillageRowSchema,
    KEY_VILLAGE_COLUMNS,
  compareWithPublishedTotal,
  validateKeyVillages,
} from '../../../src/lib/villages/index.ts';
import { read, divisions, realGazetteer } from '../../support/geo.ts';
import { DataError, formatProblem } from '../../../src/loaders/problems.ts';

const G = realGazetteer();
const D = divisions();
const fixture = (name: string) => read(`tests/fixtures/villages/${name}`);
const HEADER = KEY_VILLAGE_COLUMNS.join(',');

/** Run the validator and return its error message (fails the test if it did not throw). */
function errorOf(text: string, file: string): string {
  try {
    validateKeyVillages(text, file, G, D);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as DataError).problems.map(formatProblem).join('\n') + `\n${(e as DataError).problems.length} problem(s)`;
  }
  throw new Error(`expected ${file} to be rejected`);
}

describe('validateKeyVillages', () => {
  it('accepts a valid file and returns typed rows', () => {
    const rows = validateKeyVillages(fixture('valid.csv'), 'valid.csv', G, D);
    expect(rows.map((r) => [r.village_code, r.line])).toEqual([
      ['510722101219', 2],
      ['510726100210', 3],
      ['510781219211', 4],
    ]);
    expect(rows[1].categories).toEqual(['重点生态功能区覆盖村', '传统历史文化村']);
    expect(rows[2].categories).toEqual(['掉边掉角边缘村', '脱贫村']); // full-width ； accepted
    expect(rows[0].lon).toBeNull();
  });

  it('accepts Excel output: UTF-8 BOM and CRLF line endings', () => {
    const excel = '\ufeff' + fixture('valid.csv').replace(/\n/g, '\r\n');
    const rows = validateKeyVillages(excel, 'valid.csv', G, D);
    expect(rows).toHaveLength(3);
    expect(rows[2].source_id).toBe('TEST-FIXTURE'); // no stray \r
  });

  it('accepts a header-only file as valid with zero rows — and so does data/key-villages.csv', () => {
    expect(validateKeyVillages(fixture('header-only.csv'), 'header-only.csv', G, D)).toEqual([]);
    expect(read('data/key-villages.csv')).toBe(HEADER + '\n');
    expect(validateKeyVillages(read('data/key-villages.csv'), 'data/key-villages.csv', G, D)).toEqual([]);
  });

  it('rejects a code that is not in the gazetteer, naming file, line and column', () => {
    const msg = errorOf(fixture('wrong-code.csv'), 'tests/fixtures/villages/wrong-code.csv');
    expect(msg).toContain(
      'tests/fixtures/villages/wrong-code.csv:3:1 列/column "village_code" (Excel A): 代码不在统计用区划代码名录中 / code is not in the NBS 2023 gazetteer',
    );
    expect(msg).toContain('读到/got "510727100999"');
    // helps the user: suggests the real code of a village with that name
    expect(msg).toContain('510727100213 东皋村村民委员会（龙安镇）');
    expect(msg).toContain('\n1 problem(s)'); // line 2 is fine
  });

  it('rejects a name that does not match its code, and says what the code is', () => {
    const msg = errorOf(fixture('name-mismatch.csv'), 'name-mismatch.csv');
    expect(msg).toContain('name-mismatch.csv:4:2 列/column "name" (Excel B): 村名与代码不符');
    expect(msg).toContain('which is "红砖岭村村民委员会" — 改法/fix: 若代码正确，将村名改为"红砖岭村"');
    expect(msg).toContain('读到/got "河石村"');
    expect(msg).not.toContain('name-mismatch.csv:2:');
    expect(msg).not.toContain('name-mismatch.csv:3:');
  });

  it('checks county, categories, coordinates, source id and duplicates', () => {
    const text = [
      HEADER,
      '510722101219,顺江村,潼川镇,510781,脱贫村,,,S1,', // county mismatch
      '510726100210,三汇村,曲山镇,510726,贫困村,,,S1,', // bad category
      '510727100213,东皋村,龙安镇,510727,脱贫村,104.5,,S1,', // lon without lat
      '510781219211,河石村,枫顺乡,510781,脱贫村,31.9,104.9,S1,', // swapped lon/lat
      '510781101233,红砖岭村,太平镇,510781,脱贫村,,,,', // no source id
      '510722101219,顺江村,潼川镇,510722,脱贫村,,,S1,', // duplicate of line 2
      '510703001003,警钟街社区,城厢街道,510703,脱贫村,,,S1,', // 涪城区
    ].join('\n');
    const msg = errorOf(text, 'k.csv');
    expect(msg).toContain('k.csv:2:4 列/column "county_code" (Excel D): 区县与代码不符');
    expect(msg).toContain('k.csv:3:5 列/column "categories" (Excel E): 无效类别 / unknown category: "贫困村"');
    expect(msg).toContain('k.csv:4:7 列/column "lat" (Excel G): lon 已填写而 lat 为空');
    expect(msg).toContain('k.csv:5:6 列/column "lon" (Excel F): 经度超出绵阳市范围');
    expect(msg).toContain('k.csv:5:7 列/column "lat" (Excel G): 纬度超出绵阳市范围');
    expect(msg).toContain('k.csv:6:8 列/column "source_id" (Excel H): 必须注明来源编号');
    expect(msg).toContain('k.csv:7:1 列/column "village_code" (Excel A): 与第 2 行重复');
    expect(msg).toContain('k.csv:8:4 列/column "county_code" (Excel D): 涪城区不在公布的重点帮扶村名单范围内');
    expect(msg).toContain('\n8 problem(s)');
  });

  it('rejects a misspelt or missing header column', () => {
    const msg = errorOf(HEADER.replace('county_code', 'county') + '\n', 'h.csv');
    expect(msg).toContain('h.csv:1 列/column "county_code": 缺少必需的列');
    expect(msg).toContain('h.csv:1:4 列/column "county" (Excel D): 未知列');
  });

  it('describes every field of the schema', () => {
    for (const c of KEY_VILLAGE_COLUMNS) {
      expect(KeyVillageRowSchema.shape[c].description, c).toMatch(/\S/);
    }
  });
});

describe('compareWithPublishedTotal', () => {
  it('an empty list is reported as empty, not as agreeing with 94', () => {
    const r = compareWithPublishedTotal([], D);
    expect(r).toMatchObject({ total: 0, published: 94, status: 'empty', agrees: false });
    expect(r.problems.join()).toContain('missing 94');
    expect(r.perCounty).toHaveLength(9);
  });

  it('reports a village in 涪城区 as a disagreement', () => {
    const rows = Array.from({ length: 94 }, (_, i) => ({ county_code: i === 0 ? '510703' : '510722' }));
    const r = compareWithPublishedTotal(rows, D);
    expect(r.status).toBe('excluded-county');
    expect(r.agrees).toBe(false);
    expect(r.problems[0]).toContain('涪城区（510703）有 1 个村');
  });

  it('agrees only at exactly 94 outside 涪城区', () => {
    const mk = (n: number) => Array.from({ length: n }, () => ({ county_code: '510726' }));
    expect(compareWithPublishedTotal(mk(94), D)).toMatchObject({ status: 'matches', agrees: true, problems: [] });
    expect(compareWithPublishedTotal(mk(95), D)).toMatchObject({ status: 'exceeds', agrees: false, difference: 1 });
    expect(compareWithPublishedTotal(mk(93), D).perCounty.find((c) => c.code === '510726')?.count).toBe(93);
  });
});
