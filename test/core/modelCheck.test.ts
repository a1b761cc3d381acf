/**
 * MODEL_CHECK (SPEC.md §2.6): a holdout worked by hand, the CDNOW calibration-holdout table of
 * Fader, Hardie & Lee 2005 (actual columns exact, expected ones against equation (10) summed with a
 * direct series of its ₂F₁, customer by customer), and every error with its message.
 */
import { BgNbd } from "../../src/core/bgnbd";
import { isoDateToSerial } from "../../src/core/cells";
import { fitCustomerModels } from "../../src/core/customerModels";
import { checkOnHoldout, modelCheck } from "../../src/core/modelCheck";
import { purchaseDays } from "../../src/core/purchaseHistory";
import {
  MODEL_CHECK_HEADER,
  Table,
  forecastModelOfCells,
  modelCheckOfCells,
  modelCheckTable,
} from "../../src/core/sheetFunctions";
import { readCdnow } from "../support/cdnow";
import { equation10 } from "../support/equation10";

const day = isoDateToSerial;
const GROUPS = [0, 1, 2, 3, 4, 5, 6, "7+", "all"];

/** The fitted parameters FORECAST_MODEL spills for the same rows at the calibration end. */
function fittedParameters(
  ids: unknown[][],
  dates: unknown[][],
  amounts: unknown[][] | null,
  calibrationEnd: number
): { bgnbd: BgNbd; p: number; q: number; gamma: number } {
  const t = forecastModelOfCells(ids, dates, amounts, calibrationEnd);
  if (!t.ok) throw new Error(t.error.message);
  const get = (name: string): number => t.value.find((row) => row[0] === name)?.[1] as number;
  return {
    bgnbd: { r: get("r"), alpha: get("alpha"), a: get("a"), b: get("b"), logLikelihood: 0 },
    p: get("p"),
    q: get("q"),
    gamma: get("gamma"),
  };
}

interface Expected {
  customers: number[];
  actualPurchases: number[];
  actualRevenue: number[];
  expectedPurchases: number[];
  expectedRevenue: number[];
}

/**
 * The table read literally from the rows, customer by customer with maps: purchase days (amount
 * above 0, every row without amounts) up to the calibration end and in the holdout, equation (10)
 * by its series, and Gamma-Gamma's expected spend p(γ + x·m)/(px + q − 1).
 */
function literalCheck(
  ids: unknown[][],
  dates: unknown[][],
  amounts: unknown[][] | null,
  calibrationEnd: number,
  holdoutEnd: number
): Expected {
  const daysOf = new Map<string, Map<number, number>>();
  ids.forEach(([id], i) => {
    if (id === null || id === "") return;
    const amount = amounts === null ? 1 : (amounts[i][0] as number);
    const d = dates[i][0] as number;
    if (!(amount > 0) || d > holdoutEnd) return;
    const key = String(id).trim().toLowerCase();
    const days = daysOf.get(key) ?? new Map<number, number>();
    days.set(d, (days.get(d) ?? 0) + amount);
    daysOf.set(key, days);
  });
  const { bgnbd, p, q, gamma } = fittedParameters(ids, dates, amounts, calibrationEnd);
  const h = holdoutEnd - calibrationEnd;
  const sums = GROUPS.map(() => [0, 0, 0, 0, 0]);
  for (const days of daysOf.values()) {
    const calibration = [...days.keys()].filter((d) => d <= calibrationEnd).sort((u, v) => u - v);
    if (calibration.length === 0) continue;
    const x = calibration.length - 1;
    const first = calibration[0];
    const tx = calibration[x] - first;
    const T = calibrationEnd - first;
    const repeats = calibration.slice(1).map((d) => days.get(d) as number);
    const m = x > 0 ? repeats.reduce((s, v) => s + v, 0) / x : 0;
    const holdout = [...days.keys()].filter((d) => d > calibrationEnd);
    const purchases = equation10(bgnbd, x, tx, T, h);
    const spend = x > 0 ? (p * (gamma + x * m)) / (p * x + q - 1) : (p * gamma) / (q - 1);
    const figures = [
      1,
      holdout.length,
      holdout.reduce((s, d) => s + (days.get(d) as number), 0),
      purchases,
      purchases * spend,
    ];
    for (const g of [Math.min(x, 7), 8]) figures.forEach((f, k) => (sums[g][k] += f));
  }
  const mean = (k: number): number[] => sums.map((s) => (s[0] > 0 ? s[k] / s[0] : NaN));
  return {
    customers: sums.map((s) => s[0]),
    actualPurchases: mean(1),
    actualRevenue: mean(2),
    expectedPurchases: mean(3),
    expectedRevenue: mean(4),
  };
}

