/**
 * Customers about to lapse (SPEC.md §3.3, svc.lapsing_customers): active at a day D, as the
 * activation rate counts them, and no longer active at D + 30 if they buy nothing more — the
 * rows after D left out. The day each one lapses is the first day after D on which the same
 * definition no longer counts it. Every test of activity is core/activation's countActive: the
 * definition is written once.
 */
import { ActivationDefinition, countActive } from "../core/activation";
import { Activity } from "../core/activity";

/** Days ahead a lapse is looked for. */
export const LAPSE_HORIZON_DAYS = 30;

export interface Lapsing {
  readonly count: number;
  /** 1 for each customer code that lapses. */
  readonly isLapsing: Uint8Array;
  /** The day each lapsing customer stops being active (0 for the others). */
  readonly lapseDay: Int32Array;
  /** Each customer's last purchase day on or before D (0 for none). */
  readonly lastPurchase: Int32Array;
}

/** The rows that satisfy `keep`, as their own activity (the same arrays when all do). */
function rowsWhere(rows: Activity, keep: (i: number) => boolean): Activity {
  const n = rows.customer.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (keep(i)) count++;
  if (count === n) return rows;
  const customer = new Int32Array(count);
  const day = new Int32Array(count);
  const amount = rows.amount === null ? null : new Float64Array(count);
  let latestDay = 0;
  for (let i = 0, k = 0; i < n; i++) {
    if (!keep(i)) continue;
    customer[k] = rows.customer[i];
    day[k] = rows.day[i];
    if (amount !== null) amount[k] = (rows.amount as Float64Array)[i];
    if (rows.customer[i] >= 0 && day[k] > latestDay) latestDay = day[k];
    k++;
  }
  return { customer, day, amount, latestDay };
}

/** `activeNow`: countActive's customers at `day` with the same definition and base. */
export function lapsingCustomers(
  rows: Activity,
  customerCount: number,
  definition: Omit<ActivationDefinition, "asOf">,
  base: Int32Array | null,
  day: number,
  activeNow: Uint8Array
): Lapsing {
  const upToDay = rowsWhere(rows, (i) => rows.day[i] <= day);
  const activeLater = countActive(
    upToDay,
    customerCount,
    { ...definition, asOf: day + LAPSE_HORIZON_DAYS },
    base
  ).isActive;
  const isLapsing = new Uint8Array(customerCount);
  let count = 0;
  for (let c = 0; c < customerCount; c++) {
    if (activeNow[c] === 1 && activeLater[c] === 0) {
      isLapsing[c] = 1;
      count++;
    }
  }
  // The lapse day: each day ahead tested on the lapsing customers' rows in the window at D (no
  // later window sees any other row).
  const lapseDay = new Int32Array(customerCount);
  const theirs = rowsWhere(
    upToDay,
    (i) =>
      upToDay.customer[i] >= 0 &&
      isLapsing[upToDay.customer[i]] === 1 &&
      upToDay.day[i] > day - definition.windowDays
  );
  for (let k = 1; k <= LAPSE_HORIZON_DAYS && count > 0; k++) {
    const active = countActive(
      theirs,
      customerCount,
      { ...definition, asOf: day + k },
      null
    ).isActive;
    for (let c = 0; c < customerCount; c++)
      if (isLapsing[c] === 1 && lapseDay[c] === 0 && active[c] === 0) lapseDay[c] = day + k;
  }
  const lastPurchase = new Int32Array(customerCount);
  const { customer, amount } = upToDay;
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    if (c >= 0 && (amount === null || amount[i] > 0) && upToDay.day[i] > lastPurchase[c])
      lastPurchase[c] = upToDay.day[i];
  }
  return { count, isLapsing, lapseDay, lastPurchase };
}
