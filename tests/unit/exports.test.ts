// No dead exports: every name exported from src/ is imported somewhere else (src/, scripts/,
// tests/, the Astro config), or used inside its own module. A name exported and used nowhere
// at all is dead code and fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const code = (f: string) => /\.(ts|mjs|astro|mdx)$/.test(f);

// Owned by the feedback work (issue 9), which decides whether to delete them or make them
// the single source of form and error labels; listed so that any other dead export fails.
const PENDING = new Set(['src/lib/feedback/http.ts FORM_TYPES', 'src/lib/feedback/schema.ts FIELD_LABELS']);

it('every export in src/ is used', () => {
  const files = ['src', 'scripts', 'tests', 'content'].flatMap(walk).filter(code).concat('astro.config.mjs');
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const dead: string[] = [];
  for (const f of files.filter((x) => x.startsWith('src/'))) {
    const own = texts.get(f)!;
    for (const m of own.matchAll(/^export (?:async )?(?:const|function|type|interface|class) (\w+)/gm)) {
      const name = m[1];
      const word = new RegExp(`\\b${name}\\b`);
      const elsewhere = [...texts].some(([g, t]) => g !== f && word.test(t));
      const inside = (own.match(new RegExp(word.source, 'g')) ?? []).length > 1;
      if (!elsewhere && !inside && !PENDING.has(`${f} ${name}`)) dead.push(`${f} ${name}`);
    }
  }
  expect(dead).toEqual([]);
});
