import { largestMagnitude, overflowScale } from "./magnitude";
import { RankWorkspace, rankOrder } from "./rankOrder";

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
export function customerValueScores(
  table: AttributeTable,
  weights: Float64Array,
  directions: Int8Array,
  method: ValueMethod
): Float64Array {
  const { rows, columns, values } = table;
  // Weights as large as 1e308 are summed: scaled by a power of two (scores are their ratios).
  const scale = overflowScale(largestMagnitude(weights), columns);
  const weighted = new Float64Array(rows);
  const weightSum = new Float64Array(rows);
  const p = new Float64Array(rows);
  const workspace = method === "RANK" ? new RankWorkspace(rows) : null;
  for (let j = 0; j < columns; j++) {
    const w = weights[j] * scale;
    if (!(w > 0)) continue;
    const from = j * rows;
    if (method === "MINMAX") minMaxPositions(values, from, rows, p);
    else rankPositions(values, from, rows, p, workspace as RankWorkspace);
    const flip = directions[j] < 0;
    for (let i = 0; i < rows; i++) {
      if (values[from + i] !== values[from + i]) continue;
      weighted[i] += w * (flip ? 1 - p[i] : p[i]);
      weightSum[i] += w;
    }
  }
  const scores = new Float64Array(rows);
  for (let i = 0; i < rows; i++)
    scores[i] = weightSum[i] > 0 ? (100 * weighted[i]) / weightSum[i] : NaN;
  return scores;
}

/**
 * p = (v - min) / (max - min), 0.5 when the column is constant; halved first where the range
 * overflows (-1e308 to 1e308, say): halving is exact, so p is the same.
 */
function minMaxPositions(values: Float64Array, from: number, rows: number, p: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows; i++) {
    const v = values[from + i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const half = Number.isFinite(max - min) ? 1 : 0.5;
  const range = max * half - min * half;
  for (let i = 0; i < rows; i++)
    p[i] = max === min ? 0.5 : (values[from + i] * half - min * half) / range;
}

/** p = (below + (equal - 1) / 2) / (m - 1): the mid-rank of ties; 0.5 for a single value. */
function rankPositions(
  values: Float64Array,
  from: number,
  rows: number,
  p: Float64Array,
  workspace: RankWorkspace
): void {
  const { positions, high, low } = rankOrder(values, from, rows, workspace);
  const m = positions.length;
  let start = 0;
  while (start < m) {
    let end = start + 1;
    while (end < m && high[end] === high[start] && low[end] === low[start]) end++;
    const share = m === 1 ? 0.5 : (start + (end - start - 1) / 2) / (m - 1);
    for (let k = start; k < end; k++) p[positions[k]] = share;
    start = end;
  }
}
