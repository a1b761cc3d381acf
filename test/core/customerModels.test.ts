/**
 * The customer models (SPEC.md §2.5): histories worked by hand, the published CDNOW figures, the
 * likelihood's maximum whatever the start, equation (10) against a direct series of its ₂F₁, and
 * CUSTOMER_FORECAST / FORECAST_MODEL with their errors.
 */
import { isoDateToSerial } from "../../src/core/cells";
import {
  BgNbd,
  bgnbdLogLikelihood,
  expectedPurchases,
  expectedWhileAlive,
  fitBgNbd,
  groupTriples,
  probabilityAlive,
} from "../../src/core/bgnbd";
import {
  expectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  spendHistories,
} from "../../src/core/gammaGamma";
import { purchaseHistories } from "../../src/core/purchaseHistory";
import { digammaShift, lnGammaShift, lnInverseBeta } from "../../src/core/gammaDifferences";
import {
  CUSTOMER_FORECAST_HEADER,
  customerForecastOfCells,
  forecastModelOfCells,
} from "../../src/core/sheetFunctions";
import gammaln from "@stdlib/math-base-special-gammaln";
import { readCdnow } from "../support/cdnow";
import { equation10 } from "../support/equation10";

const day = isoDateToSerial;

describe("purchase histories, worked by hand", () => {
  // As of 2025-03-31. A: days 03-01 (two rows), 03-10, 03-20 (a return and a sale); B: one purchase on 03-15;
  // C: a return only; D: a purchase after as of; E: 0 and blank ids are no customer.
  const rows = [
    ["A", "2025-03-01", 100],
    ["A", "2025-03-01", 50],
    ["A", "2025-03-10", 40],
    ["A", "2025-03-20", -30],
    ["A", "2025-03-20", 80],
    ["B", "2025-03-15", 70],
    ["C", "2025-03-05", -20],
    ["D", "2025-04-02", 60],
    [0, "2025-03-02", 90],
  ];
  const customer = Int32Array.from(
    rows.map((r) => ({ A: 0, B: 1, C: 2, D: 3 })[r[0] as string] ?? -1)
  );
  const dates = Int32Array.from(rows.map((r) => day(r[1] as string)));
  const amount = Float64Array.from(rows.map((r) => r[2] as number));
  const h = purchaseHistories({ customer, day: dates, amount, latestDay: 0 }, 4, day("2025-03-31"));

  test("same-day rows are one purchase day; returns are not purchases; rows after as of are left out", () => {
    expect(Array.from(h.customers)).toEqual([0, 1]);
    // A: days 03-01, 03-10, 03-20 → x = 2, t_x = 19, T = 30; B: x = 0, T = 16.
    expect([Array.from(h.x), Array.from(h.tx), Array.from(h.T)]).toEqual([
      [2, 0],
      [19, 0],
      [30, 16],
    ]);
  });

  test("the mean of the repeat days' values: 40 and 80 (the return of that day left out), not the first day's 150", () => {
    expect(h.meanValue[0]).toBe(60);
    expect(h.meanValue[1]).toBeNaN();
  });

  test("without amounts every row is a purchase, the return's day included", () => {
    const all = purchaseHistories(
      { customer, day: dates, amount: null, latestDay: 0 },
      4,
      day("2025-03-31")
    );
    expect(Array.from(all.customers)).toEqual([0, 1, 2]);
    expect(Array.from(all.x)).toEqual([2, 0, 0]);
  });
});

