/**
 * Atom feed (RFC 4287) of data changes: one entry per change (data/changelog.csv) and per
 * correction (data/corrections.csv). Entry ids are tag URIs (RFC 4151) made of the date and
 * the change's own id, so an entry keeps its id when later changes are added.
 */
import type { ChangelogRow } from '../../model.ts';
import type { OpenDataset } from './datasets.ts';

interface FeedOptions {
  site: string;
  portalName: string;
  publisher: string;
}

/** The HTML id of a change in the list on /data/. */
export const changeAnchor = (id: string) => `change-${id}`;

/** Where a change is described: a correction on the errata page, anything else in the list on /data/. */
export const changeHref = (c: Pick<ChangelogRow, 'id' | 'correction'>) => (c.correction ? `/data/errata/#${c.correction}` : `/data/#${changeAnchor(c.id)}`);

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Midnight Beijing time of a date: the changelog records days, not moments. */
const stamp = (date: string) => `${date}T00:00:00+08:00`;

export function atomFeed(o: FeedOptions, changes: readonly ChangelogRow[], datasets: readonly OpenDataset[]): string {
  const host = new URL(o.site).hostname;
  const newest = changes.map((c) => c.date ?? '').sort().at(-1) || '1970-01-01';
  const titles = new Map(datasets.map((d) => [d.id, d.title_zh]));
  const entries = changes.map((c) => {
    const tables = c.tables.split(';').map((t) => t.trim()).filter(Boolean);
    const named = tables.map((t) => titles.get(t) ?? t).join('、');
    return [
      '  <entry>',
      `    <id>tag:${host},${c.date}:data-change/${c.id}</id>`,
      `    <title>${escapeXml(`${c.correction ? '数据更正' : '数据更新'}（${c.date}）：${named}`)}</title>`,
      `    <updated>${stamp(c.date ?? newest)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(`${o.site}${changeHref(c)}`)}"/>`,
      ...tables.filter((t) => titles.has(t)).map((t) => `    <link rel="related" type="text/html" title="${escapeXml(titles.get(t)!)}" href="${escapeXml(`${o.site}/data/${t}/`)}"/>`),
      ...tables.map((t) => `    <category term="${escapeXml(t)}"/>`),
      `    <summary xml:lang="zh-CN">${escapeXml(c.summary_zh)}</summary>`,
      `    <content type="text" xml:lang="en">${escapeXml(c.summary_en)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(`${o.site}/data/feed.xml`)}</id>`,
    `  <title>${escapeXml(`${o.portalName} · 数据更新`)}</title>`,
    `  <updated>${stamp(newest)}</updated>`,
    `  <author><name>${escapeXml(o.publisher)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${o.site}/data/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${o.site}/data/`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
