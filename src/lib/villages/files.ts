// Which files hold the key-village list, and how to read them into validated rows.
//
// One function serves the build check (src/integrations/dataCheck.ts) and the page, so the
// page can only ever show rows the build has accepted. The real list and the synthetic demo
// list live in different places; the choice is made by the `demo` flag (PORTAL_DEMO=1), and
// the page reads the files from disk at build time, so the default build's output never
// contains a demo row (an import.meta.glob of both would bundle both).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../csv.ts';
import type { Division } from '../divisions.ts';
import { parseGazetteer } from '../gazetteer/gazetteer.ts';
import type { Problem } from '../../loaders/problems.ts';
import { DEMO_SOURCE_ID } from './demo.ts';
import { KEY_VILLAGE_PLAN, type KeyVillage } from './schema.ts';
import { compareWithPublishedTotal, KeyVillageValidationError, validateKeyVillages, type CountComparison } from './validate.ts';

export interface KeyVillageFiles {
  /** The key-village list, relative to the project root. */
  list: string;
  /** The gazetteer it is checked against. */
  towns: string;
  villages: string;
}

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
};

export const keyVillageFiles = (demo: boolean): KeyVillageFiles => (demo ? DEMO_FILES : REAL_FILES);

export interface KeyVillageList {
  files: KeyVillageFiles;
  rows: KeyVillage[];
  /** Per-county counts against the published total; `status: 'empty'` for a header-only file. */
  comparison: CountComparison;
}

export interface LoadKeyVillagesInput {
  files: KeyVillageFiles;
  texts: { list: string; towns: string; villages: string };
  divisions: readonly Division[];
  /** Source ids registered in data/sources.csv. */
  sourceIds: Iterable<string>;
  /** The published total (figure villages.key.total). */
  publishedTotal: number;
  demo: boolean;
}

/** Pure: validate the list against the gazetteer, divisions and source register. Throws KeyVillageValidationError. */
export function loadKeyVillages(input: LoadKeyVillagesInput): KeyVillageList {
  const gazetteer = parseGazetteer(input.texts.towns, input.texts.villages);
  const known = new Set(input.sourceIds);
  // Demo rows cite a synthetic source that must never be registered in data/sources.csv.
  if (input.demo) known.add(DEMO_SOURCE_ID);
  const rows = validateKeyVillages(input.texts.list, input.files.list, gazetteer, input.divisions, { knownSourceIds: known });
  const comparison = compareWithPublishedTotal(rows, input.divisions, {
    publishedTotal: input.publishedTotal,
    excludedCountyCode: KEY_VILLAGE_PLAN.excludedCountyCode,
  });
  return { files: input.files, rows, comparison };
}

/** Reads the chosen files under `root` and validates them. */
export function readKeyVillages(root: string, demo: boolean, rest: Omit<LoadKeyVillagesInput, 'files' | 'texts' | 'demo'>): KeyVillageList {
  const files = keyVillageFiles(demo);
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  return loadKeyVillages({ ...rest, demo, files, texts: { list: read(files.list), towns: read(files.towns), villages: read(files.villages) } });
}

/**
 * The validator's problems in the data check's format (file:line:column, Excel letter, value,
 * problem and fix), so a bad village row reads like any other bad cell.
 */
export function asDataProblems(e: KeyVillageValidationError, listText: string): Problem[] {
  const header = parseCsv(listText).header;
  return e.problems.map((p) => {
    const i = header.indexOf(p.column);
    return {
      file: p.file,
      line: p.line,
      column: p.column,
      columnIndex: i >= 0 ? i + 1 : undefined,
      value: p.got,
      message: `${p.problem} — 改法/fix: ${p.fix}`,
    };
  });
}