describe("the published CDNOW figures (Fader, Hardie & Lee 2005; Hardie 2013)", () => {
  const sample = readCdnow("CDNOW_sample.txt");
  const asOf = day("1997-09-30");
  const model = forecastModelOfCells(sample.ids, sample.dates, null, asOf);
  const withAmounts = forecastModelOfCells(sample.ids, sample.dates, sample.amounts, asOf);
  const value = (t: typeof model, name: string): number => {
    if (!t.ok) throw new Error(t.error.message);
    return t.value.find((row) => row[0] === name)?.[1] as number;
  };

  test("BG/NBD without amounts: r 0.243, α 4.414 a week, a 0.793, b 2.426, on 2,357 customers", () => {
    expect(value(model, "customers")).toBe(2357);
    expect(value(model, "r")).toBeCloseTo(0.243, 3);
    expect(value(model, "alpha") / 7).toBeCloseTo(4.414, 3);
    expect(value(model, "a")).toBeCloseTo(0.793, 3);
    expect(value(model, "b")).toBeCloseTo(2.426, 3);
    expect(value(model, "p")).toBe("");
  });

  test("the paper's customer (x = 2, t_x = 30.43, T = 38.86 weeks): 1.226 purchases expected in the next 39 weeks", () => {
    const m: BgNbd = {
      r: value(model, "r"),
      alpha: value(model, "alpha"),
      a: value(model, "a"),
      b: value(model, "b"),
      logLikelihood: 0,
    };
    expect(expectedPurchases(m, 2, 30.43 * 7, 38.86 * 7, 39 * 7)).toBeCloseTo(1.226, 3);
  });

  test("Gamma-Gamma on the 946 repeat customers: p 6.25, q 3.74, γ 15.44", () => {
    expect(value(withAmounts, "repeat_customers")).toBe(946);
    expect(value(withAmounts, "p")).toBeCloseTo(6.25, 2);
    expect(value(withAmounts, "q")).toBeCloseTo(3.74, 2);
    expect(value(withAmounts, "gamma")).toBeCloseTo(15.44, 2);
  });

  test("the estimates are the likelihood's maximum: no better point within 1e-4 in any direction, the gradient zero", () => {
    const rows = {
      customer: new Int32Array(sample.ids.length),
      day: Int32Array.from(sample.dates, (d) => d[0]),
      amount: null,
      latestDay: 0,
    };
    const ids = new Map<string, number>();
    sample.ids.forEach(([id], i) => {
      if (!ids.has(id)) ids.set(id, ids.size);
      rows.customer[i] = ids.get(id) as number;
    });
    const h = purchaseHistories(rows, ids.size, asOf);
    const t = groupTriples(h.x, h.tx, h.T);
    const m = fitBgNbd(t) as BgNbd;
    const gradient = new Float64Array(4);
    const best = bgnbdLogLikelihood(t, m.r, m.alpha, m.a, m.b, gradient);
    // The total log-likelihood's gradient (over 2,357 customers) is flat to well under a parameter's 1e-4.
    expect(Math.max(...Array.from(gradient, Math.abs))).toBeLessThan(1e-4);
    const params = [m.r, m.alpha, m.a, m.b];
    for (let i = 0; i < 4; i++) {
      for (const f of [1 - 1e-4, 1 + 1e-4]) {
        const p = [...params];
        p[i] *= f;
        expect(bgnbdLogLikelihood(t, p[0], p[1], p[2], p[3], null)).toBeLessThan(best);
      }
    }
    // Whatever the start, the same estimates to 1e-6: searched from a point far off every parameter.
    const again = fitBgNbd(t, { r: 3, alpha: 400, a: 5, b: 40, logLikelihood: 0 }) as BgNbd;
    for (const k of ["r", "alpha", "a", "b"] as const)
      expect([k, again[k] / m[k]]).toEqual([k, expect.closeTo(1, 6)]);
  });
});

describe("Gamma-Gamma on CDNOW whatever the start", () => {
  test("from a point far off, the same p, q, γ to 1e-6", () => {
    const sample = readCdnow("CDNOW_sample.txt");
    const ids = new Map<string, number>();
    const customer = Int32Array.from(sample.ids, ([id]) => {
      if (!ids.has(id)) ids.set(id, ids.size);
      return ids.get(id) as number;
    });
    const rows = {
      customer,
      day: Int32Array.from(sample.dates, (d) => d[0]),
      amount: Float64Array.from(sample.amounts, (a) => a[0]),
      latestDay: 0,
    };
    const h = purchaseHistories(rows, ids.size, isoDateToSerial("1997-09-30"));
    const best = fitGammaGamma(h.x, h.meanValue);
    const far = fitGammaGamma(h.x, h.meanValue, { p: 0.5, q: 30, gamma: 900, logLikelihood: 0 });
    if (best === null || far === null) throw new Error("no fit");
    for (const k of ["p", "q", "gamma"] as const)
      expect([k, far[k] / best[k]]).toEqual([k, expect.closeTo(1, 6)]);
  });
});

