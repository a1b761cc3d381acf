/**
 * The task pane's wizard driven in headless Chromium through every step, on the browser
 * preview backed by an .xlsx file. Each step is photographed (test-results/wizard/) and
 * checked for what a person would see.
 */
import { mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { SERVED_AT, requireBuild, ROOT } from "../support/builtAddin";
import { launchChromium, serveAddin } from "../support/browser";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { ForecastMethod } from "../../src/engine/revenueForecast";
import { LABELS } from "../../src/plan/labels";
import { runScorecard } from "../../src/cli/runScorecard";
import {
  openPackage,
  packageParts,
  sheetCells,
  sheetXml,
  writeTablesWorkbook,
} from "../support/workbooks";
import { MARKET } from "../fixtures/scorecardFixture";

const SHOTS = join(ROOT, "test-results", "wizard");
const dir = mkdtempSync(join(tmpdir(), "spec-wizard-"));
const sample = join(dir, "sample.xlsx");
const noSales = join(dir, "market-only.xlsx");
const big = join(dir, "sales-100k.xlsx");
let browser: Browser;
let page: Page;
let expectedRevenue: number;
let chosenForecast: { value: number; method: string };
let toCall: string[];
let unexpectedRequests: string[];

beforeAll(async () => {
  requireBuild();
  mkdirSync(SHOTS, { recursive: true });
  await writeSampleWorkbook(sample, { customers: 80 });
  await writeTablesWorkbook(noSales, [MARKET]);
  await writeSampleWorkbook(big, { customers: 4000, targetRows: 100000 });
  const out: string[] = [];
  await runScorecard([sample, "--json"], { out: (t) => out.push(t), err: () => undefined });
  const revenue = JSON.parse(out.join("")).indicators.revenue;
  expectedRevenue = revenue.value;
  chosenForecast = { value: revenue.forecast, method: revenue.chosen };
  // The command line's summary lists the customers to call, one per line under its header.
  const summary: string[] = [];
  await runScorecard([sample], { out: (t) => summary.push(t), err: () => undefined });
  const lines = summary.join("\n").split("\n");
  const header = lines.findIndex((l) => l.startsWith("Customer ") && l.includes("Lapses on"));
  toCall = lines
    .slice(header + 1)
    .filter((l) => /\d{4}-\d{2}-\d{2}/.test(l))
    .map((l) => l.split(/\s+/)[0]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  page = await browser.newPage({
    viewport: { width: 520, height: 1100 },
    acceptDownloads: true,
    locale: "en-US",
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  unexpectedRequests = await serveAddin(page, "");
  await page.goto(`${SERVED_AT}preview.html`);
  expect(errors).toEqual([]);
});

afterEach(async () => {
  await page?.close();
  expect(unexpectedRequests).toEqual([]); // no network calls: nothing leaves the browser
});

const shot = (name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

test("every step, from the guessed mapping to a downloaded workbook with its Scorecard", async () => {
  await page.setInputFiles('input[type="file"]', sample);

  // Step 1: the tables with their guessed roles and columns.
  await page.getByRole("tab", { name: "1 Data" }).waitFor();
  const salesTable = page.getByRole("combobox", { name: "Sales: table" });
  await expect(salesTable.textContent()).resolves.toContain("Sales");
  await expect(page.getByRole("combobox", { name: "Sales: Customer" }).textContent()).resolves.toBe(
    "Customer"
  );
  await expect(page.getByRole("combobox", { name: "Sales: Amount" }).textContent()).resolves.toBe(
    "Amount"
  );
  await expect(
    page.getByRole("combobox", { name: "Customers: Segment" }).textContent()
  ).resolves.toBe("Segment");
  await expect(
    page.getByRole("combobox", { name: "Market: Potential accounts" }).textContent()
  ).resolves.toBe("Potential Accounts");
  await shot("1-data");

  // Step 2: definitions, keyboard first.
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Activation window (days)").waitFor();
  expect(await page.getByLabel("Activation window (days)").inputValue()).toBe("90");
  await page.getByLabel("Minimum purchase days in the window").fill("0");
  await expect(page.getByText("Enter a whole number of at least 1.").isVisible()).resolves.toBe(
    true
  );
  await page.getByLabel("Minimum purchase days in the window").fill("1");
  await expect(page.getByRole("radio", { name: "Quarter" }).isChecked()).resolves.toBe(true);
  await shot("2-definitions");

  // Step 3: a revenue target.
  await page.getByRole("button", { name: "Next" }).click();
  await page
    .getByLabel("Revenue (amount)", { exact: true })
    .fill(String(Math.round(expectedRevenue * 3)));
  await shot("3-targets");

  // Step 4: build, then what was built.
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Build scorecard" }).click();
  await page.getByText("Scorecard built on sheet “Scorecard”.").waitFor({ timeout: 60000 });
  const revenueRow = page.getByRole("row", { name: /Revenue/ }).first();
  await expect(revenueRow.textContent()).resolves.toContain(
    expectedRevenue.toLocaleString("en-US", { maximumFractionDigits: 2 })
  );
  await expect(revenueRow.textContent()).resolves.toMatch(/Off track|At risk|On track/);
  await expect(
    page
      .getByText(
        /^Computed at this build, not live on the sheet \(build again to refresh\): Customers buying more \(upsell\); Upsell revenue/
      )
      .isVisible()
  ).resolves.toBe(true);
  // The headline forecast, as the backtest chose it, and the customers to call.
  const forecast = await page.getByLabel("Forecast", { exact: true }).textContent();
  expect(forecast).toContain(
    chosenForecast.value.toLocaleString("en-US", { maximumFractionDigits: 2 })
  );
  expect(forecast).toContain(LABELS.en.forecasts.methods[chosenForecast.method as ForecastMethod]);
  const calls = page.getByRole("table", { name: "Customers to call" }).getByRole("row");
  expect(toCall.length).toBeGreaterThan(0);
  await expect(calls.count()).resolves.toBe(toCall.length + 1);
  await expect(calls.nth(1).textContent()).resolves.toContain(toCall[0]);
  await shot("4-built");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the workbook with its scorecard" }).click(),
  ]);
  const saved = join(dir, "downloaded.xlsx");
  await download.saveAs(saved);
  expect((await openPackage(saved)).worksheets.map((w) => w.name)).toEqual([
    "Sales",
    "Customers",
    "Leads",
    "Market",
    "Scorecard",
  ]);
  expect((await sheetCells(saved, "Scorecard")).get("A1")).toBe("SPEC Scorecard");
  // The download carries the charts the task pane draws, as DrawingML parts.
  const drawings = [...(await packageParts(saved))].filter(([p]) => p.startsWith("xl/drawings/d"));
  expect(drawings.map(([, d]) => new TextDecoder().decode(d.data).match(/SPEC \w+/g))).toEqual([
    [
      "SPEC forecast",
      "SPEC model_check",
      ...Array.from({ length: 5 }, () => "SPEC trend"),
      "SPEC funnel",
      "SPEC pareto",
    ],
  ]);

  // Building again asks before replacing the sheet it made.
  await page.getByRole("button", { name: "Build scorecard" }).click();
  await page.getByRole("dialog").getByText("Replace the scorecard?").waitFor();
  await page.waitForTimeout(400); // let the dialog finish fading in before the picture
  await shot("5-replace");
  await page.getByRole("button", { name: "Replace" }).click();
  await page.getByText("Scorecard built on sheet “Scorecard”.").waitFor({ timeout: 60000 });
});

test("values instead of formulas, chosen on the preview page: the downloaded Scorecard holds no formula", async () => {
  await page.getByRole("checkbox", { name: /Write values instead of formulas/ }).check();
  await page.setInputFiles('input[type="file"]', sample);
  await page.getByRole("tab", { name: "1 Data" }).waitFor();
  await page.getByRole("tab", { name: "4 Build" }).click();
  await page.getByRole("button", { name: "Build scorecard" }).click();
  await page.getByText("Scorecard built on sheet “Scorecard”.").waitFor({ timeout: 60000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the workbook with its scorecard" }).click(),
  ]);
  const saved = join(dir, "downloaded-values.xlsx");
  await download.saveAs(saved);
  const xml = await sheetXml(saved, "Scorecard");
  expect(xml.match(/<f[ >]/g)).toBeNull();
  const cells = await sheetCells(saved, "Scorecard");
  expect(cells.get("A1")).toBe("SPEC Scorecard");
  expect([...cells.values()].filter((v) => typeof v === "number").length).toBeGreaterThan(100);
});

test("in Spanish, switched in the pane", async () => {
  await page.setInputFiles('input[type="file"]', sample);
  await page.getByRole("tab", { name: "1 Data" }).waitFor();
  await page.getByRole("combobox", { name: "Language" }).click();
  await page.getByRole("option", { name: "Español" }).click();
  await page.getByRole("tab", { name: "1 Datos" }).waitFor();
  await expect(
    page.getByRole("heading", { level: 1, name: "Cuadro de mando SPEC" }).isVisible()
  ).resolves.toBe(true);
  await page.getByRole("tab", { name: "4 Crear" }).click();
  await page.getByRole("button", { name: "Crear cuadro de mando" }).click();
  await page
    .getByText("Cuadro de mando creado en la hoja «Scorecard».")
    .waitFor({ timeout: 60000 });
  await expect(page.getByRole("row", { name: /Tasa de activación/ }).isVisible()).resolves.toBe(
    true
  );
  await shot("6-spanish");
});

test("a workbook without a sales table says what to do", async () => {
  await page.setInputFiles('input[type="file"]', noSales);
  await page.getByRole("alert").filter({ hasText: "No sales table found" }).waitFor();
  await expect(page.getByRole("button", { name: "Next" }).isDisabled()).resolves.toBe(true);
  await shot("7-no-sales");
});

test("a 100,000-row workbook is read in a Web Worker: the page keeps drawing and shows the rows read", async () => {
  // Every animation frame and every progress text, with the time they came.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __texts: [number, string][] };
    w.__frames = [];
    w.__texts = [];
    const frame = (t: number): void => {
      w.__frames.push(t);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new MutationObserver(() => {
      const live = document.querySelector('[aria-live="polite"]')?.textContent ?? "";
      if (live !== "" && w.__texts[w.__texts.length - 1]?.[1] !== live)
        w.__texts.push([performance.now(), live]);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.setInputFiles('input[type="file"]', big);
  await page.getByRole("tab", { name: "1 Data" }).waitFor();
  await expect(
    page.getByRole("combobox", { name: "Sales: table" }).textContent()
  ).resolves.toContain("Sales");
  await page.getByRole("tab", { name: "4 Build" }).click();
  await page.getByRole("button", { name: "Build scorecard" }).click();
  await page.getByText("Scorecard built on sheet “Scorecard”.").waitFor({ timeout: 120000 });
  const { frames, texts } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __texts: [number, string][] };
    return { frames: w.__frames, texts: w.__texts };
  });
  const reading = texts.filter(([, t]) => t.startsWith("Reading Sales:"));
  // Progress counted the rows as they came, not only at the end.
  expect(
    reading.some(
      ([, t]) =>
        /Reading Sales: [\d,]+ of 100,000 rows/.test(t) && !t.startsWith("Reading Sales: 100,000")
    )
  ).toBe(true);
  expect(reading[reading.length - 1][1]).toBe("Reading Sales: 100,000 of 100,000 rows");
  // While the worker read the sales table, the page drew frame after frame.
  const from = reading[0][0];
  const to = reading[reading.length - 1][0];
  const during = frames.filter((t) => t >= from && t <= to);
  const gaps = during.slice(1).map((t, i) => t - during[i]);
  expect(during.length).toBeGreaterThan(3);
  expect(Math.max(...gaps)).toBeLessThan(250);
  await shot("8-big-workbook");
});
