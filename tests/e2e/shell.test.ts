/**
 * The shell in a real browser: Chinese search, elderly mode across pages and at 320 px,
 * elderly-mode size/contrast/targets, and print.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeBrowser, launch, watch } from '../support/browser.ts';
import { builtPages } from '../support/pages.ts';

const base = inject('baseUrl');
let browser: Browser;

describeBrowser('site shell', () => {
  beforeAll(async () => (browser = await launch()));
  afterAll(async () => browser?.close());

  for (const q of ['帮扶', '监测']) {
    it(`search finds pages for ${q}, from this site only`, async () => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const seen = watch(page, base);
      await page.goto(base + '/search/');
      await page.fill('#q', q);
      await page.click('.search-form button');
      await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 15_000 });
      const results = await page.$$eval('#search-results li', (lis) => lis.map((li) => ({ href: li.querySelector('a')!.getAttribute('href'), text: li.textContent })));
      expect(results.length).toBeGreaterThan(0);
      expect(results.some((r) => r.text!.includes(q))).toBe(true);
      expect(await page.textContent('#search-status')).toMatch(/找到 \d+ 个页面/);
      // A result opens a real page.
      const r = await page.goto(base + results[0].href);
      expect(r?.status()).toBe(200);
      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
      await ctx.close();
    });
  }

  it('search without JavaScript explains itself and links the site map', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(base + '/search/');
    expect(await page.locator('main').textContent()).toContain('需要在浏览器中开启 JavaScript');
    expect(await page.locator('main a[href="/sitemap/"]').count()).toBeGreaterThan(0);
    await ctx.close();
  });

  it('elderly mode, switched on one page, stays on after following a link to another', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + '/');
    await page.click('#mode-toggle');
    await page.click('.site-nav a[href="/monitoring/"]');
    await page.waitForURL(/\/monitoring\/$/);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true);
    expect(await page.getAttribute('#mode-toggle', 'aria-pressed')).toBe('true');
    await page.click('#mode-toggle');
    await page.goto(base + '/funds/');
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(false);
    await ctx.close();
  });

  it('elderly mode: text ≥ 1.25×, line height ≥ 1.5, text contrast ≥ 7:1, shell targets ≥ 60 px', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(base + '/monitoring/');
    const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await page.click('#mode-toggle');
    const m = await metrics(page);
    expect(m.fontSize).toBeGreaterThanOrEqual(1.25 * normal);
    expect(m.lineHeight / m.fontSize).toBeGreaterThanOrEqual(1.5);
    expect(m.lowContrast).toEqual([]);
    expect(m.smallTargets).toEqual([]);
    await ctx.close();
  });

  it('normal mode: shell targets ≥ 44 px', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(base + '/monitoring/');
    const m = await metrics(page, 44);
    expect(m.smallTargets).toEqual([]);
    await ctx.close();
  });

  it('no horizontal scrolling at 320 px in elderly mode, or at 200% zoom, on any page', async () => {
    const small = await browser.newContext({ viewport: { width: 320, height: 640 } });
    await small.addInitScript(() => localStorage.setItem('portal-mode', 'elderly'));
    // 200% zoom of a 1280 px window is a 640 px CSS viewport at device scale 2.
    const zoom = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    for (const ctx of [small, zoom]) {
      const page = await ctx.newPage();
      for (const path of builtPages()) {
        await page.goto(base + path);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(wide, path).toBeLessThanOrEqual(1);
      }
    }
    await small.close();
    await zoom.close();
  });

  it('prints without navigation, with the figures, their sources and chart tables', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + '/monitoring/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.site-nav')).toBe(false);
    expect(await page.isVisible('#mode-toggle')).toBe(false);
    expect(await page.isVisible('main h1')).toBe(true);
    expect(await page.locator('.figure-card').first().isVisible()).toBe(true);
    expect(await page.locator('.chart-table table').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await ctx.close();
  });
});

/** Computed size, line height, text contrast in main, and shell target sizes. */
async function metrics(page: Page, minTarget = 60) {
  return page.evaluate((min) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const bgOf = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const lowContrast: string[] = [];
    for (const el of document.querySelectorAll('main p, main li, main a, main th, main td, main h1, main h2, main h3, main summary, .site-footer p, .site-footer a')) {
      if (!el.textContent?.trim() || (el as HTMLElement).offsetParent === null) continue;
      const r = ratio(rgb(getComputedStyle(el).color).slice(0, 3), bgOf(el));
      if (r < 7) lowContrast.push(`${el.tagName.toLowerCase()}.${el.className} ${r.toFixed(2)}: ${el.textContent.trim().slice(0, 20)}`);
    }
    const smallTargets: string[] = [];
    for (const el of document.querySelectorAll('.site-header a, .site-header button, .site-nav a, .breadcrumbs a, .site-footer nav a, .chart .download, .chart summary')) {
      const b = el.getBoundingClientRect();
      if (b.height < min - 0.5) smallTargets.push(`${el.textContent?.trim()} ${b.width.toFixed(0)}×${b.height.toFixed(0)}`);
    }
    const cs = getComputedStyle(document.body);
    return { fontSize: parseFloat(cs.fontSize), lineHeight: parseFloat(cs.lineHeight), lowContrast: [...new Set(lowContrast)].slice(0, 10), smallTargets };
  }, minTarget);
}
