import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../../src/loaders/readDataDir.ts';
import { buildDatasets } from '../../../src/lib/opendata/datasets.ts';
import { TABLES } from '../../../src/schemas/tables.ts';

const data = loadDataset(readDataDir('data'));
const options = { site: 'https://example.test', portalName: '门户', portalNameEn: 'Portal', publisher: '绵阳市乡村振兴局', publisherEn: 'Bureau', license: { name: 'n', url: null, zh: 'z', en: 'e' }, sources: data.sources };

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
