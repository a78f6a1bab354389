// Replaces Astro's /_image endpoint: the portal has no raster images to optimise, so the
// route answers 404 rather than fetching and transforming images on request.
import type { APIRoute } from 'astro';

export const GET: APIRoute = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
