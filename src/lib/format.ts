/**
 * Number formatting for zh-CN readers. Works on decimal strings, never on floats, so the
 * digits shown are exactly the digits published.
 */
import { div, parseDecimal, toDecimalString, toFixed, type Rational } from './decimal.ts';

/** "83608" → "83,608"; "1134.58" → "1,134.58" (zh-CN groups thousands with commas). */
export function groupDigits(value: string): string {
  const negative = value.startsWith('-');
  const [int, frac] = value.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A value with its unit, as published: "83,608人", "1,134.58万元", "102.7%". */
export function withUnit(value: string, unit: string): string {
  return `${groupDigits(value)}${unit}`;
}

/**
 * A base-unit amount in 万 or 亿 where that is how Chinese readers expect it:
 * 11345800 元 → "1134.58万元", 670000000 元 → "6.7亿元", 7040 人次 → "7,040人次".
 * Exact: digits are only dropped when they are zeros.
 */
export function toWanYi(baseValue: string, baseUnit: string): string {
  const v = parseDecimal(baseValue);
  const abs = v.n < 0n ? -v.n : v.n;
  const pick = (scale: bigint, word: string) => `${toDecimalString(div(v, { n: scale, d: 1n }))}${word}${baseUnit}`;
  if (abs >= 100000000n * v.d) return pick(100000000n, '亿');
  if (abs >= 10000n * v.d) return pick(10000n, '万');
  return withUnit(baseValue, baseUnit);
}

/** A share with a stated precision: (795/2214, 1) → "35.9%". */
export function percent(share: Rational, decimals: number): string {
  return `${toFixed({ n: share.n * 100n, d: share.d }, decimals)}%`;
}
