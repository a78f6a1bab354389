/**
 * The per-figure oracle: every figure of the primary source, transcribed by hand from the
 * source text (tests/fixtures/oracle/), never from data/. Tests join it to the loaded data by
 * id and compare field by field, so a wrong figure that breaks no sum is still caught.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/lib/csv.ts';
import type { Figure } from '../../src/model.ts';

export interface OracleFigure {
  id: string;
  locator: string;
  /** Value and unit exactly as the source prints them. */
  value: string;
  unit: string;
  period_label: string;
  /** Line in the fixture, for messages. */
  line: number;
}

export const ORACLE_SOURCE = 'mrrb-2021-work-report';
export const ORACLE_FILE = 'tests/fixtures/oracle/mrrb-2021-work-report.csv';

export function readOracle(file = ORACLE_FILE): OracleFigure[] {
  return parseCsv(readFileSync(file, 'utf8')).records.map((r) => ({
    id: r.values.id, locator: r.values.locator, value: r.values.value, unit: r.values.unit, period_label: r.values.period_label, line: r.line,
  }));
}

/** Every disagreement between the oracle and the loaded figures, one line each ("" when none). */
export function compareWithOracle(figures: ReadonlyMap<string, Figure>, oracle: readonly OracleFigure[] = readOracle(), source = ORACLE_SOURCE): string[] {
  const out: string[] = [];
  const ids = new Set(oracle.map((o) => o.id));
  for (const o of oracle) {
    const f = figures.get(o.id);
    if (!f) {
      out.push(`${o.id}: missing from data/ (oracle line ${o.line})`);
      continue;
    }
    const fields: [string, string, string][] = [
      ['value', f.value, o.value],
      ['unit', f.unit, o.unit],
      ['locator', f.locator, o.locator],
      ['period_label', f.period.label, o.period_label],
      ['source_id', f.source_id, source],
      ['kind', f.kind, 'published'],
    ];
    for (const [name, have, want] of fields) if (have !== want) out.push(`${o.id}: ${name} is "${have}", the source has "${want}" (oracle line ${o.line})`);
  }
  for (const f of figures.values()) {
    if (f.source_id === source && f.kind === 'published' && !ids.has(f.id)) out.push(`${f.id}: cites ${source} but the source has no such figure in the oracle`);
  }
  return out;
}
