/**
 * What the customer models (core/customerModels.ts, SPEC.md §2.5) say for the scorecard: the
 * revenue expected from the customers in the rest of a period (svc.expected_revenue, and the
 * customer-model forecast and its backtests), fitted once per day asked. The sales rows are folded
 * into each customer's purchase days once; the first fit searches from several starts and the
 * later ones (earlier days of the same customers) start from its estimates.
 */
import {
  CustomerModels,
  FittedModels,
  customerPredictor,
  fitModelsOn,
  predictCustomers,
} from "../core/customerModels";
import { PurchaseDays, historiesAt, purchaseDays } from "../core/purchaseHistory";
import { ModelCheck, checkOnDays } from "../core/modelCheck";
import { Result } from "../core/result";
import { IndicatorValue, Reason } from "./indicatorValue";
import { Lapsing } from "./lapsingCustomers";
import { ScorecardData } from "./scorecardData";

/** Whether a horizon holds days to come: revenue expected over none is not asked of the models. */
export const hasDaysToCome = (horizon: number): boolean => horizon >= 1;

export class CustomerModelsByDay {
  private readonly days: PurchaseDays;
  private readonly fits = new Map<number, Result<CustomerModels>>();
  /** The previous period's value and the latest backtest ask for the same day and horizon. */
  private readonly expected = new Map<string, IndicatorValue>();
  private first: CustomerModels | null = null;

  /** `lastDay`: the latest day any fit will be asked for (as of). */
  constructor(data: ScorecardData, lastDay: number) {
    this.days = purchaseDays(data.sales, data.index.count, lastDay);
  }

  /** Both models fitted on the purchases up to `day`. */
  at(day: number): Result<CustomerModels> {
    let fit = this.fits.get(day);
    if (fit === undefined) {
      fit = fitModelsOn(historiesAt(this.days, day), this.days.hasAmounts, this.first);
      if (fit.ok && this.first === null) this.first = fit.value;
      this.fits.set(day, fit);
    }
    return fit;
  }

  /**
   * MODEL_CHECK's table on these rows (SPEC.md §2.6), holdout to the last day: the models fitted
   * afresh at `calibrationEnd`, from the several starts MODEL_CHECK's own fit searches from, so the
   * sheet's cells and the engine agree to the last digit.
   */
  checkOnHoldout(calibrationEnd: number): Result<ModelCheck> {
    return checkOnDays(this.days, calibrationEnd, this.days.lastDay);
  }

  /**
   * Σ expected_revenue over every customer, fitted at `day`, for the `horizon` days after it; not
   * available when the horizon is empty, the models cannot be fitted, or the spend model has no mean.
   */
  expectedRevenue(day: number, horizon: number): IndicatorValue {
    const key = `${day}/${horizon}`;
    let found = this.expected.get(key);
    if (found === undefined) {
      found = this.sumExpectedRevenue(day, horizon);
      this.expected.set(key, found);
    }
    return found;
  }

  private sumExpectedRevenue(day: number, horizon: number): IndicatorValue {
    const none = (reason: Reason): IndicatorValue => ({ value: null, reason });
    if (!hasDaysToCome(horizon)) return none("no_days_left_in_period");
    const fit = this.at(day);
    if (!fit.ok) return none("model_not_fitted");
    const g = fit.value.gammaGamma;
    if (g === null || !(g.q > 1)) return none("spend_model_undefined");
    const { expectedRevenue } = predictCustomers(fit.value, horizon);
    let sum = 0;
    for (let i = 0; i < expectedRevenue.length; i++) sum += expectedRevenue[i];
    return { value: sum, reason: null };
  }
}

/** Customers listed to call. */
export const CUSTOMERS_TO_CALL = 20;
/** The horizon of their expected revenue, in days. */
export const CALL_HORIZON_DAYS = 90;

export interface CustomerToCall {
  readonly customer: number;
  readonly lastPurchase: number;
  readonly lapseDay: number;
  /** Null when the models cannot be fitted. */
  readonly pAlive: number | null;
  /** Null when the models cannot be fitted or the spend model has no mean. */
  readonly expectedRevenue: number | null;
}

export interface CallList {
  readonly customers: readonly CustomerToCall[];
  /** Why the list is not ranked by expected revenue, when it is not. */
  readonly reason: Reason | null;
}

/** A lapsing customer, with what the models need to rank it. */
export interface CallCandidate {
  readonly customer: number;
  readonly lastPurchase: number;
  readonly lapseDay: number;
  /** Its purchase history at the day the models are fitted (SPEC.md §2.5). */
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly m: number;
}

/**
 * The lapsing customers with the highest expected revenue in the next 90 days (SPEC.md §3.3),
 * by `fit`. Without a spend model they are ranked by expected purchases; without any model, by
 * the day they lapse, soonest first; ties by customer code.
 */
export function rankToCall(
  candidates: readonly CallCandidate[],
  fit: Result<FittedModels>,
  valueScale = 1
): CallList {
  const row = (
    c: CallCandidate,
    pAlive: number | null,
    expectedRevenue: number | null
  ): CustomerToCall => ({
    customer: c.customer,
    lastPurchase: c.lastPurchase,
    lapseDay: c.lapseDay,
    pAlive,
    expectedRevenue,
  });
  if (!fit.ok) {
    const byLapse = [...candidates].sort(
      (p, q) => p.lapseDay - q.lapseDay || p.customer - q.customer
    );
    return {
      customers: byLapse.slice(0, CUSTOMERS_TO_CALL).map((c) => row(c, null, null)),
      reason: "model_not_fitted",
    };
  }
  const predict = customerPredictor(fit.value, CALL_HORIZON_DAYS, valueScale);
  const g = fit.value.gammaGamma;
  const ranked = g !== null && g.q > 1;
  const scored = candidates.map((c) => ({ c, p: predict(c.x, c.tx, c.T, c.m) }));
  scored.sort(
    (u, v) =>
      (ranked
        ? v.p.expectedRevenue - u.p.expectedRevenue
        : v.p.expectedPurchases - u.p.expectedPurchases) || u.c.customer - v.c.customer
  );
  return {
    customers: scored
      .slice(0, CUSTOMERS_TO_CALL)
      .map(({ c, p }) => row(c, p.pAlive, ranked ? p.expectedRevenue : null)),
    reason: ranked ? null : "spend_model_undefined",
  };
}

/** The memory engine's customers to call: its lapsing customers, with their histories at `day`. */
export function customersToCall(
  models: CustomerModelsByDay,
  day: number,
  lapsing: Lapsing
): CallList {
  const fit = models.at(day);
  const at = new Int32Array(lapsing.isLapsing.length).fill(-1);
  if (fit.ok) fit.value.history.customers.forEach((c, i) => (at[c] = i));
  const candidates: CallCandidate[] = [];
  for (let c = 0; c < lapsing.isLapsing.length; c++) {
    if (lapsing.isLapsing[c] !== 1) continue;
    const h = fit.ok ? fit.value.history : null;
    const i = at[c];
    candidates.push({
      customer: c,
      lastPurchase: lapsing.lastPurchase[c],
      lapseDay: lapsing.lapseDay[c],
      x: h === null ? 0 : h.x[i],
      tx: h === null ? 0 : h.tx[i],
      T: h === null ? 0 : h.T[i],
      m: h === null ? NaN : h.meanValue[i],
    });
  }
  // The histories' spends are scaled as the models were fitted (PurchaseHistory.valueScale).
  return rankToCall(candidates, fit, fit.ok ? fit.value.history.valueScale : 1);
}
