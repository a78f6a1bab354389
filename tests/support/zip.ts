/**
 * Reads a ZIP file through its central directory (independently of the writer in
 * src/lib/opendata/zip.ts) and checks every entry's CRC-32 with node:zlib.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export function readZip(buf: Uint8Array): { name: string; bytes: Uint8Array; method: number; compressedSize: number }[] {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const out: { name: string; bytes: Uint8Array; method: number; compressedSize: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    const size = v.getUint32(p + 20, true);
    const uncompressed = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = new TextDecoder().decode(buf.slice(p + 46, p + 46 + nameLen));
    if (method !== 0 && method !== 8) throw new Error(`${name}: method ${method}: only stored (0) and deflated (8) entries are valid here`);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const raw = buf.slice(start, start + size);
    const bytes = method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw;
    if (bytes.length !== uncompressed) throw new Error(`${name}: size mismatch`);
    if (crc32(bytes) >>> 0 !== crc) throw new Error(`${name}: CRC mismatch`);
    out.push({ name, bytes, method, compressedSize: size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
