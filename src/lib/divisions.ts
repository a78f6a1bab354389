// data/divisions.csv for the data scripts: the same schema and error messages as the build.
import { parseCsv } from '../loaders/parseCsv.ts';
import { DataError } from '../loaders/problems.ts';
import { divisionsSchema } from '../schemas/tables.ts';
import type { DivisionRow } from '../model.ts';

export type Division = DivisionRow;

export function parseDivisions(csvText: string, fileName = 'data/divisions.csv'): Division[] {
  const r = parseCsv(csvText, fileName, divisionsSchema, Object.keys(divisionsSchema.shape));
  if (r.problems.length) throw new DataError(r.problems);
  return r.rows.map((row) => row.data);
}

/** County-level rows, sorted by code. */
export function countiesOf(divisions: readonly Division[]): Division[] {
  return divisions.filter((d) => d.level === 'county').sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