function mustTable(r: ReturnType<typeof modelCheckOfCells>): Table {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const column = (t: Table, name: string): (string | number)[] =>
  t.slice(1).map((row) => row[MODEL_CHECK_HEADER.indexOf(name)]);

/** Relative agreement to 1e-9 (blank where the literal reading has no customers). */
function expectSame(actual: (string | number)[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    if (Number.isNaN(e)) expect([GROUPS[i], actual[i]]).toEqual([GROUPS[i], ""]);
    else
      expect([GROUPS[i], ((actual[i] as number) - e) / Math.max(1e-300, Math.abs(e))]).toEqual([
        GROUPS[i],
        expect.closeTo(0, 9),
      ]);
  });
}

describe("a holdout worked by hand", () => {
  // Calibration to 2025-06-30, holdout to 2025-09-30 (92 days).
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  const add = (id: unknown, iso: string | number, amount = 10): void => {
    ids.push([id]);
    dates.push([typeof iso === "number" ? iso : day(iso)]);
    amounts.push([amount]);
  };
  const everyTenDays = (id: string, days: number): void => {
    for (let k = 0; k < days; k++) add(id, day("2025-01-01") + 10 * k);
  };
  // x = 0: O1..O6, one purchase each in January. O1 buys on 08-01 (80) and after the holdout.
  for (let c = 1; c <= 6; c++) add(`O${c}`, `2025-01-${String(10 + c)}`);
  add("O1", "2025-08-01", 80);
  add("O1", "2025-10-05", 70);
  // x = 1: R1 (buys 07-20 for 60), R6 (nothing in the holdout).
  add("R1", "2025-02-01");
  add("R1", "2025-03-01");
  add("R1", "2025-07-20", 60);
  add("r6 ", "2025-02-02"); // the same customer as R6 below: ids are trimmed, any case
  add("R6", "2025-04-02");
  // x = 2: A. Holdout: two rows on 07-10 (one purchase day, 150), a return on 08-01 (no purchase), 40 on 09-15.
  add("A", "2025-01-05");
  add("A", "2025-02-05");
  add("A", "2025-03-05");
  add("A", "2025-07-10", 100);
  add("A", "2025-07-10", 50);
  add("A", "2025-08-01", -30);
  add("A", "2025-09-15", 40);
  // x = 3: R3, nothing in the holdout.
  everyTenDays("R3", 4);
  // 7+: R4 (x = 7) buys on three holdout days, R5 (x = 8) on one.
  everyTenDays("R4", 8);
  everyTenDays("R5", 9);
  for (const iso of ["2025-07-01", "2025-08-01", "2025-09-30"]) add("R4", iso, 20);
  add("R5", "2025-09-01", 30);
  // N1 first buys in the holdout: not a customer of the calibration. A blank row is skipped.
  add("N1", "2025-07-15", 500);
  add(null, "junk", 5);
  const calibrationEnd = day("2025-06-30");
  const holdoutEnd = day("2025-09-30");
  // The rows as typed columns, for the core's own entry points.
  const names = ["O1", "O2", "O3", "O4", "O5", "O6", "R1", "R6", "A", "R3", "R4", "R5", "N1"];
  const rows = {
    customer: Int32Array.from(ids, ([id]) =>
      id === null ? -1 : names.indexOf(String(id).trim().toUpperCase())
    ),
    day: Int32Array.from(dates, ([d]) => (typeof d === "number" ? d : 0)),
    amount: Float64Array.from(amounts, ([a]) => a as number),
    latestDay: day("2025-10-05"),
  };

  test("a header, rows 0 to 6, 7+ and all: customers and what they did in the holdout, as means", () => {
    const t = mustTable(modelCheckOfCells(ids, dates, amounts, calibrationEnd, holdoutEnd));
    expect(t[0]).toEqual(MODEL_CHECK_HEADER);
    expect(column(t, "calibration_purchases")).toEqual(GROUPS);
    expect(column(t, "customers")).toEqual([6, 2, 1, 1, 0, 0, 0, 2, 12]);
    // Purchase days in the holdout: O1 1; R1 1; A 2; R4 3, R5 1: 8 in all.
    expect(column(t, "actual_purchases")).toEqual([1 / 6, 1 / 2, 2, 0, "", "", "", 2, 8 / 12]);
    // Revenue of those days: O1 80; R1 60; A 150 + 40; R4 60, R5 30 (the return is no purchase).
    expect(column(t, "actual_revenue")).toEqual([80 / 6, 30, 190, 0, "", "", "", 45, 420 / 12]);
    const literal = literalCheck(ids, dates, amounts, calibrationEnd, holdoutEnd);
    expectSame(column(t, "expected_purchases"), literal.expectedPurchases);
    expectSame(column(t, "expected_revenue"), literal.expectedRevenue);
    // The literal reading agrees on what is exact too.
    expect(literal.customers).toEqual([6, 2, 1, 1, 0, 0, 0, 2, 12]);
    expectSame(column(t, "actual_purchases"), literal.actualPurchases);
  });

  test("holdout_end defaults to the latest date: O1's purchase of 10-05 counts, h is 97 days", () => {
    const t = mustTable(modelCheckOfCells(ids, dates, amounts, calibrationEnd));
    expect(column(t, "actual_purchases")[0]).toBe(2 / 6);
    expect(column(t, "actual_revenue")[0]).toBe(150 / 6);
    const literal = literalCheck(ids, dates, amounts, calibrationEnd, day("2025-10-05"));
    expectSame(column(t, "expected_purchases"), literal.expectedPurchases);
  });

  test("without amounts every row is a purchase (A's return day too) and the revenue columns are blank", () => {
    const t = mustTable(modelCheckOfCells(ids, dates, null, calibrationEnd, holdoutEnd));
    expect(column(t, "actual_purchases")[2]).toBe(3);
    expect(column(t, "actual_revenue").every((v) => v === "")).toBe(true);
    expect(column(t, "expected_revenue").every((v) => v === "")).toBe(true);
    const literal = literalCheck(ids, dates, null, calibrationEnd, holdoutEnd);
    expectSame(column(t, "expected_purchases"), literal.expectedPurchases);
  });

  test("dates and the calibration end as ISO text or a one-cell range give the same table", () => {
    const asText = dates.map(([d]) => [
      `${new Date(Date.UTC(1899, 11, 30 + (d as number))).toISOString().slice(0, 10)} 10:30`,
    ]);
    expect(
      mustTable(modelCheckOfCells(ids, asText, amounts, [["2025-06-30"]], "2025-09-30"))
    ).toEqual(mustTable(modelCheckOfCells(ids, dates, amounts, calibrationEnd, holdoutEnd)));
  });

  test("the totals and the miss: (expected − actual) ÷ actual, flagged beyond 25%", () => {
    const check = modelCheck(rows, names.length, calibrationEnd, holdoutEnd);
    if (!check.ok) throw new Error(check.error.message);
    const c = check.value;
    expect([c.calibrationEnd, c.holdoutEnd, c.horizonDays]).toEqual([
      calibrationEnd,
      holdoutEnd,
      92,
    ]);
    expect(c.actualPurchases).toBe(8);
    const t = modelCheckTable(c);
    expect(c.expectedPurchases).toBeCloseTo((t[9][3] as number) * 12, 9);
    expect(c.miss).toBeCloseTo((c.expectedPurchases - 8) / 8, 12);
    expect(c.missedBadly).toBe(Math.abs(c.expectedPurchases - 8) > 2);
  });

  test("a spend model without a mean (q ≤ 1): expected revenue blank, actual revenue shown", () => {
    const fit = fitCustomerModels(rows, names.length, calibrationEnd);
    if (!fit.ok || fit.value.gammaGamma === null) throw new Error("not fitted");
    const noMean = { ...fit.value, gammaGamma: { ...fit.value.gammaGamma, q: 0.9 } };
    const t = modelCheckTable(
      checkOnHoldout(purchaseDays(rows, names.length, holdoutEnd), noMean, holdoutEnd)
    );
    expect(column(t, "expected_revenue").every((v) => v === "")).toBe(true);
    expect(column(t, "actual_revenue")[8]).toBe(420 / 12);
  });

  test("a miss of more than 25% either way is flagged; with no purchase in the holdout, any expected one is", () => {
    const fit = fitCustomerModels(rows, names.length, calibrationEnd);
    if (!fit.ok) throw new Error(fit.error.message);
    const days = purchaseDays(rows, names.length, holdoutEnd);
    // Models of faster and slower buyers: the mean purchase rate r/α grows with r.
    const at = (r: number): ReturnType<typeof checkOnHoldout> =>
      checkOnHoldout(
        days,
        { ...fit.value, bgnbd: { r, alpha: 30, a: 0.8, b: 2.4, logLikelihood: 0 } },
        holdoutEnd
      );
    const seen = [0.5, 3, 4, 5].map((r) => {
      const c = at(r);
      expect([r, c.miss]).toEqual([r, expect.closeTo((c.expectedPurchases - 8) / 8, 12)]);
      return [r, Math.sign(c.miss), c.missedBadly];
    });
    // Under by more than 25%, under and over by less, over by more.
    expect(seen).toEqual([
      [0.5, -1, true],
      [3, -1, false],
      [4, 1, false],
      [5, 1, true],
    ]);
    // Nobody buys after 10-05: no miss as a fraction, and flagged.
    const none = modelCheck(rows, names.length, day("2025-10-05"), day("2025-12-31"));
    if (!none.ok) throw new Error(none.error.message);
    expect(none.value.actualPurchases).toBe(0);
    expect(none.value.expectedPurchases).toBeGreaterThan(0);
    expect(none.value.miss).toBeNaN();
    expect(none.value.missedBadly).toBe(true);
  });
});

