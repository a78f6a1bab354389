// Corrupted copies of the project: each corruption must fail `npm run check:data` and
// `astro build` alike, with its one clear message (file:line, Chinese and English), and
// nothing else.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, CORRUPTIONS, type ProjectCopy } from '../support/dataCopy.ts';

const copies: ProjectCopy[] = [];
afterAll(() => copies.forEach((c) => c.remove()));

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const checkData = (root: string) => spawnSync(process.execPath, ['scripts/check-data.ts'], { cwd: root, encoding: 'utf8', env });
const build = (root: string) => spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: root, encoding: 'utf8', env });
/** The problem lines a run printed (each starts with two spaces and a path). */
const problemLines = (out: string) => out.split('\n').filter((l) => /^\s+(\S+\/)?[\w.-]+\.(csv|mdx?)(:\d|: )/.test(l.replace(/\x1b\[[0-9;]*m/g, '')));

const cases = [
  ...CORRUPTIONS,
  {
    name: 'a number typed with a thousands separator (what Excel writes for 83,608)',
    apply: (p: ProjectCopy) => p.edit('data/figures.csv', (t) => t.replace('income.migrant_workers,income,脱贫劳动力外出务工人数,Workers lifted out of poverty in migrant employment,83608,', 'income.migrant_workers,income,脱贫劳动力外出务工人数,Workers lifted out of poverty in migrant employment,"83,608",')),
    message: /data\/figures\.csv:8:5 列\/column "value" \(Excel E\): 数字中有千分位逗号：请删去逗号，写作 83608.* — 读到\/got "83,608"/,
  },
];

describe.each(cases)('$name', ({ apply, message }) => {
  const copy = copyProject();
  copies.push(copy);
  apply(copy);

  it('fails npm run check:data with its one message', () => {
    const r = checkData(copy.root);
    const out = r.stdout + r.stderr;
    expect(r.status).toBe(1);
    expect(out).toMatch(message);
    expect(problemLines(out)).toHaveLength(1);
  });

  it('fails astro build with the same message, no stack trace', () => {
    const r = build(copy.root);
    const out = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '');
    expect(r.status).not.toBe(0);
    expect(out).toContain('构建停止');
    expect(out).toMatch(message);
    expect(problemLines(out)).toHaveLength(1);
    expect(out).not.toMatch(/\n\s+at .*\.(ts|js|mjs):\d+/);
  });
});
