/**
 * Reports each built page's bytes (scripts/check-budgets.ts) and its Lighthouse mobile
 * scores through Debian Chromium. It reports and never fails: budgets are enforced by
 * `npm test`, not by timings that vary with the machine.
 *
 * Usage: npm run build && npm run bench   (CHROME_PATH defaults to /usr/bin/chromium)
 */
import { spawnSync } from 'node:child_process';
import { checkBudgets, formatReport } from './check-budgets.ts';
import { startServer } from '../tests/support/server.ts';

const { pages, problems } = checkBudgets('dist/client');
console.log(formatReport(pages));
if (problems.length) console.log(`\n(budget problems: ${problems.join('; ')})`);

const server = await startServer({ env: { FEEDBACK_DB: ':memory:' } }).catch((e) => {
  console.log(`\nLighthouse skipped: the built server did not start (${e.message.split('\n')[0]})`);
  return null;
});
if (server) {
  console.log(`\nLighthouse ${'(mobile, simulated throttling)'}\n${'page'.padEnd(28)} perf  a11y  best  seo   FCP ms  LCP ms  TBT ms`);
  try {
    for (const p of pages) {
      const r = spawnSync(process.execPath, ['node_modules/lighthouse/cli/index.js', server.url + p.path, '--output=json', '--quiet', '--only-categories=performance,accessibility,best-practices,seo', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      try {
        const j = JSON.parse(r.stdout);
        const s = (k: string) => String(Math.round((j.categories[k]?.score ?? 0) * 100)).padStart(4);
        const a = (k: string) => String(Math.round(j.audits[k]?.numericValue ?? 0)).padStart(7);
        console.log(`${p.path.padEnd(28)} ${s('performance')}  ${s('accessibility')}  ${s('best-practices')}  ${s('seo')} ${a('first-contentful-paint')} ${a('largest-contentful-paint')} ${a('total-blocking-time')}`);
      } catch {
        console.log(`${p.path.padEnd(28)} lighthouse failed: ${(r.stderr || '').split('\n').slice(-3).join(' ')}`);
      }
    }
  } finally {
    await server.stop();
  }
}
