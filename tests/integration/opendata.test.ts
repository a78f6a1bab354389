/**
 * The open-data downloads as a journalist gets them from the built server: every file
 * parses back to the validated rows, the catalogue's sizes and SHA-256 match the served
 * bytes, the Frictionless package and the JSON-LD are complete, every catalogue link under
 * /data/ resolves, and the zip holds every file byte for byte.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { loadDataset } from '../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../src/loaders/readDataDir.ts';
import { TABLES } from '../../src/schemas/tables.ts';
import { VIEWS, viewFigures, viewStem } from '../../src/lib/views.ts';
import { readZip } from '../support/zip.ts';

const base = inject('baseUrl');
const data = loadDataset(readDataDir('data'));
const DATASETS = [...TABLES.map((t) => t.id), 'all-figures', 'key-villages'];

const bytesOf = async (path: string) => {
  const r = await fetch(base + path);
  expect(r.status, path).toBe(200);
  return new Uint8Array(await r.arrayBuffer());
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** What a table's download must hold: the validated rows, derived values filled in, base units added. */
function expectedRows(id: string): Record<string, string>[] {
  const t = TABLES.find((x) => x.id === id)!;
  return data.tables[id].map((r) => {
    const row = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)]));
    if (!t.figures) return row;
    const f = data.byId.get(String(r.id))!;
    return { ...row, value: f.value, base_value: f.base_value, base_unit: f.base_unit };
  });
}

function parseCsv(text: string) {
  const res = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(res.errors).toEqual([]);
  return res;
}

describe('dataset downloads', () => {
  for (const id of TABLES.map((t) => t.id)) {
    it(`${id}: CSV, Excel CSV and JSON hold exactly the validated rows`, async () => {
      const expected = expectedRows(id);
      const csv = await bytesOf(`/data/${id}.csv`);
      const excel = await bytesOf(`/data/${id}-excel.csv`);
      // BOM only in the Excel variant; otherwise the same bytes.
      expect([...csv.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect([...excel.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(Buffer.from(excel.slice(3)).equals(Buffer.from(csv))).toBe(true);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(csv);
      // RFC 4180 line ends.
      expect(text.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
      const parsed = parseCsv(text);
      if (expected.length === 0) {
        // A table with no rows yet (e.g. corrections): the header alone, and an empty JSON array.
        expect(parsed.data).toEqual([]);
        const file = TABLES.find((t) => t.id === id)!.file;
        expect(text.split('\r\n')[0]).toBe(readDataDir('data')[`data/${file}`].split('\n')[0]);
        expect(JSON.parse(new TextDecoder().decode(await bytesOf(`/data/${id}.json`)))).toEqual([]);
        return;
      }
      expect(parsed.data.map((r) => Object.fromEntries(Object.keys(expected[0]).map((k) => [k, r[k]])))).toEqual(expected);
      for (const k of Object.keys(expected[0])) expect(parsed.meta.fields).toContain(k);
      // Machine form: no digit grouping in numbers.
      for (const r of parsed.data) for (const k of ['value', 'base_value']) if (k in r) expect(r[k]).toMatch(/^-?\d+(\.\d+)?$/);
      // JSON: the same rows, numbers as numbers, empty as null.
      const json = JSON.parse(new TextDecoder().decode(await bytesOf(`/data/${id}.json`))) as Record<string, unknown>[];
      expect(json.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)])))).toEqual(parsed.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, json.length && typeof json[0][k] === 'number' ? cell(v === '' ? null : Number(v)) : v]))));
    });
  }

  it('published values are served exactly as the source CSV has them', async () => {
    const raw = readDataDir('data');
    for (const t of TABLES.filter((x) => x.figures)) {
      const source = Papa.parse<Record<string, string>>(raw[`data/${t.file}`], { header: true, skipEmptyLines: true }).data;
      const served = parseCsv(new TextDecoder().decode(await bytesOf(`/data/${t.id}.csv`))).data;
      for (const s of source.filter((r) => r.kind === 'published')) expect(served.find((r) => r.id === s.id)?.value, s.id).toBe(s.value);
      for (const s of source.filter((r) => r.kind === 'derived')) expect(served.find((r) => r.id === s.id)?.value, s.id).toBe(data.byId.get(s.id)!.value);
    }
  });

  it('all-figures has one row per figure the site shows, with base values and sources', async () => {
    const rows = parseCsv(new TextDecoder().decode(await bytesOf('/data/all-figures.csv'))).data;
    expect(rows.map((r) => r.id)).toEqual(data.figures.map((f) => f.id));
    for (const f of data.figures) {
      const r = rows.find((x) => x.id === f.id)!;
      expect([r.value, r.unit, r.base_value, r.base_unit, r.period_label, r.source_id, r.table]).toEqual([f.value, f.unit, f.base_value, f.base_unit, f.period.label, f.source_id, f.table]);
    }
  });

  it('key-villages is served as an empty table with its header, and labelled 未公布', async () => {
    const text = new TextDecoder().decode(await bytesOf('/data/key-villages.csv'));
    expect(text.split('\r\n')[0]).toBe('village_code,name,town,county_code,categories,lon,lat,source_id,locator');
    expect(JSON.parse(new TextDecoder().decode(await bytesOf('/data/key-villages.json')))).toEqual([]);
    expect(await (await fetch(base + '/data/key-villages/')).text()).toContain('未公布');
  });

  it('every chart view file holds exactly the rows of its view', async () => {
    // VIEWS is filled by the chart pages; tests/unit/opendata covers a fixture view.
    for (const v of VIEWS) {
      const rows = parseCsv(new TextDecoder().decode(await bytesOf(`/data/${viewStem(v)}.csv`))).data;
      expect(rows.map((r) => r.id)).toEqual(viewFigures(v, data.figures).map((f) => f.id));
    }
  });
});

