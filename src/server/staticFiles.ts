/**
 * Serves the prerendered site from disk. `roots` are tried in order: the `dist/client`
 * path through the `dist` link (so an atomic switch is seen by the next request), then the
 * build this server started from, for the hashed /_astro/ assets its on-demand pages name.
 * Files are opened first and then stat'ed through the handle, so a switch between the two
 * can never mix versions. Precompressed .br/.gz copies are sent when the client accepts them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { open, type FileHandle } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { contentTypeFor, pickEncoding } from './headers.ts';
import { isCompressible } from './precompress.ts';

async function tryOpen(path: string): Promise<{ fh: FileHandle; size: number; mtimeMs: number } | null> {
  let fh: FileHandle | null = null;
  try {
    fh = await open(path, 'r');
    const st = await fh.stat();
    if (!st.isFile()) {
      await fh.close();
      return null;
    }
    return { fh, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    await fh?.close().catch(() => {});
    return null;
  }
}

/** The file paths a URL path may name, most specific first; null when it leaves the root. */
export function candidates(pathname: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const clean = normalize(decoded);
  if (!clean.startsWith('/') || clean.split('/').includes('..')) return null;
  const rel = clean.slice(1);
  if (rel.split('/').some((s) => s.startsWith('.') && s !== '.well-known')) return null;
  if (rel === '' || rel.endsWith('/')) return [join(rel, 'index.html')];
  // trailingSlash: 'ignore' with directory output: /funds serves funds/index.html.
  return [rel, join(rel, 'index.html')];
}

export interface StaticOptions {
  roots: string[];
  /** Only these path prefixes may come from roots after the first (old builds). */
  fallbackPrefix: string;
}

/** Serves the file and returns true, or returns false (not a static file: route it on). */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, options: StaticOptions): Promise<boolean> {
  const rels = candidates(pathname);
  if (!rels) return false;
  for (const [i, root] of options.roots.entries()) {
    if (i > 0 && !pathname.startsWith(options.fallbackPrefix)) break;
    for (const rel of rels) {
      const path = join(root, rel);
      if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
      const file = await tryOpen(path);
      if (!file) continue;
      await send(req, res, path, file);
      return true;
    }
  }
  return false;
}

async function send(req: IncomingMessage, res: ServerResponse, path: string, file: { fh: FileHandle; size: number; mtimeMs: number }) {
  let { fh, size } = file;
  const compressible = isCompressible(path);
  if (compressible) {
    res.setHeader('Vary', 'Accept-Encoding');
    const accept = req.headers['accept-encoding'];
    for (const enc of ['br', 'gzip'] as const) {
      if (pickEncoding(accept, { br: enc === 'br', gzip: enc === 'gzip' }) !== enc) continue;
      const alt = await tryOpen(`${path}.${enc === 'br' ? 'br' : 'gz'}`);
      if (!alt) continue;
      await fh.close();
      fh = alt.fh;
      size = alt.size;
      res.setHeader('Content-Encoding', enc);
      break;
    }
  }
  const etag = `"${file.size.toString(36)}-${Math.trunc(file.mtimeMs).toString(36)}${res.getHeader('Content-Encoding') ? `-${res.getHeader('Content-Encoding')}` : ''}"`;
  res.setHeader('Content-Type', contentTypeFor(path));
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', path.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
  if (req.headers['if-none-match'] === etag) {
    await fh.close();
    res.removeHeader('Content-Encoding');
    res.writeHead(304);
    res.end();
    return;
  }
  res.setHeader('Content-Length', String(size));
  if (req.method === 'HEAD') {
    await fh.close();
    res.writeHead(200);
    res.end();
    return;
  }
  res.writeHead(200);
  const stream = fh.createReadStream();
  await new Promise<void>((resolve) => {
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    res.on('close', resolve);
    stream.pipe(res);
  });
}
