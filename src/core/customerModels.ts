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
import { EvaluationBudget } from "./optimize";
import { Result, fail, ok } from "./result";

/** The least data the models are fitted on. */
export const MIN_CUSTOMERS = 10;
export const MIN_REPEAT_CUSTOMERS = 5;

export interface CustomerModels {
  readonly history: PurchaseHistory;
  readonly triples: Triples;
  readonly bgnbd: BgNbd;
  /** Null without amounts. Fitted on the amounts times history.valueScale (see spendModel). */
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
  const start = near ?? (customers > SAMPLE_SIZE ? sampleFit(history, hasAmounts) : null);
  const bgnbd = fitBgNbd(triples, start?.bgnbd ?? null, budgetFor(triples.x.length, start));
  if (bgnbd === null)
    return fail("#NUM!", "the BG/NBD model could not be fitted to these purchases");
  const gammaGamma = hasAmounts
    ? fitGammaGamma(
        history.x,
        history.meanValue,
        start?.gammaGamma ?? null,
        budgetFor(repeatCustomers, start)
      )
    : null;
  return ok({ history, triples, bgnbd, gammaGamma, repeatCustomers });
}

/**
 * Past this many customers, the search starts from a fit on a sample of them (every k-th), and
 * the fit on all of them only refines it, within an evaluation budget: an evaluation costs a pass
 * over the distinct triples (or the repeat customers), and Excel's largest table holds a million.
 */
const SAMPLE_SIZE = 20000;
/**
 * Terms of the likelihood a search may evaluate (about a second's work at some 40 ns a term): a
 * refining search from a start, and a full search from several (which takes a few hundred
 * evaluations on real data; the budget only stops a search that would crawl on and on).
 */
const REFINE_WORK = 1.2e7;
const MIN_REFINE_EVALUATIONS = 30;
const SEARCH_WORK = 4e7;
const MIN_SEARCH_EVALUATIONS = 2000;

function budgetFor(terms: number, start: Pick<CustomerModels, "bgnbd"> | null): EvaluationBudget {
  const [work, least] =
    start === null ? [SEARCH_WORK, MIN_SEARCH_EVALUATIONS] : [REFINE_WORK, MIN_REFINE_EVALUATIONS];
  return new EvaluationBudget(Math.max(least, Math.ceil(work / Math.max(1, terms))));
}

/** The models fitted on every k-th customer, as the start of the fit on all of them. */
function sampleFit(
  history: PurchaseHistory,
  hasAmounts: boolean
): Pick<CustomerModels, "bgnbd" | "gammaGamma"> | null {
  const k = Math.ceil(history.customers.length / SAMPLE_SIZE);
  const pick = <A extends Int32Array | Float64Array>(a: A): A =>
    a.filter((_, i) => i % k === 0) as A;
  const x = pick(history.x);
  const triples = groupTriples(x, pick(history.tx), pick(history.T));
  const bgnbd = fitBgNbd(triples, null, budgetFor(triples.x.length, null));
  if (bgnbd === null) return null;
  const gammaGamma = hasAmounts
    ? fitGammaGamma(x, pick(history.meanValue), null, budgetFor(x.length, null))
    : null;
  return { bgnbd, gammaGamma };
}

/** The spend model in the amounts' own units: γ and the log-likelihood undo the values' scale. */
export function spendModel(models: CustomerModels): GammaGamma | null {
  const g = models.gammaGamma;
  const scale = models.history.valueScale;
  if (g === null || scale === 1) return g;
  // m' = m·scale: γ' = γ·scale, and each customer's −ln m' term is −ln m − ln scale.
  return {
    ...g,
    gamma: g.gamma / scale,
    logLikelihood: g.logLikelihood + g.customers * Math.log(scale),
  };
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
    const key = x * 4194304 + T; // both below 2^22: days in Excel's calendar
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
        // In the amounts' own units: Infinity only when the true figure exceeds what a number holds.
        expectedValue[i] = spend / history.valueScale;
        expectedRevenue[i] = (spend * expectedPurchases[i]) / history.valueScale;
      }
    }
  }
  return { pAlive, expectedPurchases, expectedValue, expectedRevenue };
}
