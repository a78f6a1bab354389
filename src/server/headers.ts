/**
 * Response headers every answer from the portal carries (static files and on-demand
 * pages alike), and the request checks made before any routing. Pure functions, so the
 * server and the tests share them.
 */
import { FRAME_POLICY } from './csp.ts';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
export const HSTS = 'max-age=31536000';

/** Methods the portal answers; anything else gets 405 before reaching a route. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

export function isAllowedMethod(method: string | undefined): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method ?? '');
}

/**
 * A Host header we can route: a DNS name or IPv4 address, or a bracketed IPv6 address, with
 * an optional port. Userinfo (`user@host`), paths, spaces and empty hosts are malformed.
 */
export function isValidHost(host: string | undefined): boolean {
  if (!host || host.length > 255) return false;
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host);
}

/** The CSP header values to send: Astro's own (on-demand pages) plus the frame policy. */
export function cspHeader(existing: string | string[] | number | undefined): string[] {
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  return [...list.filter((v) => v && !v.includes(FRAME_POLICY)), FRAME_POLICY];
}

/** Add `charset=utf-8` to a text content type that lacks one. */
export function withCharset(type: string): string {
  if (/charset=/i.test(type)) return type;
  const media = type.split(';')[0].trim().toLowerCase();
  if (media.startsWith('text/') || media === 'application/json' || media.endsWith('+xml') || media === 'application/javascript')
    return `${type}; charset=utf-8`;
  return type;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Content type of a static file; the Atom feed (feed.xml, *.atom) is application/atom+xml. */
export function contentTypeFor(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base.endsWith('.atom') || /(^|[-.])feed\.xml$/.test(base)) return 'application/atom+xml; charset=utf-8';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.')) : '';
  return TYPES[ext] ?? 'application/octet-stream';
}

/** Preferred encoding from Accept-Encoding among those available (br before gzip). */
export function pickEncoding(acceptEncoding: string | undefined, available: { br: boolean; gzip: boolean }): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (n: string) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0;
  if (available.br && ok('br')) return 'br';
  if (available.gzip && ok('gzip')) return 'gzip';
  return null;
}
