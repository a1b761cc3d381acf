/**
 * Differences of log-gamma and digamma values without cancellation. When the models' parameters
 * grow large (customers' spend barely varies: q and γ run off together), lnΓ(q + s) − lnΓ(q) is a
 * small difference of two numbers near q·ln q; taken from the library's values it keeps only
 * their absolute precision, and the likelihood turns to noise the optimiser cannot climb. Past
 * LARGE the differences come from Stirling's series instead, term by term.
 */
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";

/** Below this, the library's values are exact enough (their difference is good to ~1e-13). */
const LARGE = 100;

/** Stirling's correction lnΓ(z) − [(z − ½)ln z − z + ½ln 2π]; its next term is below 1e-17 past LARGE. */
const stirling = (z: number): number => {
  const w = 1 / (z * z);
  return (1 / z) * (1 / 12 - w * (1 / 360 - w / 1260));
};

/** lnΓ(z + s) − lnΓ(z), for z, s > 0. */
export function lnGammaShift(z: number, s: number): number {
  if (z < LARGE) return gammaln(z + s) - gammaln(z);
  return s * Math.log(z) + (z + s - 0.5) * Math.log1p(s / z) - s + (stirling(z + s) - stirling(z));
}

/** ψ(z + s) − ψ(z), for z, s > 0. */
export function digammaShift(z: number, s: number): number {
  if (z < LARGE) return digamma(z + s) - digamma(z);
  // ψ(z) = ln z − 1/(2z) − 1/(12z²) + 1/(120z⁴) − 1/(252z⁶) + …
  const tail = (v: number): number => {
    const w = 1 / (v * v);
    return -1 / (2 * v) - w * (1 / 12 - w * (1 / 120 - w / 252));
  };
  return Math.log1p(s / z) + (tail(z + s) - tail(z));
}

/** −ln B(a, b) = lnΓ(a + b) − lnΓ(a) − lnΓ(b), for a, b > 0. */
export function lnInverseBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  return lnGammaShift(big, small) - gammaln(small);
}
