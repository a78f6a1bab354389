/**
 * Writes `file.br` and `file.gz` beside every compressible file of a built site, so the
 * server (and nginx's gzip_static) sends compressed bytes without compressing per request.
 * Deterministic: same input bytes, same output bytes.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.svg', '.xml', '.txt', '.webmanifest', '.map', '.geojson']);
/** Below this a compressed copy saves less than a packet's worth; not worth a file. */
const MIN_BYTES = 256;

export function isCompressible(path: string): boolean {
  return COMPRESSIBLE.has(extname(path).toLowerCase());
}

export async function precompressDir(dir: string): Promise<{ files: number; saved: number }> {
  let files = 0;
  let saved = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && isCompressible(p) && statSync(p).size >= MIN_BYTES) {
        const bytes = readFileSync(p);
        const gz = gzipSync(bytes, { level: 9 });
        const br = brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        });
        if (gz.length < bytes.length) {
          writeFileSync(`${p}.gz`, gz);
          saved += bytes.length - gz.length;
        }
        if (br.length < bytes.length) writeFileSync(`${p}.br`, br);
        files++;
      }
    }
  };
  walk(dir);
  return { files, saved };
}
