import { describe, expect, it } from 'vitest';
import { gridCluster } from '../../../src/lib/geo/gridCluster.ts';

describe('gridCluster', () => {
  it('merges points in one cell at their mean and keeps points in other cells apart', () => {
    const pts = [{ x: 1, y: 1, id: 'a' }, { x: 9, y: 5, id: 'b' }, { x: 25, y: 3, id: 'c' }];
    const cs = gridCluster(pts, 10);
    expect(cs.map((c) => c.members.map((m) => m.id))).toEqual([['a', 'b'], ['c']]);
    expect([cs[0].x, cs[0].y]).toEqual([5, 3]);
    expect([cs[1].x, cs[1].y]).toEqual([25, 3]);
  });

  it('loses no point, and a larger cell never gives more clusters', () => {
    const pts = Array.from({ length: 200 }, (_, i) => ({ x: (i * 37) % 300, y: (i * 53) % 200 }));
    let prev = Infinity;
    for (const cell of [5, 20, 60, 400]) {
      const cs = gridCluster(pts, cell);
      expect(cs.reduce((s, c) => s + c.members.length, 0)).toBe(200);
      if (cell === 400) expect(cs).toHaveLength(1);
      expect(cs.length).toBeLessThanOrEqual(prev);
      prev = cs.length;
    }
  });

  it('rejects a non-positive cell size', () => {
    expect(() => gridCluster([{ x: 0, y: 0 }], 0)).toThrow(/positive/);
  });
});
