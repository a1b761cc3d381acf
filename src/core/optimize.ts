/**
 * Minimising a smooth function of a few parameters with its gradient: BFGS with a backtracking
 * line search, from several starts, then Newton steps on a Hessian taken by central differences
 * of the gradient, until the gradient vanishes to machine precision. The models minimise their
 * negative mean log-likelihood in log-parameters, so every parameter stays positive.
 */

/** The function's value at θ; writes its gradient into `gradient`. Non-finite values mean "not here". */
export type Objective = (theta: Float64Array, gradient: Float64Array) => number;

export interface Minimum {
  readonly theta: Float64Array;
  readonly value: number;
  /** The largest gradient component at the end. */
  readonly gradientNorm: number;
}

const MAX_ITERATIONS = 500;

/**
 * How many evaluations of the objective a search may make, all starts together; past it, the
 * search stops where it is. The models set it from the work of one evaluation, so that a fit on
 * Excel's largest table answers in seconds whatever the data (the likelihood's evaluations, not
 * the iterations, are what cost).
 */
export class EvaluationBudget {
  used = 0;
  constructor(readonly limit: number = Infinity) {}
  get spent(): boolean {
    return this.used >= this.limit;
  }
}

function bfgs(f: Objective, start: Float64Array, budget: EvaluationBudget): Minimum {
  const k = start.length;
  let theta = Float64Array.from(start);
  let g = new Float64Array(k);
  let value = f(theta, g);
  if (!Number.isFinite(value)) return { theta, value: Infinity, gradientNorm: Infinity };
  // The inverse Hessian's estimate, k × k, row-major; starts as the identity.
  let h = identity(k);
  const next = new Float64Array(k);
  let nextG = new Float64Array(k);
  for (let iteration = 0; iteration < MAX_ITERATIONS && !budget.spent; iteration++) {
    if (norm(g) < 1e-12) break;
    const direction = new Float64Array(k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) direction[i] -= h[i * k + j] * g[j];
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      // Not a descent direction: start the estimate again.
      h = identity(k);
      for (let i = 0; i < k; i++) direction[i] = -g[i];
      slope = -dot(g, g);
    }
    // Backtracking: at most a step of 2 in any log-parameter, then halve until the value drops enough.
    let step = Math.min(1, 2 / Math.max(1e-300, maxAbs(direction)));
    let accepted = false;
    let nextValue = Infinity;
    for (let tries = 0; tries < 40 && !accepted && !budget.spent; tries++) {
      for (let i = 0; i < k; i++) next[i] = theta[i] + step * direction[i];
      nextValue = f(next, nextG);
      accepted = Number.isFinite(nextValue) && nextValue <= value + 1e-4 * step * slope;
      if (!accepted) step /= 2;
    }
    // No step lowers the value any more: as far as floating point goes (the Newton steps finish).
    if (!accepted) break;
    const s = new Float64Array(k);
    const y = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      s[i] = next[i] - theta[i];
      y[i] = nextG[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-300) h = bfgsUpdate(h, s, y, sy);
    const improvement = value - nextValue;
    theta = Float64Array.from(next);
    [g, nextG] = [nextG, g];
    value = nextValue;
    if (improvement <= 1e-15 * Math.max(1, Math.abs(value))) break;
  }
  return { theta, value, gradientNorm: norm(g) };
}

