/**
 * The functions never lie or hang: amounts as large as 1e308 give the right answer or #NUM!
 * (never NaN, Infinity or a wrong 0), dates spanning Excel's whole calendar cost no work per day,
 * and on random inputs (fast-check) every answer is a finite number in its range or an error.
 */
import fc from "fast-check";
import {
  activationRateOfCells,
  concentrationOfCells,
  customerForecastOfCells,
  customerValueOfCells,
  forecastModelOfCells,
} from "../../src/core/sheetFunctions";
import { isoDateToSerial } from "../../src/core/cells";
import { readCdnow } from "../support/cdnow";

const column = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
const value = <T>(r: { ok: boolean; value?: T; error?: unknown }): T => {
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};

describe("extreme magnitudes: the right answer", () => {
  test.each([
    ["HHI", undefined, 5000], // shares ½, ½ and next to nothing
    ["GINI", undefined, 1 / 3],
    ["TOP_N", 1, 0.5],
    ["TOP_PCT", 34, 1], // the top 2 of 3: all but the 1
    ["PARETO", 50, 1],
  ])("CONCENTRATION({1e308;1e308;1}, , %s, %s) is %d", (measure, n, expected) => {
    const r = value(concentrationOfCells(column([1e308, 1e308, 1]), null, measure, n));
    expect(r).toBeCloseTo(expected, 12);
  });

  test("TOP_PCT of three amounts of 1e308 is a third, not 0", () => {
    expect(
      value(concentrationOfCells(column([1e308, 1e308, 1e308]), null, "TOP_PCT", 20))
    ).toBeCloseTo(1 / 3, 12);
  });

  test("one customer's amounts adding past 1e308 still give each customer's share", () => {
    const amounts = column([1e308, 1e308, 1e308, 1e308]);
    const customers = column(["A", "A", "B", "C"]);
    expect(value(concentrationOfCells(amounts, customers, "TOP_N", 1))).toBeCloseTo(0.5, 12);
    expect(value(concentrationOfCells(amounts, customers, "HHI"))).toBeCloseTo(
      10000 * (0.25 + 0.0625 + 0.0625),
      9
    );
  });

  test("CUSTOMER_VALUE with weights of 1e308 scores as with weights of 1", () => {
    const attributes = [
      [1, 2],
      [3, 4],
      [2, 9],
    ];
    expect(value(customerValueOfCells(attributes, [[1e308, 1e308]]))).toEqual(
      value(customerValueOfCells(attributes, [[1, 1]]))
    );
    expect(value(customerValueOfCells(attributes, [[1e308, 5e307]]))).toEqual(
      value(customerValueOfCells(attributes, [[2, 1]]))
    );
  });

  test("CUSTOMER_VALUE MINMAX over -1e308 … 1e308", () => {
    expect(value(customerValueOfCells(column([1e308, -1e308, 0]), null, null, "MINMAX"))).toEqual([
      [100],
      [0],
      [50],
    ]);
  });

  test("ACTIVATION_RATE nets 1e308 + 1e308 − 1e308 − 1e308 to 0, below a minimum of 1", () => {
    const ids = column(["A", "A", "A", "A", "B"]);
    const dates = column([45000, 45001, 45002, 45003, 45003]);
    const amounts = column([1e308, 1e308, -1e308, -1e308, 5]);
    expect(value(activationRateOfCells(ids, dates, amounts, 45003, 90, 1, 1))).toBe(0.5);
  });

  test("the customer models read amounts a million billion times larger as the same, scaled", () => {
    const { ids, dates, amounts } = readCdnow("CDNOW_sample.txt");
    const asOf = isoDateToSerial("1997-09-30");
    const scale = 2 ** 900;
    const big = amounts.map(([a]) => [a * scale]);
    const model = value(forecastModelOfCells(ids, dates, amounts, asOf)) as [string, number][];
    const scaled = value(forecastModelOfCells(ids, dates, big, asOf)) as [string, number][];
    const get = (t: [string, number][], k: string): number =>
      t.find((r) => r[0] === k)?.[1] as number;
    for (const k of ["r", "alpha", "a", "b", "p", "q"])
      expect(get(scaled, k) / get(model, k)).toBeCloseTo(1, 5);
    expect(get(scaled, "gamma") / scale / get(model, "gamma")).toBeCloseTo(1, 5);
    const forecast = value(customerForecastOfCells(ids, dates, amounts, asOf)) as unknown[][];
    const forecastBig = value(customerForecastOfCells(ids, dates, big, asOf)) as unknown[][];
    for (let i = 1; i < forecast.length; i += 97) {
      if (forecast[i][7] === "") continue;
      expect((forecastBig[i][7] as number) / scale / (forecast[i][7] as number)).toBeCloseTo(1, 5);
    }
  });

  test("expected revenue past what a number holds is #NUM!, never Infinity", () => {
    const { ids, dates } = readCdnow("CDNOW_sample.txt");
    const r = customerForecastOfCells(
      ids,
      dates,
      column(ids.map(() => 1.7e308)),
      isoDateToSerial("1997-09-30")
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error.kind).toBe("#NUM!");
  });
});

