/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee, "Counting your customers the easy way",
 * Marketing Science 2005): while alive a customer buys at a rate λ ~ Gamma(r, α), and after each
 * purchase drops out with probability p ~ Beta(a, b). Fitted by maximum likelihood over the
 * customers' (x, t_x, T), customers with equal triples counted once with their weight. With whole
 * x, the log-gamma and digamma terms are running sums over x, so an evaluation costs a few logs
 * per distinct triple.
 */
import { Minimum, minimize } from "./optimize";
import { BetaNodes, betaNodes } from "./quadrature";

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
  /** The largest age: t_x ≤ T ≤ maxT. */
  readonly maxT: number;
}

export function groupTriples(x: Int32Array, tx: Int32Array, T: Int32Array): Triples {
  const index = new Map<number, number>();
  const of = new Int32Array(x.length);
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const key = (x[i] * 65536 + tx[i]) * 65536 + T[i];
    let g = index.get(key);
    if (g === undefined) {
      g = count.length;
      index.set(key, g);
      gx.push(x[i]);
      gtx.push(tx[i]);
      gT.push(T[i]);
      count.push(0);
    }
    count[g]++;
    of[i] = g;
  }
  return {
    x: Int32Array.from(gx),
    tx: Int32Array.from(gtx),
    T: Int32Array.from(gT),
    count: Float64Array.from(count),
    of,
    maxX: gx.reduce((m, v) => Math.max(m, v), 0),
    maxT: gT.reduce((m, v) => Math.max(m, v), 0),
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
 * The log-likelihood (SPEC.md §2.5) and its gradient in the log-parameters. Ages and recencies are
 * whole days, so ln(α + day) is tabled once per evaluation for every day up to the oldest customer;
 * a triple then costs one exp and one log.
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
  const lnAlphaPlus = new Float64Array(t.maxT + 1);
  for (let d = 0; d <= t.maxT; d++) lnAlphaPlus[d] = Math.log(alpha + d);
  const lnAlpha = lnAlphaPlus[0];
  const lnA = Math.log(a);
  let total = 0;
  let gr = 0;
  let galpha = 0;
  let ga = 0;
  let gb = 0;
  for (let g = 0; g < t.x.length; g++) {
    const x = t.x[g];
    const n = t.count[g];
    const T = t.T[g];
    const rx = r + x;
    const lnAT = lnAlphaPlus[T];
    const a3 = -rx * lnAT;
    let ll = lr[x] + r * lnAlpha + lb[x] - lab[x];
    let dR = dr[x] + lnAlpha;
    let dAlpha = r / alpha;
    let dA = -dab[x];
    let dB = db[x] - dab[x];
    if (x === 0) {
      ll += a3;
      dR -= lnAT;
      dAlpha -= rx / (alpha + T);
    } else {
      const tx = t.tx[g];
      const lnAtx = lnAlphaPlus[tx];
      // ln(b + x − 1) is the last step of b's rising sum.
      const a4 = lnA - (lb[x] - lb[x - 1]) - rx * lnAtx;
      // ln(e^a3 + e^a4) and the weights of its two terms, with one exp.
      const d = a4 - a3;
      const e = Math.exp(-Math.abs(d));
      const w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w4;
      ll += Math.max(a3, a4) + Math.log1p(e);
      dR -= w3 * lnAT + w4 * lnAtx;
      dAlpha -= w3 * (rx / (alpha + T)) + w4 * (rx / (alpha + tx));
      dA += w4 / a;
      dB -= w4 / (b + x - 1);
    }
    total += n * ll;
    gr += n * dR;
    galpha += n * dAlpha;
    ga += n * dA;
    gb += n * dB;
  }
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
export function fitBgNbd(t: Triples, near: BgNbd | null = null): BgNbd | null {
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
  const found: Minimum = minimize(objective, starts);
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
