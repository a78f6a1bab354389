import Papa from 'papaparse';
import { crc32 as zlibCrc } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'astro/zod';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readDataDir, readProjectFiles } from '../../../src/loaders/readDataDir.ts';
import { columnsOf } from '../../../src/lib/opendata/columns.ts';
import { buildDatasets } from '../../../src/lib/opendata/datasets.ts';
import { buildCatalogue } from '../../../src/lib/opendata/catalogue.ts';
import { csvBytes, csvText, jsonValue } from '../../../src/lib/opendata/encode.ts';
import { crc32, zip } from '../../../src/lib/opendata/zip.ts';
import { viewHref, VIEWS } from '../../../src/lib/views.ts';
import { TABLES } from '../../../src/schemas/tables.ts';
import { readZip } from '../../support/zip.ts';

const data = loadDataset(readDataDir('data'));
const options = { site: 'https://example.test', portalName: '门户', portalNameEn: 'Portal', publisher: '绵阳市乡村振兴局', publisherEn: 'Bureau', license: { name: 'n', url: null, zh: 'z', en: 'e' }, sources: data.sources };

describe('data dictionary from the zod schema', () => {
  it('lists every CSV column of every table with its description, in file order', () => {
    const raw = readDataDir('data');
    for (const t of TABLES) {
      const header = raw[`data/${t.file}`].split(/\r?\n/)[0].split(',');
      const cols = columnsOf(t.schema);
      expect(cols.map((c) => c.name), t.id).toEqual(header);
      for (const c of cols) expect(c.description.length, `${t.id}.${c.name}`).toBeGreaterThan(10);
    }
  });

  it('reads types through superRefine, transforms and enums, and requiredness from the validator', () => {
    const schema = z.object({
      n: z.string().transform(Number).meta({ fieldType: 'number' }).describe('a number'),
      d: z.string().trim().describe('plain'),
      e: z.enum(['a', 'b']).describe('one of'),
      req: z.string().min(1).describe('needed'),
    }).superRefine(() => {});
    const cols = columnsOf(schema);
    expect(cols.map((c) => [c.name, c.type, c.required, c.values, c.description])).toEqual([
      ['n', 'number', false, null, 'a number'],
      ['d', 'string', false, null, 'plain'],
      ['e', 'string', true, ['a', 'b'], 'one of'],
      ['req', 'string', true, null, 'needed'],
    ]);
    const fig = Object.fromEntries(columnsOf(TABLES[0].schema).map((c) => [c.name, c.type]));
    expect([fig.value, fig.period_start, fig.period_end, fig.decimals, fig.id]).toEqual(['number', 'date', 'date', 'integer', 'string']);
  });
});

describe('CSV and JSON encoding', () => {
  const cols = columnsOf(z.object({ a: z.string().describe('x'), b: z.string().describe('y') }));
  const rows = [{ a: 'comma, here', b: 'quote " here' }, { a: 'line\nbreak', b: ' padded ' }, { a: '', b: null }];

  it('round-trips awkward values through papaparse, with CRLF line ends', () => {
    const text = csvText(cols, rows);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(back).toEqual(rows.map((r) => ({ a: r.a, b: r.b ?? '' })));
  });

  it('adds the BOM only when asked', () => {
    expect([...csvBytes(cols, rows).slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...csvBytes(cols, rows, { bom: true }).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps a number as text rather than change it', () => {
    expect(jsonValue({ type: 'number' }, '1134.58')).toBe(1134.58);
    expect(jsonValue({ type: 'number' }, '1.60')).toBe(1.6);
    expect(jsonValue({ type: 'number' }, '12345678901234567890')).toBe('12345678901234567890');
    expect(jsonValue({ type: 'string' }, '510700')).toBe('510700');
    expect(jsonValue({ type: 'number' }, null)).toBeNull();
  });
});

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    for (const s of ['', 'abc', '数据下载', 'x'.repeat(1000)]) {
      const b = new TextEncoder().encode(s);
      expect(crc32(b)).toBe(zlibCrc(b) >>> 0);
    }
  });

  it('writes entries any reader gets back, with the same bytes for the same input', () => {
    const entries = [{ name: 'README.md', bytes: new TextEncoder().encode('说明\n') }, { name: 'a.csv', bytes: new Uint8Array([1, 2, 3]) }];
    const z1 = zip(entries, '2026-11-29');
    expect(readZip(z1).map((e) => [e.name, [...e.bytes]])).toEqual(entries.map((e) => [e.name, [...e.bytes]]));
    expect(Buffer.from(zip(entries, '2026-11-29')).equals(Buffer.from(z1))).toBe(true);
  });
});

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

describe('all-figures', () => {
  it('is generated from the figure tables: one row per figure, derived rows with their computed value', () => {
    const all = buildDatasets(data).find((d) => d.id === 'all-figures')!;
    expect(all.rows.length).toBe(TABLES.filter((t) => t.figures).reduce((n, t) => n + data.tables[t.id].length, 0));
    const derived = data.figures.find((f) => f.kind === 'derived')!;
    const row = all.rows.find((r) => r.id === derived.id)!;
    expect(row.value).toBe(derived.value);
    expect(row.formula_shown).toBe(derived.formula_shown);
    expect(all.origin_zh).toContain('生成');
  });
});
