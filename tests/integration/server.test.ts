/**
 * What every response of the running portal carries, and how it answers what it does not
 * serve: security headers, compression, content types, methods, Host, /_image, /healthz.
 */
import { inject, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/http.ts';
import { formPost, VALID } from '../support/feedback.ts';

const base = inject('baseUrl');

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': /^(strict-origin-when-cross-origin|no-referrer|same-origin)$/,
  'permissions-policy': /camera=\(\)/,
};

function expectSecure(headers: Record<string, string | string[] | undefined>, what: string) {
  for (const [k, v] of Object.entries(SECURITY)) {
    const got = String(headers[k] ?? '');
    if (typeof v === 'string') expect(got, `${what} ${k}`).toBe(v);
    else expect(got, `${what} ${k}`).toMatch(v);
  }
  const csp = [headers['content-security-policy']].flat().join(', ');
  expect(csp, `${what} CSP`).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  it('every kind of response carries them: static page, asset, download, on-demand page, 404, 405', async () => {
    const responses = {
      home: await rawRequest(base, '/'),
      csv: await rawRequest(base, '/data/monitoring.csv'),
      feedback: await rawRequest(base, '/feedback/'),
      status: await rawRequest(base, '/feedback/status/'),
      missing: await rawRequest(base, '/no-such-page/'),
      trace: await rawRequest(base, '/feedback/', { method: 'TRACE' }),
    };
    for (const [what, r] of Object.entries(responses)) expectSecure(r.headers, what);
    expect(responses.missing.status).toBe(404);
  });

  it('static pages carry Astro\'s hashed CSP with no unsafe-inline for scripts; on-demand pages send it as a header', async () => {
    const home = await rawRequest(base, '/');
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(home.text)?.[1] ?? '';
    expect(meta).toMatch(/script-src[^;]*'sha256-/);
    expect(meta).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const fb = await rawRequest(base, '/feedback/');
    const header = [fb.headers['content-security-policy']].flat().join(', ');
    expect(header).toMatch(/script-src[^;]*'sha256-/);
    expect(header).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('the confirmation and status pages keep their stricter referrer policy', async () => {
    const r = await rawRequest(base, '/feedback/received/?r=MY-00000-00000-00000');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends HSTS only when the request came over HTTPS', async () => {
    const plain = await rawRequest(base, '/');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('compression', () => {
  const types: Array<[string, RegExp]> = [
    ['/', /^text\/html; charset=utf-8$/],
    ['/data/monitoring.csv', /^text\/csv; charset=utf-8$/],
    ['/data/monitoring.json', /^application\/json; charset=utf-8$/],
    ['/sitemap.xml', /^application\/xml; charset=utf-8$/],
    ['/data/feed.xml', /^application\/atom\+xml; charset=utf-8$/],
    ['/favicon.svg', /^image\/svg\+xml/],
    ['/feedback/', /^text\/html; charset=utf-8$/],
  ];
  for (const [path, type] of types) {
    it(`${path}: br or gzip when accepted, identity otherwise, with Vary: Accept-Encoding`, async () => {
      const plain = await rawRequest(base, path);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-type']).toMatch(type);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
      for (const enc of ['br', 'gzip']) {
        const r = await rawRequest(base, path, { headers: { 'accept-encoding': enc } });
        expect(r.headers['content-encoding'], `${path} ${enc}`).toBe(enc);
        expect(r.raw.length).toBeLessThan(plain.raw.length);
        if (path !== '/feedback/') expect(r.text).toBe(plain.text);
      }
    });
  }

  it('picks br over gzip from a browser\'s Accept-Encoding', async () => {
    const r = await rawRequest(base, '/', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(r.headers['content-encoding']).toBe('br');
  });
});

describe('methods, Host and internal routes', () => {
  for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
    it(`${method} gets 405 with Allow, on static and on-demand routes`, async () => {
      for (const path of ['/', '/feedback/', '/feedback/status/']) {
        const r = await rawRequest(base, path, { method });
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.headers.allow).toBe('GET, HEAD, POST');
      }
    });
  }

  it('a malformed Host header gets 400, not 500', async () => {
    for (const host of ['user@127.0.0.1', 'a b', 'x/y', '[::1', '127.0.0.1:port']) {
      const r = await rawRequest(base, '/feedback/', { headers: { host } });
      expect(r.status, host).toBe(400);
    }
    const ok = await rawRequest(base, '/', { headers: { host: 'portal.example.gov.cn' } });
    expect(ok.status).toBe(200);
  });

  it('/_image is disabled', async () => {
    const r = await rawRequest(base, '/_image?href=/favicon.svg&w=10&f=webp');
    expect(r.status).toBe(404);
  });

  it('path traversal does not leave the site', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/.builds/']) {
      const r = await rawRequest(base, path);
      expect(r.text, path).not.toContain('mianyang-rr-portal');
    }
  });
});

describe('health', () => {
  it('/healthz says ok and the build id, nothing else', async () => {
    const r = await rawRequest(base, '/healthz');
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(r.text);
    expect(Object.keys(body).sort()).toEqual(['status', 'version']);
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d{8}T\d{6}Z-\d+$/);
  });

  it('a form post still works through the server', async () => {
    const r = await formPost(base, { ...VALID });
    expect(r.status).toBe(303);
  });
});

describe('the map on a slow connection', () => {
  it('/villages/ preloads the county shapes with the HTML, and they are at most 12 KB gzipped', async () => {
    const html = (await rawRequest(base, '/villages/')).text;
    const href = /<link rel="preload" href="([^"]+\.geojson)" as="fetch" crossorigin="anonymous"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    // The preload comes before the map's module script, so the fetch never waits for it.
    expect(html.indexOf(href!)).toBeLessThan(html.search(/<script type="module" src=/));
    const gz = await rawRequest(base, href!, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.raw.length).toBeLessThanOrEqual(12 * 1024);
    expect(JSON.parse(gz.text).features).toHaveLength(9);
  });
});
