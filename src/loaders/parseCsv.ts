/**
 * Validates one CSV table with its zod schema, keeping the line and column of every cell
 * so that errors point at the exact place to fix. Reading (BOM, CRLF, line numbers) is
 * src/lib/csv.ts.
 *
 * Mistakes people make in Excel get one message each, and a row with such a mistake is not
 * checked further, so one mistake never becomes a page of follow-on errors: a repeated
 * header row, a row with too many or too few cells, a formula cell (=…), full-width digits,
 * a thousands separator in a number column.
 */
import type { z } from 'astro/zod';
import { parseCsv as readCsv } from '../lib/csv.ts';
import { msg } from '../schemas/fields.ts';
import type { Problem } from '../model.ts';

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

const FULL_WIDTH_DIGIT = /[０-９]/;
const NUMBER_LIKE = /^[\s0-9０-９.．,，\-－+＋%％]+$/;
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The one shape problem of a cell, if any. `numeric`: the column holds numbers. */
export function cellProblem(cell: string, numeric: boolean): { zh: string; en: string } | null {
  const v = cell.trim();
  if (v.startsWith('=')) {
    return {
      zh: '单元格是 Excel 公式（以“=”开头）：CSV 只能保存数值，请在 Excel 中复制此列后“选择性粘贴 → 数值”，或直接填写数值',
      en: 'the cell is an Excel formula (starts with "="): a CSV keeps values only; in Excel copy the column and Paste Special → Values, or type the value',
    };
  }
  if (FULL_WIDTH_DIGIT.test(v) && NUMBER_LIKE.test(v)) {
    const half = v.replace(/[０-９．，－＋％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    return {
      zh: `全角数字：请改为半角数字，写作 ${half}（切换到英文输入法输入）`,
      en: `full-width digits: use ASCII digits, i.e. ${half} (type with the English input method)`,
    };
  }
  if (numeric && THOUSANDS.test(v)) {
    return {
      zh: `数字中有千分位逗号：请删去逗号，写作 ${v.replace(/,/g, '')}（在 Excel 中把单元格格式设为“常规”）`,
      en: `the number has a thousands separator: remove the commas, i.e. ${v.replace(/,/g, '')} (set the Excel cell format to General)`,
    };
  }
  return null;
}

/**
 * @param numericColumns columns whose cells are numbers (for the thousands-separator check)
 */
export function parseCsv<T>(text: string, file: string, schema: z.ZodType<T>, expected: readonly string[], numericColumns: ReadonlySet<string> = new Set()): Parsed<T> {
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
    const cells = columns.map((c) => rec.values[c] ?? '');
    if (cells.every((v, i) => v.trim() === columns[i])) {
      problems.push({ file, line: rec.line, message: msg(`第 ${rec.line} 行重复了表头（第 ${headerLine} 行）：删除这一行`, `line ${rec.line} repeats the header (line ${headerLine}): delete this line`) });
      continue;
    }
    if (rec.fieldCount !== columns.length) {
      const zh = rec.fieldCount > columns.length ? '多了' : '少了';
      const en = rec.fieldCount > columns.length ? 'too many' : 'too few';
      problems.push({ file, line: rec.line, message: msg(`此行有 ${rec.fieldCount} 个单元格，表头有 ${columns.length} 列（${zh} ${Math.abs(rec.fieldCount - columns.length)} 个）：含逗号的内容请加英文双引号，并检查是否漏填或多填`, `this line has ${rec.fieldCount} cells but the header has ${columns.length} (${en}): quote any cell containing a comma and check for missing or extra cells`) });
      continue;
    }
    const shapeProblems: Problem[] = [];
    columns.forEach((c, i) => {
      const p = cellProblem(cells[i], numericColumns.has(c));
      if (p) shapeProblems.push({ file, line: rec.line, column: c, columnIndex: i + 1, value: cells[i], message: msg(p.zh, p.en) });
    });
    if (shapeProblems.length) {
      problems.push(...shapeProblems);
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
