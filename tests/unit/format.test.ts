import { describe, expect, it } from 'vitest';
import { groupDigits, percent, toWanYi, withUnit } from '../../src/lib/format.ts';
import { div, parseDecimal } from '../../src/lib/decimal.ts';

describe('zh-CN number formatting', () => {
  it('groups thousands without touching the decimals', () => {
    expect(groupDigits('83608')).toBe('83,608');
    expect(groupDigits('1134.58')).toBe('1,134.58');
    expect(groupDigits('441')).toBe('441');
    expect(groupDigits('-1234567.0012')).toBe('-1,234,567.0012');
    expect(withUnit('2164', '户')).toBe('2,164户');
  });
  it('shows base-unit amounts in 万 and 亿 exactly', () => {
    expect(toWanYi('11345800', '元')).toBe('1134.58万元');
    expect(toWanYi('670000000', '元')).toBe('6.7亿元');
    expect(toWanYi('3450000000', '元')).toBe('34.5亿元');
    expect(toWanYi('16000', '人次')).toBe('1.6万人次');
    expect(toWanYi('7040', '人次')).toBe('7,040人次');
  });
  it('shows a share with its stated precision', () => {
    const share = div(parseDecimal('795'), parseDecimal('2214'));
    expect(percent(share, 1)).toBe('35.9%');
    expect(percent(share, 3)).toBe('35.908%');
  });
});
