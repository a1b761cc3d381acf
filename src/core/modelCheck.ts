/**
 * How well the customer models predicted what customers then did (SPEC.md §2.6): both models fitted
 * on the purchases up to the calibration end, each of those customers' expected purchases and
 * revenue in the holdout that follows set against what the customer did in it, as means per
 * customer by number of repeat purchase days in the calibration (the calibration-holdout table of
 * Fader, Hardie & Lee 2005).
 */
import { Activity } from "./activity";
import { CustomerModels, fitModelsOn, predictCustomers } from "./customerModels";
import { PurchaseDays, historiesAt, purchaseDays } from "./purchaseHistory";
import { Result, ok } from "./result";

/** Rows x = 0 … LAST_SINGLE_X, then one row for every x above it. */
const LAST_SINGLE_X = 6;
export const MANY_PURCHASES = `${LAST_SINGLE_X + 1}+`;
export const ALL_CUSTOMERS = "all";

/** A miss of the holdout's total purchases beyond this fraction of them says: read with care. */
export const BAD_MISS = 0.25;

export interface ModelCheckRow {
  /** Repeat purchase days in the calibration: 0 … 6, "7+", or "all". */
  readonly calibrationPurchases: number | string;
  readonly customers: number;
  /** Means per customer of the row; NaN without customers, and the revenues as below. */
  readonly actualPurchases: number;
  readonly expectedPurchases: number;
  /** NaN without amounts. */
  readonly actualRevenue: number;
  /** NaN without amounts, or when the spend model has no mean (q ≤ 1). */
  readonly expectedRevenue: number;
}

export interface ModelCheck {
  readonly calibrationEnd: number;
  readonly holdoutEnd: number;
  /** The holdout's length in days, h. */
  readonly horizonDays: number;
  /** x = 0 … 6, 7+, then all. */
  readonly rows: readonly ModelCheckRow[];
  /** Totals over every customer of the calibration. */
  readonly actualPurchases: number;
  readonly expectedPurchases: number;
  /** (expected − actual) ÷ actual: −0.12 is an under-forecast by 12%; NaN when actual is 0. */
  readonly miss: number;
  /** The expected total is off the actual one by more than BAD_MISS of it. */
  readonly missedBadly: boolean;
  readonly models: CustomerModels;
}

/**
 * Each listed customer's purchase days and their value (amounts above 0) in (from, to]: the same
 * purchase days the models count. `at[code]` is the customer's place in the days.
 */
function holdoutActivity(
  days: PurchaseDays,
  codes: Int32Array,
  from: number,
  to: number
): { purchases: Float64Array; revenue: Float64Array } {
  let maxCode = -1;
  for (let j = 0; j < days.customers.length; j++) maxCode = Math.max(maxCode, days.customers[j]);
  const at = new Int32Array(maxCode + 1).fill(-1);
  for (let j = 0; j < days.customers.length; j++) at[days.customers[j]] = j;
  const purchases = new Float64Array(codes.length);
  const revenue = new Float64Array(codes.length);
  for (let k = 0; k < codes.length; k++) {
    const j = at[codes[k]];
    let value = 0;
    let count = 0;
    for (let d = days.start[j + 1] - 1; d >= days.start[j] && days.day[d] > from; d--) {
      if (days.day[d] > to) continue;
      count++;
      value += days.value[d];
    }
    purchases[k] = count;
    revenue[k] = value;
  }
  return { purchases, revenue };
}

/**
 * The check of `models`, fitted on `days` up to their calibration end, on the holdout that runs to
 * `holdoutEnd` (≤ the days' last day).
 */
export function checkOnHoldout(
  days: PurchaseDays,
  models: CustomerModels,
  holdoutEnd: number
): ModelCheck {
  const { history } = models;
  const calibrationEnd = history.asOf;
  const horizonDays = holdoutEnd - calibrationEnd;
  const predicted = predictCustomers(models, horizonDays);
  const actual = holdoutActivity(days, history.customers, calibrationEnd, holdoutEnd);
  const groups = LAST_SINGLE_X + 2;
  const sums = Array.from({ length: groups + 1 }, () => new Float64Array(5));
  for (let i = 0; i < history.customers.length; i++) {
    const figures = [
      1,
      actual.purchases[i],
      predicted.expectedPurchases[i],
      actual.revenue[i],
      predicted.expectedRevenue[i],
    ];
    const group = Math.min(history.x[i], LAST_SINGLE_X + 1);
    for (const s of [sums[group], sums[groups]]) for (let f = 0; f < 5; f++) s[f] += figures[f];
  }
  const hasAmounts = days.hasAmounts;
  const rows = sums.map((s, g): ModelCheckRow => {
    const n = s[0];
    const mean = (sum: number): number => (n > 0 ? sum / n : NaN);
    return {
      calibrationPurchases: g <= LAST_SINGLE_X ? g : g === groups ? ALL_CUSTOMERS : MANY_PURCHASES,
      customers: n,
      actualPurchases: mean(s[1]),
      expectedPurchases: mean(s[2]),
      actualRevenue: hasAmounts ? mean(s[3]) : NaN,
      expectedRevenue: mean(s[4]),
    };
  });
  const all = sums[groups];
  const actualPurchases = all[1];
  const expectedPurchases = all[2];
  return {
    calibrationEnd,
    holdoutEnd,
    horizonDays,
    rows,
    actualPurchases,
    expectedPurchases,
    miss: actualPurchases > 0 ? (expectedPurchases - actualPurchases) / actualPurchases : NaN,
    missedBadly: Math.abs(expectedPurchases - actualPurchases) > BAD_MISS * actualPurchases,
    models,
  };
}

/**
 * The check on the purchase days up to `holdoutEnd`: the models fitted from their several starts
 * on the customers whose first purchase is on or before `calibrationEnd`, from their purchases up to
 * it, and checked on (calibrationEnd, holdoutEnd].
 */
export function checkOnDays(
  days: PurchaseDays,
  calibrationEnd: number,
  holdoutEnd: number
): Result<ModelCheck> {
  const models = fitModelsOn(
    historiesAt(days, calibrationEnd),
    days.hasAmounts,
    null,
    "calibration_end"
  );
  if (!models.ok) return models;
  return ok(checkOnHoldout(days, models.value, holdoutEnd));
}

/** The rows' check (SPEC.md §2.6): see checkOnDays. */
export function modelCheck(
  rows: Activity,
  customerCount: number,
  calibrationEnd: number,
  holdoutEnd: number
): Result<ModelCheck> {
  return checkOnDays(purchaseDays(rows, customerCount, holdoutEnd), calibrationEnd, holdoutEnd);
}
