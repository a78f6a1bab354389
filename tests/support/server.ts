/** Starts the built portal (scripts/serve.mjs on a dist/ build) on a free loopback port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function startServer(options: { dist?: string; env?: Record<string, string>; port?: number; cwd?: string } = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  // process.execPath is Node 24 here (vitest runs under npm's PATH); never a bare `node`.
  const child = spawn(process.execPath, [join(options.cwd ?? process.cwd(), 'scripts/serve.mjs')], {
    cwd: options.cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), PORTAL_DIST: options.dist ?? 'dist', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (b) => (log += b));
  child.stderr!.on('data', (b) => (log += b));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(url + '/');
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start within 20 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, port, child, output: () => log, stop };
}
