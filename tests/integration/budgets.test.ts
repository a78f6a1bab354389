/**
 * Page budgets over the real build (the site project builds dist/ first), and proof on a
 * small fixture that the checker notices a broken budget or a request to another host.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBudgets, KB } from '../../scripts/check-budgets.ts';
import { builtPages } from '../support/pages.ts';

const tmp = mkdtempSync(join(tmpdir(), 'portal-budget-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const page = (rel: string, html: string) => {
  mkdirSync(join(tmp, rel), { recursive: true });
  writeFileSync(join(tmp, rel, 'index.html'), html);
};

describe('budgets of the built site', () => {
  it('every page: JS ≤ 10 KB gzipped (map page ≤ 60 KB), HTML+CSS ≤ 60 KB, nothing from other hosts', () => {
    const { pages, problems } = checkBudgets('dist/client');
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(builtPages()));
    expect(problems).toEqual([]);
  });
});

describe('the budget checker', () => {
  it('reports foreign scripts, stylesheets, images, CSS url() and oversized pages, and lets plain links pass', () => {
    // Incompressible bytes, so gzip cannot hide the size.
    const noise = randomBytes(20 * KB).toString('base64');
    page('a', `<html><head><script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example.com/f.css"></head><body><img src="http://tiles.example.com/1.png"><div style="background:url(https://t.example.com/b.png)"></div><a href="https://source.example.gov.cn/report.html">来源</a></body></html>`);
    page('b', `<html><body><script>${noise}</script></body></html>`);
    page('villages', `<html><body><script>${noise}</script></body></html>`);
    const { problems } = checkBudgets(tmp);
    const text = problems.join('\n');
    expect(text).toContain('/a/: loads a resource from another host: https://cdn.example.com/x.js');
    expect(text).toContain('//fonts.example.com/f.css');
    expect(text).toContain('http://tiles.example.com/1.png');
    expect(text).toContain('https://t.example.com/b.png');
    expect(text).not.toContain('source.example.gov.cn');
    expect(text).toMatch(/\/b\/: JavaScript [\d.]+ KB gzipped > 10 KB/);
    expect(text).not.toContain('/villages/: JavaScript');
  });
});
