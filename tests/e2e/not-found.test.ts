import AxeBuilder from '@axe-core/playwright';
import { expect, inject, it } from 'vitest';
import { describeBrowser, launch, watch } from '../support/browser.ts';

const base = inject('baseUrl');

describeBrowser('a mistyped address', () => {
  it('gets a 404 page in Chinese with ways on, accessible and self-contained', async () => {
    const browser = await launch();
    try {
      const page = await (await browser.newContext()).newPage();
      const seen = watch(page, base);
      const failed: string[] = [];
      page.on('response', (r) => r.status() >= 400 && r.request().resourceType() !== 'document' && failed.push(r.url()));
      const res = await page.goto(base + '/no-such-page/');
      expect(res?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('页面不存在');
      expect(await page.locator('main a[href="/search/"]').count()).toBe(1);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      // The only console error is the browser noting the page's own 404; no asset fails.
      expect(seen.errors.filter((e) => !e.includes('404'))).toEqual([]);
      expect(failed).toEqual([]);
      expect(seen.foreign).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
