import { describe, expect, inject, it } from 'vitest';
import { loadDataset } from '../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../src/loaders/readDataDir.ts';
import { withUnit } from '../../src/lib/format.ts';

const base = inject('baseUrl');
const data = loadDataset(readDataDir('data'));

describe('the home page served by the built server', () => {
  it('lists every figure with its value, period and source', async () => {
    const res = await fetch(base + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN"');
    for (const f of data.figures) {
      const card = html.match(new RegExp(`<li[^>]*data-figure-id="${f.id.replace(/\./g, '\\.')}"[\\s\\S]*?</li>`))?.[0];
      expect(card, f.id).toBeTruthy();
      expect(card, f.id).toContain(withUnit(f.value, f.unit));
      expect(card, f.id).toContain(f.period.label);
      expect(card, f.id).toContain(f.locator);
      expect(card, f.id).toContain(data.sources.find((s) => s.id === f.source_id)!.publisher_zh);
    }
  });
});
