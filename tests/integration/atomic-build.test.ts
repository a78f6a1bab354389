/**
 * `npm run build` never touches the site being served. A copy of the project serves its
 * current build while a client asks for / and /funds/ every 50 ms; then
 * 1. a build that fails late (an unknown figure id in the narrative, which only page
 *    rendering finds): every probe is 200 and the pages are unchanged;
 * 2. a build that succeeds with a visible change: every probe is 200, and after the switch
 *    the new content is served by the same, still running server.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-atomic-'));
let server: RunningServer;
const MARKER = '蜀ICP备00000000号-原子切换测试';

function build(env: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.mjs'], { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

interface Probe {
  path: string;
  status: number;
  body: string;
}
/** Probes / and /funds/ every 50 ms until stopped; network errors count as status 0. */
function probe(url: string) {
  const seen: Probe[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const path = i % 2 ? '/funds/' : '/';
      try {
        const r = await fetch(url + path);
        seen.push({ path, status: r.status, body: await r.text() });
      } catch {
        seen.push({ path, status: 0, body: '' });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
      return seen;
    },
  };
}

beforeAll(async () => {
  for (const p of ['src', 'data', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) if (existsSync(p)) cpSync(p, join(dir, p), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
  // Start from a copy of the suite's own build, as if `npm run build` had made it.
  mkdirSync(join(dir, '.builds'));
  cpSync(realpathSync('dist'), join(dir, '.builds/seed'), { recursive: true });
  symlinkSync('.builds/seed', join(dir, 'dist'));
  server = await startServer({ cwd: dir, env: { FEEDBACK_DB: join(dir, 'var/feedback.sqlite') } });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('atomic builds', () => {
  it('a failing build leaves the served site exactly as it was', async () => {
    const before = await (await fetch(server.url + '/')).text();
    const mdx = join(dir, 'content/pages/funds.mdx');
    const original = readFileSync(mdx, 'utf8');
    appendFileSync(mdx, '\n另见 <Fig id="no.such.figure" />。\n');
    const p = probe(server.url);
    const r = await build();
    const seen = await p.stop();
    writeFileSync(mdx, original);
    expect(r.status, r.output).not.toBe(0);
    expect(r.output).toContain('未改动');
    expect(readlinkSync(join(dir, 'dist'))).toBe('.builds/seed');
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter((s) => s.status !== 200), `${seen.length} probes`).toEqual([]);
    expect(await (await fetch(server.url + '/')).text()).toBe(before);
    console.log(`failing build: ${seen.length} probes, ${seen.filter((s) => s.status === 200).length} answered 200`);
  });

  it('a succeeding build switches with no failed request, and the running server serves the new site', async () => {
    expect(await (await fetch(server.url + '/')).text()).not.toContain(MARKER);
    const p = probe(server.url);
    const r = await build({ SITE_ICP: MARKER });
    await new Promise((res) => setTimeout(res, 300));
    const seen = await p.stop();
    expect(r.status, r.output).toBe(0);
    expect(readlinkSync(join(dir, 'dist'))).not.toBe('.builds/seed');
    expect(seen.filter((s) => s.status !== 200), `${seen.length} probes`).toEqual([]);
    const first = seen.findIndex((s) => s.body.includes(MARKER));
    expect(first).toBeGreaterThan(0); // old content first …
    expect(seen.slice(first).every((s) => s.body.includes(MARKER))).toBe(true); // … then only the new
    expect(await (await fetch(server.url + '/funds/')).text()).toContain(MARKER);
    // The server's on-demand pages still work after the switch.
    expect((await fetch(server.url + '/feedback/')).status).toBe(200);
    console.log(`succeeding build: ${seen.length} probes, ${seen.filter((s) => s.status === 200).length} answered 200, switched after probe ${first}`);
  });
});