describe("the CDNOW sample: Fader, Hardie & Lee 2005's calibration and holdout", () => {
  const sample = readCdnow("CDNOW_sample.txt");
  const calibrationEnd = day("1997-09-30");
  const holdoutEnd = day("1998-06-30");
  const transactions = mustTable(
    modelCheckOfCells(sample.ids, sample.dates, null, calibrationEnd, holdoutEnd)
  );
  const withAmounts = mustTable(
    modelCheckOfCells(sample.ids, sample.dates, sample.amounts, calibrationEnd, holdoutEnd)
  );
  const three = (v: unknown): number => Math.round((v as number) * 1000) / 1000;

  test("the paper's figures: x = 0, 1,411 customers, 0.237 against 0.225; x = 1, 439, 0.697 against 0.523", () => {
    expect(transactions[1].slice(0, 4).map((v, i) => (i < 2 ? v : three(v)))).toEqual([
      0, 1411, 0.237, 0.225,
    ]);
    expect(transactions[2].slice(0, 4).map((v, i) => (i < 2 ? v : three(v)))).toEqual([
      1, 439, 0.697, 0.523,
    ]);
  });

  test("1,882 holdout purchases against about 1,653 expected: an under-forecast of 12%", () => {
    const all = transactions[9];
    expect([all[0], all[1]]).toEqual(["all", 2357]);
    expect((all[2] as number) * 2357).toBeCloseTo(1882, 9);
    expect(Math.round((all[3] as number) * 2357)).toBe(1653);
    const miss = ((all[3] as number) - (all[2] as number)) / (all[2] as number);
    expect(Math.round(miss * 100)).toBe(-12);
  });

  test("the actual columns, exactly: customers and holdout purchase days by calibration purchases", () => {
    // Purchase days in the 39 weeks: 334, 306, 298, 156, 157, 112, 112 and 407 by row; 1,882 in all.
    const counts = [1411, 439, 214, 100, 62, 38, 29, 64, 2357];
    const purchases = [334, 306, 298, 156, 157, 112, 112, 407, 1882];
    expect(column(transactions, "customers")).toEqual(counts);
    expect(column(transactions, "actual_purchases")).toEqual(
      purchases.map((p, i) => p / counts[i])
    );
    const literal = literalCheck(sample.ids, sample.dates, null, calibrationEnd, holdoutEnd);
    expect(literal.customers).toEqual(counts);
    expect(literal.actualPurchases).toEqual(purchases.map((p, i) => p / counts[i]));
  });

  test("the expected purchases: equation (10) with a direct series for its ₂F₁, customer by customer", () => {
    const literal = literalCheck(sample.ids, sample.dates, null, calibrationEnd, holdoutEnd);
    expectSame(column(transactions, "expected_purchases"), literal.expectedPurchases);
  });

  test("with amounts: 8 customers whose only purchases were $0 are no customers; revenue against Gamma-Gamma", () => {
    expect(column(withAmounts, "customers")).toEqual([1403, 439, 214, 100, 62, 38, 29, 64, 2349]);
    const literal = literalCheck(
      sample.ids,
      sample.dates,
      sample.amounts,
      calibrationEnd,
      holdoutEnd
    );
    expect(literal.customers).toEqual(column(withAmounts, "customers"));
    expectSame(column(withAmounts, "actual_purchases"), literal.actualPurchases);
    expectSame(column(withAmounts, "actual_revenue"), literal.actualRevenue);
    expectSame(column(withAmounts, "expected_purchases"), literal.expectedPurchases);
    expectSame(column(withAmounts, "expected_revenue"), literal.expectedRevenue);
    // The same 1,882 holdout purchase days: none of them was a $0 row.
    expect((withAmounts[9][2] as number) * 2349).toBeCloseTo(1882, 9);
  });
});

