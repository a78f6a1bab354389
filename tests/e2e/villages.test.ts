import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDataset } from '../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../src/loaders/readDataDir.ts';
import { describeBrowser, launch, watch } from '../support/browser.ts';
import { pageScriptBytes } from '../support/scriptBudget.ts';

const base = inject('baseUrl');
const data = loadDataset(readDataDir('data'));
const total = data.byId.get('villages.key.total')!;
const counties = data.divisions.filter((d) => d.level === 'county');
const DISCLOSURE = '/feedback/?type=disclosure&topic=key-villages';

describeBrowser('/villages/ (default build: no village list published)', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launch()));
  afterAll(async () => browser?.close());

  it('with JavaScript: a Leaflet map of the 9 counties, 涪城区 drawn differently, no tiles, no errors, axe clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const seen = watch(page, base);
    await page.goto(base + '/villages/');
    await page.locator('.kv-leaflet path.kv-county').first().waitFor();
    expect(await page.locator('.kv-leaflet path.kv-county').count()).toBe(counties.length);
    const drawn = await page.$$eval('.kv-leaflet path.kv-county', (ps) => ps.map((p) => ({ cls: p.getAttribute('class'), fill: p.getAttribute('fill'), dash: p.getAttribute('stroke-dasharray') })));
    const plain = drawn.filter((p) => p.cls!.includes('no-key-villages'));
    expect(plain).toHaveLength(1);
    expect(plain[0].dash).toBeTruthy();
    for (const p of drawn.filter((x) => x !== plain[0])) {
      expect(p.fill).toMatch(/^url\(#/);
      expect(p.dash).toBeFalsy();
    }
    // The pattern the hatched counties point at exists in the document.
    const hatch = drawn.find((p) => p !== plain[0])!.fill!.slice(4, -1);
    expect(await page.evaluate((sel) => document.querySelectorAll(`pattern${sel}`).length, hatch)).toBe(1);
    // County names on the map, no base-map tiles, the static SVG swapped out.
    expect((await page.locator('.kv-leaflet .kv-label').allTextContents()).sort()).toEqual(counties.map((c) => c.short_zh).sort());
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    expect(await page.locator('.kv-map-svg').isHidden()).toBe(true);
    // Markers are for villages; there are none without a list.
    expect(await page.locator('.kv-leaflet .kv-village, .kv-leaflet .kv-cluster').count()).toBe(0);
    expect(await page.locator('.kv-stamp').textContent()).toBe('示意图');
    // Leaflet's DOM passes axe, and nothing on the map is a tab stop except its own controls.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    expect(await page.locator('.kv-leaflet [tabindex="0"]:not(.leaflet-container)').count()).toBe(0);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  });

  it('shows the total with its source, the gap notice and the disclosure link; counts are 未公布', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + '/villages/');
    const card = page.locator('[data-figure-id="villages.key.total"]');
    expect(await card.locator('.value').textContent()).toContain(total.value);
    const src = data.sources.find((s) => s.id === total.source_id)!;
    expect(await card.textContent()).toContain(src.title_zh);
    expect(await card.textContent()).toContain(total.locator);

    const gap = page.locator('#kv-gap');
    expect(await gap.textContent()).toContain('尚未公开');
    const link = gap.locator(`a[href="${DISCLOSURE}"]`);
    expect(await link.count()).toBe(1);
    expect((await link.textContent())!.length).toBeGreaterThan(4);

    // County table: 9 rows; 涪城区 has none; no county count is shown as a number.
    const rows = page.locator('#kv-county-table tbody tr');
    expect(await rows.count()).toBe(counties.length);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    const byName = new Map(cells.map((c) => [c[0], c.slice(1)]));
    expect(byName.get('涪城区')![0]).toBe('无');
    for (const c of counties.filter((c) => c.name_zh !== '涪城区')) {
      expect(byName.get(c.name_zh)).toEqual(['有', '未公布', '未公布']);
    }
    expect(await page.locator('#kv-village-table').count()).toBe(0);
    // The five focus categories are listed.
    expect(await page.locator('#kv-categories + p + ul li').count()).toBe(5);
    await context.close();
  });

  it('without JavaScript: the build-time SVG shows the 9 counties with labels and the schematic notice', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(base + '/villages/');
    const svg = page.locator('.kv-map-svg svg');
    expect(await svg.isVisible()).toBe(true);
    expect(await svg.locator('path.county').count()).toBe(counties.length);
    expect(await svg.locator('path.no-key-villages').count()).toBe(1);
    expect((await svg.locator('text.county-label').allTextContents()).sort()).toEqual(counties.map((c) => c.short_zh).sort());
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
    expect(await page.locator('.kv-leaflet').isHidden()).toBe(true);
    expect(await page.locator('.kv-stamp').isVisible()).toBe(true);
    expect(await page.locator('.kv-caption').textContent()).toContain('示意图');
    await context.close();
  });
});

describe('build output', () => {
  it('/villages/ ships at most 60 KB of JavaScript gzipped, Leaflet included', () => {
    const { files, gzip } = pageScriptBytes('dist/client', '/villages/');
    expect(files.some((f) => /leaflet/i.test(readFileSync(join('dist/client', f), 'utf8').slice(0, 200_000)))).toBe(true);
    expect(gzip).toBeLessThanOrEqual(60 * 1024);
  });

  it('the default build contains no demo data anywhere', () => {
    const hits: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/示例村|DEMO-SYNTHETIC|示例镇/.test(readFileSync(p, 'utf8'))) hits.push(p);
      }
    };
    walk('dist');
    expect(hits).toEqual([]);
  });
});
