import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'astro/zod';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readDataDir, readProjectFiles } from '../../../src/loaders/readDataDir.ts';
import { buildDatasets } from '../../../src/lib/opendata/datasets.ts';
import { buildCatalogue } from '../../../src/lib/opendata/catalogue.ts';
import { zip } from '../../../src/lib/opendata/zip.ts';
import { viewHref, VIEWS } from '../../../src/lib/views.ts';
import { readZip } from '../../support/zip.ts';

const data = loadDataset(readDataDir('data'));
const options = { site: 'https://example.test', portalName: '门户', portalNameEn: 'Portal', publisher: '绵阳市乡村振兴局', publisherEn: 'Bureau', license: { name: 'n', url: null, zh: 'z', en: 'e' }, sources: data.sources };

describe('chart views', () => {
  const view = { table: 'monitoring', filter: { status: ['not_eliminated'], measure: ['households'] }, description_zh: '尚未消除风险的户数' };
  const datasets = buildDatasets(data, [view]);
  const cat = buildCatalogue(datasets, options, data.releases);

  it('gives each view a file named after its filter, holding exactly the rows the chart draws', () => {
    const monitoring = datasets.find((d) => d.id === 'monitoring')!;
    const v = monitoring.views[0];
    expect(v.stem).toBe('monitoring--measure-households--status-not_eliminated');
    const expected = data.tables.monitoring.filter((r) => r.status === 'not_eliminated' && r.measure === 'households').map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(v.rows.map((r) => r.id)).toEqual(expected);
    const served = cat.files.get(viewHref(view).replace('/data/', ''))!;
    const back = Papa.parse<Record<string, string>>(new TextDecoder().decode(served.bytes), { header: true, skipEmptyLines: true }).data;
    expect(back.map((r) => r.id)).toEqual(expected);
    expect(back.every((r) => r.status === 'not_eliminated' && r.measure === 'households')).toBe(true);
    expect(cat.files.has(viewHref(view, 'json').replace('/data/', ''))).toBe(true);
  });

  it('lists the view in the data package and the zip', () => {
    const pkg = JSON.parse(new TextDecoder().decode(cat.files.get('datapackage.json')!.bytes));
    expect(pkg.resources.map((r: { path: string }) => r.path)).toContain('monitoring--measure-households--status-not_eliminated.csv');
    const names = readZip(cat.files.get('mianyang-rr-data.zip')!.bytes).map((e) => e.name);
    expect(names).toContain('monitoring--measure-households--status-not_eliminated.csv');
  });
});

describe('the same data gives the same bytes', () => {
  it('two catalogues built at different times from separately loaded data are byte-identical', () => {
    const build = (now: string) => {
      vi.setSystemTime(new Date(now));
      const d = loadDataset(readProjectFiles());
      return buildCatalogue(buildDatasets(d, VIEWS, d.keyVillages.rows as unknown as Record<string, unknown>[]), options, d.releases);
    };
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const a = build('2001-02-03T04:05:06Z');
      const b = build('2039-12-31T23:59:59Z');
      expect([...b.files.keys()]).toEqual([...a.files.keys()]);
      for (const [name, f] of a.files) expect(b.files.get(name)!.sha256, name).toBe(f.sha256);
    } finally {
      vi.useRealTimers();
    }
  });
});
