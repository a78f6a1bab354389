/**
 * Golden-SVG tests for the bar chart, plus behaviour a reader would notice: every label
 * and value is written out, bars are proportional to values, and a hatched series differs
 * from a plain one by more than colour.
 *
 * The golden files change only on purpose: after a deliberate change to the chart, run
 *   UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/charts
 * and review the diff of tests/unit/charts/golden/*.svg before committing. A missing golden
 * fails; a mismatch writes <name>-changed.svg beside the golden (tests/support/golden.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barChart, type BarRow } from '../../../src/lib/charts/barChart.ts';
import { expectGolden } from '../../support/golden.ts';

const golden = (name: string, svg: string) => expectGolden(join(import.meta.dirname, 'golden', name), svg);

// Fixture rows (not the live data, so the golden files change only when the chart does).
const simple: BarRow[] = [
  { label: '学校结对', value: 45, display: '45所', id: 'a' },
  { label: '镇乡结对', value: 79, display: '79个', id: 'b' },
  { label: '村村结对', value: 34, display: '34个', id: 'c' },
  { label: '村企结对', value: 97, display: '97个', id: 'd' },
];
const grouped: BarRow[] = [
  { label: '脱贫不稳定户 · 已消除风险', value: 473, display: '473户', series: 0, group: '脱贫不稳定户' },
  { label: '脱贫不稳定户 · 尚未消除风险', value: 140, display: '140户', series: 1, group: '脱贫不稳定户' },
  { label: '突发严重困难户 · 已消除风险', value: 0, display: '0户', series: 0, group: '突发严重困难户' },
  { label: '突发严重困难户 · 尚未消除风险', value: 128, display: '128户', series: 1, group: '突发严重困难户' },
];
const opts = (idPrefix: string) => ({ width: 360, title: '标题', desc: '说明', idPrefix });

const rects = (svg: string) => [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="\d+" fill="([^"]+)"[^>]*data-value="([\d.]+)"/g)].map((m) => ({ width: Number(m[1]), fill: m[2], value: Number(m[3]) }));

describe('barChart', () => {
  it('matches the golden SVG (simple)', () => golden('simple.svg', barChart(simple, opts('s'))));
  it('matches the golden SVG (grouped, two series)', () => golden('grouped.svg', barChart(grouped, opts('g'))));

  it('is an accessible image with a title and description', () => {
    const svg = barChart(simple, { ...opts('x'), title: '衢绵结对数', desc: '四类结对' });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="x-title x-desc"/);
    expect(svg).toContain('<title id="x-title">衢绵结对数</title>');
    expect(svg).toContain('<desc id="x-desc">四类结对</desc>');
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
  });

  it('writes every label and value as text next to its bar (no legend)', () => {
    const svg = barChart(simple, opts('x'));
    for (const r of simple) {
      expect(svg).toContain(`>${r.label}</text>`);
      expect(svg).toContain(`>${r.display}</text>`);
      expect(svg).toContain(`data-figure-id="${r.id}"`);
    }
  });

  it('draws bars proportional to their values, the largest filling the plot width', () => {
    const bars = rects(barChart(simple, opts('x')));
    expect(bars.map((b) => b.value)).toEqual([45, 79, 34, 97]);
    const k = bars[3].width / 97;
    for (const b of bars) expect(b.width).toBeCloseTo(b.value * k, 1);
    // Room is left on the right for the value text, and the bar still uses most of the width.
    expect(bars[3].width).toBeLessThan(360 - 8);
    expect(bars[3].width).toBeGreaterThan(360 / 2);
  });

  it('draws a zero as a zero-length bar, still labelled', () => {
    const svg = barChart(grouped, opts('g'));
    const bars = rects(svg);
    expect(bars[2]).toMatchObject({ value: 0, width: 0 });
    expect(svg).toContain('>0户</text>');
  });

  it('marks the second series with a pattern, not only a colour, and names groups', () => {
    const svg = barChart(grouped, opts('g'));
    const bars = rects(svg);
    expect(bars[0].fill).toMatch(/^#/);
    expect(bars[1].fill).toBe('url(#g-p1)');
    expect(svg).toContain('<pattern id="g-p1"');
    expect(svg.match(/class="group"/g)).toHaveLength(2);
  });

  it('escapes markup in labels', () => {
    expect(barChart([{ label: 'a<b&c', value: 1, display: '1' }], opts('e'))).toContain('a&lt;b&amp;c');
  });

  it('survives an all-zero chart', () => {
    const bars = rects(barChart([{ label: 'z', value: 0, display: '0' }], opts('z')));
    expect(bars[0].width).toBe(0);
  });
});
