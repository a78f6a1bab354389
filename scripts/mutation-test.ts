// Mutation count for the data tests: single-value changes to data/ that keep every declared
// cross-check (checks.csv) true, and how many of them the checks and the test suite catch.
//
//   npm run test:mutations
//
// For each mutation, in a temp copy of data/:
//  1. build check: the mutated data/ goes through loadDataset() (what check:data and the build
//     run); caught if it is rejected (the second keying in source-transcript.csv sees it);
//  2. test suite: the same change is also made in source-transcript.csv, so the data/ checks
//     cannot see it any more (all declared checks hold: verified), then the data tests run on it
//     (PORTAL_DATA_DIR); caught if they fail. This is the per-figure oracle alone.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv, writeCsv } from '../src/lib/csv.ts';
import { loadDataset } from '../src/loaders/loadDataset.ts';
import { DataError } from '../src/loaders/problems.ts';
import { readProjectFiles } from '../src/loaders/readDataDir.ts';

export interface Mutation { file: string; id: string; column: string; from: string; to: string }

export const MUTATIONS: Mutation[] = [
  { file: 'figures.csv', id: 'income.consumption.products', column: 'value', from: '834', to: '843' },
  { file: 'figures.csv', id: 'income.migrant_workers', column: 'value', from: '83608', to: '83680' },
  { file: 'figures.csv', id: 'income.migrant_workers_vs_2020', column: 'value', from: '102.7', to: '107.2' },
  { file: 'figures.csv', id: 'income.microcredit.new_loans', column: 'value', from: '1134.58', to: '1134.85' },
  { file: 'figures.csv', id: 'income.microcredit.new_loans', column: 'period_label', from: '2021年1–8月', to: '2021年1–9月' },
  { file: 'figures.csv', id: 'funds.bridging_subsidy.obtained', column: 'unit', from: '亿元', to: '万元' },
  { file: 'figures.csv', id: 'monitoring.emergency_fund.used', column: 'value', from: '795', to: '759' },
  { file: 'figures.csv', id: 'monitoring.emergency_fund.beneficiaries', column: 'locator', from: '(一)三', to: '(一)二' },
  { file: 'figures.csv', id: 'survey.cadres', column: 'value', from: '218', to: '281' },
  { file: 'figures.csv', id: 'villages.key.total', column: 'value', from: '94', to: '49' },
  { file: 'figures.csv', id: 'eastwest.visits', column: 'value', from: '129', to: '192' },
  { file: 'figures.csv', id: 'eastwest.enterprises.jobs', column: 'value', from: '320', to: '302' },
  { file: 'east-west-pairings.csv', id: 'eastwest.pairings.schools', column: 'value', from: '45', to: '54' },
  { file: 'monitoring.csv', id: 'monitoring.monitored.all.households', column: 'period_label', from: '截至2021年8月底', to: '截至2021年9月底' },
];

/** CSV text with one cell changed: the row whose `key` column is `id`; throws unless it held `from`. */
export function mutateCsv(text: string, key: string, id: string, column: string, from: string, to: string): string {
  const { header, records } = parseCsv(text);
  const rec = records.find((r) => r.values[key] === id);
  if (!rec || rec.values[column] !== from) throw new Error(`${id}.${column} is not "${from}"`);
  rec.values[column] = to;
  return writeCsv(header, records.map((r) => header.map((h) => r.values[h])));
}

const setCell = (path: string, key: string, id: string, column: string, from: string, to: string) =>
  writeFileSync(path, mutateCsv(readFileSync(path, 'utf8'), key, id, column, from, to));

export function runMutations(root = process.cwd(), log = console.log) {
  let byBuild = 0;
  let bySuite = 0;
  for (const m of MUTATIONS) {
    const dir = mkdtempSync(join(tmpdir(), 'portal-mutant-'));
    try {
      cpSync(join(root, 'data'), dir, { recursive: true });
      setCell(join(dir, m.file), 'id', m.id, m.column, m.from, m.to);
      let build = false;
      try { loadDataset(readProjectFiles(root, { dataDir: dir })); } catch (e) { if (!(e instanceof DataError)) throw e; build = true; }
      // Defeat the second keying: the transcript says the same wrong thing.
      setCell(join(dir, 'source-transcript.csv'), 'figure_id', m.id, m.column, m.from, m.to);
      const d = loadDataset(readProjectFiles(root, { dataDir: dir })); // throws if a declared check broke
      if (!d.checks.every((c) => c.ok)) throw new Error(`${m.id}: a declared check fails; not a valid mutation`);
      const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', 'tests/unit/data/oracle.test.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, PORTAL_DATA_DIR: dir } });
      const suite = r.status !== 0;
      byBuild += Number(build);
      bySuite += Number(suite);
      log(`${suite ? 'caught' : 'MISSED'} by the tests, ${build ? 'caught' : 'MISSED'} by check:data/build — ${m.file} ${m.id} ${m.column}: ${m.from} → ${m.to}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  log(`\n${MUTATIONS.length} single-value mutations, every declared check still true:`);
  log(`  test suite (per-figure oracle, second keying defeated): ${bySuite}/${MUTATIONS.length} caught`);
  log(`  check:data and the build (second keying):               ${byBuild}/${MUTATIONS.length} caught`);
  return { total: MUTATIONS.length, bySuite, byBuild };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = runMutations();
  if (r.bySuite < r.total || r.byBuild < r.total) process.exit(1);
}
