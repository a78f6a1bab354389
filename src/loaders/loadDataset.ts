/**
 * THE data pipeline: the one function that `npm run check:data`, the build check, the pages
 * and the open-data files all call, so they accept and reject exactly the same inputs.
 *
 * It reads every table in data/ (one CSV reader, one Problem type), validates each row,
 * then the relations between tables: units, sources and area codes exist; ids are unique;
 * derived figures are computed from their formulas with exact arithmetic; every cross-check
 * holds; every figure agrees with its second keying (source-transcript.csv); corrections
 * agree with the figures they correct; the key-village list agrees with the gazetteer; and
 * every <Fig id> in content/ names a figure. Any problem stops with its file, line, column
 * and fix, in Chinese and English (DataError).
 *
 * It takes file contents (text, or bytes so that a non-UTF-8 file can be named), not paths,
 * so the same code runs in Astro (import.meta.glob), in scripts and in tests.
 */
import { z } from 'astro/zod';
import { decodeCsv, parseCsv as parseCsvText } from '../lib/csv.ts';
import type { Rational } from '../lib/decimal.ts';
import { div, isTerminating, mul, parseDecimal, toDecimalString, toFixed } from '../lib/decimal.ts';
import { evaluate, holds, parseCheck, parseFormula, references, render, SHOWN_COMPARISON, type CheckExpr, type Expr } from '../lib/expression.ts';
import { keyVillageFiles, loadKeyVillages } from '../lib/villages/files.ts';
import { KEY_VILLAGE_PLAN } from '../lib/villages/schema.ts';
import type { ChangelogRow, CheckResult, CheckRow, Correction, CountyPairRow, Dataset, DivisionRow, Figure, KeyVillageList, Release, SourceRow, Topic, UnitRow } from '../model.ts';
import { msg } from '../schemas/fields.ts';
import { TABLES } from '../schemas/tables.ts';
import { parseCsv, type Located } from './parseCsv.ts';
import { DataError, type Problem } from './problems.ts';

export type { CheckResult, Dataset, Figure };

/** The message for a file that is not UTF-8 (what Excel's plain "CSV" writes on a Chinese system). */
export const NOT_UTF8 = {
  gb18030: msg('文件不是 UTF-8 编码（可能是 GBK/GB18030）— 请在 Excel 中另存为"CSV UTF-8"', 'the file is not UTF-8 (probably GBK/GB18030): in Excel, save it again as "CSV UTF-8"'),
  unknown: msg('文件不是 UTF-8 编码 — 请在 Excel 中另存为"CSV UTF-8"', 'the file is not UTF-8: in Excel, save it again as "CSV UTF-8"'),
};

export interface LoadOptions {
  /** Synthetic demo build (PORTAL_DEMO=1): the key-village list comes from examples/demo-villages/. */
  demo?: boolean;
}

/** Dataset ids a changelog row may name besides the tables: the generated downloads. */
export const GENERATED_DATASETS = ['all-figures', 'key-villages'] as const;

const FIGURE_COLUMNS = new Set(['id', 'topic', 'label_zh', 'label_en', 'value', 'unit', 'period_type', 'period_start', 'period_end', 'period_label', 'area_code', 'source_id', 'locator', 'kind', 'formula', 'decimals', 'note_zh']);

/**
 * `files` maps project-relative paths to contents: the tables (found by file name, e.g.
 * "data/figures.csv"), the gazetteer, the key-village list and content/ pages.
 */
