/**
 * Durability: a receipt is issued only after the commit (WAL, synchronous=FULL). Kill the
 * server with SIGKILL in the middle of a stream of submissions, restart it on the same
 * database: every submission that got a receipt is there, exactly once, with its content.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { jsonPost, readDb } from '../support/feedback.ts';

const tmp = mkdtempSync(join(tmpdir(), 'feedback-kill-'));
const db = join(tmp, 'feedback.sqlite');
const env = { FEEDBACK_DB: db, FEEDBACK_RATE_PER_MINUTE: '1000', FEEDBACK_RATE_PER_DAY: '100000' };
let servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

it('keeps every acknowledged submission across a SIGKILL, without duplicates', async () => {
  const first = await startServer({ env });
  servers.push(first);
  const acknowledged = new Map<string, string>(); // receipt → message
  let attempts = 0;
  let killed = false;
  const worker = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const message = `持久性测试 worker ${w} #${i}`;
      attempts++;
      try {
        const res = await jsonPost(first.url, { type: 'suggestion', message, consent: true });
        if (res.status === 201) acknowledged.set((await res.json()).receipt, message);
        else throw new Error(`unexpected status ${res.status}`);
      } catch (e) {
        if (!killed) throw e;
      }
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  // Kill while requests are in flight, once a fair number have been acknowledged.
  while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 5));
  killed = true;
  await first.stop('SIGKILL');
  await Promise.all(workers);
  expect(first.child.signalCode).toBe('SIGKILL');

  const second = await startServer({ env });
  servers.push(second);
  // The restarted server opens (and recovers) the database on its first feedback request.
  const [someReceipt] = acknowledged.keys();
  const status = await fetch(second.url + '/feedback/status/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: second.url },
    body: new URLSearchParams({ receipt: someReceipt }),
  });
  expect(status.status).toBe(200);
  expect(await status.text()).toContain('已收到');

  const rows = readDb(db, (d) => d.prepare('SELECT receipt, message FROM submissions').all() as { receipt: string; message: string }[]);
  const stored = new Map(rows.map((r) => [r.receipt, r.message]));
  for (const [receipt, message] of acknowledged) expect(stored.get(receipt), receipt).toBe(message);
  // None duplicated: each message we sent is stored at most once.
  const byMessage = new Map<string, number>();
  for (const r of rows) byMessage.set(r.message, (byMessage.get(r.message) ?? 0) + 1);
  expect([...byMessage].filter(([, n]) => n > 1)).toEqual([]);
  // At most the in-flight ones were stored without an answer reaching the client.
  expect(rows.length).toBeGreaterThanOrEqual(acknowledged.size);
  expect(rows.length).toBeLessThanOrEqual(attempts);
  // Every stored submission has its 'received' event (one transaction).
  const orphans = readDb(db, (d) => d.prepare(`SELECT COUNT(*) AS n FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.receipt = s.receipt)`).get() as { n: number });
  expect(Number(orphans.n)).toBe(0);
});