describe("dates across Excel's whole calendar: no work per day of their span", () => {
  const rows = 4000;
  const random = (seed: number): (() => number) => {
    let s = seed;
    return () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
  };
  const data = (
    span: [number, number]
  ): { ids: unknown[][]; dates: unknown[][]; amounts: unknown[][] } => {
    const rnd = random(7);
    const ids: unknown[][] = [];
    const dates: unknown[][] = [];
    const amounts: unknown[][] = [];
    for (let i = 0; i < rows; i++) {
      ids.push([`c${Math.floor(rnd() * 400)}`]);
      dates.push([span[0] + Math.floor(rnd() * (span[1] - span[0]))]);
      amounts.push([1 + Math.round(rnd() * 500)]);
    }
    return { ids, dates, amounts };
  };

  test("CUSTOMER_FORECAST as of 9999-12-31", () => {
    const { ids, dates, amounts } = data([45000, 45700]);
    const started = Date.now();
    const table = value(customerForecastOfCells(ids, dates, amounts, 2958465)) as unknown[][];
    expect(Date.now() - started).toBeLessThan(3000);
    for (const row of table.slice(1))
      for (const v of row.slice(1)) expect(v === "" || Number.isFinite(v)).toBe(true);
  });

  test("FORECAST_MODEL on dates from 1900-01-01 to 9999-12-31", () => {
    const { ids, dates, amounts } = data([1, 2958465]);
    const started = Date.now();
    const table = value(forecastModelOfCells(ids, dates, amounts)) as [string, number][];
    expect(Date.now() - started).toBeLessThan(3000);
    for (const [, v] of table) expect(Number.isFinite(v)).toBe(true);
  });

  test("ACTIVATION_RATE over a window of every day Excel knows, 20 purchase days needed", () => {
    const { ids, dates, amounts } = data([1, 2958465]);
    const started = Date.now();
    const rate = value(activationRateOfCells(ids, dates, amounts, 2958465, 2958465, 20));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(rate).toBeGreaterThanOrEqual(0);
    expect(rate).toBeLessThanOrEqual(1);
  });
});

// Amounts of every size a cell holds, a few of them exactly representable powers of two.
const amount = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e308, max: 1e308 }),
  fc.constantFrom(1e308, -1e308, 5e-324, 1.7976931348623157e308, 0, 1, 2 ** 1000),
  fc.integer({ min: -1000, max: 100000 })
);
const finiteOrError = (r: { ok: boolean; value?: unknown }): void => {
  if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
};