/** Newton steps with a Hessian by central differences of the gradient, while they lower the value. */
function polish(f: Objective, found: Minimum, budget: EvaluationBudget): Minimum {
  const k = found.theta.length;
  let theta = Float64Array.from(found.theta);
  let g = new Float64Array(k);
  let value = f(theta, g);
  const plus = new Float64Array(k);
  const minus = new Float64Array(k);
  const probe = new Float64Array(k);
  for (let iteration = 0; iteration < 8 && !budget.spent; iteration++) {
    const hessian = new Float64Array(k * k);
    for (let j = 0; j < k; j++) {
      const e = 1e-5 * Math.max(1, Math.abs(theta[j]));
      probe.set(theta);
      probe[j] = theta[j] + e;
      f(probe, plus);
      probe[j] = theta[j] - e;
      f(probe, minus);
      for (let i = 0; i < k; i++) hessian[i * k + j] = (plus[i] - minus[i]) / (2 * e);
    }
    for (let i = 0; i < k; i++)
      for (let j = 0; j < i; j++)
        hessian[i * k + j] = hessian[j * k + i] = (hessian[i * k + j] + hessian[j * k + i]) / 2;
    const step = solve(hessian, g, k);
    if (step === null) break;
    const next = new Float64Array(k);
    for (let i = 0; i < k; i++) next[i] = theta[i] - step[i];
    const nextG = new Float64Array(k);
    const nextValue = f(next, nextG);
    if (
      !Number.isFinite(nextValue) ||
      nextValue > value + 1e-15 * Math.abs(value) ||
      norm(nextG) > norm(g)
    )
      break;
    theta = next;
    g = nextG;
    value = nextValue;
    if (norm(g) < 1e-14) break;
  }
  return { theta, value, gradientNorm: norm(g) };
}

/** Starts searched in full: the two that begin lowest. */
const SEARCHED_STARTS = 2;

/** The lowest minimum from the starts given (searched from the ones that begin lowest). */
export function minimize(
  objective: Objective,
  starts: readonly Float64Array[],
  budget: EvaluationBudget = new EvaluationBudget()
): Minimum {
  const f: Objective = (theta, gradient) => {
    budget.used++;
    return objective(theta, gradient);
  };
  const scratch = new Float64Array(starts[0].length);
  const ranked = starts
    .map((start) => ({ start, value: f(start, scratch) }))
    .filter((s) => Number.isFinite(s.value))
    .sort((x, y) => x.value - y.value)
    .slice(0, SEARCHED_STARTS);
  let best: Minimum | null = null;
  for (const { start } of ranked) {
    const found = bfgs(f, start, budget);
    if (!Number.isFinite(found.value)) continue;
    if (best === null || found.value < best.value) best = found;
  }
  if (best === null)
    return { theta: Float64Array.from(starts[0]), value: Infinity, gradientNorm: Infinity };
  return polish(f, best, budget);
}

function identity(k: number): Float64Array {
  const h = new Float64Array(k * k);
  for (let i = 0; i < k; i++) h[i * k + i] = 1;
  return h;
}

function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, sy: number): Float64Array {
  const k = s.length;
  const hy = new Float64Array(k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) hy[i] += h[i * k + j] * y[j];
  const yhy = dot(y, hy);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      out[i * k + j] =
        h[i * k + j] + ((sy + yhy) * s[i] * s[j]) / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
    }
  }
  return out;
}

/** Solves A x = b (k × k, row-major) by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: Float64Array, b: Float64Array, k: number): Float64Array | null {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++)
      if (Math.abs(m[r * k + col]) > Math.abs(m[pivot * k + col])) pivot = r;
    if (Math.abs(m[pivot * k + col]) < 1e-300) return null;
    if (pivot !== col) {
      for (let c = 0; c < k; c++)
        [m[col * k + c], m[pivot * k + c]] = [m[pivot * k + c], m[col * k + c]];
      [x[col], x[pivot]] = [x[pivot], x[col]];
    }
    for (let r = col + 1; r < k; r++) {
      const factor = m[r * k + col] / m[col * k + col];
      for (let c = col; c < k; c++) m[r * k + c] -= factor * m[col * k + c];
      x[r] -= factor * x[col];
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let sum = x[r];
    for (let c = r + 1; c < k; c++) sum -= m[r * k + c] * x[c];
    x[r] = sum / m[r * k + r];
  }
  return x.every(Number.isFinite) ? x : null;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + v * b[i], 0);
const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const norm = maxAbs;
