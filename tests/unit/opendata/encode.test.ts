import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../../src/loaders/readDataDir.ts';
import { columnsOf } from '../../../src/lib/opendata/columns.ts';
import { csvBytes, csvText, jsonValue } from '../../../src/lib/opendata/encode.ts';

const data = loadDataset(readDataDir('data'));
const options = { site: 'https://example.test', portalName: '门户', portalNameEn: 'Portal', publisher: '绵阳市乡村振兴局', publisherEn: 'Bureau', license: { name: 'n', url: null, zh: 'z', en: 'e' }, sources: data.sources };

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
