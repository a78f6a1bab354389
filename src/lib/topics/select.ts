/**
 * Selecting figures for pages by table, topic and dimension codes (never by label text).
 */
import type { Figure } from '../../model.ts';

/** Figures whose dims match every given code. */
export function byDims(figs: Figure[], dims: Record<string, string | string[]>): Figure[] {
  return figs.filter((f) => Object.entries(dims).every(([k, v]) => (Array.isArray(v) ? v.includes(f.dims[k]) : f.dims[k] === v)));
}

/** Figures by id, in the order given; an unknown id throws (the build fails). */
export function byIds(all: ReadonlyMap<string, Figure>, ids: string[]): Figure[] {
  return ids.map((id) => {
    const f = all.get(id);
    if (!f) throw new Error(`Unknown figure id "${id}"`);
    return f;
  });
}

/** Figures whose id starts with the prefix, in table order. */
export function byPrefix(figs: Figure[], prefix: string): Figure[] {
  return figs.filter((f) => f.id.startsWith(prefix));
}

/** The money figures (unit_kind money) — the 资金使用 page lists every one. */
export function moneyFigures(figs: Figure[]): Figure[] {
  return figs.filter((f) => f.unit_kind === 'money');
}
