// Every single-value mutation of scripts/mutation-test.ts (each keeps all declared checks
// true) is caught twice: by check:data/the build (second keying), and — with the second
// keying made to agree with the mutation — by the per-figure oracle. `npm run
// test:mutations` runs the same list against the real test files and prints the count.
import { describe, expect, it } from 'vitest';
import { MUTATIONS, mutateCsv } from '../../../scripts/mutation-test.ts';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { DataError } from '../../../src/loaders/problems.ts';
import { readProjectFiles } from '../../../src/loaders/readDataDir.ts';
import { compareWithOracle } from '../../support/oracle.ts';

const base = readProjectFiles();
const text = (k: string) => new TextDecoder().decode(base[k]);

describe.each(MUTATIONS)('$file $id $column: $from → $to', (m) => {
  const mutated = { ...base, [`data/${m.file}`]: mutateCsv(text(`data/${m.file}`), 'id', m.id, m.column, m.from, m.to) } as Record<string, string | Uint8Array>;

  it('check:data and the build reject it', () => {
    expect(() => loadDataset(mutated)).toThrow(DataError);
  });

  it('with the second keying agreeing, every declared check holds and the oracle still catches it', () => {
    const both = { ...mutated, 'data/source-transcript.csv': mutateCsv(text('data/source-transcript.csv'), 'figure_id', m.id, m.column, m.from, m.to) };
    const d = loadDataset(both);
    expect(d.checks.every((c) => c.ok)).toBe(true);
    expect(compareWithOracle(d.byId)).toEqual([expect.stringContaining(`${m.id}: ${m.column} is "${m.to}", the source has "${m.from}"`)]);
  });
});
