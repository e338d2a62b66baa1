/**
 * Results are rounded to 4 decimals (docs/design.md §4 "Numbers"): 0.1 + 0.2 shows as 0.3, never
 * 0.30000000000000004. Rounds half away from zero and never returns -0.
 */
export function round4(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? 0 : x;
  const sign = x < 0 ? -1 : 1;
  // The tiny nudge absorbs binary noise such as 1.00005 * 1e4 = 10000.499999999998.
  const r = (sign * Math.round(Math.abs(x) * 10000 + 1e-7)) / 10000;
  return r === 0 ? 0 : r;
}

/**
 * Tolerance for comparisons against thresholds: a ratio computed in Excel as 1.5/10 may arrive as
 * 0.15000000000000002 or 0.14999999999999999; both must count as "达到15%".
 */
export const EPSILON = 1e-9;

/** value ≥ threshold, forgiving binary noise. */
export function reaches(value: number, threshold: number): boolean {
  return value >= threshold - EPSILON;
}
