// Receipt codes (查询码): unguessable, non-sequential and easy to read aloud or type.
//
// Format: MY-XXXXX-XXXXX-XXXXC
//   - 14 random symbols from Crockford base32 (0-9 A-Z without I L O U) = 70 bits from
//     node:crypto, so codes reveal nothing about order or volume;
//   - 1 check symbol C from the same alphabet.
//
// The check symbol is a Damm-style check over the field GF(32): each symbol is folded in
// with r ← α·r ⊕ d (α = x, modulus x⁵+x²+1), and C = α·r, so the whole 15-symbol body
// folds to 0. The fold is the weighted sum Σ α^k·d_k with distinct non-zero weights, hence
// every single-symbol error (weight α^k ≠ 0) and every adjacent transposition
// (difference α^k·(α⊕1)·(d_i⊕d_j) ≠ 0) changes the result and is detected.
// (ISO 7064 MOD 37-2 or Crockford's mod-37 check need symbols outside this alphabet.)
import { randomBytes } from 'node:crypto';

export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_PREFIX = 'MY';
export const RECEIPT_RANDOM_SYMBOLS = 14;
export const RECEIPT_RANDOM_BITS = RECEIPT_RANDOM_SYMBOLS * 5; // 70
const BODY_LENGTH = RECEIPT_RANDOM_SYMBOLS + 1;
const GROUP = 5;

const VALUE = new Map<string, number>([...RECEIPT_ALPHABET].map((c, i) => [c, i]));
// Crockford decoding aliases: O→0, I/L→1.
VALUE.set('O', 0).set('I', 1).set('L', 1);

/** Multiply by α (= x) in GF(2⁵) with modulus x⁵ + x² + 1. */
function timesAlpha(v: number): number {
  v <<= 1;
  return v & 0x20 ? v ^ 0x25 : v;
}

function fold(values: readonly number[]): number {
  let r = 0;
  for (const d of values) r = timesAlpha(r) ^ d;
  return r;
}

/** Check symbol for a body of random symbols (without the check symbol). */
export function checkSymbol(symbols: string): string {
  const vals = [...symbols].map((c) => {
    const v = VALUE.get(c.toUpperCase());
    if (v === undefined) throw new Error(`not a Crockford base32 symbol: ${c}`);
    return v;
  });
  return RECEIPT_ALPHABET[timesAlpha(fold(vals))];
}

function format(body: string): string {
  const groups: string[] = [];
  for (let i = 0; i < body.length; i += GROUP) groups.push(body.slice(i, i + GROUP));
  return [RECEIPT_PREFIX, ...groups].join('-');
}

/** A new receipt, e.g. `MY-7K2QX-M9DPA-RT4VW`. */
export function newReceipt(): string {
  const bytes = randomBytes(Math.ceil(RECEIPT_RANDOM_BITS / 8));
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let body = '';
  for (let i = 0; i < RECEIPT_RANDOM_SYMBOLS; i++) body += RECEIPT_ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return format(body + checkSymbol(body));
}

/**
 * Canonical form of a typed receipt, or null if it is malformed or fails the check.
 * Tolerates lower case, spaces, hyphens, full-width characters, a missing `MY` prefix and
 * Crockford's look-alikes (O→0, I/L→1).
 */
export function normaliseReceipt(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 100) return null;
  let s = input.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑‒–—―_.]/g, '');
  if (s.length === BODY_LENGTH + RECEIPT_PREFIX.length && s.startsWith(RECEIPT_PREFIX)) s = s.slice(RECEIPT_PREFIX.length);
  if (s.length !== BODY_LENGTH) return null;
  const vals: number[] = [];
  for (const c of s) {
    const v = VALUE.get(c);
    if (v === undefined) return null;
    vals.push(v);
  }
  if (fold(vals) !== 0) return null;
  return format(vals.map((v) => RECEIPT_ALPHABET[v]).join(''));
}

export function isValidReceipt(input: unknown): boolean {
  return normaliseReceipt(input) !== null;
}