export function loadDataset(files: Record<string, string | Uint8Array>, options: LoadOptions = {}): Dataset {
  const problems: Problem[] = [];
  const isTable = (path: string) => !/(^|\/)(gazetteer|examples|content)\//.test(path);
  const byName = new Map(Object.entries(files).filter(([path]) => isTable(path) && path.endsWith('.csv')).map(([path, content]) => [path.split('/').pop()!, { path, content }]));
  const parsed: Record<string, Located<Record<string, unknown>>[]> = {};
  const fileOf: Record<string, string> = {};

  /** The text of a file, or a problem naming it when it is not UTF-8. */
  const textOf = (file: string, content: string | Uint8Array): string | null => {
    const d = decodeCsv(content);
    if ('text' in d) return d.text;
    problems.push({ file, line: 0, message: NOT_UTF8[d.encoding] });
    return null;
  };

  for (const t of TABLES) {
    const f = byName.get(t.file);
    const file = f?.path ?? `data/${t.file}`;
    fileOf[t.id] = file;
    parsed[t.id] = [];
    if (!f) {
      problems.push({ file, line: 0, message: msg('缺少此文件：请从版本库恢复', 'this file is missing: restore it from the repository') });
      continue;
    }
    const text = textOf(file, f.content);
    if (text === null) continue;
    const shape = (t.schema as unknown as z.ZodObject<z.ZodRawShape>).shape ?? innerShape(t.schema);
    const numeric = new Set(Object.entries(shape).filter(([, s]) => ['number', 'integer'].includes(String((z.globalRegistry.get(s as z.ZodType) as { fieldType?: string } | undefined)?.fieldType))).map(([k]) => k));
    const res = parseCsv(text, file, t.schema as z.ZodType<Record<string, unknown>>, Object.keys(shape), numeric);
    problems.push(...res.problems);
    parsed[t.id] = res.rows;
  }

  // The key-village list (real or demo): read now so an encoding problem is reported with the rest.
  const kvFiles = keyVillageFiles(options.demo ?? false);
  const findFile = (wanted: string, fallbackName?: string) => {
    const exact = Object.keys(files).find((p) => p === wanted || p.endsWith(`/${wanted}`));
    if (exact || !fallbackName) return exact;
    return Object.keys(files).find((p) => p.split('/').pop() === fallbackName && !p.includes('examples/'));
  };
  const kvPath = findFile(kvFiles.list, options.demo ? undefined : 'key-villages.csv');
  let kvText: string | null = null;
  if (!kvPath) problems.push({ file: kvFiles.list, line: 0, message: msg('缺少此文件：请从版本库恢复', 'this file is missing: restore it from the repository') });
  else kvText = textOf(kvPath, files[kvPath]);

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
          formula: d.formula, decimals: d.decimals, note_zh: d.note_zh, dims, corrections: [], file: fileOf[t.id], line: row.line,
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
    const c = row.data as unknown as CheckRow;
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
    const p = row.data as unknown as CountyPairRow;
    if (!divisions.has(p.mianyang_county_code)) problems.push(at('county-pairs', row, 'mianyang_county_code', msg('未知的绵阳县级行政区代码：请使用 divisions.csv 中的代码', 'unknown Mianyang county code: use a code from divisions.csv')));
    for (const s of p.source_ids.split(';').map((x) => x.trim())) {
      if (!sources.has(s)) problems.push(at('county-pairs', row, 'source_ids', msg(`未知来源“${s}”：请先在 sources.csv 中登记`, `unknown source "${s}": register it in sources.csv first`)));
    }
  }

  const datasetIds = new Set<string>([...TABLES.map((t) => t.id), ...GENERATED_DATASETS]);
  for (const row of parsed.changelog) {
    for (const t of String(row.data.tables).split(';').map((x) => x.trim())) {
      if (!datasetIds.has(t)) problems.push(at('changelog', row, 'tables', msg(`未知的数据集“${t}”：请使用 ${[...datasetIds].join('、')}`, `unknown dataset "${t}": use ${[...datasetIds].join(', ')}`)));
    }
  }

  // Corrections: each names a published figure; the latest holds the figure's current value.
  const corrections = rowsOf<Correction>('corrections');
  const byFigure = new Map<string, Located<Record<string, unknown>>[]>();
  for (const row of parsed.corrections) {
    const c = row.data as unknown as Correction;
    const f = figures.get(c.figure_id);
    if (!f) {
      if (!byIdPending.has(c.figure_id)) problems.push(at('corrections', row, 'figure_id', msg(`更正的数字编号“${c.figure_id}”不存在：请填写数字表中的编号`, `the corrected figure "${c.figure_id}" does not exist: use an id from the figure tables`)));
      continue;
    }
    if (f.kind === 'derived') { problems.push(at('corrections', row, 'figure_id', msg('推算数由公式计算，不能直接更正：请更正它所引用的已发布数字', 'a derived figure is computed: correct the published figures its formula uses instead'))); continue; }
    if (c.unit !== f.unit) problems.push(at('corrections', row, 'unit', msg(`单位应与数字行相同（${f.unit}）`, `the unit must be the figure's unit (${f.unit})`)));
    if (!sources.has(c.source_id)) problems.push(at('corrections', row, 'source_id', msg(`未知来源“${c.source_id}”：请先在 sources.csv 中登记更正的依据`, `unknown source "${c.source_id}": register the source of the correction in sources.csv first`)));
    if (c.old_value === c.new_value) problems.push(at('corrections', row, 'new_value', msg('新值与原值相同：这不是更正', 'the new value equals the old one: this is not a correction')));
    byFigure.set(c.figure_id, [...(byFigure.get(c.figure_id) ?? []), row]);
  }
  for (const [id, rows] of byFigure) {
    const f = figures.get(id)!;
    const chain = [...rows].sort((a, b) => String(a.data.date).localeCompare(String(b.data.date)) || a.line - b.line);
    chain.forEach((row, i) => {
      if (i > 0 && row.data.old_value !== chain[i - 1].data.new_value) problems.push(at('corrections', row, 'old_value', msg(`原值应为上一次更正（第 ${chain[i - 1].line} 行）的新值 ${String(chain[i - 1].data.new_value)}`, `the old value must be the new value of the previous correction (line ${chain[i - 1].line}): ${String(chain[i - 1].data.new_value)}`)));
    });
    const last = chain.at(-1)!;
    if (last.data.new_value !== f.value) problems.push(at('corrections', last, 'new_value', msg(`更正后的数值与 ${f.file}:${f.line} 的现值 ${f.value} 不一致：请把新值填入数字行，或改正此处`, `the corrected value differs from the current value ${f.value} at ${f.file}:${f.line}: put the new value in the figure row, or fix it here`)));
    f.corrections = chain.map((r) => r.data as unknown as Correction);
  }

  // Second keying: every figure agrees with its independent transcription from the source.
  const transcribedSources = new Set(parsed['source-transcript'].map((r) => String(r.data.source_id)));
  const transcribed = new Map<string, Located<Record<string, unknown>>>();
  const valueMismatch: { row: Located<Record<string, unknown>>; f: Figure; want: string }[] = [];
  const missingFromTables = new Map<string, number>();
  for (const row of parsed['source-transcript']) {
    const t = row.data as { figure_id: string; source_id: string; locator: string; value: string; unit: string; period_label: string };
    transcribed.set(t.figure_id, row);
    const f = figures.get(t.figure_id);
    if (!f) {
      if (!byIdPending.has(t.figure_id)) missingFromTables.set(t.figure_id, row.line);
      continue;
    }
    const differs = (column: string, zh: string, en: string, have: string, want: string) =>
      problems.push({ file: f.file, line: f.line, column, value: have, message: msg(`${zh}与来源复核录入不一致：${fileOf['source-transcript']}:${row.line} 记为“${want}”。请对照来源改正其中错的一处`, `${en} differs from the second keying: ${fileOf['source-transcript']}:${row.line} has "${want}". Check the source and fix whichever is wrong`) });
    if (f.corrections.length) {
      // The transcript keeps the source as printed; a corrected figure may hold a later value.
      const known = [f.value, ...f.corrections.map((c) => c.old_value)];
      if (!known.includes(t.value)) differs('value', '数值', 'the value', f.value, `${t.value}${t.unit}`);
      continue;
    }
    if (t.value !== f.value) valueMismatch.push({ row, f, want: t.value });
    if (t.unit !== f.unit) differs('unit', '单位', 'the unit', f.unit, t.unit);
    if (t.source_id !== f.source_id) differs('source_id', '来源', 'the source', f.source_id, t.source_id);
    if (t.locator !== f.locator) differs('locator', '位置（locator）', 'the locator', f.locator, t.locator);
    if (t.period_label !== f.period.label) differs('period_label', '时期', 'the period label', f.period.label, t.period_label);
  }
  // Two values exchanged (the sums still hold): one message for the pair.
  const paired = new Set<Figure>();
  for (const a of valueMismatch) {
    if (paired.has(a.f)) continue;
    const b = valueMismatch.find((x) => x !== a && !paired.has(x.f) && x.f.unit === a.f.unit && x.want === a.f.value && a.want === x.f.value);
    if (b) {
      paired.add(a.f).add(b.f);
      problems.push({ file: a.f.file, line: a.f.line, column: 'value', value: a.f.value, message: msg(`“${a.f.label_zh}”与“${b.f.label_zh}”（${b.f.file}:${b.f.line}）的数值对调了：来源中前者为 ${a.want}${a.f.unit}、后者为 ${b.want}${b.f.unit}（见 ${fileOf['source-transcript']}:${a.row.line}、${b.row.line}）。请把两个数值换回来`, `the values of ${a.f.id} and ${b.f.id} (${b.f.file}:${b.f.line}) are swapped: the source gives ${a.want} and ${b.want} ${a.f.unit} (${fileOf['source-transcript']}:${a.row.line}, ${b.row.line}). Swap them back`) });
    }
  }
  for (const m of valueMismatch) {
    if (paired.has(m.f)) continue;
    problems.push({ file: m.f.file, line: m.f.line, column: 'value', value: m.f.value, message: msg(`数值与来源复核录入不一致：${fileOf['source-transcript']}:${m.row.line} 记为 ${m.want}${m.f.unit}。请对照来源改正其中错的一处`, `the value differs from the second keying: ${fileOf['source-transcript']}:${m.row.line} has ${m.want} ${m.f.unit}. Check the source and fix whichever is wrong`) });
  }
  for (const p of pending) {
    const f = figures.get(p.figure.id);
    if (f && f.kind === 'published' && transcribedSources.has(f.source_id) && !transcribed.has(f.id)) {
      problems.push(at(p.table, p.row, 'id', msg(`此数字未在 ${fileOf['source-transcript']} 中复核录入：请由另一人对照来源录入一行（编号、来源、位置、数值、单位、时期）`, `this figure has no second keying in ${fileOf['source-transcript']}: have someone else add its row from the source (id, source, locator, value, unit, period)`)));
    }
  }

  // Narrative: every <Fig id="…"> in content/ names a figure.
  const cited = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    if (!/(^|\/)content\/.*\.mdx?$/.test(path)) continue;
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    text.split(/\r?\n/).forEach((lineText, i) => {
      for (const m of lineText.matchAll(/<Fig\b[^>]*?\bid\s*=\s*["']([^"']*)["']/g)) {
        const id = m[1];
        cited.add(id);
        if (figures.has(id) || byIdPending.has(id)) continue;
        const lost = missingFromTables.get(id);
        const src = fileOf['source-transcript'];
        const [hintZh, hintEn] = lost ? [`（${src}:${lost} 记有此数字：数据行可能被误删，请恢复）`, ` (${src}:${lost} has this figure: its data row was probably deleted; restore it)`] : ['', ''];
        problems.push({ file: path, line: i + 1, columnIndex: (m.index ?? 0) + 1, message: msg(`<Fig id="${id}"> 引用了不存在的数字编号：请改正编号，或恢复 data/ 中的该数字行${hintZh}`, `<Fig id="${id}"> refers to an unknown figure id: fix the id, or restore the figure's row in data/${hintEn}`) });
      }
    });
  }
  for (const [id, line] of missingFromTables) {
    if (cited.has(id)) continue; // already reported where it is cited
    problems.push({ file: fileOf['source-transcript'], line, column: 'figure_id', value: id, message: msg('来源中有此数字，但数字表中没有这一行：请恢复被删除的数据行', 'the source has this figure but no figure table has its row: restore the deleted row') });
  }

  // Key villages, against the gazetteer, the divisions and the source register.
  let keyVillages: KeyVillageList | undefined;
  if (kvPath && kvText !== null) {
    const gazetteerText = (wanted: string, name: string) => () => {
      const p = findFile(wanted, options.demo ? undefined : name);
      const t = p ? decodeCsv(files[p]) : null;
      if (!t || !('text' in t)) throw new DataError([{ file: wanted, line: 0, message: t ? NOT_UTF8[t.encoding] : msg('缺少此文件：请运行 npm run build:gazetteer 重新生成', 'this file is missing: run npm run build:gazetteer') }]);
      return t.text;
    };
    const demoSourceIds = (): string[] => {
      const p = options.demo && kvFiles.sources ? findFile(kvFiles.sources) : undefined;
      const t = p ? decodeCsv(files[p]) : null;
      return t && 'text' in t ? parseCsvText(t.text).records.map((r) => r.values.id.trim()) : [];
    };
    try {
      keyVillages = loadKeyVillages({
        files: { ...kvFiles, list: kvPath },
        texts: { list: kvText, towns: gazetteerText(kvFiles.towns, kvFiles.towns.split('/').pop()!), villages: gazetteerText(kvFiles.villages, kvFiles.villages.split('/').pop()!) },
        divisions: rowsOf<DivisionRow>('divisions'),
        sourceIds: [...sources.keys(), ...demoSourceIds()],
        publishedTotal: Number(figures.get('villages.key.total')?.value ?? KEY_VILLAGE_PLAN.publishedTotal),
        demo: options.demo ?? false,
      });
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(...e.problems);
    }
  }

  if (problems.length || !keyVillages) throw new DataError(problems);

  // Changes: the changelog plus one entry per correction; releases are the dates.
  const changelog: ChangelogRow[] = [
    ...rowsOf<ChangelogRow>('changelog'),
    ...corrections.map((c): ChangelogRow => {
      const f = figures.get(c.figure_id)!;
      return {
        id: `correction-${c.id}`, date: c.date, correction: c.id,
        tables: [f.table, 'all-figures', 'corrections'].join(';'),
        summary_zh: `更正“${f.label_zh}”：${c.old_value}${c.unit} 改为 ${c.new_value}${c.unit}。${c.reason_zh}`,
        summary_en: `Corrected ${f.label_en}: ${c.old_value} → ${c.new_value} ${c.unit}. ${c.reason_en}`,
      };
    }),
  ].sort((a, b) => b.date.localeCompare(a.date));
  const dates = [...new Set(changelog.map((c) => c.date))].sort();
  const releases: Release[] = dates.map((date, i) => ({ version: `1.${i}.0`, date, changes: changelog.filter((c) => c.date === date) })).reverse();

  const ordered = pending.map((p) => figures.get(p.figure.id)!);
  return {
    figures: ordered,
    byId: new Map(ordered.map((f) => [f.id, f])),
    sources: rowsOf<SourceRow>('sources'),
    divisions: rowsOf<DivisionRow>('divisions'),
    units: rowsOf<UnitRow>('units'),
    countyPairs: rowsOf<CountyPairRow>('county-pairs'),
    changelog,
    corrections: [...corrections].sort((a, b) => b.date.localeCompare(a.date)),
    releases,
    checks,
    keyVillages,
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
