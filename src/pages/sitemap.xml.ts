/**
 * sitemap.xml for search engines and open-data aggregators: every section, statement and
 * dataset page, with the dataset's last change as lastmod.
 */
import type { APIRoute } from 'astro';
import { SECTIONS, STATEMENTS } from '../lib/nav.ts';
import { catalogue } from '../lib/opendata/site.ts';
import { data } from '../lib/data.ts';

export const GET: APIRoute = ({ site }) => {
  const abs = (path: string) => new URL(path, site).href;
  const newest = data.changelog[0]?.date ?? null;
  const urls: { loc: string; lastmod: string | null }[] = [
    ...[...SECTIONS, ...STATEMENTS].map((s) => ({ loc: abs(s.href), lastmod: newest })),
    ...catalogue.entries.map((e) => ({ loc: abs(`/data/${e.dataset.id}/`), lastmod: e.dataset.updated ?? null })),
    { loc: abs('/data/errata/'), lastmod: data.corrections[0]?.date ?? null },
  ];
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((u) => `  <url><loc>${u.loc}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n') +
    '\n</urlset>\n';
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
