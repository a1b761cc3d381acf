/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee, "Counting your customers the easy way",
 * Marketing Science 2005): while alive a customer buys at a rate λ ~ Gamma(r, α), and after each
 * purchase drops out with probability p ~ Beta(a, b). Fitted by maximum likelihood over the
 * customers' (x, t_x, T), customers with equal triples counted once with their weight. With whole
 * x, the log-gamma and digamma terms are running sums over x, so an evaluation costs a few logs
 * per distinct triple.
 */
import { EvaluationBudget, Minimum, minimize } from "./optimize";
import { BetaNodes, betaNodes } from "./quadrature";
import { distinctSorted, indexIn, positions, sortedByKey } from "./radixOrder";

export interface BgNbd {
  readonly r: number;
  /** Days. */
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
  /** The maximised log-likelihood, over every customer. */
  readonly logLikelihood: number;
}

/** Customers' (x, t_x, T), the distinct triples each with how many customers share it. */
export interface Triples {
  readonly x: Int32Array;
  readonly tx: Int32Array;
  readonly T: Int32Array;
  readonly count: Float64Array;
  /** For each customer, its triple. */
  readonly of: Int32Array;
  readonly maxX: number;
  /** How many customers have each x (0 … maxX), and in all. */
  readonly customersWithX: Float64Array;
  readonly customers: number;
  /** The distinct recencies and ages, ascending; each triple's t_x and T as indexes into it. */
  readonly days: Int32Array;
  readonly txAt: Int32Array;
  readonly TAt: Int32Array;
}

/**
 * Groups equal triples by sorting the customers by (x, t_x, T) in linear time (radixOrder.ts);
 * the triples are numbered in the order of their first customer.
 */
export function groupTriples(x: Int32Array, tx: Int32Array, T: Int32Array): Triples {
  const n = x.length;
  const order = sortedByKey(sortedByKey(sortedByKey(positions(n), T), tx), x);
  // Each run of equal triples; its first customer (the lowest position: the sorts are stable).
  const runOf = new Int32Array(n);
  const leaders: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const j = k === 0 ? -1 : order[k - 1];
    if (j < 0 || x[i] !== x[j] || tx[i] !== tx[j] || T[i] !== T[j]) leaders.push(i);
    runOf[i] = leaders.length - 1;
  }
  // Runs renumbered in the order of their first customer.
  const isLeader = new Int32Array(n).fill(-1);
  for (let r = 0; r < leaders.length; r++) isLeader[leaders[r]] = r;
  const numberOfRun = new Int32Array(leaders.length);
  const groups = leaders.length;
  const gx = new Int32Array(groups);
  const gtx = new Int32Array(groups);
  const gT = new Int32Array(groups);
  for (let i = 0, g = 0; i < n; i++) {
    if (isLeader[i] < 0) continue;
    numberOfRun[isLeader[i]] = g;
    gx[g] = x[i];
    gtx[g] = tx[i];
    gT[g] = T[i];
    g++;
  }
  const of = new Int32Array(n);
  const count = new Float64Array(groups);
  for (let i = 0; i < n; i++) {
    of[i] = numberOfRun[runOf[i]];
    count[of[i]]++;
  }
  const both = new Int32Array(2 * groups);
  both.set(gtx, 0);
  both.set(gT, groups);
  const days = distinctSorted(both);
  const txAt = new Int32Array(groups);
  const TAt = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    txAt[g] = indexIn(days, gtx[g]);
    TAt[g] = indexIn(days, gT[g]);
  }
  let maxX = 0;
  for (let g = 0; g < groups; g++) if (gx[g] > maxX) maxX = gx[g];
  const customersWithX = new Float64Array(maxX + 1);
  for (let i = 0; i < n; i++) customersWithX[x[i]]++;
  return {
    x: gx,
    tx: gtx,
    T: gT,
    count,
    of,
    maxX,
    customersWithX,
    customers: n,
    days,
    txAt,
    TAt,
  };
}

