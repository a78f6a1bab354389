import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { loadDataset } from '../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../src/loaders/readDataDir.ts';
import { describeBrowser, launch, watch } from '../support/browser.ts';
import { astroBuild } from '../support/build.ts';
import { builtPages } from '../support/pages.ts';
import { pageScriptBytes } from '../support/scriptBudget.ts';
import { startServer, type RunningServer } from '../support/server.ts';

// The demo build (npm run build:demo) from examples/demo-villages, built here into dist-demo/.
const demo = parseCsv(readFileSync('examples/demo-villages/key-villages.csv', 'utf8')).records.map((r) => r.values);
// The operator's map review number is set for this build, to see it replace 示意图.
const REVIEW = 'GS（测试）0000号';
const total = loadDataset(readDataDir('data')).byId.get('villages.key.total')!;

describeBrowser('/villages/ in the demo build (synthetic villages)', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    const r = astroBuild({ PORTAL_DEMO: '1', MAP_REVIEW_NUMBER: REVIEW });
    if (r.status !== 0) throw new Error(`demo build failed:\n${r.output}`);
    server = await startServer({ dist: 'dist-demo' });
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(js = true): Promise<{ page: Page; seen: ReturnType<typeof watch> }> {
    const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const seen = watch(page, server.url);
    await page.goto(server.url + '/villages/');
    return { page, seen };
  }

  it('every page carries the 示例数据 banner', async () => {
    const pages = builtPages('dist-demo/client');
    expect(pages).toContain('/villages/');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(server.url + p);
      expect(await page.locator('.demo-banner').textContent(), p).toContain('示例数据');
    }
    await context.close();
  });

  it('the table lists all demo villages, the published number of them, and the gap notice is gone', async () => {
    expect(demo).toHaveLength(Number(total.value));
    const { page } = await open(false);
    const names = await page.locator('#kv-village-table tbody th').allTextContents();
    expect(names.sort()).toEqual(demo.map((v) => v.name).sort());
    expect(await page.locator('#kv-gap').count()).toBe(0);
    // Counts per county are now from the list and add up to the total.
    const counts = await page.locator('#kv-county-table tbody td.num').allTextContents();
    expect(counts.filter((c) => /^\d+$/.test(c.trim())).reduce((s, c) => s + Number(c), 0)).toBe(demo.length);
    // Without JS the SVG shows a point per village.
    expect(await page.locator('.kv-map-svg circle.village').count()).toBe(demo.length);
    await page.context().close();
  });

  it('markers cluster, a cluster zooms in, and a marker popup gives the name, town and categories', async () => {
    const { page, seen } = await open();
    await page.locator('.kv-leaflet path.kv-county').first().waitFor();
    const onMap = async () => {
      const singles = await page.locator('.kv-leaflet path.kv-village').count();
      const clustered = (await page.locator('.kv-leaflet .kv-cluster').allTextContents()).reduce((s, t) => s + Number(t), 0);
      return { singles, clusters: await page.locator('.kv-leaflet .kv-cluster').count(), all: singles + clustered };
    };
    const before = await onMap();
    expect(before.all).toBe(demo.length);
    expect(before.clusters).toBeGreaterThan(0);
    await page.locator('.kv-leaflet .kv-cluster').first().click();
    // The zoom animates; wait for the re-clustered markers rather than a fixed time.
    await expect.poll(async () => (await onMap()).singles, { timeout: 10_000 }).toBeGreaterThan(before.singles);
    expect((await onMap()).all).toBe(demo.length);

    await page.locator('.kv-leaflet path.kv-village').first().click({ force: true });
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor();
    const name = (await popup.locator('.kv-popup-name').textContent())!;
    const row = demo.find((v) => v.name === name)!;
    expect(row).toBeTruthy();
    const text = (await popup.textContent())!;
    expect(text).toContain(row.town);
    for (const c of row.categories.split(';')) expect(text).toContain(c);

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await page.context().close();
  });

  it('the village search narrows the table', async () => {
    const { page } = await open();
    const target = demo[6];
    await page.getByLabel('按村名、乡镇或区县查找').fill(target.name);
    const visible = page.locator('#kv-village-table tbody tr:not([hidden]) th');
    expect(await visible.allTextContents()).toEqual([target.name]);
    expect(await page.locator('#kv-count').textContent()).toContain('找到 1 个村');
    await page.getByLabel('按村名、乡镇或区县查找').fill('');
    expect(await visible.count()).toBe(demo.length);
    await page.context().close();
  });

  it('shows the configured 审图号 at the lower left of the map instead of 示意图', async () => {
    const { page } = await open();
    await page.locator('.kv-leaflet path.kv-county').first().waitFor();
    const stamp = page.locator('.kv-stamp');
    expect(await stamp.textContent()).toBe(`审图号：${REVIEW}`);
    const s = (await stamp.boundingBox())!;
    const m = (await page.locator('.kv-map-frame').boundingBox())!;
    expect(Math.abs(s.x - m.x)).toBeLessThan(3);
    expect(Math.abs(s.y + s.height - (m.y + m.height))).toBeLessThan(3);
    expect(await page.locator('.kv-caption').textContent()).not.toContain('示意图');
    await page.context().close();
  });

  it('still ships at most 60 KB of JavaScript gzipped on the map page', () => {
    expect(pageScriptBytes('dist-demo/client', '/villages/').gzip).toBeLessThanOrEqual(60 * 1024);
  });
});