describe("the analytic gradients the optimiser follows equal the likelihoods' slopes", () => {
  // Central differences in the log-parameters, at points away from any optimum.
  const slope = (ll: (theta: number[]) => number, theta: number[], i: number): number => {
    const e = 1e-6;
    const up = [...theta];
    const down = [...theta];
    up[i] += e;
    down[i] -= e;
    return (ll(up) - ll(down)) / (2 * e);
  };
  test("BG/NBD, with one-time, repeat and same-triple customers", () => {
    const t = groupTriples(
      Int32Array.of(0, 0, 1, 3, 3, 7),
      Int32Array.of(0, 0, 20, 41, 41, 90),
      Int32Array.of(30, 30, 60, 95, 95, 120)
    );
    const ll = (th: number[]): number =>
      bgnbdLogLikelihood(
        t,
        Math.exp(th[0]),
        Math.exp(th[1]),
        Math.exp(th[2]),
        Math.exp(th[3]),
        null
      );
    for (const theta of [
      [Math.log(0.4), Math.log(12), Math.log(0.7), Math.log(2.5)],
      [0.5, 3, -1, 0.2],
    ]) {
      const gradient = new Float64Array(4);
      bgnbdLogLikelihood(
        t,
        Math.exp(theta[0]),
        Math.exp(theta[1]),
        Math.exp(theta[2]),
        Math.exp(theta[3]),
        gradient
      );
      for (let i = 0; i < 4; i++) expect(gradient[i]).toBeCloseTo(slope(ll, theta, i), 5);
    }
  });
  test("Gamma-Gamma, customers with the same x and different spend", () => {
    const h = spendHistories(
      Float64Array.of(1, 1, 2, 5, 0),
      Float64Array.of(20, 35, 50, 12.5, NaN)
    );
    const ll = (th: number[]): number =>
      gammaGammaLogLikelihood(h, Math.exp(th[0]), Math.exp(th[1]), Math.exp(th[2]), null);
    for (const theta of [
      [Math.log(3), Math.log(4), Math.log(15)],
      [-0.5, 2, 4],
    ]) {
      const gradient = new Float64Array(3);
      gammaGammaLogLikelihood(
        h,
        Math.exp(theta[0]),
        Math.exp(theta[1]),
        Math.exp(theta[2]),
        gradient
      );
      for (let i = 0; i < 3; i++) expect(gradient[i]).toBeCloseTo(slope(ll, theta, i), 5);
    }
  });
});

describe("log-gamma and digamma differences stay exact when the parameters run off", () => {
  test.each([10, 9999, 10001, 1e6, 2.5e9, 1e12])(
    "at %d: lnΓ(z+1) − lnΓ(z) = ln z, lnΓ(z+2) − lnΓ(z) = ln z(z+1), ψ(z+1) − ψ(z) = 1/z",
    (z) => {
      expect(lnGammaShift(z, 1)).toBeCloseTo(Math.log(z), 12);
      expect(lnGammaShift(z, 2) / (Math.log(z) + Math.log(z + 1))).toBeCloseTo(1, 14);
      expect(digammaShift(z, 1) * z).toBeCloseTo(1, 12);
      expect(digammaShift(z, 2) / (1 / z + 1 / (z + 1))).toBeCloseTo(1, 12);
    }
  );
  test("the series and the library agree where one hands over to the other", () => {
    for (const s of [0.3, 2.6, 150]) {
      expect(lnGammaShift(10000, s)).toBeCloseTo(gammaln(10000 + s) - gammaln(10000), 9);
      expect(lnInverseBeta(s, 10000)).toBeCloseTo(
        gammaln(10000 + s) - gammaln(10000) - gammaln(s),
        9
      );
    }
  });
  test("the Gamma-Gamma likelihood is smooth at q and γ near 1e9: no rounding noise for the optimiser to chase", () => {
    const h = spendHistories(Float64Array.of(3, 5, 8, 2), Float64Array.of(40, 55, 47, 60));
    const at = (q: number): number => gammaGammaLogLikelihood(h, 2.6, q, q * 20, null);
    // Second differences over a relative step of 1e-7: noise of 1e-6 (what the direct terms gave) would swamp them.
    const q = 2.5e9;
    const d = q * 1e-7;
    expect(Math.abs(at(q + d) - 2 * at(q) + at(q - d))).toBeLessThan(1e-9);
  });
});

