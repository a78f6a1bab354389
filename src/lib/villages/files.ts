// Which files hold the key-village list, and how to turn their texts into validated rows.
//
// The one data loader (src/loaders/loadDataset.ts) calls loadKeyVillages, so the build check,
// check:data, the page and the downloads all see the same validated rows. The real list and
// the synthetic demo list live in different places; the `demo` flag (PORTAL_DEMO=1) chooses,
// and only the chosen files are read, so the default build never contains a demo row.
import type { Division } from '../divisions.ts';
import { parseGazetteer } from '../gazetteer/gazetteer.ts';
import type { KeyVillageFiles, KeyVillageList } from '../../model.ts';
import { KEY_VILLAGE_PLAN } from './schema.ts';
import { compareWithPublishedTotal, validateKeyVillages } from './validate.ts';

export type { KeyVillageFiles, KeyVillageList };

export const REAL_FILES: KeyVillageFiles = {
  list: 'data/key-villages.csv',
  towns: 'data/gazetteer/mianyang-towns.csv',
  villages: 'data/gazetteer/mianyang-villages.csv',
};

/** Synthetic villages with their own gazetteer (codes with town digits 999): never in data/. */
export const DEMO_FILES: KeyVillageFiles = {
  list: 'examples/demo-villages/key-villages.csv',
  towns: 'examples/demo-villages/gazetteer-towns.csv',
  villages: 'examples/demo-villages/gazetteer-villages.csv',
  // The synthetic source the demo rows cite: registered here, never in data/sources.csv, so
  // a demo row outside a demo build is rejected and the default build holds no demo string.
  sources: 'examples/demo-villages/sources.csv',
};

export const keyVillageFiles = (demo: boolean): KeyVillageFiles => (demo ? DEMO_FILES : REAL_FILES);

export interface LoadKeyVillagesInput {
  files: KeyVillageFiles;
  /** The list's text; the gazetteer's texts are read only when the list has rows. */
  texts: { list: string; towns: () => string; villages: () => string };
  divisions: readonly Division[];
  /** Source ids registered in data/sources.csv (plus, in a demo build, the demo's own sources.csv). */
  sourceIds: Iterable<string>;
  /** The published total (figure villages.key.total). */
  publishedTotal: number;
  demo: boolean;
}

/** Pure: validate the list against the gazetteer, divisions and source register. Throws DataError. */
export function loadKeyVillages(input: LoadKeyVillagesInput): KeyVillageList {
  const known = new Set(input.sourceIds);
  const hasRows = input.texts.list.trim().split(/\r?\n/).length > 1;
  const gazetteer = hasRows ? parseGazetteer(input.texts.towns(), input.texts.villages()) : { counties: [], towns: [], villages: [] };
  const rows = validateKeyVillages(input.texts.list, input.files.list, gazetteer, input.divisions, { knownSourceIds: known });
  const comparison = compareWithPublishedTotal(rows, input.divisions, {
    publishedTotal: input.publishedTotal,
    excludedCountyCode: KEY_VILLAGE_PLAN.excludedCountyCode,
  });
  return { files: input.files, rows, comparison };
}
