/**
 * Page budgets over the built site (dist/client), per prerendered page:
 *   - JavaScript the page loads (external scripts, module preloads and inline scripts),
 *     gzipped: ≤ 10 KB, except the paths in JS_LIMITS (the map page ships Leaflet).
 *     Files a page imports on demand (Pagefind on /search/) are not counted: they load
 *     only when the reader searches.
 *   - HTML plus its stylesheets, gzipped: ≤ 60 KB.
 *   - No resource from another host: script src, link href (stylesheet, preload, icon …),
 *     img/source/video/audio/iframe/embed/object src, srcset, poster, and url() in CSS.
 *     Plain <a href> links to source documents are navigations, not requests, and pass.
 *
 * Usage: node scripts/check-budgets.ts [dist/client]   (exit 1 when a budget is broken)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const KB = 1024;
/** JS limit per path prefix (gzipped bytes); the first match wins. */
export const JS_LIMITS: [prefix: string, bytes: number][] = [
  ['/villages/', 60 * KB],
  ['/', 10 * KB],
];
export const HTML_CSS_LIMIT = 60 * KB;

export interface PageReport {
  path: string;
  htmlBytes: number;
  /** gzipped */
  js: number;
  /** gzipped HTML + stylesheets */
  htmlCss: number;
  jsLimit: number;
  foreign: string[];
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

function pages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(p);
      } else if (name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** An absolute URL to another host (http:, https:, protocol-relative). */
export const isForeign = (url: string) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url.trim()) && !/^data:/i.test(url.trim());

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(2).find((x) => x !== undefined);

/** Resource URLs a page's HTML makes the browser request. */
export function resourceUrls(html: string): { scripts: string[]; styles: string[]; other: string[]; inlineJs: string[]; inlineCss: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const other: string[] = [];
  const inlineJs: string[] = [];
  const inlineCss: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(`<script ${m[1]}>`, 'src');
    const type = attr(`<script ${m[1]}>`, 'type');
    if (type && !/module|javascript/i.test(type)) continue; // JSON-LD etc. are not code
    if (src) scripts.push(src);
    else inlineJs.push(m[2]);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase();
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (/stylesheet/.test(rel)) styles.push(href);
    else if (/modulepreload/.test(rel) || (/preload/.test(rel) && attr(m[0], 'as') === 'script')) scripts.push(href);
    else if (/icon|preload|prefetch|manifest|apple-touch|dns-prefetch|preconnect/.test(rel)) other.push(href);
  }
  for (const m of html.matchAll(/<(img|source|video|audio|iframe|embed|track|input)\b[^>]*>/gi)) {
    for (const a of ['src', 'poster']) {
      const v = attr(m[0], a);
      if (v) other.push(v);
    }
    const set = attr(m[0], 'srcset');
    if (set) other.push(...set.split(',').map((s) => s.trim().split(/\s+/)[0]).filter(Boolean));
  }
  for (const m of html.matchAll(/<object\b[^>]*>/gi)) {
    const v = attr(m[0], 'data');
    if (v) other.push(v);
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineCss.push(m[1]);
  for (const m of html.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)) inlineCss.push(m[1]);
  return { scripts, styles, other, inlineJs, inlineCss };
}

export const cssUrls = (css: string) => [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)].map((m) => m[2]).concat([...css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)].map((m) => m[2]));

export function checkBudgets(dir = 'dist/client'): { pages: PageReport[]; problems: string[] } {
  const problems: string[] = [];
  const reports: PageReport[] = [];
  const local = (u: string) => join(dir, u.split(/[?#]/)[0]);
  for (const file of pages(dir)) {
    const rel = '/' + relative(dir, file).split('\\').join('/');
    const path = rel.replace(/index\.html$/, '');
    const html = readFileSync(file, 'utf8');
    const r = resourceUrls(html);
    const foreign = [...r.scripts, ...r.styles, ...r.other, ...r.inlineCss.flatMap(cssUrls)].filter(isForeign);
    let js = r.inlineJs.reduce((n, s) => n + gz(s), 0);
    for (const s of r.scripts) if (!isForeign(s) && existsSync(local(s))) js += gz(readFileSync(local(s)));
    let htmlCss = gz(html);
    for (const s of r.styles) {
      if (isForeign(s) || !existsSync(local(s))) continue;
      const css = readFileSync(local(s), 'utf8');
      htmlCss += gz(css);
      foreign.push(...cssUrls(css).filter(isForeign));
    }
    const jsLimit = JS_LIMITS.find(([p]) => path.startsWith(p))![1];
    reports.push({ path, htmlBytes: Buffer.byteLength(html), js, htmlCss, jsLimit, foreign });
    if (js > jsLimit) problems.push(`${path}: JavaScript ${(js / KB).toFixed(1)} KB gzipped > ${jsLimit / KB} KB`);
    if (htmlCss > HTML_CSS_LIMIT) problems.push(`${path}: HTML+CSS ${(htmlCss / KB).toFixed(1)} KB gzipped > ${HTML_CSS_LIMIT / KB} KB`);
    for (const u of foreign) problems.push(`${path}: loads a resource from another host: ${u}`);
  }
  if (!reports.length) problems.push(`${dir}: no built pages found (run npm run build first)`);
  return { pages: reports, problems };
}

export function formatReport(pages: PageReport[]): string {
  const rows = pages.map((p) => `${p.path.padEnd(28)} ${String(p.htmlBytes).padStart(8)} ${(p.htmlCss / KB).toFixed(1).padStart(8)} ${(p.js / KB).toFixed(1).padStart(6)} / ${p.jsLimit / KB}`);
  return [`${'page'.padEnd(28)} ${'html B'.padStart(8)} ${'html+css'.padStart(8)} ${'js KB gz'.padStart(6)}`, ...rows].join('\n');
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist/client';
  const { pages: reports, problems } = checkBudgets(dir);
  console.log(formatReport(reports));
  if (problems.length) {
    console.error(`\n预算未通过 / budgets broken:\n${problems.map((p) => '  ' + p).join('\n')}`);
    process.exit(1);
  }
  console.log(`\n✓ ${reports.length} pages within budget (JS ≤ 10 KB, /villages/ ≤ 60 KB; HTML+CSS ≤ 60 KB; no other hosts)`);
}
