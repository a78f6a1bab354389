// Validates data/ the way the build does and prints every problem. `npm run check:data`.
import { loadDataset } from '../src/loaders/loadDataset.ts';
import { DataError, formatProblem } from '../src/loaders/problems.ts';
import { readDataDir } from '../src/loaders/readDataDir.ts';

const dir = process.argv[2] ?? 'data';
try {
  const d = loadDataset(readDataDir(dir));
  const derived = d.figures.filter((f) => f.kind === 'derived').length;
  console.log(`✓ ${dir}: ${d.figures.length} figures (${d.figures.length - derived} published, ${derived} derived); ${d.checks.filter((c) => c.ok).length}/${d.checks.length} cross-checks pass.`);
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  console.error(`✗ ${e.problems.length} problem(s) in ${dir}/ — 数据有误，请按提示修改：`);
  for (const p of e.problems) console.error('  ' + formatProblem(p));
  process.exit(1);
}
