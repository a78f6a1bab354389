/**
 * The feedback pages in a real browser. They are rendered on demand, so pages.test.ts
 * (which walks prerendered pages) does not see them: axe, console errors and third-party
 * requests are checked here, on the form, its error state, the confirmation, the status
 * result and the published replies.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeBrowser, launch, watch } from '../support/browser.ts';
import { submissionRow } from '../support/feedback.ts';
import { isValidReceipt } from '../../src/lib/feedback/receipt.ts';

const base = inject('baseUrl');
const dbPath = inject('feedbackDb');

async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const noScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describeBrowser('the feedback form in a browser', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launch()));
  afterAll(async () => browser?.close());

  async function open(js: boolean, elderly = false): Promise<{ context: BrowserContext; page: Page; seen: ReturnType<typeof watch> }> {
    const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 360, height: 740 } });
    if (elderly) await context.addInitScript(() => localStorage.setItem('portal-mode', 'elderly'));
    const page = await context.newPage();
    return { context, page, seen: watch(page, base) };
  }

  for (const js of [false, true]) {
    it(`JS ${js ? 'on' : 'off'}: errors are summarised and focused, typed text kept; then the submission goes through to a receipt`, async () => {
      const { context, page, seen } = await open(js);
      const posts: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && posts.push(r.resourceType()));
      await page.goto(base + '/feedback/');
      expect(await noScroll(page)).toBe(true);
      await page.check('#type-suggestion');
      const message = `浏览器测试（JS ${js ? '开' : '关'}）：希望增加乡镇数据。`;
      await page.fill('#message', message);
      await page.fill('#contact', 'abc');
      await page.click('button[type=submit]');
      await page.waitForSelector('#error-summary:not([hidden])');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
      const links = await page.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(['#contact', '#consent']);
      expect(await page.inputValue('#message')).toBe(message);
      expect(await page.textContent('#contact-error')).toContain('联系方式格式不正确');
      if (js) expect(await axe(page)).toEqual([]);
      // Following a summary link moves to the field.
      await page.click('#error-summary a[href="#consent"]');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('consent');

      await page.fill('#contact', '');
      await page.check('#consent');
      await Promise.all([page.waitForURL(/\/feedback\/received\//), page.click('button[type=submit]')]);
      const receipt = (await page.textContent('#receipt'))!.trim();
      expect(isValidReceipt(receipt)).toBe(true);
      // The receipt stands out: larger than body text, inside a bordered panel.
      const look = await page.evaluate(() => {
        const r = document.getElementById('receipt')!;
        return { receipt: parseFloat(getComputedStyle(r).fontSize), body: parseFloat(getComputedStyle(document.body).fontSize), border: parseFloat(getComputedStyle(r.closest('.fb-panel')!).borderTopWidth) };
      });
      expect(look.receipt).toBeGreaterThanOrEqual(1.4 * look.body);
      expect(look.border).toBeGreaterThanOrEqual(3);
      expect(submissionRow(dbPath, receipt)).toMatchObject({ message, type: 'suggestion' });
      // Without JS the browser posts the form; with JS the enhancer posts JSON to the same URL.
      expect(posts).toEqual(js ? ['fetch', 'fetch'] : ['document', 'document']);
      if (js) expect(await axe(page)).toEqual([]);
      // The browser logs the 422 answer to the invalid post; nothing else may fail.
      expect(seen.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
      expect(seen.foreign).toEqual([]);
      await context.close();
    });
  }

  it('JS on: counts characters as the user types, and shows only the section for the chosen type', async () => {
    const { context, page } = await open(true);
    await page.goto(base + '/feedback/');
    await page.fill('#message', '一二三');
    expect(await page.textContent('[data-fb-count]')).toContain('1997');
    expect(await page.getAttribute('[data-fb-count-live]', 'aria-live')).toBe('polite');
    expect(await page.isVisible('#disclosureDescription')).toBe(false);
    await page.check('#type-disclosure');
    expect(await page.isVisible('#disclosureDescription')).toBe(true);
    expect(await page.isVisible('#figureId')).toBe(false);
    // The honeypot is off-screen, hidden from assistive technology and skipped by Tab.
    const hp = await page.$eval('#website', (el) => ({ x: el.getBoundingClientRect().right, hidden: el.closest('[aria-hidden="true"]') !== null, tab: (el as HTMLInputElement).tabIndex, ac: el.getAttribute('autocomplete') }));
    expect(hp).toEqual({ x: expect.any(Number), hidden: true, tab: -1, ac: 'off' });
    expect(hp.x).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('JS off: the 申请公开 fields are there, labelled as such; the honeypot is out of reach', async () => {
    const { context, page } = await open(false);
    await page.goto(base + '/feedback/?type=disclosure&topic=key-villages');
    expect(await page.isVisible('#disclosureDescription')).toBe(true);
    expect(await page.textContent('fieldset[data-fb-for="disclosure"] legend')).toContain('仅申请公开需填写');
    expect(await page.isChecked('#type-disclosure')).toBe(true);
    expect(await page.getAttribute('#website', 'tabindex')).toBe('-1');
    await context.close();
  });

  it('has no accessibility violations on the form (elderly mode too), status result and published replies', async () => {
    for (const elderly of [false, true]) {
      const { context, page, seen } = await open(true, elderly);
      await page.goto(base + '/feedback/?type=data_error&figure=no.such.figure');
      expect(await axe(page)).toEqual([]);
      expect(await noScroll(page)).toBe(true);
      expect(seen.errors).toEqual([]);
      await context.close();
    }
    const { context, page, seen } = await open(true);
    // A submission that opts in to publication, answered by staff with the CLI.
    await page.goto(base + '/feedback/');
    await page.check('#type-data_error');
    await page.fill('#message', '页面上的数字与原文不符。');
    await page.check('#publishReply');
    await page.check('#consent');
    await Promise.all([page.waitForURL(/\/feedback\/received\//), page.click('button[type=submit]')]);
    const receipt = (await page.textContent('#receipt'))!.trim();
    execFileSync(process.execPath, ['scripts/feedback-cli.ts', 'reply', receipt, '已核对原文并更正。'], { env: { ...process.env, FEEDBACK_DB: dbPath, FEEDBACK_ACTOR: 'e2e' } });

    await page.goto(base + '/feedback/status/');
    expect(await axe(page)).toEqual([]);
    await page.fill('#receipt', receipt);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
    await page.waitForSelector('#reply');
    expect(await page.textContent('#reply')).toContain('已核对原文并更正。');
    expect(await axe(page)).toEqual([]);

    await page.fill('#receipt', 'MY-00000');
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
    await page.waitForSelector('#error-summary');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await axe(page)).toEqual([]);
    seen.errors.splice(0, seen.errors.length, ...seen.errors.filter((e) => !/status of 422/.test(e)));

    await page.goto(base + '/feedback/replies/');
    expect(await page.textContent('main')).toContain('已核对原文并更正。');
    expect(await axe(page)).toEqual([]);
    expect(await noScroll(page)).toBe(true);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  }, 180_000); // seven axe passes in one test: on a loaded 2-core machine one pass takes 10–15 s
});
