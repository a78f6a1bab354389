/**
 * The JavaScript a built page ships: its external module scripts and everything they import
 * (static and dynamic), plus inline scripts, measured gzipped as a browser would download them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export function pageScriptBytes(client: string, path: string): { files: string[]; gzip: number } {
  const html = readFileSync(join(client, path, 'index.html'), 'utf8');
  const files = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  while (queue.length) {
    const f = queue.shift()!.replace(/^\//, '');
    if (files.has(f)) continue;
    if (!existsSync(join(client, f))) throw new Error(`${path} references ${f}, which is not in ${client}`);
    files.add(f);
    const js = readFileSync(join(client, f), 'utf8');
    for (const m of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) queue.push(posix.join(dirname(f), m[1]));
  }
  let gzip = 0;
  for (const f of files) gzip += gzipSync(readFileSync(join(client, f))).length;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1].trim()) gzip += gzipSync(m[1]).length;
  }
  return { files: [...files], gzip };
}
