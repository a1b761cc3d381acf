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
import {
  GammaGamma,
  SpendHistories,
  expectedSpend,
  fitGammaGamma,
  fitSpend,
  spendHistories,
} from "./gammaGamma";
import { PurchaseHistory, historiesAt, purchaseDays } from "./purchaseHistory";
import { EvaluationBudget } from "./optimize";
import { Result, fail, ok } from "./result";

/** The least data the models are fitted on. */
export const MIN_CUSTOMERS = 10;
export const MIN_REPEAT_CUSTOMERS = 5;

/** Both models as fitted, whatever they were fitted from. */
export interface FittedModels {
  readonly bgnbd: BgNbd;
  /** Null without amounts. Fitted on the amounts times history.valueScale (see spendModel). */
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
  const start = near ?? (customers > SAMPLE_SIZE ? sampleFit(history, hasAmounts) : null);
  const spend = hasAmounts ? spendHistories(history.x, history.meanValue) : null;
  const fitted = fitModelsOnSummaries({ triples, spend, customers, repeatCustomers }, start);
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

/**
 * Fits both models on what their likelihoods read (see fitModelsOn for `upTo`); `start`, a nearby
 * fit (or a sample's), is where the searches start, within a refining budget.
 */
export function fitModelsOnSummaries(
  s: ModelSummaries,
  start: Pick<FittedModels, "bgnbd" | "gammaGamma"> | null,
  upTo = "as of"
): Result<FittedModels> {
  const tooFew = tooFewCustomers(s.customers, s.repeatCustomers, upTo);
  if (tooFew !== null) return tooFew;
  const bgnbd = fitBgNbd(s.triples, start?.bgnbd ?? null, budgetFor(s.triples.x.length, start));
  if (bgnbd === null)
    return fail("#NUM!", "the BG/NBD model could not be fitted to these purchases");
  const gammaGamma =
    s.spend === null
      ? null
      : fitSpend(s.spend, start?.gammaGamma ?? null, budgetFor(s.spend.lnM.length, start));
  return ok({
    bgnbd,
    gammaGamma,
    customers: s.customers,
    repeatCustomers: s.repeatCustomers,
  });
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

/** One customer's predictions: chance alive, expected purchases, spend and revenue (NaN without a spend model). */
export interface CustomerPrediction {
  readonly pAlive: number;
  readonly expectedPurchases: number;
  readonly expectedValue: number;
  readonly expectedRevenue: number;
}

/**
 * Predicts customers one by one for the next `horizon` days. The live customer's expected
 * purchases depend on x and T only: computed once per distinct pair. `valueScale`: the factor the
 * spends m were scaled by before the fit (PurchaseHistory.valueScale), undone in the results.
 */
export function customerPredictor(
  models: FittedModels,
  horizon: number,
  valueScale = 1
): (x: number, tx: number, T: number, m: number) => CustomerPrediction {
  const { bgnbd, gammaGamma } = models;
  const forecaster = whileAliveForecaster(bgnbd, horizon);
  const whileAlive = new Map<number, number>();
  return (x, tx, T, m) => {
    const key = x * 4194304 + T; // both below 2^22: days in Excel's calendar
    let e = whileAlive.get(key);
    if (e === undefined) {
      e = forecaster(x, T);
      whileAlive.set(key, e);
    }
    const pAlive = probabilityAlive(bgnbd, x, tx, T);
    const expectedPurchases = pAlive * e;
    const spend = gammaGamma === null ? null : expectedSpend(gammaGamma, x, m);
    // In the amounts' own units: Infinity only when the true figure exceeds what a number holds.
    return spend === null
      ? { pAlive, expectedPurchases, expectedValue: NaN, expectedRevenue: NaN }
      : {
          pAlive,
          expectedPurchases,
          expectedValue: spend / valueScale,
          expectedRevenue: (spend * expectedPurchases) / valueScale,
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
  const predict = customerPredictor(models, horizon, history.valueScale);
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
