import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
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

describe('mistakes people make in Excel: one clear message each, no cascade', () => {
  const file = `${VALID}/figures.csv`;
  const edit = (change: (lines: string[]) => void) => {
    const files = valid();
    const lines = files[file].split('\n');
    change(lines);
    files[file] = lines.join('\n');
    return problemsOf(files);
  };
  const row = (lines: string[], id: string) => lines.findIndex((l) => l.startsWith(`${id},`));

  it('a file saved as GBK/GB18030 is named once, with the fix', () => {
    const files: Record<string, string | Uint8Array> = valid();
    const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: files[file] as string });
    files[file] = new Uint8Array(r.stdout);
    let problems: string[] = [];
    try { loadDataset(files); } catch (e) { problems = (e as DataError).problems.map(formatProblem); }
    expect(problems).toEqual([`${file}: 文件不是 UTF-8 编码（可能是 GBK/GB18030）— 请在 Excel 中另存为"CSV UTF-8" | the file is not UTF-8 (probably GBK/GB18030): in Excel, save it again as "CSV UTF-8"`]);
  });

  it('text already decoded with replacement characters is recognised too', () => {
    const files = valid();
    files[file] = files[file].replace('总户数', '\uFFFD\uFFFD');
    expect(problemsOf(files)).toEqual([expect.stringMatching(/figures\.csv: 文件不是 UTF-8 编码/)]);
  });

  it('a repeated header row', () => {
    expect(edit((l) => l.splice(3, 0, l[0]))).toEqual([`${file}:4: 第 4 行重复了表头（第 1 行）：删除这一行 | line 4 repeats the header (line 1): delete this line`]);
  });

  it('a row with too many cells', () => {
    const out = edit((l) => { const i = row(l, 't.part_a'); l[i] = l[i].replace(',4,户,', ',4,5,户,'); });
    expect(out).toEqual([expect.stringMatching(/figures\.csv:3: 此行有 18 个单元格，表头有 17 列（多了 1 个）/)]);
  });

  it('a row with too few cells', () => {
    const out = edit((l) => { const i = row(l, 't.part_a'); l[i] = l[i].split(',').slice(0, 10).join(','); });
    expect(out).toEqual([expect.stringMatching(/figures\.csv:3: 此行有 10 个单元格，表头有 17 列（少了 7 个）.*too few/)]);
  });

  it('a formula cell', () => {
    const out = edit((l) => { const i = row(l, 't.total'); l[i] = l[i].replace(',10,户,', ',=4+6,户,'); });
    expect(out).toEqual([expect.stringMatching(/figures\.csv:2:5 列\/column "value" \(Excel E\): 单元格是 Excel 公式（以“=”开头）.* — 读到\/got "=4\+6"$/)]);
  });

  it('full-width digits', () => {
    const out = edit((l) => { const i = row(l, 't.total'); l[i] = l[i].replace(',10,户,', ',１０,户,'); });
    expect(out).toEqual([expect.stringMatching(/figures\.csv:2:5 列\/column "value" \(Excel E\): 全角数字：请改为半角数字，写作 10/)]);
  });

  it('a thousands separator', () => {
    const out = edit((l) => { const i = row(l, 't.fund'); l[i] = l[i].replace(',1134.58,万元,', ',"1,134.58",万元,'); });
    expect(out).toEqual([expect.stringMatching(/figures\.csv:5:5 列\/column "value" \(Excel E\): 数字中有千分位逗号：请删去逗号，写作 1134\.58/)]);
  });

  it('digits and commas in text columns are left alone', () => {
    const files = valid();
    files[file] = files[file].replace('总户数,Total households', '"总户数（１期）","Total households, 1,000"');
    expect(() => loadDataset(files)).not.toThrow();
  });
});

describe('relations checked by the one pipeline', () => {
  const fig = `${VALID}/figures.csv`;
  const with_ = (name: string, change: (t: string) => string) => {
    const files = valid();
    files[`${VALID}/${name}`] = change(files[`${VALID}/${name}`]);
    return files;
  };

  it('the changelog is keyed by id: two changes on one date, and a change to key-villages, are fine', () => {
    const files = with_('changelog.csv', (t) => t.trimEnd() + '\n2026-11-29-second,2026-11-29,key-villages;all-figures,第二项,second\n');
    const d = loadDataset(files);
    expect(d.changelog.map((c) => c.id).sort()).toEqual(['2026-11-29-first', '2026-11-29-second']);
    expect(d.releases).toHaveLength(1);
  });

  it('a duplicate changelog id is rejected', () => {
    const files = with_('changelog.csv', (t) => t.trimEnd() + '\n2026-11-29-first,2026-11-30,figures,重复,dup\n');
    expect(problemsOf(files).join('\n')).toMatch(/changelog\.csv:3:1 列\/column "id".*编号“2026-11-29-first”重复/);
  });

  it('a figure that disagrees with its second keying names both places', () => {
    const files = with_('figures.csv', (t) => t.replace(',1134.58,万元,', ',1134.85,万元,'));
    expect(problemsOf(files)).toEqual([expect.stringMatching(new RegExp(`^${fig}:5 列/column "value": 数值与来源复核录入不一致：tests/fixtures/data/valid/source-transcript.csv:5 记为 1134.58万元`))]);
  });

  it('a published figure without a second keying is rejected', () => {
    const files = with_('source-transcript.csv', (t) => t.split('\n').filter((l) => !l.startsWith('t.used,')).join('\n'));
    expect(problemsOf(files)).toEqual([expect.stringMatching(/figures\.csv:6:1 列\/column "id".*此数字未在 .*source-transcript\.csv 中复核录入/)]);
  });

  it('an unknown <Fig id> in content/ is reported with file:line:column, in Chinese and English', () => {
    const files: Record<string, string> = { ...valid(), 'content/pages/x.mdx': '---\ntitle: x\n---\n\n正文 <Fig id="t.total" /> 与 <Fig id="t.totl" />。\n' };
    expect(problemsOf(files)).toEqual(['content/pages/x.mdx:5:27: <Fig id="t.totl"> 引用了不存在的数字编号：请改正编号，或恢复 data/ 中的该数字行 | <Fig id="t.totl"> refers to an unknown figure id: fix the id, or restore the figure\'s row in data/']);
  });
});
