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
import { GammaGamma, SpendHistories, expectedSpend, fitSpend, spendHistories } from "./gammaGamma";
import { PurchaseHistory, historiesAt, purchaseDays } from "./purchaseHistory";
import { Result, fail, ok } from "./result";

/** The least data the models are fitted on. */
export const MIN_CUSTOMERS = 10;
export const MIN_REPEAT_CUSTOMERS = 5;

/** Both models as fitted, whatever they were fitted from. */
export interface FittedModels {
  readonly bgnbd: BgNbd;
  /** Null without amounts. */
  readonly gammaGamma: GammaGamma | null;
  readonly customers: number;
  readonly repeatCustomers: number;
}

export interface CustomerModels extends FittedModels {
  readonly history: PurchaseHistory;
  readonly triples: Triples;
}

/**
 * What the likelihoods read: the customers' distinct (x, t_x, T) with their counts, and the repeat
 * customers' (x, m), customers with equal ones possibly merged with their count. The engine makes
 * them from its purchase histories; a SQL engine (src/sql) computes them in the database.
 */
export interface ModelSummaries {
  readonly triples: Triples;
  /** Null without amounts. */
  readonly spend: SpendHistories | null;
  readonly customers: number;
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
  near: FittedModels | null,
  upTo = "as of"
): Result<CustomerModels> {
  const customers = history.customers.length;
  let repeatCustomers = 0;
  for (let i = 0; i < customers; i++) if (history.x[i] > 0) repeatCustomers++;
  const tooFew = tooFewCustomers(customers, repeatCustomers, upTo);
  if (tooFew !== null) return tooFew;
  const triples = groupTriples(history.x, history.tx, history.T);
  const spend = hasAmounts ? spendHistories(history.x, history.meanValue) : null;
  const fitted = fitModelsOnSummaries({ triples, spend, customers, repeatCustomers }, near);
  if (!fitted.ok) return fitted;
  return ok({ history, triples, ...fitted.value });
}

/** The refusal when there are too few customers to fit the models; null when there are enough. */
function tooFewCustomers(
  customers: number,
  repeatCustomers: number,
  upTo: string
): Result<never> | null {
  if (customers >= MIN_CUSTOMERS && repeatCustomers >= MIN_REPEAT_CUSTOMERS) return null;
  return fail(
    "#N/A",
    `the customer models need at least ${MIN_CUSTOMERS} customers with a purchase and ${MIN_REPEAT_CUSTOMERS} of them with a repeat purchase (on another day) up to ${upTo}; there are ${customers} customers and ${repeatCustomers} with a repeat purchase`
  );
}

/** Fits both models on what their likelihoods read (see fitModelsOn for `near` and `upTo`). */
export function fitModelsOnSummaries(
  s: ModelSummaries,
  near: FittedModels | null,
  upTo = "as of"
): Result<FittedModels> {
  const tooFew = tooFewCustomers(s.customers, s.repeatCustomers, upTo);
  if (tooFew !== null) return tooFew;
  const bgnbd = fitBgNbd(s.triples, near?.bgnbd ?? null);
  if (bgnbd === null)
    return fail("#NUM!", "the BG/NBD model could not be fitted to these purchases");
  const gammaGamma = s.spend === null ? null : fitSpend(s.spend, near?.gammaGamma ?? null);
  return ok({
    bgnbd,
    gammaGamma,
    customers: s.customers,
    repeatCustomers: s.repeatCustomers,
  });
}

export interface CustomerPredictions {
  readonly pAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
  /** NaN without amounts, or when the spend model's mean is undefined (q ≤ 1). */
  readonly expectedValue: Float64Array;
  readonly expectedRevenue: Float64Array;
}

/** One customer's predictions: chance alive, expected purchases, spend and revenue (NaN without a spend model). */
export interface CustomerPrediction {
  readonly pAlive: number;
  readonly expectedPurchases: number;
  readonly expectedValue: number;
  readonly expectedRevenue: number;
}

/**
 * Predicts customers one by one for the next `horizon` days. The live customer's expected
 * purchases depend on x and T only: computed once per distinct pair.
 */
export function customerPredictor(
  models: FittedModels,
  horizon: number
): (x: number, tx: number, T: number, m: number) => CustomerPrediction {
  const { bgnbd, gammaGamma } = models;
  const forecaster = whileAliveForecaster(bgnbd, horizon);
  const whileAlive = new Map<number, number>();
  return (x, tx, T, m) => {
    const key = x * 65536 + T;
    let e = whileAlive.get(key);
    if (e === undefined) {
      e = forecaster(x, T);
      whileAlive.set(key, e);
    }
    const pAlive = probabilityAlive(bgnbd, x, tx, T);
    const expectedPurchases = pAlive * e;
    const spend = gammaGamma === null ? null : expectedSpend(gammaGamma, x, m);
    return spend === null
      ? { pAlive, expectedPurchases, expectedValue: NaN, expectedRevenue: NaN }
      : {
          pAlive,
          expectedPurchases,
          expectedValue: spend,
          expectedRevenue: spend * expectedPurchases,
        };
  };
}

/** Every listed customer's predictions for the next `horizon` days. */
export function predictCustomers(models: CustomerModels, horizon: number): CustomerPredictions {
  const { history } = models;
  const n = history.customers.length;
  const pAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const expectedValue = new Float64Array(n).fill(NaN);
  const expectedRevenue = new Float64Array(n).fill(NaN);
  const predict = customerPredictor(models, horizon);
  for (let i = 0; i < n; i++) {
    const p = predict(history.x[i], history.tx[i], history.T[i], history.meanValue[i]);
    pAlive[i] = p.pAlive;
    expectedPurchases[i] = p.expectedPurchases;
    expectedValue[i] = p.expectedValue;
    expectedRevenue[i] = p.expectedRevenue;
  }
  return { pAlive, expectedPurchases, expectedValue, expectedRevenue };
}

/**
 * Customers with equal (x, t_x, T), as a SQL engine sends them: how many, the sum of their mean
 * spends m (0 for x = 0), and whatever else the caller adds up over them.
 */
export interface CustomerGroup {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly count: number;
  readonly sumM: number;
}

/**
 * The expected purchases and revenue of a group of customers in the next `horizon` days: the
 * spend expected of a repeat customer, p(γ + x·m)/(px + q − 1), is linear in m, so a group's is
 * its count and Σm's; NaN revenue without a spend model.
 */
export function groupPredictor(
  models: FittedModels,
  horizon: number
): (g: CustomerGroup) => { expectedPurchases: number; expectedRevenue: number } {
  const predict = customerPredictor(models, horizon);
  const gg = models.gammaGamma;
  return (g) => {
    const one = predict(g.x, g.tx, g.T, g.x > 0 ? g.sumM / g.count : NaN);
    const expectedPurchases = g.count * one.expectedPurchases;
    if (gg === null || !(gg.q > 1)) return { expectedPurchases, expectedRevenue: NaN };
    const spend =
      g.x > 0
        ? (gg.p * (gg.gamma * g.count + g.x * g.sumM)) / (gg.p * g.x + gg.q - 1)
        : (g.count * gg.p * gg.gamma) / (gg.q - 1);
    return { expectedPurchases, expectedRevenue: one.expectedPurchases * spend };
  };
}
