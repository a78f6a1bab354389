import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeBrowser, launch, watch } from '../support/browser.ts';
import { builtPages } from '../support/pages.ts';

const base = inject('baseUrl');
const pages = builtPages();

describeBrowser('every built page, JavaScript on and off, normal and elderly mode', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launch()));
  afterAll(async () => browser?.close());

  const modes = [
    { js: true, elderly: false },
    { js: false, elderly: false },
    { js: true, elderly: true },
  ];
  for (const path of pages) {
    for (const m of modes) {
      it(`${path} (JS ${m.js ? 'on' : 'off'}${m.elderly ? ', 适老模式' : ''})`, async () => {
        const context = await browser.newContext({ javaScriptEnabled: m.js, viewport: { width: 360, height: 740 } });
        if (m.elderly) await context.addInitScript(() => localStorage.setItem('portal-mode', 'elderly'));
        const page = await context.newPage();
        const seen = watch(page, base);
        const res = await page.goto(base + path, { waitUntil: 'load' });
        expect(res?.status()).toBe(200);
        if (m.elderly) expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true);
        // No horizontal scrolling on a small phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
        // The page's content is there without any script.
        expect((await page.locator('main h1').textContent())?.trim().length).toBeGreaterThan(0);
        if (m.js) {
          // axe runs as a script in the page, so it needs JavaScript on.
          const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
        }
        expect(seen.errors).toEqual([]);
        expect(seen.foreign).toEqual([]);
        await context.close();
      });
    }
  }
});

describeBrowser('elderly mode', () => {
  it('is switched on by keyboard and remembered on the next page', async () => {
    const browser = await launch();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(base + '/');
      await page.focus('#mode-toggle');
      await page.keyboard.press('Enter');
      expect(await page.getAttribute('#mode-toggle', 'aria-pressed')).toBe('true');
      const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      expect(size).toBeGreaterThanOrEqual(1.25 * 17);
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true);
      expect(await page.getAttribute('#mode-toggle', 'aria-pressed')).toBe('true');
    } finally {
      await browser.close();
    }
  });
});
