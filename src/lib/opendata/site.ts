/**
 * The catalogue the site serves: built once per build from the bundled dataset, the chart
 * views and the operator's licence settings. Pages and download endpoints import it.
 */
import { data } from '../data.ts';
import { siteConfig } from '../siteConfig.ts';
import { VIEWS } from '../views.ts';
import { parseGazetteer } from '../gazetteer/gazetteer.ts';
import { validateKeyVillages } from '../villages/validate.ts';
import type { Division } from '../divisions.ts';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { buildDatasets } from './datasets.ts';

const raw = import.meta.glob(['/data/key-villages.csv', '/data/gazetteer/*.csv'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Validated key-village rows (none until the list is published; a bad row fails the build). */
function keyVillages() {
  const csv = raw['/data/key-villages.csv'] ?? '';
  if (csv.trim().split(/\r?\n/).length < 2) return [];
  const gazetteer = parseGazetteer(raw['/data/gazetteer/mianyang-towns.csv'], raw['/data/gazetteer/mianyang-villages.csv']);
  const divisions: Division[] = data.divisions;
  return validateKeyVillages(csv, 'data/key-villages.csv', gazetteer, divisions, { knownSourceIds: new Set(data.sources.map((s) => s.id)) });
}

const origin = (import.meta.env.SITE ?? 'http://127.0.0.1:4321').replace(/\/$/, '');

export const catalogue: Catalogue = buildCatalogue(
  buildDatasets(data, VIEWS, keyVillages() as unknown as Record<string, unknown>[]),
  {
    site: origin,
    portalName: siteConfig.name,
    portalNameEn: siteConfig.nameEn,
    publisher: siteConfig.publisher,
    publisherEn: siteConfig.publisherEn,
    license: siteConfig.dataLicense,
    sources: data.sources,
  },
  data.changelog,
);
