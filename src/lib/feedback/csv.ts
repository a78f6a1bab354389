// CSV for spreadsheet users: UTF-8 with BOM (Excel detects the encoding), CRLF line
// ends, RFC 4180 quoting, and a guard against CSV formula injection (cells starting with
// = + - @, tab or CR get a leading apostrophe so Excel/WPS show them as text).

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, header?: readonly string[]): string {
  const lines = [(header ?? columns).map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
