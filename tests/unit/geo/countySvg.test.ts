import { geoContains } from 'd3';
import { describe, expect, it } from 'vitest';
import { countyLabels, countyMapSvg } from '../../../src/lib/geo/countySvg.ts';
import type { CountiesCollection } from '../../../src/lib/geo/simplifyCounties.ts';
import { read } from '../../support/geo.ts';

const geo = JSON.parse(read('data/geo/mianyang-counties.geojson')) as CountiesCollection;
const FUCHENG = '510703';
const others = geo.features.map((f) => f.properties.code).filter((c) => c !== FUCHENG);
const svg = countyMapSvg(geo, { highlighted: new Set(others), title: '标题 <测试>', desc: '说明', idPrefix: 't' });

const tags = (name: string) => [...svg.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);
const attr = (tag: string, a: string) => new RegExp(`\\b${a}="([^"]*)"`).exec(tag)?.[1] ?? null;

describe('countyMapSvg', () => {
  it('draws one non-empty path per county, keyed by county code', () => {
    const paths = tags('path');
    expect(paths).toHaveLength(geo.features.length);
    expect(paths.map((p) => attr(p, 'data-code')).sort()).toEqual(geo.features.map((f) => f.properties.code).sort());
    for (const p of paths) expect(attr(p, 'd')!.length).toBeGreaterThan(50);
  });

  it('tells 涪城区 apart from the 8 counties with key villages without relying on colour', () => {
    const paths = tags('path');
    const fucheng = paths.find((p) => attr(p, 'data-code') === FUCHENG)!;
    const rest = paths.filter((p) => p !== fucheng);
    expect(rest).toHaveLength(8);
    // The 8: a hatch pattern that exists in the SVG, solid outline.
    for (const p of rest) {
      expect(attr(p, 'fill')).toBe('url(#t-hatch)');
      expect(attr(p, 'stroke-dasharray')).toBeNull();
    }
    expect(svg).toMatch(/<pattern id="t-hatch"[^>]*>.*<line /);
    // 涪城区: no pattern, dashed outline.
    expect(attr(fucheng, 'fill')).not.toMatch(/^url\(/);
    expect(attr(fucheng, 'stroke-dasharray')).toMatch(/\d/);
  });

  it('labels every county by name and has an accessible, escaped title and description', () => {
    const labels = [...svg.matchAll(/<text[^>]*data-code="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => [m[1], m[2]] as const);
    expect(new Map(labels)).toEqual(new Map(geo.features.map((f) => [f.properties.code, f.properties.short_zh])));
    expect(tags('svg')[0]).toContain('role="img"');
    expect(tags('svg')[0]).toContain('aria-labelledby="t-title t-desc"');
    expect(svg).toContain('<title id="t-title">标题 &lt;测试&gt;</title>');
    expect(svg).toContain('<desc id="t-desc">说明</desc>');
  });

  it('draws village points only when given, inside the picture', () => {
    expect(tags('circle')).toHaveLength(0);
    const s = countyMapSvg(geo, { highlighted: new Set(), title: 'x', desc: 'y', points: [{ lon: 104.74, lat: 31.47 }, { lon: 105.0, lat: 31.2 }] });
    const circles = [...s.matchAll(/<circle[^>]*cx="([\d.]+)" cy="([\d.]+)"/g)];
    expect(circles).toHaveLength(2);
    const [, , w, h] = /viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/.exec(s)!.slice(1).map(Number);
    for (const c of circles) {
      expect(Number(c[1])).toBeGreaterThan(0);
      expect(Number(c[1])).toBeLessThan(w);
      expect(Number(c[2])).toBeGreaterThan(0);
      expect(Number(c[2])).toBeLessThan(h);
    }
    // With nothing highlighted, no county is hatched.
    expect(s).not.toContain('fill="url(#county-map-hatch)"');
  });
});

describe('countyLabels', () => {
  it('gives one label per county, most of them inside their own shape', () => {
    const labels = countyLabels(geo);
    expect(labels.map((l) => l.code)).toEqual(geo.features.map((f) => f.properties.code));
    const inside = labels.filter((l) => geoContains(geo.features.find((f) => f.properties.code === l.code)!, [l.lon, l.lat]));
    // A planar centroid can fall outside a crescent-shaped county; the map must still be readable.
    expect(inside.length).toBeGreaterThanOrEqual(8);
  });
});
