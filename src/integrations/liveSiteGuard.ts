/**
 * Refuses to build into the directory being served. `dist` is a link to the current build
 * (see scripts/build.mjs); a plain `astro build` would otherwise empty and rewrite the live
 * site in place, and a failed build would leave it broken.
 */
import type { AstroIntegration } from 'astro';
import { lstatSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export function liveSiteGuard(): AstroIntegration {
  let config: Parameters<NonNullable<AstroIntegration['hooks']['astro:config:done']>>[0]['config'];
  return {
    name: 'portal:live-site-guard',
    hooks: {
      'astro:config:done': ({ config: c }) => {
        config = c;
      },
      // Only a build writes to outDir (astro check and dev also resolve the config).
      'astro:build:start': () => {
        const out = fileURLToPath(config.outDir).replace(/\/$/, '');
        for (const link of ['dist', 'dist-demo']) {
          const path = resolve(fileURLToPath(config.root), link);
          let isLink = false;
          try {
            isLink = lstatSync(path).isSymbolicLink();
          } catch {}
          if (!isLink) continue;
          let target: string;
          try {
            target = realpathSync(path);
          } catch {
            continue;
          }
          let outReal = out;
          try {
            outReal = realpathSync(out);
          } catch {}
          if (out === path || outReal === target)
            throw new Error(`构建停止：${link}/ 是正在提供服务的站点，不能直接构建到这里。请运行 npm run build（先构建到新目录，成功后再切换）。/ ${link}/ is the site being served; build with npm run build, which builds elsewhere and switches when complete.`);
        }
      },
    },
  };
}
