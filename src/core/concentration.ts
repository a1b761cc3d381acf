import { largestMagnitude, overflowScale, scaleInPlace } from "./magnitude";
import { Result, ok, divError, numError } from "./result";

export const CONCENTRATION_MEASURES = ["TOP_PCT", "TOP_N", "HHI", "GINI", "PARETO"] as const;
export type ConcentrationMeasure = (typeof CONCENTRATION_MEASURES)[number];

/** The default `n` of each measure (ignored by HHI and GINI). */
export const DEFAULT_N: Record<ConcentrationMeasure, number> = {
  TOP_PCT: 20,
  TOP_N: 10,
  HHI: 0,
  GINI: 0,
  PARETO: 80,
};

/** Checks `n` for a measure: TOP_PCT and PARETO take 0 < n ≤ 100, TOP_N a whole n ≥ 1 (truncated). */
export function checkMeasureN(
  measure: ConcentrationMeasure,
  n: number,
  name = "n"
): Result<number> {
  switch (measure) {
    case "TOP_PCT":
    case "PARETO":
      return n > 0 && n <= 100
        ? ok(n)
        : numError(`${name} for ${measure} must be more than 0 and at most 100; it is ${n}`);
    case "TOP_N": {
      const whole = Math.trunc(n);
      return whole >= 1
        ? ok(whole)
        : numError(`${name} for TOP_N must be a whole number of at least 1; it is ${n}`);
    }
    default:
      return ok(n);
  }
}

/**
 * A concentration measure over customers' totals (SPEC.md §2.3). Totals ≤ 0 are left out;
 * `totals` is not changed.
 */
export function concentration(
  totals: Float64Array,
  measure: ConcentrationMeasure,
  n: number
): Result<number> {
  let m = 0;
  for (let i = 0; i < totals.length; i++) if (totals[i] > 0) m++;
  if (m === 0) return divError("there are no customers with a total above 0");
  const x = new Float64Array(m);
  let j = 0;
  for (let i = 0; i < totals.length; i++) if (totals[i] > 0) x[j++] = totals[i];
  x.sort(); // ascending
  // Sums of totals and GINI's sum weighted by rank (up to m² times the largest) kept finite.
  scaleInPlace(x, overflowScale(x[m - 1], m * m));
  let s = 0;
  for (let i = 0; i < m; i++) s += x[i];

  switch (measure) {
    case "TOP_PCT":
      return ok(topShare(x, s, Math.max(1, Math.ceil((m * n) / 100 - 1e-9))));
    case "TOP_N":
      return ok(topShare(x, s, Math.min(n, m)));
    case "HHI": {
      let h = 0;
      for (let i = 0; i < m; i++) {
        const share = (100 * x[i]) / s;
        h += share * share;
      }
      return ok(h);
    }
    case "GINI": {
      if (m === 1) return ok(0);
      let weighted = 0;
      for (let i = 0; i < m; i++) weighted += (i + 1) * x[i];
      return ok((2 * weighted) / (m * s) - (m + 1) / m);
    }
    case "PARETO": {
      const goal = (n / 100) * s - 1e-9 * s;
      let run = 0;
      for (let k = 1; k <= m; k++) {
        run += x[m - k];
        if (run >= goal) return ok(k);
      }
      return ok(m);
    }
  }
}

/** Share of the sum held by the k largest of ascending `x`. */
function topShare(x: Float64Array, s: number, k: number): number {
  let top = 0;
  for (let i = x.length - 1; i >= x.length - k; i--) top += x[i];
  return top / s;
}

/**
 * Each customer code's total of amounts, skipping rows with a negative (blank) code. The totals
 * are of the amounts scaled by a power of two where their sums could overflow (the measures are
 * ratios and counts: a common scale changes none of them).
 */
export function totalsByCustomer(
  codes: Int32Array,
  amounts: Float64Array,
  customerCount: number
): Float64Array {
  scaleInPlace(amounts, overflowScale(largestMagnitude(amounts), codes.length));
  const totals = new Float64Array(customerCount);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0) totals[c] += amounts[i];
  }
  return totals;
}
