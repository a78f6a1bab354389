import { describe, expect, it } from 'vitest';
import { evaluate, holds, parseCheck, parseFormula, references, render } from '../../src/lib/expression.ts';
import { parseDecimal, toDecimalString } from '../../src/lib/decimal.ts';

const values: Record<string, string> = { 'a.x': '473', 'a.y': '1249', 'a.total': '1722' };
const lookup = (id: string) => parseDecimal(values[id]);

describe('formulas and checks', () => {
  it('evaluates with precedence and parentheses', () => {
    expect(toDecimalString(evaluate(parseFormula('a.total - a.x - a.y'), lookup))).toBe('0');
    expect(toDecimalString(evaluate(parseFormula('(a.x + a.y) * 2 / 4'), lookup))).toBe('861');
  });
  it('lists the ids a formula uses and renders it with values', () => {
    const e = parseFormula('a.x + a.y');
    expect(references(e)).toEqual(['a.x', 'a.y']);
    expect(render(parseFormula('a.total - (a.x - a.y)'), (id) => values[id])).toBe('1722 − (473 − 1249)');
  });
  it('decides a check', () => {
    expect(holds(parseCheck('a.x + a.y = a.total'), lookup)).toBe(true);
    expect(holds(parseCheck('a.x + a.y < a.total'), lookup)).toBe(false);
  });
  it('rejects malformed input with a reason', () => {
    expect(() => parseFormula('a.x +')).toThrow(/ends too early/);
    expect(() => parseFormula('a.x $ 2')).toThrow(/unexpected/);
    expect(() => parseCheck('a.x + a.y')).toThrow(/comparison/);
  });
});
