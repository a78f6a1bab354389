/**
 * Static hosting of the feedback pages. With FEEDBACK_MODE=static or FEEDBACK_ENDPOINT set
 * at build time there is no Node server behind the pages, so the feedback routes (which
 * export `prerender = false` for the server) are prerendered instead: the form posts to the
 * endpoint, or the pages show the other ways to reach the bureau.
 */
import type { AstroIntegration } from 'astro';
import { readFeedbackMode } from '../lib/feedback/mode.ts';

export function feedbackMode(): AstroIntegration {
  return {
    name: 'portal:feedback-mode',
    hooks: {
      'astro:route:setup': ({ route }) => {
        const { mode } = readFeedbackMode(process.env);
        if (mode !== 'server' && /src\/pages\/feedback\//.test(route.component)) route.prerender = true;
      },
    },
  };
}
