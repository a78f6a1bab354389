/** Every prerendered page of a build: the list the browser and axe tests walk. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function builtPages(client = 'dist/client'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(p);
      } else if (name === 'index.html') {
        out.push('/' + relative(client, dir).split('\\').join('/') + (dir === client ? '' : '/'));
      }
    }
  };
  walk(client);
  return out.map((p) => p.replace('//', '/')).sort();
}
