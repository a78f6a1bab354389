/**
 * Golden files, kept the way Observable Framework keeps them:
 * - a missing golden fails the test (it is created only with UPDATE_GOLDEN=1);
 * - on a mismatch the actual output is written beside it as `<name>-changed.<ext>`, to diff;
 * - SVG is stored pretty-printed (one tag per line), so a diff shows what changed.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** One tag or text per line, indented by depth. Only for storing and diffing; the chart is unchanged. */
export function prettySvg(svg: string): string {
  const out: string[] = [];
  let depth = 0;
  for (const token of svg.split(/(<[^>]+>)/).map((t) => t.trim()).filter(Boolean)) {
    if (token.startsWith('</')) depth = Math.max(0, depth - 1);
    out.push('  '.repeat(depth) + token);
    if (token.startsWith('<') && !token.startsWith('</') && !token.endsWith('/>') && !token.startsWith('<?') && !token.startsWith('<!')) depth++;
  }
  return out.join('\n') + '\n';
}

export const changedPath = (path: string) => path.replace(/(\.[^./]+)?$/, (ext) => `-changed${ext}`);

export type GoldenResult = { ok: true } | { ok: false; reason: 'missing' | 'changed'; message: string };

/** Compares `actual` with the golden file at `path` (see the rules above). */
export function checkGolden(path: string, actual: string, update = process.env.UPDATE_GOLDEN === '1'): GoldenResult {
  const text = path.endsWith('.svg') ? prettySvg(actual) : actual;
  const changed = changedPath(path);
  if (update) {
    writeFileSync(path, text);
    rmSync(changed, { force: true });
    return { ok: true };
  }
  if (!existsSync(path)) return { ok: false, reason: 'missing', message: `golden file ${path} is missing: create it with UPDATE_GOLDEN=1 and review it before committing` };
  if (readFileSync(path, 'utf8') === text) {
    rmSync(changed, { force: true });
    return { ok: true };
  }
  writeFileSync(changed, text);
  return { ok: false, reason: 'changed', message: `output differs from ${path}: see ${changed} (diff the two; if the change is meant, run with UPDATE_GOLDEN=1)` };
}

/** For tests: throws with the reason unless the output matches its golden file. */
export function expectGolden(path: string, actual: string): void {
  const r = checkGolden(path, actual);
  if (!r.ok) throw new Error(r.message);
}
