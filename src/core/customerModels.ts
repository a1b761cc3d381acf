/**
 * Each customer's future from the purchase rows (SPEC.md §2.5): the BG/NBD and Gamma-Gamma models
 * fitted once, then per customer the chance of still being a customer, the purchases expected in a
 * horizon, the spend per purchase and the revenue expected. Shared by CUSTOMER_FORECAST,
 * FORECAST_MODEL and the scorecard engine.
 */
import { Activity } from "./activity";
import {
  BgNbd,
  Triples,
  fitBgNbd,
  groupTriples,
  probabilityAlive,
  whileAliveForecaster,
} from "./bgnbd";
import { GammaGamma, expectedSpend, fitGammaGamma } from "./gammaGamma";
import { PurchaseHistory, historiesAt, purchaseDays } from "./purchaseHistory";
import { Result, fail, ok } from "./result";

/** The least data the models are fitted on. */
export const MIN_CUSTOMERS = 10;
export const MIN_REPEAT_CUSTOMERS = 5;

export interface CustomerModels {
  readonly history: PurchaseHistory;
  readonly triples: Triples;
  readonly bgnbd: BgNbd;
  /** Null without amounts. */
  readonly gammaGamma: GammaGamma | null;
  readonly repeatCustomers: number;
}

/** Fits both models at `asOf` (Gamma-Gamma only when the rows have amounts). */
export function fitCustomerModels(
  rows: Activity,
  customerCount: number,
  asOf: number
): Result<CustomerModels> {
  const days = purchaseDays(rows, customerCount, asOf);
  return fitModelsOn(historiesAt(days, asOf), days.hasAmounts, null);
}

/**
 * Fits both models on the histories; `near`, the fit of the same customers at a nearby as-of, is
 * where the search starts instead of its several starts (a backtest's fits, some days apart).
 * `upTo` names the histories' last day in the message when there are too few customers.
 */
export function fitModelsOn(
  history: PurchaseHistory,
  hasAmounts: boolean,
  near: CustomerModels | null,
  upTo = "as of"
): Result<CustomerModels> {
  const customers = history.customers.length;
  let repeatCustomers = 0;
  for (let i = 0; i < customers; i++) if (history.x[i] > 0) repeatCustomers++;
  if (customers < MIN_CUSTOMERS || repeatCustomers < MIN_REPEAT_CUSTOMERS) {
    return fail(
      "#N/A",
      `the customer models need at least ${MIN_CUSTOMERS} customers with a purchase and ${MIN_REPEAT_CUSTOMERS} of them with a repeat purchase (on another day) up to ${upTo}; there are ${customers} customers and ${repeatCustomers} with a repeat purchase`
    );
  }
  const triples = groupTriples(history.x, history.tx, history.T);
  const bgnbd = fitBgNbd(triples, near?.bgnbd ?? null);
  if (bgnbd === null)
    return fail("#NUM!", "the BG/NBD model could not be fitted to these purchases");
  const gammaGamma = hasAmounts
    ? fitGammaGamma(history.x, history.meanValue, near?.gammaGamma ?? null)
    : null;
  return ok({ history, triples, bgnbd, gammaGamma, repeatCustomers });
}

export interface CustomerPredictions {
  readonly pAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
  /** NaN without amounts, or when the spend model's mean is undefined (q ≤ 1). */
  readonly expectedValue: Float64Array;
  readonly expectedRevenue: Float64Array;
}

/** Every listed customer's predictions for the next `horizon` days. */
export function predictCustomers(models: CustomerModels, horizon: number): CustomerPredictions {
  const { history, bgnbd, gammaGamma } = models;
  const n = history.customers.length;
  const pAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const expectedValue = new Float64Array(n).fill(NaN);
  const expectedRevenue = new Float64Array(n).fill(NaN);
  // The live customer's expected purchases depend on x and T only: once per distinct pair.
  const forecaster = whileAliveForecaster(bgnbd, horizon);
  const whileAlive = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = history.x[i];
    const T = history.T[i];
    const key = x * 65536 + T;
    let e = whileAlive.get(key);
    if (e === undefined) {
      e = forecaster(x, T);
      whileAlive.set(key, e);
    }
    pAlive[i] = probabilityAlive(bgnbd, x, history.tx[i], T);
    expectedPurchases[i] = pAlive[i] * e;
    if (gammaGamma !== null) {
      const spend = expectedSpend(gammaGamma, x, history.meanValue[i]);
      if (spend !== null) {
        expectedValue[i] = spend;
        expectedRevenue[i] = spend * expectedPurchases[i];
      }
    }
  }
  return { pAlive, expectedPurchases, expectedValue, expectedRevenue };
}