describe("equation (10): the quadrature against a direct series of its ₂F₁", () => {
  const m: BgNbd = { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426, logLikelihood: 0 };
  test.each([
    [0, 0, 200, 90],
    [2, 213, 272, 273],
    [5, 300, 400, 30],
    [1, 10, 20, 1], // a horizon of one day
    [12, 500, 520, 365],
    [0, 0, 5, 60], // a customer of five days: z = 0.63
    [3, 100, 101, 900], // z = 0.87
  ])("x %i, t_x %i, T %i, h %i", (x, tx, T, h) => {
    const series = equation10(m, x, tx, T, h);
    expect(Math.abs(expectedPurchases(m, x, tx, T, h) - series)).toBeLessThan(
      1e-10 * Math.max(1, series)
    );
  });

  test.each([
    [0.05, 0.3], // the dropout probability piled against 0 and 1
    [40, 90],
    [500, 1000], // concentrated: sd of p 0.012
    [2e6, 4e6],
  ])("a %d, b %d: the Beta of the dropout probability spread out or a spike", (a, b) => {
    const spread: BgNbd = { ...m, a, b };
    for (const [x, tx, T, h] of [
      [0, 0, 200, 90],
      [4, 150, 300, 1],
      [3, 100, 101, 900],
    ]) {
      const series = equation10(spread, x, tx, T, h);
      expect([x, T, h, Math.abs(expectedPurchases(spread, x, tx, T, h) - series) / series]).toEqual(
        [x, T, h, expect.closeTo(0, 9)]
      );
    }
  });

  test("a and b at the optimiser's bound (no spread in dropout at all): the point-mass limit", () => {
    const spike: BgNbd = { ...m, a: 5e11, b: 1e12 };
    // p is a/(a+b) = 1/3 for certain: g(p) = [1 − (1 + p·h/(α+T))^−(r+x)] / p.
    const [x, T, h] = [2, 180, 1];
    const p = 1 / 3;
    const g = (1 - Math.pow(1 + (p * h) / (m.alpha + T), -(m.r + x))) / p;
    expect(expectedWhileAlive(spike, x, T, h)).toBeCloseTo(g, 9);
  });

  test("with a near 1, where the closed form divides by a − 1, and with the ₂F₁'s argument near 1", () => {
    const near1: BgNbd = { ...m, a: 1 + 1e-9 };
    const v = expectedPurchases(near1, 2, 100, 200, 90);
    expect(v).toBeGreaterThan(0);
    expect(Math.abs(v - expectedPurchases({ ...m, a: 1.001 }, 2, 100, 200, 90))).toBeLessThan(1e-3);
    // Ten years ahead for a customer of two days: the argument is 0.99; the answer stays finite and grows with h.
    const long = expectedPurchases(m, 1, 1, 2, 3650);
    expect(Number.isFinite(long)).toBe(true);
    expect(long).toBeGreaterThan(expectedPurchases(m, 1, 1, 2, 365));
  });

  test("a customer with one purchase is alive for sure; one silent since long ago hardly", () => {
    expect(probabilityAlive(m, 0, 0, 300)).toBe(1);
    expect(probabilityAlive(m, 5, 20, 400)).toBeLessThan(0.05);
    // One who bought yesterday is alive unless that purchase was the last: a / (b + x − 1) against 1.
    expect(probabilityAlive(m, 5, 399, 400)).toBeCloseTo(
      1 / (1 + (m.a / (m.b + 4)) * Math.pow((m.alpha + 400) / (m.alpha + 399), m.r + 5)),
      12
    );
    expect(probabilityAlive(m, 5, 399, 400)).toBeGreaterThan(0.85);
  });
});

