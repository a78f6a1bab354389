/**
 * The published figures over HTTP from the built server: every figure in data/ on a topic
 * page with its source, every money figure on 资金使用, every cross-check on 关于与方法,
 * every in-page figure link landing on a card.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDataset } from '../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../src/loaders/readDataDir.ts';
import { withUnit } from '../../src/lib/format.ts';
import { readOracle } from '../support/oracle.ts';

const base = inject('baseUrl');
const data = loadDataset(readDataDir('data'));
const TOPIC_PATHS = ['/monitoring/', '/income/', '/funds/', '/east-west/', '/oversight/'];
const html: Record<string, string> = {};
const get = async (p: string) => {
  const r = await fetch(base + p);
  expect(r.status, p).toBe(200);
  return r.text();
};
const card = (page: string, id: string) => page.match(new RegExp(`<li[^>]*data-figure-id="${id.replace(/\./g, '\\.')}"[\\s\\S]*?</li>`))?.[0];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

beforeAll(async () => {
  for (const p of ['/', ...TOPIC_PATHS, '/villages/', '/about/']) html[p] = await get(p);
});

describe('topic pages', () => {
  it('show every figure in data/ at least once, with value, period, source (linked, or marked 网址未记录), locator and a report link', () => {
    for (const f of data.figures) {
      const found = TOPIC_PATHS.map((p) => card(html[p], f.id)).filter(Boolean) as string[];
      expect(found.length, `${f.id} is on no topic page`).toBeGreaterThan(0);
      const c = found[0];
      const s = data.sources.find((x) => x.id === f.source_id)!;
      expect(c).toContain(withUnit(f.value, f.unit));
      expect(c).toContain(esc(f.period.label));
      expect(c).toContain(esc(f.locator));
      expect(c).toContain(s.publisher_zh);
      // A source without a recorded address says so, rather than leaving the reader to wonder.
      if (s.url) expect(c).toContain(`href="${esc(s.url)}"`);
      else expect(c, f.id).toContain('网址未记录');
      expect(c).toContain(`/feedback/?type=data_error&amp;figure=${encodeURIComponent(f.id)}`);
      if (f.kind === 'derived') {
        expect(c).toContain('推算');
        expect(c).toContain(esc(f.formula_shown!));
      }
      for (const chk of data.checks.filter((x) => x.figure_ids.includes(f.id))) expect(c, `${f.id} / ${chk.id}`).toContain(esc(chk.shown));
    }
  });

  it('show every figure of the primary source as the source prints it (the oracle, not data/)', () => {
    const pages = [...TOPIC_PATHS, '/villages/'];
    for (const o of readOracle()) {
      const c = pages.map((p) => card(html[p], o.id)).find(Boolean);
      expect(c, `${o.id} is on no topic page`).toBeDefined();
      expect(c, o.id).toContain(`<p class="value">${withUnit(o.value, o.unit)}</p>`);
      expect(c, o.id).toContain(esc(o.period_label));
      expect(c, o.id).toContain(esc(o.locator));
    }
  });

  it('link every figure reference (#fig-…) to a card on the same page', () => {
    for (const p of TOPIC_PATHS) {
      const refs = [...html[p].matchAll(/href="#fig-([^"]+)"/g)].map((m) => m[1]);
      for (const id of refs) expect(html[p], `${p} links to #fig-${id}`).toContain(`id="fig-${id}"`);
    }
  });

  it('put every money figure on 资金使用, with product sales and loans apart from public money', () => {
    const funds = html['/funds/'];
    const other = funds.slice(funds.indexOf('id="other"'));
    const publicPart = funds.slice(0, funds.indexOf('id="other"'));
    for (const f of data.figures.filter((x) => x.unit_kind === 'money')) expect(card(funds, f.id), f.id).toBeTruthy();
    expect(card(other, 'income.consumption.sales')).toBeTruthy();
    expect(card(publicPart, 'income.consumption.sales')).toBeUndefined();
    expect(funds).toContain('不能相加');
    expect(funds).not.toMatch(/合计[：:]\s*[\d,.]+\s*(万元|亿元)/);
  });

  it('show the county pairs with their news sources and division names', () => {
    const ew = html['/east-west/'];
    for (const p of data.countyPairs) {
      const row = ew.match(new RegExp(`<tr id="pair-${p.id}"[\\s\\S]*?</tr>`))?.[0];
      expect(row, p.id).toBeTruthy();
      expect(row).toContain(p.zhejiang_county_zh);
      expect(row).toContain(data.divisions.find((d) => d.code === p.mianyang_county_code)!.name_zh);
      for (const sid of p.source_ids.split(';')) expect(row).toContain(data.sources.find((s) => s.id === sid.trim())!.publisher_zh);
    }
  });

  it('say where the source gives no numbers and offer a disclosure request', () => {
    expect(html['/oversight/']).toContain('听音问廉');
    expect(html['/oversight/']).toContain('/feedback/?type=disclosure');
    expect(html['/income/']).toContain('/feedback/?type=disclosure');
  });
});

describe('home page', () => {
  it('says who publishes, when the data was updated, and links to downloads and feedback', () => {
    const h = html['/'];
    expect(h).toContain('<html lang="zh-CN"');
    expect(h).toContain('绵阳市乡村振兴局');
    expect(h).toContain(`数据更新于 <time datetime="${data.changelog[0].date}">`);
    expect(h).toMatch(/<a class="path" href="\/data\/">/);
    expect(h).toMatch(/<a class="path" href="\/feedback\/">/);
  });
  it('links each headline figure to its card on its topic page', async () => {
    const heads = [...html['/'].matchAll(/<li class="headline" data-figure-id="([^"]+)"[\s\S]*?<\/li>/g)];
    expect(heads.length).toBeGreaterThan(3);
    for (const [li, id] of heads) {
      const f = data.byId.get(id)!;
      expect(li).toContain(withUnit(f.value, f.unit));
      const href = li.match(/href="([^"#]+)#fig-([^"]+)"/)!;
      expect(href[2]).toBe(id);
      expect(await get(href[1])).toContain(`id="fig-${id}"`);
    }
  });
});

describe('关于与方法', () => {
  it('lists every source (primary and news) and every cross-check with its result', () => {
    const a = html['/about/'];
    for (const s of data.sources) expect(a, s.id).toContain(`id="source-${s.id}"`);
    expect(a).toContain('新闻报道（非本局发布）');
    for (const c of data.checks) {
      const row = a.match(new RegExp(`<tr id="check-${c.id}"[\\s\\S]*?</tr>`))?.[0];
      expect(row, c.id).toContain(esc(c.shown));
      expect(row).toContain(c.ok ? '✓ 通过' : '✗ 未通过');
    }
  });
});
