// The Content-Security-Policy, in two parts:
// - contentSecurityPolicy(): Astro's `security.csp` setting. Astro adds the hashes of its own
//   scripts and styles and delivers the policy in a <meta> on static pages and as a header on
//   on-demand ones.
// - FRAME_POLICY: what a <meta> policy cannot carry (frame-ancestors), sent by the server as a
//   second header policy on every response. Browsers enforce both policies.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroUserConfig } from 'astro';

type CspSetting = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** The origin of a tile URL template such as https://t0.example.cn/img_w/{z}/{x}/{y}.png. */
export function tileOrigin(tileUrl: string | undefined | null): string | null {
  const raw = tileUrl?.trim();
  if (!raw) return null;
  try {
    const u = new URL(raw.replace(/\{[a-z]\}/gi, '0'));
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(tileUrl?: string, srcDir = 'src'): CspSetting {
  const tiles = tileOrigin(tileUrl);
  return {
    algorithm: 'SHA-256',
    directives: [
      "default-src 'self'",
      `img-src 'self' data:${tiles ? ` ${tiles}` : ''}` as `img-src${string}`,
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    // Pagefind's search runs WebAssembly from /pagefind/.
    scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inlineScriptHashes(srcDir) as `sha256-${string}`[] },
    styleDirective: { resources: ["'self'"] },
  };
}

/** Sent as a header on every response (not expressible in a <meta> policy). */
export const FRAME_POLICY = "frame-ancestors 'none'";

/**
 * Hashes of the `<script is:inline>` blocks in src/: Astro hashes the scripts it bundles
 * but passes inline ones through untouched, so their hashes are computed here from the
 * source, exactly as the browser will hash them. Data blocks (JSON) are not executed and
 * need none. Expressions inside an inline script ({…}) would change per page: none exist,
 * and the browser test (tests/e2e/csp.test.ts) fails on any blocked script.
 */
export function inlineScriptHashes(srcDir: string): string[] {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.astro')) {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          const attrs = m[1];
          if (!/\bis:inline\b/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs) || /\bsrc=/.test(attrs)) continue;
          out.add(`sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}`);
        }
      }
    }
  };
  walk(srcDir);
  return [...out].sort();
}
