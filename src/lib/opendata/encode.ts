/**
 * The bytes of every download. One pure function per format, used both by the endpoints
 * that serve the files and by the catalogue that lists their sizes and SHA-256, so the
 * hash on the page is the hash of what is served.
 *
 * CSV: RFC 4180 — comma, CRLF line ends (also after the last record), fields quoted only
 * when they contain a comma, a quote, CR or LF (or begin/end with a space), quotes doubled.
 * Programs get UTF-8 without a byte-order mark; the Excel variant starts with the BOM
 * (EF BB BF) so zh-CN Excel reads it as UTF-8 instead of GBK.
 */
import { createHash } from 'node:crypto';
import { writeCsv } from '../csv.ts';
import type { ColumnDoc } from './columns.ts';
import type { Row } from './datasets.ts';

export const CSV_EOL = '\r\n';
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const utf8 = new TextEncoder();

/** CSV text: header row of column names, then one record per row; empty cell = no value. */
export function csvText(columns: readonly ColumnDoc[], rows: readonly Row[]): string {
  return writeCsv(columns.map((c) => c.name), rows.map((r) => columns.map((c) => r[c.name])), { eol: CSV_EOL });
}

export function csvBytes(columns: readonly ColumnDoc[], rows: readonly Row[], options: { bom?: boolean } = {}): Uint8Array {
  const body = utf8.encode(csvText(columns, rows));
  if (!options.bom) return body;
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM);
  out.set(body, BOM.length);
  return out;
}

/**
 * A cell as a JSON value: number and integer columns become JSON numbers, an empty cell
 * null, anything else the string. A number that a double cannot hold exactly stays a
 * string rather than being silently changed.
 */
export function jsonValue(column: Pick<ColumnDoc, 'type'>, cell: string | null): string | number | boolean | null {
  if (cell === null || cell === '') return null;
  if (column.type === 'number' || column.type === 'integer') {
    const n = Number(cell);
    return Number.isFinite(n) && sameDecimal(String(n), cell) ? n : cell;
  }
  if (column.type === 'boolean') return cell === 'true';
  return cell;
}

/** Whether two decimal strings denote the same number (ignoring trailing zeros). */
function sameDecimal(a: string, b: string): boolean {
  const norm = (s: string) => {
    if (/e/i.test(s)) return s;
    let [i, f = ''] = s.replace(/^-/, '').split('.');
    i = i.replace(/^0+(?=\d)/, '');
    f = f.replace(/0+$/, '');
    const sign = s.startsWith('-') && /[1-9]/.test(i + f) ? '-' : '';
    return `${sign}${i}${f ? '.' + f : ''}`;
  };
  return norm(a) === norm(b);
}

/** JSON: an array of row objects, keys in column order, two-space indented, final newline. */
export function jsonBytes(columns: readonly ColumnDoc[], rows: readonly Row[]): Uint8Array {
  const objects = rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, jsonValue(c, r[c.name] ?? null)])));
  return utf8.encode(JSON.stringify(objects, null, 2) + '\n');
}

export const textBytes = (s: string): Uint8Array => utf8.encode(s);

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
