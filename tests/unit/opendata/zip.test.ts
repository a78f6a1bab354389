import { crc32 as zlibCrc } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../../src/loaders/readDataDir.ts';
import { crc32, zip } from '../../../src/lib/opendata/zip.ts';
import { readZip } from '../../support/zip.ts';

const data = loadDataset(readDataDir('data'));
const options = { site: 'https://example.test', portalName: '门户', portalNameEn: 'Portal', publisher: '绵阳市乡村振兴局', publisherEn: 'Bureau', license: { name: 'n', url: null, zh: 'z', en: 'e' }, sources: data.sources };

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    for (const s of ['', 'abc', '数据下载', 'x'.repeat(1000)]) {
      const b = new TextEncoder().encode(s);
      expect(crc32(b)).toBe(zlibCrc(b) >>> 0);
    }
  });

  it('writes entries any reader gets back, with the same bytes for the same input', () => {
    const entries = [{ name: 'README.md', bytes: new TextEncoder().encode('说明\n') }, { name: 'a.csv', bytes: new Uint8Array([1, 2, 3]) }];
    const z1 = zip(entries, '2026-11-29');
    expect(readZip(z1).map((e) => [e.name, [...e.bytes]])).toEqual(entries.map((e) => [e.name, [...e.bytes]]));
    expect(Buffer.from(zip(entries, '2026-11-29')).equals(Buffer.from(z1))).toBe(true);
  });

  it('deflates entries that shrink and stores those that would not', () => {
    const text = new TextEncoder().encode('id,县区,数值\n'.repeat(200));
    const tiny = new Uint8Array([7]);
    const got = readZip(zip([{ name: 'big.csv', bytes: text }, { name: 'tiny.bin', bytes: tiny }]));
    expect(got[0].method).toBe(8);
    expect(got[0].compressedSize).toBeLessThan(text.length / 10);
    expect([...got[0].bytes]).toEqual([...text]);
    expect(got[1].method).toBe(0);
  });
});
