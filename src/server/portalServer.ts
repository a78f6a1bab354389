/**
 * The portal's HTTP server (started by scripts/serve.mjs, `npm start`).
 *
 * Every request: Host check (400) → method check (405) → static file from the current build
 * (through the `dist` link, so an atomic switch takes effect on the next request) → Astro's
 * on-demand routes (feedback, /healthz) from the build this process started with.
 * Every response: security headers, `charset=utf-8` on text, compression when accepted
 * (precompressed .br/.gz for static files, on the fly for on-demand pages).
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBrotliCompress, createGzip, constants as zc } from 'node:zlib';
import { ALLOWED_METHODS, HSTS, SECURITY_HEADERS, cspHeader, isAllowedMethod, isValidHost, pickEncoding, withCharset } from './headers.ts';
import { serveStatic } from './staticFiles.ts';

export interface PortalOptions {
  /** The `dist` link (or directory) holding client/ and server/. */
  dist: string;
  /** Behind a reverse proxy: trust X-Forwarded-Proto for HSTS. */
  trustProxy?: boolean;
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const COMPRESSIBLE_TYPE = /^(text\/|application\/(json|javascript|xml|atom\+xml|geo\+json|manifest\+json)|image\/svg\+xml)/i;

/** Reads the build's id (BUILD.json, written by scripts/build.mjs). */
export function buildVersion(buildDir: string): string {
  try {
    return String(JSON.parse(readFileSync(join(buildDir, 'BUILD.json'), 'utf8')).id);
  } catch {
    return 'unversioned';
  }
}

/**
 * Wraps writeHead so that whatever writes the response (our static handler or Astro),
 * the headers are completed just before they are sent, and the body is compressed when the
 * type is textual and the client accepts it.
 */
function finishHeaders(req: IncomingMessage, res: ServerResponse, https: boolean): void {
  const writeHead = res.writeHead.bind(res) as (status: number, message?: string) => ServerResponse;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let zip: ReturnType<typeof createGzip> | ReturnType<typeof createBrotliCompress> | null = null;

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    let message: string | undefined;
    let headers: OutgoingHttpHeaders | unknown[] | undefined;
    if (typeof rest[0] === 'string') [message, headers] = rest as [string, OutgoingHttpHeaders];
    else headers = rest[0] as OutgoingHttpHeaders;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    }
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!res.hasHeader(k)) res.setHeader(k, v);
    res.setHeader('Content-Security-Policy', cspHeader(res.getHeader('content-security-policy')));
    if (https) res.setHeader('Strict-Transport-Security', HSTS);
    const type = res.getHeader('content-type');
    if (typeof type === 'string') res.setHeader('Content-Type', withCharset(type));
    if (typeof type === 'string' && COMPRESSIBLE_TYPE.test(type) && !res.hasHeader('content-encoding') && status !== 204 && status !== 304) {
      const vary = String(res.getHeader('vary') ?? '');
      if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      const enc = req.method === 'HEAD' ? null : pickEncoding(req.headers['accept-encoding'], { br: true, gzip: true });
      if (enc) {
        res.removeHeader('Content-Length');
        res.setHeader('Content-Encoding', enc);
        zip = enc === 'br' ? createBrotliCompress({ params: { [zc.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip({ level: 6 });
        zip.on('data', (c: Buffer) => write(c));
        zip.on('end', () => end());
        // Writers (stream.pipe) wait for 'drain' on the response when write() returns false.
        zip.on('drain', () => res.emit('drain'));
        zip.on('error', () => res.destroy());
      }
    }
    return writeHead(status, message);
  }) as typeof res.writeHead;

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (zip) return zip.write(chunk as Buffer, ...(rest.filter((r) => typeof r === 'function') as []));
    return write(chunk, ...rest);
  }) as typeof res.write;

  res.end = ((...args: unknown[]) => {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!zip) return end(...args);
    const chunk = typeof args[0] === 'function' ? undefined : args[0];
    if (chunk !== undefined && chunk !== null) zip.write(chunk as Buffer);
    zip.end();
    return res;
  }) as typeof res.end;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

export async function createPortalHandler(options: PortalOptions): Promise<{ handler: NodeHandler; version: string; buildDir: string }> {
  const distLink = resolve(options.dist);
  const buildDir = realpathSync(distLink);
  const version = buildVersion(buildDir);
  process.env.PORTAL_BUILD_ID = version;
  const entry = (await import(pathToFileURL(join(buildDir, 'server', 'entry.mjs')).href)) as { handler: NodeHandler };
  const roots = [join(distLink, 'client'), join(buildDir, 'client')];

  const handler: NodeHandler = async (req, res) => {
    const https = (req.socket as { encrypted?: boolean }).encrypted === true || (options.trustProxy === true && req.headers['x-forwarded-proto'] === 'https');
    finishHeaders(req, res, https);
    try {
      if (!isValidHost(req.headers.host)) return plain(res, 400, '400 请求无效：Host 头格式不正确 / Bad Request: malformed Host header', { Connection: 'close' });
      if (!isAllowedMethod(req.method)) {
        req.resume();
        return plain(res, 405, '405 不支持此请求方法 / Method Not Allowed', { Allow: ALLOWED_METHODS.join(', ') });
      }
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://portal.invalid').pathname;
      } catch {
        return plain(res, 400, '400 请求无效 / Bad Request');
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && (await serveStatic(req, res, pathname, { roots, fallbackPrefix: '/_astro/' }))) return;
      await entry.handler(req, res);
    } catch (e) {
      console.error(`[server] ${req.method} ${req.url}: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) plain(res, 500, '500 服务器内部错误 / Internal Server Error');
      else res.destroy();
    }
  };
  return { handler, version, buildDir };
}

export async function startPortal(options: PortalOptions & { host: string; port: number }): Promise<{ server: Server; version: string }> {
  const { handler, version } = await createPortalHandler(options);
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 15_000 }, (req, res) => void handler(req, res));
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  return { server, version };
}
