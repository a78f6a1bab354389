/** Runs `astro build` with this Node (24), optionally into another outDir with extra env. */
import { spawnSync } from 'node:child_process';

export function astroBuild(env: Record<string, string> = {}, args: string[] = []): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...args], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}
