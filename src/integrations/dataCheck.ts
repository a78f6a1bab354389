/**
 * Validates data/ before Astro builds anything, so a bad CSV stops `astro build` and
 * `astro dev` with a plain list of file:line:column problems instead of a stack trace.
 * Also makes the dev server reload when a CSV changes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../loaders/loadDataset.ts';
import { DataError, formatProblem } from '../loaders/problems.ts';
import { readDataDir } from '../loaders/readDataDir.ts';

export function dataCheck(): AstroIntegration {
  return {
    name: 'portal:data-check',
    hooks: {
      'astro:config:setup': ({ config, logger, addWatchFile, command }) => {
        const root = fileURLToPath(config.root);
        const dir = `${root}data`;
        let files: Record<string, string>;
        try {
          files = readDataDir(dir, root);
          const d = loadDataset(files);
          logger.info(`data/: ${d.figures.length} figures, ${d.checks.filter((c) => c.ok).length}/${d.checks.length} cross-checks pass`);
        } catch (e) {
          if (!(e instanceof DataError)) throw e;
          const lines = e.problems.map((p) => '  ' + formatProblem(p)).join('\n');
          logger.error(`数据有误，构建停止。请按提示修改 data/ 中的文件后重试。\nThe data in data/ has ${e.problems.length} problem(s); the build stopped:\n${lines}`);
          if (command === 'build') process.exit(1);
          throw new Error(`data/ has ${e.problems.length} problem(s); see above.`);
        }
        for (const f of Object.keys(files)) addWatchFile(new URL(f, config.root));
      },
    },
  };
}
