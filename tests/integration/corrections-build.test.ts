// A correction renders end to end: a copy of the project with the fictitious correction in
// tests/fixtures/corrections/ (never in data/) is built for real, and the built pages say so.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, type ProjectCopy } from '../support/dataCopy.ts';

let copy: ProjectCopy;
let out: string;
const page = (p: string) => readFileSync(join(copy.root, 'dist/client', p), 'utf8');
const realPackage = () => JSON.parse(readFileSync('dist/client/data/datapackage.json', 'utf8')) as { version: string; created: string };

beforeAll(() => {
  copy = copyProject();
  copy.write('data/corrections.csv', readFileSync('tests/fixtures/corrections/corrections.csv'));
  copy.edit('data/figures.csv', (t) => t.replace(/^(income\.consumption\.halls,(?:[^,]*,){3})5,/m, '$16,'));
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: copy.root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  out = r.stdout + r.stderr;
  if (r.status !== 0) throw new Error(`build failed:\n${out}`);
}, 300_000);
afterAll(() => copy?.remove());

describe('a correction, from data/corrections.csv to every place it shows', () => {
  it('the figure card says 已更正, with the old value, the date and a link to the entry', () => {
    const html = page('income/index.html');
    const card = html.slice(html.indexOf('id="fig-income.consumption.halls"'));
    const note = card.slice(0, card.indexOf('</li>'));
    expect(note).toMatch(/<p class="value">6个<\/p>/);
    expect(note).toMatch(/<span class="badge">已更正<\/span> 原为 <del>5个<\/del>，<time datetime="2030-01-15">2030-01-15<\/time>更正（<a href="\/data\/errata\/#2030-01-15-fixture-halls">更正记录/);
    // Other cards are untouched.
    expect(html.match(/已更正/g)).toHaveLength(1);
  });

  it('the errata page (更正记录) lists it with old and new value, reason, source and the receipt only', () => {
    const html = page('data/errata/index.html');
    const entry = html.slice(html.indexOf('id="2030-01-15-fixture-halls"'));
    expect(entry).toMatch(/原为 <del>5个<\/del>，更正为 <ins>6个<\/ins>/);
    expect(entry).toContain('测试用的虚构更正');
    expect(entry).toContain('MY-G6QTR-AV7WP-6MW89');
  });

  it('the Atom feed has an entry linking to it', () => {
    const xml = page('data/feed.xml');
    const entry = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]).find((e) => e.includes('2030-01-15-fixture-halls'));
    expect(entry).toBeDefined();
    expect(entry).toContain('<title>数据更正（2030-01-15）');
    expect(entry).toMatch(/<link rel="alternate" type="text\/html" href="[^"]*\/data\/errata\/#2030-01-15-fixture-halls"\/>/);
  });

  it('the figures dataset lists the correction in its changelog', () => {
    expect(page('data/figures/index.html')).toContain('更正“已建成“消费帮扶”专馆”：5个 改为 6个');
  });

  it('the data package has a new version and release date, and /data/ says what changed since the previous release', () => {
    const pkg = JSON.parse(page('data/datapackage.json')) as { version: string; created: string };
    const real = realPackage();
    expect(pkg.version).not.toBe(real.version);
    expect(pkg.version).toBe(real.version.replace(/^1\.(\d+)\.0$/, (_, n) => `1.${Number(n) + 1}.0`));
    expect(pkg.created).toBe('2030-01-15T00:00:00+08:00');
    const data = page('data/index.html');
    expect(data).toContain(`当前版本 ${pkg.version}`);
    expect(data).toContain(`与上一版本 ${real.version}`);
    const release = data.slice(data.indexOf('id="release"'), data.indexOf('id="datasets"'));
    expect(release).toContain('5个 改为 6个');
  });
});