/** Σ_{i<x} ln(v + i) and Σ_{i<x} 1/(v + i) for x = 0..max: lnΓ(v+x) − lnΓ(v) and ψ(v+x) − ψ(v). */
function risingSums(v: number, max: number, logs: Float64Array, inverses: Float64Array): void {
  logs[0] = 0;
  inverses[0] = 0;
  for (let i = 0; i < max; i++) {
    logs[i + 1] = logs[i] + Math.log(v + i);
    inverses[i + 1] = inverses[i] + 1 / (v + i);
  }
}

/**
 * The log-likelihood (SPEC.md §2.5) and its gradient in the log-parameters. ln(α + day) and
 * 1/(α + day) are tabled once per evaluation for the distinct ages and recencies (not per day of
 * their span); a triple then costs one exp and one log.
 */
export function bgnbdLogLikelihood(
  t: Triples,
  r: number,
  alpha: number,
  a: number,
  b: number,
  gradient: Float64Array | null
): number {
  const maxX = t.maxX;
  const lr = new Float64Array(maxX + 1);
  const dr = new Float64Array(maxX + 1);
  const lb = new Float64Array(maxX + 1);
  const db = new Float64Array(maxX + 1);
  const lab = new Float64Array(maxX + 1);
  const dab = new Float64Array(maxX + 1);
  risingSums(r, maxX, lr, dr);
  risingSums(b, maxX, lb, db);
  risingSums(a + b, maxX, lab, dab);
  const lnAlphaPlus = new Float64Array(t.days.length);
  const overAlphaPlus = new Float64Array(t.days.length);
  for (let k = 0; k < t.days.length; k++) {
    lnAlphaPlus[k] = Math.log(alpha + t.days[k]);
    overAlphaPlus[k] = 1 / (alpha + t.days[k]);
  }
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  // The terms that depend on x alone, once per x with the count of customers who have it.
  let total = 0;
  let gr = 0;
  let ga = 0;
  let gb = 0;
  for (let x = 0; x <= maxX; x++) {
    const n = t.customersWithX[x];
    if (n === 0) continue;
    total += n * (lr[x] + r * lnAlpha + lb[x] - lab[x]);
    gr += n * (dr[x] + lnAlpha);
    ga -= n * dab[x];
    gb += n * (db[x] - dab[x]);
  }
  let galpha = (t.customers * r) / alpha;
  // ln(b + x − 1) and 1/(b + x − 1): the last step of b's rising sum.
  const lnB1 = new Float64Array(maxX + 1);
  const overB1 = new Float64Array(maxX + 1);
  for (let x = 1; x <= maxX; x++) {
    lnB1[x] = lb[x] - lb[x - 1];
    overB1[x] = db[x] - db[x - 1];
  }
  let sumW4 = 0;
  for (let g = 0; g < t.x.length; g++) {
    const x = t.x[g];
    const n = t.count[g];
    const TAt = t.TAt[g];
    const rx = r + x;
    const lnAT = lnAlphaPlus[TAt];
    const a3 = -rx * lnAT;
    if (x === 0) {
      total += n * a3;
      gr -= n * lnAT;
      galpha -= n * rx * overAlphaPlus[TAt];
      continue;
    }
    const txAt = t.txAt[g];
    const lnAtx = lnAlphaPlus[txAt];
    const a4 = lnA - lnB1[x] - rx * lnAtx;
    // ln(e^a3 + e^a4) and the weights of its two terms, with one exp.
    const d = a4 - a3;
    const e = Math.exp(-Math.abs(d));
    const w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
    const w3 = 1 - w4;
    total += n * (Math.max(a3, a4) + Math.log1p(e));
    gr -= n * (w3 * lnAT + w4 * lnAtx);
    galpha -= n * rx * (w3 * overAlphaPlus[TAt] + w4 * overAlphaPlus[txAt]);
    sumW4 += n * w4;
    gb -= n * w4 * overB1[x];
  }
  ga += sumW4 / a;
  if (gradient !== null) {
    gradient[0] = gr * r;
    gradient[1] = galpha * alpha;
    gradient[2] = ga * a;
    gradient[3] = gb * b;
  }
  return total;
}

/**
 * The maximum-likelihood parameters, from several starts; or from `near` alone, the estimates of a
 * nearby fit (the same customers some days earlier), which the search then only refines.
 */
