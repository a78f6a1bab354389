/**
 * Loads every table in data/, validates each row, then the relations between tables:
 * units, sources and area codes exist; ids are unique across tables; derived figures are
 * computed from their formulas with exact arithmetic; every cross-check holds.
 * Any problem stops the build with its file, line, column and fix (DataError).
 *
 * It takes file texts, not paths, so the same code runs in Astro (import.meta.glob),
 * in scripts and in tests.
 */
import { z } from 'astro/zod';
import type { Rational } from '../lib/decimal.ts';
import { div, isTerminating, mul, parseDecimal, toDecimalString, toFixed } from '../lib/decimal.ts';
import { evaluate, holds, parseCheck, parseFormula, references, render, SHOWN_COMPARISON, type CheckExpr, type Expr } from '../lib/expression.ts';
import { msg } from '../schemas/fields.ts';
import type { PeriodType, Topic } from '../schemas/figure.ts';
import { TABLES, type ChangelogRow, type CheckRow, type CountyPairRow, type DivisionRow, type SourceRow, type UnitRow } from '../schemas/tables.ts';
import { parseCsv, type Located } from './parseCsv.ts';
import { DataError, type Problem } from './problems.ts';

export interface Figure {
  id: string;
  /** Table (dataset) the row comes from. */
  table: string;
  topic: Topic;
  label_zh: string;
  label_en: string;
  /** As published; for a derived figure, computed (rounded to `decimals` where it does not end). */
  value: string;
  unit: string;
  /** The value in the base unit, exact (or rounded like `value` for a non-ending share). */
  base_value: string;
  base_unit: string;
  unit_kind: 'count' | 'money' | 'percent';
  period: { type: PeriodType; start: string | null; end: string | null; label: string };
  area_code: string;
  source_id: string;
  locator: string;
  kind: 'published' | 'derived';
  formula: string | null;
  /** The formula with each id replaced by its value, e.g. "795 ÷ 2214 × 100". */
  formula_shown: string | null;
  decimals: number | null;
  note_zh: string | null;
  /** The table's own dimension columns (category, status, measure, pair_type …). */
  dims: Record<string, string>;
  /** Exact value in base units, for arithmetic. */
  exact: Rational;
  file: string;
  line: number;
}

export interface CheckResult {
  id: string;
  label_zh: string;
  label_en: string;
  expression: string;
  /** The check with values filled in: "134 + 195 + 112 = 441". */
  shown: string;
  ok: boolean;
  figure_ids: string[];
}

export interface Dataset {
  figures: Figure[];
  byId: ReadonlyMap<string, Figure>;
  sources: SourceRow[];
  divisions: DivisionRow[];
  units: UnitRow[];
  countyPairs: CountyPairRow[];
  /** Data changes, newest first. */
  changelog: ChangelogRow[];
  checks: CheckResult[];
  /** Validated rows of every table, as in the CSV, for downloads. */
  tables: Record<string, Record<string, unknown>[]>;
}

const FIGURE_COLUMNS = new Set(['id', 'topic', 'label_zh', 'label_en', 'value', 'unit', 'period_type', 'period_start', 'period_end', 'period_label', 'area_code', 'source_id', 'locator', 'kind', 'formula', 'decimals', 'note_zh']);

