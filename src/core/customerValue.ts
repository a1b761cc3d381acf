export const VALUE_METHODS = ["RANK", "MINMAX"] as const;
export type ValueMethod = (typeof VALUE_METHODS)[number];

/**
 * Customers' attributes as one column-major block: `values[j * rows + i]` is row i's
 * attribute j, NaN where blank.
 */
export interface AttributeTable {
  readonly rows: number;
  readonly columns: number;
  readonly values: Float64Array;
}

/**
 * A 0–100 value score per row, relative to the portfolio (SPEC.md §2.4); NaN for a row with no
 * non-blank attribute of positive weight. Weights are ≥ 0 with one > 0, directions ±1
 * (checked by the caller).
 */
export function customerValueScores(table: AttributeTable, weights: Float64Array, directions: Int8Array, method: ValueMethod): Float64Array {
  const { rows, columns, values } = table;
  const weighted = new Float64Array(rows);
  const weightSum = new Float64Array(rows);
  const sorted = new Float64Array(rows);
  for (let j = 0; j < columns; j++) {
    const w = weights[j];
    if (!(w > 0)) continue;
    const base = j * rows;
    let mj = 0;
    for (let i = 0; i < rows; i++) {
      const v = values[base + i];
      if (v === v) sorted[mj++] = v;
    }
    if (mj === 0) continue;
    const col = sorted.subarray(0, mj).sort();
    const min = col[0];
    const max = col[mj - 1];
    for (let i = 0; i < rows; i++) {
      const v = values[base + i];
      if (v !== v) continue;
      let p: number;
      if (method === "MINMAX") {
        p = max === min ? 0.5 : (v - min) / (max - min);
      } else if (mj === 1 || max === min) {
        p = 0.5;
      } else {
        const below = lowerBound(col, v);
        const equal = upperBound(col, v) - below;
        p = (below + (equal - 1) / 2) / (mj - 1);
      }
      if (directions[j] < 0) p = 1 - p;
      weighted[i] += w * p;
      weightSum[i] += w;
    }
  }
  const scores = new Float64Array(rows);
  for (let i = 0; i < rows; i++) scores[i] = weightSum[i] > 0 ? (100 * weighted[i]) / weightSum[i] : NaN;
  return scores;
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
