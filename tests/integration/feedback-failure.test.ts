/**
 * When storage fails the user gets a plain Chinese 500 page (or JSON), never a stack trace,
 * and the details go to the server log. The database path here cannot be created.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { VALID, formPost, jsonPost } from '../support/feedback.ts';

let server: RunningServer;
const tmp = mkdtempSync(join(tmpdir(), 'feedback-fail-'));
beforeAll(async () => {
  writeFileSync(join(tmp, 'not-a-directory'), '');
  server = await startServer({ env: { FEEDBACK_DB: join(tmp, 'not-a-directory', 'feedback.sqlite') } });
});
afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const leaks = (text: string) => /\bE[A-Z]{3,}\b|not-a-directory|\bat \S+:\d+|Error:/.test(text);

it('answers a submission with a Chinese 500, keeps the stack in the server log', async () => {
  const res = await formPost(server.url, { ...VALID });
  expect(res.status).toBe(500);
  const html = await res.text();
  expect(html).toContain('服务器出现故障，您的反馈未能保存');
  expect(leaks(html)).toBe(false);
  const j = await jsonPost(server.url, { ...VALID, consent: true });
  expect(j.status).toBe(500);
  const body = await j.text();
  expect(JSON.parse(body).message).toContain('未能保存');
  expect(leaks(body)).toBe(false);
  expect(server.output()).toMatch(/\[feedback\] submit: Error: E[A-Z]+[\s\S]*not-a-directory/);
});

it('answers status lookups and the replies page with a Chinese 500 too', async () => {
  const status = await formPost(server.url, { receipt: 'MY-00000-00000-00000' }, { path: '/feedback/status/' });
  expect(status.status).toBe(500);
  const s = await status.text();
  expect(s).toContain('暂时无法查询');
  expect(leaks(s)).toBe(false);
  const replies = await fetch(server.url + '/feedback/replies/');
  expect(replies.status).toBe(500);
  expect(leaks(await replies.text())).toBe(false);
});
