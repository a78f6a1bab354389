/**
 * Narrative figures come from data by id: the resolver throws on an unknown id (so the
 * build fails), and the MDX narrative contains no typed digits outside <Fig id="…" />.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figure } from '../../src/lib/data.ts';

const dir = 'content/pages';
const files = readdirSync(dir).filter((f) => /\.mdx?$/.test(f));

describe('<Fig id> resolution', () => {
  it('resolves a known id to its figure', () => {
    expect(figure('monitoring.monitored.all.households').unit).toBe('户');
  });
  it('throws on an unknown id, naming it', () => {
    expect(() => figure('monitoring.no_such_figure')).toThrow(/未知的数字编号“monitoring\.no_such_figure”.* \| unknown figure id "monitoring\.no_such_figure"/);
  });
  it('every <Fig id> in content/pages exists', () => {
    const ids = files.flatMap((f) => [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/<Fig id="([^"]+)"/g)].map((m) => m[1]));
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(() => figure(id), id).not.toThrow();
  });
  it('no number is typed into narrative prose', () => {
    for (const f of files) {
      const body = readFileSync(`${dir}/${f}`, 'utf8').replace(/^---[\s\S]*?---/, '').replace(/<Fig [^>]*\/>/g, '');
      expect(body.match(/[0-9０-９]+/g), f).toBeNull();
    }
  });
});
