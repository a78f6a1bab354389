import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/pages.ts';

const base = inject('baseUrl');
const origin = new URL(base).origin;
// Prerendered pages plus the on-demand feedback pages.
const pages = [...builtPages(), '/feedback/', '/feedback/status/', '/feedback/replies/'];

describe('every link and asset on every page resolves', () => {
  it('same-site href/src return 200, and #fragments point at an element that exists', async () => {
    const html = new Map<string, string>();
    const get = async (path: string) => {
      if (!html.has(path)) {
        const r = await fetch(origin + path);
        expect(r.status, path).toBe(200);
        html.set(path, (r.headers.get('content-type') ?? '').includes('html') ? await r.text() : '');
      }
      return html.get(path)!;
    };
    const links: { from: string; url: URL }[] = [];
    for (const page of pages) {
      for (const m of (await get(page)).matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const url = new URL(m[1].replace(/&amp;/g, '&'), origin + page);
        if (url.origin === origin) links.push({ from: page, url });
      }
    }
    expect(links.length).toBeGreaterThan(pages.length * 10);
    const broken: string[] = [];
    for (const { from, url } of links) {
      const r = html.has(url.pathname) ? 200 : (await fetch(origin + url.pathname + url.search)).status;
      if (r !== 200) { broken.push(`${from} → ${url.pathname}${url.search} (${r})`); continue; }
      if (url.hash && url.hash !== '#') {
        const target = await get(url.pathname);
        const id = decodeURIComponent(url.hash.slice(1));
        if (!target.includes(`id="${id}"`)) broken.push(`${from} → ${url.pathname}${url.hash} (no such id)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
