import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadDataset } from '../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../src/loaders/readDataDir.ts';
import { describeBrowser, launch, watch } from '../support/browser.ts';

const base = inject('baseUrl');
const data = loadDataset(readDataDir('data'));

describeBrowser('数据下载 in a browser', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launch()));
  afterAll(async () => browser?.close());

  it('downloads the Excel CSV of a dataset from the catalogue, with the BOM and every figure', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const seen = watch(page, base);
    await page.goto(base + '/data/');
    await page.getByRole('link', { name: '防返贫监测对象' }).click();
    await page.waitForURL('**/data/monitoring/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[href="/data/monitoring-excel.csv"]').click()]);
    expect(download.suggestedFilename()).toBe('monitoring-excel.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<Record<string, string>>(bytes.subarray(3).toString('utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.id, r.value])).toEqual(data.tables.monitoring.map((r) => [r.id, data.byId.get(String(r.id))!.value]));
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('the Atom feed is well-formed XML with an id, updated and link per entry', async () => {
    const page = await browser.newPage();
    await page.goto(base + '/data/');
    const result = await page.evaluate(async () => {
      const doc = new DOMParser().parseFromString(await (await fetch('/data/feed.xml')).text(), 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI,
        entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
          id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent,
          updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
          link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href'),
        })),
      };
    });
    expect(result.error).toBe(0);
    expect(result.root).toBe('http://www.w3.org/2005/Atom');
    expect(result.entries.length).toBe(data.changelog.length);
    for (const e of result.entries) {
      expect(e.id).toMatch(/^tag:/);
      expect(Number.isNaN(Date.parse(e.updated!))).toBe(false);
      expect(e.link).toMatch(/^https?:\/\//);
    }
    expect(new Set(result.entries.map((e) => e.id)).size).toBe(result.entries.length);
    await page.close();
  });
});
