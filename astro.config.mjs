// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { dataCheck } from './src/integrations/dataCheck.ts';
import { feedbackMode } from './src/integrations/feedbackMode.ts';

const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';
// A demo build (PORTAL_DEMO=1, npm run build:demo) always goes to its own directory, so
// synthetic data can never overwrite or mix with the real site in dist/.
const demo = process.env.PORTAL_DEMO === '1';

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  output: 'static',
  outDir: demo ? './dist-demo' : './dist',
  adapter: node({ mode: 'standalone' }),
  integrations: [dataCheck(), feedbackMode(), mdx()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  security: {
    // Astro's origin check stays on. Behind an HTTPS reverse proxy, list the public
    // host(s) in ALLOWED_DOMAINS (comma-separated) so forwarded requests are trusted.
    checkOrigin: true,
    allowedDomains: (process.env.ALLOWED_DOMAINS ?? '')
      .split(',')
      .filter(Boolean)
      .map((hostname) => ({ hostname, protocol: 'https' })),
  },
});
