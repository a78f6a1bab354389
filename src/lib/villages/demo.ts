// Synthetic demo data for the key-villages map. NEVER written into data/.
//
// Honesty rule: demo villages must not look like real ones. They use
//  - obviously fake names (示例村01 … 示例村94, town 示例镇（<county>）),
//  - codes in a town slot that does not exist in the NBS scheme (town digits "999"),
//  - a separate demo gazetteer (examples/demo-villages/gazetteer-*.csv), so they pass the
//    real validator without ever being added to data/gazetteer,
//  - source_id DEMO-SYNTHETIC.
import { geoContains } from 'd3';
import { writeCsv } from '../csv.ts';
import { countiesOf, type Division } from '../divisions.ts';
import { serializeTowns, serializeVillages, type Town, type Village } from '../gazetteer/gazetteer.ts';
import type { CountiesCollection, CountyFeature } from '../geo/simplifyCounties.ts';
import { KEY_VILLAGE_CATEGORIES, KEY_VILLAGE_COLUMNS, KEY_VILLAGE_PLAN } from './schema.ts';

export const DEMO_TOWN_DIGITS = '999';
export const DEMO_SOURCE_ID = 'DEMO-SYNTHETIC';
export const DEMO_SEED = 20240601;

/** mulberry32: tiny deterministic PRNG, returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bounds(f: CountyFeature): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const p of polys) for (const [x, y] of p[0]) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

export interface DemoOutput {
  keyVillagesCsv: string;
  townsCsv: string;
  villagesCsv: string;
}

/**
 * 94 synthetic villages over the 8 counties other than 涪城区, each placed at a random
 * point at least `margin` degrees inside its county's (simplified) shape.
 */
export function makeDemoVillages(
  geo: CountiesCollection,
  divisions: readonly Division[],
  options: { seed?: number; total?: number; margin?: number } = {},
): DemoOutput {
  const rand = mulberry32(options.seed ?? DEMO_SEED);
  const total = options.total ?? KEY_VILLAGE_PLAN.publishedTotal;
  const margin = options.margin ?? 0.01;
  const counties = countiesOf(divisions).filter((c) => c.code !== KEY_VILLAGE_PLAN.excludedCountyCode);
  const shapes = new Map(geo.features.map((f) => [f.properties.code, f]));

  // Even split, remainder to randomly chosen counties.
  const per = new Map(counties.map((c) => [c.code, Math.floor(total / counties.length)]));
  const order = [...counties];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let i = 0; i < total % counties.length; i++) per.set(order[i].code, per.get(order[i].code)! + 1);

  const towns: Town[] = [];
  const villages: Village[] = [];
  const rows: string[][] = [];
  let n = 0;
  for (const c of counties) {
    const shape = shapes.get(c.code);
    if (!shape) throw new Error(`no shape for county ${c.code} ${c.name_zh}`);
    const [w, s, e, nn] = bounds(shape);
    const townCode = c.code + DEMO_TOWN_DIGITS;
    const townName = `示例镇（${c.short_zh}）`;
    towns.push({ code: townCode, name: townName, county_code: c.code });
    for (let k = 1; k <= per.get(c.code)!; k++) {
      n++;
      let lon = 0, lat = 0;
      for (let tries = 0; ; tries++) {
        if (tries > 10000) throw new Error(`could not place a point inside ${c.name_zh}`);
        lon = Math.round((w + rand() * (e - w)) * 1e4) / 1e4;
        lat = Math.round((s + rand() * (nn - s)) * 1e4) / 1e4;
        const ok = [[0, 0], [margin, 0], [-margin, 0], [0, margin], [0, -margin]].every(([dx, dy]) =>
          geoContains(shape, [lon + dx, lat + dy]),
        );
        if (ok) break;
      }
      const code = `${townCode}${String(k).padStart(3, '0')}`;
      const name = `示例村${String(n).padStart(2, '0')}`;
      villages.push({ code, name, town_code: townCode, county_code: c.code });
      const cats = KEY_VILLAGE_CATEGORIES.filter(() => rand() < 0.25);
      if (cats.length === 0) cats.push(KEY_VILLAGE_CATEGORIES[Math.floor(rand() * KEY_VILLAGE_CATEGORIES.length)]);
      rows.push([code, name, townName, c.code, cats.join(';'), lon.toFixed(4), lat.toFixed(4), DEMO_SOURCE_ID, '虚构示例数据，非真实村庄 / synthetic demo row, not a real village']);
    }
  }
  return {
    keyVillagesCsv: writeCsv(KEY_VILLAGE_COLUMNS, rows),
    townsCsv: serializeTowns(towns),
    villagesCsv: serializeVillages(villages),
  };
}
