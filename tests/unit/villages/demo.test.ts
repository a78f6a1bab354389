import { DataError } from '../../../src/loaders/problems.ts';
import { describe, it, expect } from 'vitest';
import { geoContains } from 'd3';
import type { CountiesCollection } from '../../../src/lib/geo/simplifyCounties.ts';
import { parseGazetteer } from '../../../src/lib/gazetteer/gazetteer.ts';
import { validateKeyVillages, compareWithPublishedTotal } from '../../../src/lib/villages/index.ts';
import { buildDemoFromRepo } from '../../../scripts/make-demo-villages.ts';
import { read, divisions, realGazetteer } from '../../support/geo.ts';

const DIR = 'examples/demo-villages';
const geo = JSON.parse(read('data/geo/mianyang-counties.geojson')) as CountiesCollection;
const demoGazetteer = parseGazetteer(read(`${DIR}/gazetteer-towns.csv`), read(`${DIR}/gazetteer-villages.csv`));
const rows = validateKeyVillages(read(`${DIR}/key-villages.csv`), `${DIR}/key-villages.csv`, demoGazetteer, divisions());

describe('synthetic demo villages', () => {
  it('has 94 rows over the 8 counties other than 涪城区, matching the published total', () => {
    expect(rows).toHaveLength(94);
    const counties = new Set(rows.map((r) => r.county_code));
    expect(counties.size).toBe(8);
    expect(counties.has('510703')).toBe(false);
    expect(compareWithPublishedTotal(rows, divisions()).status).toBe('matches');
  });

  it('puts every village inside its own county shape', () => {
    const shapes = new Map(geo.features.map((f) => [f.properties.code, f]));
    const outside = rows.filter((r) => !geoContains(shapes.get(r.county_code)!, [r.lon!, r.lat!]));
    expect(outside.map((r) => r.name)).toEqual([]);
    expect(rows.every((r) => r.lon !== null && r.lat !== null)).toBe(true);
  });

  it('is obviously fake: no real gazetteer code, 示例 names, synthetic source — and the real gazetteer rejects it', () => {
    const real = new Set(realGazetteer().villages.map((v) => v.code));
    expect(rows.filter((r) => real.has(r.village_code))).toEqual([]);
    expect(rows.every((r) => /^示例村\d\d$/.test(r.name) && r.source_id === 'DEMO-SYNTHETIC')).toBe(true);
    expect(() => validateKeyVillages(read(`${DIR}/key-villages.csv`), 'demo', realGazetteer(), divisions())).toThrow(DataError);
    expect(read(`${DIR}/README.md`)).toMatch(/虚构[\s\S]*synthetic/);
  });

  it('is reproducible: the committed files equal a fresh seeded run', () => {
    const { out } = buildDemoFromRepo();
    expect(read(`${DIR}/key-villages.csv`)).toBe(out.keyVillagesCsv);
    expect(read(`${DIR}/gazetteer-towns.csv`)).toBe(out.townsCsv);
    expect(read(`${DIR}/gazetteer-villages.csv`)).toBe(out.villagesCsv);
  });
});
