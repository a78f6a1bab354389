/** Problems found in the project's inputs (see Problem in src/model.ts) and how they are printed. */
import type { Problem } from '../model.ts';

export type { Problem };

export class DataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} problem(s) in data/:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'DataError';
    this.problems = problems;
  }
}

const letters = (i: number): string => (i <= 0 ? '' : letters(Math.floor((i - 1) / 26)) + String.fromCharCode(65 + ((i - 1) % 26)));

/** `data/x.csv:5:7 (G) column "value" — 不是数字… | not a number… (got "abc")` */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line || null, p.columnIndex ?? null].filter((x) => x !== null).join(':');
  const col = p.column ? ` 列/column "${p.column}"${p.columnIndex ? ` (Excel ${letters(p.columnIndex)})` : ''}` : '';
  const got = p.value !== undefined ? ` — 读到/got "${p.value}"` : '';
  return `${where}${col}: ${p.message}${got}`;
}
