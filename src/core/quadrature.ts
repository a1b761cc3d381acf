/**
 * Expectations over a Beta(a, b) distribution, E[g(p)], for smooth g, accurate for every a, b > 0:
 * spread out (a < 1 piles the mass against 0) or concentrated (a and b in the millions, when the
 * data show no spread in the dropout probability).
 *
 * In the log-odds y = ln(p / (1 − p)) the Beta density is p^a (1 − p)^b, a smooth, log-concave,
 * single-peaked function with no singularity, peaking at y* = ln(a / b) with a width near
 * σ = √(1/a + 1/b). With y = y* + c·sinh(t) (c = min(σ, 1)), the trapezoidal rule in t puts nodes
 * σ/8 apart at the peak and reaches the exponential tails in a few steps more; the rule converges
 * exponentially for such integrands. The weights are normalised to sum to 1, so the density's
 * constant 1/B(a, b) is never needed (nor its rounding).
 */

/** Step in t, and the peak's half-width of nodes at least (in units of c). */
const STEP = 1 / 8;
const MIN_EXTENT = 3;
const MAX_EXTENT = 12;
/** How far down the tails are followed: e^−40. */
const TAIL = 40;

export interface BetaNodes {
  /** The nodes p, in (0, 1) (0 where a tail underflows). */
  readonly p: Float64Array;
  /** Their weights, summing to 1. */
  readonly weight: Float64Array;
}

export function betaNodes(a: number, b: number): BetaNodes {
  const n = a + b;
  const mean = a / n;
  const peak = Math.log(a) - Math.log(b);
  const c = Math.min(1, Math.sqrt(1 / a + 1 / b));
  const extent = Math.min(
    MAX_EXTENT,
    Math.max(MIN_EXTENT, Math.asinh(TAIL / (Math.min(a, b) * c)))
  );
  const half = Math.ceil(extent / STEP);
  const p = new Float64Array(2 * half + 1);
  const weight = new Float64Array(2 * half + 1);
  let total = 0;
  for (let j = -half; j <= half; j++) {
    const t = j * STEP;
    const d = c * Math.sinh(t);
    // ln density relative to the peak, a·d − n·ln(1 + mean·(e^d − 1)): no large terms cancel.
    const log = a * d - n * Math.log1p(mean * Math.expm1(d));
    const w = c * Math.cosh(t) * Math.exp(log);
    const k = j + half;
    weight[k] = Number.isFinite(w) ? w : 0;
    p[k] = 1 / (1 + Math.exp(-(peak + d)));
    total += weight[k];
  }
  for (let k = 0; k < weight.length; k++) weight[k] /= total;
  return { p, weight };
}
