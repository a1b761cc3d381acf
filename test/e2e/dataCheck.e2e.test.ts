/**
 * The task pane's data check, driven in headless Chromium on the browser preview: step 1 shows
 * what will be read and, before any build, a problem with its cell; the choices there settle what
 * the data cannot tell. Photographed in test-results/wizard/.
 */
import { mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { isoDateToSerial } from "../../src/core/cells";
import { SERVED_AT, requireBuild, ROOT } from "../support/builtAddin";
import { launchChromium, serveAddin } from "../support/browser";
import { table } from "../support/tables";
import { writeTablesWorkbook } from "../support/workbooks";

const SHOTS = join(ROOT, "test-results", "wizard");
const dir = mkdtempSync(join(tmpdir(), "spec-check-"));
const ambiguous = join(dir, "ambiguous.xlsx");
const badDate = join(dir, "bad-date.xlsx");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  requireBuild();
  mkdirSync(SHOTS, { recursive: true });
  const day = isoDateToSerial;
  // Amounts as text a decimal point and a decimal comma read differently; a TOTAL row.
  await writeTablesWorkbook(ambiguous, [
    table(
      "Ventas",
      ["Cliente", "Fecha", "Importe"],
      [
        ["C01", "07/01/2025", "1.234"],
        ["C02", "25/01/2025", "6.110"],
        ["TOTAL", null, "7.344"],
      ]
    ),
  ]);
  await writeTablesWorkbook(badDate, [
    table(
      "Sales",
      ["Customer", "Date", "Amount"],
      [
        ["A", day("2025-01-07"), 5],
        ["B", "31/02/2025", 7],
      ]
    ),
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 520, height: 1100 }, locale: "en-US" });
  const unexpected = await serveAddin(page, "");
  await page.goto(`${SERVED_AT}preview.html`);
  expect(unexpected).toEqual([]);
});

afterEach(async () => {
  await page?.close();
});

const check = (): ReturnType<Page["getByRole"]> =>
  page.getByRole("region", { name: "Data check" }).getByRole("list");

test("an ambiguous column is shown at step 1 with the choice that settles it; then what was read", async () => {
  await page.setInputFiles('input[type="file"]', ambiguous);
  const alert = page.getByRole("alert").filter({ hasText: "holds only numbers like '1.234'" });
  await alert.waitFor();
  await expect(alert.textContent()).resolves.toBe(
    "column Importe of table Ventas on sheet Ventas holds only numbers like '1.234' (row 2), which may have a decimal point or a decimal comma: choose the decimal separator in step 1"
  );
  await page.getByRole("combobox", { name: "Decimal separator in text numbers" }).click();
  await page.getByRole("option", { name: "Comma (1.234,56)" }).click();
  await check().waitFor();
  const lines = await check().getByRole("listitem").allTextContents();
  expect(lines).toEqual([
    "sales: table Ventas (sheet Ventas): 3 rows read, 2 used; left out: 1 total row (row 4)",
    "Cliente → customer: e.g. C01, C02; the Scorecard sheet reads it the same way, in a hidden column",
    "Fecha → date: 2 text dates dd/mm/yyyy, day first (from the values); e.g. 07/01/2025 → 2025-01-07, 25/01/2025 → 2025-01-25; the Scorecard sheet reads it the same way, in a hidden column",
    "Importe → amount: 2 text numbers, decimal comma (as chosen); e.g. 1.234 → 1,234, 6.110 → 6,110; the Scorecard sheet reads it the same way, in a hidden column",
  ]);
  await expect(page.getByRole("alert").count()).resolves.toBe(0);
  await page.screenshot({ path: join(SHOTS, "1-data-check.png"), fullPage: true });
});

test("a date that is no day is named with its cell before any build, in Spanish too", async () => {
  await page.setInputFiles('input[type="file"]', badDate);
  const alert = page.getByRole("alert").filter({ hasText: "31/02/2025" });
  await alert.waitFor();
  await expect(alert.textContent()).resolves.toBe(
    "cell B3 of sheet Sales (column Date of table Sales) is '31/02/2025', which is not a day of the calendar; correct it"
  );
  await page.getByRole("combobox", { name: "Language" }).click();
  await page.getByRole("option", { name: "Español" }).click();
  await page
    .getByRole("alert")
    .filter({
      hasText:
        "la celda B3 de la hoja Sales (columna Date de la tabla Sales) es '31/02/2025', que no es un día del calendario; corríjalo",
    })
    .waitFor();
  await page.screenshot({ path: join(SHOTS, "1-data-problem.png"), fullPage: true });
});
