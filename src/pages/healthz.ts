/**
 * Health check for load balancers and monitoring: 200 when the feedback database can take
 * a write now, 503 otherwise. Says ok / not ok and the build id, nothing more.
 */
import type { APIRoute } from 'astro';
import { feedbackServer } from '../lib/feedback/server.ts';

export const prerender = false;

function health(): boolean {
  try {
    return feedbackServer().store.health().writable;
  } catch {
    return false;
  }
}

export const GET: APIRoute = () => {
  const ok = health();
  return new Response(JSON.stringify({ status: ok ? 'ok' : 'unavailable', version: process.env.PORTAL_BUILD_ID ?? 'unversioned' }) + '\n', {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
