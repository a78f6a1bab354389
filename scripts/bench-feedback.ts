// Feedback benchmark (a report, not a test): starts the BUILT server on a temporary
// database with the production durability settings (WAL, synchronous=FULL), sends JSON
// submissions over loopback from a few concurrent clients, and reports sustained
// submissions per second and latency percentiles. Bounded by count and by time.
//
//   npm run build && npm run bench:feedback
//   BENCH_COUNT=3000 BENCH_SECONDS=30 BENCH_CONCURRENCY=8 npm run bench:feedback
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const COUNT = Number(process.env.BENCH_COUNT ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WARMUP = 50;

if (!existsSync('dist/server/entry.mjs')) {
  console.error('dist/server/entry.mjs 不存在，请先运行 npm run build / build first: npm run build');
  process.exit(1);
}

const port = await new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});
const tmp = mkdtempSync(join(tmpdir(), 'feedback-bench-'));
const db = join(tmp, 'feedback.sqlite');
const child = spawn(process.execPath, ['scripts/serve.mjs'], {
  // Default rate limits stay on; each request comes from its own simulated client
  // (X-Forwarded-For, honoured with TRUST_PROXY=1 as behind a reverse proxy).
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), FEEDBACK_DB: db, TRUST_PROXY: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
const cleanup = () => {
  child.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => (cleanup(), process.exit(130)));

for (let t = Date.now(); ; ) {
  try {
    if ((await fetch(url + '/')).ok) break;
  } catch {}
  if (Date.now() - t > 20_000) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const body = (i: number) =>
  JSON.stringify({
    type: 'suggestion',
    message: `基准测试第${i}条：建议在各县页面增加按乡镇的监测对象统计，并注明数据来源和时期。`.repeat(3),
    contact: '13812345678',
    wantsReply: true,
    consent: true,
  });
async function submit(i: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url + '/feedback/', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      origin: url,
      'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    },
    body: body(i),
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`status ${res.status}`);
  return performance.now() - t0;
}

for (let i = 0; i < WARMUP; i++) await submit(COUNT + i);

const latencies: number[] = [];
let next = 0;
let errors = 0;
const deadline = performance.now() + SECONDS * 1000;
const start = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < COUNT && performance.now() < deadline) {
      const i = next++;
      try {
        latencies.push(await submit(i));
      } catch {
        errors++;
      }
    }
  }),
);
const elapsed = (performance.now() - start) / 1000;
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));

const d = new DatabaseSync(db, { readOnly: true });
const stored = Number((d.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n);
const journal = (d.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode;
d.close();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`反馈提交基准 / feedback submission benchmark
  machine:      ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}
  server:       scripts/serve.mjs on the built dist/, loopback, journal_mode=${journal}, synchronous=FULL (set by openStore)
  load:         ${CONCURRENCY} concurrent connections, JSON posts, a distinct simulated client address per submission, default rate limits, bounded by ${COUNT} submissions / ${SECONDS} s
  completed:    ${latencies.length} in ${elapsed.toFixed(2)} s, errors ${errors}, stored ${stored} (incl. ${WARMUP} warm-up)
  throughput:   ${(latencies.length / elapsed).toFixed(1)} submissions/s
  latency:      p50 ${ms(pct(50))}, p95 ${ms(pct(95))}, p99 ${ms(pct(99))}, max ${ms(latencies.at(-1) ?? NaN)}`);
rmSync(tmp, { recursive: true, force: true });
if (errors > 0 || stored !== latencies.length + WARMUP) process.exitCode = 1;
