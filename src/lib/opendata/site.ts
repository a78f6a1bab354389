/**
 * The catalogue the site serves: built once per build from the bundled dataset, the chart
 * views and the operator's licence settings. Pages and download endpoints import it.
 */
import { data } from '../data.ts';
import { siteConfig } from '../siteConfig.ts';
import { VIEWS } from '../views.ts';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { buildDatasets } from './datasets.ts';

const origin = (import.meta.env.SITE ?? 'http://127.0.0.1:4321').replace(/\/$/, '');

export const catalogue: Catalogue = buildCatalogue(
  buildDatasets(data, VIEWS, data.keyVillages.rows as unknown as Record<string, unknown>[]),
  {
    site: origin,
    portalName: siteConfig.name,
    portalNameEn: siteConfig.nameEn,
    publisher: siteConfig.publisher,
    publisherEn: siteConfig.publisherEn,
    license: siteConfig.dataLicense,
    sources: data.sources,
  },
  data.releases,
);
