import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../../src/loaders/readDataDir.ts';
import { columnsOf } from '../../../src/lib/opendata/columns.ts';
import { TABLES } from '../../../src/schemas/tables.ts';

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