describe("Gamma-Gamma by hand", () => {
  test("the expected spend: p(γ + x·m)/(px + q − 1), the population's mean pγ/(q − 1) without repeats; none when q ≤ 1", () => {
    const g = { p: 6, q: 4, gamma: 15, logLikelihood: 0 };
    expect(expectedSpend(g, 2, 30)).toBeCloseTo((6 * (15 + 60)) / (12 + 3), 12);
    expect(expectedSpend(g, 0, NaN)).toBeCloseTo((6 * 15) / 3, 12);
    expect(expectedSpend({ ...g, q: 1 }, 2, 30)).toBeNull();
  });

  test("the log-likelihood of one customer, as Hardie's note writes it", () => {
    const [p, q, gamma, x, m] = [2, 3, 10, 4, 25];
    const hand =
      gammaln(p * x + q) -
      gammaln(p * x) -
      gammaln(q) +
      q * Math.log(gamma) +
      (p * x - 1) * Math.log(m) +
      p * x * Math.log(x) -
      (p * x + q) * Math.log(gamma + x * m);
    expect(
      gammaGammaLogLikelihood(
        spendHistories(Float64Array.of(x), Float64Array.of(m)),
        p,
        q,
        gamma,
        null
      )
    ).toBeCloseTo(hand, 12);
  });

  test("fitted on repeat customers only: one-time buyers change nothing", () => {
    const x = Int32Array.of(1, 2, 3, 1, 4, 2, 5);
    const m = Float64Array.of(20, 35, 50, 15, 40, 30, 55);
    const withOneTimers = fitGammaGamma(Int32Array.of(...x, 0, 0), Float64Array.of(...m, NaN, NaN));
    expect(withOneTimers).toEqual(fitGammaGamma(x, m));
  });
});

