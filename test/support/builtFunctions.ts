/**
 * The built add-in's custom functions loaded the way Excel loads them: the manifest names the
 * functions page, the page's script associates each function with its id, and calls go through
 * what it associated, in headless Chromium with the custom functions runtime stubbed.
 */
import { readFileSync } from "fs";
import { Browser, Page } from "playwright-core";
import { DIST, customFunctionsResid, readManifest, resourceUrl } from "./builtAddin";
import { serveAddin } from "./browser";

const RUNTIME_STUB = `
  window.__associated = {};
  window.CustomFunctions = {
    associate: function (id, fn) { window.__associated[id] = fn; },
    Error: class CustomFunctionsError { constructor(code, message) { this.code = code; if (message !== undefined) this.message = message; } },
  };
`;

export interface CallOutcome {
  value?: unknown;
  error?: { isCustomFunctionsError: boolean; code: string; message?: string };
}

export interface FunctionsPage {
  readonly page: Page;
  /** Parameter counts by function id, from the built functions.json. */
  readonly parameterCounts: Record<string, number>;
  /** Requests the page made to anything but the add-in's files and the Office runtime. */
  readonly unexpectedRequests: string[];
  readonly pageErrors: string[];
  /** Calls a function with Excel's arguments; missing trailing arguments arrive as null. */
  call(id: string, args: readonly unknown[]): Promise<CallOutcome>;
}

export async function openFunctionsPage(browser: Browser): Promise<FunctionsPage> {
  const manifest = readManifest();
  const pageUrl = resourceUrl(manifest, customFunctionsResid(manifest, "Page"));
  const metadata = JSON.parse(readFileSync(`${DIST}/functions.json`, "utf8")) as {
    functions: { id: string; parameters: unknown[] }[];
  };
  const parameterCounts = Object.fromEntries(
    metadata.functions.map((f) => [f.id, f.parameters.length])
  );
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const unexpectedRequests = await serveAddin(page, RUNTIME_STUB);
  await page.goto(pageUrl);
  await page.waitForFunction(
    (n) => Object.keys((window as unknown as { __associated: object }).__associated).length >= n,
    metadata.functions.length
  );
  const call = async (id: string, args: readonly unknown[]): Promise<CallOutcome> => {
    const padded = [...args];
    while (padded.length < parameterCounts[id]) padded.push(null);
    return page.evaluate(
      ({ id, padded }) => {
        const w = window as unknown as {
          __associated: Record<string, (...a: unknown[]) => unknown>;
          CustomFunctions: { Error: new (...a: unknown[]) => unknown };
        };
        try {
          const value = w.__associated[id](...padded);
          const bad = typeof value === "number" && !Number.isFinite(value);
          return bad
            ? { error: { isCustomFunctionsError: false, code: `returned ${value}` } }
            : { value };
        } catch (e) {
          const err = e as { code: string; message?: string };
          return {
            error: {
              isCustomFunctionsError: e instanceof w.CustomFunctions.Error,
              code: err.code,
              message: err.message,
            },
          };
        }
      },
      { id, padded }
    );
  };
  return { page, parameterCounts, unexpectedRequests, pageErrors, call };
}
