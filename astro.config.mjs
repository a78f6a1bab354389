// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { dataCheck } from './src/integrations/dataCheck.ts';
import { feedbackMode } from './src/integrations/feedbackMode.ts';
import { liveSiteGuard } from './src/integrations/liveSiteGuard.ts';
import { contentSecurityPolicy } from './src/server/csp.ts';
import { settings } from './src/lib/config.ts';

// Every setting comes from the one typed module; an invalid value stops the build there.
const config = settings();
const site = config.SITE_URL;
// A demo build (PORTAL_DEMO=1, npm run build:demo) always goes to its own directory, so
// synthetic data can never overwrite or mix with the real site in dist/.
const demo = config.PORTAL_DEMO;

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  output: 'static',
  // `npm run build` (scripts/build.mjs) builds into a fresh staging directory
  // (PORTAL_OUT_DIR) and switches the `dist` link to it only when it is complete.
  outDir: process.env.PORTAL_OUT_DIR || (demo ? './dist-demo' : './dist'),
  // Middleware mode: scripts/serve.mjs (src/server/) is the HTTP server; it serves the
  // static files itself (precompressed, with security headers) and hands on-demand routes
  // to Astro.
  adapter: node({ mode: 'middleware' }),
  integrations: [liveSiteGuard(), dataCheck(), feedbackMode(), mdx()],
  // Every page's CSS goes inline, so first paint needs one round trip (no render-blocking
  // stylesheet request).
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The site has no raster images to optimise: /_image answers 404 instead of running an
  // image service on request.
  image: { endpoint: { route: '/_image', entrypoint: './src/server/noImageEndpoint.ts' } },
  devToolbar: { enabled: false },
  security: {
    // Astro's origin check stays on. Behind an HTTPS reverse proxy, list the public
    // host(s) in ALLOWED_DOMAINS (comma-separated) so forwarded requests are trusted.
    checkOrigin: true,
    allowedDomains: (config.ALLOWED_DOMAINS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
      .map((hostname) => ({ hostname, protocol: 'https' })),
    // Hashes for Astro's own scripts and styles; no 'unsafe-inline' for scripts.
    // frame-ancestors cannot be delivered in a <meta>: the server sends it as a header.
    csp: contentSecurityPolicy(config.MAP_TILE_URL, fileURLToPath(new URL('./src', import.meta.url))),
  },
});
