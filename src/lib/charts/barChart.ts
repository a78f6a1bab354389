/**
 * A horizontal bar chart as an SVG string: a pure function of its rows and size, run at
 * build time (zero client JS). Horizontal bars because Chinese labels are long: each label
 * sits on its own line above its bar, so nothing is truncated at 320 px. Every bar carries
 * its value as text at its end (direct labels, no legend), and a series is told apart by
 * its name in the label AND a pattern, never by colour alone.
 */
import { scaleLinear } from 'd3';
import { PALETTE, PATTERN_SERIES } from './palette.ts';

export interface BarRow {
  /** The bar's label, e.g. 脱贫不稳定户. */
  label: string;
  /** The value for layout only (bar length); the text shown is `display`. */
  value: number;
  /** The value as shown, exactly as published, e.g. "1,249户". */
  display: string;
  /** Optional series index (0–3): picks colour and pattern. */
  series?: number;
  /** Optional group heading drawn above the first bar of each group, e.g. 已消除风险. */
  group?: string;
  /** Optional id of the figure, written as data-figure-id for tests and links. */
  id?: string;
}

export interface BarChartOptions {
  /** viewBox width; the SVG scales to its container. Keep it near a phone width. */
  width: number;
  /** Accessible title and description (id prefix must be unique in the page). */
  title: string;
  desc: string;
  idPrefix: string;
  fontSize?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rough text width: CJK glyphs are 1em wide, digits and punctuation about 0.6em. */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return w * fontSize;
}

export const BAR_HEIGHT = 20;

export function barChart(rows: BarRow[], o: BarChartOptions): string {
  const fs = o.fontSize ?? 14;
  const pad = 4;
  const labelGap = fs + 6;
  const rowStep = labelGap + BAR_HEIGHT + 10;
  const groupStep = fs + 14;
  const reserve = Math.ceil(Math.max(0, ...rows.map((r) => textWidth(r.display, fs)))) + 8;
  const max = Math.max(0, ...rows.map((r) => r.value));
  // A zero-only chart still draws (every bar zero length) instead of dividing by zero.
  const x = scaleLinear().domain([0, max || 1]).range([0, Math.max(40, o.width - pad * 2 - reserve)]);

  const usedSeries = [...new Set(rows.map((r) => r.series ?? 0))].sort();
  const defs = usedSeries
    .filter((s) => PATTERN_SERIES[s])
    .map((s) => `<pattern id="${o.idPrefix}-p${s}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${PALETTE[s]}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern>`)
    .join('');

  let y = pad;
  let lastGroup: string | undefined;
  const parts: string[] = [];
  for (const r of rows) {
    if (r.group !== undefined && r.group !== lastGroup) {
      parts.push(`<text class="group" x="${pad}" y="${y + fs}" font-size="${fs}" font-weight="700" fill="#1b1b1b">${esc(r.group)}</text>`);
      y += groupStep;
      lastGroup = r.group;
    }
    const s = r.series ?? 0;
    const w = Math.max(0, x(r.value));
    const fill = PATTERN_SERIES[s] ? `url(#${o.idPrefix}-p${s})` : PALETTE[s];
    const idAttr = r.id ? ` data-figure-id="${esc(r.id)}"` : '';
    parts.push(
      `<g class="bar"${idAttr}>` +
        `<text x="${pad}" y="${y + fs}" font-size="${fs}" fill="#1b1b1b">${esc(r.label)}</text>` +
        `<rect x="${pad}" y="${y + labelGap}" width="${round(w)}" height="${BAR_HEIGHT}" fill="${fill}" stroke="${PALETTE[s]}" data-value="${r.value}"/>` +
        `<text class="value" x="${round(pad + w + 6)}" y="${y + labelGap + BAR_HEIGHT / 2 + fs * 0.35}" font-size="${fs}" font-weight="700" fill="#1b1b1b">${esc(r.display)}</text>` +
        `</g>`,
    );
    y += rowStep;
  }
  const height = Math.ceil(y + pad);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.width} ${height}" width="100%" role="img" aria-labelledby="${o.idPrefix}-title ${o.idPrefix}-desc" class="chart-svg" preserveAspectRatio="xMinYMin meet" font-family="inherit">` +
    `<title id="${o.idPrefix}-title">${esc(o.title)}</title><desc id="${o.idPrefix}-desc">${esc(o.desc)}</desc>` +
    (defs ? `<defs>${defs}</defs>` : '') +
    parts.join('') +
    `</svg>`
  );
}

const round = (n: number) => Math.round(n * 100) / 100;
