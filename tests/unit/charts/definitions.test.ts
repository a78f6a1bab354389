/** The chart definitions over the real data: right figures, right order, honest takeaways. */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../../src/loaders/readDataDir.ts';
import { extremes, monitoringNewChart, monitoringStatusChart, pairingsChart } from '../../../src/lib/charts/definitions.ts';
import { withUnit } from '../../../src/lib/format.ts';
import { viewFigures } from '../../../src/lib/views.ts';

const d = loadDataset(readDataDir('data'));

describe('chart definitions', () => {
  for (const c of [monitoringStatusChart(d, 'households'), monitoringStatusChart(d, 'persons'), monitoringNewChart(d, 'households'), monitoringNewChart(d, 'persons'), pairingsChart(d)]) {
    it(`${c.id}: one bar per figure, each showing the figure as published, all from its download view`, () => {
      expect(c.rows).toHaveLength(c.figures.length);
      c.rows.forEach((r, i) => {
        expect(r.id).toBe(c.figures[i].id);
        const f = c.figures[i];
        // Published as is; a derived value is labelled as derived on the bar.
        expect(r.display).toBe(withUnit(f.value, f.unit) + (f.kind === 'derived' ? '（推算）' : ''));
      });
      const inView = new Set(viewFigures(c.view, d.figures).map((f) => f.id));
      for (const f of c.figures) expect(inView.has(f.id), f.id).toBe(true);
    });
    it(`${c.id}: every number in the takeaway is one of the chart's or the dataset's figures`, () => {
      const shown = new Set(d.figures.map((f) => withUnit(f.value, f.unit)));
      const nums = c.takeaway.match(/[\d,.]+(?:户|人|个|所)/g) ?? [];
      expect(nums.length).toBeGreaterThan(0);
      for (const n of nums) expect(shown.has(n), n).toBe(true);
    });
  }

  it('the status chart splits each category into eliminated and not eliminated, by dims', () => {
    const c = monitoringStatusChart(d, 'households');
    expect(c.figures.map((f) => `${f.dims.category}/${f.dims.status}`)).toEqual(['unstable/eliminated', 'unstable/not_eliminated', 'marginal/eliminated', 'marginal/not_eliminated', 'sudden/eliminated', 'sudden/not_eliminated']);
    expect(c.figures.every((f) => f.dims.measure === 'households')).toBe(true);
  });

  it('names the largest and smallest, and nothing when tied', () => {
    const f = (id: string, v: string) => ({ ...d.figures[0], id, value: v, base_value: v });
    expect(extremes([f('a', '3'), f('b', '1'), f('c', '2')], (x) => x.id)).toMatch(/^a最多（3.*），b最少（1.*）$/);
    expect(extremes([f('a', '3'), f('b', '3')], (x) => x.id)).toBe('');
  });
});
