// A tiny grid clustering for the village markers: points in the same screen cell become one
// cluster drawn at their mean position. Enough for ~100 points and far smaller than a plugin.

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface Cluster<T> {
  x: number;
  y: number;
  members: T[];
}

/** Pure: group points by `cell`-pixel squares; clusters keep the input order of their first member. */
export function gridCluster<T extends ScreenPoint>(points: readonly T[], cell: number): Cluster<T>[] {
  if (!(cell > 0)) throw new Error(`cell must be positive, got ${cell}`);
  const cells = new Map<string, T[]>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
    const list = cells.get(key);
    if (list) list.push(p);
    else cells.set(key, [p]);
  }
  return [...cells.values()].map((members) => ({
    x: members.reduce((s, p) => s + p.x, 0) / members.length,
    y: members.reduce((s, p) => s + p.y, 0) / members.length,
    members,
  }));
}
