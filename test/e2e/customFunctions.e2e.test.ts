/**
 * The built add-in loaded the way Excel loads it: manifest → custom functions page → the
 * functions it associates, in headless Chromium with the custom functions runtime stubbed.
 * Every worked case is called through what the page associated, ranges as 2-D arrays and
 * omitted arguments as null.
 */
import { readFileSync } from "fs";
import { Browser, Page } from "playwright-core";
import { customFunctionsResid, readManifest, requireBuild, resourceUrl, DIST } from "../support/builtAddin";
import { launchChromium, serveAddin } from "../support/browser";
import { FUNCTION_CASES, expectClose, isErrorExpectation } from "../support/functionCases";

const RUNTIME_STUB = `
  window.__associated = {};
  window.CustomFunctions = {
    associate: function (id, fn) { window.__associated[id] = fn; },
    Error: class CustomFunctionsError { constructor(code, message) { this.code = code; if (message !== undefined) this.message = message; } },
  };
`;

interface CallOutcome {
  value?: unknown;
  error?: { isCustomFunctionsError: boolean; code: string; message?: string };
}

let browser: Browser;
let page: Page;
let parameterCounts: Record<string, number>;
let unexpectedRequests: string[];

beforeAll(async () => {
  requireBuild();
  const manifest = readManifest();
  const pageUrl = resourceUrl(manifest, customFunctionsResid(manifest, "Page"));
  const metadata = JSON.parse(readFileSync(`${DIST}/functions.json`, "utf8")) as { functions: { id: string; parameters: unknown[] }[] };
  parameterCounts = Object.fromEntries(metadata.functions.map((f) => [f.id, f.parameters.length]));
  browser = await launchChromium();
  page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  unexpectedRequests = await serveAddin(page, RUNTIME_STUB);
  await page.goto(pageUrl);
  await page.waitForFunction(() => Object.keys((window as unknown as { __associated: object }).__associated).length >= 3);
  expect(pageErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

test("the functions page asks for nothing but the add-in's files and the Office runtime", () => {
  expect(unexpectedRequests).toEqual([]);
});

async function call(id: string, args: unknown[]): Promise<CallOutcome> {
  const padded = [...args];
  while (padded.length < parameterCounts[id]) padded.push(null);
  return page.evaluate(
    ({ id, padded }) => {
      const w = window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown>; CustomFunctions: { Error: new (...a: unknown[]) => unknown } };
      try {
        const value = w.__associated[id](...padded);
        const bad = typeof value === "number" && !Number.isFinite(value);
        return bad ? { error: { isCustomFunctionsError: false, code: `returned ${value}` } } : { value };
      } catch (e) {
        const err = e as { code: string; message?: string };
        return { error: { isCustomFunctionsError: e instanceof w.CustomFunctions.Error, code: err.code, message: err.message } };
      }
    },
    { id, padded },
  );
}

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
