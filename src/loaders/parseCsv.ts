/**
 * Validates one CSV table with its zod schema, keeping the line and column of every cell
 * so that errors point at the exact place to fix. Reading (BOM, CRLF, line numbers) is
 * src/lib/csv.ts, shared with the village and gazetteer scripts.
 */
import type { z } from 'astro/zod';
import { parseCsv as readCsv } from '../lib/csv.ts';
import { msg } from '../schemas/fields.ts';
import type { Problem } from './problems.ts';

export interface Located<T> {
  data: T;
  line: number;
  /** The raw cells by column name, for error messages. */
  raw: Record<string, string>;
}

export interface Parsed<T> {
  rows: Located<T>[];
  columns: string[];
  problems: Problem[];
}

export function parseCsv<T>(text: string, file: string, schema: z.ZodType<T>, expected: readonly string[]): Parsed<T> {
  const problems: Problem[] = [];
  const { header: columns, headerLine, records, errors } = readCsv(text);
  if (columns.length === 0) {
    problems.push({ file, line: 0, message: msg(`文件为空：第一行应为表头：${expected.join(',')}`, `the file is empty: the first line must be the header ${expected.join(',')}`) });
    return { rows: [], columns, problems };
  }
  for (const e of errors) {
    problems.push({ file, line: e.line, message: msg(`CSV 格式错误（${e.message}），请检查引号是否成对`, `malformed CSV (${e.message}); check that quotes are paired`) });
  }
  const index = new Map(columns.map((c, i) => [c, i + 1]));
  for (const c of expected) {
    if (!index.has(c)) problems.push({ file, line: headerLine, column: c, message: msg(`缺少列“${c}”：请在表头加上这一列`, `missing column "${c}": add it to the header`) });
  }
  columns.forEach((c, i) => {
    if (!expected.includes(c)) problems.push({ file, line: headerLine, column: c, columnIndex: i + 1, message: msg(`未知的列“${c}”：请检查拼写，允许的列为 ${expected.join(',')}`, `unknown column "${c}": check the spelling; allowed columns are ${expected.join(',')}`) });
  });
  if (problems.length) return { rows: [], columns, problems };

  const rows: Located<T>[] = [];
  for (const rec of records) {
    if (rec.fieldCount !== columns.length) {
      problems.push({ file, line: rec.line, message: msg(`此行有 ${rec.fieldCount} 个单元格，表头有 ${columns.length} 列：含逗号的内容请加英文双引号`, `this line has ${rec.fieldCount} cells but the header has ${columns.length}; quote any cell containing a comma`) });
      continue;
    }
    const result = schema.safeParse(rec.values);
    if (result.success) {
      rows.push({ data: result.data, line: rec.line, raw: rec.values });
      continue;
    }
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? '');
      problems.push({ file, line: rec.line, column: column || undefined, columnIndex: index.get(column), value: column ? rec.values[column] : undefined, message: issue.message });
    }
  }
  return { rows, columns, problems };
}
