/**
 * What `npm run check:data` and the build check (src/integrations/dataCheck.ts) both run:
 * read the project's inputs from disk and pass them to loadDataset(), the function the
 * pages and downloads use too. Returns the report lines, or the problems in one format.
 */
import type { Dataset } from '../model.ts';
import { loadDataset } from './loadDataset.ts';
import { DataError, formatProblem } from './problems.ts';
import { readProjectFiles } from './readDataDir.ts';

export type CheckOutcome =
  | { ok: true; dataset: Dataset; files: string[]; lines: string[]; warnings: string[] }
  | { ok: false; files: string[]; lines: string[] };

export function checkProject(root: string, options: { dataDir?: string; demo?: boolean } = {}): CheckOutcome {
  const files = readProjectFiles(root, options);
  const paths = Object.keys(files);
  try {
    const d = loadDataset(files, { demo: options.demo });
    const derived = d.figures.filter((f) => f.kind === 'derived').length;
    const kv = d.keyVillages;
    const c = kv.comparison;
    const lines = [
      `${d.figures.length} figures (${d.figures.length - derived} published, ${derived} derived); ${d.checks.filter((x) => x.ok).length}/${d.checks.length} cross-checks pass; ${d.corrections.length} correction(s); data release ${d.releases[0].version} (${d.releases[0].date}).`,
      c.status === 'empty'
        ? `${kv.files.list}: 只有表头，尚无村级名单；页面显示“未公布” / header only, no village rows yet; the site says so`
        : `${kv.files.list}: ${c.total} villages${c.agrees ? ', agrees with the published total' : ''}`,
    ];
    const warnings = c.status !== 'empty' && !c.agrees ? [`${kv.files.list}: 与公布总数不一致 / disagrees with the published total:`, ...c.problems.map((p) => '  ' + p)] : [];
    return { ok: true, dataset: d, files: paths, lines, warnings };
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return { ok: false, files: paths, lines: e.problems.map(formatProblem) };
  }
}
