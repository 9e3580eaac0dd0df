/**
 * A bar's length as a share (0–1) of the longest; a value above zero is never drawn thinner than
 * MIN_BAR, so a single booking beside a hundred still shows.
 */
export const MIN_BAR = 0.03

export function barShare(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0
  return Math.max(MIN_BAR, Math.min(1, value / max))
}
