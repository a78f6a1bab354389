import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A copy of the project whose data/key-villages.csv has a bad row, built for real.
const dir = mkdtempSync(join(tmpdir(), 'portal-kv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bad key-village row stops the build', () => {
  it('names the file, line, column, the bad value and the fix', () => {
    for (const p of ['src', 'data', 'content', 'public', 'examples', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
      if (existsSync(p)) cpSync(p, join(dir, p), { recursive: true });
    }
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
    // Line 2 is fine; line 3 names a village that does not match its code (510781101233 is 红砖岭村).
    // These real codes are test input only, in a throwaway copy: not a claim about any village.
    writeFileSync(
      join(dir, 'data/key-villages.csv'),
      'village_code,name,town,county_code,categories,lon,lat,source_id,locator\n' +
        '510722101219,顺江村,潼川镇,510722,脱贫村,,,mrrb-2021-work-report,\n' +
        '510781101233,河石村,太平镇,510781,脱贫村,,,mrrb-2021-work-report,\n',
    );
    const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_DEMO: '' } });
    const out = r.stdout + r.stderr;
    expect(r.status).not.toBe(0);
    expect(out).toContain('构建停止');
    expect(out).toMatch(/data\/key-villages\.csv:3:2 列\/column "name" \(Excel B\): 村名与代码不符/);
    expect(out).toMatch(/改法\/fix: 若代码正确，将村名改为"红砖岭村"/);
    expect(out).toContain('读到/got "河石村"');
    expect(out).not.toMatch(/key-villages\.csv:2:/);
    expect(existsSync(join(dir, 'dist/client/villages/index.html'))).toBe(false);
  });
});