describe("properties on random inputs", () => {
  test("CONCENTRATION: a finite number in its measure's range, or an error; the same for amounts scaled by a power of two", () => {
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 1, maxLength: 40 }),
        fc.option(
          fc.array(fc.constantFrom("A", "B", "C", "D", 7), { minLength: 40, maxLength: 40 })
        ),
        fc.constantFrom("TOP_PCT", "TOP_N", "HHI", "GINI", "PARETO"),
        fc.integer({ min: -60, max: 60 }),
        (amounts, ids, measure, k) => {
          const customers = ids === null ? null : column(ids.slice(0, amounts.length));
          const r = concentrationOfCells(column(amounts), customers, measure);
          finiteOrError(r);
          if (!r.ok) return;
          const v = r.value;
          if (measure === "HHI") expect(v).toBeGreaterThanOrEqual(0);
          if (measure === "HHI") expect(v).toBeLessThanOrEqual(10000 * (1 + 1e-12));
          if (measure === "TOP_PCT" || measure === "TOP_N" || measure === "GINI") {
            expect(v).toBeGreaterThanOrEqual(-1e-12);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
          // Scaled by 2^k where no amount leaves the normal range: exactly the same measure.
          const scaled = amounts.map((a) => a * 2 ** k);
          const normal = scaled.every(
            (a, i) =>
              amounts[i] === 0 ||
              (Number.isFinite(a) && Math.abs(a) >= 2 ** -1000 && a / 2 ** k === amounts[i])
          );
          if (!normal) return;
          const again = concentrationOfCells(column(scaled), customers, measure);
          expect(again.ok).toBe(true);
          if (again.ok) expect(again.value).toBeCloseTo(v, 9);
        }
      ),
      { numRuns: 500 }
    );
  });

  test("CUSTOMER_VALUE: scores from 0 to 100 or blank, the same whatever the weights' common scale", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(amount, { nil: null }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.array(fc.double({ min: 0, max: 1e308, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom("RANK", "MINMAX"),
        (rows, weights, method) => {
          const r = customerValueOfCells(rows, [weights], null, method);
          if (!r.ok) return;
          for (const [s] of r.value) if (s !== "") expect(s >= 0 && s <= 100 + 1e-9).toBe(true);
          // Halving every weight changes no score (short of products so small they lose digits).
          if (weights.every((w) => w === 0 || w / 2 >= 2 ** -1022)) {
            const halved = customerValueOfCells(rows, [weights.map((w) => w / 2)], null, method);
            expect(halved.ok).toBe(true);
            if (halved.ok)
              halved.value.forEach(([h], i) => {
                const [s] = r.value[i];
                if (s === "" || h === "") expect(h).toBe(s);
                else expect(h).toBeCloseTo(s, 9);
              });
          }
        }
      ),
      { numRuns: 500 }
    );
  });

  test("ACTIVATION_RATE: a share from 0 to 1, or an error", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("A", "B", "C", 1, 2),
            fc.integer({ min: 1, max: 2958465 }),
            amount
          ),
          { minLength: 1, maxLength: 40 }
        ),
        fc.integer({ min: 1, max: 2958465 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1e308, noNaN: true }),
        (rows, window, purchases, minimum) => {
          const r = activationRateOfCells(
            column(rows.map((x) => x[0])),
            column(rows.map((x) => x[1])),
            column(rows.map((x) => x[2])),
            null,
            window,
            purchases,
            minimum
          );
          finiteOrError(r);
          if (r.ok) expect(r.value >= 0 && r.value <= 1).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  test("CUSTOMER_FORECAST and FORECAST_MODEL: every number finite, or an error, at once", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 2958465 }), amount),
          { minLength: 1, maxLength: 150 }
        ),
        fc.option(fc.integer({ min: 1, max: 2958465 }), { nil: null }),
        fc.boolean(),
        (rows, asOf, withAmounts) => {
          const ids = column(rows.map((x) => `c${x[0]}`));
          const dates = column(rows.map((x) => x[1]));
          const amounts = withAmounts ? column(rows.map((x) => x[2])) : null;
          const started = Date.now();
          const forecast = customerForecastOfCells(ids, dates, amounts, asOf);
          const model = forecastModelOfCells(ids, dates, amounts, asOf);
          expect(Date.now() - started).toBeLessThan(5000);
          for (const r of [forecast, model])
            if (r.ok)
              for (const row of r.value)
                for (const v of row)
                  if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        }
      ),
      { numRuns: 150 }
    );
  });
});
