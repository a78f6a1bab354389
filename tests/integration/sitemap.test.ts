import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/pages.ts';

const base = inject('baseUrl');

describe('search engines can find every page', () => {
  it('sitemap.xml lists every built page and each URL resolves; robots.txt points at it', async () => {
    const xml = await (await fetch(base + '/sitemap.xml')).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    const expected = builtPages().filter((p) => p !== '/feedback/received/');
    for (const p of expected) expect(locs, p).toContain(p);
    for (const p of locs) expect((await fetch(base + p)).status, p).toBe(200);
    const robots = await (await fetch(base + '/robots.txt')).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/[^\s]+\/sitemap\.xml$/m);
  });
});
