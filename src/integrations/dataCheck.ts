/**
 * Validates data/ and content/ before Astro builds anything, with checkProject() — the
 * same function as `npm run check:data`, over the same loadDataset() the pages use — so a
 * bad CSV or a broken <Fig id> stops `astro build` and `astro dev` with a plain list of
 * file:line:column problems in Chinese and English instead of a stack trace.
 * Also makes the dev server reload when a CSV changes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../loaders/checkProject.ts';
import { siteConfig } from '../lib/siteConfig.ts';

export function dataCheck(): AstroIntegration {
  return {
    name: 'portal:data-check',
    hooks: {
      'astro:config:setup': ({ config, logger, addWatchFile, command }) => {
        const root = fileURLToPath(config.root);
        const r = checkProject(root, { demo: siteConfig.demo });
        if (!r.ok) {
          logger.error(`数据有误，构建停止。请按提示修改后重试。\nThe data has ${r.lines.length} problem(s); the build stopped:\n${r.lines.map((l) => '  ' + l).join('\n')}`);
          if (command === 'build') process.exit(1);
          throw new Error(`data/ has ${r.lines.length} problem(s); see above.`);
        }
        for (const l of r.lines) logger.info(l);
        for (const w of r.warnings) logger.warn(w);
        for (const f of r.files) addWatchFile(new URL(f, config.root));
      },
    },
  };
}
