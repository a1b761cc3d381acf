/**
 * Scaling by powers of two, so that sums and squares of extreme amounts (1e308 is a number Excel
 * holds) neither overflow to Infinity nor lose the answer. Multiplying by a power of two is exact
 * (short of the subnormal range), so a sum of scaled values is the scaled sum, bit for bit: the
 * results of ordinary data, where the scale is 1, are unchanged.
 */

/** Overflow starts at 2^1024; scaled values and their sums stay below 2^SAFE_EXPONENT. */
const SAFE_EXPONENT = 1000;

/** ⌊log2 v⌋ of a finite v > 0, exactly (Math.log2 may round across a power of two). */
export function binaryExponent(v: number): number {
  let e = Math.floor(Math.log2(v));
  if (2 ** e > v) e--;
  else if (2 ** (e + 1) <= v) e++;
  return e;
}

/**
 * 1, or the power of two that brings `terms` values of magnitude up to `maxAbs` (a sum of them, or
 * of squares of shares, or a sum weighted by positions: the caller says how many terms) safely
 * below overflow.
 */
export function overflowScale(maxAbs: number, terms: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return 1;
  const headroom = Math.ceil(Math.log2(Math.max(1, terms))) + 1;
  const excess = binaryExponent(maxAbs) + headroom - SAFE_EXPONENT;
  return excess > 0 ? 2 ** -excess : 1;
}

/** The largest |v| of the values (NaN left out); 0 when there are none. */
export function largestMagnitude(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > max) max = a;
  }
  return max;
}

/** Multiplies every value by `scale` (a power of two), in place. */
export function scaleInPlace(values: Float64Array, scale: number): void {
  if (scale === 1) return;
  for (let i = 0; i < values.length; i++) values[i] *= scale;
}
