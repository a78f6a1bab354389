/**
 * `npm run feedback -- backup PATH` during a write storm: every submission acknowledged
 * before the backup started is in the backup, and `restore` brings them all back.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { VALID, jsonPost, readDb } from '../support/feedback.ts';

const tmp = mkdtempSync(join(tmpdir(), 'feedback-backup-'));
const db = join(tmp, 'var', 'feedback.sqlite');
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { FEEDBACK_DB: db, FEEDBACK_RATE_PER_MINUTE: '1000', FEEDBACK_RATE_PER_DAY: '100000' } });
});
afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/feedback-cli.ts', '--db', db, ...args]);
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

const receipts = (path: string) => new Set(readDb(path, (d) => (d.prepare('SELECT receipt FROM submissions').all() as Array<{ receipt: string }>).map((r) => r.receipt)));

it('a backup taken during a write storm holds every acknowledged submission, and restores', async () => {
  const acked: Array<{ receipt: string; at: number }> = [];
  const stopAt = Date.now() + 4000;
  const writer = async (n: number) => {
    for (let i = 0; Date.now() < stopAt; i++) {
      const r = await jsonPost(server.url, { ...VALID, message: `写入风暴 ${n}-${i}`, consent: true });
      if (r.status === 201) acked.push({ receipt: (await r.json()).receipt, at: Date.now() });
      else expect([201, 503]).toContain(r.status);
    }
  };
  const storm = Promise.all([0, 1, 2, 3].map(writer));
  await new Promise((r) => setTimeout(r, 1500));
  const backupPath = join(tmp, 'backup.sqlite');
  const started = Date.now();
  const b = await cli(['backup', backupPath]);
  await storm;
  expect(b.status, b.output).toBe(0);
  expect(b.output).toContain('integrity ok');
  expect(statSync(backupPath).mode & 0o777).toBe(0o600);

  const before = acked.filter((a) => a.at < started);
  expect(before.length).toBeGreaterThan(10);
  const inBackup = receipts(backupPath);
  expect(before.filter((a) => !inBackup.has(a.receipt))).toEqual([]);
  console.log(`write storm: ${acked.length} acknowledged, ${before.length} before the backup started, ${inBackup.size} in the backup, all ${before.length} found`);

  // Restore (server stopped, as the README says) and find them all in the live path.
  await server.stop();
  const r = await cli(['restore', backupPath]);
  expect(r.status, r.output).toBe(0);
  const live = receipts(db);
  expect(before.filter((a) => !live.has(a.receipt))).toEqual([]);
  expect(statSync(db).mode & 0o777).toBe(0o600);
});
