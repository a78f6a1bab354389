// Validates data/ (and content/ references) exactly as the build does and prints every
// problem. `npm run check:data [data-dir]`; PORTAL_DEMO=1 checks the demo village list.
import { resolve } from 'node:path';
import { checkProject } from '../src/loaders/checkProject.ts';

const dataDir = process.argv[2] ? resolve(process.argv[2]) : undefined;
const r = checkProject(process.cwd(), { dataDir, demo: process.env.PORTAL_DEMO === '1' });
const name = process.argv[2] ?? 'data';
if (r.ok) {
  console.log(`✓ ${name}: ${r.lines.join('\n  ')}`);
  for (const w of r.warnings) console.warn(w);
} else {
  console.error(`✗ ${r.lines.length} problem(s) in ${name}/ — 数据有误，请按提示修改：`);
  for (const l of r.lines) console.error('  ' + l);
  process.exit(1);
}
