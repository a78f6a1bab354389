// Writes synthetic demo data to examples/demo-villages/ (never to data/).
// Usage: npm run build:demo-villages   (add `-- --check` to only verify the committed files)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDivisions } from '../src/lib/divisions.ts';
import { parseGazetteer } from '../src/lib/gazetteer/gazetteer.ts';
import { makeDemoVillages } from '../src/lib/villages/demo.ts';
import { validateKeyVillages, compareWithPublishedTotal } from '../src/lib/villages/validate.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(root, 'examples/demo-villages');
export const DEMO_FILES = {
  keyVillages: resolve(dir, 'key-villages.csv'),
  towns: resolve(dir, 'gazetteer-towns.csv'),
  villages: resolve(dir, 'gazetteer-villages.csv'),
};

export function buildDemoFromRepo() {
  const geo = JSON.parse(readFileSync(resolve(root, 'data/geo/mianyang-counties.geojson'), 'utf8'));
  const divisions = parseDivisions(readFileSync(resolve(root, 'data/divisions.csv'), 'utf8'));
  const out = makeDemoVillages(geo, divisions);
  // Self-check with the real validator against the demo gazetteer.
  const rows = validateKeyVillages(out.keyVillagesCsv, 'examples/demo-villages/key-villages.csv', parseGazetteer(out.townsCsv, out.villagesCsv), divisions);
  return { out, comparison: compareWithPublishedTotal(rows, divisions) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { out, comparison } = buildDemoFromRepo();
  const files: [string, string][] = [
    [DEMO_FILES.keyVillages, out.keyVillagesCsv],
    [DEMO_FILES.towns, out.townsCsv],
    [DEMO_FILES.villages, out.villagesCsv],
  ];
  const summary = comparison.perCounty.map((c) => `${c.name_zh}${c.count}`).join(' ');
  if (process.argv.includes('--check')) {
    const stale = files.filter(([p, t]) => { try { return readFileSync(p, 'utf8') !== t; } catch { return true; } });
    if (stale.length) {
      console.error('✗ examples/demo-villages is stale — run: npm run build:demo-villages');
      process.exit(1);
    }
    console.log(`✓ examples/demo-villages is up to date (${comparison.total} rows: ${summary})`);
  } else {
    mkdirSync(dir, { recursive: true });
    for (const [p, t] of files) writeFileSync(p, t);
    console.log(`✓ wrote examples/demo-villages (${comparison.total} synthetic rows: ${summary}; status ${comparison.status})`);
  }
}
