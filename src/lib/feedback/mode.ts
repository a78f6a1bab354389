// Where the feedback form sends its data, decided at build time for prerendered pages
// and at run time for on-demand ones.
//
//   (neither set)              server: the Node server renders and handles /feedback/ itself.
//   FEEDBACK_ENDPOINT=<url>    endpoint: the pages are static; the form posts to <url>, which
//                              must be this portal's Node server on the SAME origin (e.g. a
//                              reverse-proxied path), because Astro's origin check rejects
//                              cross-site form posts.
//   FEEDBACK_MODE=static       static: no server at all; the pages show the office email and
//                              phone (when configured) and the 12317 hotline instead of a form.

import { parseSettings, settings } from '../config.ts';

export type FeedbackMode = 'server' | 'endpoint' | 'static';

export interface FeedbackModeConfig {
  mode: FeedbackMode;
  /** Form action: '/feedback/' on the server, the configured URL in endpoint mode, null when static. */
  action: string | null;
}

type Env = Record<string, string | undefined>;

/** From the typed settings (src/lib/config.ts); an invalid FEEDBACK_MODE/ENDPOINT throws ConfigError. */
export function readFeedbackMode(env: Env = process.env): FeedbackModeConfig {
  const s = env === process.env ? settings() : parseSettings(env);
  if (s.FEEDBACK_MODE === 'static') return { mode: 'static', action: null };
  if (s.FEEDBACK_ENDPOINT) return { mode: 'endpoint', action: s.FEEDBACK_ENDPOINT };
  return { mode: 'server', action: '/feedback/' };
}

/** A page next to the endpoint (e.g. `status/`), keeping a path endpoint relative. */
export function endpointPage(action: string, page: string): string {
  if (/^https?:\/\//i.test(action)) return new URL(page, action.endsWith('/') ? action : action + '/').href;
  return action.replace(/\/?$/, '/') + page;
}
