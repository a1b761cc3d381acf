/**
 * Sorts the positions of non-NaN values by value with a least-significant-digit radix sort on
 * the high 32 bits of the values' (order-preserving) bit patterns, then by the low 32 bits within
 * each run of equal high bits (values that close are rare; equal values need no sorting). A
 * column's ranks then come out in one pass: no comparator calls, no binary searches. -0 is 0.
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

/** Buffers for sorting columns of up to `size` values, reused column after column. */
export class RankWorkspace {
  readonly pos: Int32Array;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly pos2: Int32Array;
  readonly hi2: Uint32Array;
  readonly lo2: Uint32Array;
  readonly counts = new Int32Array(65536);

  constructor(size: number) {
    this.pos = new Int32Array(size);
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.pos2 = new Int32Array(size);
    this.hi2 = new Uint32Array(size);
    this.lo2 = new Uint32Array(size);
  }
}

export function rankOrder(
  values: Float64Array,
  from: number,
  count: number,
  workspace: RankWorkspace = new RankWorkspace(count)
): RankOrder {
  let { pos, hi, lo, pos2, hi2, lo2 } = workspace;
  const counts = workspace.counts;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const v = values[from + i];
    if (v !== v) continue;
    bits[0] = v + 0; // -0 becomes 0
    const h = words[1];
    // Flip so unsigned order is numeric order: negatives all bits, positives the sign bit.
    if (h & 0x80000000) {
      hi[n] = ~h >>> 0;
      lo[n] = ~words[0] >>> 0;
    } else {
      hi[n] = (h | 0x80000000) >>> 0;
      lo[n] = words[0];
    }
    pos[n++] = i;
  }
  for (let shift = 0; shift <= 16; shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(hi[i] >>> shift) & 0xffff]++;
    if (n === 0 || counts[(hi[0] >>> shift) & 0xffff] === n) continue; // one digit: order unchanged
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(hi[i] >>> shift) & 0xffff]++;
      pos2[at] = pos[i];
      hi2[at] = hi[i];
      lo2[at] = lo[i];
    }
    [pos, pos2] = [pos2, pos];
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  for (let start = 0; start < n;) {
    let end = start + 1;
    let sameLow = true;
    while (end < n && hi[end] === hi[start]) {
      if (lo[end] !== lo[start]) sameLow = false;
      end++;
    }
    if (!sameLow) {
      if (end - start > 32) sortRunByLow(pos, lo, start, end);
      else insertionSortRunByLow(pos, lo, start, end);
    }
    start = end;
  }
  return { positions: pos.subarray(0, n), high: hi.subarray(0, n), low: lo.subarray(0, n) };
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

/** A long run of values equal to 9 digits but not all equal: a comparison sort, O(k log k). */
function sortRunByLow(pos: Int32Array, lo: Uint32Array, start: number, end: number): void {
  const order = Array.from({ length: end - start }, (_, k) => start + k).sort(
    (a, b) => lo[a] - lo[b]
  );
  const sortedPos = order.map((k) => pos[k]);
  const sortedLo = order.map((k) => lo[k]);
  pos.set(sortedPos, start);
  lo.set(sortedLo, start);
}
