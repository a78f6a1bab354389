/** A throwaway copy of data/ (and optionally the whole project) to corrupt in a test. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProjectCopy {
  root: string;
  /** Replace the text of a project file (path relative to the root). */
  edit(path: string, change: (text: string) => string): void;
  write(path: string, content: string | Uint8Array): void;
  remove(): void;
}

/** Copies what a build reads (src, data, content, public, config) into a temp dir; node_modules is linked. */
export function copyProject(parts = ['src', 'data', 'content', 'public', 'examples', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), 'portal-copy-'));
  for (const p of parts) if (existsSync(p)) cpSync(p, join(root, p), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
  return {
    root,
    edit: (path, change) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8'))),
    write: (path, content) => writeFileSync(join(root, path), content),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Exchange two values in one CSV line each: the line starting with `idA,` and the one starting with `idB,`. */
export function swapValues(text: string, idA: string, valueA: string, idB: string, valueB: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${idA},`));
  const j = lines.findIndex((l) => l.startsWith(`${idB},`));
  if (i < 0 || j < 0 || !lines[i].includes(`,${valueA},`) || !lines[j].includes(`,${valueB},`)) throw new Error(`cannot swap ${idA}/${idB}`);
  lines[i] = lines[i].replace(`,${valueA},`, `,${valueB},`);
  lines[j] = lines[j].replace(`,${valueB},`, `,${valueA},`);
  return lines.join('\n');
}

/** The four corruptions of issue 11's "Done when": each must fail check:data and the build with one message. */
export const CORRUPTIONS: { name: string; apply: (p: ProjectCopy) => void; message: RegExp }[] = [
  {
    name: 'eliminated persons: 脱贫不稳定户 1036 and 边缘易致贫户 2759 swapped (the total 3795 still holds)',
    apply: (p) => p.edit('data/monitoring.csv', (t) => swapValues(t, 'monitoring.eliminated.unstable.persons', '1036', 'monitoring.eliminated.marginal.persons', '2759')),
    message: /data\/monitoring\.csv:\d+ 列\/column "value": “已消除风险（脱贫不稳定户）人数”与“已消除风险（边缘易致贫户）人数”（data\/monitoring\.csv:\d+）的数值对调了：来源中前者为 1036人、后者为 2759人/,
  },
  {
    name: 'consumption assistance: 5 专馆 and 32 专区 swapped',
    apply: (p) => p.edit('data/figures.csv', (t) => swapValues(t, 'income.consumption.halls', '5', 'income.consumption.zones', '32')),
    message: /data\/figures\.csv:\d+ 列\/column "value": “已建成“消费帮扶”专馆”与“已建成“消费帮扶”专区”（data\/figures\.csv:\d+）的数值对调了：来源中前者为 5个、后者为 32个/,
  },
  {
    name: 'the narrative-only row eastwest.enterprises.jobs deleted',
    apply: (p) => p.edit('data/figures.csv', (t) => t.split('\n').filter((l) => !l.startsWith('eastwest.enterprises.jobs,')).join('\n')),
    message: /content\/pages\/east-west\.mdx:\d+:\d+: <Fig id="eastwest\.enterprises\.jobs"> 引用了不存在的数字编号：请改正编号，或恢复 data\/ 中的该数字行（data\/source-transcript\.csv:\d+ 记有此数字：数据行可能被误删，请恢复） \| <Fig id="eastwest\.enterprises\.jobs"> refers to an unknown figure id/,
  },
  {
    name: 'figures.csv saved by Excel as GB18030',
    apply: (p) => p.write('data/figures.csv', new Uint8Array(gb18030(readFileSync('data/figures.csv', 'utf8')))),
    message: /data\/figures\.csv: 文件不是 UTF-8 编码（可能是 GBK\/GB18030）— 请在 Excel 中另存为"CSV UTF-8"/,
  },
];

/** GB18030 bytes of a text (Node has no GB18030 encoder; iconv ships with every Debian). */
function gb18030(text: string): Buffer {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
  if (r.status !== 0) throw new Error(`iconv failed: ${r.stderr}`);
  return r.stdout;
}
