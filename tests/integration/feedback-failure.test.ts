/**
 * When storage fails, nobody is told their feedback was received when it was not:
 * - at start, an unusable database stops the server with one line naming the path and fix;
 * - while running, a deleted or replaced database file makes submissions answer 503 (not a
 *   receipt), with what was typed kept in the form, the attempt not counted against the
 *   person's limit, /healthz saying "unavailable", and no stack trace sent to the client.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { VALID, formPost, jsonPost } from '../support/feedback.ts';

const tmp = mkdtempSync(join(tmpdir(), 'feedback-fail-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const leaks = (text: string) => /\bE[A-Z]{3,}\b|sqlite|\bat \S+:\d+|Error:/.test(text);

describe('at start', () => {
  it('refuses to start, in one line naming the database and the fix, when the database cannot be created', async () => {
    writeFileSync(join(tmp, 'not-a-directory'), '');
    const path = join(tmp, 'not-a-directory', 'feedback.sqlite');
    const err = await startServer({ env: { FEEDBACK_DB: path } }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(err).toMatch(/server exited \(1\)/);
    const lines = err!.split('\n').filter((l) => l.includes('✗'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toContain('FEEDBACK_DB');
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('settings at start', () => {
  it('an invalid or unsafe setting stops the server, naming the setting and the fix', async () => {
    const bad = await startServer({ env: { FEEDBACK_DB: join(tmp, 's', 'f.sqlite'), FEEDBACK_RATE_PER_DAY: 'lots' } }).then(() => null, (e: Error) => e.message);
    expect(bad).toMatch(/server exited \(1\)/);
    expect(bad).toMatch(/FEEDBACK_RATE_PER_DAY="lots".*fix: a whole number from 1 to 100000/);
    const unsafe = await startServer({ env: { FEEDBACK_DB: join(tmp, 's', 'f.sqlite'), TRUST_PROXY: '1', HOST: '0.0.0.0' } }).then(() => null, (e: Error) => e.message);
    expect(unsafe).toMatch(/TRUST_PROXY=1 .*0\.0\.0\.0/);
  });
});

describe('while running', () => {
  let server: RunningServer;
  const db = join(tmp, 'run', 'feedback.sqlite');
  beforeAll(async () => {
    server = await startServer({ env: { FEEDBACK_DB: db, FEEDBACK_RATE_PER_MINUTE: '2', FEEDBACK_RATE_PER_DAY: '100' } });
  });
  afterAll(async () => server?.stop());

  it('a replaced database file: 503 + Retry-After, the form keeps what was typed, the limit is not used up', async () => {
    const first = await formPost(server.url, { ...VALID });
    expect(first.status).toBe(303);
    expect((await fetch(server.url + '/healthz')).status).toBe(200);
    // An operator "restores" by copying another file over the live one (a new inode).
    copyFileSync(db, `${db}.copy`);
    renameSync(`${db}.copy`, db);
    const message = '这条意见在数据库被替换后提交，不能被确认收到。';
    // More attempts than the per-minute limit (2): none may turn into 429.
    for (let i = 0; i < 4; i++) {
      const res = await formPost(server.url, { ...VALID, message });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const html = await res.text();
      expect(html).toContain('您的反馈这次没有保存');
      expect(html).toContain(message); // kept in the textarea
      expect(leaks(html)).toBe(false);
    }
    const j = await jsonPost(server.url, { ...VALID, consent: true });
    expect(j.status).toBe(503);
    const body = await j.json();
    expect(body.receipt).toBeUndefined();
    expect(leaks(JSON.stringify(body))).toBe(false);
    const health = await fetch(server.url + '/healthz');
    expect(health.status).toBe(503);
    expect((await health.json()).status).toBe('unavailable');
    expect(server.output()).toMatch(/deleted or replaced/);
  });

  it('a deleted data directory: 503, never a receipt', async () => {
    rmSync(join(tmp, 'run'), { recursive: true, force: true });
    const res = await formPost(server.url, { ...VALID });
    expect(res.status).toBe(503);
    expect(res.headers.get('location')).toBeNull();
  });
});