/** Rows of the file tables on a page: name, size, sha. */
function listedFiles(html: string) {
  return [...html.matchAll(/<tr data-file="([^"]+)">[\s\S]*?data-size="(\d+)"[\s\S]*?data-sha256="([0-9a-f]{64})"/g)].map((m) => ({ name: m[1], size: Number(m[2]), sha: m[3] }));
}

describe('the catalogue', () => {
  it('lists, for every dataset page and /data/, sizes and SHA-256 that match the served files', async () => {
    let checked = 0;
    for (const page of ['/data/', ...DATASETS.map((id) => `/data/${id}/`)]) {
      const html = await (await fetch(base + page)).text();
      const files = listedFiles(html);
      expect(files.length, page).toBeGreaterThanOrEqual(3);
      for (const f of files) {
        const b = await bytesOf(`/data/${f.name}`);
        expect(b.length, f.name).toBe(f.size);
        expect(sha(b), f.name).toBe(f.sha);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(DATASETS.length * 3 + 4);
  });

  it('shows the column dictionary from the schema descriptions, period, citation and changes on each dataset page', async () => {
    for (const t of TABLES) {
      const html = await (await fetch(`${base}/data/${t.id}/`)).text();
      const shape = (t.schema as unknown as { shape: Record<string, { description?: string }> }).shape;
      for (const [name, col] of Object.entries(shape)) {
        const row = html.match(new RegExp(`<tr data-column="${name}">[\\s\\S]*?</tr>`))?.[0] ?? '';
        expect(row, `${t.id}.${name} listed`).not.toBe('');
        // The download fills in derived values, so its value column says so instead.
        const described = t.figures && name === 'value' ? 'for a derived row (kind = derived) computed by the build' : col.description!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
        expect(row.includes(described), `${t.id}.${name}: ${described}`).toBe(true);
      }
      expect(html).toMatch(new RegExp(`<p class="citation">${'绵阳市乡村振兴局'}：《${t.title_zh}》（数据集 ${t.id}，版本 \\d{4}-\\d{2}-\\d{2}）[^<]*https?://[^<]+/data/${t.id}/</p>`));
      for (const c of data.changelog.filter((c) => c.tables.split(';').includes(t.id))) expect(html).toContain(c.summary_zh);
    }
  });

  it('datapackage.json follows the Frictionless table-schema rules', async () => {
    const pkg = JSON.parse(new TextDecoder().decode(await bytesOf('/data/datapackage.json')));
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.licenses.length).toBeGreaterThan(0);
    const names = new Set<string>();
    const TYPES = { string: () => true, number: (s: string) => /^-?\d+(\.\d+)?$/.test(s), integer: (s: string) => /^-?\d+$/.test(s), date: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)), boolean: (s: string) => s === 'true' || s === 'false' } as Record<string, (s: string) => boolean>;
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(DATASETS));
    for (const r of pkg.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      expect(names.has(r.name)).toBe(false);
      names.add(r.name);
      expect(r.path).not.toMatch(/^\/|\.\./);
      const bytes = await bytesOf(`/data/${r.path}`); // every path exists in the build
      expect(r.bytes).toBe(bytes.length);
      expect(r.hash).toBe(`sha256:${sha(bytes)}`);
      const { data: rows, meta } = parseCsv(new TextDecoder().decode(bytes));
      expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(meta.fields);
      for (const f of r.schema.fields) {
        expect(Object.keys(TYPES), `${r.name}.${f.name}`).toContain(f.type);
        for (const row of rows) {
          const v = row[f.name];
          if (v === '') expect(f.constraints?.required, `${r.name}.${f.name} required but empty`).not.toBe(true);
          else {
            expect(TYPES[f.type](v), `${r.name}.${f.name} = ${v} is not ${f.type}`).toBe(true);
            if (f.constraints?.enum) expect(f.constraints.enum).toContain(v);
          }
        }
      }
      const pk: string[] = Array.isArray(r.schema.primaryKey) ? r.schema.primaryKey : [r.schema.primaryKey];
      expect(pk.length).toBeGreaterThan(0);
      for (const k of pk) expect(meta.fields).toContain(k);
      const keys = rows.map((row) => pk.map((k) => row[k]).join('\u0000'));
      expect(new Set(keys).size, `${r.name}: primary key unique`).toBe(keys.length);
    }
  });

  it('each dataset page carries schema.org Dataset JSON-LD with the required properties', async () => {
    for (const id of DATASETS) {
      const html = await (await fetch(`${base}/data/${id}/`)).text();
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(blocks.length, id).toBe(1);
      const ld = JSON.parse(blocks[0][1]);
      expect(ld['@type']).toBe('Dataset');
      for (const k of ['name', 'description', 'creator', 'license', 'distribution']) expect(ld[k], `${id}.${k}`).toBeTruthy();
      expect(ld.creator.name).toBe('绵阳市乡村振兴局');
      // Tables with a time dimension state it; reference tables (units, divisions, checks,
      // county pairs, key villages) have none and say 不适用 on the page instead.
      if (['monitoring', 'figures', 'east-west-pairings', 'all-figures', 'sources', 'changelog'].includes(id)) expect(ld.temporalCoverage, id).toMatch(/^\d{4}(-\d{2}-\d{2})?(\/\d{4}(-\d{2}-\d{2})?)?$/);
      else {
        expect(ld.temporalCoverage).toBeUndefined();
        expect(html).toContain('不适用：本表不含时期');
      }
      for (const d of ld.distribution) {
        expect(d.encodingFormat).toMatch(/^(text\/csv|application\/json)$/);
        const b = await bytesOf(new URL(d.contentUrl).pathname);
        expect(sha(b)).toBe(d.sha256);
      }
    }
  });

  it('catalog.json is a DCAT catalogue of every dataset with downloadable distributions', async () => {
    const cat = JSON.parse(new TextDecoder().decode(await bytesOf('/data/catalog.json')));
    expect(cat['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(cat['@type']).toBe('dcat:Catalog');
    expect(cat['dcat:dataset'].map((d: Record<string, string>) => d['dct:identifier'])).toEqual(DATASETS);
    for (const d of cat['dcat:dataset']) {
      for (const dist of d['dcat:distribution']) {
        const b = await bytesOf(new URL(dist['dcat:downloadURL']['@id']).pathname);
        expect(dist['dcat:byteSize']).toBe(b.length);
        expect(dist['spdx:checksum']['spdx:checksumValue']).toBe(sha(b));
      }
    }
  });

  it('the zip holds every download, datapackage.json and a README, byte for byte', async () => {
    const entries = readZip(await bytesOf('/data/mianyang-rr-data.zip'));
    const names = entries.map((e) => e.name);
    // Deflated: every entry big enough to shrink is stored compressed (a near-empty file may
    // stay stored), and the zip is less than half its contents.
    expect(entries.filter((e) => e.method !== 8 && e.bytes.length >= 256).map((e) => e.name)).toEqual([]);
    console.log(`zip: ${entries.length} entries, ${entries.filter((e) => e.method === 8).length} deflated; ${entries.reduce((n, e) => n + e.compressedSize, 0)} of ${entries.reduce((n, e) => n + e.bytes.length, 0)} bytes`);
    expect(entries.reduce((n, e) => n + e.compressedSize, 0)).toBeLessThan(entries.reduce((n, e) => n + e.bytes.length, 0) / 2);
    expect(names).toContain('README.md');
    expect(names).toContain('datapackage.json');
    for (const id of DATASETS) for (const n of [`${id}.csv`, `${id}-excel.csv`, `${id}.json`]) expect(names).toContain(n);
    for (const e of entries.filter((e) => e.name !== 'README.md')) {
      expect(Buffer.from(e.bytes).equals(Buffer.from(await bytesOf(`/data/${e.name}`))), e.name).toBe(true);
    }
    const readme = new TextDecoder().decode(entries.find((e) => e.name === 'README.md')!.bytes);
    for (const s of ['使用条款', '引用', '来源', data.sources[0].title_zh]) expect(readme).toContain(s);
    // Determinism (the same data gives the same bytes at any time) is tested on the catalogue
    // itself in tests/unit/opendata/catalogue.test.ts.
  });

  it('the /data/ pages announce the Atom feed, whose entries link to absolute URLs', async () => {
    for (const page of ['/data/', '/data/monitoring/']) {
      expect(await (await fetch(base + page)).text()).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/data\/feed.xml"/);
    }
    const res = await fetch(base + '/data/feed.xml');
    expect(res.status).toBe(200);
    const xml = await res.text();
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
    expect(entries.length).toBe(data.changelog.length);
    for (const e of entries) {
      expect(e).toMatch(/<id>tag:[^<]+<\/id>/);
      expect(e).toMatch(/<updated>\d{4}-\d{2}-\d{2}T00:00:00\+08:00<\/updated>/);
      const href = e.match(/<link rel="alternate" type="text\/html" href="([^"]+)"/)![1];
      expect(href.startsWith('http')).toBe(true);
      const url = new URL(href);
      const html = await (await fetch(base + url.pathname)).text();
      expect(html).toContain(`id="${url.hash.slice(1)}"`);
    }
  });
});
