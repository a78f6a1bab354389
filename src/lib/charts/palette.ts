/**
 * Chart colours from the Okabe–Ito set, which readers with the common colour-vision
 * deficiencies can tell apart, darkened where needed for ≥ 3:1 contrast on white
 * (WCAG 1.4.11). Series 1 and 3 are also hatched, so two series differ in pattern even
 * in greyscale print; labels always name the series as well.
 */
export const PALETTE = ['#0072B2', '#B35900', '#007A5A', '#A8467F'] as const;

/** Which series indices are drawn with a hatch pattern. */
export const PATTERN_SERIES: Record<number, boolean> = { 1: true, 3: true };
