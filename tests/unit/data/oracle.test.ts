// The real data/ against the per-figure oracle (tests/fixtures/oracle/, transcribed by hand
// from the primary source), joined by id and compared field by field. PORTAL_DATA_DIR points
// the test at another copy of data/ (scripts/mutation-test.ts uses it).
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readProjectFiles } from '../../../src/loaders/readDataDir.ts';
import { compareWithOracle, readOracle } from '../../support/oracle.ts';
import { swapValues } from '../../support/dataCopy.ts';

const dataDir = process.env.PORTAL_DATA_DIR;
const files = () => readProjectFiles(process.cwd(), { dataDir });
const oracle = readOracle();

describe('every figure of the 2021 work report, by id', () => {
  it('the oracle holds the 61 figures the source states, each id once', () => {
    expect(oracle).toHaveLength(61);
    expect(new Set(oracle.map((o) => o.id)).size).toBe(61);
  });

  it('data/ agrees with the oracle on value, unit, locator, period label, source and kind', () => {
    const d = loadDataset(files());
    expect(compareWithOracle(d.byId, oracle)).toEqual([]);
  });
});

describe('a wrong figure that breaks no sum fails the suite', () => {
  // Even if the second keying in data/source-transcript.csv were swapped the same way (so the
  // build would accept it), the oracle catches the swap.
  const swapBoth = (file: string, a: [string, string], b: [string, string]) => {
    const f = files();
    const text = (k: string) => new TextDecoder().decode(f[k]);
    const key = Object.keys(f).find((k) => k.endsWith(`/${file}`) || k === file)!;
    const tr = Object.keys(f).find((k) => k.endsWith('source-transcript.csv'))!;
    const swapped = { ...f, [key]: swapValues(text(key), a[0], a[1], b[0], b[1]) } as Record<string, string | Uint8Array>;
    const lines = text(tr).split('\n');
    const ia = lines.findIndex((l) => l.startsWith(`${a[0]},`));
    const ib = lines.findIndex((l) => l.startsWith(`${b[0]},`));
    [lines[ia], lines[ib]] = [lines[ia].replace(`,${a[1]},`, `,${b[1]},`), lines[ib].replace(`,${b[1]},`, `,${a[1]},`)];
    swapped[tr] = lines.join('\n');
    return loadDataset(swapped);
  };

  it('eliminated persons 1036 (脱贫不稳定户) and 2759 (边缘易致贫户) exchanged: the total 3795 still holds', () => {
    const d = swapBoth('monitoring.csv', ['monitoring.eliminated.unstable.persons', '1036'], ['monitoring.eliminated.marginal.persons', '2759']);
    expect(d.checks.every((c) => c.ok)).toBe(true); // the declared checks cannot see it
    expect(compareWithOracle(d.byId, oracle)).toEqual([
      'monitoring.eliminated.unstable.persons: value is "2759", the source has "1036" (oracle line 17)',
      'monitoring.eliminated.marginal.persons: value is "1036", the source has "2759" (oracle line 19)',
    ]);
  });

  it('5 专馆 and 32 专区 exchanged', () => {
    const d = swapBoth('figures.csv', ['income.consumption.halls', '5'], ['income.consumption.zones', '32']);
    expect(compareWithOracle(d.byId, oracle)).toEqual([
      'income.consumption.halls: value is "32", the source has "5" (oracle line 34)',
      'income.consumption.zones: value is "5", the source has "32" (oracle line 35)',
    ]);
  });
});

