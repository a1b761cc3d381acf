/**
 * Equation (10) of Fader, Hardie & Lee 2005, E[Y(h) | x, t_x, T], with its ₂F₁ as a plain power
 * series: an independent reading of the paper for tests, not the production path (core/bgnbd.ts
 * integrates over the dropout probability instead). Converges fast for the ₂F₁'s argument ≤ 0.9.
 */
import { BgNbd } from "../../src/core/bgnbd";

export function equation10(m: BgNbd, x: number, tx: number, T: number, h: number): number {
  const a1 = m.r + x;
  const b1 = m.b + x;
  const c1 = m.a + m.b + x - 1;
  const z = h / (m.alpha + T + h);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 5000 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= ((a1 + n) * (b1 + n) * z) / ((c1 + n) * (n + 1));
    sum += term;
  }
  const bracket = 1 - Math.pow((m.alpha + T) / (m.alpha + T + h), m.r + x) * sum;
  const denominator =
    1 + (x > 0 ? (m.a / (m.b + x - 1)) * Math.pow((m.alpha + T) / (m.alpha + tx), m.r + x) : 0);
  return ((m.a + m.b + x - 1) / (m.a - 1)) * (bracket / denominator);
}
