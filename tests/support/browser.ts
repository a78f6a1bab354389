/**
 * Debian's Chromium driven by playwright-core. Browser tests skip only when Chromium is
 * missing outside CI, and then say so loudly; under CI they must run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  const line = `!!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (bash .ci/run does). !!!`;
  if (process.env.CI) throw new Error(`${line} CI requires browser tests.`);
  console.warn(`\n${'!'.repeat(line.length)}\n${line}\n${'!'.repeat(line.length)}\n`);
}

export const describeBrowser = hasChromium ? describe : describe.skip;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Records console errors, failed requests and any request to a host other than ours. */
export function watch(page: Page, baseUrl: string) {
  const origin = new URL(baseUrl).origin;
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:blank') foreign.push(u);
  });
  return { errors, foreign };
}
