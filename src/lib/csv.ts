// Small CSV helpers shared by the data scripts and validators.
// Reading: accepts a UTF-8 BOM and CRLF line endings (what Excel writes).
// Writing: UTF-8 without BOM, LF line endings, RFC 4180 quoting only where needed.
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based line number in the file where this record starts (the header is line 1). */
  line: number;
  /** Field values keyed by header name. Missing trailing fields are ''. */
  values: Record<string, string>;
  /** Number of fields actually present on the line. */
  fieldCount: number;
}

export interface ParsedCsv {
  header: string[];
  /** Line of the header (1 unless blank lines come first). */
  headerLine: number;
  records: CsvRecord[];
  /** Malformed CSV (e.g. an unclosed quote), with the line it was found on. */
  errors: { line: number; message: string }[];
}

/** Strip a leading UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parse CSV text with a header row. Blank lines are skipped; every record
 * carries the line number it starts on so validators can point at it.
 */
export function parseCsv(text: string): ParsedCsv {
  const src = stripBom(text);
  // Offsets of every line start, for offset → line number.
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const rows: { fields: string[]; start: number }[] = [];
  const errors: ParsedCsv['errors'] = [];
  let prevCursor = 0;
  Papa.parse<string[]>(src, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const start = prevCursor;
      prevCursor = result.meta.cursor;
      rows.push({ fields: result.data, start });
      for (const e of result.errors) errors.push({ line: lineAt(start), message: e.message });
    },
  });

  // Blank lines (Excel often leaves some at the end) are not records.
  const nonEmpty = rows.filter((r) => !r.fields.every((f) => f.trim() === ''));
  if (nonEmpty.length === 0) return { header: [], headerLine: 1, records: [], errors };
  const header = nonEmpty[0].fields.map((h) => h.trim());
  const records: CsvRecord[] = nonEmpty.slice(1).map((r) => {
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      values[h] = r.fields[i] ?? '';
    });
    // The cursor after a row sits just past its line terminator; the row itself
    // starts at the previous cursor, possibly preceded by skipped blank lines.
    let start = r.start;
    while (start < src.length && (src[start] === '\n' || src[start] === '\r')) start++;
    return { line: lineAt(start), values, fieldCount: r.fields.length };
  });
  return { header, headerLine: lineAt(nonEmpty[0].start), records, errors };
}

/** RFC 4180 quoting: only where a field holds a comma, quote, CR or LF, or starts/ends with a space. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface WriteCsvOptions {
  /** Line ending, also after the last record. Default LF (files in the repository); downloads use CRLF (RFC 4180). */
  eol?: '\n' | '\r\n';
}

/**
 * The one CSV writer: header row, then one record per row; null/undefined is an empty cell.
 * Data files in the repository use the default (LF); downloads pass `eol: '\r\n'`.
 * The header may differ from the keys (e.g. Chinese column titles for spreadsheet users).
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], options: WriteCsvOptions = {}): string {
  const eol = options.eol ?? '\n';
  const lines = [header.map(quoteField).join(',')];
  for (const row of rows) lines.push(row.map((v) => quoteField(v === null || v === undefined ? '' : String(v))).join(','));
  return lines.join(eol) + eol;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Bytes of a CSV file as text, or the reason it cannot be read: not UTF-8 (Excel's default
 * "CSV" on a Chinese system is GBK/GB18030). A string that already went through a lossy
 * UTF-8 decoding is recognised by its replacement characters.
 */
export function decodeCsv(input: string | Uint8Array): { text: string } | { encoding: 'gb18030' | 'unknown' } {
  if (typeof input === 'string') return input.includes('\uFFFD') ? { encoding: 'unknown' } : { text: input };
  try {
    return { text: UTF8.decode(input) };
  } catch {
    try {
      GB18030.decode(input);
      return { encoding: 'gb18030' };
    } catch {
      return { encoding: 'unknown' };
    }
  }
}