describe("CUSTOMER_FORECAST and FORECAST_MODEL", () => {
  // Twelve customers: C1..C6 buy again, C7..C12 once.
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  const add = (id: unknown, iso: string, amount: number): void => {
    ids.push([id]);
    dates.push([day(iso)]);
    amounts.push([amount]);
  };
  for (let c = 1; c <= 12; c++) {
    add(c <= 6 ? `C${c}` : 1000 + c, `2025-01-${String(c).padStart(2, "0")}`, 10 * c);
    if (c <= 6)
      for (let k = 1; k <= (c % 3) + 1; k++) add(`c${c} `, `2025-0${1 + k}-1${c}`, 20 + c);
  }
  add("C1", "2025-02-11", 999); // a second row the same day as C1's repeat: one purchase day
  add("C2", "2025-03-01", -50); // a return: not a purchase, and not in C2's spend

  test("a header, then one row per customer in the order of its first row, ids as first seen", () => {
    const r = customerForecastOfCells(ids, dates, amounts, day("2025-06-30"), 90);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value[0]).toEqual(CUSTOMER_FORECAST_HEADER);
    expect(r.value.slice(1).map((row) => row[0])).toEqual([
      "C1",
      "C2",
      "C3",
      "C4",
      "C5",
      "C6",
      1007,
      1008,
      1009,
      1010,
      1011,
      1012,
    ]);
    const c1 = r.value[1];
    // C1: 01-01, then 02-11 (two rows) and 03-11: x = 2, t_x = 69, T = 180; m = (21 + 999 + 21) / 2.
    expect(c1.slice(1, 4)).toEqual([2, 69, 180]);
    const one = r.value[7];
    expect(one.slice(1, 5)).toEqual([0, 0, day("2025-06-30") - day("2025-01-07"), 1]);
    for (const row of r.value.slice(1)) {
      expect(row[4]).toBeGreaterThan(0);
      expect(row[4]).toBeLessThanOrEqual(1);
      expect(row[7]).toBeCloseTo((row[5] as number) * (row[6] as number), 9);
    }
  });

  test("without amounts: no spend forecast, blank cells", () => {
    const r = customerForecastOfCells(ids, dates, null);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.slice(1).every((row) => row[6] === "" && row[7] === "")).toBe(true);
  });

  test("a customer with one purchase: alive for sure, spending the population's mean pγ/(q − 1)", () => {
    const r = customerForecastOfCells(ids, dates, amounts, day("2025-06-30"), 90);
    const model = forecastModelOfCells(ids, dates, amounts, day("2025-06-30"));
    if (!r.ok || !model.ok) throw new Error("no forecast");
    const param = (name: string): number =>
      model.value.find((row) => row[0] === name)?.[1] as number;
    const one = r.value[7]; // 1007: bought once, on 2025-01-07
    expect(one[4]).toBe(1);
    expect(one[6]).toBeCloseTo((param("p") * param("gamma")) / (param("q") - 1), 9);
  });

  test("a horizon of one day: the live customer's rate (r + x)/(α + T) times p_alive, to first order", () => {
    const r = customerForecastOfCells(ids, dates, amounts, day("2025-06-30"), 1);
    const model = forecastModelOfCells(ids, dates, amounts, day("2025-06-30"));
    if (!r.ok || !model.ok) throw new Error("no forecast");
    const param = (name: string): number =>
      model.value.find((row) => row[0] === name)?.[1] as number;
    for (const row of r.value.slice(1)) {
      const [x, T, pAlive, expected] = [row[1], row[3], row[4], row[5]] as number[];
      // E[Y(1)] = p_alive · E[(1 − e^(−λp))/p] ≈ p_alive · E[λ] for one day: the next term is below 1%.
      expect(expected / (pAlive * ((param("r") + x) / (param("alpha") + T)))).toBeCloseTo(1, 2);
    }
  });

  test("a horizon of one day forecasts less than one of a year", () => {
    const day1 = customerForecastOfCells(ids, dates, amounts, null, 1);
    const year = customerForecastOfCells(ids, dates, amounts, null, 365);
    if (!day1.ok || !year.ok) throw new Error("no forecast");
    expect(day1.value[1][5]).toBeLessThan(year.value[1][5] as number);
  });

  test.each([
    [
      "every customer bought once",
      () => customerForecastOfCells([["A"], ["B"], ["C"]], [[45000], [45001], [45002]]),
      "#N/A",
      /need at least 10 customers .* there are 3 customers and 0 with a repeat purchase/,
    ],
    [
      "fewer than five buy again",
      () => forecastModelOfCells(ids.slice(0, 14), dates.slice(0, 14), amounts.slice(0, 14)),
      "#N/A",
      /and 5 of them with a repeat purchase/,
    ],
    [
      "a horizon of 0",
      () => customerForecastOfCells(ids, dates, amounts, null, 0),
      "#NUM!",
      /horizon_days must be a whole number of at least 1/,
    ],
    [
      "a text date",
      () => customerForecastOfCells([["A"], ["B"]], [["2025-01-01"], ["yesterday"]]),
      "#VALUE!",
      /dates: position 2 is the text 'yesterday', expected a date/,
    ],
    [
      "lists of different sizes",
      () => forecastModelOfCells([["A"], ["B"]], [[45000]]),
      "#VALUE!",
      /customers and dates must be the same size/,
    ],
    [
      "the lists' sizes are checked before a bad horizon",
      () => customerForecastOfCells([["A"], ["B"]], [[45000]], null, null, 0),
      "#VALUE!",
      /customers and dates must be the same size/,
    ],
    [
      "a bad as_of",
      () => customerForecastOfCells(ids, dates, amounts, "next week"),
      "#VALUE!",
      /as_of: the text 'next week' is not a date/,
    ],
  ])("%s", (_name, call, kind, message) => {
    const r = call();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe(kind);
      expect(r.error.message).toMatch(message);
    }
  });
});
