/** The CSP setting handed to Astro (src/server/csp.ts). */
import { expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, tileOrigin } from '../../../src/server/csp.ts';

it('adds an operator-configured tile server to img-src, and nothing else from outside', () => {
  const none = contentSecurityPolicy(undefined);
  expect(none.directives?.find((d) => d.startsWith('img-src'))).toBe("img-src 'self' data:");
  const withTiles = contentSecurityPolicy('https://t0.tianditu.gov.cn/img_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY');
  expect(withTiles.directives?.find((d) => d.startsWith('img-src'))).toBe("img-src 'self' data: https://t0.tianditu.gov.cn");
  expect(tileOrigin('javascript:alert(1)')).toBeNull();
});

it('never allows inline scripts wholesale; hashes every executable is:inline script in src/', () => {
  const csp = contentSecurityPolicy(undefined);
  expect(csp.scriptDirective?.resources).not.toContain("'unsafe-inline'");
  const hashes = inlineScriptHashes('src');
  expect(hashes.length).toBeGreaterThanOrEqual(2); // the elderly-mode scripts in the layout, search
  for (const h of hashes) expect(h).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
  expect(csp.scriptDirective?.hashes).toEqual(hashes);
});
