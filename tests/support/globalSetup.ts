/**
 * Builds the portal once (as `npm run build` does) and starts the built server with a
 * throwaway feedback database. Tests read the address with inject('baseUrl').
 * Set SKIP_BUILD=1 to reuse an existing dist/ while iterating.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer | undefined;
let tmp: string | undefined;

export async function setup(project: TestProject) {
  if (process.env.SKIP_BUILD !== '1') {
    // ALLOWED_DOMAINS=localhost: the nginx test posts through HTTPS as https://localhost:PORT
    // (Astro bakes allowed domains into the build). Direct requests carry no forwarded headers.
    const r = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ALLOWED_DOMAINS: 'localhost' } });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const dbPath = join(tmp, 'feedback.sqlite');
  // Many tests submit feedback from the same loopback address: lift the per-client limit on
  // the shared server (tests/integration/feedback.test.ts checks the limit on its own server).
  server = await startServer({ env: { FEEDBACK_DB: dbPath, FEEDBACK_RATE_PER_MINUTE: '1000', FEEDBACK_RATE_PER_DAY: '100000', FEEDBACK_LOOKUP_PER_MINUTE: '10000', FEEDBACK_LOOKUP_PER_DAY: '1000000' } });
  project.provide('baseUrl', server.url);
  project.provide('feedbackDb', dbPath);
}

export async function teardown() {
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    feedbackDb: string;
  }
}
