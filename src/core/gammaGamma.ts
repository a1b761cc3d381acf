/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV";
 * Hardie's note "The Gamma-Gamma model of monetary value", 2013): a customer's transaction values
 * are Gamma(p, ν) around their own mean, ν ~ Gamma(q, γ) across customers. Fitted by maximum
 * likelihood over the customers with repeat purchases, from the mean m of their x repeat days.
 */
import { digammaShift, lnInverseBeta } from "./gammaDifferences";
import { EvaluationBudget, minimize } from "./optimize";
import { sortedByKey } from "./radixOrder";

export interface GammaGamma {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
  readonly logLikelihood: number;
  /** The repeat customers it was fitted on. */
  readonly customers: number;
}

/**
 * The repeat customers as the likelihood reads them: sorted by x, so the gamma-function terms, which
 * depend on x alone, are computed once per distinct x; per customer what does not change with the
 * parameters (ln m, x·m) is computed once.
 */
export interface SpendHistories {
  /** Distinct x values and where each one's customers start and end in the arrays below. */
  readonly xs: Float64Array;
  readonly groupStart: Int32Array;
  readonly lnM: Float64Array;
  readonly xm: Float64Array;
  readonly customers: number;
  readonly meanM: number;
}

/** The customers with x > 0 and m > 0. */
export function spendHistories(x: ArrayLike<number>, m: ArrayLike<number>): SpendHistories {
  const repeat: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] > 0 && m[i] > 0) repeat.push(i);
  const order = sortedByKey(Int32Array.from(repeat), x);
  const n = order.length;
  const lnM = new Float64Array(n);
  const xm = new Float64Array(n);
  const xs: number[] = [];
  const groupStart: number[] = [];
  let sumM = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (k === 0 || x[i] !== x[order[k - 1]]) {
      xs.push(x[i]);
      groupStart.push(k);
    }
    lnM[k] = Math.log(m[i]);
    xm[k] = x[i] * m[i];
    sumM += m[i];
  }
  groupStart.push(n);
  return {
    xs: Float64Array.from(xs),
    groupStart: Int32Array.from(groupStart),
    lnM,
    xm,
    customers: n,
    meanM: n === 0 ? 0 : sumM / n,
  };
}

/**
 * The log-likelihood (SPEC.md §2.5) over the repeat customers and its gradient in the
 * log-parameters. Written so that no two large terms cancel: with ln(γ + xm) = ln γ + ln(1 + xm/γ)
 * = ln(xm) + ln(1 + γ/(xm)), the terms q·ln γ and px·ln(xm) drop out, leaving
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) − ln m − px·ln(1 + γ/(xm)) − q·ln(1 + xm/γ).
 */
export function gammaGammaLogLikelihood(
  h: SpendHistories,
  p: number,
  q: number,
  gamma: number,
  gradient: Float64Array | null
): number {
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let group = 0; group < h.xs.length; group++) {
    const x = h.xs[group];
    const px = p * x;
    const beta = lnInverseBeta(px, q);
    const psiOverPx = gradient === null ? 0 : digammaShift(px, q);
    const psiOverQ = gradient === null ? 0 : digammaShift(q, px);
    for (let k = h.groupStart[group]; k < h.groupStart[group + 1]; k++) {
      const xm = h.xm[k];
      const towardGamma = Math.log1p(gamma / xm);
      const towardSpend = Math.log1p(xm / gamma);
      total += beta - h.lnM[k] - px * towardGamma - q * towardSpend;
      if (gradient !== null) {
        gp += x * (psiOverPx - towardGamma);
        gq += psiOverQ - towardSpend;
        gg += (q * xm - px * gamma) / (gamma + xm);
      }
    }
  }
  if (gradient !== null) {
    gradient[0] = gp * p;
    gradient[1] = gq * q;
    gradient[2] = gg;
  }
  return total;
}

/** The maximum-likelihood parameters over the repeat customers (x > 0), from several starts or from a nearby fit's estimates. */
export function fitGammaGamma(
  xs: Int32Array,
  meanValues: Float64Array,
  near: (Pick<GammaGamma, "p" | "q" | "gamma"> & Partial<GammaGamma>) | null = null,
  budget: EvaluationBudget = new EvaluationBudget()
): GammaGamma | null {
  const h = spendHistories(xs, meanValues);
  const customers = h.customers;
  if (customers === 0) return null;
  const meanM = h.meanM;
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const [p, q, gamma] = Array.from(theta, Math.exp);
    if (![p, q, gamma].every((v) => v > 1e-12 && v < 1e12)) return Infinity;
    const ll = gammaGammaLogLikelihood(h, p, q, gamma, gradient);
    for (let i = 0; i < 3; i++) gradient[i] = -gradient[i] / customers;
    return -ll / customers;
  };
  // Starts whose population mean pγ/(q − 1) is the sample's mean spend.
  const starts = (
    near !== null
      ? [[near.p, near.q, near.gamma]]
      : [
          [1, 2, meanM],
          [5, 4, (3 * meanM) / 5],
          [2, 10, (9 * meanM) / 2],
          [0.5, 1.5, meanM],
        ]
  ).map((s) => Float64Array.from(s, Math.log));
  const found = minimize(objective, starts, budget);
  if (!Number.isFinite(found.value)) return null;
  const [p, q, gamma] = Array.from(found.theta, Math.exp);
  return { p, q, gamma, logLikelihood: -found.value * customers, customers };
}

/** E[M | x, m]: a repeat customer's expected spend per transaction; the population's mean for x = 0. Null when q ≤ 1. */
export function expectedSpend(
  model: Pick<GammaGamma, "p" | "q" | "gamma">,
  x: number,
  m: number
): number | null {
  if (!(model.q > 1)) return null;
  if (x === 0 || !(m > 0)) return (model.p * model.gamma) / (model.q - 1);
  return (model.p * (model.gamma + x * m)) / (model.p * x + model.q - 1);
}
