import { describe, expect, it } from 'vitest';
import {
  newReceipt,
  isValidReceipt,
  normaliseReceipt,
  checkSymbol,
  RECEIPT_ALPHABET,
  RECEIPT_RANDOM_BITS,
} from '../../../src/lib/feedback/receipt.ts';

const FORMAT = /^MY-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const body = (r: string) => r.slice(3).replace(/-/g, '');
const fmt = (b: string) => `MY-${b.slice(0, 5)}-${b.slice(5, 10)}-${b.slice(10)}`;

describe('receipt format', () => {
  it('looks like MY-XXXXX-XXXXX-XXXXC with Crockford symbols only (no I L O U)', () => {
    for (let i = 0; i < 200; i++) {
      const r = newReceipt();
      expect(r).toMatch(FORMAT);
      expect(r.slice(3)).not.toMatch(/[ILOU]/);
      expect(isValidReceipt(r)).toBe(true);
    }
  });

  it('carries at least 60 random bits and is not sequential', () => {
    expect(RECEIPT_RANDOM_BITS).toBeGreaterThanOrEqual(60);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(newReceipt());
    expect(seen.size).toBe(5000);
    // Every symbol shows up in every random position (no fixed or counter-like positions).
    const rs = [...seen].map(body);
    for (let pos = 0; pos < 14; pos++) expect(new Set(rs.map((b) => b[pos])).size).toBe(32);
  });

  it('the last symbol is the check symbol of the first fourteen', () => {
    const r = newReceipt();
    expect(checkSymbol(body(r).slice(0, 14))).toBe(body(r)[14]);
  });
});

describe('normalisation', () => {
  it('accepts lower case, spaces, other hyphens, full-width text and a missing prefix', () => {
    const r = newReceipt();
    const b = body(r);
    expect(normaliseReceipt(r.toLowerCase())).toBe(r);
    expect(normaliseReceipt(` ${b.slice(0, 5)} ${b.slice(5, 10)} ${b.slice(10)} `)).toBe(r);
    expect(normaliseReceipt(b)).toBe(r);
    expect(normaliseReceipt('MY' + b)).toBe(r);
    expect(normaliseReceipt(r.replace(/-/g, '—'))).toBe(r);
    const fullWidth = [...r].map((c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');
    expect(normaliseReceipt(fullWidth)).toBe(r);
  });

  it('reads O as 0 and I/L as 1 (Crockford)', () => {
    const b = '0000011111' + 'ABCD';
    const r = fmt(b + checkSymbol(b));
    expect(normaliseReceipt(r.replace(/0/g, 'O').replace('11111', 'IlLi1'))).toBe(r);
  });

  it('rejects wrong lengths, foreign symbols and non-strings', () => {
    const r = newReceipt();
    expect(normaliseReceipt(r.slice(0, -1))).toBeNull();
    expect(normaliseReceipt(r + '0')).toBeNull();
    expect(normaliseReceipt(r.slice(0, -1) + 'U')).toBeNull();
    expect(normaliseReceipt(r.slice(0, -1) + '*')).toBeNull();
    expect(normaliseReceipt('')).toBeNull();
    expect(normaliseReceipt(undefined)).toBeNull();
    expect(normaliseReceipt(12345)).toBeNull();
    expect(isValidReceipt('MY-' + 'A'.repeat(500))).toBe(false);
  });
});

describe('check symbol', () => {
  const samples = Array.from({ length: 300 }, () => newReceipt());

  it('catches every single-symbol substitution (exhaustive over 300 receipts)', () => {
    let tried = 0;
    for (const r of samples) {
      const b = body(r);
      for (let pos = 0; pos < b.length; pos++) {
        for (const c of RECEIPT_ALPHABET) {
          if (c === b[pos]) continue;
          const typo = b.slice(0, pos) + c + b.slice(pos + 1);
          expect(isValidReceipt(fmt(typo)), `${r} → ${fmt(typo)}`).toBe(false);
          tried++;
        }
      }
    }
    expect(tried).toBe(300 * 15 * 31);
  });

  it('catches every adjacent transposition, including with the check symbol', () => {
    let tried = 0;
    for (const r of samples) {
      const b = body(r);
      for (let pos = 0; pos < b.length - 1; pos++) {
        if (b[pos] === b[pos + 1]) continue;
        const swapped = b.slice(0, pos) + b[pos + 1] + b[pos] + b.slice(pos + 2);
        expect(isValidReceipt(fmt(swapped)), `${r} → ${fmt(swapped)}`).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(300 * 13);
  });

  it('catches every transposition on a systematic set of bodies (all symbol pairs)', () => {
    for (const a of RECEIPT_ALPHABET) {
      for (const c of RECEIPT_ALPHABET) {
        if (a === c) continue;
        const b = `${a}${c}` + '7K2QXM9DPAR4';
        const good = fmt(b + checkSymbol(b));
        expect(isValidReceipt(good)).toBe(true);
        expect(isValidReceipt(fmt(`${c}${a}` + b.slice(2) + checkSymbol(b)))).toBe(false);
      }
    }
  });
});
