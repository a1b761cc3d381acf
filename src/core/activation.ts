import { Activity } from "./activity";
import { largestMagnitude, overflowScale } from "./magnitude";
import { sortedByKey } from "./radixOrder";

/** When a customer counts as active (SPEC.md §2.2): by frequency, by volume, or both. */
export interface ActivationDefinition {
  /** Last day counted; null means the latest day in the data. */
  readonly asOf: number | null;
  readonly windowDays: number;
  readonly minPurchases: number;
  readonly minAmount: number;
}

/** Up to this many purchase days, distinct days are counted by remembering them per customer. */
const SMALL_MIN_PURCHASES = 8;

export const DEFAULT_ACTIVATION: ActivationDefinition = {
  asOf: null,
  windowDays: 90,
  minPurchases: 1,
  minAmount: 0,
};

export interface ActivationCount {
  readonly active: number;
  readonly base: number;
  readonly asOf: number;
  /** 1 for each customer code that is active and in the base. */
  readonly isActive: Uint8Array;
  /** 1 for each customer code in the base. */
  readonly inBase: Uint8Array;
}

/**
 * Counts active customers in one pass over the rows (two when purchase days must be counted
 * distinct). `base`, when given, lists the codes of the customer base; `customerCount` is the
 * index's count of codes.
 */
export function countActive(
  rows: Activity,
  customerCount: number,
  def: ActivationDefinition,
  base: Int32Array | null
): ActivationCount {
  const { customer, day, amount } = rows;
  const n = customer.length;
  const m = customerCount;
  const asOf = def.asOf ?? rows.latestDay;
  const windowStart = asOf - def.windowDays; // the window is windowStart < d <= asOf
  const inBase = new Uint8Array(m);
  if (base !== null) for (let i = 0; i < base.length; i++) if (base[i] >= 0) inBase[base[i]] = 1;
  const net = amount === null ? null : new Float64Array(m);
  // Net sales of amounts near 1e308 summed without overflow: scaled by a power of two, as is the floor.
  const scale = amount === null ? 1 : overflowScale(largestMagnitude(amount), n);
  const purchaseDays = new Int32Array(m);

  // How distinct purchase days are counted: a flag when one is enough; each customer's first
  // k-1 days remembered when few are needed; else the window's purchases sorted by day.
  const k = def.minPurchases;
  const mode = k <= 1 ? "flag" : k <= SMALL_MIN_PURCHASES ? "remember" : "bucket";
  const seen = mode === "remember" ? new Int32Array(m * (k - 1)) : null;
  const windowPurchases: number[] | null = mode === "bucket" ? [] : null;
  for (let i = 0; i < n; i++) {
    const c = customer[i];
    if (c < 0) continue;
    const d = day[i];
    if (d > asOf) continue;
    if (base === null) inBase[c] = 1;
    if (d <= windowStart) continue;
    const a = amount === null ? 1 : amount[i];
    if (net !== null) net[c] += a * scale;
    if (!(a > 0)) continue;
    if (seen !== null) {
      const found = purchaseDays[c];
      if (found >= k) continue;
      let known = false;
      for (let j = c * (k - 1), last = j + found; j < last; j++) {
        if (seen[j] === d) {
          known = true;
          break;
        }
      }
      if (known) continue;
      if (found < k - 1) seen[c * (k - 1) + found] = d;
      purchaseDays[c] = found + 1;
    } else if (windowPurchases !== null) {
      windowPurchases.push(i);
    } else {
      purchaseDays[c] = 1;
    }
  }
  if (windowPurchases !== null) countDistinctDays(rows, windowPurchases, purchaseDays);

  const floor = (def.minAmount - 1e-9 * Math.max(1, def.minAmount)) * scale;
  const isActive = new Uint8Array(m);
  let active = 0;
  let baseCount = 0;
  for (let c = 0; c < m; c++) {
    if (inBase[c] === 0) continue;
    baseCount++;
    if (purchaseDays[c] >= def.minPurchases && (net === null || net[c] >= floor)) {
      isActive[c] = 1;
      active++;
    }
  }
  return { active, base: baseCount, asOf, isActive, inBase };
}

/**
 * Distinct purchase days per customer from the window's purchase rows, sorted by day in linear
 * time (a radix sort: no work per day of the window, however long).
 */
function countDistinctDays(rows: Activity, purchases: number[], purchaseDays: Int32Array): void {
  const { customer, day } = rows;
  const byDay = sortedByKey(Int32Array.from(purchases), day);
  const lastDay = new Int32Array(purchaseDays.length); // the day each customer was last counted
  for (let k = 0; k < byDay.length; k++) {
    const i = byDay[k];
    const c = customer[i];
    if (lastDay[c] !== day[i]) {
      lastDay[c] = day[i];
      purchaseDays[c]++;
    }
  }
}
