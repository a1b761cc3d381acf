/**
 * Each customer's purchase history as the customer models see it (SPEC.md §2.5): distinct purchase
 * days up to as of, the first and last, repeat purchases x = days after the first, recency t_x =
 * last − first, age T = as of − first, and the mean value m of the repeat days (a day's value is
 * the sum of its amounts above 0: returns are left out).
 *
 * The rows are folded once into each customer's distinct purchase days (a radix sort by day, a
 * counting sort by customer: O(rows + customers), no per-row objects); the histories at any earlier
 * as-of (a backtest's) are then one pass over those days.
 */
import { Activity } from "./activity";
import { binaryExponent } from "./magnitude";
import { sortedByKey } from "./radixOrder";

/** Each customer's distinct purchase days, in day order, with each day's value. */
export interface PurchaseDays {
  /** Customer codes with a purchase up to `lastDay`, in the order of their first such row. */
  readonly customers: Int32Array;
  /** Customer j's days are day[start[j]] … day[start[j + 1] − 1]. */
  readonly start: Int32Array;
  readonly day: Int32Array;
  /** The day's amounts above 0, summed, times valueScale; NaN without amounts. */
  readonly value: Float64Array;
  /**
   * 1, or the power of two that brought amounts of an extreme size (above 2^40 or below 2^-20)
   * near 1, so that sums cannot overflow and the spend model's parameters stay in its range.
   */
  readonly valueScale: number;
  readonly hasAmounts: boolean;
  readonly lastDay: number;
}

export interface PurchaseHistory {
  /** Customer codes with at least one purchase up to as of, in the order of their first row. */
  readonly customers: Int32Array;
  /** Per listed customer (same order): repeat purchase days, recency and age in days. */
  readonly x: Int32Array;
  readonly tx: Int32Array;
  readonly T: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Mean value of the repeat purchase days, times valueScale; NaN without amounts or without a repeat purchase. */
  readonly meanValue: Float64Array;
  readonly valueScale: number;
  readonly asOf: number;
}

/** 1 for amounts of an ordinary size; else the power of two that brings the largest into [1, 2). */
function valueScaleOf(largest: number): number {
  if (!(largest > 0) || (largest >= 2 ** -20 && largest <= 2 ** 40)) return 1;
  return 2 ** -binaryExponent(largest);
}

/** The purchase days up to `lastDay` (rows dated after it are left out); a purchase is a row with amount > 0. */
export function purchaseDays(rows: Activity, customerCount: number, lastDay: number): PurchaseDays {
  const { customer, day, amount } = rows;
  const n = customer.length;
  let used = 0;
  let largest = 0;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = customer[i];
    if (c < 0 || day[i] > lastDay || (amount !== null && !(amount[i] > 0))) continue;
    keep[i] = 1;
    used++;
    if (amount !== null && amount[i] > largest) largest = amount[i];
  }
  const valueScale = valueScaleOf(largest);
  const firstRow = new Int32Array(customerCount).fill(-1);
  for (let i = 0; i < n; i++)
    if (keep[i] === 1 && firstRow[customer[i]] < 0) firstRow[customer[i]] = i;

  // A radix sort by day (linear whatever span the dates cover), then a stable counting sort by
  // customer: each customer's rows in day order.
  const kept = new Int32Array(used);
  for (let i = 0, k = 0; i < n; i++) if (keep[i] === 1) kept[k++] = i;
  const byDay = sortedByKey(kept, day);
  const customerStart = new Int32Array(customerCount + 1);
  for (let k = 0; k < used; k++) customerStart[customer[byDay[k]] + 1]++;
  for (let c = 0; c < customerCount; c++) customerStart[c + 1] += customerStart[c];
  const fill = customerStart.slice(0, customerCount);
  const ordered = new Int32Array(used);
  for (let k = 0; k < used; k++) ordered[fill[customer[byDay[k]]]++] = byDay[k];

  // The customers in the order of their first row; each one's rows folded into distinct days.
  const listed: number[] = [];
  for (let i = 0; i < n; i++)
    if (keep[i] === 1 && firstRow[customer[i]] === i) listed.push(customer[i]);
  const start = new Int32Array(listed.length + 1);
  const days = new Int32Array(used);
  const value = new Float64Array(used).fill(NaN);
  let d = 0;
  for (let j = 0; j < listed.length; j++) {
    const c = listed[j];
    start[j] = d;
    let previous = -1;
    for (let k = customerStart[c]; k < customerStart[c + 1]; k++) {
      const i = ordered[k];
      if (day[i] !== previous) {
        previous = day[i];
        days[d] = previous;
        if (amount !== null) value[d] = 0;
        d++;
      }
      if (amount !== null) value[d - 1] += amount[i] * valueScale;
    }
  }
  start[listed.length] = d;
  return {
    customers: Int32Array.from(listed),
    start,
    day: days.subarray(0, d),
    value: value.subarray(0, d),
    valueScale,
    hasAmounts: amount !== null,
    lastDay,
  };
}

/** The histories at `asOf` ≤ the days' last day: customers whose first purchase is after it are left out. */
export function historiesAt(p: PurchaseDays, asOf: number): PurchaseHistory {
  const listed: number[] = [];
  for (let j = 0; j < p.customers.length; j++) if (p.day[p.start[j]] <= asOf) listed.push(j);
  const m = listed.length;
  const out = {
    customers: new Int32Array(m),
    x: new Int32Array(m),
    tx: new Int32Array(m),
    T: new Int32Array(m),
    first: new Int32Array(m),
    last: new Int32Array(m),
    meanValue: new Float64Array(m).fill(NaN),
    valueScale: p.valueScale,
    asOf,
  };
  for (let k = 0; k < m; k++) {
    const j = listed[k];
    const from = p.start[j];
    let to = p.start[j + 1];
    while (p.day[to - 1] > asOf) to--;
    const first = p.day[from];
    const last = p.day[to - 1];
    out.customers[k] = p.customers[j];
    out.first[k] = first;
    out.last[k] = last;
    out.x[k] = to - from - 1;
    out.tx[k] = last - first;
    out.T[k] = asOf - first;
    if (p.hasAmounts && to - from > 1) {
      let sum = 0;
      for (let d = from + 1; d < to; d++) sum += p.value[d];
      out.meanValue[k] = sum / (to - from - 1);
    }
  }
  return out;
}

/** The histories at `asOf` (rows dated after it are left out). */
export function purchaseHistories(
  rows: Activity,
  customerCount: number,
  asOf: number
): PurchaseHistory {
  return historiesAt(purchaseDays(rows, customerCount, asOf), asOf);
}
