/**
 * The Content-Security-Policy in a real browser: the portal's own scripts all run (the
 * elderly-mode toggle, search, the feedback form's script), nothing is reported blocked, and
 * another site cannot frame the feedback form (clickjacking).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeBrowser, launch } from '../support/browser.ts';

const base = inject('baseUrl');

describeBrowser('Content-Security-Policy in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launch()));
  afterAll(async () => browser?.close());

  it('no script or style of the portal is blocked, and its scripts work', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${location.pathname}`));
    });
    for (const path of ['/', '/villages/', '/feedback/', '/feedback/status/', '/data/monitoring/']) {
      expect((await page.goto(base + path, { waitUntil: 'networkidle' }))?.status()).toBe(200);
    }
    // The inline elderly-mode script ran: it un-hides its button.
    await page.goto(base + '/');
    await expect.poll(() => page.locator('#mode-toggle').isVisible()).toBe(true);
    // Search (Pagefind: a module and WebAssembly from /pagefind/) finds a page.
    await page.goto(base + '/search/?q=' + encodeURIComponent('监测'), { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('#search-results a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('another site cannot frame the feedback form', async () => {
    const page = await browser.newPage();
    await page.setContent(`<iframe id="f" src="${base}/feedback/" width="600" height="400"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const forms = frame ? await frame.locator('form').count().catch(() => 0) : 0;
    expect(forms).toBe(0);
    await page.close();
  });
});