export function fitBgNbd(
  t: Triples,
  near: BgNbd | null = null,
  budget: EvaluationBudget = new EvaluationBudget()
): BgNbd | null {
  let customers = 0;
  let meanT = 0;
  for (let g = 0; g < t.x.length; g++) {
    customers += t.count[g];
    meanT += t.count[g] * t.T[g];
  }
  meanT = Math.max(1, meanT / customers);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const [r, alpha, a, b] = Array.from(theta, Math.exp);
    if (![r, alpha, a, b].every((v) => v > 1e-12 && v < 1e12)) return Infinity;
    const ll = bgnbdLogLikelihood(t, r, alpha, a, b, gradient);
    for (let i = 0; i < 4; i++) gradient[i] = -gradient[i] / customers;
    return -ll / customers;
  };
  const starts = (
    near !== null
      ? [[near.r, near.alpha, near.a, near.b]]
      : [
          [1, meanT / 4, 1, 1],
          [0.25, meanT / 10, 0.8, 2.5],
          [2, meanT, 2, 6],
          [0.5, meanT / 2, 0.3, 0.6],
        ]
  ).map((s) => Float64Array.from(s, Math.log));
  const found: Minimum = minimize(objective, starts, budget);
  if (!Number.isFinite(found.value)) return null;
  const [r, alpha, a, b] = Array.from(found.theta, Math.exp);
  return { r, alpha, a, b, logLikelihood: -found.value * customers };
}

/** P(alive at T | x, t_x, T). */
export function probabilityAlive(m: BgNbd, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const log =
    Math.log(m.a) -
    Math.log(m.b + x - 1) +
    (m.r + x) * (Math.log(m.alpha + T) - Math.log(m.alpha + tx));
  return 1 / (1 + Math.exp(log));
}

/**
 * E[Y(h) | x, t_x, T], the paper's equation (10). Its ₂F₁ term,
 * (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+h))^(r+x)·₂F₁(r+x, b+x; a+b+x−1; h/(α+T+h))], is the expected
 * purchases of a live customer, written here as the expectation it comes from over the dropout
 * probability p ~ Beta(a, b+x) (the posterior of a live customer with x repeats) of
 * g(p) = [1 − (1 + p·h/(α+T))^−(r+x)] / p, the purchases expected at dropout p once the purchase
 * rate is integrated out. Quadrature in p's log-odds (core/quadrature.ts) evaluates it to near
 * machine precision for every argument of the ₂F₁ in [0, 1) — as it nears 1 (long horizons, young
 * customers) too — and for every a, b > 0: near a = 1, where the closed form divides by a − 1, and
 * for a and b in the millions, where the Beta is a spike.
 */
export function expectedPurchases(m: BgNbd, x: number, tx: number, T: number, h: number): number {
  return probabilityAlive(m, x, tx, T) * expectedWhileAlive(m, x, T, h);
}

/** Expected purchases in the next h days of a customer known to be alive at T. */
export function expectedWhileAlive(m: BgNbd, x: number, T: number, h: number): number {
  return whileAliveForecaster(m, h)(x, T);
}

/**
 * expectedWhileAlive for many customers: the quadrature nodes of Beta(a, b + x) depend on x alone,
 * so they are computed once per x; a customer then costs a log and an exp per node.
 */
export function whileAliveForecaster(m: BgNbd, h: number): (x: number, T: number) => number {
  const byX = new Map<number, BetaNodes>();
  return (x, T) => {
    let nodes = byX.get(x);
    if (nodes === undefined) {
      nodes = betaNodes(m.a, m.b + x);
      byX.set(x, nodes);
    }
    const { p, weight } = nodes;
    const k = h / (m.alpha + T);
    const rx = m.r + x;
    let sum = 0;
    for (let j = 0; j < p.length; j++) {
      if (weight[j] === 0) continue;
      // g(p); its limit r+x times k as p goes to 0.
      sum += weight[j] * (p[j] > 0 ? -Math.expm1(-rx * Math.log1p(p[j] * k)) / p[j] : rx * k);
    }
    return sum;
  };
}
