import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { DataError, formatProblem } from '../../../src/loaders/problems.ts';
import { readDataDir } from '../../../src/loaders/readDataDir.ts';

const VALID = 'tests/fixtures/data/valid';
const valid = () => readDataDir(VALID);
const withFigures = (name: string) => ({ ...valid(), [`${VALID}/figures.csv`]: readFileSync(`tests/fixtures/data/invalid/${name}.figures.csv`, 'utf8') });

function problemsOf(files: Record<string, string>): string[] {
  try {
    loadDataset(files);
  } catch (e) {
    if (e instanceof DataError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected the data to be rejected');
}

describe('a valid fixture set', () => {
  it('loads, converts to base units exactly and derives declared formulas', () => {
    const d = loadDataset(valid());
    const fund = d.byId.get('t.fund')!;
    expect(fund.base_value).toBe('11345800');
    expect(fund.base_unit).toBe('元');
    const share = d.byId.get('t.share')!;
    expect(share.kind).toBe('derived');
    expect(share.value).toBe('70.1'); // 795 / 1134.58 = 0.70070…
    expect(share.formula_shown).toBe('795 ÷ 1134.58 × 100');
    expect(d.checks.map((c) => [c.shown, c.ok])).toEqual([['4 + 6 = 10', true], ['795 ≤ 1134.58', true]]);
  });

  it('accepts what Excel saves: a UTF-8 BOM and CRLF line endings', () => {
    const files = valid();
    const key = `${VALID}/figures.csv`;
    files[key] = '\uFEFF' + files[key].replace(/\n/g, '\r\n');
    const d = loadDataset(files);
    expect(d.byId.get('t.total')!.value).toBe('10');
    expect(d.byId.get('t.share')!.label_zh).toBe('使用比例');
  });
});

describe('a bad CSV is rejected with file, line, column, value and the fix', () => {
  const file = `${VALID}/figures.csv`;
  const cases: [string, RegExp][] = [
    ['non-numeric', /figures\.csv:3:5 列\/column "value" \(Excel E\): 不是数字：请只填阿拉伯数字.* — 读到\/got "4o"/],
    ['unknown-unit', /figures\.csv:3:6 列\/column "unit".*未知单位“万户”：请使用 units\.csv 中的单位.*unknown unit "万户"/],
    ['unknown-source', /figures\.csv:4:12 列\/column "source_id".*未知来源“no-such-source”.*fixture-source/],
    ['missing-source', /figures\.csv:4:12 列\/column "source_id".*此项必填/],
    ['duplicate-id', /figures\.csv:6:1 列\/column "id".*编号“t\.fund”重复（第 5 行已使用）/],
    ['unknown-area', /figures\.csv:4:11 列\/column "area_code".*未知行政区划代码“510799”.*510700/],
    ['malformed-period', /figures\.csv:3:9 列\/column "period_end".*YYYY-MM-DD 且为真实日期.* — 读到\/got "2021-08-32"/],
    ['broken-check', /checks\.csv:2:4 列\/column "expression".*核对未通过：5 \+ 6 = 10 不成立/],
    ['empty', /figures\.csv: 文件为空：第一行应为表头/],
  ];
  it.each(cases)('%s', (name, pattern) => {
    const problems = problemsOf(withFigures(name));
    expect(problems.join('\n')).toMatch(pattern);
    if (name !== 'broken-check') expect(problems[0].startsWith(file)).toBe(true);
  });

  it('reports a malformed period kind and a period that contradicts its kind', () => {
    const files = valid();
    files[file] = files[file].replace('t.total,monitoring,总户数,Total households,10,户,as_of,,2021-08-31', 't.total,monitoring,总户数,Total households,10,户,weekly,,2021-08-31')
      .replace('t.part_b,monitoring,乙类户数,Part B households,6,户,as_of,,2021-08-31', 't.part_b,monitoring,乙类户数,Part B households,6,户,as_of,2021-01-01,2021-08-31');
    const out = problemsOf(files).join('\n');
    expect(out).toMatch(/figures\.csv:2:7 列\/column "period_type".*时期类型只能是：as_of、range/);
    expect(out).toMatch(/figures\.csv:4:8 列\/column "period_start".*时期类型 as_of 不应填写开始日期/);
  });

  it('reports a formula that refers to an unknown figure', () => {
    const files = valid();
    files[file] = files[file].replace('t.used / t.fund * 100', 't.used / t.fnd * 100');
    expect(problemsOf(files).join('\n')).toMatch(/figures\.csv:7:15 列\/column "formula".*不存在的数字编号“t\.fnd”/);
  });
});

describe('the real data/', () => {
  const d = loadDataset(readDataDir('data'));
  const v = (id: string) => d.byId.get(id)!;

  it('holds every figure of the 2021 work report, exactly as published', () => {
    const published = d.figures.filter((f) => f.kind === 'published' && f.source_id === 'mrrb-2021-work-report');
    expect(published).toHaveLength(61);
    const text = readFileSync('tests/fixtures/source-figures.txt', 'utf8').trim().split('\n');
    // Each line of the fixture is a value+unit as printed in the report, in order of appearance.
    const shown = published.map((f) => `${f.value}${f.unit}`).sort();
    expect(shown).toEqual([...text].sort());
  });

  it('converts to base units with exact decimals', () => {
    expect(v('income.microcredit.new_loans').base_value).toBe('11345800');
    expect(v('income.consumption.sales').base_value).toBe('670000000');
    expect(v('monitoring.screening.person_times').base_value).toBe('16000');
    expect(v('funds.projects.budget').base_value).toBe('3450000000');
  });

  it('derives implied values from declared formulas and marks them derived', () => {
    expect(v('monitoring.eliminated.sudden.households')).toMatchObject({ kind: 'derived', value: '0' });
    expect(v('monitoring.monitored.unstable.households')).toMatchObject({ kind: 'derived', value: '613', formula_shown: '473 + 140' });
    expect(v('monitoring.emergency_fund.usage_share')).toMatchObject({ kind: 'derived', value: '35.9', decimals: 1, formula_shown: '795 ÷ 2214 × 100' });
  });

  it('passes every declared cross-check', () => {
    expect(d.checks.length).toBeGreaterThanOrEqual(9);
    expect(d.checks.filter((c) => !c.ok)).toEqual([]);
    expect(d.checks.find((c) => c.id === 'new-households-sum')!.shown).toBe('134 + 195 + 112 = 441');
  });

  it('cites a known source and locator on every figure', () => {
    const ids = new Set(d.sources.map((s) => s.id));
    for (const f of d.figures) {
      expect(ids.has(f.source_id), f.id).toBe(true);
      expect(f.locator.length, f.id).toBeGreaterThan(0);
    }
  });
});