describe("MODEL_CHECK's errors, each with its message", () => {
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  for (let c = 0; c < 12; c++) {
    ids.push([`C${c}`]);
    dates.push([day("2025-01-01") + c]);
    if (c < 6) {
      ids.push([`C${c}`]);
      dates.push([day("2025-03-01") + c]);
    }
  }
  ids.push(["C0"]);
  dates.push([day("2025-10-05")]);
  const calibrationEnd = day("2025-06-30");

  test.each([
    [
      "calibration_end omitted",
      () => modelCheckOfCells(ids, dates, null, null),
      "#VALUE!",
      /calibration_end: give the last day the models learn from/,
    ],
    [
      "calibration_end a blank cell",
      () => modelCheckOfCells(ids, dates, null, [[""]]),
      "#VALUE!",
      /calibration_end: give the last day/,
    ],
    [
      "calibration_end not a date",
      () => modelCheckOfCells(ids, dates, null, "soon"),
      "#VALUE!",
      /calibration_end: the text 'soon' is not a date; use a date or text like 2026-03-31/,
    ],
    [
      "holdout_end not a date",
      () => modelCheckOfCells(ids, dates, null, calibrationEnd, true),
      "#VALUE!",
      /holdout_end: TRUE is not a date/,
    ],
    [
      "holdout_end before calibration_end",
      () => modelCheckOfCells(ids, dates, null, calibrationEnd, day("2025-06-01")),
      "#NUM!",
      /holdout_end \(2025-06-01\) must be after calibration_end \(2025-06-30\)/,
    ],
    [
      "holdout_end on calibration_end: an empty holdout",
      () => modelCheckOfCells(ids, dates, null, calibrationEnd, calibrationEnd),
      "#NUM!",
      /holdout_end \(2025-06-30\) must be after calibration_end/,
    ],
    [
      "calibration_end on or after the latest date, holdout_end omitted",
      () => modelCheckOfCells(ids, dates, null, day("2025-10-05")),
      "#NUM!",
      /holdout_end \(the latest date in dates, 2025-10-05\) must be after calibration_end \(2025-10-05\)/,
    ],
    [
      "too few customers by calibration_end",
      () => modelCheckOfCells(ids, dates, null, day("2025-01-08")),
      "#N/A",
      /need at least 10 customers .* up to calibration_end; there are 8 customers and 0 with a repeat purchase/,
    ],
    [
      "too few repeat customers by calibration_end",
      () => modelCheckOfCells(ids, dates, null, day("2025-03-03")),
      "#N/A",
      /and 5 of them with a repeat purchase .* there are 12 customers and 3 with a repeat purchase/,
    ],
    [
      "no rows with a customer at all",
      () => modelCheckOfCells([[null], [""]], [[45000], [45001]], null, 45000),
      "#N/A",
      /there are 0 customers/,
    ],
    [
      "customers and dates of different sizes",
      () => modelCheckOfCells(ids, dates.slice(1), null, calibrationEnd),
      "#VALUE!",
      /customers and dates must be the same size/,
    ],
    [
      "amounts of another size",
      () => modelCheckOfCells(ids, dates, [[1], [2]], calibrationEnd),
      "#VALUE!",
      /customers and amounts must be the same size/,
    ],
    [
      "a row with a customer and no date",
      () => modelCheckOfCells([...ids, ["C1"]], [...dates, [null]], null, calibrationEnd),
      "#VALUE!",
      /dates: position 20 is blank, expected a date \(customer C1\)/,
    ],
    [
      "an amount that is text",
      () =>
        modelCheckOfCells(
          ids,
          dates,
          ids.map((_, i) => [i === 2 ? "1,200" : 10]),
          calibrationEnd
        ),
      "#VALUE!",
      /amounts: position 3 is the text '1,200', expected a number/,
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
