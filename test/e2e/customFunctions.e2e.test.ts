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

const call = (id: string, args: unknown[]): ReturnType<FunctionsPage["call"]> => functions.call(id, args);

test("the page associates exactly the functions functions.json declares", async () => {
  const ids = await page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated).sort());
  expect(ids).toEqual(Object.keys(parameterCounts).sort());
});

test.each(FUNCTION_CASES.map((c) => [`${c.function}: ${c.note}`, c] as const))("%s", async (_name, c) => {
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
});

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
    const f = (window as unknown as { __associated: Record<string, (...a: unknown[]) => number> }).__associated;
    return [f.ACTIVATION_RATE(ids, dates, amounts, null, 90, 2, null, null), f.CONCENTRATION(amounts, ids, "GINI", null)];
  });
  expect(outcome[0]).toBeGreaterThan(0);
  expect(outcome[0]).toBeLessThanOrEqual(1);
  expect(outcome[1]).toBeGreaterThanOrEqual(0);
  expect(Date.now() - started).toBeLessThan(60000);
});
