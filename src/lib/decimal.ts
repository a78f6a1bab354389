/**
 * Exact rational arithmetic on BigInt, for base-unit conversions, derived figures and
 * cross-checks. Floating point cannot be used: 1134.58 × 10000 must be exactly 11345800.
 */
import type { Rational } from '../model.ts';

export type { Rational };

const DECIMAL = /^-?(\d+)(\.\d+)?$/;

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** Parses a plain decimal string ("1134.58", "-3", "0.5"). Throws on anything else. */
export function parseDecimal(s: string): Rational {
  if (!DECIMAL.test(s)) throw new TypeError(`not a decimal number: "${s}"`);
  const negative = s.startsWith('-');
  const [int, frac = ''] = s.replace('-', '').split('.');
  const n = BigInt(int + frac) * (negative ? -1n : 1n);
  return rational(n, 10n ** BigInt(frac.length));
}

export const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);
export const compare = (a: Rational, b: Rational) => {
  const x = a.n * b.d - b.n * a.d;
  return x === 0n ? 0 : x < 0n ? -1 : 1;
};

/** True when the value has a finite decimal expansion (denominator is 2^a·5^b). */
export function isTerminating(r: Rational): boolean {
  let d = r.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/** The exact decimal string. Throws when the expansion does not terminate (use toFixed). */
export function toDecimalString(r: Rational): string {
  if (!isTerminating(r)) throw new RangeError('value has no finite decimal expansion; round it with toFixed');
  let digits = 0;
  while ((r.n * 10n ** BigInt(digits)) % r.d !== 0n) digits++;
  return toFixed(r, digits);
}

/** Rounds half away from zero to `digits` decimals and returns a plain decimal string. */
export function toFixed(r: Rational, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const negative = r.n < 0n;
  const abs = negative ? -r.n : r.n;
  const scaled = (abs * scale * 2n + r.d) / (2n * r.d);
  const int = scaled / scale;
  const frac = (scaled % scale).toString().padStart(digits, '0');
  const body = digits > 0 ? `${int}.${frac}` : `${int}`;
  return negative && scaled !== 0n ? `-${body}` : body;
}
