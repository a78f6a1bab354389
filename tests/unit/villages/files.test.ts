import { describe, expect, it } from 'vitest';
import { readProjectFiles } from '../../../src/loaders/readDataDir.ts';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import type { Division } from '../../../src/lib/divisions.ts';
import { DEMO_FILES, loadKeyVillages, REAL_FILES } from '../../../src/lib/villages/files.ts';
import { DEMO_SOURCE_ID } from '../../../src/lib/villages/demo.ts';
import { countyRows } from '../../../src/lib/villages/countyTable.ts';
import { KEY_VILLAGE_PLAN } from '../../../src/lib/villages/schema.ts';
import { DataError, formatProblem } from '../../../src/loaders/problems.ts';
import { read, root } from '../../support/geo.ts';

const d = loadDataset(readProjectFiles(root));
const lazy = (p: string) => () => read(p);
const readKeyVillages = (_root: string, demo: boolean) => loadDataset(readProjectFiles(root, { demo }), { demo }).keyVillages;
const divisions = d.divisions as Division[];
const rest = { divisions, sourceIds: d.sources.map((s) => s.id), publishedTotal: Number(d.byId.get('villages.key.total')!.value) };
const demoRows = read(DEMO_FILES.list).trim().split('\n').length - 1;

describe('the key-village list the site is built from', () => {
  it('default build: the real file, header only, is accepted and reported as empty', () => {
    const list = readKeyVillages(root, false);
    expect(list.files).toEqual(REAL_FILES);
    expect(list.rows).toEqual([]);
    expect(list.comparison.status).toBe('empty');
    const rows = countyRows(divisions, list, KEY_VILLAGE_PLAN.excludedCountyCode);
    expect(rows).toHaveLength(9);
    // Without a list no county count is known.
    expect(rows.every((r) => r.countState === 'unpublished')).toBe(true);
    expect(rows.filter((r) => !r.hasKeyVillages).map((r) => r.name_zh)).toEqual(['涪城区']);
  });

  it('demo build: the synthetic list validates against its own gazetteer and agrees with the published total', () => {
    const list = readKeyVillages(root, true);
    expect(list.rows).toHaveLength(demoRows);
    expect(list.comparison.agrees).toBe(true);
    const rows = countyRows(divisions, list, KEY_VILLAGE_PLAN.excludedCountyCode);
    expect(rows.every((r) => r.countState === 'complete')).toBe(true);
    expect(rows.reduce((s, r) => s + r.listed, 0)).toBe(rest.publishedTotal);
    expect(rows.find((r) => !r.hasKeyVillages)!.listed).toBe(0);
  });

  it('the demo registers its synthetic source in its own sources.csv, never in data/', () => {
    expect(read(DEMO_FILES.sources!)).toContain(`\n${DEMO_SOURCE_ID},`);
    expect(read('data/sources.csv')).not.toContain(DEMO_SOURCE_ID);
  });

  it('a demo row outside a demo build is rejected: its source is not registered', () => {
    const texts = { list: read(DEMO_FILES.list), towns: lazy(DEMO_FILES.towns), villages: lazy(DEMO_FILES.villages) };
    expect(() => loadKeyVillages({ ...rest, demo: false, files: DEMO_FILES, texts })).toThrow(/source id is not in the source register/);
  });

  it('a list shorter than the published total is partial, never complete', () => {
    const lines = read(DEMO_FILES.list).trim().split('\n');
    const texts = { list: lines.slice(0, 11).join('\n') + '\n', towns: lazy(DEMO_FILES.towns), villages: lazy(DEMO_FILES.villages) };
    const list = loadKeyVillages({ ...rest, sourceIds: [...rest.sourceIds, DEMO_SOURCE_ID], demo: true, files: DEMO_FILES, texts });
    expect(list.comparison.agrees).toBe(false);
    expect(list.comparison.problems.join('\n')).toContain(`共 10 个村，与公布的 ${rest.publishedTotal} 个不一致`);
    expect(countyRows(divisions, list, KEY_VILLAGE_PLAN.excludedCountyCode).every((r) => r.countState === 'partial')).toBe(true);
  });

  it('reports village problems in the one format: file:line:column problems with the Excel column and the fix', () => {
    const text = 'village_code,name,town,county_code,categories,lon,lat,source_id,locator\n510781101233,河石村,太平镇,510781,脱贫村,,,mrrb-2021-work-report,\n';
    const texts = { list: text, towns: lazy(REAL_FILES.towns), villages: lazy(REAL_FILES.villages) };
    let err: unknown;
    try {
      loadKeyVillages({ ...rest, demo: false, files: REAL_FILES, texts });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    const lines = (err as DataError).problems.map(formatProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^data\/key-villages\.csv:2:2 列\/column "name" \(Excel B\): 村名与代码不符.* — 改法\/fix: .*红砖岭村.* — 读到\/got "河石村"$/);
  });
});
