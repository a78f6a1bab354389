// `npm run build`: builds the portal without touching the site being served.
//
// 1. `astro build` into a fresh staging directory .builds/<id>/ (PORTAL_OUT_DIR), then the
//    Pagefind index and precompressed .br/.gz copies of every text file.
// 2. Validates the staging directory (home page, 404 page, server entry, search index).
// 3. Switches the `dist` link to it with one rename(2), which is atomic: a request sees
//    either the whole old site or the whole new one. A failed step leaves `dist` as it was.
// 4. Keeps the previous builds (KEEP_BUILDS, default 3): a running server finishes loading
//    its own on-demand pages from the build it started with.
//
// Usage: node scripts/build.mjs [--demo]   (--demo: synthetic villages, link dist-demo)
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync, readlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { precompressDir } from '../src/server/precompress.ts';
import { settings } from '../src/lib/config.ts';

let config;
try {
  config = settings();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  console.error('  构建未开始，站点未改动 / build not started; the site is unchanged.');
  process.exit(1);
}

const demo = process.argv.includes('--demo');
const root = process.cwd();
const linkName = demo ? 'dist-demo' : 'dist';
const buildsDir = resolve(root, '.builds');
const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${demo ? 'demo-' : ''}${process.pid}`;
const staging = join(buildsDir, id);
const keep = config.KEEP_BUILDS;

function fail(message) {
  console.error(`✗ ${message}`);
  console.error(`  ${linkName}/ 未改动，正在提供服务的站点保持原样 / ${linkName}/ is unchanged; the site being served is untouched.`);
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}

function run(args, env = {}) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  return r.status === 0;
}

mkdirSync(buildsDir, { recursive: true });
const env = { PORTAL_OUT_DIR: staging, ...(demo ? { PORTAL_DEMO: '1' } : {}) };
if (!run(['node_modules/astro/bin/astro.mjs', 'build'], env)) fail('构建失败 / astro build failed');
if (!run(['node_modules/pagefind/lib/runner/bin.cjs', '--site', join(staging, 'client')])) fail('搜索索引构建失败 / pagefind failed');

const required = ['client/index.html', 'client/404.html', 'server/entry.mjs', 'client/pagefind/pagefind.js'];
const missing = required.filter((f) => !existsSync(join(staging, f)));
if (missing.length) fail(`构建结果不完整，缺少 / incomplete build, missing: ${missing.join(', ')}`);

const { files, saved } = await precompressDir(join(staging, 'client'));
writeFileSync(join(staging, 'BUILD.json'), JSON.stringify({ id, builtAt: new Date().toISOString(), demo }, null, 2) + '\n');

// Atomic switch: a new link beside the old one, renamed over it.
const link = resolve(root, linkName);
const tmpLink = `${link}.next-${process.pid}`;
rmSync(tmpLink, { force: true });
symlinkSync(relative(root, staging), tmpLink);
let legacy = false;
try {
  legacy = lstatSync(link).isDirectory();
} catch {}
if (legacy) {
  // A dist/ directory from before atomic builds: move it aside once (not atomic, one time only).
  renameSync(link, join(buildsDir, `legacy-${id}`));
}
renameSync(tmpLink, link);
console.log(`✓ ${linkName} → ${relative(root, staging)} (${files} files precompressed, ${(saved / 1024).toFixed(0)} KB saved by gzip)`);

// Keep the newest builds of this kind; never the one just linked.
const current = readlinkSync(link);
const mine = readdirSync(buildsDir)
  .filter((d) => (demo ? d.includes('-demo-') : !d.includes('-demo-')))
  .filter((d) => join('.builds', d) !== current)
  .sort();
for (const old of mine.slice(0, Math.max(0, mine.length - (keep - 1)))) rmSync(join(buildsDir, old), { recursive: true, force: true });
