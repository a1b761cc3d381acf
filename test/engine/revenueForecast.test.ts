/**
 * Forecasts to the period end that prove themselves (SPEC.md §3.4), on businesses where one
 * method is clearly right: a seasonal one (each quarter front-loaded the same way, 20% more each
 * year: the prior-year pace is exact) and a steady one (the same revenue every day: the run rate
 * is exact). Every figure is worked out from the daily revenue in the comments.
 */
import { isoDateToSerial, serialToParts } from "../../src/core/cells";
import { DEFAULT_SETTINGS, Scorecard, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { guessMapping } from "../../src/engine/tableMapping";
import { ForecastMethod, MethodForecast, chooseMethod } from "../../src/engine/revenueForecast";
import { table } from "../support/tables";

const FIRST = isoDateToSerial("2022-01-01");
const AS_OF = isoDateToSerial("2024-05-15"); // Q2 2024, 45 days elapsed of 91

/** One sale a day from `first` (2022-01-01) to as of, 12 customers taking turns. */
function business(
  revenueOn: (day: number) => number,
  first = FIRST,
  extra: unknown[][] = []
): Scorecard {
  const rows: unknown[][] = [];
  for (let d = first; d <= AS_OF; d++) rows.push([`C${(d % 12) + 1}`, d, revenueOn(d)]);
  rows.push(...extra);
  const data = readScorecardData(
    guessMapping([table("Sales", ["Customer", "Date", "Amount"], rows)])
  );
  if (!data.ok) throw new Error(data.error.message);
  const card = buildScorecard(data.value, { ...DEFAULT_SETTINGS, asOf: AS_OF, period: "quarter" });
  if (!card.ok) throw new Error(card.error.message);
  return card.value;
}

/** 300 a day in a quarter's first month, 100 in its second, 50 in its third; × 1.2 each year after 2022. */
function seasonal(day: number): number {
  const { year, month } = serialToParts(day);
  return [300, 100, 50][(month - 1) % 3] * 1.2 ** (year - 2022);
}

const ape = (forecast: number, actual: number): number => Math.abs(forecast - actual) / actual;

describe("a seasonal business: the prior-year pace is right, the run rate is not", () => {
  const card = business(seasonal);
  const f = card.revenueForecasts;

  test("the forecasts now: run rate and prior-year pace worked by hand", () => {
    // Apr 1..May 15: 30 × 300 + 15 × 100 = 10,500, × 1.44 = 15,120 so far.
    expect(card.indicators[0].value).toBeCloseTo(15120, 6);
    expect(f.methods.run_rate.value).toBeCloseTo((15120 * 91) / 45, 6);
    // Q2 2023: 30 × 300 + 31 × 100 + 30 × 50 = 13,600 (× 1.2); its first 45 days 10,500 (× 1.2).
    expect(f.methods.prior_year.value).toBeCloseTo((15120 * 13600) / 10500, 6);
    // The customer model: revenue so far + what the customers are expected to spend to June 30
    // (no customer is new this quarter).
    const expected = card.indicators.find((i) => i.info.id === "svc.expected_revenue")
      ?.value as number;
    expect(expected).toBeGreaterThan(0);
    expect(f.methods.customer_model.value).toBeCloseTo(15120 + expected, 6);
  });

  test("a customer new this quarter: its revenue so far at its pace for the 46 days left, besides the model", () => {
    const withNew = business(seasonal, FIRST, [
      ["NEW", isoDateToSerial("2024-04-10"), 1000],
      ["NEW", isoDateToSerial("2024-05-02"), 1000],
      ["NEW", isoDateToSerial("2024-05-03"), -300],
    ]);
    const expected = withNew.indicators.find((i) => i.info.id === "svc.expected_revenue")
      ?.value as number;
    expect(withNew.revenueForecasts.methods.customer_model.value).toBeCloseTo(
      15120 + 1700 + expected + (1700 * 46) / 45,
      6
    );
  });

  test("four quarters backtested, each as of its 45th day, against its actual revenue", () => {
    expect(f.backtest.map((b) => [b.start, b.asOf, b.end])).toEqual(
      [
        ["2024-01-01", "2024-02-14", "2024-03-31"],
        ["2023-10-01", "2023-11-14", "2023-12-31"],
        ["2023-07-01", "2023-08-14", "2023-09-30"],
        ["2023-04-01", "2023-05-15", "2023-06-30"],
      ].map((days) => days.map(isoDateToSerial))
    );
    // Whole quarters: Q1 2024 31·300 + 29·100 + 31·50 (× 1.44); Q4, Q3, Q2 2023 (× 1.2).
    expect(f.backtest.map((b) => b.actual)).toEqual(
      [13750 * 1.44, 13850 * 1.2, 13900 * 1.2, 13600 * 1.2].map((v) => expect.closeTo(v, 6))
    );
  });

  test("the backtest errors: the run rate misses front-loaded quarters by ~60%, the prior-year pace by 0.2%", () => {
    // Each quarter's first 45 days: 10,700 (31·300 + 14·100) or 10,500 (30·300 + 15·100).
    const runRate = [
      ape((10700 * 1.44 * 91) / 45, 13750 * 1.44),
      ape((10700 * 1.2 * 92) / 45, 13850 * 1.2),
      ape((10700 * 1.2 * 92) / 45, 13900 * 1.2),
      ape((10500 * 1.2 * 91) / 45, 13600 * 1.2),
    ];
    expect(f.methods.run_rate.backtestError).toBeCloseTo(runRate.reduce((a, e) => a + e) / 4, 9);
    // The same quarter a year earlier has the same shape, except Q1 2023's 28-day February:
    // Q1 2024's forecast is 1.44 × 13,650 against 1.44 × 13,750; the other three are exact.
    expect(f.methods.prior_year.backtestError).toBeCloseTo(ape(13650, 13750) / 4, 9);
    expect(f.methods.customer_model.backtestError).toBeGreaterThan(
      f.methods.prior_year.backtestError as number
    );
  });

  test("the prior-year pace is the headline: the revenue's forecast and its JSON say so", () => {
    expect(f.chosen).toBe("prior_year");
    const revenue = card.indicators.find((i) => i.info.id === "revenue");
    expect(revenue?.forecast).toBe(f.methods.prior_year.value);
    expect(revenue?.forecasts?.chosen).toBe("prior_year");
  });
});

describe("a steady business: the run rate is exact", () => {
  const f = business(() => 100).revenueForecasts;
  test("run rate without error, chosen; the prior-year pace misses by the quarters' lengths", () => {
    expect(f.methods.run_rate.backtestError).toBeCloseTo(0, 12);
    // Q1 2024 (91 days) paced on Q1 2023 (90): 4,500 × 9,000 ÷ 4,500 against 9,100.
    expect(f.methods.prior_year.backtestError).toBeCloseTo(ape(9000, 9100) / 4, 9);
    expect(f.chosen).toBe("run_rate");
  });
});

describe("too little history: nothing to backtest, the run rate leads", () => {
  test("sales from 2023-06-01: no quarter before this one starts 365 days after; no prior-year pace either", () => {
    const f = business(() => 100, isoDateToSerial("2023-06-01")).revenueForecasts;
    expect(f.backtest).toEqual([]);
    expect([
      f.methods.run_rate.backtestError,
      f.methods.prior_year.backtestError,
      f.methods.customer_model.backtestError,
    ]).toEqual([null, null, null]);
    // Q2 2023 started before the first sale.
    expect(f.methods.prior_year.value).toBeNull();
    expect(f.chosen).toBe("run_rate");
  });
});

describe("choosing the headline", () => {
  const m = (value: number | null, backtestError: number | null): MethodForecast => ({
    value,
    backtestError,
  });
  test.each<[string, Record<ForecastMethod, MethodForecast>, ForecastMethod]>([
    [
      "the lowest error",
      { run_rate: m(1, 0.2), prior_year: m(1, 0.1), customer_model: m(1, 0.15) },
      "prior_year",
    ],
    [
      "a tie goes to the run rate",
      { run_rate: m(1, 0.1), prior_year: m(1, 0.1), customer_model: m(1, 0.3) },
      "run_rate",
    ],
    [
      "a tie between the others goes to the one listed first",
      { run_rate: m(1, 0.3), prior_year: m(1, 0.1), customer_model: m(1, 0.1) },
      "prior_year",
    ],
    [
      "no backtest: run rate",
      { run_rate: m(1, null), prior_year: m(1, null), customer_model: m(1, null) },
      "run_rate",
    ],
    [
      "a method with no forecast now is passed over",
      { run_rate: m(1, 0.2), prior_year: m(null, 0.01), customer_model: m(1, 0.1) },
      "customer_model",
    ],
    [
      "a method not tested on every period is passed over",
      { run_rate: m(1, 0.2), prior_year: m(1, 0.1), customer_model: m(1, null) },
      "prior_year",
    ],
  ])("%s", (_name, methods, chosen) => {
    expect(chooseMethod(methods)).toBe(chosen);
  });
});
