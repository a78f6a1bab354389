import { describe, expect, it } from 'vitest';
import { div, mul, parseDecimal, toDecimalString, toFixed } from '../../src/lib/decimal.ts';

describe('exact decimals', () => {
  it('converts published units to base units without floating-point error', () => {
    expect(toDecimalString(mul(parseDecimal('1134.58'), parseDecimal('10000')))).toBe('11345800');
    expect(toDecimalString(mul(parseDecimal('6.7'), parseDecimal('100000000')))).toBe('670000000');
    expect(toDecimalString(mul(parseDecimal('1.6'), parseDecimal('10000')))).toBe('16000');
    // The float route gets this wrong: 0.1 * 3 = 0.30000000000000004
    expect(toDecimalString(mul(parseDecimal('0.1'), parseDecimal('3')))).toBe('0.3');
  });
  it('rounds half away from zero only when asked, to the stated digits', () => {
    expect(toFixed(div(parseDecimal('795'), parseDecimal('2214')), 4)).toBe('0.3591');
    expect(toFixed(parseDecimal('0.05'), 1)).toBe('0.1');
    expect(toFixed(parseDecimal('-0.05'), 1)).toBe('-0.1');
    expect(() => toDecimalString(div(parseDecimal('1'), parseDecimal('3')))).toThrow(/no finite decimal/);
  });
  it('rejects anything that is not a plain decimal', () => {
    for (const bad of ['1,134', '1e3', '', '１２', '12.']) expect(() => parseDecimal(bad)).toThrow();
  });
});
