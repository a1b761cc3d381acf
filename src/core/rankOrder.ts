/**
 * Sorts the positions of non-NaN values by value with a least-significant-digit radix sort on
 * the high 32 bits of the values' (order-preserving) bit patterns, then an insertion sort by
 * the low 32 bits within each run of equal high bits (values that close are rare). A column's
 * ranks then come out in one pass: no comparator calls, no binary searches. -0 is read as 0.
 */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

export interface RankOrder {
  /** Positions of the non-NaN values, ascending by value. */
  readonly positions: Int32Array;
  /** Sortable keys of those values, in the same order: equal values have equal keys. */
  readonly high: Uint32Array;
  readonly low: Uint32Array;
}

export function rankOrder(values: Float64Array, from: number, count: number): RankOrder {
  let n = 0;
  for (let i = 0; i < count; i++) if (values[from + i] === values[from + i]) n++;
  let pos = new Int32Array(n);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const v = values[from + i];
    if (v !== v) continue;
    bits[0] = v + 0; // -0 becomes 0
    const h = words[1];
    // Flip so unsigned order is numeric order: negatives all bits, positives the sign bit.
    if (h & 0x80000000) {
      hi[k] = ~h >>> 0;
      lo[k] = ~words[0] >>> 0;
    } else {
      hi[k] = (h | 0x80000000) >>> 0;
      lo[k] = words[0];
    }
    pos[k++] = i;
  }
  let pos2 = new Int32Array(n);
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  const counts = new Int32Array(65536);
  for (let pass = 0; pass < 2; pass++) {
    const source = hi;
    const shift = pass * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(source[i] >>> shift) & 0xffff]++;
    if (n === 0 || counts[(source[0] >>> shift) & 0xffff] === n) continue; // one digit: order unchanged
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(source[i] >>> shift) & 0xffff]++;
      pos2[at] = pos[i];
      hi2[at] = hi[i];
      lo2[at] = lo[i];
    }
    [pos, pos2] = [pos2, pos];
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && hi[end] === hi[start]) end++;
    if (end - start > 32) sortRunByLow(pos, lo, start, end);
    else insertionSortRunByLow(pos, lo, start, end);
    start = end;
  }
  return { positions: pos, high: hi, low: lo };
}

function insertionSortRunByLow(pos: Int32Array, lo: Uint32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const p = pos[i];
    const l = lo[i];
    let j = i - 1;
    while (j >= start && lo[j] > l) {
      pos[j + 1] = pos[j];
      lo[j + 1] = lo[j];
      j--;
    }
    pos[j + 1] = p;
    lo[j + 1] = l;
  }
}

/** A long run (many equal values, or values equal to 9 digits): a comparison sort, O(k log k). */
function sortRunByLow(pos: Int32Array, lo: Uint32Array, start: number, end: number): void {
  const order = Array.from({ length: end - start }, (_, k) => start + k).sort((a, b) => lo[a] - lo[b]);
  const sortedPos = order.map((k) => pos[k]);
  const sortedLo = order.map((k) => lo[k]);
  pos.set(sortedPos, start);
  lo.set(sortedLo, start);
}
