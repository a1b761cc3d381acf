/**
 * The built add-in loaded the way Excel loads it: manifest → custom functions page → the
 * functions it associates, in headless Chromium with the custom functions runtime stubbed.
 * Every worked case is called through what the page associated, ranges as 2-D arrays and
 * omitted arguments as null.
 */
import { Browser, Page } from "playwright-core";
import { requireBuild } from "../support/builtAddin";
import { launchChromium } from "../support/browser";
import { FunctionsPage, openFunctionsPage } from "../support/builtFunctions";
import { FUNCTION_CASES, expectClose, isErrorExpectation } from "../support/functionCases";

let browser: Browser;
let page: Page;
let functions: FunctionsPage;
let parameterCounts: Record<string, number>;
let unexpectedRequests: string[];

beforeAll(async () => {
  requireBuild();
  browser = await launchChromium();
  functions = await openFunctionsPage(browser);
  ({ page, parameterCounts, unexpectedRequests } = functions);
  expect(functions.pageErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

test("the functions page asks for nothing but the add-in's files and the Office runtime", () => {
  expect(unexpectedRequests).toEqual([]);
});

const call = (id: string, args: unknown[]): ReturnType<FunctionsPage["call"]> =>
  functions.call(id, args);

test("the page associates exactly the functions functions.json declares", async () => {
  const ids = await page.evaluate(() =>
    Object.keys((window as unknown as { __associated: object }).__associated).sort()
  );
  expect(ids).toEqual(Object.keys(parameterCounts).sort());
});

test.each(FUNCTION_CASES.map((c) => [`${c.function}: ${c.note}`, c] as const))(
  "%s",
  async (_name, c) => {
    const outcome = await call(c.function, c.args);
    if (isErrorExpectation(c.expect)) {
      expect(outcome.error).toBeDefined();
      expect(outcome.error?.isCustomFunctionsError).toBe(true);
      expect(outcome.error?.code).toBe(c.expect);
      if (c.expect === "#VALUE!") expect((outcome.error?.message ?? "").length).toBeGreaterThan(10);
      if (c.message !== undefined) expect(outcome.error?.message).toContain(c.message);
    } else {
      expect(outcome.error).toBeUndefined();
      expectClose(outcome.value, c.expect);
    }
  }
);

test("a sales table of Excel's largest size is answered, not hung", async () => {
  const started = Date.now();
  const outcome = await page.evaluate(() => {
    const n = 1048575;
    const ids: unknown[][] = new Array(n);
    const dates: unknown[][] = new Array(n);
    const amounts: unknown[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const c = (i * 7919) % 50000;
      ids[i] = [c % 2 === 0 ? c + 1 : "C-" + c];
      dates[i] = [45000 + (i % 365)];
      amounts[i] = [(i % 11) - 1];
    }
    const f = (window as unknown as { __associated: Record<string, (...a: unknown[]) => number> })
      .__associated;
    return [
      f.ACTIVATION_RATE(ids, dates, amounts, null, 90, 2, null, null),
      f.CONCENTRATION(amounts, ids, "GINI", null),
    ];
  });
  expect(outcome[0]).toBeGreaterThan(0);
  expect(outcome[0]).toBeLessThanOrEqual(1);
  expect(outcome[1]).toBeGreaterThanOrEqual(0);
  expect(Date.now() - started).toBeLessThan(60000);
});

describe("the customer models through the built add-in", () => {
  test("CUSTOMER_FORECAST and FORECAST_MODEL are associated and spill their tables", async () => {
    const { readCdnow } = await import("../support/cdnow");
    const sample = readCdnow("CDNOW_sample.txt");
    const model = await call("FORECAST_MODEL", [sample.ids, sample.dates, null, 35703]); // as of 1997-09-30
    expect(model.error).toBeUndefined();
    const rows = model.value as [string, number | ""][];
    const get = (name: string): number => rows.find((r) => r[0] === name)?.[1] as number;
    expect(
      [get("r"), get("alpha") / 7, get("a"), get("b")].map((v) => Math.round(v * 1000) / 1000)
    ).toEqual([0.243, 4.414, 0.793, 2.426]);
    const forecast = await call("CUSTOMER_FORECAST", [
      sample.ids,
      sample.dates,
      sample.amounts,
      35703,
      273,
    ]);
    expect(forecast.error).toBeUndefined();
    const table = forecast.value as unknown[][];
    expect(table[0]).toEqual([
      "customer",
      "repeat_purchases",
      "recency_days",
      "age_days",
      "p_alive",
      "expected_purchases",
      "expected_value",
      "expected_revenue",
    ]);
    expect(table.length).toBe(1 + 2349); // customers with a purchase above $0 by as of
  });

  test("every customer buying once is #N/A with the message", async () => {
    const outcome = await call("CUSTOMER_FORECAST", [
      [["A"], ["B"]],
      [[45000], [45001]],
    ]);
    expect(outcome.error?.code).toBe("#N/A");
    expect(outcome.error?.message).toMatch(/the customer models need at least 10 customers/);
  });

  test("the whole CDNOW cohort (69,659 rows, 23,570 customers) is answered, not hung", async () => {
    const { readCdnow } = await import("../support/cdnow");
    const master = readCdnow("CDNOW_master.txt");
    // The rows cross into the page once; the call is timed there, as Excel's runtime would run it.
    const { rows, ms } = await page.evaluate((m) => {
      const f = (
        window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown[][]> }
      ).__associated;
      const started = performance.now();
      const table = f.CUSTOMER_FORECAST(m.ids, m.dates, m.amounts, null, null);
      return { rows: table.length, ms: performance.now() - started };
    }, master);
    expect(rows).toBe(1 + 23502); // customers with a purchase above $0
    expect(ms).toBeLessThan(10000); // npm run bench prints the time; this only catches a hang
  });
});

describe("MODEL_CHECK through the built add-in", () => {
  const calibrationEnd = 35703; // 1997-09-30
  const holdoutEnd = 35976; // 1998-06-30

  test("the CDNOW sample: Fader, Hardie & Lee 2005's table, 0.237 against 0.225 and 0.697 against 0.523", async () => {
    const { readCdnow } = await import("../support/cdnow");
    const sample = readCdnow("CDNOW_sample.txt");
    const outcome = await call("MODEL_CHECK", [
      sample.ids,
      sample.dates,
      null,
      calibrationEnd,
      holdoutEnd,
    ]);
    expect(outcome.error).toBeUndefined();
    const table = outcome.value as (string | number)[][];
    expect(table[0]).toEqual([
      "calibration_purchases",
      "customers",
      "actual_purchases",
      "expected_purchases",
      "actual_revenue",
      "expected_revenue",
    ]);
    const three = (v: string | number): number => Math.round((v as number) * 1000) / 1000;
    expect([table[1][0], table[1][1], three(table[1][2]), three(table[1][3])]).toEqual([
      0, 1411, 0.237, 0.225,
    ]);
    expect([table[2][0], table[2][1], three(table[2][2]), three(table[2][3])]).toEqual([
      1, 439, 0.697, 0.523,
    ]);
    expect(table.map((row) => row[0])).toEqual([
      "calibration_purchases",
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      "7+",
      "all",
    ]);
    // 1,882 holdout purchases against about 1,653 expected; no amounts, so no revenue.
    const all = table[9];
    expect(all[1]).toBe(2357);
    expect(Math.round((all[2] as number) * 2357)).toBe(1882);
    expect(Math.round((all[3] as number) * 2357)).toBe(1653);
    expect([all[4], all[5]]).toEqual(["", ""]);
  });

  test("calibration_end left out is #VALUE! with what to fix; an empty holdout is #NUM!", async () => {
    const { readCdnow } = await import("../support/cdnow");
    const sample = readCdnow("CDNOW_sample.txt");
    const omitted = await call("MODEL_CHECK", [sample.ids, sample.dates, sample.amounts]);
    expect(omitted.error?.isCustomFunctionsError).toBe(true);
    expect(omitted.error?.code).toBe("#VALUE!");
    expect(omitted.error?.message).toMatch(/^calibration_end: give the last day/);
    const empty = await call("MODEL_CHECK", [sample.ids, sample.dates, null, holdoutEnd]);
    expect(empty.error?.code).toBe("#NUM!");
  });

  test("the whole CDNOW cohort (69,659 rows, 23,570 customers) is answered, not hung", async () => {
    const { readCdnow } = await import("../support/cdnow");
    const master = readCdnow("CDNOW_master.txt");
    const { table, ms } = await page.evaluate(
      ({ m, from, to }) => {
        const f = (
          window as unknown as {
            __associated: Record<string, (...a: unknown[]) => (string | number)[][]>;
          }
        ).__associated;
        const started = performance.now();
        const table = f.MODEL_CHECK(m.ids, m.dates, m.amounts, from, to);
        return { table, ms: performance.now() - started };
      },
      { m: master, from: calibrationEnd, to: holdoutEnd }
    );
    // The customers with a purchase above $0 by 1997-09-30 (awk: 23,500 of the cohort's 23,570).
    expect(table[9][0]).toBe("all");
    expect(table[9][1]).toBe(23500);
    expect(table.slice(1, 9).reduce((s, row) => s + (row[1] as number), 0)).toBe(23500);
    expect(ms).toBeLessThan(10000); // npm run bench prints the time; this only catches a hang
  });
});
