/**
 * Every download under /data/ (dataset CSV/Excel CSV/JSON, chart views, datapackage.json,
 * catalog.json, the zip, the Atom feed), prerendered byte for byte from the catalogue —
 * the same bytes whose size and SHA-256 the catalogue pages show.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogue } from '../../lib/opendata/site.ts';

export const prerender = true;

export const getStaticPaths = (() => [...catalogue.files.keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const f = catalogue.files.get(params.file!)!;
  const type = f.mediaType.startsWith('text/') || f.mediaType.includes('json') || f.mediaType.includes('xml') ? `${f.mediaType}; charset=utf-8` : f.mediaType;
  return new Response(f.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': type } });
};
