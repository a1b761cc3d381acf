import { Activity } from "./activity";

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

export const DEFAULT_ACTIVATION: ActivationDefinition = { asOf: null, windowDays: 90, minPurchases: 1, minAmount: 0 };

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
export function countActive(rows: Activity, customerCount: number, def: ActivationDefinition, base: Int32Array | null): ActivationCount {
  const { customer, day, amount } = rows;
  const n = customer.length;
  const m = customerCount;
  const asOf = def.asOf ?? rows.latestDay;
  const windowStart = asOf - def.windowDays; // the window is windowStart < d <= asOf
  const inBase = new Uint8Array(m);
  if (base !== null) for (let i = 0; i < base.length; i++) if (base[i] >= 0) inBase[base[i]] = 1;
  const net = amount === null ? null : new Float64Array(m);
  const purchaseDays = new Int32Array(m);

  if (def.minPurchases <= 1) {
    for (let i = 0; i < n; i++) {
      const c = customer[i];
      if (c < 0) continue;
      const d = day[i];
      if (d > asOf) continue;
      if (base === null) inBase[c] = 1;
      if (d <= windowStart) continue;
      const a = amount === null ? 1 : amount[i];
      if (net !== null) net[c] += a;
      if (a > 0) purchaseDays[c] = 1;
    }
  } else if (def.minPurchases <= SMALL_MIN_PURCHASES) {
    // Few days needed: remember each customer's first k-1 distinct purchase days; the k-th
    // distinct one settles it. One pass, no sort.
    const k = def.minPurchases;
    const seen = new Int32Array(m * (k - 1));
    for (let i = 0; i < n; i++) {
      const c = customer[i];
      if (c < 0) continue;
      const d = day[i];
      if (d > asOf) continue;
      if (base === null) inBase[c] = 1;
      if (d <= windowStart) continue;
      const a = amount === null ? 1 : amount[i];
      if (net !== null) net[c] += a;
      const found = purchaseDays[c];
      if (!(a > 0) || found >= k) continue;
      let known = false;
      for (let j = c * (k - 1), end = j + found; j < end; j++) {
        if (seen[j] === d) {
          known = true;
          break;
        }
      }
      if (known) continue;
      if (found < k - 1) seen[c * (k - 1) + found] = d;
      purchaseDays[c] = found + 1;
    }
  } else {
    // Distinct purchase days: bucket the window's purchases by day (a counting sort), then count
    // each customer once per bucket.
    const span = Math.max(0, Math.min(def.windowDays, asOf));
    const bucketStart = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) {
      const c = customer[i];
      if (c < 0) continue;
      const d = day[i];
      if (d > asOf) continue;
      if (base === null) inBase[c] = 1;
      if (d <= windowStart) continue;
      const a = amount === null ? 1 : amount[i];
      if (net !== null) net[c] += a;
      if (a > 0) bucketStart[asOf - d + 1]++;
    }
    for (let o = 1; o <= span; o++) bucketStart[o] += bucketStart[o - 1];
    const fill = bucketStart.slice(0, span);
    const byDay = new Int32Array(bucketStart[span]);
    for (let i = 0; i < n; i++) {
      const c = customer[i];
      const d = day[i];
      if (c < 0 || d > asOf || d <= windowStart) continue;
      if ((amount === null ? 1 : amount[i]) > 0) byDay[fill[asOf - d]++] = c;
    }
    const lastBucket = new Int32Array(m); // bucket + 1 in which the customer was last counted
    for (let o = 0; o < span; o++) {
      for (let k = bucketStart[o]; k < bucketStart[o + 1]; k++) {
        const c = byDay[k];
        if (lastBucket[c] !== o + 1) {
          lastBucket[c] = o + 1;
          purchaseDays[c]++;
        }
      }
    }
  }

  const floor = def.minAmount - 1e-9 * Math.max(1, def.minAmount);
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
