/**
 * Reports, for the built site (it reports and never fails: budgets are enforced by
 * `npm test`, not by timings that vary with the machine):
 *
 * 1. each page's bytes (scripts/check-budgets.ts);
 * 2. the critical-path round trips to first paint of each page: the TCP flights its HTML
 *    needs from a fresh connection (initial window 10 segments ≈ 14.6 KB, doubling each round
 *    trip), plus one more wave for each render-blocking stylesheet or classic script it
 *    references (round trips for the connection itself, DNS/TCP/TLS, come on top);
 * 3. the time until the /villages/ map is ready (Leaflet drew the county shapes) in Chromium
 *    on an emulated slow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU slowdown);
 * 4. Lighthouse mobile scores of every page through `npm start`'s server and, when Debian's
 *    nginx is installed, through docs/deploy/nginx.conf (HTTPS, HTTP/2) in front of it.
 *
 * Usage: npm run build && npm run bench   (BENCH_LIGHTHOUSE=0 skips 4; CHROME_PATH defaults to /usr/bin/chromium)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkBudgets, formatReport } from './check-budgets.ts';
import { freePort, startServer } from '../tests/support/server.ts';
import { hasNginx, startNginx } from '../tests/support/nginx.ts';
import { launch } from '../tests/support/browser.ts';

const CLIENT = 'dist/client';
const { pages, problems } = checkBudgets(CLIENT);
console.log(formatReport(pages));
if (problems.length) console.log(`\n(budget problems: ${problems.join('; ')})`);

// ── 2. Critical-path round trips ──────────────────────────────────────────────────────────
const FIRST_FLIGHT = 10 * 1460;
/** Round trips to deliver `bytes` from a fresh connection in TCP slow start. */
export function flights(bytes: number): number {
  let n = 0;
  let sent = 0;
  let cwnd = FIRST_FLIGHT;
  while (sent < bytes) {
    sent += cwnd;
    cwnd *= 2;
    n++;
  }
  return Math.max(1, n);
}
function fileFor(path: string): string {
  return join(CLIENT, path.endsWith('/') ? `${path}index.html` : path);
}
console.log(`\nCritical path to first paint (fresh connection; + DNS/TCP/TLS)\n${'page'.padEnd(28)} HTML gz   RTs  blocking resources`);
for (const p of pages) {
  const html = readFileSync(fileFor(p.path), 'utf8');
  const head = html.slice(0, html.indexOf('</head>') + 1 || html.length);
  const blocking = [
    ...[...head.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
    ...[...head.matchAll(/<script(?![^>]*\b(?:type="module"|async|defer)\b)[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
  ];
  const htmlGz = gzipSync(html, { level: 9 }).length;
  let rts = flights(htmlGz);
  if (blocking.length) {
    const sizes = blocking.map((u) => {
      try {
        return gzipSync(readFileSync(join(CLIENT, u.split('?')[0]))).length;
      } catch {
        return FIRST_FLIGHT;
      }
    });
    rts += Math.max(...sizes.map(flights));
  }
  console.log(`${p.path.padEnd(28)} ${(htmlGz / 1024).toFixed(1).padStart(6)} KB ${String(rts).padStart(4)}  ${blocking.join(' ') || '—'}`);
}

// ── 3. Map ready on slow 4G ───────────────────────────────────────────────────────────────
const server = await startServer({ env: { FEEDBACK_DB: ':memory:' } }).catch((e) => {
  console.log(`\nThe built server did not start (${e.message.split('\n')[0]}): no browser figures.`);
  return null;
});
if (!server) process.exit(0);
try {
  const browser = await launch();
  const runs: number[] = [];
  let geoStart = 0;
  let scriptStart = 0;
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const t0 = Date.now();
    await page.goto(server.url + '/villages/', { waitUntil: 'commit' });
    await page.locator('.kv-leaflet path.kv-county').first().waitFor({ timeout: 60_000 });
    runs.push(Date.now() - t0);
    [geoStart, scriptStart] = await page.evaluate(() => {
      const r = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const geo = r.find((e) => e.name.endsWith('.geojson'));
      const js = r.find((e) => /KeyVillageMap.*\.js$/.test(e.name));
      return [Math.round(geo?.startTime ?? -1), Math.round(js?.responseEnd ?? -1)];
    });
    await context.close();
  }
  await browser.close();
  runs.sort((a, b) => a - b);
  console.log(`\n/villages/ map ready on slow 4G (150 ms RTT, 1.6 Mbit/s, 4× CPU): median ${runs[1]} ms (runs ${runs.join(', ')} ms); county shapes requested at ${geoStart} ms, map script loaded at ${scriptStart} ms`);
} catch (e) {
  console.log(`\nMap timing failed: ${(e as Error).message.split('\n')[0]}`);
}

// ── 4. Lighthouse ─────────────────────────────────────────────────────────────────────────
function lighthouse(url: string, extraFlags = ''): string {
  const r = spawnSync(process.execPath, ['node_modules/lighthouse/cli/index.js', url, '--output=json', '--quiet', '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=--headless=new --no-sandbox --disable-gpu ${extraFlags}`], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    const j = JSON.parse(r.stdout);
    const s = (k: string) => String(Math.round((j.categories[k]?.score ?? 0) * 100)).padStart(4);
    const a = (k: string) => String(Math.round(j.audits[k]?.numericValue ?? 0)).padStart(7);
    const compression = j.audits['uses-text-compression']?.score === 1 ? 'yes' : 'NO';
    return `${s('performance')}  ${s('accessibility')}  ${s('best-practices')}  ${s('seo')} ${a('first-contentful-paint')} ${a('largest-contentful-paint')} ${a('total-blocking-time')}  ${compression}`;
  } catch {
    return `lighthouse failed: ${(r.stderr || '').split('\n').slice(-3).join(' ')}`;
  }
}
const header = `${'page'.padEnd(28)} perf  a11y  best  seo   FCP ms  LCP ms  TBT ms  compressed`;
const lighthousePages = [...pages.map((p) => p.path), '/feedback/', '/feedback/status/'];
if (process.env.BENCH_LIGHTHOUSE !== '0') {
  try {
    console.log(`\nLighthouse mobile (simulated slow 4G) through npm start's server\n${header}`);
    for (const p of lighthousePages) console.log(`${p.padEnd(28)} ${lighthouse(server.url + p)}`);
    if (hasNginx) {
      const nodePort = await freePort();
      const behind = await startServer({ port: nodePort, env: { FEEDBACK_DB: ':memory:', TRUST_PROXY: '1' } });
      const nginx = await startNginx(nodePort).catch((e) => {
        console.log(`\nnginx did not start: ${(e as Error).message.split('\n')[0]}`);
        return null;
      });
      if (nginx) {
        console.log(`\nLighthouse mobile through nginx (docs/deploy/nginx.conf, HTTPS + HTTP/2)\n${header}`);
        for (const p of lighthousePages) console.log(`${p.padEnd(28)} ${lighthouse(nginx.origin + p, '--ignore-certificate-errors')}`);
        await nginx.stop();
      }
      await behind.stop();
    } else console.log('\n(nginx not installed: no figures through nginx)');
  } finally {
    await server.stop();
  }
} else await server.stop();
