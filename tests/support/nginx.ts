/**
 * Debian's nginx on loopback with docs/deploy/nginx.conf (HTTPS with a throwaway
 * self-signed certificate for `localhost`), in front of a Node server on `nodePort`.
 * Used by tests/integration/nginx.test.ts and `npm run bench`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.ts';

export const NGINX = '/usr/sbin/nginx';
export const hasNginx = existsSync(NGINX);

export interface RunningNginx {
  /** https://localhost:PORT (connect to 127.0.0.1, certificate not trusted). */
  origin: string;
  port: number;
  stop: () => Promise<void>;
}

export function httpsGet(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', servername: 'localhost', port, path, headers: { host: `localhost:${port}`, ...headers }, rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function startNginx(nodePort: number, root = process.cwd()): Promise<RunningNginx> {
  const tmp = mkdtempSync(join(tmpdir(), 'portal-nginx-'));
  const tls = await freePort();
  const http = await freePort();
  const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(tmp, 'key.pem'), '-out', join(tmp, 'cert.pem')], { encoding: 'utf8' });
  if (cert.status !== 0) throw new Error(`openssl failed: ${cert.stderr}`);
  const site = readFileSync(join(root, 'docs/deploy/nginx.conf'), 'utf8')
    .replaceAll('PORTAL_ROOT', root)
    .replaceAll('portal.example', 'localhost')
    .replace('server 127.0.0.1:4321;', `server 127.0.0.1:${nodePort};`)
    .replace(/^\s*listen \[::\].*$/gm, '')
    .replace('listen 80;', `listen 127.0.0.1:${http};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${tls} ssl http2;`)
    .replace('/etc/ssl/certs/localhost.pem', join(tmp, 'cert.pem'))
    .replace('/etc/ssl/private/localhost.key', join(tmp, 'key.pem'));
  writeFileSync(join(tmp, 'site.conf'), site);
  for (const d of ['body', 'proxy', 'fcgi', 'uwsgi', 'scgi']) mkdirSync(join(tmp, d));
  writeFileSync(
    join(tmp, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fcgi; uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;
  include ${tmp}/site.conf;
}
`,
  );
  const check = spawnSync(NGINX, ['-t', '-c', join(tmp, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
  const child = spawn(NGINX, ['-c', join(tmp, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      if ((await httpsGet(tls, '/')) === 200) break;
    } catch {}
    if (i > 100) {
      const log = existsSync(join(tmp, 'error.log')) ? readFileSync(join(tmp, 'error.log'), 'utf8') : '';
      await stop();
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin: `https://localhost:${tls}`, port: tls, stop };
}
