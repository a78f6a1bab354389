/**
 * Validates data/ before Astro builds anything, so a bad CSV stops `astro build` and
 * `astro dev` with a plain list of file:line:column problems instead of a stack trace.
 * Also makes the dev server reload when a CSV changes.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../loaders/loadDataset.ts';
import { DataError, formatProblem } from '../loaders/problems.ts';
import { readDataDir } from '../loaders/readDataDir.ts';
import type { Division } from '../lib/divisions.ts';
import { siteConfig } from '../lib/siteConfig.ts';
import { asDataProblems, keyVillageFiles, readKeyVillages } from '../lib/villages/files.ts';
import { KeyVillageValidationError } from '../lib/villages/validate.ts';

export function dataCheck(): AstroIntegration {
  return {
    name: 'portal:data-check',
    hooks: {
      'astro:config:setup': ({ config, logger, addWatchFile, command }) => {
        const root = fileURLToPath(config.root);
        const dir = `${root}data`;
        let files: Record<string, string>;
        const villageFiles = keyVillageFiles(siteConfig.demo);
        try {
          files = readDataDir(dir, root);
          const d = loadDataset(files);
          logger.info(`data/: ${d.figures.length} figures, ${d.checks.filter((c) => c.ok).length}/${d.checks.length} cross-checks pass`);
          // The key-village list is checked against the gazetteer, divisions and source register.
          let kv;
          try {
            kv = readKeyVillages(root, siteConfig.demo, {
              divisions: d.divisions as Division[], // validated: level is one of the three
              sourceIds: d.sources.map((s) => s.id),
              publishedTotal: Number(d.byId.get('villages.key.total')?.value),
            });
          } catch (e) {
            if (!(e instanceof KeyVillageValidationError)) throw e;
            throw new DataError(asDataProblems(e, readFileSync(`${root}${villageFiles.list}`, 'utf8')));
          }
          const c = kv.comparison;
          if (c.status === 'empty') logger.info(`${villageFiles.list}: 只有表头，尚无村级名单；页面显示“未公布” / header only, no village rows yet; the site says so`);
          else if (c.agrees) logger.info(`${villageFiles.list}: ${c.total} villages, agrees with the published total`);
          else logger.warn(`${villageFiles.list}: 与公布总数不一致 / disagrees with the published total:\n${c.problems.map((p) => '  ' + p).join('\n')}`);
        } catch (e) {
          if (!(e instanceof DataError)) throw e;
          const lines = e.problems.map((p) => '  ' + formatProblem(p)).join('\n');
          logger.error(`数据有误，构建停止。请按提示修改 data/ 中的文件后重试。\nThe data in data/ has ${e.problems.length} problem(s); the build stopped:\n${lines}`);
          if (command === 'build') process.exit(1);
          throw new Error(`data/ has ${e.problems.length} problem(s); see above.`);
        }
        for (const f of [...Object.keys(files), ...Object.values(villageFiles)]) addWatchFile(new URL(f, config.root));
      },
    },
  };
}
