/**
 * A minimal ZIP writer: deflated entries (raw DEFLATE from node:zlib at level 9; an entry
 * that would not shrink is stored), CRC-32, UTF-8 names (flag bit 11) and one fixed
 * timestamp, so the same files always give the same bytes and the same SHA-256 (zlib's
 * output is a pure function of input and settings).
 * Format: PKWARE APPNOTE 6.3.x, sections 4.3.7 (local header), 4.3.12 (central
 * directory) and 4.3.16 (end of central directory). No ZIP64: total size stays < 4 GiB.
 */

import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** MS-DOS date and time fields for an ISO date (YYYY-MM-DD) at 00:00. */
function dosDateTime(isoDate: string): { date: number; time: number } {
  const [y, m, d] = isoDate.split('-').map(Number);
  return { date: ((Math.max(y, 1980) - 1980) << 9) | (m << 5) | d, time: 0 };
}

/** The zip file of `entries`, in the given order, every entry stamped with `date` (YYYY-MM-DD). */
export function zip(entries: readonly ZipEntry[], date = '1980-01-01'): Uint8Array {
  const enc = new TextEncoder();
  const { date: dDate, time: dTime } = dosDateTime(date);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const crc = crc32(e.bytes);
    const deflated = deflateRawSync(e.bytes, { level: 9, memLevel: 9 });
    const method = deflated.length < e.bytes.length ? 8 : 0;
    const data = method === 8 ? new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength) : e.bytes;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed: 2.0
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true); // 8 deflate, 0 stored
    lv.setUint16(10, dTime, true);
    lv.setUint16(12, dDate, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true); // compressed size
    lv.setUint32(22, e.bytes.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // made by: MS-DOS/FAT, 2.0
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, dTime, true);
    cv.setUint16(14, dDate, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, e.bytes.length, true);
    cv.setUint16(28, name.length, true);
    // extra length, comment length, disk number, internal attributes, external attributes: 0
    cv.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);

  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