/** `files` maps a path ending in the table's file name (e.g. "data/figures.csv") to its text. */
export function loadDataset(files: Record<string, string>): Dataset {
  const problems: Problem[] = [];
  const byName = new Map(Object.entries(files).map(([path, text]) => [path.split('/').pop()!, { path, text }]));
  const parsed: Record<string, Located<Record<string, unknown>>[]> = {};
  const fileOf: Record<string, string> = {};

  for (const t of TABLES) {
    const f = byName.get(t.file);
    const file = f?.path ?? `data/${t.file}`;
    fileOf[t.id] = file;
    if (!f) {
      problems.push({ file, line: 0, message: msg('缺少此文件：请从版本库恢复', 'this file is missing: restore it from the repository') });
      parsed[t.id] = [];
      continue;
    }
    const shape = (t.schema as unknown as z.ZodObject<z.ZodRawShape>).shape ?? innerShape(t.schema);
    const res = parseCsv(f.text, file, t.schema as z.ZodType<Record<string, unknown>>, Object.keys(shape));
    problems.push(...res.problems);
    parsed[t.id] = res.rows;
  }

  // Row-level problems first: relations between tables are only checked on clean rows,
  // so one typo does not cascade into a page of follow-on errors.
  if (problems.length) throw new DataError(problems);

  const at = (table: string, row: Located<unknown>, column: string, message: string): Problem => ({
    file: fileOf[table], line: row.line, column, value: row.raw[column], message,
    columnIndex: Object.keys(row.raw).indexOf(column) + 1 || undefined,
  });

  // Keys unique within each table.
  for (const t of TABLES) {
    const seen = new Map<string, number>();
    for (const row of parsed[t.id]) {
      const key = String(row.data[t.key]);
      if (seen.has(key)) problems.push(at(t.id, row, t.key, msg(`编号“${key}”重复（第 ${seen.get(key)} 行已使用）：每行编号必须唯一`, `duplicate id "${key}" (already used on line ${seen.get(key)}): ids must be unique`)));
      else seen.set(key, row.line);
    }
  }

  const rowsOf = <T>(id: string) => parsed[id].map((r) => r.data as T);
  const units = new Map(rowsOf<UnitRow>('units').map((u) => [u.unit, u]));
  const sources = new Map(rowsOf<SourceRow>('sources').map((s) => [s.id, s]));
  const divisions = new Map(rowsOf<DivisionRow>('divisions').map((d) => [d.code, d]));

  // Figure rows from every figure table.
  interface Pending { figure: Omit<Figure, 'value' | 'base_value' | 'exact' | 'formula_shown'> & { value: string | null }; row: Located<Record<string, unknown>>; table: string; expr?: Expr }
  const pending: Pending[] = [];
  const figureIds = new Map<string, string>();
  for (const t of TABLES.filter((t) => t.figures)) {
    for (const row of parsed[t.id]) {
      const d = row.data as Record<string, any>;
      const where = `${fileOf[t.id]}:${row.line}`;
      if (figureIds.has(d.id) && figureIds.get(d.id) !== where) {
        problems.push(at(t.id, row, 'id', msg(`编号“${d.id}”已在 ${figureIds.get(d.id)} 使用：数字编号在所有表中必须唯一`, `id "${d.id}" is already used at ${figureIds.get(d.id)}: figure ids are unique across tables`)));
        continue;
      }
      figureIds.set(d.id, where);
      const unit = units.get(d.unit);
      if (!unit) problems.push(at(t.id, row, 'unit', msg(`未知单位“${d.unit}”：请使用 units.csv 中的单位（${[...units.keys()].join('、')}），或先在 units.csv 中增加此单位及换算系数`, `unknown unit "${d.unit}": use a unit listed in units.csv (${[...units.keys()].join(', ')}) or add it there with its factor`)));
      if (!sources.has(d.source_id)) problems.push(at(t.id, row, 'source_id', msg(`未知来源“${d.source_id}”：请填写 sources.csv 中已有的来源编号（${[...sources.keys()].join('、')}），或先在 sources.csv 中登记来源`, `unknown source "${d.source_id}": use an id from sources.csv (${[...sources.keys()].join(', ')}) or register the source there first`)));
      if (!divisions.has(d.area_code)) problems.push(at(t.id, row, 'area_code', msg(`未知行政区划代码“${d.area_code}”：请使用 divisions.csv 中的代码（绵阳市为 510700）`, `unknown area code "${d.area_code}": use a code from divisions.csv (510700 for Mianyang)`)));
      let expr: Expr | undefined;
      if (d.formula) {
        try { expr = parseFormula(d.formula); }
        catch (e) { problems.push(at(t.id, row, 'formula', msg(`公式无法解析（${(e as Error).message}）：只可使用数字编号、数字、+ - * / 和括号`, `the formula cannot be read (${(e as Error).message}): use figure ids, numbers, + - * / and parentheses`))); }
      }
      const dims = Object.fromEntries(Object.entries(d).filter(([k]) => !FIGURE_COLUMNS.has(k)).map(([k, v]) => [k, String(v)]));
      pending.push({
        table: t.id, row, expr,
        figure: {
          id: d.id, table: t.id, topic: (d.topic ?? ('topic' in t ? t.topic : undefined)) as Topic,
          label_zh: d.label_zh, label_en: d.label_en, value: d.value, unit: d.unit,
          base_unit: unit?.base_unit ?? d.unit, unit_kind: (unit?.kind ?? 'count') as Figure['unit_kind'],
          period: { type: d.period_type, start: d.period_start, end: d.period_end, label: d.period_label },
          area_code: d.area_code, source_id: d.source_id, locator: d.locator, kind: d.kind,
          formula: d.formula, decimals: d.decimals, note_zh: d.note_zh, dims, file: fileOf[t.id], line: row.line,
        },
      });
    }
  }

  // Compute base values; derived ones in dependency order.
  const byIdPending = new Map(pending.map((p) => [p.figure.id, p]));
  const exact = new Map<string, Rational>();
  const figures = new Map<string, Figure>();
  const factor = (u: string) => parseDecimal(units.get(u)?.factor ?? '1');
  const visiting = new Set<string>();
  const resolve = (id: string, from: Pending): Rational | undefined => {
    if (exact.has(id)) return exact.get(id);
    const p = byIdPending.get(id);
    if (!p) {
      problems.push(at(from.table, from.row, 'formula', msg(`公式引用了不存在的数字编号“${id}”`, `the formula refers to an unknown figure id "${id}"`)));
      return undefined;
    }
    if (visiting.has(id)) {
      problems.push(at(p.table, p.row, 'formula', msg('公式循环引用了自身', 'the formula refers back to itself')));
      return undefined;
    }
    visiting.add(id);
    let base: Rational | undefined;
    if (p.figure.kind === 'published' && p.figure.value !== null) {
      base = mul(parseDecimal(p.figure.value), factor(p.figure.unit));
    } else if (p.expr) {
      const deps = references(p.expr).map((r) => [r, resolve(r, p)] as const);
      if (deps.every(([, v]) => v)) {
        const values = new Map(deps as [string, Rational][]);
        try { base = evaluate(p.expr, (r) => values.get(r)!); }
        catch { problems.push(at(p.table, p.row, 'formula', msg('公式中出现除以零', 'the formula divides by zero'))); }
      }
    }
    visiting.delete(id);
    if (!base) return undefined;
    exact.set(id, base);
    const inUnit = div(base, factor(p.figure.unit));
    let value: string;
    if (isTerminating(inUnit) && p.figure.decimals === null) value = toDecimalString(inUnit);
    else if (p.figure.decimals !== null) value = toFixed(inUnit, p.figure.decimals);
    else {
      problems.push(at(p.table, p.row, 'decimals', msg('此推算数不能整除：请在 decimals 列写明保留几位小数', 'this derived value does not end: state the decimals to show it with')));
      return base;
    }
    const baseValue = isTerminating(base) && p.figure.decimals === null ? toDecimalString(base) : toFixed(base, p.figure.decimals ?? 0);
    figures.set(id, { ...p.figure, value, base_value: baseValue, exact: base, formula_shown: null });
    return base;
  };
  for (const p of pending) resolve(p.figure.id, p);

  const shownValue = (id: string) => figures.get(id)?.value ?? '?';
  for (const f of figures.values()) {
    if (f.formula) f.formula_shown = render(parseFormula(f.formula), shownValue);
  }

  // Cross-checks.
  const checks: CheckResult[] = [];
  for (const row of parsed.checks) {
    const c = row.data as CheckRow;
    let expr: CheckExpr;
    try { expr = parseCheck(c.expression); }
    catch (e) { problems.push(at('checks', row, 'expression', msg(`核对式无法解析（${(e as Error).message}）`, `the check cannot be read (${(e as Error).message})`))); continue; }
    const ids = [...references(expr.left), ...references(expr.right)];
    const missing = ids.filter((id) => !figures.has(id));
    if (missing.length) {
      const unknown = missing.filter((id) => !byIdPending.has(id));
      if (unknown.length) problems.push(at('checks', row, 'expression', msg(`核对式引用了不存在的数字编号：${unknown.join('、')}`, `the check refers to unknown figure ids: ${unknown.join(', ')}`)));
      continue;
    }
    const unitsUsed = new Set(ids.map((id) => figures.get(id)!.unit));
    const show = (id: string) => (unitsUsed.size > 1 ? `${figures.get(id)!.value}${figures.get(id)!.unit}` : figures.get(id)!.value);
    const ok = holds(expr, (id) => exact.get(id)!);
    const shown = `${render(expr.left, show)} ${SHOWN_COMPARISON[expr.op]} ${render(expr.right, show)}`;
    checks.push({ id: c.id, label_zh: c.label_zh, label_en: c.label_en, expression: c.expression, shown, ok, figure_ids: ids });
    if (!ok) problems.push(at('checks', row, 'expression', msg(`核对未通过：${shown} 不成立。请核对相关数字是否录入有误（${ids.join('、')}）`, `cross-check failed: ${shown} does not hold. Check the figures involved for typing errors (${ids.join(', ')})`)));
  }

  // County pairs refer to sources and divisions.
  for (const row of parsed['county-pairs']) {
    const p = row.data as CountyPairRow;
    if (!divisions.has(p.mianyang_county_code)) problems.push(at('county-pairs', row, 'mianyang_county_code', msg('未知的绵阳县级行政区代码：请使用 divisions.csv 中的代码', 'unknown Mianyang county code: use a code from divisions.csv')));
    for (const s of p.source_ids.split(';').map((x) => x.trim())) {
      if (!sources.has(s)) problems.push(at('county-pairs', row, 'source_ids', msg(`未知来源“${s}”：请先在 sources.csv 中登记`, `unknown source "${s}": register it in sources.csv first`)));
    }
  }

  const tableIds = new Set<string>(TABLES.map((t) => t.id));
  for (const row of parsed.changelog) {
    for (const t of String(row.data.tables).split(';').map((x) => x.trim())) {
      if (!tableIds.has(t)) problems.push(at('changelog', row, 'tables', msg(`未知的表“${t}”：请使用 ${[...tableIds].join('、')}`, `unknown table "${t}": use ${[...tableIds].join(', ')}`)));
    }
  }

  if (problems.length) throw new DataError(problems);

  const ordered = pending.map((p) => figures.get(p.figure.id)!);
  return {
    figures: ordered,
    byId: new Map(ordered.map((f) => [f.id, f])),
    sources: rowsOf<SourceRow>('sources'),
    divisions: rowsOf<DivisionRow>('divisions'),
    units: rowsOf<UnitRow>('units'),
    countyPairs: rowsOf<CountyPairRow>('county-pairs'),
    changelog: rowsOf<ChangelogRow>('changelog').sort((a, b) => (a.date! < b.date! ? 1 : -1)),
    checks,
    tables: Object.fromEntries(TABLES.map((t) => [t.id, rowsOf<Record<string, unknown>>(t.id)])),
  };
}

/** The object shape behind a schema wrapped by superRefine. */
function innerShape(schema: unknown): Record<string, unknown> {
  let s = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; schema?: unknown; innerType?: unknown } };
  for (let i = 0; i < 5 && !s.shape; i++) s = (s.def?.in ?? s.def?.schema ?? s.def?.innerType) as typeof s;
  if (!s?.shape) throw new Error('table schema has no object shape');
  return s.shape;
}
