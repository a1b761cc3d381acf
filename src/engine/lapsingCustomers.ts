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
  /** Each lapsing customer's last purchase day on or before D (0 for the others). */
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
  // Active at D + 30 on the rows up to D only: they buy nothing more.
  const activeLater = countActive(
    rows,
    customerCount,
    { ...definition, asOf: day + LAPSE_HORIZON_DAYS },
    base,
    day
  ).isActive;
  const isLapsing = new Uint8Array(customerCount);
  let count = 0;
  for (let c = 0; c < customerCount; c++) {
    if (activeNow[c] === 1 && activeLater[c] === 0) {
      isLapsing[c] = 1;
      count++;
    }
  }
  const lapseDay = new Int32Array(customerCount);
  const lastPurchase = new Int32Array(customerCount);
  if (count === 0) return { count, isLapsing, lapseDay, lastPurchase };
  // The lapse day: each day ahead tested on the lapsing customers' rows in the window at D (no
  // later window sees any other row), their codes numbered 0 … count − 1 so that each test costs
  // their rows and their number, not every customer's.
  const lapsers = new Int32Array(count);
  const place = new Int32Array(customerCount).fill(-1);
  for (let c = 0, j = 0; c < customerCount; c++)
    if (isLapsing[c] === 1) place[(lapsers[j] = c)] = j++;
  const theirs = rowsWhere(rows, (i) => {
    const c = rows.customer[i];
    const d = rows.day[i];
    return c >= 0 && isLapsing[c] === 1 && d <= day && d > day - definition.windowDays;
  });
  const lapser = theirs.customer.map((c) => place[c]);
  const ownRows = { ...theirs, customer: lapser };
  for (let k = 1; k <= LAPSE_HORIZON_DAYS; k++) {
    const active = countActive(ownRows, count, { ...definition, asOf: day + k }, null).isActive;
    for (let j = 0; j < count; j++)
      if (lapseDay[lapsers[j]] === 0 && active[j] === 0) lapseDay[lapsers[j]] = day + k;
  }
  // Active at D, a lapsing customer bought in the window at D: its last purchase is among these rows.
  const { amount } = theirs;
  for (let i = 0; i < lapser.length; i++) {
    const c = lapsers[lapser[i]];
    if ((amount === null || amount[i] > 0) && theirs.day[i] > lastPurchase[c])
      lastPurchase[c] = theirs.day[i];
  }
  return { count, isLapsing, lapseDay, lastPurchase };
}
