// The county map drawn at build time as an SVG string (d3-geo), so the page shows the
// boundaries without any script. The Leaflet map reuses the label points computed here, so
// both maps put each name in the same place.
//
// Counties with key villages are told apart from the others without relying on colour:
// they are hatched with a solid outline; the others are plain with a dashed outline.
import { geoMercator, geoPath } from 'd3';
import type { CountiesCollection } from './simplifyCounties.ts';

export interface CountySvgPoint {
  lon: number;
  lat: number;
}

export interface CountySvgOptions {
  /** County codes drawn as "has key villages" (hatched, solid outline). */
  highlighted: ReadonlySet<string>;
  /** Accessible name of the image. */
  title: string;
  /** Longer description (what is hatched, that the table has the same information). */
  desc: string;
  /** Prefix for ids inside the SVG, so two maps on one page do not clash. */
  idPrefix?: string;
  /** viewBox width; the height follows the shape. */
  width?: number;
  padding?: number;
  /** Optional village points (known coordinates). */
  points?: readonly CountySvgPoint[];
}

export interface CountyLabel {
  code: string;
  name: string;
  /** Where the label sits, in degrees (the inverse of the SVG position). */
  lon: number;
  lat: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (n: number) => Math.round(n * 10) / 10;

/** The hatch used for counties with key villages; also injected for the Leaflet map. */
export function hatchPattern(id: string): string {
  return (
    `<pattern id="${esc(id)}" patternUnits="userSpaceOnUse" width="9" height="9" patternTransform="rotate(45)">` +
    `<rect width="9" height="9" fill="#e3edf7"/><line x1="0" y1="0" x2="0" y2="9" stroke="#0b4f8a" stroke-width="3"/></pattern>`
  );
}

function projectionFor(geo: CountiesCollection, width: number, padding: number) {
  const projection = geoMercator().fitWidth(width - 2 * padding, geo);
  const [[, y0], [, y1]] = geoPath(projection).bounds(geo);
  const height = Math.ceil(y1 - y0 + 2 * padding);
  projection.fitExtent([[padding, padding], [width - padding, height - padding]], geo);
  return { projection, height };
}

/** Label points: the planar centroid of each shape on the map, as lon/lat. */
export function countyLabels(geo: CountiesCollection, width = 600, padding = 12): CountyLabel[] {
  const { projection } = projectionFor(geo, width, padding);
  const path = geoPath(projection);
  return geo.features.map((f) => {
    const [lon, lat] = projection.invert!(path.centroid(f))!;
    return { code: f.properties.code, name: f.properties.short_zh, lon: Math.round(lon * 1e4) / 1e4, lat: Math.round(lat * 1e4) / 1e4 };
  });
}

/** Pure: the county map as an SVG string with a title, a description, one path per county and labels. */
export function countyMapSvg(geo: CountiesCollection, options: CountySvgOptions): string {
  const width = options.width ?? 600;
  const padding = options.padding ?? 12;
  const p = options.idPrefix ?? 'county-map';
  const { projection, height } = projectionFor(geo, width, padding);
  const path = geoPath(projection);
  const hatch = `${p}-hatch`;

  const shapes = geo.features.map((f) => {
    const has = options.highlighted.has(f.properties.code);
    const d = path.digits(1)(f) ?? '';
    return has
      ? `<path class="county has-key-villages" data-code="${esc(f.properties.code)}" d="${d}" fill="url(#${hatch})" stroke="#0b4f8a" stroke-width="2"/>`
      : `<path class="county no-key-villages" data-code="${esc(f.properties.code)}" d="${d}" fill="#ffffff" stroke="#4a4a4a" stroke-width="2" stroke-dasharray="7 5"/>`;
  });
  const points = (options.points ?? []).map((pt) => {
    const xy = projection([pt.lon, pt.lat]);
    return xy ? `<circle class="village" cx="${r1(xy[0])}" cy="${r1(xy[1])}" r="4.5" fill="#b10e1e" stroke="#ffffff" stroke-width="1.5"/>` : '';
  });
  const labels = geo.features.map((f) => {
    const [x, y] = path.centroid(f);
    return `<text class="county-label" data-code="${esc(f.properties.code)}" x="${r1(x)}" y="${r1(y)}">${esc(f.properties.short_zh)}</text>`;
  });

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="county-map-svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${p}-title ${p}-desc">` +
    `<title id="${p}-title">${esc(options.title)}</title><desc id="${p}-desc">${esc(options.desc)}</desc>` +
    `<defs>${hatchPattern(hatch)}</defs>` +
    `<g class="counties">${shapes.join('')}</g>` +
    (points.length ? `<g class="villages">${points.join('')}</g>` : '') +
    `<g class="labels" font-size="20" font-weight="700" text-anchor="middle" dominant-baseline="middle" fill="#1b1b1b" stroke="#ffffff" stroke-width="5" stroke-linejoin="round" paint-order="stroke">${labels.join('')}</g>` +
    `</svg>`
  );
}
