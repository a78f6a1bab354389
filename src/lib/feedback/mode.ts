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

export type FeedbackMode = 'server' | 'endpoint' | 'static';

export interface FeedbackModeConfig {
  mode: FeedbackMode;
  /** Form action: '/feedback/' on the server, the configured URL in endpoint mode, null when static. */
  action: string | null;
  warnings: string[];
}

type Env = Record<string, string | undefined>;

export function readFeedbackMode(env: Env = process.env): FeedbackModeConfig {
  const warnings: string[] = [];
  const mode = env.FEEDBACK_MODE?.trim().toLowerCase();
  if (mode === 'static') return { mode: 'static', action: null, warnings };
  if (mode && mode !== 'server') warnings.push(`FEEDBACK_MODE=${JSON.stringify(mode)} 无效（只能是 static 或 server）/ invalid, ignored`);
  const endpoint = env.FEEDBACK_ENDPOINT?.trim();
  if (endpoint) {
    // A path on this site, or an http(s) URL. Anything else (javascript:, data:) is refused.
    if (/^\/(?!\/)/.test(endpoint) || /^https?:\/\/[^\s/]+/i.test(endpoint)) return { mode: 'endpoint', action: endpoint, warnings };
    warnings.push(`FEEDBACK_ENDPOINT 不是以 / 开头的路径或 http(s) 地址，已忽略 / not a path or http(s) URL, ignored`);
  }
  return { mode: 'server', action: '/feedback/', warnings };
}

/** A page next to the endpoint (e.g. `status/`), keeping a path endpoint relative. */
export function endpointPage(action: string, page: string): string {
  if (/^https?:\/\//i.test(action)) return new URL(page, action.endsWith('/') ? action : action + '/').href;
  return action.replace(/\/?$/, '/') + page;
}
