// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { dataCheck } from './src/integrations/dataCheck.ts';
import { feedbackMode } from './src/integrations/feedbackMode.ts';

const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  output: 'static',
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
