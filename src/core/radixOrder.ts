/**
 * Stable sorting of positions by whole-number keys in linear time: a least-significant-digit radix
 * sort, 11 bits a pass, as many passes as the largest key needs. Days, purchase counts and ages
 * are whole numbers below 2^22, so two passes sort them, whatever span of dates they cover: no
 * work or memory per day of the span.
 */

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/** `order` (positions into `keys`) stably sorted by keys[position] ≥ 0; a new array. */
export function sortedByKey(order: Int32Array, keys: ArrayLike<number>): Int32Array {
  let max = 0;
  for (let i = 0; i < order.length; i++) if (keys[order[i]] > max) max = keys[order[i]];
  let from = Int32Array.from(order);
  let to = new Int32Array(order.length);
  const counts = new Int32Array(DIGITS);
  for (let shift = 0; shift === 0 || max >>> shift > 0; shift += DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < from.length; i++) counts[(keys[from[i]] >>> shift) & (DIGITS - 1)]++;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < from.length; i++) {
      const p = from[i];
      to[counts[(keys[p] >>> shift) & (DIGITS - 1)]++] = p;
    }
    [from, to] = [to, from];
    if (shift + DIGIT_BITS >= 31) break;
  }
  return from;
}

/** The positions 0 … n − 1. */
export function positions(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** The distinct values of `values` (whole numbers ≥ 0), ascending. */
export function distinctSorted(values: Int32Array): Int32Array {
  const order = sortedByKey(positions(values.length), values);
  const out = new Int32Array(values.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]];
    if (n === 0 || out[n - 1] !== v) out[n++] = v;
  }
  return out.slice(0, n);
}

/** Where `value` sits in ascending `sorted` (it must be there). */
export function indexIn(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
