/**
 * Static hosting: built with FEEDBACK_MODE=static the feedback pages are prerendered and
 * offer the other channels instead of a form that cannot work; built with FEEDBACK_ENDPOINT
 * the form posts there. (Each is a real build into its own directory.)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../support/build.ts';

// Inside the project so the build resolves node_modules; .astro/ is git-ignored.
const out = '.astro/feedback-static-test';
afterAll(() => rmSync(out, { recursive: true, force: true }));
const page = (p: string) => readFileSync(`${out}/client/${p}`, 'utf8');

describe('static hosting of the feedback pages', () => {
  it('FEEDBACK_MODE=static: no form; the office email and phone (when set) and 12317 instead', () => {
    const r = astroBuild({ FEEDBACK_MODE: 'static', FEEDBACK_CONTACT_EMAIL: 'fankui@example.gov.cn', FEEDBACK_CONTACT_PHONE: '0816-2222333' }, ['--outDir', out]);
    expect(r.status, r.output).toBe(0);
    for (const p of ['feedback/index.html', 'feedback/status/index.html', 'feedback/replies/index.html', 'feedback/received/index.html']) expect(existsSync(`${out}/client/${p}`), p).toBe(true);
    const html = page('feedback/index.html');
    expect(html).not.toContain('<form');
    expect(html).toContain('mailto:fankui@example.gov.cn');
    expect(html).toContain('0816-2222333');
    expect(html).toContain('href="tel:12317"');
    expect(page('feedback/status/index.html')).not.toContain('<form');
  });

  it('FEEDBACK_MODE=static without office contacts shows only 12317, inventing nothing', () => {
    const r = astroBuild({ FEEDBACK_MODE: 'static', FEEDBACK_CONTACT_EMAIL: '', FEEDBACK_CONTACT_PHONE: '' }, ['--outDir', out]);
    expect(r.status, r.output).toBe(0);
    const html = page('feedback/index.html');
    expect(html).not.toContain('mailto:');
    expect(html.match(/href="tel:[^"]*"/g)).toEqual(['href="tel:12317"', 'href="tel:12317"']); // page and footer
  });

  it('FEEDBACK_ENDPOINT: the prerendered form posts to the endpoint; status links next to it', () => {
    const r = astroBuild({ FEEDBACK_ENDPOINT: '/svc/feedback/' }, ['--outDir', out]);
    expect(r.status, r.output).toBe(0);
    expect(page('feedback/index.html')).toMatch(/<form[^>]*method="post"[^>]*action="\/svc\/feedback\/"/);
    expect(page('feedback/status/index.html')).toContain('href="/svc/feedback/status/"');
  });
});
