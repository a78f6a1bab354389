import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A copy of the project whose data/ has one bad cell, built for real.
const dir = mkdtempSync(join(tmpdir(), 'portal-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bad CSV stops the build', () => {
  it('names the file, line, column, the bad value and the fix', () => {
    // content/ appears once narrative pages exist; copy only what is there.
    for (const p of ['src', 'data', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) if (existsSync(p)) cpSync(p, join(dir, p), { recursive: true });
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
    const csv = join(dir, 'data/figures.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('income.migrant_workers,'));
    lines[i] = lines[i].replace(',83608,人,', ',"83,608",人,'); // what Excel writes for a number typed with a separator
    writeFileSync(csv, lines.join('\n'));
    const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    const out = r.stdout + r.stderr;
    expect(r.status).not.toBe(0);
    expect(out).toContain('构建停止');
    expect(out).toMatch(new RegExp(`data/figures\\.csv:${i + 1}:5 列/column "value" \\(Excel E\\): 不是数字：请只填阿拉伯数字和小数点，不带单位、千分位逗号`));
    expect(out).toContain('读到/got "83,608"');
  });
});
