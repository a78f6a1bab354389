/**
 * docs/deploy/nginx.conf, run by Debian's nginx on loopback (HTTPS with a throwaway
 * certificate) in front of the built server started with TRUST_PROXY=1, checks:
 * a form post succeeds; the rate limit sees the real client address (not a forged
 * X-Forwarded-For); the security headers survive; static files come compressed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../support/server.ts';
import { hasNginx, startNginx, type RunningNginx } from '../support/nginx.ts';
import { VALID } from '../support/feedback.ts';

if (!hasNginx) {
  if (process.env.CI) throw new Error('nginx is missing: .ci/run installs it (apt-get install -y nginx).');
  console.warn('\n!!! NGINX TEST SKIPPED: no /usr/sbin/nginx (apt-get install -y nginx; bash .ci/run does) !!!\n');
}

const tmp = mkdtempSync(join(tmpdir(), 'portal-nginx-test-'));
let node: RunningServer;
let nginx: RunningNginx;
let tls = 0;
let origin = '';

function https(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', servername: 'localhost', port: tls, path, method: init.method ?? 'GET', headers: { host: `localhost:${tls}`, ...init.headers }, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}
const post = (fields: Record<string, string>, xff?: string) =>
  https('/feedback/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...(xff ? { 'x-forwarded-for': xff } : {}) },
    body: new URLSearchParams(fields).toString(),
  });

(hasNginx ? describe : describe.skip)('behind nginx (docs/deploy/nginx.conf)', () => {
  beforeAll(async () => {
    const nodePort = await freePort();
    node = await startServer({ port: nodePort, env: { FEEDBACK_DB: join(tmp, 'var/feedback.sqlite'), TRUST_PROXY: '1', FEEDBACK_RATE_PER_MINUTE: '3', FEEDBACK_RATE_PER_DAY: '100' } });
    nginx = await startNginx(nodePort);
    tls = nginx.port;
    origin = nginx.origin;
  });
  afterAll(async () => {
    await nginx?.stop();
    await node?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a form post over HTTPS succeeds (TRUST_PROXY=1, ALLOWED_DOMAINS)', async () => {
    const r = await post({ ...VALID });
    expect(r.status, r.raw.toString()).toBe(303);
    expect(String(r.headers.location)).toMatch(/\/feedback\/received\/\?r=/);
    const page = await https(String(r.headers.location));
    expect(page.status).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer'); // the Node server's stricter policy survives
  });

  it('the rate limit counts the real client address, whatever X-Forwarded-For the client sends', async () => {
    // The first post above used one of the 3 per minute. Two more with forged addresses …
    expect((await post({ ...VALID }, '203.0.113.1')).status).toBe(303);
    expect((await post({ ...VALID }, '203.0.113.2')).status).toBe(303);
    // … and the next is refused: all four came from 127.0.0.1.
    const r = await post({ ...VALID }, '203.0.113.3');
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('security headers survive, on static files and on proxied pages', async () => {
    for (const path of ['/', '/data/monitoring.csv', '/feedback/', '/no-such-page/']) {
      const r = await https(path);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['x-frame-options'], path).toBe('DENY');
      expect(String(r.headers['permissions-policy']), path).toContain('camera=()');
      expect(r.headers['strict-transport-security'], path).toMatch(/max-age=\d+/);
      expect([r.headers['content-security-policy']].flat().join(', '), path).toContain("frame-ancestors 'none'");
      expect(r.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
    const feedback = await https('/feedback/');
    expect([feedback.headers['content-security-policy']].flat().join(', ')).toMatch(/script-src[^;]*'sha256-/);
    expect((await https('/', { method: 'TRACE' })).status).toBe(405);
    expect((await https('/data/feed.xml')).headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  });

  it('static files and proxied pages come compressed', async () => {
    for (const path of ['/', '/funds/', '/data/monitoring.csv', '/data/monitoring.json', '/feedback/']) {
      const plain = await https(path);
      const gz = await https(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(String(gz.headers.vary), path).toMatch(/accept-encoding/i);
      expect(gz.raw.length, path).toBeLessThan(plain.raw.length);
      if (path !== '/feedback/') expect(gunzipSync(gz.raw).equals(plain.raw), path).toBe(true);
    }
  });
});
